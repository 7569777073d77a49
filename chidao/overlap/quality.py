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
