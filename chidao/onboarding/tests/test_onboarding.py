"""Setting a new province up from its unit list: preview, decisions, all-or-nothing commit,
accounts handed over by a one-time link; the same through the command."""

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from chidao.committees.access import get_roles
from chidao.committees.choices import CommitteeLevel, MemberRole
from chidao.committees.models import Committee, Membership
from chidao.committees.tests.factories import CommitteeFactory
from chidao.core.tests.world import sign_in
from chidao.onboarding.choices import AccountRole, OnboardingState, RowOutcome
from chidao.onboarding.models import Onboarding
from chidao.onboarding.plans import build_onboarding_plan
from chidao.onboarding.services import (
    do_commit_onboarding,
    do_create_account,
    do_decide_rows,
    do_set_first_password,
    do_start_onboarding,
)
from chidao.onboarding.tests.files import (
    THAI_NGUYEN,
    THAI_NGUYEN_UNITS,
    build_list_csv,
    build_list_docx,
    build_list_xlsx,
    build_nam_dinh,
)
from chidao.org.choices import UnitKind
from chidao.org.models import Unit, User
from chidao.org.tests.factories import PersonFactory, UserFactory

PASSWORD = "Mat-khau-thu-nghiem-2025"
NEW_PASSWORD = "Thai-Nguyen-2025-an-toan"
SAMPLE = Path(settings.BASE_DIR) / "docs" / "samples" / "thai-nguyen-don-vi.xlsx"

pytestmark = pytest.mark.django_db


def start(content=None, filename="don-vi.xlsx", **fields):
    fields = {
        "by": None,
        "name": "Ban Chỉ đạo tỉnh Thái Nguyên",
        "level": CommitteeLevel.PROVINCE,
        "place": "Thái Nguyên",
        "standing_unit_name": "Sở KH&CN",
        "secretariat_username": "thuongtruc.tn",
        "secretariat_full_name": "Hoàng Thị Thu",
        **fields,
    }
    return do_start_onboarding(
        filename=filename, content=build_list_xlsx() if content is None else content, **fields
    )


def test_the_preview_reads_a_real_list_and_writes_nothing():
    nam_dinh = build_nam_dinh()
    onboarding = start()

    plan = build_onboarding_plan(onboarding)

    assert plan.errors == []
    assert [row.outcome for row in plan.rows] == [RowOutcome.CREATE] * THAI_NGUYEN_UNITS
    names = {row.full_name: row for row in plan.rows}
    assert names["Sở Khoa học và Công nghệ tỉnh Thái Nguyên"].kind == UnitKind.DEPARTMENT
    assert names["Sở Khoa học và Công nghệ tỉnh Thái Nguyên"].short_name == "Sở KH&CN"
    assert names["Ủy ban nhân dân xã Phú Bình"].kind == UnitKind.COMMUNE
    assert names["Ngân hàng Nhà nước Khu vực 5"].kind == UnitKind.CENTRAL_BODY
    assert names["Ban Tổ chức Tỉnh ủy Thái Nguyên"].parent_name == "Tỉnh ủy Thái Nguyên"
    assert names["Sở Tài chính tỉnh Thái Nguyên"].parent_name == "Ủy ban nhân dân tỉnh Thái Nguyên"
    assert plan.host.full_name == "Tỉnh ủy Thái Nguyên"
    assert plan.standing.full_name == "Sở Khoa học và Công nghệ tỉnh Thái Nguyên"
    # The closing note is listed as skipped, not read as a unit.
    assert [row.reason for row in plan.skipped] == [
        "Không phải đơn vị: Ghi chú: danh sách do Văn phòng UBND tỉnh lập, cập nhật sau sắp xếp "
        "tổ chức bộ máy."
    ]
    assert Unit.objects.count() == len(nam_dinh)
    assert not Committee.objects.exists()


