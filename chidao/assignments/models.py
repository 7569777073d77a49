import uuid
from datetime import date
from functools import reduce
from operator import or_
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from chidao.assignments.choices import (
    UNDECIDED_REVIEW_STATES,
    CompletionQuality,
    DeadlineChangeDecision,
    Recurrence,
    ReviewState,
    TaskKind,
    TaskState,
    TaskStatus,
)
from chidao.assignments.querysets import TaskQuerySet, TaskStatusSpanQuerySet
from chidao.assignments.rules import DecidedChange, get_deadline_as_of, get_task_status
from chidao.core.models import VietnameseTextModel
from chidao.core.ordering import get_sort_code


class Task(VietnameseTextModel):
    """One duty a committee assigns to exactly one lead unit (nhiệm vụ).

    A task has one lead agency (chủ trì) that answers for it, coordinating agencies
    (phối hợp), a deadline written as in the plan and parsed, and a measurable output
    (sản phẩm). A provincial task can be broken into unit or commune tasks (``parent``).
    Its status on a date is never stored: it derives from ``state``, the dates and the
    deadline history (``rules.get_task_status`` / ``TaskQuerySet.with_status``).
    """

    SEARCH_FIELDS = ("code", "title", "expected_output")

    committee = models.ForeignKey(
        "committees.Committee",
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.PROTECT,
        related_name="tasks",
    )
    code = models.CharField(_("mã"), max_length=32, blank=True, help_text=_('Ví dụ "II.3.a".'))
    # ``code`` in the plan's order as sortable text (II.3 before II.10, IX before X): what
    # every list, report and export orders by (``core.ordering.get_sort_code``).
    code_sort = models.CharField(max_length=200, blank=True, default="", editable=False)
    title = models.TextField(_("tên nhiệm vụ"))
    description = models.TextField(_("nội dung"), blank=True)
    group = models.ForeignKey(
        "committees.TaskGroup",
        verbose_name=_("nhóm nhiệm vụ"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
    )
    source_document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("văn bản giao"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
    )
    source_clause = models.CharField(_("điều, khoản, mục"), max_length=200, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("nhiệm vụ cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subtasks",
    )
    lead_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("cơ quan chủ trì"),
        on_delete=models.PROTECT,
        related_name="led_tasks",
    )
    coordinating_units = models.ManyToManyField(
        "org.Unit", verbose_name=_("cơ quan phối hợp"), blank=True, related_name="coordinated_tasks"
    )
    coordinators_text = models.TextField(
        _("cơ quan phối hợp khác"),
        blank=True,
        help_text=_(
            "Cơ quan, tổ chức phối hợp ngoài danh mục đơn vị, ghi như trong văn bản giao "
            "(“các doanh nghiệp viễn thông”, “các cơ quan đại diện Việt Nam ở nước ngoài”)."
        ),
    )
    overseeing_member = models.ForeignKey(
        "committees.Membership",
        verbose_name=_("lãnh đạo phụ trách"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="overseen_tasks",
    )
    focal_person = models.ForeignKey(
        "org.Person",
        verbose_name=_("cán bộ đầu mối"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="focal_tasks",
    )
    kind = models.CharField(
        _("loại nhiệm vụ"), max_length=16, choices=TaskKind.choices, default=TaskKind.DEADLINE
    )
    recurrence = models.CharField(
        _("chu kỳ"), max_length=16, choices=Recurrence.choices, blank=True
    )
    deadline_text = models.CharField(
        _("thời hạn (như văn bản ghi)"),
        max_length=200,
        blank=True,
        help_text=_('Ví dụ "Quý II/2025".'),
    )
    assigned_on = models.DateField(_("ngày giao"))
    start_date = models.DateField(_("ngày bắt đầu"), null=True, blank=True)
    original_deadline = models.DateField(_("thời hạn ban đầu"), null=True, blank=True)
    # The deadline in force today. Approved changes move it (services.do_decide_deadline_change)
    # and keep the history in DeadlineChange, from which the deadline on a past date is read.
    deadline = models.DateField(_("thời hạn"), null=True, blank=True)
    expected_output = models.TextField(_("sản phẩm"), blank=True)
    is_key = models.BooleanField(_("nhiệm vụ trọng tâm"), default=False)
    indicators = models.ManyToManyField(
        "indicators.Indicator",
        verbose_name=_("chỉ tiêu liên quan"),
        blank=True,
        related_name="tasks",
    )
    progress_percent = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    state = models.CharField(
        _("tình trạng"), max_length=16, choices=TaskState.choices, default=TaskState.OPEN
    )
    completed_on = models.DateField(
        _("ngày hoàn thành"),
        null=True,
        blank=True,
        help_text=_(
            "Ngày của sản phẩm (ví dụ ngày ký quyết định), không phải ngày cập nhật trên hệ thống."
        ),
    )
    stopped_on = models.DateField(_("ngày tạm dừng hoặc dừng thực hiện"), null=True, blank=True)
    stop_reason = models.TextField(_("lý do tạm dừng hoặc dừng thực hiện"), blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    # Optimistic locking: each service write adds one (chidao.core.concurrency).
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    objects = TaskQuerySet.as_manager()
    # Who changed what and when, shown as the task's change history.
    history = HistoricalRecords(
        excluded_fields=["search_text", "code_sort", "updated_at"],
        m2m_fields=[coordinating_units],
    )

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = pgettext_lazy("số nhiều", "nhiệm vụ")
        ordering = ["committee", "code_sort", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "code"],
                condition=~Q(code=""),
                name="task_code_unique_per_committee",
                violation_error_message=_("Ban Chỉ đạo đã có nhiệm vụ với mã này."),
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(deadline__isnull=True)
                | Q(deadline__gte=F("start_date")),
                name="task_deadline_not_before_start",
                violation_error_message=_("Thời hạn không thể trước ngày bắt đầu."),
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(original_deadline__isnull=True)
                | Q(original_deadline__gte=F("start_date")),
                name="task_original_deadline_not_before_start",
                violation_error_message=_("Thời hạn ban đầu không thể trước ngày bắt đầu."),
            ),
            models.CheckConstraint(
                condition=Q(
                    kind=TaskKind.DEADLINE, deadline__isnull=False, original_deadline__isnull=False
                )
                | (
                    ~Q(kind=TaskKind.DEADLINE)
                    & Q(deadline__isnull=True, original_deadline__isnull=True)
                ),
                name="task_deadline_iff_kind_deadline",
                violation_error_message=_(
                    "Nhiệm vụ có thời hạn phải ghi thời hạn; "
                    "nhiệm vụ thường xuyên, định kỳ thì không."
                ),
            ),
            models.CheckConstraint(
                condition=Q(kind=TaskKind.RECURRING, recurrence__in=Recurrence.values)
                | (~Q(kind=TaskKind.RECURRING) & Q(recurrence="")),
                name="task_recurrence_iff_recurring",
                violation_error_message=_(
                    "Nhiệm vụ định kỳ phải có chu kỳ; nhiệm vụ khác thì không."
                ),
            ),
            models.CheckConstraint(
                condition=Q(state=TaskState.COMPLETED, completed_on__isnull=False)
                | (~Q(state=TaskState.COMPLETED) & Q(completed_on__isnull=True)),
                name="task_completed_on_iff_completed",
                violation_error_message=_(
                    "Nhiệm vụ đã hoàn thành phải có ngày hoàn thành, và ngược lại."
                ),
            ),
            models.CheckConstraint(
                condition=Q(
                    state__in=[TaskState.PAUSED, TaskState.CANCELLED], stopped_on__isnull=False
                )
                | (
                    ~Q(state__in=[TaskState.PAUSED, TaskState.CANCELLED])
                    & Q(stopped_on__isnull=True)
                ),
                name="task_stopped_on_iff_stopped",
                violation_error_message=_(
                    "Nhiệm vụ tạm dừng, dừng thực hiện phải có ngày tạm dừng hoặc dừng thực hiện, "
                    "và ngược lại."
                ),
            ),
            models.CheckConstraint(
                condition=Q(progress_percent__lte=100),
                name="task_progress_at_most_100",
                violation_error_message=_("Tiến độ phải từ 0 đến 100."),
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="task_not_own_parent",
                violation_error_message=_("Nhiệm vụ không thể là nhiệm vụ cấp trên của chính nó."),
            ),
        ]
        indexes = [
            models.Index(fields=["committee", "lead_unit"]),
            models.Index(fields=["committee", "state", "deadline"]),
            # The admin's order (Meta.ordering) and a committee's list by code: the first
            # page is an index walk, not a sort of every task.
            models.Index(fields=["committee", "code_sort", "id"], name="task_committee_code_idx"),
            # The tasks not yet assigned on a date (the unfiltered list's counts beside
            # the kept tallies, which count only assigned tasks): a short range, not a
            # count of every task of the country.
            models.Index(fields=["assigned_on"], name="task_assigned_on_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}".strip()

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "code_sort" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "code_sort"]
        super().save(*args, **kwargs)

    def prepare_text(self) -> None:
        super().prepare_text()
        self.code_sort = get_sort_code(self.code)

    def get_deadline_on(self, as_of: date) -> date | None:
        """The deadline in force on ``as_of``; prefetch ``deadline_changes`` for lists."""
        approved = [
            DecidedChange(decided_on=c.decided_on, order=c.pk, old_deadline=c.old_deadline)
            for c in self.deadline_changes.all()
            if c.decision == DeadlineChangeDecision.APPROVED
        ]
        return get_deadline_as_of(self.deadline, approved, as_of)

    def get_status(self, as_of: date) -> TaskStatus:
        """The task's status on ``as_of`` (``rules.get_task_status``)."""
        return get_task_status(
            state=self.state,
            kind=self.kind,
            deadline=self.get_deadline_on(as_of),
            assigned_on=self.assigned_on,
            completed_on=self.completed_on,
            stopped_on=self.stopped_on,
            as_of=as_of,
        )


class ProgressUpdate(models.Model):
    """A unit's report on a task (báo cáo tiến độ), possibly claiming completion.

    A completion claim names the output (e.g. the number of the issued decision) and its
    date; the task counts as completed only when the secretariat accepts the claim.
    """

    task = models.ForeignKey(
        Task, verbose_name=_("nhiệm vụ"), on_delete=models.CASCADE, related_name="progress_updates"
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị báo cáo"),
        on_delete=models.PROTECT,
        related_name="progress_updates",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người báo cáo"),
        on_delete=models.PROTECT,
        related_name="progress_updates",
    )
    reported_on = models.DateField(_("ngày báo cáo"))
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"))
    results = models.TextField(_("kết quả"), blank=True)
    difficulties = models.TextField(_("khó khăn, vướng mắc"), blank=True)
    proposals = models.TextField(_("kiến nghị, đề xuất"), blank=True)
    claims_completion = models.BooleanField(_("đề nghị xác nhận hoàn thành"), default=False)
    completion_output = models.CharField(_("sản phẩm hoàn thành"), max_length=500, blank=True)
    output_date = models.DateField(_("ngày của sản phẩm"), null=True, blank=True)
    review_state = models.CharField(
        _("trạng thái xem xét"),
        max_length=16,
        choices=ReviewState.choices,
        default=ReviewState.SUBMITTED,
    )
    review_reason = models.TextField(_("lý do trả lại"), blank=True)
    # Recorded once, when the secretariat accepts a completion claim; the report row is
    # never rewritten afterwards, so it is the history of how each output was judged.
    completion_quality = models.CharField(
        _("chất lượng sản phẩm"),
        max_length=16,
        choices=CompletionQuality.choices,
        blank=True,
    )
    quality_reason = models.TextField(_("nhận xét chất lượng"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xem xét"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviewed_progress_updates",
    )
    reviewed_at = models.DateTimeField(_("xem xét lúc"), null=True, blank=True)
    unit_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lãnh đạo đơn vị duyệt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="unit_approved_progress_updates",
    )
    unit_approved_at = models.DateTimeField(_("lãnh đạo đơn vị duyệt lúc"), null=True, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    # Optimistic locking: each service write adds one (chidao.core.concurrency).
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    class Meta:
        verbose_name = _("báo cáo tiến độ")
        verbose_name_plural = pgettext_lazy("số nhiều", "báo cáo tiến độ")
        ordering = ["-reported_on", "-pk"]
        indexes = [
            # A task's reports, latest first: the "last report" of lists, dashboard, timeline.
            models.Index(fields=["task", "reported_on", "id"]),
            # Claims still awaiting review (a handful of rows among millions of reports):
            # every task list and API page asks "awaiting verification?" of each task, which
            # without it scanned every report (bench/RESULTS.md, issue 21: API 212 → 46 ms).
            # The states as equalities joined by OR, not IN: PostgreSQL prints an IN list
            # built from parameters differently after a dump and restore (core backup test).
            models.Index(
                fields=["task"],
                condition=Q(claims_completion=True)
                & reduce(or_, (Q(review_state=state) for state in UNDECIDED_REVIEW_STATES)),
                name="progress_claim_awaiting_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(percent__lte=100),
                name="progress_update_percent_at_most_100",
                violation_error_message=_("Tiến độ phải từ 0 đến 100."),
            ),
            models.CheckConstraint(
                condition=Q(claims_completion=False) | Q(output_date__isnull=False),
                name="completion_claim_has_output_date",
                violation_error_message=_("Đề nghị xác nhận hoàn thành phải có ngày của sản phẩm."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task.code} — {self.reported_on:%d/%m/%Y} — {self.percent}%"

    @property
    def is_contribution(self) -> bool:
        """Filed by a coordinating unit: its part of the task, not the lead unit's report."""
        return self.unit_id != self.task.lead_unit_id

    @property
    def review_label(self) -> str:
        """The state as a reader should see it: a claim is never "done" before acceptance."""
        if self.claims_completion and self.review_state == ReviewState.SUBMITTED:
            return _("Chờ xác nhận hoàn thành")
        if self.claims_completion and self.review_state == ReviewState.ACCEPTED:
            return _("Đã xác nhận hoàn thành")
        return self.get_review_state_display()

    @property
    def review_badge(self) -> str:
        return _REVIEW_BADGES[self.review_state]


_REVIEW_BADGES = {
    ReviewState.PENDING_UNIT_HEAD: "secondary",
    ReviewState.SUBMITTED: "warning",
    ReviewState.ACCEPTED: "success",
    ReviewState.RETURNED: "danger",
}


def evidence_upload_to(instance: "Evidence", filename: str) -> str:
    """A generated name: the uploader's file name never reaches the disk."""
    suffix = PurePath(filename).suffix.lower()
    return f"evidence/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class Evidence(models.Model):
    """A file attached to a progress update as proof (minh chứng).

    Its kind is read from the content (``evidence.check_evidence_file``), its name on disk
    is generated; ``original_name`` is only shown and offered on download.
    """

    progress_update = models.ForeignKey(
        ProgressUpdate,
        verbose_name=_("báo cáo tiến độ"),
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    file = models.FileField(_("tệp"), upload_to=evidence_upload_to, max_length=200)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255, blank=True)
    content_type = models.CharField(_("loại tệp"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"), default=0)
    description = models.CharField(_("mô tả"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("minh chứng")
        verbose_name_plural = pgettext_lazy("số nhiều", "minh chứng")

    def __str__(self) -> str:
        return self.description or self.original_name or self.file.name


class DeadlineChange(models.Model):
    """A request to move a task's deadline and the secretariat's decision on it.

    Nothing is overwritten: every request stays, with the deadline before and after, so
    the deadline in force on any past date can be read back.
    """

    task = models.ForeignKey(
        Task, verbose_name=_("nhiệm vụ"), on_delete=models.CASCADE, related_name="deadline_changes"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người đề nghị"),
        on_delete=models.PROTECT,
        related_name="requested_deadline_changes",
    )
    requested_at = models.DateTimeField(_("đề nghị lúc"), auto_now_add=True)
    old_deadline = models.DateField(_("thời hạn cũ"))
    new_deadline = models.DateField(_("thời hạn đề nghị"))
    reason = models.TextField(_("lý do"))
    decision = models.CharField(
        _("quyết định"),
        max_length=16,
        choices=DeadlineChangeDecision.choices,
        default=DeadlineChangeDecision.PENDING,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người quyết định"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decided_deadline_changes",
    )
    decided_on = models.DateField(_("ngày quyết định"), null=True, blank=True)
    decided_at = models.DateTimeField(_("quyết định lúc"), null=True, blank=True)
    decision_note = models.TextField(_("ý kiến"), blank=True)

    class Meta:
        verbose_name = _("điều chỉnh thời hạn")
        verbose_name_plural = pgettext_lazy("số nhiều", "điều chỉnh thời hạn")
        ordering = ["task", "requested_at", "pk"]
        # ``with_status``'s look-up of the first approved change after a date, per task.
        indexes = [models.Index(fields=["task", "decision", "decided_on", "id"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(new_deadline=F("old_deadline")),
                name="deadline_change_moves_deadline",
                violation_error_message=_("Thời hạn đề nghị phải khác thời hạn cũ."),
            ),
            models.CheckConstraint(
                condition=Q(decision=DeadlineChangeDecision.PENDING, decided_on__isnull=True)
                | (~Q(decision=DeadlineChangeDecision.PENDING) & Q(decided_on__isnull=False)),
                name="deadline_change_decided_on_iff_decided",
                violation_error_message=_(
                    "Đề nghị đã quyết định phải có ngày quyết định, và ngược lại."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task.code}: {self.old_deadline:%d/%m/%Y} → {self.new_deadline:%d/%m/%Y}"


class Direction(models.Model):
    """A leader's direction on a task (ý kiến chỉ đạo), shown in the task's timeline."""

    task = models.ForeignKey(
        Task, verbose_name=_("nhiệm vụ"), on_delete=models.CASCADE, related_name="directions"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người chỉ đạo"),
        on_delete=models.PROTECT,
        related_name="directions",
    )
    text = models.TextField(_("ý kiến chỉ đạo"))
    created_at = models.DateTimeField(_("lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("ý kiến chỉ đạo")
        verbose_name_plural = pgettext_lazy("số nhiều", "ý kiến chỉ đạo")
        ordering = ["task", "-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.task.code}: {self.text[:60]}"


class TaskDependency(models.Model):
    """One task waiting for another ("cần hoàn thành trước"): ``task`` cannot be finished
    before ``depends_on`` is.

    Within a committee or across levels (a commune task on a provincial one). Cycles are
    refused by ``dependencies.find_cycle`` in ``services.do_set_task_dependencies``; the
    rows keep their own history, so who added or removed a link stays readable.
    """

    task = models.ForeignKey(
        Task, verbose_name=_("nhiệm vụ"), on_delete=models.CASCADE, related_name="dependencies"
    )
    depends_on = models.ForeignKey(
        Task,
        verbose_name=_("cần hoàn thành trước"),
        on_delete=models.CASCADE,
        related_name="dependents",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("ghi lúc"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("phụ thuộc giữa nhiệm vụ")
        verbose_name_plural = pgettext_lazy("số nhiều", "phụ thuộc giữa nhiệm vụ")
        ordering = ["task", "depends_on"]
        constraints = [
            models.UniqueConstraint(fields=["task", "depends_on"], name="task_dependency_unique"),
            models.CheckConstraint(
                condition=~Q(task=F("depends_on")),
                name="task_dependency_not_self",
                violation_error_message=_("Nhiệm vụ không thể phụ thuộc chính nó."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task.code} ← {self.depends_on.code}"


class ForecastSettings(models.Model):
    """A committee's weights for the early warning (``forecast.py``).

    A committee without a row uses the defaults (``forecast.Weights``); the backtest
    (docs/early-warning.md) says how the defaults were chosen.
    """

    committee = models.OneToOneField(
        "committees.Committee",
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.CASCADE,
        related_name="forecast_settings",
    )
    pace_gap_percent = models.PositiveSmallIntegerField(
        _("độ chậm so với thời gian đã qua (%)"),
        default=20,
        help_text=_("Cảnh báo khi tiến độ thấp hơn phần thời gian đã qua quá mức này."),
    )
    stale_report_days = models.PositiveSmallIntegerField(
        _("số ngày không báo cáo thì cảnh báo"), default=45
    )
    repeated_changes = models.PositiveSmallIntegerField(
        _("số lần đề nghị lùi thời hạn thì cảnh báo"), default=2
    )
    poor_on_time_percent = models.PositiveSmallIntegerField(
        _("tỷ lệ đúng hạn của cơ quan chủ trì dưới mức này thì cảnh báo (%)"), default=60
    )
    certain_late_days = models.PositiveSmallIntegerField(
        _("dự kiến trễ quá số ngày này thì coi là chậm chắc chắn"), default=30
    )
    risk_points = models.PositiveSmallIntegerField(
        _("số điểm cảnh báo để coi là có nguy cơ chậm"), default=2
    )

    class Meta:
        verbose_name = _("thiết lập cảnh báo sớm")
        verbose_name_plural = pgettext_lazy("số nhiều", "thiết lập cảnh báo sớm")

    def __str__(self) -> str:
        return str(self.committee)


class TaskStatusSpan(models.Model):
    """The days over which one task kept one status (and one deadline in force).

    Kept, never typed in: ``spans.record_status_spans`` writes a task's spans from the
    status rule (``rules.get_status_spans``) in the transaction of every write that can
    change them, so "how many tasks of this committee, per unit and group, were in each
    status on a date" is a range look-up (``TaskStatusSpanQuerySet.as_of``) rather than the
    rule evaluated for every task. The task's committee, lead unit, group and key flag are
    copied so that the counts need no join to the task. ``manage.py rebuild_status_counts``
    rebuilds and verifies them.
    """

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="status_spans")
    committee = models.ForeignKey(
        "committees.Committee", on_delete=models.CASCADE, related_name="+"
    )
    lead_unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(
        "committees.TaskGroup", on_delete=models.CASCADE, null=True, related_name="+"
    )
    is_key = models.BooleanField(default=False)
    status = models.CharField(max_length=16, choices=TaskStatus.choices)
    # The deadline in force over the span: "due soon" is read from it as of a date.
    deadline_as_of = models.DateField(null=True)
    valid_from = models.DateField()
    valid_until = models.DateField(null=True)  # excluded; None: still in force

    objects = TaskStatusSpanQuerySet.as_manager()

    class Meta:
        verbose_name = _("khoảng trạng thái nhiệm vụ")
        verbose_name_plural = pgettext_lazy("số nhiều", "khoảng trạng thái nhiệm vụ")
        indexes = [
            models.Index(
                fields=["committee", "valid_from", "valid_until"], name="status_span_committee_day"
            ),
            models.Index(fields=["task", "valid_from"], name="status_span_task"),
            # "Due soon" across the country (the unfiltered list; the tallies do not keep
            # it): the spans in progress by their deadline, a few days' worth.
            models.Index(
                fields=["deadline_as_of"],
                condition=Q(status="in_progress"),
                name="status_span_due_soon",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gt=F("valid_from")),
                name="status_span_not_empty",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task_id} {self.status} {self.valid_from}–{self.valid_until or ''}"


class StatusTally(models.Model):
    """How many tasks of a committee and of the committees below it were in one status,
    from ``day`` until the next row's day: the counts of the status spans kept at their
    steps, so that the overview reads one row per committee and status, whatever the
    number of tasks.

    Kept, never typed in: ``spans.record_status_spans`` moves the steps of the task's
    committee and of each committee above it that has a parent (the root's is never read)
    in the transaction that rewrites the spans. ``manage.py rebuild_status_counts``
    rebuilds and verifies them; a property test holds them equal to the spans.
    """

    committee = models.ForeignKey(
        "committees.Committee", on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(max_length=16, choices=TaskStatus.choices)
    day = models.DateField()
    n = models.IntegerField()

    class Meta:
        verbose_name = _("số nhiệm vụ theo trạng thái")
        verbose_name_plural = pgettext_lazy("số nhiều", "số nhiệm vụ theo trạng thái")
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "status", "day"], name="status_tally_step"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.committee_id} {self.status} {self.day}: {self.n}"
