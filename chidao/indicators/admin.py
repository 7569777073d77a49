from django.contrib import admin

from chidao.core.admin import FoldedSearchAdminMixin
from chidao.core.concurrency import VersionedAdminMixin
from chidao.indicators.models import Indicator, Observation, Target
from chidao.indicators.rollups import record_indicator_rollups


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    autocomplete_fields = ("unit",)
    fields = ("year", "unit", "text")


@admin.register(Indicator)
class IndicatorAdmin(FoldedSearchAdminMixin, admin.ModelAdmin):
    list_display = (
        "code",
        "name",
        "measure_unit",
        "level",
        "direction",
        "committee",
        "responsible_unit",
    )
    list_filter = ("committee", "level", "direction", "value_type", "frequency")
    list_select_related = ("committee", "responsible_unit")
    autocomplete_fields = ("committee", "group", "responsible_unit", "reporting_units", "parent")
    inlines = [TargetInline]


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ("indicator", "year", "unit", "text")
    list_filter = ("year", "indicator__committee")
    list_select_related = ("indicator", "unit")
    autocomplete_fields = ("indicator", "unit")
    search_fields = ("indicator__search_text",)


@admin.register(Observation)
class ObservationAdmin(VersionedAdminMixin, admin.ModelAdmin):
    list_display = ("indicator", "unit", "period_kind", "period_start", "value", "state")
    list_filter = ("state", "period_kind", "indicator__committee")
    list_select_related = ("indicator", "unit")
    autocomplete_fields = ("indicator", "unit", "entered_by", "approved_by", "returned_by")
    search_fields = ("indicator__search_text", "unit__search_text")
    date_hierarchy = "period_start"

    # The kept roll-ups of the period follow (and those of the period it left, if moved).
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        before = [form.initial.get(name) for name in ("indicator", "period_kind", "period_start")]
        record_indicator_rollups([obj, *([tuple(before)] if change and all(before) else [])])

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        record_indicator_rollups([obj])

    def delete_queryset(self, request, queryset):
        cells = list(queryset.values_list("indicator", "period_kind", "period_start"))
        super().delete_queryset(request, queryset)
        record_indicator_rollups(cells)
