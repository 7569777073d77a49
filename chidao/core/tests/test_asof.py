"""One reading of ``?as_of=`` for every page, and old ``?ngay=`` links redirected."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from chidao.core.asof import AsOfField, parse_as_of
from chidao.core.tests.world import build_world, sign_in

DEFAULT = datetime.date(2026, 1, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31/12/2025", datetime.date(2025, 12, 31)),
        ("1/2/2025", datetime.date(2025, 2, 1)),
        (" 2025-06-30 ", datetime.date(2025, 6, 30)),
        ("31/02/2025", DEFAULT),  # no such day
        ("2025-13-01", DEFAULT),
        ("30-06-2025", DEFAULT),  # neither form offices nor date inputs send
        ("01/01/0001", DEFAULT),  # no report is about year 1: three months earlier is not
        ("hôm qua", DEFAULT),
        ("", DEFAULT),
        (None, DEFAULT),
    ],
)
def test_parse_as_of_reads_day_first_and_iso_dates_and_falls_back(text, expected):
    assert parse_as_of(text, default=DEFAULT) == expected


@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2999, 12, 31)))
def test_both_forms_of_every_day_read_back_as_that_day(day):
    assert parse_as_of(f"{day:%d/%m/%Y}") == day
    assert parse_as_of(day.isoformat()) == day


def test_the_form_field_accepts_what_the_parser_accepts():
    field = AsOfField(required=False)

    assert field.clean("30/06/2025") == datetime.date(2025, 6, 30)
    assert field.clean("2025-06-30") == datetime.date(2025, 6, 30)
    assert field.clean("") is None
    with pytest.raises(ValidationError) as refused:
        field.clean("31/02/2025")
    assert refused.value.code == "invalid"


@pytest.fixture
def world(db):
    return build_world()


def test_a_bad_date_on_the_dashboard_shows_today_and_says_so(world):
    client = sign_in(Client(), world.users["leader"])

    response = client.get(
        reverse("dashboards:committee_dashboard", args=[world.committee.pk]),
        {"as_of": "31/02/2025"},
    )

    assert response.status_code == 200
    assert response.context["as_of"] == timezone.localdate()
    said = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("31/02/2025" in text and "dd/mm/yyyy" in text for text in said)


def test_the_meeting_follow_up_reads_as_of(world):
    client = sign_in(Client(), world.users["secretariat"])
    meeting = world.objects["meeting"]

    response = client.get(reverse("meetings:follow_up", args=[meeting.pk]), {"as_of": "30/06/2025"})

    assert response.status_code == 200
    assert response.context["brief"].as_of == datetime.date(2025, 6, 30)
    assert "?as_of=2025-06-30" in response.content.decode()  # the .docx link


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("meetings:follow_up", "meeting"),
        ("meetings:follow_up_docx", "meeting"),
        ("reporting:cycle_detail", "cycle"),
        ("reporting:report_docx", "cycle"),
        ("reporting:report_xlsx", "cycle"),
        ("reporting:report_pdf", "cycle"),
        ("reporting:cycle_board_csv", "cycle"),
        ("reporting:cycle_board_xlsx", "cycle"),
    ],
)
def test_an_old_ngay_link_redirects_to_the_same_address_with_as_of(world, name, key):
    client = sign_in(Client(), world.users["secretariat"])
    url = reverse(name, args=[world.objects[key].pk])

    response = client.get(url, {"ngay": "2025-06-30", "khac": "1"})

    assert response.status_code == 301
    target = urlsplit(response["Location"])
    assert target.path == url
    assert parse_qs(target.query) == {"as_of": ["2025-06-30"], "khac": ["1"]}
