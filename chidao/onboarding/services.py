"""Writes of a committee's set-up: store the unit list, record decisions, create it all,
create accounts and hand them over.

Contract shared by every function here: the caller has checked who may act
(``access.access_onboarding``, ``committees.access.can_set_up_committees`` on a page;
the operator's shell for the command, where ``by`` is None); a refusal is a
``ValidationError`` with a Vietnamese message and nothing written; each function writes
in one transaction. The ``Onboarding`` row is the record of who set the committee up,
when, and from which file. Nothing is e-mailed: an account is handed over by a one-time
link shown once.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chidao.committees.choices import MemberRole
from chidao.committees.models import Committee, Membership
from chidao.core.text import fold_text
from chidao.core.uploads import scan_upload
from chidao.imports.tables import check_package, get_file_format
from chidao.onboarding.choices import AccountRole, OnboardingState
from chidao.onboarding.models import Onboarding
from chidao.onboarding.plans import OnboardingPlan, build_onboarding_plan
from chidao.org.choices import UnitKind
from chidao.org.models import Person, Unit, User

CSV = "csv"


@dataclass(frozen=True)
class Handover:
    """What the secretariat gives a new user: the user name and a link, valid once and
    for ``PASSWORD_RESET_TIMEOUT``, where they choose their password."""

    username: str
    full_name: str
    link: str
    valid_days: int


@dataclass(frozen=True)
class OnboardingResult:
    committee: Committee
    plan: OnboardingPlan
    handover: Handover


def check_unit_list_file(*, filename: str, content: bytes) -> None:
    """Refuse a list that is not an .xlsx, .docx or .csv, or an Office file that is
    protected, damaged or over the caps of every upload (``imports.tables``)."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if not content:
        raise ValidationError(_("Tệp “%(name)s” trống.") % {"name": filename[:80]})
    if extension == CSV:
        return
    try:
        check_package(content, get_file_format(filename), filename)
    except ValidationError as error:
        if extension not in ("xlsx", "docx"):
            raise ValidationError(
                _("Chỉ nhận danh sách dạng Excel (.xlsx), Word (.docx) hoặc CSV (.csv).")
            ) from error
        raise


@transaction.atomic
def do_start_onboarding(
    *,
    by,
    name: str,
    level: str,
    place: str,
    standing_unit_name: str,
    secretariat_username: str,
    filename: str,
    content: bytes,
    secretariat_full_name: str = "",
    parent: Committee | None = None,
) -> Onboarding:
    """Store a unit list with the committee's particulars, for preview.

    Refuses (errors keyed ``file``) an empty, protected, damaged, oversized or infected
    file (``scan_upload``, recorded). The particulars and the rows are checked by the
    preview, which lists every problem at once. Returns the stored set-up.
    """
    try:
        check_unit_list_file(filename=filename, content=content)
        scan_upload(ContentFile(content, name=filename), by=by, purpose="onboarding")
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    return Onboarding.objects.create(
        name=" ".join(name.split())[:300],
        level=level,
        place=" ".join(place.split())[:100],
        parent=parent,
        standing_unit_name=" ".join(standing_unit_name.split())[:300],
        secretariat_username=secretariat_username.strip()[:150],
        secretariat_full_name=" ".join(secretariat_full_name.split())[:200],
        filename=filename[:255],
        content=content,
        created_by=by,
    )