def test_the_commit_creates_units_committee_and_secretariat_in_order():
    nam_dinh = build_nam_dinh()
    onboarding = start()

    result = do_commit_onboarding(onboarding=onboarding, by=None)

    committee = result.committee
    assert committee.name == "Ban Chỉ đạo tỉnh Thái Nguyên"
    assert committee.level == CommitteeLevel.PROVINCE
    assert committee.host_unit.name == "Tỉnh ủy Thái Nguyên"
    assert committee.standing_unit.name == "Sở Khoa học và Công nghệ tỉnh Thái Nguyên"
    created = Unit.objects.exclude(pk__in=[unit.pk for unit in nam_dinh.values()])
    assert created.count() == THAI_NGUYEN_UNITS
    assert not created.filter(name__contains="Nam Định").exists()
    assert sorted(created.values_list("code", flat=True))[:2] == ["TN-001", "TN-002"]
    ubnd = Unit.objects.get(name="Ủy ban nhân dân tỉnh Thái Nguyên")
    assert Unit.objects.get(name="Sở Tài chính tỉnh Thái Nguyên").parent == ubnd
    # Nam Định's departments are untouched and no Thái Nguyên unit hangs under them.
    assert (
        not Unit.objects.filter(parent__in=nam_dinh.values())
        .exclude(code__startswith="ND-")
        .exists()
    )
    user = User.objects.get(username="thuongtruc.tn")
    assert not user.has_usable_password()
    assert user.person.full_name == "Hoàng Thị Thu"
    assert user.person.unit == committee.standing_unit
    seat = Membership.objects.get(person=user.person)
    assert (seat.committee, seat.role) == (committee, MemberRole.SUPPORT_TEAM)
    assert get_roles(user).secretariat_of == {committee.pk}
    onboarding.refresh_from_db()
    assert (onboarding.state, onboarding.committee) == (OnboardingState.COMMITTED, committee)
    assert result.handover.username == "thuongtruc.tn"
    assert result.handover.link.startswith(f"{settings.CHIDAO_SITE_URL}/thiet-lap/lan-dau/?ma=")


def test_a_second_commit_creates_nothing():
    onboarding = start()
    do_commit_onboarding(onboarding=onboarding, by=None)
    units = Unit.objects.count()

    with pytest.raises(Exception, match="đã được tạo"):
        do_commit_onboarding(onboarding=onboarding, by=None)

    assert Unit.objects.count() == units
    assert Committee.objects.count() == 1


def test_another_provinces_unit_is_flagged_until_the_row_is_skipped():
    build_nam_dinh()
    rows = (*THAI_NGUYEN, ("16", "Sở Tài chính tỉnh Nam Định", "", ""))
    onboarding = start(build_list_xlsx(rows))

    plan = build_onboarding_plan(onboarding)

    flagged = [row for row in plan.rows if row.outcome == RowOutcome.ERROR]
    assert [row.name for row in flagged] == ["Sở Tài chính tỉnh Nam Định"]
    assert "đơn vị của Nam Định, không thuộc tỉnh Thái Nguyên" in flagged[0].errors[0]
    assert not plan.can_commit
    with pytest.raises(Exception, match="Còn 1 lỗi"):
        do_commit_onboarding(onboarding=onboarding, by=None)
    assert not Committee.objects.exists()

    do_decide_rows(onboarding=onboarding, by=None, skipped_rows=[flagged[0].label, "Dòng 999"])
    onboarding.refresh_from_db()
    assert onboarding.skipped_rows == [flagged[0].label]
    committee = do_commit_onboarding(onboarding=onboarding, by=None).committee
    assert committee.standing_unit.name == "Sở Khoa học và Công nghệ tỉnh Thái Nguyên"
    assert Unit.objects.filter(name__contains="Nam Định").count() == 4


def test_a_kind_chosen_in_the_preview_replaces_the_inferred_one():
    onboarding = start()
    plan = build_onboarding_plan(onboarding)
    youth = next(row for row in plan.rows if row.name == "Tỉnh đoàn Thái Nguyên")
    police = next(row for row in plan.rows if row.name == "Công an tỉnh")
    assert youth.kind == UnitKind.DEPARTMENT  # from its section "KHỐI CÁC SỞ, BAN, NGÀNH"

    do_decide_rows(
        onboarding=onboarding,
        by=None,
        skipped_rows=[],
        kinds={youth.label: UnitKind.OTHER, police.label: police.kind, "Dòng 999": "other"},
    )

    onboarding.refresh_from_db()
    assert onboarding.kinds == {youth.label: UnitKind.OTHER}
    do_commit_onboarding(onboarding=onboarding, by=None)
    assert Unit.objects.get(name="Tỉnh đoàn Thái Nguyên").kind == UnitKind.OTHER


