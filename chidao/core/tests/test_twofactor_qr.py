"""The two-step set-up shows a QR code drawn on the server, with the key as fallback
(issue [O] §10): nothing is fetched from elsewhere, so the key never leaves the server."""

import re

import pytest
import segno
from django.urls import reverse

from chidao.org.tests.factories import UserFactory


@pytest.mark.django_db
def test_the_set_up_page_shows_an_inline_qr_code_of_the_otpauth_link(client):
    client.force_login(UserFactory(username="quantri"))

    response = client.get(reverse("two_factor_setup"))

    page = response.content.decode()
    svg = re.search(r'<div class="my-2 totp-qr-box" id="totp-qr">(<svg.*?</svg>)', page, re.S)
    assert svg is not None
    expected = segno.make(response.context["config_url"], error="m")
    # The drawn modules are the otpauth link's: same path as segno draws for it.
    drawn_path = re.search(r' d="([^"]+)"', svg.group(1)).group(1)
    assert drawn_path in expected.svg_inline(scale=5, border=4)
    assert response.context["secret"] in page
    assert "<img" not in page