@transaction.atomic
def do_decide_rows(
    *, onboarding: Onboarding, by, skipped_rows: list[str], kinds: dict[str, str] | None = None
) -> Onboarding:
    """Record the secretariat's decisions on rows of the list: the rows it leaves out (a
    duplicate, another province's unit, a unit it does not need) and the kind it gives a
    unit instead of the one inferred from its name. Only labels of the file's rows and
    known kinds count; a kind equal to the inferred one is not kept."""
    onboarding = Onboarding.objects.select_for_update().get(pk=onboarding.pk)
    if onboarding.state == OnboardingState.COMMITTED:
        raise ValidationError(_("Ban Chỉ đạo này đã được tạo."))
    plain = Onboarding(
        **{f.attname: getattr(onboarding, f.attname) for f in Onboarding._meta.concrete_fields}
    )
    plain.skipped_rows, plain.kinds = [], {}
    inferred = {row.label: row.kind for row in build_onboarding_plan(plain).rows}
    onboarding.skipped_rows = [label for label in skipped_rows if label in inferred]
    onboarding.kinds = {
        label: kind
        for label, kind in (kinds or {}).items()
        if label in inferred and kind in UnitKind.values and kind != inferred[label]
    }
    onboarding.save(update_fields=["skipped_rows", "kinds"])
    return onboarding


@transaction.atomic
def do_commit_onboarding(*, onboarding: Onboarding, by) -> OnboardingResult:
    """Create the units, the committee, and its secretariat's person, account and seat,
    all or nothing, as the last preview showed them.

    The set-up row is locked first so two clicks cannot both create; the plan is built
    again from the stored file. Units already on record (a commune the province's list
    created) are reused, not duplicated. Returns the committee, the plan written and the
    secretariat's hand-over (shown once; it is not stored).
    """
    onboarding = Onboarding.objects.select_for_update().get(pk=onboarding.pk)
    if onboarding.state == OnboardingState.COMMITTED:
        raise ValidationError(_("Ban Chỉ đạo này đã được tạo."))
    plan = build_onboarding_plan(onboarding)
    if not plan.can_commit:
        count = plan.error_count
        raise ValidationError(
            ngettext(
                "Còn %(count)s lỗi; hãy sửa tệp hoặc bỏ dòng có lỗi rồi xem lại.",
                "Còn %(count)s lỗi; hãy sửa tệp hoặc bỏ dòng có lỗi rồi xem lại.",
                count,
            )
            % {"count": count}
            if count
            else _("Danh sách không có đơn vị nào để tạo.")
        )
    units = _write_units(plan)
    committee = Committee(
        name=onboarding.name,
        level=onboarding.level,
        parent=onboarding.parent,
        host_unit=units[id(plan.host)],
        standing_unit=units[id(plan.standing)],
    )
    committee.full_clean()
    committee.save()
    handover, _user = _create_account(
        committee=committee,
        username=onboarding.secretariat_username,
        full_name=onboarding.secretariat_full_name,
        unit=committee.standing_unit,
        role=AccountRole.SECRETARIAT,
    )
    onboarding.state = OnboardingState.COMMITTED
    onboarding.committee = committee
    onboarding.committed_at = timezone.now()
    onboarding.save(update_fields=["state", "committee", "committed_at"])
    return OnboardingResult(committee, plan, handover)


def _write_units(plan: OnboardingPlan) -> dict[int, Unit]:
    """Create the plan's new units, parents first; returns planned row id → unit."""
    written: dict[int, Unit] = {}
    # Only a plan without errors is written, and a plan whose place is unknown has one.
    assert plan.place is not None
    codes = _CodeMaker(plan.place.name)
    for row in plan.units:
        if row.existing is not None:
            written[id(row)] = row.existing
            continue
        unit = Unit(
            code=row.code or codes.next(),
            name=row.full_name,
            short_name=row.short_name,
            kind=row.kind,
            parent=written.get(id(row.parent)) if row.parent is not None else None,
        )
        unit.full_clean()
        unit.save()
        written[id(row)] = unit
    return written


class _CodeMaker:
    """Unit codes from the place's initials, "TN-001", "TN-002"…, after any already used."""

    def __init__(self, place_name: str):
        initials = "".join(word[0] for word in fold_text(place_name).split() if word[0].isalnum())
        self.prefix = (initials.upper() or "DV")[:8]
        pattern = re.compile(rf"^{re.escape(self.prefix)}-(\d+)$")
        used = Unit.objects.filter(code__startswith=f"{self.prefix}-").values_list(
            "code", flat=True
        )
        self.number = max((int(m[1]) for code in used if (m := pattern.match(code))), default=0)

    def next(self) -> str:
        self.number += 1
        return f"{self.prefix}-{self.number:03d}"


