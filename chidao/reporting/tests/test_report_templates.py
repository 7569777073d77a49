"""The secretariat's own Word template: download, edit, upload back, clear refusals."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document as WordDocument

from chidao.assignments.counts import get_count_table
from chidao.assignments.models import Task
from chidao.core.tests.world import PASSWORD, build_world
from chidao.reporting.models import ReportTemplate

pytestmark = pytest.mark.django_db
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Uploaded templates go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def client_secretariat(client, world):
    client.login(username=world.users["secretariat"].username, password=PASSWORD)
    return client


def default_template(client, world) -> bytes:
    url = reverse("reporting:report_template_download", args=[world.committee.pk])
    return client.get(url, {"mac-dinh": "1"}).content


def with_paragraph(template: bytes, text: str) -> bytes:
    document = WordDocument(BytesIO(template))
    document.add_paragraph(text)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def upload(client, world, content: bytes, name="mau-sua.docx"):
    return client.post(
        reverse("reporting:report_template", args=[world.committee.pk]),
        {"file": SimpleUploadedFile(name, content, content_type=DOCX)},
    )


def test_an_edited_template_is_used_for_the_report(client_secretariat, world):
    client = client_secretariat
    edited = with_paragraph(default_template(client, world), "Ghi chú riêng của Văn phòng Tỉnh ủy.")

    response = upload(client, world, edited)

    assert response.status_code == 302
    assert ReportTemplate.objects.get(committee=world.committee).original_name == "mau-sua.docx"
    cycle = world.objects["cycle"]
    report = client.get(reverse("reporting:report_docx", args=[cycle.pk]), {"as_of": "2025-09-30"})
    document = WordDocument(BytesIO(report.content))
    body = [p.text for p in document.paragraphs]
    assert "Ghi chú riêng của Văn phòng Tỉnh ủy." in body
    assert "Ban Chỉ đạo báo cáo kết quả thực hiện quý III năm 2025 " in body[3]
    left, right = document.tables[0].rows[0].cells
    assert right.paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert left.paragraphs[-1].text.startswith("Số:")
    total = get_count_table(
        Task.objects.filter(committee=world.committee), as_of=cycle.period_end, by="group"
    ).total
    counts = document.tables[1].rows[-1].cells
    assert counts[1].text == "Tổng cộng"
    assert int(counts[2].text) == total.assigned
    assert "{{" not in "".join(c.text for t in document.tables for c in t._cells)


def test_an_unknown_placeholder_is_refused_with_its_name(client_secretariat, world):
    client = client_secretariat
    edited = with_paragraph(default_template(client, world), "Số văn bản: {{ so_van_ban }}")

    response = upload(client, world, edited)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Mẫu có trường không có trong danh sách: {{ so_van_ban }}" in html
    assert not ReportTemplate.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.7 not a Word file", "không phải Word (DOCX)"),
        (None, "Mẫu có lỗi cú pháp trường dữ liệu"),
    ],
)
def test_a_broken_file_gets_a_vietnamese_message(client_secretariat, world, content, message):
    client = client_secretariat
    if content is None:
        content = with_paragraph(default_template(client, world), "{{ dong_so ")

    response = upload(client, world, content)

    assert message in response.content.decode()
    assert not ReportTemplate.objects.exists()


def test_a_template_cannot_reach_python_objects(client_secretariat, world):
    client = client_secretariat
    sneaky = with_paragraph(default_template(client, world), "{{ dong_so.__class__.__mro__ }}")
    upload(client, world, sneaky)
    cycle = world.objects["cycle"]

    response = client.get(reverse("reporting:report_docx", args=[cycle.pk]), follow=True)

    assert response.redirect_chain[0][0] == reverse("reporting:cycle_detail", args=[cycle.pk])
    assert "Không điền được mẫu báo cáo" in response.content.decode()


def test_going_back_to_the_default_template(client_secretariat, world):
    client = client_secretariat
    upload(client, world, default_template(client, world))

    client.post(
        reverse("reporting:report_template", args=[world.committee.pk]), {"action": "default"}
    )

    assert not ReportTemplate.objects.filter(is_active=True).exists()
    cycle = world.objects["cycle"]
    report = client.get(reverse("reporting:report_docx", args=[cycle.pk]))
    assert report["Content-Type"] == DOCX


def test_without_libreoffice_the_pdf_link_gives_the_word_file(client_secretariat, world, settings):
    from chidao.reporting import pdf

    if pdf.is_pdf_available():
        pytest.skip("LibreOffice is installed here; the fallback is for servers without it")
    cycle = world.objects["cycle"]

    response = client_secretariat.get(reverse("reporting:report_pdf", args=[cycle.pk]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("reporting:report_docx", args=[cycle.pk]))
