"""The one decision of the finder: whether two tasks are the same work.

Until the eighth session of issue [S] this was a hand-set rule over the TF-IDF score and
the part-by-part comparison (``rule_decision``: no conflict, and a score above one of
three bars). Each round of hand rules fitted the set it was tuned on and did not carry
over to the next sealed set (docs/overlap.md). The decision is now learned over what the
finder already reads of a pair (``get_features``): the score, which rules found a
difference, which parts agree or are missing, how much of the wording is shared, and the
hand rule's own verdict. It is learned from every labelled file in ``data/``
(``learning.py``, ``manage.py overlap_decision``), chosen by leaving one independently
written set out at a time, and stored as plain numbers in ``data/decision.json`` (no
pickle: diffable, the same under any scikit-learn version). A logistic regression from
the eighth to the thirteenth session; since the fourteenth, gradient-boosted trees, which
weigh a feature differently by what else was read (held out by writer 0.843 / 0.760
against 0.824 / 0.751 on the same 41 files, docs/overlap.md "t-trees"). Applying it needs
no scikit-learn: a walk down each small tree.
"""

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from chidao.overlap.parts import DOER_SIGNALS, LEXICAL_SIGNALS, PartsComparison

DECISION_FILE = Path(__file__).resolve().parent / "data" / "decision.json"

# The hand rule's three bars (sixth session, docs/overlap.md): a pair scoring THRESHOLD,
# or AGREEING_THRESHOLD with action, product and object agreeing, or LEVEL_THRESHOLD as
# another level's version, with no part in conflict. Its verdict is one feature.
THRESHOLD = 0.39
AGREEING_THRESHOLD = 0.35
LEVEL_THRESHOLD = 0.28
# Pairs scoring below this are never read into their parts (the index's search stops
# here and reads at most a few dozen candidates, which keeps a query at 180,000 tasks
# fast): the learned decision sees no others. Until s-tuner7 it was the hand rule's
# lowest bar (0.28); a task's part in its own concrete words, or a paraphrase, often
# scores 0.18–0.28, and the features below the bar (``LOW_BANDS``, the scope signals)
# let the model take some of those without taking the many other pairs there.
CANDIDATE_THRESHOLD = 0.18

# Which rule found a difference (``PartsComparison.reasons``). Not "swap" (s-lexical: one
# run of other words in one template, ``parts._lexical``): said to users, and weighed
# through the lexical signals below; as a reason of its own it held out 0.001 worse.
REASONS = (
    "action",
    "product",
    "object",
    "slot",
    "name",
    "stage",
    "grade",
    "people",
    "document",
    "period",
    "level",
    "owner",
    "subject",
)
# The reading's measures of the pair (``parts._signals``), in a fixed order.
SIGNALS = (
    "action_missing",
    "action_same",
    "documents_shared",
    "length_ratio",
    "level_one_side",
    "numbers_apart",
    "numbers_shared",
    "object_head_shared",
    "people_one_side",
    "people_shared",
    "product_missing",
    "product_same",
    "same_object",
    "short_form",
    "subject_missing",
    "subject_share",
    "words_contained",
    "words_jaccard",
    "years_one_side",
    "years_same",
    "general_one_side",
    "concrete_one_side",
    "named_one_side",
    "general_and_concrete",
    "owners_apart",
    # What the differing words say (s-lexical), and the runs one template says in other
    # lower-case words, short forms spelled out (s-lexical2): ``parts._lexical``.
    *LEXICAL_SIGNALS,
)
# Score bands: the weight of the score need not be the same all along.
SCORE_BANDS = (0.35, 0.39, 0.45, 0.5, 0.6)
# Below the hand rule's lowest bar (between ``CANDIDATE_THRESHOLD`` and 0.28) a pair is
# the same work only when its reading says so: these bands, and the reading's agreement
# measures counted only there (``LOW_READINGS``), let the model weigh such pairs apart.
LOW_BANDS = (0.28, 0.24, 0.2)
LOW_READINGS = (
    "related",
    "nothing_differs",
    "agreeing",
    "words_contained",
    "subject_share",
    "same_object",
)

