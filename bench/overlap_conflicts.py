"""Where the overlap finder's same-work pairs are lost, and held out by file and by set.

    CHIDAO_SECRET_KEY=bench .venv/bin/python bench/overlap_conflicts.py

Reads every labelled file of ``chidao/overlap/data`` as ``manage.py overlap_decision``
does and prints: the pooled held-out figures with each *file* decided by a model fitted
without it, and with each *set* (both halves, ``learning._group``) left out, which is
what ``overlap_decision --held-out`` prints; then, for the same-work pairs, for the
parent-and-part ones (kinds ``commune_share`` and ``province_version``), for the
different-work pairs and for those of kind ``level_other``: how many score below the
candidate bar, how many candidates a conflicting part vetoes (by the first reason), and
how many are decided the same work held out by set. Not a test (docs/overlap.md,
"s-parent").
"""

import collections
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chidao.settings")

import django

django.setup()

# Imported after django.setup(): the finder reads models, which need the app registry.
from chidao.overlap import learning  # noqa: E402
from chidao.overlap.decision import (  # noqa: E402
    CANDIDATE_THRESHOLD,
    Decision,
    lexicon_features,
)
from chidao.overlap.index import read_pairs  # noqa: E402

PARENT_AND_PART = {"commune_share", "province_version"}


def held_out(files, key) -> tuple[float, float, float, dict]:
    """Pooled precision, recall and F1 with each ``key`` left out, and the verdicts."""
    tp = fp = fn = 0
    verdicts = {}
    for left in sorted({key(file) for file in files}):
        decision = Decision.from_dict(learning.fit([f for f in files if key(f) != left]))
        for file in files:
            if key(file) != left:
                continue
            rows = zip(file.scores, file.features, file.one_sided, strict=True)
            found = [
                decision.decides(score, [*row, *lexicon_features(words, decision.lexicon)])
                for score, row, words in rows
            ]
            verdicts[file.name] = found
            for label, guess in zip(file.labels, found, strict=True):
                tp += guess and label
                fp += guess and not label
                fn += label and not guess
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return precision, recall, 2 * precision * recall / (precision + recall), verdicts


def main() -> None:
    labelled = learning.get_labelled_files()
    files = learning.read_files(labelled)
    by_file = held_out(files, lambda file: file.name)
    by_set = held_out(files, lambda file: file.group)
    print("held out by file: P {:.4f} R {:.4f} F1 {:.4f}".format(*by_file[:3]))
    print("held out by set:  P {:.4f} R {:.4f} F1 {:.4f}".format(*by_set[:3]))
    counts = collections.defaultdict(collections.Counter)
    firsts = collections.defaultdict(collections.Counter)
    for file in labelled:
        pairs = read_pairs([(pair["a"], pair["b"]) for pair in file.pairs])
        verdicts = by_set[3][file.name]
        for pair, (score, comparison), found in zip(file.pairs, pairs, verdicts, strict=True):
            kind = pair.get("kind", "")
            groups = ["same work" if pair["same"] else "different work"]
            if pair["same"] and (kind in PARENT_AND_PART or pair.get("related") is True):
                groups.append("parent and part")
            if kind == "level_other":
                groups.append("level_other")
            candidate = score >= CANDIDATE_THRESHOLD
            for group in groups:
                count = counts[group]
                count["pairs"] += 1
                count["below the bar"] += not candidate
                count["vetoed"] += candidate and comparison.conflict
                count["decided the same"] += found
                if candidate and comparison.conflict:
                    firsts[group][comparison.reasons[0]] += 1
    for group in ("same work", "parent and part", "different work", "level_other"):
        print(f"{group}: {dict(counts[group])}; vetoed by {dict(firsts[group].most_common())}")


if __name__ == "__main__":
    main()
