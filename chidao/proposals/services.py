"""Writes on proposals (see assignments.services for the shared contract).

The public form has no account behind it: ``do_submit_proposal`` itself enforces the
limits per IP address and per contact and refuses a duplicate of an open proposal.
"""

from collections.abc import Sequence
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chidao.core.history import set_history_user
from chidao.core.text import fold_text, normalize_text
from chidao.core.uploads import (
    EVIDENCE_KINDS,
    accept_upload,
    get_display_name,
    removing_stored_files_on_error,
)
from chidao.proposals.choices import ProposalStatus
from chidao.proposals.models import Proposal, ProposalAttachment, SpentChallenge
from chidao.proposals.rules import (
    CHALLENGE_MAX_AGE_SECONDS,
    MAX_ATTACHMENTS,
    MAX_CONTENT_CHARS,
    MAX_PER_CONTACT_PER_DAY,
    MAX_PER_IP_PER_HOUR,
    clean_public_text,
    parse_contact,
)

OPEN_STATUSES = (ProposalStatus.RECEIVED, ProposalStatus.ROUTED)


def _spend_challenge(challenge_id: str) -> bool:
    """Marks the challenge as used; False when it already was. Forgets expired ones."""
    now = timezone.now()
    SpentChallenge.objects.filter(
        spent_at__lt=now - timedelta(seconds=CHALLENGE_MAX_AGE_SECONDS)
    ).delete()
    try:
        with transaction.atomic():
            SpentChallenge.objects.create(challenge_id=challenge_id, spent_at=now)
    except IntegrityError:
        return False
    return True


@transaction.atomic(durable=True)
def do_spend_challenge(*, challenge_id: str) -> bool:
    """Spend a challenge of the public form that was answered wrongly, so the same
    question cannot be tried again with another answer. Returns False when it had
    already been spent."""
    return _spend_challenge(challenge_id)


@transaction.atomic
def do_submit_proposal(
    *,
    committee,
    by=None,
    sender_name: str,
    contact: str,
    category: str,
    title: str,
    content: str,
    kind: str = "proposal",
    organisation: str = "",
    consents_to_publish: bool = False,
    source_ip: str | None = None,
    files: Sequence = (),
    challenge_id: str | None = None,
) -> Proposal:
    """Take in a proposal from the public form (``by`` None) or from inside.

    Refuses, with a Vietnamese message: a committee that is inactive or does not take
    proposals (``Committee.accepts_proposals``); a contact that is neither a phone nor an email;
    content over ``MAX_CONTENT_CHARS``; more than ``MAX_PER_IP_PER_HOUR`` proposals from
    the IP address in an hour or ``MAX_PER_CONTACT_PER_DAY`` from the contact in a day;
    the same content as an open proposal of the same contact (without naming its tracking
    code: whoever knows a sender's contact and words must not learn it; the sender has
    it); more than ``MAX_ATTACHMENTS`` files, or a file the evidence rules refuse (kind
    read from the content, size, virus scan); a public form's ``challenge_id`` already
    spent (it is spent here, with the proposal). Returns the proposal, whose
    ``tracking_code`` the sender keeps.
    """
    errors: dict[str, str | list[str]] = {}
    if not (committee.is_active and committee.accepts_proposals):
        errors["committee"] = _("Ban Chỉ đạo này không nhận kiến nghị qua trang công khai.")
    try:
        contact_key = parse_contact(contact)
    except ValidationError as error:
        errors["contact"] = error.messages
        contact_key = ""
    content = clean_public_text(content)
    title = normalize_text(clean_public_text(title))
    if not content:
        errors["content"] = _("Ghi nội dung kiến nghị.")
    elif len(content) > MAX_CONTENT_CHARS:
        errors["content"] = _("Nội dung dài quá %(limit)s ký tự; hãy tóm tắt hoặc chia ra.") % {
            "limit": f"{MAX_CONTENT_CHARS:,}".replace(",", ".")
        }
    if not title:
        errors["title"] = _("Ghi tiêu đề.")
    if len(files) > MAX_ATTACHMENTS:
        errors["attachments"] = ngettext(
            "Gửi tối đa %(n)s tệp đính kèm.", "Gửi tối đa %(n)s tệp đính kèm.", MAX_ATTACHMENTS
        ) % {"n": MAX_ATTACHMENTS}
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    if source_ip and (
        Proposal.objects.filter(
            source_ip=source_ip, created_at__gte=now - timedelta(hours=1)
        ).count()
        >= MAX_PER_IP_PER_HOUR
    ):
        raise ValidationError(
            _("Đã nhận nhiều kiến nghị từ địa chỉ này trong một giờ; vui lòng gửi lại sau.")
        )
    recent = Proposal.objects.filter(contact_key=contact_key)
    if recent.filter(created_at__gte=now - timedelta(days=1)).count() >= MAX_PER_CONTACT_PER_DAY:
        raise ValidationError(
            {
                "contact": ngettext(
                    "Mỗi người gửi tối đa %(n)s kiến nghị một ngày.",
                    "Mỗi người gửi tối đa %(n)s kiến nghị một ngày.",
                    MAX_PER_CONTACT_PER_DAY,
                )
                % {"n": MAX_PER_CONTACT_PER_DAY}
            }
        )
    folded = fold_text(content)
    for open_one in recent.filter(committee=committee, status__in=OPEN_STATUSES):
        if fold_text(open_one.content) == folded:
            raise ValidationError(
                {
                    "content": _(
                        "Kiến nghị này đã được gửi và đang được xử lý. Hãy theo dõi bằng "
                        "mã tra cứu bạn nhận được khi gửi."
                    )
                }
            )
    if challenge_id is not None and not _spend_challenge(challenge_id):
        raise ValidationError(
            {"challenge_answer": _("Phép tính này đã được dùng; hãy làm phép tính mới.")}
        )
    proposal = Proposal(
        committee=committee,
        kind=kind,
        category=category,
        title=title,
        content=content,
        sender_name=normalize_text(clean_public_text(sender_name)),
        contact=contact.strip(),
        contact_key=contact_key,
        organisation=normalize_text(clean_public_text(organisation)),
        consents_to_publish=consents_to_publish,
        submitted_by=by,
        source_ip=source_ip,
    )
    set_history_user(proposal, by)
    proposal.full_clean()
    kinds = []
    for file in files:
        try:
            kinds.append(
                accept_upload(
                    file,
                    kinds=EVIDENCE_KINDS,
                    max_bytes=settings.CHIDAO_EVIDENCE_MAX_BYTES,
                    by=by,
                    purpose="proposal",
                )
            )
        except ValidationError as error:
            raise ValidationError({"attachments": error.messages}) from None
    proposal.save()
    with removing_stored_files_on_error() as stored:
        for file, file_kind in zip(files, kinds, strict=True):
            attachment = ProposalAttachment(
                proposal=proposal,
                original_name=get_display_name(file)[:255],
                content_type=file_kind.content_type,
                size=file.size,
            )
            attachment.file.save(f"tep.{file_kind.extension}", file, save=False)
            stored(attachment.file.name)
            attachment.save()
    return proposal


