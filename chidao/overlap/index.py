"""The similarity index: TF-IDF vectors of task wording, compared by cosine.

Two views of the same folded, abbreviation-expanded text (``rules.fold_for_matching``):
word unigrams and bigrams (Vietnamese words are syllables, so bigrams catch compound
words such as "chuyển đổi") and character 3–5-grams inside words (which forgive typos
and spelling variants such as "hoá"/"hóa" once folded). The score is a weighted mean of
the two cosines, between 0 and 1.

Inverse document frequencies are fitted on the tasks indexed *and* on a background
corpus shipped with the app (the Government's 140 tasks for Resolution 57), so that the
words every plan repeats ("phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển
đổi số") weigh little even in a committee with few tasks. Nothing is downloaded.
"""

import csv
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

# The decision and its bars live in ``decision.py``; named here too for the finder's
# callers (``import … as`` marks them re-exported).
from chidao.overlap.decision import AGREEING_THRESHOLD as AGREEING_THRESHOLD
from chidao.overlap.decision import CANDIDATE_THRESHOLD as CANDIDATE_THRESHOLD
from chidao.overlap.decision import LEVEL_THRESHOLD as LEVEL_THRESHOLD
from chidao.overlap.decision import THRESHOLD as THRESHOLD
from chidao.overlap.decision import is_same_work as is_same_work
from chidao.overlap.parts import PartsComparison, compare_parts, read_parts
from chidao.overlap.rules import STOP_WORDS, fold_for_matching, get_learned_abbreviations

# numpy too is imported where a vector is computed: a web worker that never compares tasks
# should not hold it (~10 MB with its BLAS; bench/RESULTS.md, branch m-rss).
if TYPE_CHECKING:
    import numpy as np

DATA = Path(__file__).resolve().parent / "data"

WORD_WEIGHT = 0.6
# A word found in more than this share of the indexed texts is not a key phrase.
COMMON_SHARE = 0.12
# Rows of the tree's product with itself taken at a time (``get_closest_pairs``): 500 rows
# of a 6,000-task tree are 12 MB of scores.
_BLOCK = 500
# A column (word or n-gram) in at least this share of the texts is multiplied as a dense
# array in ``get_closest_pairs`` (about a hundred columns of a province's tree).
_COMMON_COLUMN = 0.02


@cache
def get_background_texts() -> tuple[str, ...]:
    """The folded task titles of Appendix II of Resolution 03/NQ-CP (2025)."""
    with (DATA / "appendix2_tasks.csv").open(encoding="utf-8") as file:
        return tuple(fold_for_matching(row["title"]) for row in csv.DictReader(file))


# The report reads each task's closest few from ``CANDIDATE_THRESHOLD`` up, as a search
# finds a task's own version: at most this many pairs a task, so a province's 5,916 tasks
# are read in about 10,000 pairs, not the 6.5 million scoring 0.28 (docs/overlap.md,
# "o-report").
REPORT_PER_TASK = 2


@dataclass(frozen=True)
class Match:
    key: Hashable
    score: float


