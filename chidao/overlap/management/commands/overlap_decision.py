"""Retrain the finder's decision from the labelled files (``chidao/overlap/learning.py``).

Without options: fit on every labelled file and write ``data/decision.json``.
``--check``: fit and compare with the shipped file, writing nothing (exit 1 if they
differ). ``--held-out``: the leave-one-set-out table, hand rule against learned decision.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from chidao.overlap.decision import DECISION_FILE
from chidao.overlap.learning import (
    decisions_match,
    fit,
    get_held_out,
    read_files,
    write_decision,
)


class Command(BaseCommand):
    help = "Retrain the overlap finder's decision from the labelled pairs in overlap/data/."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="compare the shipped decision with a fresh fit"
        )
        parser.add_argument(
            "--held-out",
            action="store_true",
            help="print precision/recall/F1 of each set decided by a model trained without it",
        )

    def handle(self, *args, check=False, held_out=False, **options):
        files = read_files()
        if held_out:
            self._held_out(files)
            return
        fresh = fit(files)
        if check:
            shipped = json.loads(DECISION_FILE.read_text(encoding="utf-8"))
            if not decisions_match(shipped, fresh):
                raise CommandError(f"{DECISION_FILE.name} differs from a fresh fit: retrain")
            self.stdout.write(f"{DECISION_FILE.name} matches a fresh fit ({fresh['pairs']} pairs)")
            return
        write_decision(fresh)
        self.stdout.write(f"wrote {DECISION_FILE} ({fresh['pairs']} pairs)")

    def _held_out(self, files) -> None:
        rows = get_held_out(files)
        width = max(len("all, pooled"), *(len(row.name) for row in rows))
        self.stdout.write(f"{'set':{width}s} pairs  rule P / R / F1        learned P / R / F1")
        for row in rows:
            rule, learned = row.rule, row.learned
            self.stdout.write(
                f"{row.name:{width}s} {rule.pairs:5d}  "
                f"{rule.precision:.3f} / {rule.recall:.3f} / {rule.f1:.3f}  "
                f"{learned.precision:.3f} / {learned.recall:.3f} / {learned.f1:.3f}"
            )
        totals = {}
        for label in ("rule", "learned"):
            tally = type(rows[0].rule)()
            for row in rows:
                part = getattr(row, label)
                for field in ("pairs", "true_positives", "false_positives", "false_negatives"):
                    setattr(tally, field, getattr(tally, field) + getattr(part, field))
                tally.true_negatives += part.true_negatives
            totals[label] = tally
        rule, learned = totals["rule"], totals["learned"]
        self.stdout.write(
            f"{'all, pooled':{width}s} {rule.pairs:5d}  "
            f"{rule.precision:.3f} / {rule.recall:.3f} / {rule.f1:.3f}  "
            f"{learned.precision:.3f} / {learned.recall:.3f} / {learned.f1:.3f}"
        )
