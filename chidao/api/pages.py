"""Pages (session sign-in, not the API): a user's API tokens, a committee's webhooks."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from drf_spectacular.views import SpectacularSwaggerSplitView

from chidao.api import services
from chidao.api.access import access_api_token
from chidao.api.models import ApiToken, WebhookDelivery, WebhookSubscription
from chidao.api.webhooks import WebhookEvent
from chidao.committees.access import access_committee
from chidao.core.forms import add_service_errors


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Tên gợi nhớ"), max_length=100)


@login_required
def token_list(request):
    form = ApiTokenForm(request.POST or None)
    new_secret = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_secret = services.do_create_api_token(
                by=request.user, name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            form = ApiTokenForm()
    tokens = ApiToken.objects.filter(user=request.user)
    return render(
        request,
        "api/tokens.html",
        {"form": form, "tokens": tokens, "new_secret": new_secret},
    )


@login_required
@require_POST
def token_revoke(request, pk):
    token = access_api_token(request.user, pk)
    services.do_revoke_api_token(token=token, by=request.user)
    messages.success(request, _("Đã thu hồi khóa “%(name)s”.") % {"name": token.name})
    return redirect("api:token_list")


class WebhookForm(forms.Form):
    url = forms.URLField(
        label=gettext_lazy("Địa chỉ nhận (URL)"), max_length=500, assume_scheme="https"
    )
    events = forms.MultipleChoiceField(
        label=gettext_lazy("Sự kiện"),
        choices=WebhookEvent.choices,
        widget=forms.CheckboxSelectMultiple,
    )


@login_required
def webhook_list(request, committee_pk):
    """The committee's webhook subscriptions and their recent deliveries (secretariat)."""
    committee = access_committee(request.user, committee_pk, "manage")
    form = WebhookForm(request.POST or None)
    new_secret = None
    if request.method == "POST" and form.is_valid():
        try:
            _subscription, new_secret = services.do_create_webhook_subscription(
                committee=committee,
                by=request.user,
                url=form.cleaned_data["url"],
                events=form.cleaned_data["events"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            form = WebhookForm()
    subscriptions = WebhookSubscription.objects.filter(committee=committee)
    deliveries = WebhookDelivery.objects.filter(subscription__committee=committee).select_related(
        "subscription"
    )[:50]
    return render(
        request,
        "api/webhooks.html",
        {
            "committee": committee,
            "form": form,
            "subscriptions": subscriptions,
            "deliveries": deliveries,
            "new_secret": new_secret,
        },
    )


@login_required
@require_POST
def webhook_stop(request, pk):
    subscription = WebhookSubscription.objects.filter(pk=pk).first()
    if subscription is None:
        raise Http404
    access_committee(request.user, subscription.committee_id, "manage")
    services.do_stop_webhook_subscription(subscription=subscription, by=request.user)
    messages.success(request, _("Đã ngừng gửi sự kiện đến %(url)s.") % {"url": subscription.url})
    return redirect("api:webhook_list", committee_pk=subscription.committee_id)


_swagger_ui = SpectacularSwaggerSplitView.as_view(url_name="api:schema")


def api_docs(request):
    """The interactive API documentation; a signed-out visitor gets a Vietnamese page
    saying how to get in, not DRF's bare "401 Unauthorized" (a program sending a token
    still reaches the documentation, which checks it)."""
    if request.user.is_authenticated or "HTTP_AUTHORIZATION" in request.META:
        return _swagger_ui(request)
    response = render(request, "api/docs_sign_in.html", {"status": 401}, status=401)
    response["WWW-Authenticate"] = "Token"
    return response