class SimilarityIndex:
    """Vectors of a set of texts, each known by a key (a task's primary key)."""

    def __init__(
        self,
        keys: Sequence[Hashable],
        texts: Sequence[str],
        *,
        background: Sequence[str] | None = None,
        abbreviations: dict[str, tuple[str, ...]] | None = None,
    ):
        if len(keys) != len(texts):
            raise ValueError("keys and texts differ in length")
        self.keys = list(keys)
        self._position = {key: i for i, key in enumerate(self.keys)}
        # Short forms the committee's own data defines ("(IOC)"), on top of the table.
        self.abbreviations = abbreviations or {}
        folded = [fold_for_matching(text, abbreviations=self.abbreviations) for text in texts]
        corpus = [*(get_background_texts() if background is None else background), *folded]
        # Imported here, not above: scikit-learn and SciPy add ~100 MB to a process, and a
        # web worker that never compares tasks should not carry them (bench/RESULTS.md,
        # "Capacity").
        import numpy as np
        from sklearn.feature_extraction.text import TfidfVectorizer

        self._words = TfidfVectorizer(
            analyzer="word",
            token_pattern=r"\S+",
            ngram_range=(1, 2),
            sublinear_tf=True,
            lowercase=False,
            stop_words=sorted(STOP_WORDS),
        ).fit(corpus)
        self._chars = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, lowercase=False
        ).fit(corpus)
        # One matrix holding both views, each weighted by the square root of its share: a
        # single sparse product then gives the weighted mean of the two cosines. (scikit-learn
        # refuses to transform an empty list: an empty tree has no matrix.)
        self._matrix = (
            self._join(self._words.transform(folded), self._chars.transform(folded))
            if folded
            else None
        )
        # Texts put in or taken out since the fit (``updated``).
        self.refits_due = 0
        vocabulary = self._words.vocabulary_
        limit = np.log((1 + len(corpus)) / (1 + COMMON_SHARE * len(corpus))) + 1
        self.common_words = frozenset(
            term
            for term, column in vocabulary.items()
            if " " not in term and self._words.idf_[column] < limit
        )

    def __len__(self) -> int:
        return len(self.keys)

    def updated(self, changed: dict, removed=()) -> "SimilarityIndex":
        """A new index with the texts of ``changed`` (key → text) put in or replaced and the
        keys ``removed`` taken out, vectorised with this index's vocabulary and weights.

        Much cheaper than a new index (no fitting); the inverse document frequencies stay
        those of the last fit, which is why callers refit once many texts have changed.
        """
        gone = set(removed) | set(changed)
        keep = [i for i, key in enumerate(self.keys) if key not in gone]
        new_keys = list(changed)
        copy = object.__new__(SimilarityIndex)
        copy.__dict__.update(self.__dict__)
        copy.keys = [self.keys[i] for i in keep] + new_keys
        copy._position = {key: i for i, key in enumerate(copy.keys)}
        parts = []
        if self._matrix is not None and keep:
            parts.append(self._matrix[keep])
        if new_keys:
            parts.append(self._vectors([changed[key] for key in new_keys]))
        import scipy.sparse as sp

        copy._matrix = sp.vstack(parts, format="csr") if parts else None
        copy.refits_due = self.refits_due + len(gone)
        return copy

    @staticmethod
    def _join(words, chars):
        import numpy as np
        import scipy.sparse as sp

        return sp.hstack(
            [np.sqrt(WORD_WEIGHT) * words, np.sqrt(1 - WORD_WEIGHT) * chars], format="csr"
        )

    def _vectors(self, texts: Sequence[str]):
        folded = [fold_for_matching(text, abbreviations=self.abbreviations) for text in texts]
        return self._join(self._words.transform(folded), self._chars.transform(folded))

    def _vector(self, text: str):
        return self._vectors([text])

    def _scores_against(self, vector) -> "np.ndarray":
        import numpy as np

        if not self.keys:
            return np.zeros(0)
        return self._matrix @ vector.toarray().ravel()

    def score_text(self, text: str) -> "np.ndarray":
        """The score of ``text`` against every indexed text, in key order."""
        return self._scores_against(self._vector(text))

    def search_text(
        self, text: str, *, threshold: float = THRESHOLD, limit: int = 10, exclude=()
    ) -> list[Match]:
        """Indexed texts scoring ``threshold`` or more against ``text``, best first."""
        return self._best(self.score_text(text), threshold, limit, exclude)

    def search_key(
        self, key: Hashable, *, threshold: float = THRESHOLD, limit: int = 10
    ) -> list[Match]:
        """Indexed texts like the one indexed under ``key`` (itself left out)."""
        scores = self._scores_against(self._matrix[self._position[key]])
        return self._best(scores, threshold, limit, exclude=(key,))

    def _best(self, scores, threshold, limit, exclude) -> list[Match]:
        import numpy as np

        skip = {self._position[key] for key in exclude if key in self._position}
        # Sort only the few texts above the threshold, not the whole tree.
        above = np.flatnonzero(scores >= threshold)
        order = above[np.argsort(-scores[above], kind="stable")]
        found = []
        for i in order:
            if len(found) >= limit:
                break
            if i not in skip:
                found.append(Match(self.keys[i], round(float(scores[i]), 3)))
        return found

    def score_of(self, key: Hashable, other: Hashable) -> float:
        """The score of two indexed texts, as a search between them gives it."""
        row = self._matrix[self._position[key]] @ self._matrix[self._position[other]].T
        return float(row.toarray()[0, 0])

    def get_closest_pairs(
        self, *, floor: float, per_text: int, among: Sequence[Hashable] | None = None
    ) -> list[tuple[Hashable, Hashable, float]]:
        """Each text's ``per_text`` closest texts scoring ``floor`` or more, as pairs (each
        once), best first; with ``among``, only those texts, compared with each other.

        At most ``per_text`` × texts pairs, whatever the tree: a province's 5,916 tasks
        have 6.5 million pairs from 0.28, and what a reader needs of a task are its
        closest few, where its own version in other words lies, as a search finds them.
        """
        import numpy as np

        if self._matrix is None:
            return []
        rows = (
            np.arange(len(self.keys))
            if among is None
            else np.array([self._position[key] for key in among], dtype=int)
        )
        matrix = self._matrix[rows]
        count, per_text = len(rows), min(per_text, len(rows) - 1)
        if per_text < 1:
            return []
        # The product of a tree with itself is dense: every text shares a few common
        # character n-grams with every other, and a sparse product pays for each such
        # pair once per n-gram (3.4 s of CPU for 5,916 tasks). Those columns are
        # multiplied as dense arrays (BLAS), the rest as sparse (0.2 s): the same sums.
        shared = np.bincount(matrix.indices, minlength=matrix.shape[1])
        common = np.flatnonzero(shared >= _COMMON_COLUMN * count)
        rare = np.setdiff1d(np.arange(matrix.shape[1]), common)
        dense = matrix[:, common].toarray()
        sparse = matrix[:, rare].tocsr()
        transposed = sparse.T.tocsr()
        firsts, seconds, scores = [], [], []
        tiebreak = np.arange(count) * 1e-12
        # A block of rows at a time, each row's best found with ``argpartition``: memory
        # stays a block and no loop runs per pair.
        for start in range(0, count, _BLOCK):
            block = dense[start : start + _BLOCK] @ dense.T
            block += (sparse[start : start + _BLOCK] @ transposed).toarray()
            own = np.arange(block.shape[0])
            block[own, own + start] = -1.0
            # Among equal scores (a wording repeated word for word) the first texts are
            # taken, the same ones from one call to the next.
            best = np.argpartition(tiebreak - block, per_text - 1, axis=1)[:, :per_text]
            values = np.take_along_axis(block, best, axis=1)
            keep = values >= floor
            firsts.append(np.broadcast_to((own + start)[:, None], best.shape)[keep])
            seconds.append(best[keep])
            scores.append(values[keep])
        first, second = np.concatenate(firsts), np.concatenate(seconds)
        low, high = np.minimum(first, second), np.maximum(first, second)
        # A pair found from both of its texts is kept once.
        _, unique = np.unique(low.astype(np.int64) * count + high, return_index=True)
        low, high, score = low[unique], high[unique], np.concatenate(scores)[unique]
        order = np.lexsort((high, low, -np.round(score, 3)))
        keys = [self.keys[i] for i in rows]
        return [(keys[low[i]], keys[high[i]], round(float(score[i]), 3)) for i in order.tolist()]


