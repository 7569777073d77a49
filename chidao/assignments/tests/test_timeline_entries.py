"""The task page's timeline entries, written by ``report_tags.timeline_entries``: what a
reader sees of each entry and the actions offered on it (no database)."""

import datetime
from types import SimpleNamespace

from django.template import Context, Template
from django.urls import reverse

from chidao.assignments.timeline import EvidenceLink, TimelineEntry, TimelineKind

TEMPLATE = Template("{% load report_tags %}{% timeline_entries timeline %}")


def _update(**values):
    fields = {"pk": 11, "review_state": "submitted", "unit_id": 3, "author_id": 9}
    return SimpleNamespace(**{**fields, "claims_completion": False, **values})


def _entry(**values) -> TimelineEntry:
    fields = {
        "on": datetime.date(2026, 3, 4),
        "at": None,
        "kind": TimelineKind.REPORT,
        "who": "Nguyễn <A>",
        "unit": "Sở Tài chính",
    }
    return TimelineEntry(**{**fields, **values})


def _render(entry, **context) -> str:
    return TEMPLATE.render(Context({"timeline": [entry], **context}))


def test_an_entry_shows_its_facts_escaped():
    entry = _entry(
        text="Đã làm <b>xong</b>",
        details=(("Khó khăn", "thiếu <vốn>"),),
        reason="vì & bởi",
        evidence=(EvidenceLink(5, "bien <ban>.pdf", 2048),),
        state="Chờ duyệt",
    )
    html = _render(entry)
    assert 'data-kind="report"' in html
    assert 'datetime="2026-03-04">04/03/2026</time>' in html
    assert "Nguyễn &lt;A&gt;</span> — Sở Tài chính" in html
    assert "Đã làm &lt;b&gt;xong&lt;/b&gt;" in html
    assert "thiếu &lt;vốn&gt;</dd>" in html
    assert "vì &amp; bởi" in html
    assert 'text-bg-light timeline-state">Chờ duyệt</span>' in html
    url = reverse("assignments:evidence_download", args=[5])
    assert f'<a href="{url}" class="evidence-link">bien &lt;ban&gt;.pdf</a>' in html
    assert "2,0\xa0KB" in html or "2.0\xa0KB" in html


def test_a_reviewer_is_offered_the_review_of_a_submitted_report():
    entry = _entry(update=_update(claims_completion=True))
    html = _render(entry, actions=frozenset({"review"}), user=SimpleNamespace(pk=1))
    url = reverse("assignments:progress_review", args=[11])
    assert f'id="review-11" href="{url}">Xem xét đề nghị hoàn thành</a>' in html
    # Not their own report, and not under an acceptance of it.
    assert "review-11" not in _render(entry, actions={"review"}, user=SimpleNamespace(pk=9))
    accepted = _entry(kind=TimelineKind.ACCEPTED, update=_update())
    assert "review-11" not in _render(accepted, actions={"review"}, user=SimpleNamespace(pk=1))


def test_the_unit_head_approves_only_their_own_units_report():
    entry = _entry(update=_update(review_state="pending_unit"))
    head = SimpleNamespace(pk=1, person=SimpleNamespace(unit_id=3))
    other = SimpleNamespace(pk=2, person=SimpleNamespace(unit_id=4))
    html = _render(entry, actions={"approve_for_unit"}, user=head)
    assert reverse("assignments:progress_approve_unit", args=[11]) in html
    assert "approve-unit-11" not in _render(entry, actions={"approve_for_unit"}, user=other)
    assert "approve-unit-11" not in _render(entry, user=head)  # no actions given


def test_a_pending_deadline_change_is_offered_to_a_reviewer_only():
    entry = _entry(
        kind=TimelineKind.DEADLINE_REQUEST, change=SimpleNamespace(pk=12, decision="pending")
    )
    url = reverse("assignments:deadline_change_decide", args=[12])
    assert f'id="decide-deadline-12" href="{url}"' in _render(entry, actions={"review"})
    assert "decide-deadline-12" not in _render(entry, actions=frozenset())
