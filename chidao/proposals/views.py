"""Pages of proposals: the public form, tracking and answers; the secretariat's desk."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from chidao.committees.access import get_roles
from chidao.core.client_address import get_client_ip
from chidao.core.forms import add_service_errors
from chidao.core.uploads import build_file_attachment
from chidao.proposals.access import access_proposal, get_visible_proposals
from chidao.proposals.choices import ProposalStatus
from chidao.proposals.forms import ApproveForm, DraftForm, PublicProposalForm, RouteForm, TrackForm
from chidao.proposals.models import Proposal
from chidao.proposals.services import (
    do_approve_answer,
    do_draft_answer,
    do_route_proposal,
    do_spend_challenge,
    do_submit_proposal,
)
from chidao.proposals.statistics import get_proposal_statistics


@require_http_methods(["GET", "POST"])
def public_submit(request):
    form = PublicProposalForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            proposal = do_submit_proposal(
                committee=data["committee"],
                by=request.user if request.user.is_authenticated else None,
                sender_name=data["sender_name"],
                contact=data["contact"],
                category=data["category"],
                kind=data["kind"],
                title=data["title"],
                content=data["content"],
                organisation=data["organisation"],
                consents_to_publish=data["consents_to_publish"],
                source_ip=get_client_ip(request),
                files=data["attachments"],
                challenge_id=form.challenge["id"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return render(request, "proposals/public_sent.html", {"proposal": proposal})
    elif form.failed_challenge_id:
        # A wrong answer spends the question: the next try gets new numbers.
        do_spend_challenge(challenge_id=form.failed_challenge_id)
    return render(request, "proposals/public_form.html", {"form": form})


def public_track(request):
    form = TrackForm(request.GET or None)
    proposal = None
    if form.is_valid():
        code = form.cleaned_data["ma"].strip().upper()
        proposal = Proposal.objects.filter(tracking_code=code).first()
        if proposal is None:
            form.add_error("ma", _("Không tìm thấy kiến nghị với mã này."))
    return render(request, "proposals/public_track.html", {"form": form, "proposal": proposal})


def public_answers(request):
    answered = Proposal.objects.filter(is_public=True).select_related("committee", "routed_unit")
    statistics = get_proposal_statistics(Proposal.objects.all(), timezone.localdate())
    return render(
        request,
        "proposals/public_answers.html",
        {
            "proposals": answered.order_by("-answered_on", "-pk")[:100],
            "category_counts": statistics.by_category,
        },
    )


@login_required
def proposal_list(request):
    proposals = get_visible_proposals(request.user).select_related("committee", "routed_unit")
    status = request.GET.get("tinh_trang")
    if status in ProposalStatus.values:
        proposals = proposals.filter(status=status)
    today = timezone.localdate()
    shown = get_proposal_statistics(proposals, today)
    visible = get_proposal_statistics(get_visible_proposals(request.user), today)
    return render(
        request,
        "proposals/proposal_list.html",
        {
            "proposals": proposals.order_by("-created_at", "-pk")[:200],
            "by_category": shown.by_category,
            "by_status": visible.by_status,
            "statistics": visible,
            "status": status,
        },
    )


@login_required
def proposal_detail(request, pk):
    proposal = access_proposal(request.user, pk)
    roles = get_roles(request.user)
    manages = roles.manages(proposal.committee_id)
    routed_here = roles.unit_id is not None and roles.unit_id == proposal.routed_unit_id
    open_ = proposal.status in (ProposalStatus.RECEIVED, ProposalStatus.ROUTED)
    return render(
        request,
        "proposals/proposal_detail.html",
        {
            "proposal": proposal,
            "may_route": manages and open_,
            "may_draft": (manages or routed_here) and proposal.status == ProposalStatus.ROUTED,
            "may_approve": manages and open_,
        },
    )


@login_required
def proposal_attachment(request, pk, attachment_pk):
    """A file the sender attached, for those who may read the proposal."""
    proposal = access_proposal(request.user, pk)
    attachment = get_object_or_404(proposal.attachments, pk=attachment_pk)
    return build_file_attachment(
        attachment.file, attachment.original_name or attachment.file.name, attachment.content_type
    )


def _act(request, pk, action, form_class, service, template_key, initial=None):
    """One step on a proposal: ``initial(proposal)`` fills the form on first view (the
    draft the unit wrote, the sender's consent), so nothing is typed twice."""
    proposal = access_proposal(request.user, pk, action)
    form = form_class(request.POST or None, initial=initial(proposal) if initial else None)
    if request.method == "POST" and form.is_valid():
        try:
            service(proposal=proposal, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu."))
            return redirect("proposals:proposal_detail", pk=proposal.pk)
    return render(
        request,
        "proposals/proposal_action.html",
        {"proposal": proposal, "form": form, "action": template_key},
    )


@login_required
@require_http_methods(["GET", "POST"])
def proposal_route(request, pk):
    return _act(request, pk, "manage", RouteForm, do_route_proposal, "route")


@login_required
@require_http_methods(["GET", "POST"])
def proposal_draft(request, pk):
    def draft(*, proposal, by, answer_draft):
        return do_draft_answer(proposal=proposal, by=by, text=answer_draft)

    return _act(request, pk, "answer", DraftForm, draft, "draft", initial=get_draft_initial)


@login_required
@require_http_methods(["GET", "POST"])
def proposal_approve(request, pk):
    return _act(
        request, pk, "manage", ApproveForm, do_approve_answer, "approve", initial=get_answer_initial
    )


def get_draft_initial(proposal) -> dict:
    return {"answer_draft": proposal.answer_draft}


def get_answer_initial(proposal) -> dict:
    return {
        "answer": proposal.answer or proposal.answer_draft,
        "publish": proposal.is_public or proposal.consents_to_publish,
    }
