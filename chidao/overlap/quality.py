"""How well the similarity finder tells the same work from different work, measured.

``data/pairs.csv`` holds labelled pairs of task wordings: tasks of Appendix II of
Resolution 03/NQ-CP (2025) against rewordings made by hand (word order changed,
diacritics dropped, abbreviations used, the unit or level changed, paraphrased), the
appendix's own near-duplicates, and pairs of different tasks, many on the same topic.
A pair is predicted "the same work" when its score reaches the threshold.
"""

import csv
import itertools
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from chidao.overlap.decision import CANDIDATE_THRESHOLD, get_decision, get_features
from chidao.overlap.index import (
    DATA,
    REPORT_PER_TASK,
    THRESHOLD,
    SimilarityIndex,
    judge_pairs,
    score_pairs,
)
from chidao.overlap.parts import PartsComparison, compare_parts, read_parts
from chidao.overlap.rules import get_learned_abbreviations

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


# --- Warnings on a real plan ------------------------------------------------------------


@dataclass(frozen=True)
class PlanWarning:
    a: str
    b: str
    score: float
    probability: float
    comparison: PartsComparison
    # What the plan's reader labelled the pair: "same", "part" or "different".
    label: str


@dataclass(frozen=True)
class PlanWarnings:
    """The pairs of one plan decided the same work, and how many its reader agrees with."""

    tasks: dict[str, dict]
    pairs_read: int
    same_pairs: int
    same_read: int
    warnings: list[PlanWarning]

    @property
    def right(self) -> int:
        """Warnings on a pair labelled same or part (a part is shown as related)."""
        return sum(warning.label != "different" for warning in self.warnings)

    @property
    def found(self) -> int:
        return sum(warning.label == "same" for warning in self.warnings)


def read_plan(path: Path) -> tuple[dict[str, dict], dict[frozenset[str], str]]:
    """A plan's tasks by number (the columns of ``data/appendix2_tasks.csv``) and the
    pairs its reader labelled in ``<plan>_overlaps.csv`` (a, b, label: same or part)."""
    with path.open(encoding="utf-8") as file:
        tasks = {row["number"]: row for row in csv.DictReader(file)}
    labelled = {}
    overlaps = path.with_name(f"{path.stem}_overlaps.csv")
    if overlaps.exists():
        with overlaps.open(encoding="utf-8") as file:
            labelled = {
                frozenset((row["a"], row["b"])): row["label"] for row in csv.DictReader(file)
            }
    return tasks, labelled


def get_plan_warnings(path: Path, *, every_pair: bool = False) -> PlanWarnings:
    """The warnings the overlap report gives on one plan of distinct tasks: the tasks
    indexed together as a committee's are, each task's closest read (with
    ``every_pair``, every pair), each pair decided as the product decides. A plan's
    neighbours are almost never the same work, unlike the labelled pairs, which are chosen
    to look alike (docs/overlap.md, "Warnings on one real plan")."""
    tasks, labelled = read_plan(path)
    numbers, titles = list(tasks), [row["title"] for row in tasks.values()]
    learned = get_learned_abbreviations(titles)
    index = SimilarityIndex(numbers, titles, abbreviations=learned)
    if every_pair:
        pairs = [(a, b, index.score_of(a, b)) for a, b in itertools.combinations(numbers, 2)]
    else:
        pairs = index.get_closest_pairs(floor=CANDIDATE_THRESHOLD, per_text=REPORT_PER_TASK)
    parts = {}
    decision = get_decision()
    warnings = []
    for a, b, score in pairs:
        for number in (a, b):
            if number not in parts:
                parts[number] = read_parts(tasks[number]["title"], abbreviations=learned)
        comparison = compare_parts(parts[a], parts[b])
        features = get_features(score, comparison)
        if decision.decides(score, features):
            label = labelled.get(frozenset((a, b)), "different")
            probability = decision.probability_of(features)
            warnings.append(PlanWarning(a, b, score, probability, comparison, label))
    warnings.sort(key=lambda warning: -warning.probability)
    same = {pair for pair, label in labelled.items() if label == "same"}
    return PlanWarnings(
        tasks,
        len(pairs),
        len(same),
        len(same & {frozenset((a, b)) for a, b, _ in pairs}),
        warnings,
    )


# --- The directive-text assistant -------------------------------------------------------
