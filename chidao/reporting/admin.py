from django.contrib import admin

from chidao.core.admin import FoldedSearchAdminMixin
from chidao.reporting.models import ReportingCycle, ReportTemplate, UnitSubmission


class UnitSubmissionInline(admin.TabularInline):
    model = UnitSubmission
    extra = 0
    fields = ("unit", "state", "submitted_at")
    readonly_fields = ("submitted_at",)
    autocomplete_fields = ("unit",)


@admin.register(ReportingCycle)
class ReportingCycleAdmin(FoldedSearchAdminMixin, admin.ModelAdmin):
    list_display = ("title", "kind", "committee", "window_start", "window_end", "due_on", "state")
    list_filter = ("committee", "kind", "state")
    list_select_related = ("committee",)
    autocomplete_fields = ("committee", "required_units", "opened_by")
    date_hierarchy = "period_start"
    inlines = [UnitSubmissionInline]


@admin.register(UnitSubmission)
class UnitSubmissionAdmin(admin.ModelAdmin):
    list_display = ("unit", "cycle", "state", "submitted_at")
    list_filter = ("state", "cycle__committee")
    list_select_related = ("unit", "cycle")
    search_fields = ("unit__search_text", "cycle__search_text")
    autocomplete_fields = ("cycle", "unit", "updated_by", "sent_by", "approved_by", "returned_by")


@admin.register(ReportTemplate)
class ReportTemplateAdmin(admin.ModelAdmin):
    list_display = ("committee", "original_name", "uploaded_by", "uploaded_at", "is_active")
    list_filter = ("is_active", "committee")
    list_select_related = ("committee", "uploaded_by")
    search_fields = ("committee__search_text", "original_name")
    autocomplete_fields = ("committee", "uploaded_by")
