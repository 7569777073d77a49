"""How well the directive-text assistant (``drafting.py``) reads the lead unit and the
deadline, measured on real passages labelled by hand (``data/directive_passages.csv``).
Printed by ``manage.py overlap_quality`` after the overlap finder's figures.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError

from chidao.assignments.deadlines import parse_deadline_phrase
from chidao.core.text import fold_text
from chidao.imports.drafting import UnitName, parse_directive_text

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class FieldQuality:
    """How often a field of the drafts is read, and read right."""

    expected: int  # passages that name it
    read: int  # drafts that give it
    right: int  # drafts that give it as expected

    @property
    def precision(self) -> float:
        return self.right / self.read if self.read else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0


@dataclass(frozen=True)
class DraftingQuality:
    passages: int
    lead: FieldQuality
    deadline: FieldQuality
    by_source: dict[str, tuple[FieldQuality, FieldQuality]]


# Bodies a province's unit list holds besides those the passages name as leads, so that
# a coordinating body can be mistaken for the lead.
OTHER_UNITS = (
    "Sở Tài chính",
    "Sở Nông nghiệp và Môi trường",
    "Sở Xây dựng",
    "Bộ Quốc phòng",
    "Bộ Tài chính",
    "Ban Kinh tế Trung ương",
    "Đảng đoàn Quốc hội",
    "Bộ Chính trị",
    "UBND tỉnh",
)


def get_labelled_passages() -> list[dict]:
    """Real directive passages labelled with their lead unit and deadline phrase."""
    with (DATA / "directive_passages.csv").open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def _same_deadline(found: str, expected: str) -> bool:
    try:
        a, b = parse_deadline_phrase(found), parse_deadline_phrase(expected)
    except ValidationError:
        return False
    return (a.kind, a.deadline, a.recurrence) == (b.kind, b.deadline, b.recurrence)


def get_drafting_quality(passages=None) -> DraftingQuality:
    """Precision and recall of the lead unit and the deadline the assistant reads.

    The units on file are the bodies the passages name as leads, as a province's unit
    list names its departments. Only a passage's first draft counts.
    """
    passages = passages if passages is not None else get_labelled_passages()
    named = [passage["lead"] for passage in passages if passage["lead"]]
    leads = {fold_text(name): name for name in (*OTHER_UNITS, *named)}
    units = [UnitName(name, name) for name in sorted(leads.values())]
    tallies: dict[str, list[int]] = {}
    for passage in passages:
        drafts = parse_directive_text(passage["text"], units)
        draft = drafts[0] if drafts else None
        lead = fold_text(draft.lead_unit.name) if draft and draft.lead_unit else ""
        deadline = draft.deadline.value if draft and draft.deadline.found else ""
        kind = passage["source"].split(" ", 1)[-1] if " " in passage["source"] else "NQ57/KL69"
        for key in ("all", kind):
            tally = tallies.setdefault(key, [0] * 6)
            tally[0] += bool(passage["lead"])
            tally[1] += bool(lead)
            tally[2] += bool(lead) and lead == fold_text(passage["lead"])
            tally[3] += bool(passage["deadline"])
            tally[4] += bool(deadline)
            tally[5] += bool(deadline) and _same_deadline(deadline, passage["deadline"])

    def fields(tally):
        return FieldQuality(*tally[:3]), FieldQuality(*tally[3:])

    lead_quality, deadline_quality = fields(tallies["all"])
    return DraftingQuality(
        passages=len(passages),
        lead=lead_quality,
        deadline=deadline_quality,
        by_source={key: fields(tally) for key, tally in tallies.items() if key != "all"},
    )
