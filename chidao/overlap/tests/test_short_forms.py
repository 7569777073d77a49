"""The committee's own table of short forms (issue [S] #20, deliverable 2): the page its
secretariat writes it on, and the overlap finder reading it."""

import unicodedata

import pytest
from django.urls import reverse

from chidao.assignments.tests.factories import TaskFactory
from chidao.core.tests.world import build_world, sign_in
from chidao.org.tests.factories import UnitFactory
from chidao.overlap.finder import get_tree_index
from chidao.overlap.models import ShortForm
from chidao.overlap.rules import get_learned_abbreviations, is_short_form, parse_match_text

WRITTEN_OUT = "Sở Xây dựng Khánh Hòa cấp chứng chỉ hành nghề trực tuyến"
# "SXD KH: cấp CCHN trực tuyến" would be decided the same work without the table already
# ("trực tuyến" shared): the draft here shares no word but "cấp" until its short forms are
# read. Not "GPXD": the fixed table reads it since t-abbrev, and the draft was found
# without the committee's table.
SHORT = "SXD KH: cấp CCHN"
MEANINGS = {"SXD": "Sở Xây dựng", "KH": "Khánh Hòa", "CCHN": "chứng chỉ hành nghề"}


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def written_out(world):
    """The task the drafts below repeat, in the province committee."""
    return TaskFactory(
        committee=world.committee, lead_unit=UnitFactory(name="Sở Xây dựng"), title=WRITTEN_OUT
    )


def drafted_twins(client, world) -> list:
    """What the task form's warning finds for a draft titled ``SHORT`` (the secretariat)."""
    sign_in(client, world.users["secretariat"])
    response = client.post(
        reverse("overlap:check_draft", args=[world.committee.pk]), {"title": SHORT}
    )
    assert response.status_code == 200
    return [item.task for item in response.context["found"]]


def add(client, user, committee, short, full):
    sign_in(client, user)
    return client.post(
        reverse("overlap:short_forms", args=[committee.pk]), {"short": short, "full": full}
    )


def test_a_draft_in_short_forms_is_found_once_the_committee_says_what_they_mean(
    client, world, written_out
):
    assert drafted_twins(client, world) == []

    for short, full in MEANINGS.items():
        response = add(client, world.users["secretariat"], world.committee, short, full)
        assert response.status_code == 302

    # The tree's index was built above, before the table: the table's change rebuilds it.
    assert drafted_twins(client, world) == [written_out]
    rows = ShortForm.objects.filter(key__in=["cchn", "kh", "sxd"]).order_by("key")
    assert [(row.committee, row.short, row.key, row.full) for row in rows] == [
        (world.committee, "CCHN", "cchn", "chứng chỉ hành nghề"),
        (world.committee, "KH", "kh", "Khánh Hòa"),
        (world.committee, "SXD", "sxd", "Sở Xây dựng"),
    ]
    assert {row.created_by for row in rows} == {world.users["secretariat"]}
    history = ShortForm.history.filter(short="KH").get()
    assert (history.history_type, history.history_user) == ("+", world.users["secretariat"])


def test_a_commune_committee_s_short_forms_count_in_its_province_s_tree(client, world, written_out):
    for short, full in MEANINGS.items():
        ShortForm.objects.create(
            committee=world.commune_committee,
            short=short,
            full=full,
            created_by=world.users["secretariat"],
        )

    assert drafted_twins(client, world) == [written_out]


def test_another_committee_s_table_does_not_reach_this_tree(client, world, written_out):
    for short, full in MEANINGS.items():
        response = add(client, world.users["other_secretariat"], world.other_committee, short, full)
        assert response.status_code == 302

    assert ShortForm.objects.filter(committee=world.other_committee).count() == 3
    assert drafted_twins(client, world) == []


def test_deleting_short_forms_takes_their_meaning_out_of_the_tree(client, world, written_out):
    for short, full in MEANINGS.items():
        add(client, world.users["secretariat"], world.committee, short, full)
    assert drafted_twins(client, world) == [written_out]
    rows = list(ShortForm.objects.filter(key__in=["cchn", "kh", "sxd"]))

    responses = [client.post(reverse("overlap:short_form_delete", args=[row.pk])) for row in rows]

    assert {response.status_code for response in responses} == {302}
    assert list(ShortForm.objects.all()) == [world.objects["short_form"]]
    deleted = ShortForm.history.filter(history_type="-")
    assert {(row.short, row.history_user) for row in deleted} == {
        (short, world.users["secretariat"]) for short in MEANINGS
    }
    assert drafted_twins(client, world) == []