# What the words only one side writes say (t-lex, ``lexicon_features``).
LEXICON_FEATURES = (
    "one_sided_most_different",
    "one_sided_most_same",
    "one_sided_both_sides",
    "one_sided_mean",
)

FEATURES = (
    "score",
    "conflict",
    "related",
    "agreeing",
    "rule_decision",
    "agree_lines",
    "differ_lines",
    *(f"reason_{reason}" for reason in REASONS),
    *SIGNALS,
    *(f"score_at_least_{band}" for band in SCORE_BANDS),
    "score_without_conflict",
    "nothing_differs",
    "score_when_nothing_differs",
    *(f"first_reason_{reason}" for reason in REASONS),
    *(f"score_below_{band}" for band in LOW_BANDS),
    *(f"below_bar_{name}" for name in LOW_READINGS),
    # How much the reader read (t-decide): of action, product and subject, the share found
    # on both sides; and "nothing differs" split by it. "Nothing differs" says two tasks
    # agree only where action, product and subject were read on both sides; where one of
    # them was not (a long multi-clause duty of a plan, "Quản lý chặt chẽ, khai thác …
    # khoáng sản … nhất là đất hiếm …"), nothing was compared, and the labelled sets (half
    # of them the same work, chosen to look alike) would otherwise lend such a pair the
    # weight of a reading that agrees.
    "read_on_both",
    "nothing_differs_unread",
    "score_when_nothing_differs_unread",
    # The share of a side's words that are short forms the other task neither writes nor
    # spells out (t-fa2, ``parts._short_forms_unaccounted``): last, so that the trees learned
    # before it are split the same where it says nothing new.
    "short_forms_unaccounted",
    # Who does the work against what it is about (t-part2, ``parts._doers_apart``): a name
    # of the owner line that is a task's doer, not an owner of its object ("Bộ Y tế / LIS").
    *DOER_SIGNALS,
    # What the words only one side writes say, by the learned lexicon: last, computed
    # apart from the reading, since the lexicon is learned with the trees.
    *LEXICON_FEATURES,
)
# The features read from the pair alone (``get_reading_features``), before the lexicon's.
READING_FEATURES = FEATURES[: -len(LEXICON_FEATURES)]

_CONFLICT = FEATURES.index("conflict")
# A pair whose explanation names a differing product or object ("khác sản phẩm: luật /
# đề án", "khác đối tượng: …") needs this probability to be warned: a warning that two
# tasks are one work next to a line saying they make different things, or work on
# different things, contradicts itself, and in Vietnamese administrative wording the
# product (luật, nghị định, đề án, kế hoạch) and its object name the work. Not a veto:
# a rephrasing the reader misreads still gets through when all else says "same"
# (held out by writer, t-decide: 0.817 / 0.748 without, 0.819 / 0.745 with; on the
# Government appendix's 201 closest pairs 24 → 23 warnings).
DIFFERING_PART_THRESHOLD = 0.7
# A pair whose reading found a part in conflict ("khác việc", "khác thời gian", "khác đối
# tượng" by a rule that vetoes) is the same work only from this probability (t-part). Until
# the twenty-second session such a pair was never the same work, whatever the trees said:
# but the conflict is one of their features (bound, ``learning.MONOTONE``: it never makes a
# pair more likely), and where they are sure all the same, the reader's veto is mostly its
# own misreading of a unit's share in its own words ("Cục Sở hữu trí tuệ số hóa … hồ sơ …
# từ năm 1982 đến nay … trước 30/6/2027" read as another period than its ministry's "…
# hoàn thành năm 2027") or of a rephrasing. Held out by writer over 77 files, conflicting
# pairs at 0.85 or more: 102 of 107 the same work (32 of them parent and part); pooled
# 0.867 / 0.800 / 0.832 → 0.868 / 0.815 / 0.841, the twelve plans' warnings unchanged (at
# 0.8: 0.843, and three wrong warnings more on the plans for one right).
CONFLICT_THRESHOLD = 0.85
_DIFFERING_PARTS = tuple(FEATURES.index(f"reason_{reason}") for reason in ("product", "object"))


