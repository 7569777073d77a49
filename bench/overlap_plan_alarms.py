"""The finder's warnings on one real plan: the Government's 140 tasks of Appendix II.

    CHIDAO_SECRET_KEY=bench .venv/bin/python bench/overlap_plan_alarms.py [--all]

The 140 tasks (``chidao/overlap/data/appendix2_tasks.csv``) are one list of distinct work,
each with its own lead agency, output and deadline, so a pair of them decided the same work
is, but for a rare true overlap, a false alarm. They are read as the overlap report reads
a committee's tasks (each task's ``REPORT_PER_TASK`` closest from the candidate bar,
``SimilarityIndex.get_closest_pairs``; with ``--all``, every pair) and decided as the
product decides; the pairs decided the same work are printed, most probable first, with
their explanation. The labelled sets measure how well the finder tells same from
different among pairs that look alike, about half of them the same work; this measures
what a secretariat sees on a plan where almost none is (docs/overlap.md, "Warnings on
one real plan"). Not a test.
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


def main(every_pair: bool) -> None:
    with (DATA / "appendix2_tasks.csv").open(encoding="utf-8") as file:
        rows = {row["number"]: row for row in csv.DictReader(file)}
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
    print(
        f"{len(rows)} tasks, {len(numbers)} pairs read"
        f" ({'every pair' if every_pair else f'each task’s {REPORT_PER_TASK} closest'}),"
        f" {len(flagged)} decided the same work"
    )
    for probability, score, a, b, comparison in sorted(flagged, reverse=True):
        explanation = "; ".join((*comparison.agree, *comparison.differ)) or "-"
        print(f"\n{probability:.2f} (score {score:.2f}) #{a} / #{b}: {explanation}")
        for number in (a, b):
            row = rows[number]
            print(f"  #{number} [{row['lead']}; {row['output']}] {row['title'][:160]}")


if __name__ == "__main__":
    main("--all" in sys.argv[1:])
