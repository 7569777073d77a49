"""How well the similarity finder tells the same work from different work, measured.

``data/pairs.csv`` holds labelled pairs of task wordings: tasks of Appendix II of
Resolution 03/NQ-CP (2025) against rewordings made by hand (word order changed,
diacritics dropped, abbreviations used, the unit or level changed, paraphrased), the
appendix's own near-duplicates, and pairs of different tasks, many on the same topic.
A pair is predicted "the same work" when its score reaches the threshold.
"""

import csv
from collections import Counter
from dataclasses import dataclass

from chidao.core.text import fold_text
from chidao.overlap.index import DATA, THRESHOLD, score_pairs

TARGET_PRECISION = 0.85
TARGET_RECALL = 0.70


@dataclass(frozen=True)
class LabelledPair:
    a: str
    b: str
    overlap: bool
    kind: str
    source: str


@dataclass(frozen=True)
class Quality:
    threshold: float
    pairs: int
    positives: int
    true_positives: int
    false_positives: int
    false_negatives: int
    missed_by_kind: dict[str, int]

    @property
    def precision(self) -> float:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.positives if self.positives else 1.0

    @property
    def meets_target(self) -> bool:
        return self.precision >= TARGET_PRECISION and self.recall >= TARGET_RECALL


def get_labelled_pairs() -> list[LabelledPair]:
    with (DATA / "pairs.csv").open(encoding="utf-8") as file:
        return [
            LabelledPair(row["a"], row["b"], row["overlap"] == "1", row["kind"], row["source"])
            for row in csv.DictReader(file)
        ]


def get_quality(threshold: float = THRESHOLD, pairs=None) -> Quality:
    """Precision and recall of the finder on the labelled pairs at ``threshold``."""
    pairs = pairs if pairs is not None else get_labelled_pairs()
    scores = score_pairs([(pair.a, pair.b) for pair in pairs])
    return _count(pairs, scores, threshold)


def get_quality_curve(thresholds, pairs=None) -> list[Quality]:
    """``get_quality`` at several thresholds, scoring the pairs once."""
    pairs = pairs if pairs is not None else get_labelled_pairs()
    scores = score_pairs([(pair.a, pair.b) for pair in pairs])
    return [_count(pairs, scores, threshold) for threshold in thresholds]


def _count(pairs, scores, threshold) -> Quality:
    tp = fp = fn = 0
    missed: Counter[str] = Counter()
    for pair, score in zip(pairs, scores, strict=True):
        predicted = score >= threshold
        if predicted and pair.overlap:
            tp += 1
        elif predicted:
            fp += 1
        elif pair.overlap:
            fn += 1
            missed[pair.kind] += 1
    return Quality(
        threshold=threshold,
        pairs=len(pairs),
        positives=sum(pair.overlap for pair in pairs),
        true_positives=tp,
        false_positives=fp,
        false_negatives=fn,
        missed_by_kind=dict(missed),
    )


# --- The directive-text assistant -------------------------------------------------------


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
    from django.core.exceptions import ValidationError

    from chidao.assignments.deadlines import parse_deadline_phrase

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
    from chidao.overlap.drafting import UnitName, parse_directive_text

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