def test_duplicated_units_are_flagged():
    rows = (
        *THAI_NGUYEN,
        ("16", "Sở Tài chính tỉnh Thái Nguyên", "", ""),
        ("17", "SỞ Y TẾ", "", ""),
    )
    rows = (*rows, ("18", "Sở Y tế", "", ""))
    plan = build_onboarding_plan(start(build_list_xlsx(rows)))

    flagged = {row.name: row.errors for row in plan.rows if row.errors}
    assert set(flagged) == {"Sở Tài chính tỉnh Thái Nguyên", "Sở Y tế"}
    assert "trùng với Dòng 11" in flagged["Sở Tài chính tỉnh Thái Nguyên"][0]
    assert not plan.can_commit


def test_a_list_without_the_peoples_committee_gets_one_and_kinds_come_from_columns():
    csv_file = build_list_csv(
        [
            ("1", "Sở Khoa học và Công nghệ", "Sở, ban, ngành", ""),
            ("2", "Trung tâm Chuyển đổi số", "Khác", "Sở Khoa học và Công nghệ"),
            ("3", "Phú Bình", "Cấp xã", ""),
            ("4", "Hội Nông dân tỉnh", "lạ", ""),
            ("5", "Sở Y tế", "Tỉnh", ""),
        ]
    )
    plan = build_onboarding_plan(start(csv_file, filename="don-vi.csv"))

    assert plan.errors == []
    root, *rows = plan.rows
    assert (root.implied, root.full_name, root.outcome) == (
        True,
        "Ủy ban nhân dân tỉnh Thái Nguyên",
        RowOutcome.CREATE,
    )
    by_name = {row.name: row for row in rows}
    assert by_name["Trung tâm Chuyển đổi số"].parent is by_name["Sở Khoa học và Công nghệ"]
    assert by_name["Phú Bình"].kind == UnitKind.COMMUNE
    assert by_name["Hội Nông dân tỉnh"].warnings == [
        "Không hiểu loại “lạ”; loại được suy ra từ tên."
    ]
    assert (by_name["Sở Y tế"].kind, by_name["Sở Y tế"].warnings) == (UnitKind.DEPARTMENT, [])
    assert plan.host is root


def test_a_code_column_gives_the_codes_and_parents_point_at_codes():
    build_nam_dinh()
    header = ("STT", "Mã", "Tên đơn vị", "Loại", "Trực thuộc")
    rows = [
        ("1", "TN-UBND", "Ủy ban nhân dân tỉnh Thái Nguyên", "peoples_committee", ""),
        ("2", "TN-SKHCN", "Sở Khoa học và Công nghệ", "department", "tn-ubnd"),
        ("3", "TN-TTCDS", "Trung tâm Chuyển đổi số", "other", "TN-SKHCN"),
        ("4", "ND-STC", "Sở Tài chính", "department", "TN-UBND"),
        ("5", "TN-SKHCN", "Sở Nội vụ", "department", "TN-UBND"),
    ]
    onboarding = start(build_list_xlsx(rows, header=header, title=(), note=""))

    plan = build_onboarding_plan(onboarding)

    by_label = {row.label: row for row in plan.rows}
    assert by_label["Dòng 4"].parent is by_label["Dòng 3"]
    assert by_label["Dòng 3"].parent is by_label["Dòng 2"]
    errors = {row.name: row.errors for row in plan.rows if row.errors}
    assert errors == {
        "Sở Tài chính": [
            "Mã “ND-STC” đã dùng cho “Sở Tài chính tỉnh Nam Định”; hãy đổi mã trong tệp hoặc "
            "bỏ trống."
        ],
        "Sở Nội vụ": ["Mã “TN-SKHCN” trùng với Dòng 3."],
    }
    do_decide_rows(onboarding=onboarding, by=None, skipped_rows=["Dòng 5", "Dòng 6"])
    do_commit_onboarding(onboarding=onboarding, by=None)
    assert Unit.objects.get(code="TN-TTCDS").parent.code == "TN-SKHCN"


def test_a_word_table_is_read_and_a_missing_standing_unit_is_said():
    docx_file = build_list_docx(
        [("1", "Sở Tài chính", "STC"), ("2", "Sở Nội vụ", "")],
    )
    plan = build_onboarding_plan(start(docx_file, filename="don-vi.docx"))

    assert [row.full_name for row in plan.rows[1:]] == [
        "Sở Tài chính tỉnh Thái Nguyên",
        "Sở Nội vụ tỉnh Thái Nguyên",
    ]
    assert plan.errors == [
        "Không tìm thấy cơ quan thường trực “Sở KH&CN” trong danh sách đơn vị (hoặc dòng đó có "
        "lỗi, bị bỏ qua); hãy ghi đúng tên như trong danh sách."
    ]


