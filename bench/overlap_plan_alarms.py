"""The finder's warnings on one real plan: by default the Government's 140 tasks of Appendix II.

    CHIDAO_SECRET_KEY=bench .venv/bin/python bench/overlap_plan_alarms.py [PLAN] [--all] [--quiet]

A plan is a CSV with the columns of ``chidao/overlap/data/appendix2_tasks.csv`` (number,
group, title, lead, coordinating, output, deadline): one list of distinct work, each task
with its own lead agency, output and deadline. Beside it, ``<plan>_overlaps.csv``
(a, b, label, why) lists the pairs its reader labelled: ``same`` (the same work written
twice) or ``part`` (one wholly a part or a lower level's share of the other); every other
pair is different work. A warning on a listed pair is right (a ``part`` is shown as
related, which is what it is); recall counts the ``same`` pairs only.

The tasks are read as the overlap report reads a committee's tasks (each task's
``REPORT_PER_TASK`` closest from the candidate bar, ``SimilarityIndex.get_closest_pairs``;
with ``--all``, every pair) and decided as the product decides; the pairs decided the same
work are printed, most probable first, with their explanation (``--quiet``: the summary
only). The labelled sets measure how well the finder tells same from different among pairs
that look alike, about half of them the same work; this measures what a secretariat sees
on a plan where almost none is (docs/overlap.md, "Warnings on one real plan"). Not a test.
"""

import csv
import itertools
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chidao.settings")

import django

django.setup()

# Imported after django.setup(): the finder reads models, which need the app registry.
from chidao.overlap.decision import CANDIDATE_THRESHOLD, get_decision, get_features  # noqa: E402
from chidao.overlap.finder import REPORT_PER_TASK  # noqa: E402
from chidao.overlap.index import DATA, SimilarityIndex, read_pairs  # noqa: E402
from chidao.overlap.rules import get_learned_abbreviations  # noqa: E402


def read_labelled_overlaps(plan: Path) -> dict[frozenset[str], str]:
    """The pairs of ``plan`` its reader labelled ``same`` or ``part``, if any were."""
    path = plan.with_name(f"{plan.stem}_overlaps.csv")
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as file:
        return {frozenset((row["a"], row["b"])): row["label"] for row in csv.DictReader(file)}


def main(plan: Path, every_pair: bool, quiet: bool) -> None:
    with plan.open(encoding="utf-8") as file:
        rows = {row["number"]: row for row in csv.DictReader(file)}
    labelled = read_labelled_overlaps(plan)
    if every_pair:
        numbers = list(itertools.combinations(rows, 2))
    else:
        texts = [row["title"] for row in rows.values()]
        index = SimilarityIndex(list(rows), texts, abbreviations=get_learned_abbreviations(texts))
        closest = index.get_closest_pairs(floor=CANDIDATE_THRESHOLD, per_text=REPORT_PER_TASK)
        numbers = [(a, b) for a, b, _ in closest]
    decision = get_decision()
    flagged = []
    for (a, b), (score, comparison) in zip(
        numbers, read_pairs([(rows[a]["title"], rows[b]["title"]) for a, b in numbers]), strict=True
    ):
        features = get_features(score, comparison)
        if decision.decides(score, features):
            flagged.append((decision.probability_of(features), score, a, b, comparison))
    right = sum(frozenset((a, b)) in labelled for *_, a, b, _ in flagged)
    same = {pair for pair, label in labelled.items() if label == "same"}
    read = {frozenset(pair) for pair in numbers}
    found = sum(frozenset((a, b)) in same for *_, a, b, _ in flagged)
    print(
        f"{plan.name}: {len(rows)} tasks, {len(numbers)} pairs read"
        f" ({'every pair' if every_pair else f'each task’s {REPORT_PER_TASK} closest'}),"
        f" {len(flagged)} decided the same work, {right} of them labelled same or part;"
        f" same pairs found {found} of {len(same)} ({len(same & read)} read)"
    )
    if quiet:
        return
    for probability, score, a, b, comparison in sorted(flagged, reverse=True):
        explanation = "; ".join((*comparison.agree, *comparison.differ)) or "-"
        label = labelled.get(frozenset((a, b)), "different")
        print(f"\n{probability:.2f} (score {score:.2f}) #{a} / #{b} [{label}]: {explanation}")
        for number in (a, b):
            row = rows[number]
            print(f"  #{number} [{row['lead']}; {row['output']}] {row['title'][:160]}")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    paths = [argument for argument in arguments if not argument.startswith("--")]
    main(
        Path(paths[0]) if paths else DATA / "appendix2_tasks.csv",
        "--all" in arguments,
        "--quiet" in arguments,
    )