def rule_decision(score: float, comparison: PartsComparison) -> bool:
    """The hand-set rule the finder used until the eighth session (now one feature)."""
    if comparison.conflict:
        return False
    return (
        score >= THRESHOLD
        or (score >= AGREEING_THRESHOLD and comparison.agreeing)
        or (score >= LEVEL_THRESHOLD and comparison.related)
    )


def get_features(
    score: float, comparison: PartsComparison, lexicon: Mapping[str, float] | None = None
) -> list[float]:
    """The pair's features, in the order of ``FEATURES``: the reading's, then the words
    one side writes looked up in ``lexicon`` (the shipped decision's by default)."""
    if lexicon is None:
        lexicon = get_decision().lexicon
    return [
        *get_reading_features(score, comparison),
        *lexicon_features(comparison.one_sided, lexicon),
    ]


def lexicon_features(
    one_sided: tuple[frozenset[str], frozenset[str]], lexicon: Mapping[str, float]
) -> list[float]:
    """What the words only one task writes say of the pair (issue [S] #20, t-lex), in the
    order of ``LEXICON_FEATURES``. ``lexicon`` holds, for each word (syllable, or two
    adjacent syllables joined by "_") seen on one side only in enough labelled pairs, how
    much more often than all pairs such a pair was different work (log-odds,
    ``learning.get_lexicon``): "khảo sát", "tổng kết", "quy chế" written by one side only
    mostly mark other work; "xong", "qua mạng", "trước cuối" mostly another wording of the
    same. The trees had the words' share and their weight over the Government's appendix
    (``words_*``, ``unsaid_weight_*``), never what a word on one side has meant in labelled
    pairs. The largest and smallest weight, the smaller of the two sides' largest (both
    sides write other work: one template on two objects) and the mean: no sum or count,
    which grow with a title's length (a plan's long duties have ten or twenty one-sided
    words where a labelled pair has a few; summed, the plans' right warnings fell, t-lex).
    One dict lookup a word."""
    weights_a = [lexicon[word] for word in one_sided[0] if word in lexicon]
    weights_b = [lexicon[word] for word in one_sided[1] if word in lexicon]
    weights = weights_a + weights_b
    return [
        max(weights, default=0.0),
        min(weights, default=0.0),
        min(max(weights_a, default=0.0), max(weights_b, default=0.0)),
        # fsum: the same to the last digit in any order of the words (a set's order changes
        # with each process's string hashing, and a split may fall on a value exactly).
        math.fsum(weights) / len(weights) if weights else 0.0,
    ]


def get_reading_features(score: float, comparison: PartsComparison) -> list[float]:
    """The pair's features read from its comparison alone, in the order of
    ``READING_FEATURES``."""
    reasons = set(comparison.reasons)
    first = comparison.reasons[0] if comparison.reasons else None
    no_conflict = 0.0 if comparison.conflict else 1.0
    nothing_differs = 0.0 if comparison.reasons else 1.0
    readings = {
        **{name: float(comparison.signals.get(name, 0.0)) for name in LOW_READINGS},
        "related": float(comparison.related),
        "nothing_differs": nothing_differs,
        "agreeing": float(comparison.agreeing),
    }
    below_bar = float(score < LOW_BANDS[0])
    signals = comparison.signals
    read_on_both = (
        3.0
        - signals.get("action_missing", 1.0)
        - signals.get("product_missing", 1.0)
        - signals.get("subject_missing", 1.0)
    ) / 3.0
    unread = nothing_differs * (1.0 - read_on_both)
    return [
        score,
        float(comparison.conflict),
        float(comparison.related),
        float(comparison.agreeing),
        float(rule_decision(score, comparison)),
        float(len(comparison.agree)),
        float(len(comparison.differ)),
        *(float(reason in reasons) for reason in REASONS),
        *(float(comparison.signals.get(name, 0.0)) for name in SIGNALS),
        *(float(score >= band) for band in SCORE_BANDS),
        score * no_conflict,
        no_conflict * nothing_differs,
        score * nothing_differs,
        *(float(first == reason) for reason in REASONS),
        *(float(score < band) for band in LOW_BANDS),
        *(below_bar * readings[name] for name in LOW_READINGS),
        read_on_both,
        unread,
        score * unread,
        float(signals.get("short_forms_unaccounted", 0.0)),
        *(float(signals.get(name, 0.0)) for name in DOER_SIGNALS),
    ]