def test_a_commune_committee_reuses_the_commune_the_province_created():
    province = do_commit_onboarding(onboarding=start(), by=None).committee
    commune_list = build_list_xlsx(
        [
            ("1", "Đảng ủy xã", "", ""),
            ("2", "UBND xã Phú Bình", "", ""),
            ("3", "Văn phòng HĐND và UBND xã", "", ""),
            ("4", "Phòng Kinh tế", "", ""),
        ],
        title=("DANH SÁCH ĐƠN VỊ XÃ PHÚ BÌNH",),
    )
    onboarding = start(
        commune_list,
        name="Ban Chỉ đạo xã Phú Bình",
        level=CommitteeLevel.COMMUNE,
        place="xã Phú Bình",
        parent=province,
        standing_unit_name="Văn phòng HĐND và UBND xã",
        secretariat_username="thuongtruc.phubinh",
    )

    result = do_commit_onboarding(onboarding=onboarding, by=None)

    commune = Unit.objects.get(name="Ủy ban nhân dân xã Phú Bình")
    assert commune.parent.name == "Ủy ban nhân dân tỉnh Thái Nguyên"
    assert Unit.objects.filter(name="Ủy ban nhân dân xã Phú Bình").count() == 1
    assert result.committee.parent == province
    assert result.committee.host_unit.name == "Đảng ủy xã Phú Bình"
    assert result.committee.standing_unit.parent == commune
    assert Unit.objects.get(name="Phòng Kinh tế xã Phú Bình").parent == commune
    # The province's secretariat sees the commune below it.
    secretariat = User.objects.get(username="thuongtruc.tn")
    assert result.committee.pk in get_roles(secretariat).secretariat_scope


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (b"", "don-vi.xlsx", "trống"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "don-vi.xlsx", "đặt mật khẩu"),
        (b"PK\x03\x04 hong", "don-vi.xlsx", "không phải"),
        (b"khong phai docx", "don-vi.docx", "không phải"),
        (b"%PDF-1.4", "don-vi.pdf", "Chỉ nhận"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_at_upload(content, filename, message):
    with pytest.raises(Exception, match=message) as caught:
        start(content, filename=filename)
    assert "file" in caught.value.message_dict
    assert not Onboarding.objects.exists()


def _plan_errors(content, filename="don-vi.xlsx"):
    return build_onboarding_plan(start(content, filename=filename)).errors


def test_a_list_without_a_name_column_says_which_header_it_needs():
    content = build_list_xlsx([("1", "Sở Y tế", "")], header=("TT", "Cơ sở", "Ghi chú"))
    assert _plan_errors(content) == [
        "Không tìm thấy cột tên đơn vị: bảng cần một cột có tiêu đề “Tên đơn vị”, “Tên cơ quan, "
        "đơn vị” hoặc “Đơn vị”."
    ]


def test_a_document_without_a_table_says_so():
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("Sở Y tế; Sở Tài chính")
    buffer = io.BytesIO()
    document.save(buffer)
    assert _plan_errors(buffer.getvalue(), "don-vi.docx") == [
        "Tệp không có bảng nào; hãy tải lên danh sách đơn vị dạng bảng."
    ]


def test_ten_megabytes_of_rows_are_refused_and_nothing_written():
    row = "1;Sở Thử nghiệm có tên rất dài để tệp lớn nhanh hơn;Sở, ban, ngành;\n"
    content = ("STT;Đơn vị;Loại;Trực thuộc\n" + row * (10 * 1024 * 1024 // len(row))).encode()
    errors = _plan_errors(content, "don-vi.csv")
    assert len(errors) == 1
    assert "không phải danh sách đơn vị" in errors[0] or "quá lớn" in errors[0]
    with pytest.raises(Exception, match="lỗi"):
        do_commit_onboarding(onboarding=Onboarding.objects.get(), by=None)
    assert not Unit.objects.exists()


def test_a_csv_that_is_not_utf8_says_how_to_save_it():
    content = "STT;Đơn vị\n1;Sở Y tế\n".encode().replace(b"\xe1\xbb\x9f", b"\xf5")
    assert "CSV UTF-8" in _plan_errors(content, "don-vi.csv")[0]


def test_bad_particulars_are_listed_with_the_rows():
    UserFactory(username="thuongtruc.tn")
    CommitteeFactory(name="Ban Chỉ đạo tỉnh Thái Nguyên")
    errors = _plan_errors(build_list_xlsx())
    assert errors == [
        "Đã có Ban Chỉ đạo tên “Ban Chỉ đạo tỉnh Thái Nguyên”.",
        "Tên đăng nhập “thuongtruc.tn” đã có người dùng; hãy chọn tên khác.",
    ]


def test_the_shipped_sample_list_previews_clean():
    onboarding = start(SAMPLE.read_bytes(), filename=SAMPLE.name)
    plan = build_onboarding_plan(onboarding)
    assert plan.errors == []
    assert len(plan.units) == 29
    assert not plan.rows_with_errors
    assert plan.standing.full_name == "Sở Khoa học và Công nghệ tỉnh Thái Nguyên"
    assert len(plan.skipped) == 1


# --- Accounts and their hand-over link -----------------------------------------------


def test_a_handover_link_sets_the_password_once_then_the_account_signs_in(client):
    result = do_commit_onboarding(onboarding=start(), by=None)
    link = result.handover.link.removeprefix(settings.CHIDAO_SITE_URL)

    page = client.get(link)
    assert page.status_code == 200
    assert "thuongtruc.tn" in page.content.decode()
    code = link.split("ma=")[1]
    answer = client.post(
        reverse("onboarding:first_sign_in"),
        {"ma": code, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert answer.status_code == 302
    assert answer.url == reverse("login")

    again = client.get(link)
    assert "Liên kết không hợp lệ, đã được dùng hoặc đã hết hạn" in again.content.decode()
    assert client.login(username="thuongtruc.tn", password=NEW_PASSWORD)


def test_a_forged_link_opens_nothing(client):
    do_commit_onboarding(onboarding=start(), by=None)
    answer = client.post(
        reverse("onboarding:first_sign_in"),
        {"ma": "MQ.abc-123", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert answer.status_code == 200
    assert not User.objects.get(username="thuongtruc.tn").has_usable_password()


def test_unit_officer_and_head_accounts_are_made_for_the_committees_units():
    committee = do_commit_onboarding(onboarding=start(), by=None).committee
    finance = Unit.objects.get(name="Sở Tài chính tỉnh Thái Nguyên")

    officer = do_create_account(
        committee=committee, by=None, username="canbo.stc", full_name="Lò Văn A",
        unit=finance, role=AccountRole.UNIT_OFFICER,
    )  # fmt: skip
    do_create_account(
        committee=committee, by=None, username="lanhdao.stc", full_name="Lò Văn B",
        unit=finance, role=AccountRole.UNIT_HEAD,
    )  # fmt: skip

    assert officer.username == "canbo.stc"
    roles = get_roles(User.objects.get(username="lanhdao.stc"))
    assert (roles.unit_id, roles.is_unit_head, roles.secretariat_of) == (
        finance.pk,
        True,
        frozenset(),
    )
    with pytest.raises(Exception, match="đã có người dùng"):
        do_create_account(
            committee=committee, by=None, username="CANBO.STC", full_name="Lò Văn C",
            unit=finance, role=AccountRole.UNIT_OFFICER,
        )  # fmt: skip


# --- Pages -----------------------------------------------------------------------------


@pytest.fixture
def admin(db):
    return UserFactory(username="quantri", is_superuser=True, is_staff=True, person=None)


def test_an_admin_with_no_committee_is_led_to_create_one(client, admin):
    sign_in(client, admin)

    home = client.get(reverse("assignments:secretariat_home"))
    listing = client.get(reverse("committees:committee_list"))

    start_url = reverse("onboarding:start")
    assert f'href="{start_url}"' in home.content.decode()
    assert "Tạo Ban Chỉ đạo" in home.content.decode()
    assert f'id="link-first-committee" href="{start_url}"' not in listing.content.decode()
    assert f'href="{start_url}" id="link-first-committee"' in listing.content.decode()


def test_an_admin_creates_a_committee_through_the_pages(client, admin):
    build_nam_dinh()
    sign_in(client, admin)
    rows = (*THAI_NGUYEN, ("16", "Sở Tài chính tỉnh Nam Định", "", ""))
    answer = client.post(
        reverse("onboarding:start"),
        {
            "name": "Ban Chỉ đạo tỉnh Thái Nguyên",
            "level": "province",
            "place": "Thái Nguyên",
            "standing_unit": "Sở Khoa học và Công nghệ",
            "secretariat_username": "thuongtruc.tn",
            "secretariat_full_name": "Hoàng Thị Thu",
            "file": SimpleUploadedFile("don-vi.xlsx", build_list_xlsx(rows)),
        },
    )
    onboarding = Onboarding.objects.get()
    assert answer.url == reverse("onboarding:preview", kwargs={"pk": onboarding.pk})
    preview = client.get(answer.url).content.decode()
    assert "Sở Tài chính tỉnh Nam Định" in preview
    assert "đơn vị của Nam Định" in preview
    assert 'id="onboarding-commit" disabled' in preview

    client.post(answer.url, {"skip": ["Dòng 22"]})
    assert Onboarding.objects.get().skipped_rows == ["Dòng 22"]
    committed = client.post(reverse("onboarding:commit", kwargs={"pk": onboarding.pk}))

    committee = Committee.objects.get()
    assert committed.url == reverse("onboarding:accounts", kwargs={"committee_pk": committee.pk})
    accounts = client.get(committed.url)
    html = accounts.content.decode()
    assert "/thiet-lap/lan-dau/?ma=" in html
    assert accounts["Cache-Control"] == "no-store"
    # Shown once: the next visit no longer holds the link.
    assert "/thiet-lap/lan-dau/?ma=" not in client.get(committed.url).content.decode()
    assert Unit.objects.filter(name__endswith="Thái Nguyên").count() == THAI_NGUYEN_UNITS - 3


def test_a_province_secretariat_sets_up_a_commune_and_an_officer_cannot(client):
    province = do_commit_onboarding(onboarding=start(), by=None).committee
    secretariat = User.objects.get(username="thuongtruc.tn")
    officer = UserFactory(person=PersonFactory(unit=province.standing_unit))
    sign_in(client, officer)
    assert client.get(reverse("onboarding:start")).status_code == 403

    sign_in(client, secretariat)
    page = client.get(reverse("onboarding:start"))
    assert page.status_code == 200
    assert province.name in page.content.decode()
    accounts = client.get(reverse("onboarding:accounts", kwargs={"committee_pk": province.pk}))
    assert "thuongtruc.tn" in accounts.content.decode()
    # Only below its own committee: without a parent the form refuses, nothing is stored.
    fields = {
        "name": "Ban Chỉ đạo tỉnh Khác",
        "level": "province",
        "place": "Bắc Ninh",
        "standing_unit": "Sở Khoa học và Công nghệ",
        "secretariat_username": "thuongtruc.bn",
        "secretariat_full_name": "Trần Văn B",
    }
    refused = client.post(
        reverse("onboarding:start"),
        {**fields, "file": SimpleUploadedFile("don-vi.xlsx", build_list_xlsx())},
    )
    assert refused.status_code == 200
    assert not Onboarding.objects.filter(name="Ban Chỉ đạo tỉnh Khác").exists()
    other = CommitteeFactory(name="Ban Chỉ đạo tỉnh Khác nữa")
    refused = client.post(
        reverse("onboarding:start"),
        {
            **fields,
            "parent": other.pk,
            "file": SimpleUploadedFile("don-vi.xlsx", build_list_xlsx()),
        },
    )
    assert refused.status_code == 200
    assert not Onboarding.objects.filter(name="Ban Chỉ đạo tỉnh Khác").exists()


def test_someone_elses_set_up_is_not_found(client, admin):
    onboarding = start()
    other = UserFactory(person=None)
    CommitteeFactory()
    sign_in(client, other)
    assert (
        client.get(reverse("onboarding:preview", kwargs={"pk": onboarding.pk})).status_code == 404
    )


# --- The command ---------------------------------------------------------------------


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("onboard_committee", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


ARGS = (
    "--name", "Ban Chỉ đạo tỉnh Thái Nguyên", "--level", "province", "--place", "Thái Nguyên",
    "--standing-unit", "Sở KH&CN", "--secretariat", "thuongtruc.tn",
)  # fmt: skip


def test_the_command_previews_as_one_json_object_and_writes_nothing():
    out, _err = run(str(SAMPLE), *ARGS, "--json")

    data = json.loads(out)
    assert set(data) == {"committee", "units", "rows", "errors"}
    assert (data["committee"], data["units"], data["errors"]) == (None, 29, [])
    assert data["rows"][0]["full_name"] == "Tỉnh ủy Thái Nguyên"
    assert not Unit.objects.exists()
    assert not Onboarding.objects.exists()


def test_the_command_commits_and_prints_the_link_apart_from_the_json():
    out, err = run(str(SAMPLE), *ARGS, "--json", "--commit")

    data = json.loads(out)
    committee = Committee.objects.get()
    assert data["committee"] == committee.pk
    assert Unit.objects.count() == data["units"] == 29
    assert "/thiet-lap/lan-dau/?ma=" in err


def test_the_command_refuses_a_bad_list_with_json_errors(tmp_path):
    path = tmp_path / "don-vi.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("onboard_committee", str(path), *ARGS, "--json", "--commit", stdout=out)
    data = json.loads(out.getvalue())
    assert data["committee"] is None
    assert "đặt mật khẩu" in data["errors"][0]
    assert not Unit.objects.exists()


def test_a_protected_file_on_the_page_is_a_message_not_an_error_page(client, admin):
    sign_in(client, admin)
    answer = client.post(
        reverse("onboarding:start"),
        {
            "name": "Ban Chỉ đạo tỉnh Thái Nguyên",
            "level": "province",
            "place": "Thái Nguyên",
            "standing_unit": "Sở Khoa học và Công nghệ",
            "secretariat_username": "thuongtruc.tn",
            "secretariat_full_name": "Hoàng Thị Thu",
            "file": SimpleUploadedFile(
                "don-vi.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
            ),
        },
    )
    assert answer.status_code == 200
    assert "Tệp được đặt mật khẩu hoặc là định dạng cũ" in answer.content.decode()
    assert not Onboarding.objects.exists()


def test_a_workbook_over_the_row_cap_is_refused_with_the_count(settings):
    settings.CHIDAO_IMPORT_MAX_ROWS = 10
    errors = _plan_errors(build_list_xlsx())
    assert errors == ["Trang “Sheet” có 23 dòng, vượt quá giới hạn 10 dòng."]
    assert not Unit.objects.exists()


def test_a_lost_link_is_issued_again_only_while_no_password_is_set(client):
    province = do_commit_onboarding(onboarding=start(), by=None).committee
    secretariat = User.objects.get(username="thuongtruc.tn")
    officer = do_create_account(
        committee=province, by=None, username="canbo.stc", full_name="Lò Văn A",
        unit=Unit.objects.get(name="Sở Tài chính tỉnh Thái Nguyên"), role=AccountRole.UNIT_OFFICER,
    )  # fmt: skip
    do_set_first_password(user=secretariat, password=NEW_PASSWORD)
    sign_in(client, secretariat)
    url = reverse("onboarding:accounts", kwargs={"committee_pk": province.pk})

    page = client.get(url).content.decode()
    assert 'name="reissue" value="canbo.stc"' in page
    assert 'name="reissue" value="thuongtruc.tn"' not in page
    again = client.post(url, {"reissue": "canbo.stc"}, follow=True).content.decode()
    link = re.search(r"/thiet-lap/lan-dau/\?ma=[^<\s]+", again)[0]
    assert "Tài khoản <strong>canbo.stc</strong>" in client.get(link).content.decode()
    assert officer.username == "canbo.stc"
    refused = client.post(url, {"reissue": "thuongtruc.tn"}, follow=True).content.decode()
    assert "đã đặt mật khẩu" in refused
    assert "/thiet-lap/lan-dau/?ma=" not in refused
    unknown = client.post(url, {"reissue": "quantri"}, follow=True).content.decode()
    assert "Không có tài khoản này" in unknown


def test_the_preview_reads_the_units_on_record_once(django_assert_max_num_queries):
    build_nam_dinh()
    onboarding = start(SAMPLE.read_bytes(), filename=SAMPLE.name)
    # Particulars (committee names, user name), the units on record: not one query per row.
    with django_assert_max_num_queries(4):
        plan = build_onboarding_plan(onboarding)
    assert len(plan.units) == 29


def test_a_workbook_far_longer_than_a_unit_list_is_refused_before_it_is_read():
    rows = [(str(n), f"Sở Thử nghiệm số {n}", "", "") for n in range(1, 4100)]
    errors = _plan_errors(build_list_xlsx(rows))
    assert errors == [
        "Danh sách có hơn 2.000 dòng: đây không phải danh sách đơn vị của một Ban Chỉ đạo. Hãy "
        "kiểm tra lại tệp."
    ]
    assert not Unit.objects.exists()
