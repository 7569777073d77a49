"""The warm-up a web worker runs as it starts: the first report of a busy tree is ready."""

import importlib.util
import logging
from pathlib import Path

import pytest
from django.urls import reverse

from chidao.assignments.tests.factories import TaskFactory
from chidao.committees.tests.factories import CommitteeFactory
from chidao.core.tests.world import build_world, sign_in
from chidao.overlap import finder
from chidao.overlap.finder import warm_tree_indexes

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def world(db):
    world = build_world()
    # The same work assigned again by the commune, reworded, without diacritics.
    world.commune_twin = TaskFactory(
        committee=world.commune_committee,
        lead_unit=world.other_unit,
        title="So hoa ho so TTHC tren dia ban xa",
    )
    TaskFactory(
        committee=world.committee,
        lead_unit=world.coordinating_unit,
        title="Tổ chức Hội thi sáng tạo kỹ thuật của tỉnh",
    )
    TaskFactory(committee=world.other_committee, title="Số hóa hồ sơ thủ tục hành chính")
    return world


@pytest.fixture
def built(monkeypatch):
    """The roots of the trees whose index is built from scratch."""
    roots = []
    build = finder._build_tree
    monkeypatch.setattr(
        finder, "_build_tree", lambda root_id, *args: roots.append(root_id) or build(root_id, *args)
    )
    return roots


def test_the_report_of_a_warmed_tree_reads_no_pair_again(client, world, compared, built):
    warm_tree_indexes()
    compared.clear()
    built.clear()
    sign_in(client, world.users["leader"])

    response = client.get(reverse("overlap:report", args=[world.committee.pk]))

    pairs = [pair for group in response.context["groups"] for pair in group.pairs]
    assert {world.task, world.commune_twin} in [{pair.first, pair.second} for pair in pairs]
    # Only the pairs shown are read again, for their explanation; none is decided anew.
    assert len(compared) == len(pairs)
    assert built == []


def test_a_province_below_a_warmed_central_committee_with_no_task_of_its_own_is_ready(
    client, world, compared
):
    # The central committee above one province reads the province's tasks: its report
    # (the one warmed) and the province's are the same pairs.
    central = CommitteeFactory(name="Ban Chỉ đạo Trung ương Thử nghiệm")
    world.committee.parent = central
    world.committee.save()
    finder.clear_tree_indexes()

    assert warm_tree_indexes(limit=1) == [central.pk]
    compared.clear()
    sign_in(client, world.users["leader"])

    response = client.get(reverse("overlap:report", args=[world.committee.pk]))

    pairs = [pair for group in response.context["groups"] for pair in group.pairs]
    assert {world.task, world.commune_twin} in [{pair.first, pair.second} for pair in pairs]
    assert len(compared) == len(pairs)


def test_the_duplicate_warning_of_a_warmed_tree_builds_no_index(client, world, built):
    warm_tree_indexes()
    built.clear()
    sign_in(client, world.users["secretariat"])

    response = client.post(
        reverse("overlap:check_draft", args=[world.committee.pk]),
        {"title": world.task.title},
    )

    assert world.task in [item.task for item in response.context["found"]]
    assert built == []


def test_the_busiest_trees_are_warmed_first_and_no_more_than_asked(world, built):
    busiest = CommitteeFactory(name="Ban Chỉ đạo tỉnh Đông dân")
    tree = finder._indexed_tasks(finder.get_committee_tree([world.committee.pk]))
    for n in range(tree.count() + 1):
        TaskFactory(committee=busiest, title=f"Xây dựng trạm y tế xã số {n}")
    CommitteeFactory(name="Ban Chỉ đạo chưa giao nhiệm vụ")

    warmed = warm_tree_indexes(limit=2)

    assert warmed == [busiest.pk, world.committee.pk]
    assert built == warmed
    # The other tree is built when first asked for, as before.
    finder.get_tree_index(world.other_committee)
    assert built == [*warmed, world.other_committee.pk]


def test_no_more_trees_are_warmed_than_a_process_keeps(world, monkeypatch, built):
    monkeypatch.setattr(finder, "_MAX_TREES", 1)

    assert warm_tree_indexes(limit=10) == [world.committee.pk]


def test_a_tree_that_fails_does_not_stop_the_others(world, monkeypatch, caplog):
    build = finder._build_tree

    def failing(root_id, *args):
        if root_id == world.committee.pk:
            raise ValueError("broken tree")
        return build(root_id, *args)

    monkeypatch.setattr(finder, "_build_tree", failing)

    with caplog.at_level(logging.ERROR, logger="chidao.overlap.finder"):
        warmed = warm_tree_indexes()

    assert warmed == [world.other_committee.pk]
    assert "broken tree" in caplog.text
    assert str(world.committee.pk) in caplog.text


def test_a_failure_to_list_the_trees_is_logged_not_raised(world, monkeypatch, caplog):
    def failing(limit):
        raise RuntimeError("database gone")

    monkeypatch.setattr(finder, "get_busiest_roots", failing)

    with caplog.at_level(logging.ERROR, logger="chidao.overlap.finder"):
        assert warm_tree_indexes() == []

    assert "database gone" in caplog.text


def test_committees_without_tasks_are_fine(client, db, built):
    world = build_world()
    world.task.delete()
    empty = CommitteeFactory(name="Ban Chỉ đạo chưa giao nhiệm vụ")

    assert warm_tree_indexes() == []
    assert built == []
    sign_in(client, world.users["leader"])
    response = client.get(reverse("overlap:report", args=[world.committee.pk]))
    assert response.status_code == 200
    assert response.context["pair_count"] == 0
    assert empty.pk not in finder._trees


def _gunicorn_settings(monkeypatch):
    # The arena cap is for gunicorn's master, not this test process.
    monkeypatch.setenv("MALLOC_ARENA_MAX", "0")
    spec = importlib.util.spec_from_file_location("gunicorn_settings", ROOT / "gunicorn.conf.py")
    settings = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(settings)
    started = []

    class Thread:
        def __init__(self, *, target, name, daemon):
            self.target, self.daemon = target, daemon

        def start(self):
            started.append(self)

    monkeypatch.setattr(settings.threading, "Thread", Thread)
    return settings, started


def test_each_gunicorn_worker_warms_in_a_daemon_thread_unless_told_not_to(monkeypatch):
    settings, started = _gunicorn_settings(monkeypatch)
    monkeypatch.delenv("CHIDAO_WEB_WARM_OVERLAP", raising=False)

    settings.post_worker_init(worker=None)

    assert [(thread.target, thread.daemon) for thread in started] == [(warm_tree_indexes, True)]
    started.clear()
    monkeypatch.setenv("CHIDAO_WEB_WARM_OVERLAP", "0")

    settings.post_worker_init(worker=None)

    assert started == []
