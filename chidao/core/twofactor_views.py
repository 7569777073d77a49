"""The second sign-in step: enter the authenticator's code, or set an authenticator up."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from chidao.core.twofactor import (
    PENDING,
    RECOVERY_CODE_COUNT,
    SETUP,
    count_recovery_codes,
    do_generate_recovery_codes,
    do_pass_second_step,
    do_use_recovery_code,
    get_confirmed_device,
)

# Session key: the key of an authenticator shown but not yet confirmed.
SETUP_KEY = "chidao_two_factor_setup_key"


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=gettext_lazy("Mã xác thực (6 chữ số)"),
        regex=r"^\d{6}$",
        error_messages={"invalid": gettext_lazy("Mã gồm 6 chữ số.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class VerifyForm(forms.Form):
    """The code from the authenticator, or one of the recovery codes."""

    token = forms.RegexField(
        label=gettext_lazy("Mã xác thực (6 chữ số) hoặc mã dự phòng"),
        regex=r"^\s*(\d{6}|[A-Za-z2-7][A-Za-z2-7 -]{6,10}[A-Za-z2-7])\s*$",
        error_messages={
            "invalid": gettext_lazy("Nhập mã 6 chữ số hoặc một mã dự phòng (8 ký tự).")
        },
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


@login_required
def two_factor_verify(request):
    device = get_confirmed_device(request.user)
    if device is None:
        return redirect("two_factor_setup")
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"].strip()
        if token.isdigit():
            passed = device.verify_token(token)
        else:
            passed = do_use_recovery_code(user=request.user, code=token)
            if passed:
                left = count_recovery_codes(request.user)
                messages.warning(
                    request,
                    ngettext(
                        "Bạn đã dùng một mã dự phòng; còn %(count)s mã. Mỗi mã chỉ dùng được "
                        "một lần.",
                        "Bạn đã dùng một mã dự phòng; còn %(count)s mã. Mỗi mã chỉ dùng được "
                        "một lần.",
                        left,
                    )
                    % {"count": left},
                )
        if passed:
            do_pass_second_step(request)
            return redirect(_next_url(request))
        form.add_error("token", _("Mã xác thực không đúng hoặc đã hết hạn."))
    return render(
        request, "core/two_factor_verify.html", {"form": form, "next": _next_url(request)}
    )


def _setup_device(request, *, stored: bool) -> TOTPDevice:
    """The authenticator being set up. Its key waits in the visitor's session, so showing
    the page (GET) writes nothing to the database; the first code entered (POST) stores
    the device, so that wrong codes are counted (django-otp's throttling) from then on."""
    key = request.session.get(SETUP_KEY)
    if key:
        device = TOTPDevice.objects.filter(user=request.user, confirmed=False, key=key).first()
        if device is not None:
            return device
    else:
        key = request.session[SETUP_KEY] = random_hex(20)
    device = TOTPDevice(user=request.user, name="TOTP", key=key, confirmed=False)
    if stored:
        device.save()
    return device


def _qr_svg(text: str) -> str:
    """``text`` as a QR code in inline SVG, drawn here: the key never leaves the server."""
    import segno  # on first use: a web worker seldom draws one (bench/RESULTS.md, m-rss)

    code = segno.make(text, error="m")
    return mark_safe(
        code.svg_inline(scale=5, border=4, title=_("Mã QR để thêm tài khoản"), svgclass="totp-qr")
    )


@login_required
def two_factor_setup(request):
    """Shows a new authenticator's key as a QR code, with the key as text and the otpauth
    link as fallbacks; the code it then shows confirms it. A confirmed authenticator is
    replaced only after the new one is confirmed."""
    device = _setup_device(request, stored=request.method == "POST")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            request.session.pop(SETUP_KEY, None)
            do_pass_second_step(request)
            messages.success(request, _("Đã bật xác thực hai bước."))
            codes = do_generate_recovery_codes(user=request.user)
            return _show_recovery_codes(request, codes)
        form.add_error("token", _("Mã xác thực không đúng hoặc đã hết hạn."))
    return render(
        request,
        "core/two_factor_setup.html",
        {
            "form": form,
            "next": _next_url(request),
            "secret": _base32(device),
            "config_url": device.config_url,
            "qr_svg": _qr_svg(device.config_url),
            "required": request.session.get(PENDING) == SETUP,
            "has_device": get_confirmed_device(request.user) is not None,
        },
    )


def _show_recovery_codes(request, codes: list[str]):
    """The only page that shows the codes: they are not kept in readable form anywhere."""
    response = render(
        request,
        "core/two_factor_recovery_codes.html",
        {"codes": codes, "next": _next_url(request), "count": len(codes)},
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
def two_factor_recovery_codes(request):
    """How many recovery codes are left; POST makes a new set (the old ones stop working)
    and shows it once."""
    if get_confirmed_device(request.user) is None:
        return redirect("two_factor_setup")
    if request.method == "POST":
        codes = do_generate_recovery_codes(user=request.user)
        messages.success(request, _("Đã tạo bộ mã dự phòng mới; các mã cũ không còn dùng được."))
        return _show_recovery_codes(request, codes)
    return render(
        request,
        "core/two_factor_recovery_codes.html",
        {"remaining": count_recovery_codes(request.user), "count": RECOVERY_CODE_COUNT},
    )


def _base32(device) -> str:
    from base64 import b32encode

    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
