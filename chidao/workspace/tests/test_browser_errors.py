"""Issue [O] §3 in Chromium: each error page (400, 403, 404, 429 with when to retry, 500,
CSRF failure) is a Vietnamese page inside the site's layout, with the menu for a signed-in
user; each one is kept as a screenshot."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from chidao.core.tests.browser import sign_in
from chidao.core.tests.world import PASSWORD, build_world

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture
def world(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world()


def expect_status(web, page, path: str, status: int):
    """Open ``path``, which must answer ``status``; the guard's note of it is expected."""
    response = page.goto(web.base_url + path)
    assert response.status == status, (path, response.status)
    expected(web, status)
    return response


def expected(web, status: int):
    """Drop the guard's notes of the ``status`` answer this step asked for (the response
    and Chromium's console line about it); any other problem still fails the test."""
    web.guard.problems[:] = [
        p
        for p in web.guard.problems
        if not (p.startswith(f"{status} for") or f"status of {status} " in p)
    ]


def in_the_layout(page, heading: str, *, menu: bool = True):
    assert page.locator("h1", has_text=heading).is_visible(), heading
    assert page.locator("nav .navbar-brand").is_visible()
    assert page.locator("#main-nav").count() == (1 if menu else 0)


def test_each_error_page_in_the_sites_layout(web, live_server, world, settings):
    page = web.new_page(LAPTOP)
    sign_in(page, live_server, world.users["unit_officer"].username, PASSWORD)

    expect_status(web, page, "/khong-co-trang-nay/", 404)
    in_the_layout(page, "Không tìm thấy trang")
    web.step(page, "404")

    expect_status(web, page, reverse("audit:event_list"), 403)
    in_the_layout(page, "Bạn không có quyền thực hiện thao tác này")
    assert "403 Forbidden" not in page.content()
    web.step(page, "403")

    # More fields than Django accepts in one request: a malformed request (400).
    crowded = "&".join(f"f{n}=1" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    expect_status(web, page, reverse("assignments:task_list") + "?" + crowded, 400)
    in_the_layout(page, "Yêu cầu không hợp lệ")
    web.step(page, "400")

    # A form sent without its CSRF cookie (left open past the session, another tab…).
    page.goto(web.url("assignments:task_list"))
    page.context.clear_cookies(name="csrftoken")
    page.locator("#main-nav .dropdown-toggle").last.click()
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_load_state("load")
    expected(web, 403)
    in_the_layout(page, "Biểu mẫu đã hết hạn")
    assert "CSRF verification failed" not in page.content()
    web.step(page, "csrf")

    settings.ROOT_URLCONF = "chidao.workspace.tests.boom_urls"
    expect_status(web, page, "/hong/", 500)
    # Rendered without the database, so without the menu: the brand links home.
    in_the_layout(page, "Hệ thống gặp lỗi", menu=False)
    assert "Server Error" not in page.content()
    web.step(page, "500")
    settings.ROOT_URLCONF = "chidao.urls"


def test_too_many_requests_says_when_to_retry(web, live_server, world, settings, still_rate_clock):
    settings.CHIDAO_HEAVY_PAGE_RATE = "1/min"
    cache.clear()
    page = web.new_page(LAPTOP)
    sign_in(page, live_server, world.users["leader"].username, PASSWORD)
    dashboard = reverse("dashboards:committee_dashboard", args=[world.committee.pk])
    page.goto(web.base_url + dashboard)
    expected(web, 429)  # the landing page after signing in may have been the dashboard

    response = expect_status(web, page, dashboard, 429)

    cache.clear()
    in_the_layout(page, "Quá nhiều yêu cầu")
    seconds = response.headers["retry-after"]
    assert page.get_by_text(f"Có thể thử lại sau {seconds} giây.").is_visible()
    web.step(page, "429")
