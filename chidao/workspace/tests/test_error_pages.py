"""Error pages (issue [O] §3): Vietnamese (English when chosen), in the site's layout with
the menu for a signed-in user; JSON under /api/; the 500 page without the database."""

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from chidao.committees.tests.factories import CommitteeFactory
from chidao.core.tests.world import PASSWORD, build_world
from chidao.workspace.errors import server_error

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def signed_in(world, role):
    client = Client()
    client.login(username=world.users[role].username, password=PASSWORD)
    return client


def test_404_is_vietnamese_with_the_menu_for_a_signed_in_user(world):
    response = signed_in(world, "unit_officer").get("/khong-co-trang-nay/")

    assert response.status_code == 404
    text = response.content.decode()
    assert "Không tìm thấy trang" in text
    assert 'id="main-nav"' in text
    assert reverse("assignments:task_list") in text
    assert "Not Found" not in text


def test_404_for_a_visitor_offers_sign_in_and_the_public_page(client):
    response = client.get("/khong-co-trang-nay/")

    assert response.status_code == 404
    text = response.content.decode()
    assert "Không tìm thấy trang" in text
    assert reverse("login") in text
    assert reverse("dashboards:public_index") in text
    assert 'id="main-nav"' not in text


def test_error_pages_come_out_in_english_when_chosen(world):
    client = signed_in(world, "unit_officer")

    response = client.get("/khong-co-trang-nay/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_403_explains_the_refusal_inside_the_layout(world):
    response = signed_in(world, "unit_officer").get(reverse("audit:event_list"))

    assert response.status_code == 403
    text = response.content.decode()
    assert "Bạn không có quyền thực hiện thao tác này" in text
    assert "Thường trực Ban Chỉ đạo" in text
    assert 'id="main-nav"' in text
    assert "403 Forbidden" not in text


def test_400_on_a_bad_host_header(client):
    response = client.get("/", HTTP_HOST="khong hop le")

    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


def test_csrf_failure_says_nothing_was_saved(world):
    client = Client(enforce_csrf_checks=True)
    client.login(username=world.users["unit_officer"].username, password=PASSWORD)

    response = client.post(reverse("logout"))

    assert response.status_code == 403
    text = response.content.decode()
    assert "Biểu mẫu đã hết hạn, chưa có gì được lưu" in text
    assert "CSRF verification failed" not in text
    # The refused sign-out did not happen.
    assert client.get(reverse("assignments:task_list")).status_code == 200


@override_settings(CHIDAO_HEAVY_PAGE_RATE="1/min")
def test_429_says_when_to_retry(world, still_rate_clock):
    cache.clear()
    client = signed_in(world, "leader")
    url = reverse("dashboards:committee_dashboard", args=[world.committee.pk])
    client.get(url)

    response = client.get(url)

    cache.clear()
    assert response.status_code == 429
    text = response.content.decode()
    assert "Quá nhiều yêu cầu" in text
    assert f"Có thể thử lại sau {response.headers['Retry-After']} giây" in text
    assert 'id="main-nav"' in text


@override_settings(ROOT_URLCONF="chidao.workspace.tests.boom_urls")
def test_500_is_a_vietnamese_page_and_json_under_the_api(world):
    client = signed_in(world, "unit_officer")
    client.raise_request_exception = False

    page = client.get("/hong/")
    api = client.get("/api/v1/hong/")

    assert page.status_code == 500
    assert "Hệ thống gặp lỗi, yêu cầu chưa được thực hiện" in page.content.decode()
    assert "Server Error" not in page.content.decode()
    assert api.status_code == 500
    assert api.headers["Content-Type"] == "application/json"


@pytest.mark.django_db(databases=[])
def test_the_500_page_renders_without_the_database():
    """No database is allowed in this test: a query would raise."""
    response = server_error(RequestFactory().get("/nhiem-vu/"))

    assert response.status_code == 500
    assert "Hệ thống gặp lỗi" in response.content.decode()


def test_api_addresses_keep_answering_json(world):
    client = signed_in(world, "unit_officer")

    missing = client.get("/api/v1/khong-co/")
    hidden = client.get(reverse("api:committee-detail", args=[world.other_committee.pk]))

    assert missing.status_code == 404
    assert hidden.status_code == 404
    assert missing.json() == hidden.json()


def test_the_anonymous_api_docs_page_says_how_to_get_in(client):
    CommitteeFactory()

    response = client.get(reverse("api:docs"))

    assert response.status_code == 401
    text = response.content.decode()
    assert "Tài liệu API dành cho người dùng đã đăng nhập" in text
    assert reverse("login") in text


def test_the_api_docs_still_open_for_a_signed_in_user(world):
    response = signed_in(world, "unit_officer").get(reverse("api:docs"))

    assert response.status_code == 200
