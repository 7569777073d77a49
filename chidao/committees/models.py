from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chidao.committees.choices import CommitteeLevel, MemberRole
from chidao.core.models import VietnameseTextModel


class Committee(VietnameseTextModel):
    """A steering committee (Ban Chỉ đạo) set up to carry out one resolution.

    Province, ministry and commune committees each follow their own programme; commune
    committees sit under the province's (``parent``) and roll up into it. The committee
    is hosted by a Party committee or People's Committee and run day to day by its
    standing body, usually the Department of Science and Technology.
    """

    SEARCH_FIELDS = ("name", "short_name")

    name = models.CharField(_("tên"), max_length=300)
    short_name = models.CharField(_("tên ngắn"), max_length=100, blank=True)
    level = models.CharField(_("cấp"), max_length=16, choices=CommitteeLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Ban Chỉ đạo cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    host_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("cơ quan thành lập"),
        on_delete=models.PROTECT,
        related_name="hosted_committees",
    )
    standing_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("cơ quan thường trực"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="standing_committees",
    )
    resolution = models.ForeignKey(
        "documents.Document",
        verbose_name=_("nghị quyết thực hiện"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="committees_carrying_out",
    )
    founding_document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("quyết định thành lập"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="committees_founded",
    )
    directory_units = models.ManyToManyField(
        "org.Unit",
        verbose_name=_("đơn vị khác trong danh mục"),
        blank=True,
        related_name="directory_committees",
        help_text=_(
            "Cơ quan Trung ương trên địa bàn và đơn vị khác mà kế hoạch của Ban Chỉ đạo được "
            "giao, ngoài các đơn vị thuộc tỉnh (cơ quan thành lập, cơ quan thường trực)."
        ),
    )
    due_soon_days = models.PositiveSmallIntegerField(
        _("số ngày báo sắp đến hạn"),
        default=7,
        help_text=_(
            "Nhiệm vụ còn trong hạn nhưng đến hạn trong số ngày này được đánh dấu sắp đến hạn."
        ),
    )
    requires_unit_head_approval = models.BooleanField(
        _("lãnh đạo đơn vị duyệt báo cáo trước khi gửi"),
        default=False,
        help_text=_("Báo cáo của đơn vị chờ lãnh đạo đơn vị duyệt rồi mới đến Thường trực."),
    )
    accepts_proposals = models.BooleanField(
        _("nhận kiến nghị của người dân, doanh nghiệp"),
        default=True,
        help_text=_("Ban Chỉ đạo có trong danh sách của trang gửi kiến nghị công khai."),
    )
    is_active = models.BooleanField(_("đang hoạt động"), default=True)

    class Meta:
        verbose_name = _("Ban Chỉ đạo")
        verbose_name_plural = pgettext_lazy("số nhiều", "Ban Chỉ đạo")
        ordering = ["level", "name"]
        # The task lists sort by committee name (the page and API) or by this ordering
        # (the admin): walking these, PostgreSQL reads a list's first page by an
        # incremental sort instead of sorting every task of the country.
        indexes = [
            models.Index(fields=["name", "id"], name="committee_name_idx"),
            models.Index(fields=["level", "name", "id"], name="committee_level_name_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="committee_not_own_parent",
                violation_error_message=_("Ban Chỉ đạo không thể là cấp trên của chính nó."),
            ),
        ]

    def __str__(self) -> str:
        return self.short_name or self.name


class Membership(VietnameseTextModel):
    """A person's seat on a committee: role, title as written, and duties assigned.

    The founding decision and the working rules (quy chế, phân công nhiệm vụ) give each
    member areas in charge and units to follow; leaders' dashboards are scoped by them.
    """

    SEARCH_FIELDS = ("title", "areas")

    committee = models.ForeignKey(
        Committee,
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    person = models.ForeignKey(
        "org.Person", verbose_name=_("cán bộ"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("vai trò"), max_length=32, choices=MemberRole.choices)
    title = models.CharField(
        _("chức danh"),
        max_length=300,
        blank=True,
        help_text=_('Như viết trong quyết định, ví dụ "Bí thư Tỉnh ủy".'),
    )
    areas = models.TextField(_("lĩnh vực phụ trách"), blank=True)
    units_followed = models.ManyToManyField(
        "org.Unit", verbose_name=_("đơn vị theo dõi"), blank=True, related_name="followed_by"
    )
    started_on = models.DateField(_("từ ngày"), null=True, blank=True)
    ended_on = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("thành viên")
        verbose_name_plural = pgettext_lazy("số nhiều", "thành viên")
        ordering = ["committee", "role", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(started_on__isnull=True)
                | Q(ended_on__isnull=True)
                | Q(ended_on__gte=F("started_on")),
                name="membership_ends_after_start",
                violation_error_message=_("Ngày kết thúc không thể trước ngày bắt đầu."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_role_display()}"


class TaskGroup(VietnameseTextModel):
    """A group of tasks and solutions in a committee's programme (nhóm nhiệm vụ, giải pháp).

    Resolution 57 has seven; a committee may use those or its own. Indicators and tasks
    both belong to groups, so reports are broken down the same way.
    """

    SEARCH_FIELDS = ("code", "name")

    committee = models.ForeignKey(
        Committee,
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.CASCADE,
        related_name="task_groups",
    )
    code = models.CharField(_("mã"), max_length=16, help_text=_('Ví dụ "I", "II".'))
    name = models.CharField(_("tên nhóm"), max_length=500)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("nhóm nhiệm vụ")
        verbose_name_plural = pgettext_lazy("số nhiều", "nhóm nhiệm vụ")
        ordering = ["committee", "order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "code"],
                name="task_group_code_unique_per_committee",
                violation_error_message=_("Ban Chỉ đạo đã có nhóm nhiệm vụ với mã này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class CountsVersion(models.Model):
    """Numbers changed by the writes of what a committee's dashboard shows, or of a
    committee below it (``committees.versions.bump_counts_versions``, in the write's own
    transaction), one per kind of change so that a write invalidates only the panels it
    changes: ``statuses`` (task status spans and tallies: the count tables, heat map,
    cards, lower committees), ``reports`` (progress reports, dependencies, early-warning
    settings: the overdue list's last report, the early warning), ``indicators``
    (indicator roll-ups: the indicator panel), ``history`` (status spans changed on a day
    a year back or more, ``versions.HISTORY``: last year's figures, changed with
    ``statuses``). The keys of the cached dashboard panels, so the next view after a
    write is exact."""

    committee = models.OneToOneField(
        Committee, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    statuses = models.PositiveBigIntegerField(default=0)
    reports = models.PositiveBigIntegerField(default=0)
    indicators = models.PositiveBigIntegerField(default=0)
    history = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.committee_id}: {self.statuses}/{self.reports}/{self.indicators}"
