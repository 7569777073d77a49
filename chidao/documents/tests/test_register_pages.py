"""The documents register through its pages (issue [B] §10)."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chidao.assignments.tests.factories import TaskFactory
from chidao.core.tests.world import build_world, sign_in
from chidao.documents.choices import DocumentKind
from chidao.documents.models import Document
from chidao.documents.tests.factories import PDF_BYTES, DocumentFactory


@pytest.fixture
def world(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world()


def docx_bytes() -> bytes:
    """A minimal Word file; members dated explicitly so every call gives the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in (("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w/>")):
            archive.writestr(zipfile.ZipInfo(name, date_time=(2025, 3, 15, 8, 0, 0)), text)
    return buffer.getvalue()


def form_data(world, **fields):
    return {
        "symbol": "29/KH-UBND",
        "committee": world.committee.pk,
        "issuing_unit": world.lead_unit.pk,
        "issued_on": "15/03/2025",
        "signer": "Trần Văn Ký",
        "summary": "Kế hoạch thực hiện Chương trình hành động số 54-CTr/TU",
        **fields,
    }


def test_secretariat_registers_a_document_with_its_file(client, world):
    programme = DocumentFactory(committee=world.committee, symbol="54-CTr/TU")
    secretariat = sign_in(client, world.users["secretariat"])

    response = secretariat.post(
        reverse("documents:document_create"),
        form_data(
            world,
            symbol="Số: 29/UBND-KH",
            implements=programme.pk,
            file=SimpleUploadedFile("ke-hoach.docx", docx_bytes()),
        ),
    )

    document = Document.objects.get(symbol="29/KH-UBND")
    assert response.status_code == 302
    assert response.url == reverse("documents:document_detail", kwargs={"pk": document.pk})
    assert document.kind == DocumentKind.PLAN
    assert document.issued_on == datetime.date(2025, 3, 15)
    assert document.implements == programme
    assert document.committee == world.committee
    assert document.file.name.endswith(".docx")
    assert "viết đảo thứ tự" in document.symbol_note
    assert document.history.count() == 1

    download = secretariat.get(reverse("documents:document_file", kwargs={"pk": document.pk}))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == docx_bytes()


@pytest.mark.parametrize(
    ("symbol", "message"),
    [
        ("29/KH", "thiếu tên cơ quan ban hành"),
        ("KH-UBND", "không hợp lệ"),
        ("", "Mục này không được để trống."),
    ],
)
def test_a_bad_symbol_shows_the_parsers_message_next_to_the_field(client, world, symbol, message):
    response = sign_in(client, world.users["secretariat"]).post(
        reverse("documents:document_create"), form_data(world, symbol=symbol)
    )

    assert response.status_code == 200
    assert message in response.context["form"].errors["symbol"][0]
    page = response.content.decode()
    assert '<div class="form-field-error" id="id_symbol-error">' in page
    assert 'aria-describedby="id_symbol-error' in page  # then the help text
    assert not Document.objects.filter(summary__startswith="Kế hoạch thực hiện Chương").exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bao-cao.pdf", b"<html><script>alert(1)</script></html>"),
        ("anh.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
    ],
)
def test_only_pdf_and_docx_by_content(client, world, name, content):
    response = sign_in(client, world.users["secretariat"]).post(
        reverse("documents:document_create"),
        form_data(world, file=SimpleUploadedFile(name, content)),
    )

    assert response.status_code == 200
    assert (
        f"Tệp “{name}” không phải PDF hay Word (DOCX)" in response.context["form"].errors["file"][0]
    )
    assert not Document.objects.filter(symbol="29/KH-UBND").exists()


def test_a_file_over_the_cap_is_refused(client, world, settings):
    settings.CHIDAO_DOCUMENT_MAX_BYTES = 1024
    response = sign_in(client, world.users["secretariat"]).post(
        reverse("documents:document_create"),
        form_data(world, file=SimpleUploadedFile("lon.pdf", PDF_BYTES + b"0" * 2048)),
    )

    assert "Tệp “lon.pdf” quá lớn" in response.context["form"].errors["file"][0]
    assert not Document.objects.filter(symbol="29/KH-UBND").exists()


