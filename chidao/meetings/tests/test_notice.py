"""The conclusion notice: a Word file in the administrative format, registered as a document."""

import datetime
from io import BytesIO

from django.urls import reverse
from docx import Document as WordDocument

from chidao.documents.choices import DocumentKind
from chidao.meetings.builders import build_conclusion_notice_docx
from chidao.meetings.services import TaskDraft, do_add_conclusion
from chidao.org.choices import UnitKind


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def add_conclusion(setting):
    return do_add_conclusion(
        meeting=setting["meeting"],
        by=setting["secretariat"],
        text="Khẩn trương hoàn thiện Quy chế hoạt động của Ban Chỉ đạo.",
        tasks=[
            TaskDraft(
                "Trình ban hành Quy chế hoạt động",
                setting["science"],
                "Tháng 4/2025",
                coordinating_units=[setting["finance"]],
                expected_output="Quy chế hoạt động",
            )
        ],
    )


def test_the_registered_notice_has_header_number_and_recipients(setting, signed_in):
    conclusion = add_conclusion(setting)
    meeting = setting["meeting"]
    client = signed_in(setting["secretariat"])

    response = client.post(
        reverse("meetings:conclusion_notice_register", args=[meeting.pk]),
        {"number": "15", "issued_on": "2025-03-25"},
    )

    assert response.status_code == 302
    meeting.refresh_from_db()
    document = meeting.notice_document
    assert document.symbol == "15/TB-BCĐ"
    assert document.kind == DocumentKind.NOTICE
    assert document.committee == meeting.committee
    assert document.issued_on == datetime.date(2025, 3, 25)
    task = conclusion.tasks.get()
    assert task.source_document == document
    assert task.source_clause == "Mục 1"

    download = client.get(reverse("meetings:conclusion_notice_docx", args=[meeting.pk]))
    word = WordDocument(BytesIO(download.content))
    text = all_text(word)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH" in text
    assert "Số: 15/TB-BCĐ" in text
    assert "Nam Định, ngày 25 tháng 3 năm 2025" in text
    assert "THÔNG BÁO" in text
    assert "phiên họp thứ nhất" in text
    assert "1. Khẩn trương hoàn thiện Quy chế hoạt động của Ban Chỉ đạo." in text
    assert (
        "- Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính: Trình ban hành "
        "Quy chế hoạt động; sản phẩm: Quy chế hoạt động; thời hạn: Tháng 4/2025." in text
    )
    assert "Nơi nhận:" in text
    assert "- Sở Khoa học và Công nghệ;" in text
    assert "- Lưu: VT, Tổ giúp việc." in text
    assert "TM. BAN CHỈ ĐẠO" in text
    assert round(word.sections[0].page_width.mm) == 210


def test_a_party_committee_notice_uses_the_party_layout(setting):
    add_conclusion(setting)
    meeting = setting["meeting"]
    host = meeting.committee.host_unit
    host.kind = UnitKind.PARTY_COMMITTEE
    host.name = "Tỉnh ủy Nam Định"
    host.save()

    word = WordDocument(
        BytesIO(
            build_conclusion_notice_docx(meeting, number="7", issued_on=datetime.date(2025, 3, 21))
        )
    )

    text = all_text(word)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "Số 7-TB/BCĐ" in text
    assert "T/M BAN CHỈ ĐẠO" in text


def test_the_notice_is_registered_once(setting, signed_in):
    add_conclusion(setting)
    meeting = setting["meeting"]
    client = signed_in(setting["secretariat"])
    url = reverse("meetings:conclusion_notice_register", args=[meeting.pk])
    client.post(url, {"number": "15", "issued_on": "2025-03-25"})

    again = client.post(url, {"number": "16", "issued_on": "2025-03-26"})

    assert again.status_code == 200
    assert "Thông báo kết luận của phiên họp này đã vào sổ." in again.content.decode()


def test_a_notice_dated_before_the_meeting_is_refused(setting, signed_in):
    add_conclusion(setting)
    client = signed_in(setting["secretariat"])

    response = client.post(
        reverse("meetings:conclusion_notice_register", args=[setting["meeting"].pk]),
        {"number": "15", "issued_on": "2025-03-01"},
    )

    assert response.status_code == 200
    assert 'id="id_issued_on-error"' in response.content.decode()