@pytest.mark.parametrize("role", ["unit_officer", "leader"])
def test_only_the_secretariat_adds_or_deletes(client, world, role):
    kept = ShortForm.objects.create(
        committee=world.committee, short="SXD", full="Sở Xây dựng", created_by=world.users["admin"]
    )

    added = add(client, world.users[role], world.committee, "GPXD", "giấy phép xây dựng")
    deleted = client.post(reverse("overlap:short_form_delete", args=[kept.pk]))

    assert (added.status_code, deleted.status_code) == (403, 403)
    assert set(ShortForm.objects.all()) == {kept, world.objects["short_form"]}


def test_leaders_read_the_table_without_the_form_and_unit_officers_not_at_all(client, world):
    ShortForm.objects.create(
        committee=world.committee, short="KH", full="Khánh Hòa", created_by=world.users["admin"]
    )
    url = reverse("overlap:short_forms", args=[world.committee.pk])

    leader = sign_in(client, world.users["leader"]).get(url)
    officer = sign_in(client, world.users["unit_officer"]).get(url)
    stranger = sign_in(client, world.users["other_unit_officer"]).get(url)

    assert leader.status_code == 200
    html = leader.content.decode()
    assert "Khánh Hòa" in html
    assert "Thay cho nghĩa trong bảng chung: “kế hoạch”" in html
    assert leader.context["form"] is None
    assert 'id="short-form-add"' not in html
    assert (officer.status_code, stranger.status_code) == (403, 404)


def test_in_a_tree_the_committee_above_has_the_last_word(client, world):
    secretariat = world.users["secretariat"]
    ShortForm.objects.create(
        committee=world.commune_committee, short="KH", full="kế hoạch", created_by=secretariat
    )
    ShortForm.objects.create(
        committee=world.committee, short="KH", full="Khánh Hòa", created_by=secretariat
    )

    tree = get_tree_index(world.commune_committee)
    page = sign_in(client, secretariat).get(
        reverse("overlap:short_forms", args=[world.commune_committee.pk])
    )

    assert tree.index.abbreviations["kh"] == ("khanh", "hoa")
    assert "Không dùng: Ban Chỉ đạo tỉnh Thử nghiệm đã ghi nghĩa “Khánh Hòa”" in (
        page.content.decode()
    )


def test_the_report_links_to_the_table(client, world):
    sign_in(client, world.users["secretariat"])

    response = client.get(reverse("overlap:report", args=[world.committee.pk]))

    assert reverse("overlap:short_forms", args=[world.committee.pk]) in response.content.decode()


@pytest.mark.parametrize(
    ("short", "full", "field", "message"),
    [
        ("", "Sở Xây dựng", "short", "Hãy nhập từ viết tắt."),
        ("SXD", "", "full", "Hãy nhập nghĩa đầy đủ của từ viết tắt."),
        ("SXD", "   ", "full", "Hãy nhập nghĩa đầy đủ của từ viết tắt."),
        ("S" * 21, "Sở Xây dựng", "short", "Từ viết tắt dài tối đa 20 ký tự (đang có 21)."),
        ("SXD", "x" * 201, "full", "Viết đầy đủ dài tối đa 200 ký tự (đang có 201)."),
        ("Sở XD", "Sở Xây dựng", "short", "“Sở XD” không phải là một từ viết tắt"),
        ("S.X.D", "Sở Xây dựng", "short", "“S.X.D” không phải là một từ viết tắt"),
        ("sxd", "Sở Xây dựng", "short", "“sxd” không phải là một từ viết tắt"),
        ("XIV", "Khóa mười bốn", "short", "“XIV” không phải là một từ viết tắt"),
        ("SXD", "—", "full", "Hãy viết đầy đủ bằng chữ."),
        ("SXD", "sxd", "full", "Viết đầy đủ phải khác từ viết tắt."),
        # "CDS" folds as "CĐS" does: one short form, already in the table.
        ("CDS", "cơ sở dữ liệu số", "short", "Ban Chỉ đạo đã có từ viết tắt “CDS”"),
    ],
)
def test_bad_input_is_refused_in_vietnamese_and_writes_nothing(
    client, world, short, full, field, message
):
    ShortForm.objects.create(
        committee=world.committee,
        short="CĐS",
        full="chuyển đổi số",
        created_by=world.users["admin"],
    )

    response = add(client, world.users["secretariat"], world.committee, short, full)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert any(error.startswith(message) for error in errors[field]), errors
    assert message in response.content.decode().replace("&quot;", '"')
    assert sorted(ShortForm.objects.values_list("short", flat=True)) == ["CĐS", "QTDL"]
    assert ShortForm.history.count() == 2