def _locked(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_for_update().get(pk=proposal.pk)


@transaction.atomic
def do_route_proposal(*, proposal: Proposal, by, unit, response_due: date) -> Proposal:
    """Send the proposal to ``unit`` to draft an answer by ``response_due``."""
    current = _locked(proposal)
    if current.status not in OPEN_STATUSES:
        raise ValidationError(_("Kiến nghị đã trả lời hoặc đã đóng."))
    if response_due < timezone.localdate():
        raise ValidationError({"response_due": _("Hạn trả lời không thể trước hôm nay.")})
    current.routed_unit = unit
    current.response_due = response_due
    current.routed_at = timezone.now()
    current.status = ProposalStatus.ROUTED
    set_history_user(current, by)
    current.full_clean()
    current.save()
    return current


@transaction.atomic
def do_draft_answer(*, proposal: Proposal, by, text: str) -> Proposal:
    """The routed unit (or the secretariat) writes the answer for approval."""
    current = _locked(proposal)
    if current.status != ProposalStatus.ROUTED:
        raise ValidationError(_("Chỉ soạn trả lời cho kiến nghị đã chuyển đơn vị xử lý."))
    text = clean_public_text(text)
    if not text:
        raise ValidationError({"answer_draft": _("Ghi nội dung trả lời.")})
    current.answer_draft = text
    current.drafted_by = by
    set_history_user(current, by)
    current.save()
    return current


@transaction.atomic
def do_approve_answer(*, proposal: Proposal, by, answer: str, publish: bool) -> Proposal:
    """The secretariat approves the answer: the sender reads it with the code; with
    ``publish`` (only if the sender consented) it also appears on the public page,
    without the sender's name or contact."""
    current = _locked(proposal)
    if current.status not in OPEN_STATUSES:
        raise ValidationError(_("Kiến nghị đã trả lời hoặc đã đóng."))
    answer = clean_public_text(answer)
    if not answer:
        raise ValidationError({"answer": _("Ghi nội dung trả lời.")})
    if publish and not current.consents_to_publish:
        raise ValidationError(
            {"publish": _("Người gửi không đồng ý công khai; chỉ trả lời riêng.")}
        )
    current.answer = answer
    current.answered_on = timezone.localdate()
    current.status = ProposalStatus.ANSWERED
    current.is_public = publish
    set_history_user(current, by)
    current.full_clean()
    current.save()
    return current
