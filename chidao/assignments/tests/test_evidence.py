"""Evidence files: accepted for what their bytes are, capped in size, stored under
generated names, and downloaded only by users who may see the task."""

import io

import pytest
from django.urls import reverse

from chidao.assignments.models import Evidence, ProgressUpdate
from chidao.assignments.tests.factories import MINIMAL_PDF
from chidao.assignments.tests.report_files import (
    MINIMAL_JPEG,
    WINDOWS_EXE,
    make_docm,
    make_docx,
    make_png,
    make_xlsx,
    make_zip,
    upload,
)
from chidao.core.tests.world import build_world, sign_in
from chidao.core.uploads import DOCX, JPEG, PDF, PNG, XLSX, get_upload_kind


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def world(db, media):
    return build_world()


def report(client, task, **files):
    """The unit officer's report form, posted with ``files`` as evidence."""
    return client.post(
        reverse("assignments:progress_create", kwargs={"pk": task.pk}),
        {"percent": "40", "results": "Đã số hóa 500 hồ sơ.", **files},
    )


def stored_files(media):
    return sorted(path for path in media.rglob("*") if path.is_file())


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (MINIMAL_PDF, PDF),
        (make_png(), PNG),
        (MINIMAL_JPEG, JPEG),
        (make_docx(), DOCX),
        (make_xlsx(), XLSX),
        (make_docm(), None),
        (WINDOWS_EXE, None),
        (make_zip({"readme.txt": b"khong phai van ban"}), None),
        (make_zip({"word/document.xml": b"<w/>"}), None),  # no [Content_Types].xml
        (b"<html><script>alert(1)</script></html>", None),
        (b"", None),
    ],
    ids=["pdf", "png", "jpeg", "docx", "xlsx", "docm", "exe", "zip", "fake-docx", "html", "empty"],
)
def test_kind_is_read_from_the_content(content, kind):
    assert get_upload_kind(io.BytesIO(content)) == kind


def test_docx_and_xlsx_are_told_apart_whatever_their_names(client, world, media):
    sign_in(client, world.users["unit_officer"])

    response = report(
        client,
        world.task,
        evidence_files=[
            upload("bang-so-lieu.docx", make_xlsx()),
            upload("bien-ban.xlsx", make_docx()),
        ],
    )

    assert response.status_code == 302
    update = ProgressUpdate.objects.get(task=world.task, percent=40)
    kinds = {
        item.original_name: (item.content_type, item.file.name[-5:])
        for item in update.evidence.all()
    }
    assert kinds == {
        "bang-so-lieu.docx": (XLSX.content_type, ".xlsx"),
        "bien-ban.xlsx": (DOCX.content_type, ".docx"),
    }


def test_a_png_named_pdf_is_stored_and_served_as_the_png_it_is(client, world, media):
    sign_in(client, world.users["unit_officer"])
    png = make_png()

    response = report(client, world.task, evidence_files=[upload("x.pdf", png)])

    assert response.status_code == 302
    evidence = Evidence.objects.get(progress_update__task=world.task, original_name="x.pdf")
    assert evidence.content_type == "image/png"
    assert evidence.file.name.endswith(".png")
    assert evidence.size == len(png)
    download = client.get(reverse("assignments:evidence_download", kwargs={"pk": evidence.pk}))
    assert download["Content-Type"] == "image/png"
    assert download["Content-Disposition"] == 'attachment; filename="x.png"'
    assert b"".join(download.streaming_content) == png


def test_a_program_renamed_pdf_is_refused_next_to_the_field_and_nothing_is_saved(
    client, world, media
):
    sign_in(client, world.users["unit_officer"])
    before = (ProgressUpdate.objects.count(), Evidence.objects.count(), stored_files(media))

    response = report(
        client,
        world.task,
        evidence_files=[upload("bao-cao.pdf", MINIMAL_PDF), upload("quyet-dinh.pdf", WINDOWS_EXE)],
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_evidence_files-error"' in html
    field_error = response.context["form"].errors["evidence_files"]
    assert field_error == [
        "Tệp “quyet-dinh.pdf” không phải PDF, Word (DOCX), Excel (XLSX), PNG hay JPEG "
        "(hệ thống kiểm tra nội dung tệp, không dựa vào tên tệp)."
    ]
    assert (ProgressUpdate.objects.count(), Evidence.objects.count(), stored_files(media)) == before


def test_a_file_over_the_cap_is_refused(client, world, media, settings):
    assert settings.CHIDAO_EVIDENCE_MAX_BYTES == 20 * 1024 * 1024
    sign_in(client, world.users["unit_officer"])
    before = (ProgressUpdate.objects.count(), stored_files(media))
    big = MINIMAL_PDF + b"\x00" * (21 * 1024 * 1024)

    response = report(client, world.task, evidence_files=[upload("ho-so-scan.pdf", big)])

    assert response.status_code == 200
    [message] = response.context["form"].errors["evidence_files"]
    assert message.startswith("Tệp “ho-so-scan.pdf” quá lớn")
    assert "mỗi tệp tối đa 20,0" in message
    assert (ProgressUpdate.objects.count(), stored_files(media)) == before


def test_the_cap_follows_the_setting(client, world, media, settings):
    settings.CHIDAO_EVIDENCE_MAX_BYTES = 100
    sign_in(client, world.users["unit_officer"])

    response = report(
        client, world.task, evidence_files=[upload("a.pdf", MINIMAL_PDF + b" " * 100)]
    )

    assert response.status_code == 200
    assert "quá lớn" in response.context["form"].errors["evidence_files"][0]


def test_stored_names_are_generated_under_media_root(client, world, media):
    sign_in(client, world.users["unit_officer"])

    report(client, world.task, evidence_files=[upload("../../etc/Quyết định 12.pdf", MINIMAL_PDF)])

    evidence = Evidence.objects.get(progress_update__task=world.task, progress_update__percent=40)
    assert evidence.original_name == "Quyết định 12.pdf"
    path = media / evidence.file.name
    assert path.is_file()
    assert path.parent.parent.parent == media / "evidence"
    assert "Quy" not in path.name
    assert len(path.stem) == 32  # a uuid


def test_download_is_an_attachment_with_the_original_name(client, world):
    evidence = world.objects["evidence"]
    sign_in(client, world.users["coordinating_officer"])

    response = client.get(reverse("assignments:evidence_download", kwargs={"pk": evidence.pk}))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20123.pdf"
    )
    assert b"".join(response.streaming_content) == MINIMAL_PDF


@pytest.mark.parametrize("role", ["other_unit_officer", "other_secretariat"])
def test_download_is_404_for_users_who_may_not_see_the_task(client, world, role):
    evidence = world.objects["evidence"]
    sign_in(client, world.users[role])

    response = client.get(reverse("assignments:evidence_download", kwargs={"pk": evidence.pk}))

    assert response.status_code == 404


def test_download_sends_anonymous_users_to_sign_in(client, world):
    url = reverse("assignments:evidence_download", kwargs={"pk": world.objects["evidence"].pk})

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_file_missing_on_disk_is_404_not_500(client, world, media):
    evidence = world.objects["evidence"]
    (media / evidence.file.name).unlink()
    sign_in(client, world.users["unit_officer"])

    response = client.get(reverse("assignments:evidence_download", kwargs={"pk": evidence.pk}))

    assert response.status_code == 404
