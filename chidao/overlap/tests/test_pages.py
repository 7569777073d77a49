"""The overlap pages as users reach them: what they list, and only what users may see."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from chidao.assignments.models import Task
from chidao.assignments.tests.factories import TaskFactory
from chidao.core.tests.world import build_world, sign_in
from chidao.documents.tests.factories import DocumentFactory
from chidao.org.tests.factories import UnitFactory
from chidao.overlap import finder
from chidao.overlap.decision import CANDIDATE_THRESHOLD, get_decision
from chidao.overlap.finder import get_tree_index


@pytest.fixture
def world(db):
    world = build_world()
    # The same work assigned again by the commune, reworded, without diacritics.
    world.commune_twin = TaskFactory(
        committee=world.commune_committee,
        lead_unit=world.other_unit,
        title="So hoa ho so TTHC tren dia ban xa",
    )
    # Different work in the same tree.
    world.unrelated = TaskFactory(
        committee=world.committee,
        lead_unit=world.coordinating_unit,
        title="Tổ chức Hội thi sáng tạo kỹ thuật của tỉnh",
    )
    # The same words in a committee outside the tree.
    world.stranger = TaskFactory(
        committee=world.other_committee,
        lead_unit=UnitFactory(name="Sở Thông tin"),
        title="Số hóa hồ sơ thủ tục hành chính",
    )
    return world


def test_task_page_partial_lists_the_reworded_task_of_a_commune(client, world):
    sign_in(client, world.users["secretariat"])

    response = client.get(reverse("overlap:similar_tasks", args=[world.task.pk]))

    found = [item.task for item in response.context["found"]]
    assert found == [world.commune_twin]
    assert response.context["found"][0].is_likely_overlap
    assert "<mark>" in response.content.decode()
    assert world.stranger.title not in response.content.decode()


def test_a_commune_committee_s_version_is_shown_as_another_level_s_version(client, world):
    # Neither wording need name its level: the committees say it.
    world.commune_twin.title = "So hoa ho so thu tuc hanh chinh"
    world.commune_twin.save()
    sign_in(client, world.users["secretariat"])

    response = client.get(reverse("overlap:similar_tasks", args=[world.task.pk]))

    item = response.context["found"][0]
    assert item.task == world.commune_twin
    assert item.is_level_version
    assert "khác cấp: tỉnh / xã" in item.comparison.summary
    assert "Cùng việc, khác cấp" in response.content.decode()


def test_task_page_partial_never_shows_a_task_the_user_may_not_see(client, world):
    # The lead unit's officer sees world.task but not the commune's task of another unit.
    sign_in(client, world.users["unit_officer"])

    response = client.get(reverse("overlap:similar_tasks", args=[world.task.pk]))

    assert response.status_code == 200
    assert response.context["found"] == []
    assert "So hoa ho so TTHC" not in response.content.decode()


def test_draft_check_warns_before_saving(client, world):
    sign_in(client, world.users["secretariat"])
    url = reverse("overlap:check_draft", args=[world.committee.pk])

    response = client.post(
        url,
        {
            "title": "Số hoá hồ sơ, thủ tục hành chính",
            "lead_unit": str(world.lead_unit.pk),
            "expected_output": "Kho dữ liệu số hóa",
            "task": "",
        },
    )

    assert [item.task for item in response.context["found"]] == [world.task, world.commune_twin]
    assert "Có thể trùng" in response.content.decode()
    assert response.content.decode().count("cùng cơ quan chủ trì") == 1


def test_draft_check_leaves_out_the_task_being_edited_and_unrelated_wording(client, world):
    sign_in(client, world.users["secretariat"])
    url = reverse("overlap:check_draft", args=[world.committee.pk])

    editing = client.post(url, {"title": world.task.title, "task": str(world.task.pk)})
    unrelated = client.post(url, {"title": "Lắp đặt wifi công cộng tại nhà văn hóa thôn"})

    assert [item.task for item in editing.context["found"]] == [world.commune_twin]
    assert unrelated.context["found"] == []
    assert unrelated.content.decode().strip() == ""


def test_draft_check_of_another_tree_does_not_reach_this_tree(client, world):
    sign_in(client, world.users["other_secretariat"])
    url = reverse("overlap:check_draft", args=[world.other_committee.pk])

    response = client.post(url, {"title": "Số hóa hồ sơ thủ tục hành chính"})

    assert [item.task for item in response.context["found"]] == [world.stranger]


def test_report_groups_pairs_by_lead_units_and_leaves_out_breakdowns(
    client, world, django_assert_max_num_queries
):
    TaskFactory(
        committee=world.commune_committee,
        lead_unit=world.coordinating_unit,
        parent=world.task,
        title="Số hóa hồ sơ thủ tục hành chính của xã",
    )
    sign_in(client, world.users["leader"])

    with django_assert_max_num_queries(15):
        response = client.get(reverse("overlap:report", args=[world.committee.pk]))

    groups = {
        frozenset(unit.name for unit in group.units): group for group in response.context["groups"]
    }
    # The sub-task broken down from world.task is no overlap with it, but the commune's
    # twin repeats both.
    assert set(groups) == {
        frozenset({"Sở Tài chính", "Sở Y tế"}),
        frozenset({"Sở Nội vụ", "Sở Y tế"}),
    }
    pair = groups[frozenset({"Sở Tài chính", "Sở Y tế"})].pairs[0]
    assert {pair.first, pair.second} == {world.task, world.commune_twin}
    assert "Sở Y tế" in response.content.decode()
    # The bars the pairs were listed by, from the decision itself.
    summary = " ".join(response.content.decode().split())
    assert f"Cặp có mức giống từ {round(CANDIDATE_THRESHOLD * 100)}% trở lên được so từng phần" in (
        summary
    )
    assert f"từ {round(get_decision().threshold * 100)}% trở lên; không tính" in summary


def test_report_compares_each_task_with_its_closest_only_and_shows_the_closest(
    client, world, monkeypatch, compared
):
    # One task repeated by many communes' units in ever looser words: each task is read
    # against its closest few only, and the word-for-word repeat comes first.
    copies = [
        TaskFactory(
            committee=world.commune_committee,
            lead_unit=UnitFactory(name=f"Phòng {n}"),
            title=world.task.title + " " + " ".join(["của xã", "năm 2026", "theo kế hoạch"][:n]),
        )
        for n in range(4)
    ]
    monkeypatch.setattr(finder, "REPORT_SHOWN", 2)
    sign_in(client, world.users["leader"])

    response = client.get(reverse("overlap:report", args=[world.committee.pk]))

    tasks = Task.objects.filter(committee__in=[world.committee, world.commune_committee])
    # Read part by part: at most the closest two of each task, then each pair shown.
    assert len(compared) <= finder.REPORT_PER_TASK * tasks.count() + 2
    groups = response.context["groups"]
    assert {groups[0].pairs[0].first, groups[0].pairs[0].second} == {world.task, copies[0]}
    assert sum(len(group.pairs) for group in groups) == 2
    hidden = response.context["hidden_count"]
    assert hidden == response.context["pair_count"] - 2 > 0
    page = " ".join(response.content.decode().split())
    assert (
        f"Mỗi nhiệm vụ chỉ được so với {finder.REPORT_PER_TASK} nhiệm vụ gần giống nó nhất" in page
    )
    assert f"Còn {hidden} cặp gần giống ít hơn không hiện ở đây." in page


def test_report_after_a_change_reads_again_only_the_pairs_of_the_changed_task(
    client, world, monkeypatch, compared
):
    # Nothing described: only the reading of the pairs is counted.
    monkeypatch.setattr(finder, "REPORT_SHOWN", 0)
    sign_in(client, world.users["leader"])
    url = reverse("overlap:report", args=[world.committee.pk])
    before = client.get(url).context["pair_count"]
    world.unrelated.title = "Số hóa hồ sơ thủ tục hành chính tỉnh"
    world.unrelated.save()
    compared.clear()

    response = client.get(url)

    changed = get_tree_index(world.committee).get_parts(world.unrelated.pk)
    assert compared
    assert all(changed in args[:2] for args in compared)
    assert response.context["pair_count"] > before


def test_report_of_a_commune_covers_only_that_commune(client, world):
    sign_in(client, world.users["secretariat"])

    response = client.get(reverse("overlap:report", args=[world.commune_committee.pk]))

    assert response.context["groups"] == []


def test_report_index_lists_committees_the_user_reports_on(client, world):
    sign_in(client, world.users["leader"])

    response = client.get(reverse("overlap:report_index"))

    assert world.committee in response.context["committees"]
    assert world.other_committee not in response.context["committees"]


def test_index_follows_task_changes(client, world):
    sign_in(client, world.users["secretariat"])
    url = reverse("overlap:similar_tasks", args=[world.task.pk])
    assert len(client.get(url).context["found"]) == 1

    world.commune_twin.title = "Lắp đặt wifi công cộng tại nhà văn hóa thôn"
    world.commune_twin.save()

    assert client.get(url).context["found"] == []


def test_secretariat_reads_drafts_from_text_and_saves_the_kept_ones(client, world):
    document = DocumentFactory(committee=world.committee)
    sign_in(client, world.users["secretariat"])
    url = reverse("overlap:draft_from_text", args=[world.committee.pk])

    read = client.post(
        url,
        {
            "text": "Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí số hóa "
            "hồ sơ, hoàn thành trong Quý IV/2025.\n"
            "Giao Sở Y tế triển khai bệnh án điện tử (Thường xuyên)."
        },
    )
    drafts = read.context["drafts"]
    assert [draft.lead_unit.key for draft in drafts] == [world.lead_unit.pk, world.other_unit.pk]

    data = {
        "action": "save",
        "draft-TOTAL_FORMS": "2",
        "draft-INITIAL_FORMS": "2",
        "draft-0-keep": "on",
        "draft-0-title": drafts[0].title.value,
        "draft-0-lead_unit": str(world.lead_unit.pk),
        "draft-0-coordinating_units": [str(world.coordinating_unit.pk)],
        "draft-0-expected_output": "Dự toán được giao",
        "draft-0-deadline_text": drafts[0].deadline.value,
        "draft-1-title": drafts[1].title.value,  # not kept
        "draft-1-lead_unit": str(world.other_unit.pk),
        "draft-1-deadline_text": "Thường xuyên",
        "source_document": str(document.pk),
        "assigned_on": "2025-03-01",
    }
    before = Task.objects.count()

    saved = client.post(url, data)

    assert saved.status_code == 302
    assert Task.objects.count() == before + 1
    task = Task.objects.latest("pk")
    assert task.title == "Bố trí kinh phí số hóa hồ sơ"
    assert (task.committee, task.lead_unit, task.source_document) == (
        world.committee,
        world.lead_unit,
        document,
    )
    assert list(task.coordinating_units.all()) == [world.coordinating_unit]
    assert task.deadline_text == "trong Quý IV/2025"
    created = task.history.get(history_type="+")
    assert created.history_user == world.users["secretariat"]


def test_saving_drafts_with_a_bad_deadline_saves_nothing(client, world):
    sign_in(client, world.users["secretariat"])
    before = Task.objects.count()

    response = client.post(
        reverse("overlap:draft_from_text", args=[world.committee.pk]),
        {
            "action": "save",
            "draft-TOTAL_FORMS": "1",
            "draft-INITIAL_FORMS": "1",
            "draft-0-keep": "on",
            "draft-0-title": "Xây dựng quy chế phối hợp",
            "draft-0-lead_unit": str(world.lead_unit.pk),
            "draft-0-deadline_text": "khi có hướng dẫn",
            "assigned_on": "2025-03-01",
        },
    )

    assert response.status_code == 200
    assert Task.objects.count() == before
    assert response.context["formset"].forms[0].errors["deadline_text"]


def test_index_takes_in_new_tasks_and_lets_go_of_deleted_ones(client, world):
    sign_in(client, world.users["secretariat"])
    url = reverse("overlap:similar_tasks", args=[world.unrelated.pk])
    assert client.get(url).context["found"] == []

    twin = TaskFactory(
        committee=world.commune_committee,
        lead_unit=world.other_unit,
        title="Tổ chức Hội thi sáng tạo kỹ thuật cấp xã",
    )
    assert [item.task for item in client.get(url).context["found"]] == [twin]
    assert get_tree_index(world.committee).index.refits_due == 1  # updated, not refitted

    twin.delete()
    assert client.get(url).context["found"] == []


def test_drafts_are_read_from_an_uploaded_word_file(client, world):
    document = Document()
    document.add_paragraph("Giao Sở Nội vụ chủ trì xây dựng quy chế phối hợp; thời gian: 6/2025.")
    table = document.add_table(rows=2, cols=6)
    header = ("TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Phối hợp", "Sản phẩm", "Thời gian")
    row = ("1.", "Số hóa hồ sơ hộ tịch", "Sở Y tế", "Sở Tài chính", "Dữ liệu số", "Quý II/2026")
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, row, strict=True):
        cell.text = text
    buffer = BytesIO()
    document.save(buffer)
    sign_in(client, world.users["secretariat"])

    response = client.post(
        reverse("overlap:draft_from_text", args=[world.committee.pk]),
        {"file": SimpleUploadedFile("ke-hoach.docx", buffer.getvalue())},
    )

    drafts = response.context["drafts"]
    assert [(d.lead_unit.key, d.deadline.value) for d in drafts] == [
        (world.coordinating_unit.pk, "6/2025"),
        (world.other_unit.pk, "Quý II/2026"),
    ]
    assert drafts[1].coordinating_units[0].key == world.lead_unit.pk


def test_a_file_that_is_not_word_is_refused(client, world):
    sign_in(client, world.users["secretariat"])

    response = client.post(
        reverse("overlap:draft_from_text", args=[world.committee.pk]),
        {"file": SimpleUploadedFile("ke-hoach.docx", b"not a zip file")},
    )

    assert response.context["drafts"] is None
    assert response.context["form"].errors["file"]


def test_a_title_cut_to_initialisms_nobody_defined_finds_the_task_written_out(client, world):
    # The sixth set's Cà Mau wording: "KQXN", "BVĐK" and "CM" are defined nowhere in the
    # tree; its own tasks spell them (docs/overlap.md, "Ninth session").
    written_out = TaskFactory(
        committee=world.committee,
        lead_unit=world.coordinating_unit,
        title="Bệnh viện Đa khoa Cà Mau triển khai liên thông kết quả xét nghiệm với các bệnh "
        "viện, trung tâm y tế trong tỉnh để người bệnh không phải xét nghiệm lại (năm 2026)",
    )
    TaskFactory(
        committee=world.committee,
        lead_unit=world.coordinating_unit,
        title="Đánh giá, công nhận phòng xét nghiệm của Bệnh viện Đa khoa Cà Mau đạt chuẩn ISO "
        "15189; công khai kết quả xét nghiệm trên Cổng thông tin tỉnh Cà Mau",
    )
    terse = TaskFactory(
        committee=world.commune_committee,
        lead_unit=world.other_unit,
        title="Liên thông KQXN BVĐK tỉnh CM với tuyến dưới",
    )
    sign_in(client, world.users["secretariat"])

    response = client.get(reverse("overlap:similar_tasks", args=[terse.pk]))

    assert written_out in [item.task for item in response.context["found"]]
