"""The API documentation page in Chromium under the production Content-Security-Policy.

Swagger UI is started by a script file of drf-spectacular's split view (``?script``), not
an inline block: with ``script-src 'self'`` an inline start-up would be refused and the
page would stay blank (the guard fails on the console error).
"""

import pytest

from chidao.core.tests.browser import sign_in
from chidao.org.tests.factories import UserFactory

pytestmark = pytest.mark.browser

PASSWORD = "Mat-khau-thu-nghiem-2025"


def test_api_docs_render_with_script_from_files_only(web, page, live_server):
    UserFactory(username="lapTrinh")
    sign_in(page, live_server, "lapTrinh", PASSWORD)

    response = page.goto(web.url("api:docs"))
    assert "script-src 'self';" in response.headers["content-security-policy"]
    page.locator(".swagger-ui .info .title", has_text="Chỉ Đạo API").wait_for()
    assert page.locator(".swagger-ui .opblock").count() > 0, "no operation listed"
    web.step(page, "api docs")