@transaction.atomic
def do_create_account(
    *, committee: Committee, by, username: str, full_name: str, unit: Unit, role: str
) -> Handover:
    """Create a person and their account for ``committee``: its secretariat (a seat in
    the support team, two-step sign-in required), or an officer or head of one of its
    units. The caller has checked that ``by`` manages the committee and that ``unit`` is
    in its directory. Returns the hand-over, shown once."""
    username = username.strip()
    try:
        User.username_validator(username)
    except ValidationError as error:
        raise ValidationError(
            {"username": _("Tên đăng nhập chỉ được gồm chữ không dấu, chữ số và . @ + - _.")}
        ) from error
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(
            {
                "username": _("Tên đăng nhập “%(username)s” đã có người dùng.")
                % {"username": username}
            }
        )
    if not full_name.strip():
        raise ValidationError({"full_name": _("Hãy nhập họ và tên.")})
    handover, _user = _create_account(
        committee=committee, username=username, full_name=full_name, unit=unit, role=role
    )
    return handover


def _create_account(*, committee, username: str, full_name: str, unit, role: str):
    person = Person(
        full_name=" ".join((full_name or username).split())[:200],
        unit=unit,
        is_unit_leader=role == AccountRole.UNIT_HEAD,
    )
    person.full_clean()
    person.save()
    user = User(username=username, person=person)
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    if role == AccountRole.SECRETARIAT:
        membership = Membership(
            committee=committee,
            person=person,
            role=MemberRole.SUPPORT_TEAM,
            title=_("Thường trực Ban Chỉ đạo"),
            started_on=timezone.localdate(),
        )
        membership.full_clean()
        membership.save()
    return build_handover(user), user


def do_reissue_handover(*, committee: Committee, by, username: str) -> Handover:
    """A new one-time link for an account of the committee's units that has never chosen
    its password (the first link was lost or expired). An account with a password is
    refused: a link would let whoever holds it take the account over. The caller has
    checked that ``by`` manages the committee. Writes nothing: the link is made from the
    account as it is, and stops working when the password is set."""
    from chidao.onboarding.directory import get_committee_accounts

    user = get_committee_accounts(committee).filter(username=username).first()
    if user is None:
        raise ValidationError(_("Không có tài khoản này trong các đơn vị của Ban Chỉ đạo."))
    if user.has_usable_password():
        raise ValidationError(
            _(
                "Tài khoản “%(username)s” đã đặt mật khẩu; người dùng tự đổi mật khẩu sau khi "
                "đăng nhập, hoặc quản trị hệ thống đặt lại."
            )
            % {"username": user.username}
        )
    return build_handover(user)


def build_handover(user) -> Handover:
    """The one-time link for ``user`` to choose a password: it stops working once used
    (the token is made from the password it replaces) or after the timeout."""
    code = (
        f"{urlsafe_base64_encode(force_bytes(user.pk))}.{default_token_generator.make_token(user)}"
    )
    link = f"{settings.CHIDAO_SITE_URL}{reverse('onboarding:first_sign_in')}?ma={code}"
    return Handover(
        username=user.username,
        full_name=str(user),
        link=link,
        valid_days=max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
    )


def get_user_from_code(code: str):
    """The account a hand-over code is for while the code is valid, else None."""
    uid, _dot, token = (code or "").partition(".")
    try:
        pk = int(force_str(urlsafe_base64_decode(uid)))
    except (ValueError, TypeError, OverflowError):
        return None
    user = User.objects.filter(pk=pk, is_active=True).first()
    if user is None or not default_token_generator.check_token(user, token):
        return None
    return user


@transaction.atomic
def do_set_first_password(*, user, password: str) -> None:
    """Set the password of an account opened through its hand-over link (which then
    stops working). The caller has validated the password (``SetPasswordForm``)."""
    user.set_password(password)
    user.save(update_fields=["password"])
