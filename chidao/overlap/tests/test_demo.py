"""Done-when of issue [J] on the demo province, as the secretariat (thuongtruc) sees it."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from chidao.committees.models import Committee
from chidao.demo import content

pytestmark = pytest.mark.django_db

# The overlaps planted in the demo: (code, committee key) pairs of the same work.
PLANTED = {
    frozenset({("VI.1", "nam-dinh"), ("VI.11", "nam-dinh")}),
    frozenset({("IV.3", "nam-dinh"), ("IV.9", "nam-dinh")}),
    frozenset({("III.9", "nam-dinh"), ("III.2", "p-nam-dinh")}),
    frozenset({("V.4", "nam-dinh"), ("V.2", "x-hai-hau")}),
}


@pytest.fixture
def demo(client):
    call_command("load_demo", "--today", date(2026, 11, 23).isoformat(), stdout=StringIO())
    client.login(username="thuongtruc", password=content.DEMO_PASSWORD)
    keys = {committee.name: committee.key for committee in content.COMMITTEES}
    return {
        "nam_dinh": Committee.objects.get(name=content.NAM_DINH_COMMITTEE),
        "key_of": {c.pk: keys[c.name] for c in Committee.objects.all()},
    }


def test_demo_overlaps_report_warnings_and_drafts(client, demo):
    nam_dinh, key_of = demo["nam_dinh"], demo["key_of"]

    # The overlaps report lists every planted pair.
    report = client.get(reverse("overlap:report", args=[nam_dinh.pk]))
    listed = {
        frozenset(
            {
                (pair.first.code, key_of[pair.first.committee_id]),
                (pair.second.code, key_of[pair.second.committee_id]),
            }
        )
        for group in report.context["groups"]
        for pair in group.pairs
    }
    assert report.status_code == 200
    assert listed >= PLANTED

    # Creating a task worded like an existing one warns before saving.
    check = client.post(
        reverse("overlap:check_draft", args=[nam_dinh.pk]),
        {"title": "Xay dung bo tieu chi danh gia muc do CDS cua doanh nghiep tren dia ban tinh"},
    )
    assert [item.task.code for item in check.context["found"]][:1] == ["VI.9"]
    assert "Có thể trùng" in check.content.decode()

    # A paragraph of a real plan gives drafts with the province's own lead units.
    drafts = client.post(
        reverse("overlap:draft_from_text", args=[nam_dinh.pk]),
        {
            "text": "Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ "
            "xây dựng Kế hoạch phát triển hạ tầng số của tỉnh, hoàn thành trong Quý II/2025.\n"
            "- Sở Công Thương chủ trì hỗ trợ doanh nghiệp nhỏ và vừa, hợp tác xã chuyển đổi số, "
            "báo cáo UBND tỉnh trước ngày 30/9/2025.\n"
            "- Giao Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện (hằng quý)."
        },
    ).context["drafts"]
    assert [draft.lead_unit.name for draft in drafts] == [
        "Sở Khoa học và Công nghệ tỉnh Nam Định",
        "Sở Công Thương tỉnh Nam Định",
        "Văn phòng Ủy ban nhân dân tỉnh Nam Định",
    ]
    assert [draft.deadline.value for draft in drafts] == [
        "trong Quý II/2025",
        "trước ngày 30/9/2025",
        "hằng quý",
    ]
    # The second repeats the province's VI.1: the draft says so.
    assert "VI.1" in [item.task.code for item in drafts[1].duplicates]