def test_a_short_form_is_stored_in_nfc(client, world):
    full = "giấy phép xây dựng"

    add(
        client,
        world.users["secretariat"],
        world.committee,
        " GPXD ",
        unicodedata.normalize("NFD", full),
    )

    row = ShortForm.objects.get(key="gpxd")
    assert (row.short, row.full) == ("GPXD", full)


# --- the rules, plain values -------------------------------------------------------------


def test_what_is_written_as_a_short_form():
    assert all(map(is_short_form, ["GPXD", "KH", "KH&CN", "QL&PTTTTN", "KT-XH", "CĐS", "TTg"]))
    assert not any(
        map(is_short_form, ["", "Sở XD", "sxd", "Gpxd", "S.X.D", "SXD:", "II", "XIV", "A_B"])
    )


def test_the_committee_s_word_wins_over_the_fixed_table_only_where_written_whole():
    own = get_learned_abbreviations([], own=[("KH", "Khánh Hòa"), ("kh", "kế hoạch")])

    def read(text):
        return parse_match_text(text, abbreviations=own).folded

    assert read("SXD KH") == "sxd khanh hoa"
    # A document symbol's part keeps the fixed table's meaning, as does lower case.
    assert read("Kế hoạch 29/KH-UBND") == "ke hoach 29 ke hoach uy ban nhan dan"
    assert read("kh") == "ke hoach"
    # Without the committee's table, the fixed one.
    assert parse_match_text("SXD KH").folded == "sxd ke hoach"


def test_the_committee_s_word_wins_over_what_the_texts_define():
    texts = ["Xây dựng Trung tâm dữ liệu tỉnh (TTDT)", "Vận hành TTDT"]

    learned = get_learned_abbreviations(texts, own=[("TTDT", "trung tâm điều hành thông minh")])
    from_texts = get_learned_abbreviations(texts)

    assert learned["ttdt"] == ("trung", "tam", "dieu", "hanh", "thong", "minh")
    assert from_texts["ttdt"] == ("trung", "tam", "du", "lieu", "tinh")


def test_the_page_lists_what_no_table_spells_out_until_the_committee_does(client, world):
    TaskFactory(committee=world.committee, title=SHORT)
    TaskFactory(committee=world.commune_committee, title="Xã cấp CCHN cho 5 hộ, báo cáo SXD")
    TaskFactory(committee=world.other_committee, title="ZXQ lắp camera tại chợ")
    url = reverse("overlap:short_forms", args=[world.committee.pk])
    sign_in(client, world.users["secretariat"])

    before = {item.short: item.task_count for item in client.get(url).context["unread"]}
    add(client, world.users["secretariat"], world.committee, "SXD", "Sở Xây dựng")
    after = {item.short for item in client.get(url).context["unread"]}

    # Tasks below count too; "KH" is the fixed table's; another tree's tasks are not read.
    assert (before.get("SXD"), before.get("CCHN")) == (2, 2)
    assert not {"KH", "ZXQ"} & set(before)
    assert (("SXD" in after), ("CCHN" in after)) == (False, True)


def test_a_commune_s_page_lists_its_own_tasks_short_forms_not_the_province_s(client, world):
    TaskFactory(committee=world.committee, title="Tỉnh giao PQRS thực hiện")
    TaskFactory(committee=world.commune_committee, title="Xã giao TVXM thực hiện")

    page = sign_in(client, world.users["secretariat"]).get(
        reverse("overlap:short_forms", args=[world.commune_committee.pk])
    )

    listed = {item.short for item in page.context["unread"]}
    assert "TVXM" in listed
    assert "PQRS" not in listed
    assert 'id="unread-short-forms"' in page.content.decode()
