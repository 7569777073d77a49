from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from chidao.assignments.choices import TaskStatus
from chidao.assignments.models import (
    DeadlineChange,
    Direction,
    Evidence,
    ForecastSettings,
    ProgressUpdate,
    Task,
)
from chidao.assignments.risk import WEIGHT_FIELDS
from chidao.assignments.spans import record_status_spans
from chidao.committees.choices import CommitteeLevel
from chidao.committees.models import Committee
from chidao.core.admin import CappedCountPaginator, FoldedSearchAdminMixin
from chidao.core.concurrency import VersionedAdminMixin


class StatusAsOfTodayFilter(admin.SimpleListFilter):
    title = _("trạng thái hôm nay")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return TaskStatus.choices

    def queryset(self, request, queryset):
        if self.value() in TaskStatus.values:
            return queryset.filter(status=self.value())
        return queryset


class UpperCommitteeFilter(admin.RelatedFieldListFilter):
    """The committee filter with the national and province committees only (35 at
    national scale, not 3,333); a commune committee chosen by link is shown too."""

    def field_choices(self, field, request, model_admin):
        committees = Committee.objects.exclude(level=CommitteeLevel.COMMUNE)
        if self.lookup_val:
            chosen = [value for value in self.lookup_val if str(value).isdigit()]
            committees = committees | Committee.objects.filter(pk__in=chosen)
        return [(committee.pk, str(committee)) for committee in committees.order_by("name")]


class ProgressUpdateInline(admin.StackedInline):
    model = ProgressUpdate
    fk_name = "task"
    extra = 0
    show_change_link = True
    fields = (
        "reported_on",
        "unit",
        "author",
        "percent",
        "results",
        "claims_completion",
        "review_state",
    )
    readonly_fields = fields
    can_delete = False


class DeadlineChangeInline(admin.TabularInline):
    model = DeadlineChange
    extra = 0
    fields = ("old_deadline", "new_deadline", "reason", "decision", "decided_on")
    readonly_fields = fields
    can_delete = False


class DirectionInline(admin.TabularInline):
    model = Direction
    extra = 0
    fields = ("created_at", "author", "text")
    readonly_fields = fields
    can_delete = False


@admin.register(Task)
class TaskAdmin(VersionedAdminMixin, FoldedSearchAdminMixin, admin.ModelAdmin):
    list_display = (
        "code",
        "title",
        "lead_unit",
        "deadline_text",
        "deadline",
        "status_badge",
        "is_key",
    )
    list_display_links = ("code", "title")
    # No filter lists every unit, group or commune committee of the country; a link with
    # ``?lead_unit__id__exact=`` still filters, and the search box finds the rest.
    list_filter = (StatusAsOfTodayFilter, ("committee", UpperCommitteeFilter), "kind", "is_key")
    list_select_related = ("lead_unit",)
    # Ordered as Meta.ordering, which the (committee, code_sort, id) index serves: the
    # first page is an index walk, and neither the page nor the total counts every task.
    show_full_result_count = False
    paginator = CappedCountPaginator
    list_per_page = 50  # as the task list page; rendering 100 rows was half the time
    autocomplete_fields = (
        "committee",
        "group",
        "source_document",
        "parent",
        "lead_unit",
        "coordinating_units",
        "overseeing_member",
        "focal_person",
        "indicators",
    )
    readonly_fields = ("original_deadline", "created_at", "updated_at")
    inlines = [ProgressUpdateInline, DeadlineChangeInline, DirectionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_kept_status(timezone.localdate())

    def save_related(self, request, form, formsets, change):
        # After the inlines (deadline changes among them): the task's status spans as saved.
        super().save_related(request, form, formsets, change)
        record_status_spans([form.instance])

    @admin.display(description=_("trạng thái hôm nay"), ordering="status")
    def status_badge(self, task):
        status = TaskStatus(task.status)
        return format_html('<span class="status status-{}">{}</span>', status.value, status.label)


class EvidenceInline(admin.TabularInline):
    """Read only: evidence comes in through the report page, which checks each file's content."""

    model = Evidence
    extra = 0
    fields = ("file", "original_name", "content_type", "size", "description")
    readonly_fields = ("file", "original_name", "content_type", "size")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(VersionedAdminMixin, admin.ModelAdmin):
    list_display = ("task", "unit", "reported_on", "percent", "claims_completion", "review_state")
    list_filter = ("review_state", "claims_completion", "task__committee")
    list_select_related = ("task", "unit")
    autocomplete_fields = ("task", "unit", "author", "reviewed_by", "unit_approved_by")
    search_fields = ("task__search_text",)
    date_hierarchy = "reported_on"
    inlines = [EvidenceInline]


@admin.register(DeadlineChange)
class DeadlineChangeAdmin(admin.ModelAdmin):
    list_display = ("task", "old_deadline", "new_deadline", "decision", "decided_on")
    list_filter = ("decision", "task__committee")
    list_select_related = ("task",)
    autocomplete_fields = ("task", "requested_by", "decided_by")
    search_fields = ("task__search_text",)

    # An approved change moves the task's status on past dates: its spans follow.
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        moved_from = form.initial.get("task") if "task" in form.changed_data else None
        record_status_spans([obj.task_id] + ([moved_from] if moved_from else []))

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        record_status_spans([obj.task_id])

    def delete_queryset(self, request, queryset):
        task_ids = list(queryset.values_list("task", flat=True).distinct())
        super().delete_queryset(request, queryset)
        record_status_spans(task_ids)


@admin.register(ForecastSettings)
class ForecastSettingsAdmin(admin.ModelAdmin):
    """A committee's early-warning weights (docs/early-warning.md). Dependencies between
    tasks are not edited here: the task form refuses cycles, the admin would not."""

    list_display = ("committee", *WEIGHT_FIELDS)
