import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from chidao.meetings.choices import Attendance, MeetingKind
from chidao.meetings.rules import get_ordinal


def minutes_upload_to(instance: "Meeting", filename: str) -> str:
    """A generated name: the uploader's file name never reaches the disk."""
    suffix = PurePath(filename).suffix.lower()
    return f"meetings/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class Meeting(models.Model):
    """A sitting of a steering committee (phiên họp), numbered within the committee.

    The chair (usually the head) presides; members attend, are absent, or send someone in
    their place. What the chair concludes is recorded as ``Conclusion`` items, which
    become tasks; the conclusion notice (thông báo kết luận) is registered as a document.
    """

    committee = models.ForeignKey(
        "committees.Committee",
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    number = models.PositiveSmallIntegerField(
        _("phiên họp số"), help_text=_("1 là phiên họp thứ nhất.")
    )
    kind = models.CharField(
        _("loại phiên họp"), max_length=16, choices=MeetingKind.choices, default=MeetingKind.REGULAR
    )
    held_on = models.DateField(_("ngày họp"))
    place = models.CharField(_("địa điểm"), max_length=300, blank=True)
    chair = models.ForeignKey(
        "committees.Membership",
        verbose_name=_("chủ trì"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="chaired_meetings",
    )
    guests = models.TextField(
        _("khách mời"),
        blank=True,
        help_text=_("Đại biểu không phải thành viên, mỗi dòng một người."),
    )
    minutes = models.TextField(_("biên bản, diễn biến phiên họp"), blank=True)
    minutes_file = models.FileField(
        _("tệp biên bản"), upload_to=minutes_upload_to, max_length=200, blank=True
    )
    notice_document = models.OneToOneField(
        "documents.Document",
        verbose_name=_("thông báo kết luận"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("phiên họp")
        verbose_name_plural = pgettext_lazy("số nhiều", "phiên họp")
        ordering = ["committee", "-held_on", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "number"],
                name="meeting_number_unique_per_committee",
                violation_error_message=_("Ban Chỉ đạo đã có phiên họp với số này."),
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1),
                name="meeting_number_positive",
                violation_error_message=_("Số phiên họp phải từ 1 trở lên."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d/%m/%Y})"

    @property
    def title(self) -> str:
        """ "Phiên họp thứ nhất" """
        return f"Phiên họp {get_ordinal(self.number)}"


class AgendaItem(models.Model):
    """One item of a meeting's agenda, with who presented it and the document presented."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("phiên họp"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    title = models.CharField(_("nội dung"), max_length=500)
    presenter = models.CharField(_("người trình bày"), max_length=300, blank=True)
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("văn bản trình"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
    )

    class Meta:
        verbose_name = _("nội dung phiên họp")
        verbose_name_plural = pgettext_lazy("số nhiều", "nội dung phiên họp")
        ordering = ["meeting", "order", "pk"]

    def __str__(self) -> str:
        return self.title


class MeetingAttendance(models.Model):
    """Whether one member attended a meeting, or who attended on their behalf."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("phiên họp"), on_delete=models.CASCADE, related_name="attendances"
    )
    membership = models.ForeignKey(
        "committees.Membership",
        verbose_name=_("thành viên"),
        on_delete=models.PROTECT,
        related_name="meeting_attendances",
    )
    status = models.CharField(
        _("tham dự"), max_length=16, choices=Attendance.choices, default=Attendance.PRESENT
    )
    delegate = models.CharField(
        _("người dự thay"),
        max_length=300,
        blank=True,
        help_text=_('Họ tên, chức danh, ví dụ "Nguyễn Văn A, Phó Giám đốc Sở".'),
    )

    class Meta:
        verbose_name = _("tham dự phiên họp")
        verbose_name_plural = pgettext_lazy("số nhiều", "tham dự phiên họp")
        ordering = ["meeting", "membership__role", "membership__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "membership"],
                name="attendance_once_per_member",
                violation_error_message=_("Thành viên đã có trong danh sách tham dự."),
            ),
            models.CheckConstraint(
                condition=models.Q(status=Attendance.DELEGATED) | models.Q(delegate=""),
                name="attendance_delegate_only_when_delegated",
                violation_error_message=_("Chỉ ghi người dự thay khi thành viên vắng và cử người."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.membership.person} — {self.get_status_display()}"

    @property
    def badge(self) -> str:
        return Attendance(self.status).badge


class Conclusion(models.Model):
    """One item the chair concluded at a meeting (kết luận), numbered within the meeting.

    An item may assign work: the tasks it created are linked through ``ConclusionTask``,
    which is the tasks' record of where they came from.
    """

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("phiên họp"), on_delete=models.CASCADE, related_name="conclusions"
    )
    number = models.PositiveSmallIntegerField(_("mục"))
    text = models.TextField(_("nội dung kết luận"))
    tasks = models.ManyToManyField(
        "assignments.Task",
        through="ConclusionTask",
        verbose_name=_("nhiệm vụ giao"),
        related_name="source_conclusions",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("ghi lúc"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kết luận")
        verbose_name_plural = pgettext_lazy("số nhiều", "kết luận")
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"],
                name="conclusion_number_unique_per_meeting",
                violation_error_message=_("Phiên họp đã có kết luận với số mục này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:80]}"


class ConclusionTask(models.Model):
    """A task assigned by a conclusion: the task's source, kept on the meeting's side."""

    conclusion = models.ForeignKey(
        Conclusion, verbose_name=_("kết luận"), on_delete=models.CASCADE, related_name="task_links"
    )
    task = models.ForeignKey(
        "assignments.Task",
        verbose_name=_("nhiệm vụ"),
        on_delete=models.CASCADE,
        related_name="conclusion_links",
    )
    created_at = models.DateTimeField(_("ghi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("nhiệm vụ giao tại phiên họp")
        verbose_name_plural = pgettext_lazy("số nhiều", "nhiệm vụ giao tại phiên họp")
        ordering = ["conclusion", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["conclusion", "task"],
                name="conclusion_task_once",
                violation_error_message=_("Nhiệm vụ đã gắn với kết luận này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.conclusion} → {self.task}"


class Inspection(models.Model):
    """An inspection (kiểm tra) the committee makes of how units carry out its programme:
    the plan (units, period, content, team), then findings per unit whose
    recommendations become tasks for the inspected unit."""

    committee = models.ForeignKey(
        "committees.Committee",
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.PROTECT,
        related_name="inspections",
    )
    title = models.CharField(_("tên đợt kiểm tra"), max_length=300)
    content = models.TextField(_("nội dung kiểm tra"), blank=True)
    units = models.ManyToManyField(
        "org.Unit", verbose_name=_("đơn vị được kiểm tra"), related_name="inspections"
    )
    period_start = models.DateField(_("kiểm tra từ ngày"), null=True, blank=True)
    period_end = models.DateField(_("đến ngày"), null=True, blank=True)
    scheduled_on = models.DateField(_("ngày kiểm tra"))
    team = models.TextField(_("đoàn kiểm tra"), blank=True, help_text=_("Mỗi dòng một người."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("đợt kiểm tra")
        verbose_name_plural = pgettext_lazy("số nhiều", "đợt kiểm tra")
        ordering = ["committee", "-scheduled_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_start__isnull=True)
                | models.Q(period_end__isnull=True)
                | models.Q(period_end__gte=models.F("period_start")),
                name="inspection_period_ends_after_start",
                violation_error_message=_(
                    "Ngày kết thúc kỳ kiểm tra không thể trước ngày bắt đầu."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Finding(models.Model):
    """What the inspection found at one unit (kết luận kiểm tra), with recommendations
    that became the unit's tasks (``tasks``)."""

    inspection = models.ForeignKey(
        Inspection,
        verbose_name=_("đợt kiểm tra"),
        on_delete=models.CASCADE,
        related_name="findings",
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    number = models.PositiveSmallIntegerField(_("mục"))
    text = models.TextField(_("kết quả kiểm tra"))
    tasks = models.ManyToManyField(
        "assignments.Task",
        verbose_name=_("kiến nghị thành nhiệm vụ"),
        related_name="source_findings",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("ghi lúc"), auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[tasks])

    class Meta:
        verbose_name = _("kết quả kiểm tra")
        verbose_name_plural = pgettext_lazy("số nhiều", "kết quả kiểm tra")
        ordering = ["inspection", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "number"],
                name="finding_number_unique_per_inspection",
                violation_error_message=_("Đợt kiểm tra đã có kết quả với số mục này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.unit}: {self.text[:60]}"
