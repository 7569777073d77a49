"""Print the precision and recall of the similar-task finder on labelled pairs, then
those of the directive-text assistant. In ``imports`` because it measures both: the
assistant lives here, above ``overlap``.

``--pairs FILE.jsonl`` scores any labelled file (one ``{"a", "b", "same"}`` object a
line) as the product decides; ``--json`` prints one object ``{"pairs", "threshold",
"precision", "recall", "f1"}``. Without ``--pairs``: the older set ``data/pairs.csv`` and
the directive-text assistant's passages.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from chidao.imports.drafting_quality import get_drafting_quality
from chidao.overlap.index import THRESHOLD
from chidao.overlap.quality import (
    TARGET_PRECISION,
    TARGET_RECALL,
    get_labelled_pairs,
    get_pairs_quality,
    get_quality_curve,
    read_labelled_lines,
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
        parser.add_argument(
            "--pairs",
            metavar="FILE.jsonl",
            help='labelled pairs, one {"a": text, "b": text, "same": true|false} a line',
        )
        parser.add_argument(
            "--json", action="store_true", help="with --pairs: print one JSON object"
        )

    def handle(self, *args, sweep=False, pairs=None, json=False, **options):
        if pairs:
            return self._labelled_file(Path(pairs), as_json=json)
        if json:
            raise CommandError("--json needs --pairs FILE.jsonl")
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

    def _labelled_file(self, path: Path, *, as_json: bool) -> None:
        try:
            with path.open(encoding="utf-8") as file:
                labelled = read_labelled_lines(file)
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from None
        except (ValueError, UnicodeDecodeError) as error:
            raise CommandError(f"{path}: {error}") from None
        if not labelled:
            raise CommandError(f"{path}: no pairs")
        quality = get_pairs_quality(labelled)
        if as_json:
            self.stdout.write(json.dumps(quality.as_dict()))
            return
        self.stdout.write(
            f"{quality.all.pairs} pairs at threshold {quality.threshold:.2f}: precision "
            f"{quality.all.precision:.3f}, recall {quality.all.recall:.3f}, f1 {quality.all.f1:.3f}"
        )
        # A kind holds pairs of one label: of same-work kinds, the share found (recall);
        # of different-work kinds, the share flagged by mistake.
        self.stdout.write("kind              pairs  same  flagged  right")
        for kind, tally in sorted(quality.by_kind.items()):
            same = tally.true_positives + tally.false_negatives
            flagged = tally.true_positives + tally.false_positives
            right = tally.true_positives + tally.true_negatives
            self.stdout.write(
                f"{kind or '-':16.16s}  {tally.pairs:5d}  {same:4d}  {flagged:7d}  {right:5d}"
            )
        self.stdout.write("worst errors:")
        for judgement, pair in quality.errors[:10]:
            verdict = "false alarm" if judgement.same else "missed"
            self.stdout.write(
                f"  {verdict} ({pair.get('kind', '-')}, {judgement.score:.2f}): {pair['a']} | "
                f"{pair['b']} — {judgement.comparison.summary or '-'}"
            )