@dataclass(frozen=True)
class Decision:
    """Gradient-boosted trees over the features, and the probability they need.

    Each tree is a tuple of nodes ``(feature, threshold, left, right, value)``, the root
    first; a node whose feature is -1 is a leaf adding ``value`` to the log-odds. A pair
    goes left when its feature is at most the threshold (as scikit-learn's
    ``HistGradientBoostingClassifier``, which learned them, decides)."""

    features: tuple[str, ...]
    trees: tuple[tuple[tuple[int, float, int, int, float], ...], ...]
    baseline: float
    threshold: float
    # Each one-sided word's weight (``lexicon_features``), learned with the trees.
    lexicon: Mapping[str, float] = field(default_factory=dict, compare=False)

    def probability(self, score: float, comparison: PartsComparison) -> float:
        return self.probability_of(get_features(score, comparison, self.lexicon))

    def decides(self, score: float, values: list[float], threshold: float | None = None) -> bool:
        """The verdict on a pair's features (``get_features``). A pair whose reading found a
        conflicting part needs ``CONFLICT_THRESHOLD`` (until t-part it was never the same
        work: with the sixth set added, held out set by set that had cost recall 0.756 →
        0.741 and gained precision 0.838 → 0.845; with the trees and the lexicon, 77 files,
        it cost recall 0.815 → 0.800 for precision 0.868 → 0.867). One whose explanation
        names a differing product or object needs ``DIFFERING_PART_THRESHOLD`` at least."""
        if score < CANDIDATE_THRESHOLD:
            return False
        bar = self.threshold if threshold is None else threshold
        if any(values[i] for i in _DIFFERING_PARTS):
            bar = max(bar, DIFFERING_PART_THRESHOLD)
        if values[_CONFLICT]:
            bar = max(bar, CONFLICT_THRESHOLD)
        return self.probability_of(values) >= bar

    def probability_of(self, values: list[float]) -> float:
        """The probability for features already computed (``get_features``)."""
        z = self.baseline
        for tree in self.trees:
            feature, threshold, left, right, value = tree[0]
            while feature >= 0:
                feature, threshold, left, right, value = tree[
                    left if values[feature] <= threshold else right
                ]
            z += value
        return 1 / (1 + math.exp(-z))

    @classmethod
    def from_dict(cls, data: dict) -> "Decision":
        if tuple(data["features"]) != FEATURES:
            raise ValueError(f"{DECISION_FILE.name} was trained on other features: retrain it")
        return cls(
            tuple(data["features"]),
            tuple(
                tuple(
                    (int(f), float(t), int(left), int(right), float(v))
                    for f, t, left, right, v in tree
                )
                for tree in data["trees"]
            ),
            data["baseline"],
            data["threshold"],
            {word: float(weight) for word, weight in data["lexicon"]["weights"].items()},
        )


@cache
def get_decision() -> Decision:
    """The decision shipped in ``data/decision.json``."""
    with DECISION_FILE.open(encoding="utf-8") as file:
        return Decision.from_dict(json.load(file))


def get_probability(score: float, comparison: PartsComparison) -> float:
    """How likely two tasks scoring ``score`` and compared part by part are the same work."""
    if score < CANDIDATE_THRESHOLD:
        return 0.0
    return get_decision().probability(score, comparison)


def is_same_work(score: float, comparison: PartsComparison) -> bool:
    """Whether two tasks scoring ``score`` and compared part by part are the same work
    (or one a level's version of the other): the one decision the finder, the report,
    the assistant and ``manage.py overlap_quality`` share."""
    decision = get_decision()
    return decision.decides(score, get_features(score, comparison, decision.lexicon))
