"""Print the precision and recall of the similar-task finder on the labelled pairs, then
those of the directive-text assistant. In ``imports`` because it measures both: the
assistant lives here, above ``overlap``."""

from django.core.management.base import BaseCommand

from chidao.imports.drafting_quality import get_drafting_quality
from chidao.overlap.index import THRESHOLD
from chidao.overlap.quality import (
    TARGET_PRECISION,
    TARGET_RECALL,
    get_labelled_pairs,
    get_quality_curve,
)


class Command(BaseCommand):
    help = (
        "Precision and recall of overlap detection (data/pairs.csv) and of the lead unit and "
        "deadline the directive-text assistant reads (data/directive_passages.csv)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--sweep", action="store_true", help="also print other thresholds, to choose one"
        )

    def handle(self, *args, sweep=False, **options):
        pairs = get_labelled_pairs()
        thresholds = [THRESHOLD]
        if sweep:
            thresholds = sorted({THRESHOLD, *(step / 100 for step in range(20, 66, 3))})
        curve = get_quality_curve(thresholds, pairs)
        positives = sum(pair.overlap for pair in pairs)
        self.stdout.write(
            f"{len(pairs)} labelled pairs: {positives} the same work, "
            f"{len(pairs) - positives} different work"
        )
        self.stdout.write("threshold  precision  recall  false+  missed")
        for quality in curve:
            mark = "  <- chosen" if quality.threshold == THRESHOLD else ""
            self.stdout.write(
                f"{quality.threshold:9.2f}  {quality.precision:9.3f}  {quality.recall:6.3f}"
                f"  {quality.false_positives:6d}  {quality.false_negatives:6d}{mark}"
            )
        chosen = next(quality for quality in curve if quality.threshold == THRESHOLD)
        if chosen.missed_by_kind:
            missed = ", ".join(f"{kind} {n}" for kind, n in sorted(chosen.missed_by_kind.items()))
            self.stdout.write(f"missed at {THRESHOLD:.2f}: {missed}")
        verdict = "meets" if chosen.meets_target else "DOES NOT meet"
        self.stdout.write(
            f"{verdict} the target (precision >= {TARGET_PRECISION}, recall >= {TARGET_RECALL})"
        )

        drafting = get_drafting_quality()
        self.stdout.write("")
        self.stdout.write(f"directive-text assistant, {drafting.passages} labelled passages")
        self.stdout.write("source              field     expected  read  right  precision  recall")
        rows = [
            ("all", drafting.lead, drafting.deadline),
            *((source, lead, deadline) for source, (lead, deadline) in drafting.by_source.items()),
        ]
        for source, lead, deadline in rows:
            for name, field in (("lead", lead), ("deadline", deadline)):
                self.stdout.write(
                    f"{source:18.18s}  {name:8s}  {field.expected:8d}  {field.read:4d}  "
                    f"{field.right:5d}  {field.precision:9.3f}  {field.recall:6.3f}"
                )
