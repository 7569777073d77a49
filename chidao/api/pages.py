"""The page where a user manages their API tokens (session sign-in, not the API)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from chidao.api import services
from chidao.api.access import access_api_token
from chidao.api.models import ApiToken


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
            form.add_error(None, error)
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