def score_pairs(pairs: Sequence[tuple[str, str]]) -> list[float]:
    """The score of each pair of texts, all indexed together (used to measure quality).

    The texts are indexed as a committee's tasks are: short forms defined in any of them
    ("(IOC)") are learned and expanded in all.
    """
    texts = sorted({text for pair in pairs for text in pair})
    index = SimilarityIndex(texts, texts, abbreviations=get_learned_abbreviations(texts))
    position = {text: i for i, text in enumerate(texts)}
    matrix = index._matrix
    return [float((matrix[position[a]] @ matrix[position[b]].T).toarray()[0, 0]) for a, b in pairs]


@dataclass(frozen=True)
class PairJudgement:
    score: float
    comparison: PartsComparison
    same: bool


def read_pairs(pairs: Sequence[tuple[str, str]]) -> list[tuple[float, PartsComparison]]:
    """Each pair scored and compared part by part, the texts indexed together as a
    committee's tasks are (short forms defined in any of them learned for all)."""
    texts = sorted({text for pair in pairs for text in pair})
    learned = get_learned_abbreviations(texts)
    index = SimilarityIndex(texts, texts, abbreviations=learned)
    position = {text: i for i, text in enumerate(texts)}
    matrix = index._matrix
    parts = {text: read_parts(text, abbreviations=learned) for text in texts}
    return [
        (
            float((matrix[position[a]] @ matrix[position[b]].T).toarray()[0, 0]),
            compare_parts(parts[a], parts[b]),
        )
        for a, b in pairs
    ]


def judge_pairs(pairs: Sequence[tuple[str, str]]) -> list[PairJudgement]:
    """Each pair scored, compared part by part and decided as the product decides."""
    return [
        PairJudgement(score, comparison, is_same_work(score, comparison))
        for score, comparison in read_pairs(pairs)
    ]
