"""Set-up pages: create a committee from its unit list, preview, decide, create; create
accounts and show each one's hand-over link once; the page a hand-over link opens.

Thin views: the ``access_…`` gates decide who may, the services write.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chidao.committees.access import (
    access_committee,
    get_committees_to_set_up_under,
    get_roles,
)
from chidao.core.forms import add_service_errors
from chidao.onboarding import services
from chidao.onboarding.access import access_onboarding, access_start_onboarding
from chidao.onboarding.choices import OnboardingState
from chidao.onboarding.directory import get_committee_accounts, get_directory_units
from chidao.onboarding.forms import AccountForm, OnboardingForm
from chidao.onboarding.plans import build_onboarding_plan
from chidao.org.choices import UnitKind

# The hand-over of the last account made, kept in the session only until it is shown.
HANDOVER = "chidao_handover"


@login_required
def onboarding_start(request):
    """The committee's particulars and its unit list; on upload, on to the preview."""
    access_start_onboarding(request.user)
    parents = get_committees_to_set_up_under(request.user)
    form = OnboardingForm(
        request.POST or None,
        request.FILES or None,
        parents=parents,
        parent_required=not get_roles(request.user).is_admin,
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            onboarding = services.do_start_onboarding(
                by=request.user,
                name=form.cleaned_data["name"],
                level=form.cleaned_data["level"],
                place=form.cleaned_data["place"],
                parent=form.cleaned_data["parent"],
                standing_unit_name=form.cleaned_data["standing_unit"],
                secretariat_username=form.cleaned_data["secretariat_username"],
                secretariat_full_name=form.cleaned_data["secretariat_full_name"],
                filename=upload.name,
                content=upload.read(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("onboarding:preview", pk=onboarding.pk)
    return render(request, "onboarding/start.html", {"form": form})


@login_required
def onboarding_preview(request, pk):
    """Every row of the list and what it becomes; POST records the rows to leave out."""
    onboarding = access_onboarding(request.user, pk)
    if onboarding.state == OnboardingState.COMMITTED:
        return redirect("onboarding:accounts", committee_pk=onboarding.committee_id)
    if request.method == "POST":
        try:
            services.do_decide_rows(
                onboarding=onboarding,
                by=request.user,
                skipped_rows=request.POST.getlist("skip"),
                kinds={
                    key.removeprefix("kind:"): value
                    for key, value in request.POST.items()
                    if key.startswith("kind:")
                },
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("onboarding:preview", pk=onboarding.pk)
    plan = build_onboarding_plan(onboarding)
    return render(
        request,
        "onboarding/preview.html",
        {"onboarding": onboarding, "plan": plan, "kinds": UnitKind.choices},
    )


@login_required
@require_POST
def onboarding_commit(request, pk):
    onboarding = access_onboarding(request.user, pk)
    try:
        result = services.do_commit_onboarding(onboarding=onboarding, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("onboarding:preview", pk=onboarding.pk)
    messages.success(
        request,
        _("Đã tạo %(committee)s với %(count)s đơn vị.")
        % {"committee": result.committee.name, "count": len(result.plan.units)},
    )
    request.session[HANDOVER] = _handover_data(result.handover)
    return redirect("onboarding:accounts", committee_pk=result.committee.pk)


def _handover_data(handover: services.Handover) -> dict:
    return {
        "username": handover.username,
        "full_name": handover.full_name,
        "link": handover.link,
        "valid_days": handover.valid_days,
    }


@login_required
def committee_accounts(request, committee_pk):
    """The committee's accounts and a form for another; a new account's hand-over link is
    shown on the next page only (it is kept nowhere else)."""
    committee = access_committee(request.user, committee_pk, "manage")
    units = get_directory_units(committee)
    if request.method == "POST" and "reissue" in request.POST:
        try:
            handover = services.do_reissue_handover(
                committee=committee, by=request.user, username=request.POST["reissue"]
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            request.session[HANDOVER] = _handover_data(handover)
        return redirect("onboarding:accounts", committee_pk=committee.pk)
    form = AccountForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            handover = services.do_create_account(
                committee=committee,
                by=request.user,
                username=form.cleaned_data["username"],
                full_name=form.cleaned_data["full_name"],
                unit=form.cleaned_data["unit"],
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            request.session[HANDOVER] = _handover_data(handover)
            return redirect("onboarding:accounts", committee_pk=committee.pk)
    response = render(
        request,
        "onboarding/accounts.html",
        {
            "committee": committee,
            "form": form,
            "handover": request.session.pop(HANDOVER, None),
            "accounts": get_committee_accounts(committee),
        },
    )
    # The link must not stay in the browser's cache.
    response["Cache-Control"] = "no-store"
    return response


def first_sign_in(request):
    """Where a hand-over link lands: the new user chooses a password, then signs in (with
    the two-step set-up when their role needs it). A used or expired link says so."""
    code = request.POST.get("ma") or request.GET.get("ma", "")
    user = services.get_user_from_code(code)
    form = SetPasswordForm(user, request.POST or None) if user is not None else None
    if request.method == "POST" and form is not None and form.is_valid():
        services.do_set_first_password(user=user, password=form.cleaned_data["new_password1"])
        messages.success(
            request,
            _("Đã đặt mật khẩu cho tài khoản “%(username)s”; hãy đăng nhập.")
            % {"username": user.username},
        )
        return redirect("login")
    response = render(
        request, "onboarding/first_sign_in.html", {"form": form, "code": code, "account": user}
    )
    # The site's Referrer-Policy (same-origin) already keeps the code from other hosts; a
    # stricter "no-referrer" would make the browser send "Origin: null" and fail CSRF.
    response["Cache-Control"] = "no-store"
    return response
