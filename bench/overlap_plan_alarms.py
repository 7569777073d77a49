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

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chidao.settings")

import django

django.setup()

# Imported after django.setup(), as the product's modules are.
from chidao.overlap.index import DATA, REPORT_PER_TASK  # noqa: E402
from chidao.overlap.quality import get_plan_warnings  # noqa: E402


def main(plan: Path, every_pair: bool, quiet: bool) -> None:
    found = get_plan_warnings(plan, every_pair=every_pair)
    print(
        f"{plan.name}: {len(found.tasks)} tasks, {found.pairs_read} pairs read"
        f" ({'every pair' if every_pair else f'each task’s {REPORT_PER_TASK} closest'}),"
        f" {len(found.warnings)} decided the same work, {found.right} of them labelled same"
        f" or part; same pairs found {found.found} of {found.same_pairs}"
        f" ({found.same_read} read)"
    )
    if quiet:
        return
    for warning in found.warnings:
        comparison = warning.comparison
        explanation = "; ".join((*comparison.agree, *comparison.differ)) or "-"
        print(
            f"\n{warning.probability:.2f} (score {warning.score:.2f})"
            f" #{warning.a} / #{warning.b} [{warning.label}]: {explanation}"
        )
        for number in (warning.a, warning.b):
            row = found.tasks[number]
            print(f"  #{number} [{row['lead']}; {row['output']}] {row['title'][:160]}")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    paths = [argument for argument in arguments if not argument.startswith("--")]
    main(
        Path(paths[0]) if paths else DATA / "appendix2_tasks.csv",
        "--all" in arguments,
        "--quiet" in arguments,
    )
