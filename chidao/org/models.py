from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as BaseUserManager
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chidao.core.models import VietnameseTextModel
from chidao.org.choices import UnitKind


class Unit(VietnameseTextModel):
    """An agency or locality that leads or coordinates tasks (cơ quan, đơn vị).

    Units form a tree: the province's Party committee and People's Committee, its
    departments (sở), communes and wards, institutes and enterprises. Units merged in the
    2025 reorganisation stay on record, inactive, pointing to their successor, so the
    documents and tasks attributed to them keep their history.
    """

    SEARCH_FIELDS = ("code", "name", "short_name")

    code = models.CharField(_("mã"), max_length=32, unique=True)
    name = models.CharField(_("tên"), max_length=300)
    short_name = models.CharField(_("tên viết tắt"), max_length=100, blank=True)
    kind = models.CharField(_("loại"), max_length=32, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="predecessors",
        help_text=_("Đơn vị tiếp nhận chức năng sau khi sáp nhập, hợp nhất."),
    )
    requires_head_approval = models.BooleanField(
        _("lãnh đạo đơn vị duyệt báo cáo trước khi gửi"),
        default=False,
        # Whichever committee the task is of (``Committee.requires_unit_head_approval``
        # asks it of every unit of one committee); the same words as that flag's.
        help_text=_("Báo cáo của đơn vị chờ lãnh đạo đơn vị duyệt rồi mới đến Thường trực."),
    )

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = pgettext_lazy("số nhiều", "đơn vị")
        ordering = ["code"]
        # The task lists' sort by lead unit walks it (see committees' name index).
        indexes = [models.Index(fields=["name", "id"], name="unit_name_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="unit_not_own_parent",
                violation_error_message=_("Đơn vị không thể là cấp trên của chính nó."),
            ),
            models.CheckConstraint(
                condition=~Q(successor=F("pk")),
                name="unit_not_own_successor",
                violation_error_message=_("Đơn vị không thể kế thừa chính nó."),
            ),
        ]

    def __str__(self) -> str:
        return self.short_name or self.name


class Person(VietnameseTextModel):
    """A civil servant or leader known to the system, whether or not they sign in.

    Committee members, focal persons and signers are people; an account (``User``) is
    how some of them sign in.
    """

    SEARCH_FIELDS = ("full_name", "title")

    full_name = models.CharField(_("họ và tên"), max_length=200)
    title = models.CharField(
        _("chức vụ"),
        max_length=300,
        blank=True,
        help_text=_('Như viết trong văn bản, ví dụ "Giám đốc Sở".'),
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị công tác"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
    )
    is_unit_leader = models.BooleanField(
        _("lãnh đạo đơn vị"),
        default=False,
        help_text=_("Lãnh đạo cơ quan duyệt báo cáo của đơn vị trước khi gửi Thường trực."),
    )
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("cán bộ")
        verbose_name_plural = pgettext_lazy("số nhiều", "cán bộ")
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name


class UserManager(BaseUserManager):
    """Django's user manager; ``get`` reads the account's person and unit in the same query.

    Every signed-in request reads its user by ``_default_manager.get(pk=…)``
    (``ModelBackend.get_user``, through ``django.contrib.auth.get_user``) and then its
    person (the name, the roles); every report or indicator value also its unit
    (``User.unit``): a query less on every request, two on those writes. The session's
    backend path is unchanged, so sessions stay valid. Sign-in (``get_by_natural_key``)
    goes through ``get`` too.
    """

    def get(self, *args, **kwargs):
        return self.get_queryset().select_related("person__unit").get(*args, **kwargs)


class User(AbstractUser):
    """A sign-in account. The person behind it, and so their unit, is ``person``."""

    person = models.OneToOneField(
        Person,
        verbose_name=_("cán bộ"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="user",
    )

    objects = UserManager()

    class Meta(AbstractUser.Meta):
        verbose_name = _("tài khoản")
        verbose_name_plural = pgettext_lazy("số nhiều", "tài khoản")

    @property
    def unit(self) -> Unit | None:
        return self.person.unit if self.person_id else None

    def __str__(self) -> str:
        return self.person.full_name if self.person_id else self.username