def test_registering_the_same_document_twice_is_refused(client, world):
    secretariat = sign_in(client, world.users["secretariat"])
    secretariat.post(reverse("documents:document_create"), form_data(world))

    again = secretariat.post(reverse("documents:document_create"), form_data(world))

    assert "đã có trong sổ" in again.context["form"].errors["symbol"][0]
    assert Document.objects.filter(symbol="29/KH-UBND").count() == 1


def test_the_chain_is_shown_both_ways_with_the_tasks_it_assigns(client, world):
    resolution = DocumentFactory(symbol="57-NQ/TW", kind=DocumentKind.RESOLUTION)
    programme = DocumentFactory(
        committee=world.committee,
        symbol="54-CTr/TU",
        kind=DocumentKind.ACTION_PROGRAMME,
        implements=resolution,
    )
    plan = DocumentFactory(committee=world.committee, symbol="29/KH-UBND", implements=programme)
    TaskFactory(
        committee=world.committee,
        lead_unit=world.lead_unit,
        source_document=programme,
        title="Xây dựng Trung tâm dữ liệu tỉnh",
    )
    leader = sign_in(client, world.users["leader"])

    page = leader.get(reverse("documents:document_detail", kwargs={"pk": programme.pk}))

    assert page.context["chain"] == [resolution]
    assert list(page.context["implementations"]) == [plan]
    content = page.content.decode()
    assert "57-NQ/TW" in content
    assert "29/KH-UBND" in content
    assert "Xây dựng Trung tâm dữ liệu tỉnh" in content

    plan_page = leader.get(reverse("documents:document_detail", kwargs={"pk": plan.pk}))
    assert plan_page.context["chain"] == [resolution, programme]


def test_list_search_ignores_diacritics_and_filters(client, world):
    DocumentFactory(
        committee=world.committee,
        symbol="12/KH-UBND",
        summary="Kế hoạch chuyển đổi số năm 2025",
        issued_on=datetime.date(2025, 1, 10),
    )
    DocumentFactory(
        committee=world.committee,
        symbol="3/QĐ-UBND",
        kind=DocumentKind.DECISION,
        summary="Quyết định kiện toàn Ban Chỉ đạo",
        issued_on=datetime.date(2024, 5, 2),
    )
    officer = sign_in(client, world.users["unit_officer"])

    def symbols(**query):
        page = officer.get(reverse("documents:document_list"), query)
        return {document.symbol for document in page.context["page"]}

    assert symbols(q="chuyen doi so") == {"12/KH-UBND"}
    assert symbols(kind="QĐ") == {"3/QĐ-UBND"}
    assert symbols(year="2024") == {"3/QĐ-UBND"}
    assert "12/KH-UBND" in symbols(year="nam-ngoai")  # a bad filter is ignored, not a 500


def test_another_committees_document_is_hidden(client, world):
    theirs = DocumentFactory(committee=world.other_committee, symbol="8/KH-UBND", with_file=True)
    officer = sign_in(client, world.users["unit_officer"])

    listing = officer.get(reverse("documents:document_list"))
    assert theirs not in listing.context["page"]
    assert (
        officer.get(reverse("documents:document_detail", kwargs={"pk": theirs.pk})).status_code
        == 404
    )
    assert (
        officer.get(reverse("documents:document_file", kwargs={"pk": theirs.pk})).status_code == 404
    )
    shared = DocumentFactory(symbol="57-NQ/TW", kind=DocumentKind.RESOLUTION)
    assert (
        officer.get(reverse("documents:document_detail", kwargs={"pk": shared.pk})).status_code
        == 200
    )


def test_html_in_a_summary_is_shown_as_text(client, world):
    document = DocumentFactory(
        committee=world.committee, summary="<b>in đậm</b><script>x()</script>"
    )

    page = sign_in(client, world.users["leader"]).get(
        reverse("documents:document_detail", kwargs={"pk": document.pk})
    )

    assert "<script>x()" not in page.content.decode()
    assert "&lt;script&gt;x()" in page.content.decode()


def test_the_list_takes_a_fixed_number_of_queries(client, world, django_assert_num_queries):
    for number in range(1, 6):
        DocumentFactory(committee=world.committee, symbol=f"{number}/QĐ-UBND")
    leader = sign_in(client, world.users["leader"])
    with django_assert_num_queries(8):
        leader.get(reverse("documents:document_list"))
