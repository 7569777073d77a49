"""How well the similarity finder tells the same work from different work, measured.

``data/pairs.csv`` holds labelled pairs of task wordings: tasks of Appendix II of
Resolution 03/NQ-CP (2025) against rewordings made by hand (word order changed,
diacritics dropped, abbreviations used, the unit or level changed, paraphrased), the
appendix's own near-duplicates, and pairs of different tasks, many on the same topic.
A pair is predicted "the same work" when its score reaches the threshold.
"""

import csv
import json
from collections import Counter
from dataclasses import dataclass, field

from chidao.overlap.decision import get_decision
from chidao.overlap.index import DATA, THRESHOLD, judge_pairs, score_pairs

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


# --- Labelled files (JSON lines): the finder as the product decides -------------------

# Issue [S]: on pairs it was not tuned on, the finder should reach this precision at
# this recall.
TARGET_PRECISION_UNSEEN = 0.85
TARGET_RECALL_UNSEEN = 0.75


def read_labelled_lines(lines) -> list[dict]:
    """Pairs from JSON lines ``{"a": text, "b": text, "same": true|false[, "kind": …]}``.

    Raises ``ValueError`` naming the line when one is not such an object.
    """
    pairs = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"line {number}: not JSON ({error.msg})") from None
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("a"), str)
            or not isinstance(item.get("b"), str)
            or not isinstance(item.get("same"), bool)
        ):
            raise ValueError(f'line {number}: expected {{"a": text, "b": text, "same": bool}}')
        pairs.append(item)
    return pairs


@dataclass
class Tally:
    pairs: int = 0
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    true_negatives: int = 0

    @property
    def precision(self) -> float:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        positives = self.true_positives + self.false_negatives
        return self.true_positives / positives if positives else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return (self.true_positives + self.true_negatives) / self.pairs if self.pairs else 1.0


@dataclass
class PairsQuality:
    threshold: float
    all: Tally
    by_kind: dict[str, Tally]
    # (score, pair, judgement) of the pairs decided wrong, worst first.
    errors: list = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "pairs": self.all.pairs,
            "threshold": self.threshold,
            "precision": round(self.all.precision, 3),
            "recall": round(self.all.recall, 3),
            "f1": round(self.all.f1, 3),
        }


def get_pairs_quality(pairs: list[dict]) -> PairsQuality:
    """Precision, recall and F1 of the finder on labelled pairs, overall and by
    ``kind``, each pair decided exactly as the product decides (``index.judge_pairs``)."""
    judged = judge_pairs([(pair["a"], pair["b"]) for pair in pairs])
    overall, by_kind, errors = Tally(), {}, []
    for pair, judgement in zip(pairs, judged, strict=True):
        for tally in (overall, by_kind.setdefault(pair.get("kind", ""), Tally())):
            tally.pairs += 1
            if judgement.same and pair["same"]:
                tally.true_positives += 1
            elif judgement.same:
                tally.false_positives += 1
            elif pair["same"]:
                tally.false_negatives += 1
            else:
                tally.true_negatives += 1
        if judgement.same != pair["same"]:
            errors.append((judgement, pair))
    # Worst first: confident false alarms (high score) and clear misses (high score too).
    errors.sort(key=lambda error: -error[0].score)
    # The threshold of the decision: the probability from which a pair is the same work.
    return PairsQuality(get_decision().threshold, overall, by_kind, errors)


# --- The directive-text assistant -------------------------------------------------------
