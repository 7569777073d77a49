"""Concurrent writes on one committee tree, from threads: counts deadlocks (issue 21).

The mixed load (``bench/load.sh``) met PostgreSQL deadlocks a few times in thousands of
requests; this drives the same write services directly, with no HTTP and no reads in
between, so the writers overlap far more often and a run of a minute says what a dozen
load runs would (bench/RESULTS.md, "m-deadlock"). Each thread has its own connection
and repeats, for ``--seconds``, one write chosen by a seeded generator:

- a progress report on one of its officer's open tasks (``do_submit_progress``), 60 %;
- an indicator value of the open month (``do_save_observations``), on cells of its own
  (no edit conflicts by design), 25 %;
- a change that moves a task's status spans (``do_update_task``: the key flag turned
  over, as the secretariat's task form does), 15 %.

Every write runs through ``core.retries.run_write`` unless ``--no-retry``: with it a
deadlock the database broke is retried and counted as "retried"; "failed" counts the
writes that still raised. Run on a copy of a ``generate_scale`` database, migrated, after
``bench/load_setup.py`` (the officers, their tasks, the indicators' reporting units)::

    DATABASE_URL=postgres://…/copy CHIDAO_SECRET_KEY=bench .venv/bin/python \\
        bench/load_setup.py --manifest /tmp/dl/manifest.json
    DATABASE_URL=postgres://…/copy CHIDAO_SECRET_KEY=bench .venv/bin/python -W ignore \\
        bench/deadlock.py --manifest /tmp/dl/manifest.json --threads 8 --seconds 60
"""

import argparse
import json
import os
import random
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chidao.settings")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", type=Path, required=True)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=57)
    parser.add_argument("--no-retry", action="store_true", help="Call the services bare.")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.exceptions import ValidationError
    from django.db import OperationalError, connections
    from django.utils import timezone

    from chidao.assignments.models import Task
    from chidao.assignments.services import do_submit_progress, do_update_task
    from chidao.core.concurrency import EditConflict
    from chidao.core.periods import Period
    from chidao.core.retries import is_retryable, run_write
    from chidao.imports.rules import parse_period_phrase
    from chidao.indicators.services import ObservationEntry, do_save_observations
    from chidao.org.models import Unit, User

    manifest = json.loads(args.manifest.read_text())
    officers = [o for o in manifest["officers"] if o["tasks"]]
    period = Period(*parse_period_phrase(manifest["period"]))
    indicators = manifest["indicators"]
    today = timezone.localdate()
    secretary = User.objects.get(username=manifest["leaders"][0]["username"])
    counts: Counter = Counter()
    lock = threading.Lock()
    deadline = time.monotonic() + args.seconds
    retried = Counter()

    def write(service, **kwargs):
        if args.no_retry:
            return service(**kwargs)
        return run_write(
            lambda: service(**kwargs),
            on_retry=lambda error: retried.update([threading.get_ident()]),
        )

    def worker(n: int) -> None:
        rng = random.Random(args.seed * 1_000_003 + n)
        officer = officers[n % len(officers)]
        user = User.objects.select_related("person").get(username=officer["username"])
        unit = Unit.objects.get(pk=officer["unit"])
        cells = indicators[n % len(indicators) :: args.threads] or indicators[:1]
        mine: Counter = Counter()
        try:
            while time.monotonic() < deadline:
                roll = rng.random()
                kind = "report" if roll < 0.60 else "indicator" if roll < 0.85 else "task"
                try:
                    if kind == "report":
                        task = Task.objects.get(pk=rng.choice(officer["tasks"]))
                        write(
                            do_submit_progress,
                            task=task,
                            unit=unit,
                            by=user,
                            reported_on=today,
                            percent=rng.randint(0, 90),
                            results="Báo cáo tải thử (bench/deadlock.py).",
                        )
                    elif kind == "indicator":
                        value = f"{rng.randint(0, 100_000) / 100:.2f}".replace(".", ",")
                        entry = ObservationEntry(indicator_id=rng.choice(cells), value=value)
                        write(
                            do_save_observations,
                            by=user,
                            unit=unit,
                            period=period,
                            entries=[entry],
                            today=today,
                        )
                    else:
                        task = Task.objects.get(pk=rng.choice(officer["tasks"]))
                        write(do_update_task, task=task, by=secretary, is_key=not task.is_key)
                    mine[f"{kind} ok"] += 1
                except (ValidationError, EditConflict):
                    mine[f"{kind} refused"] += 1
                except OperationalError as error:
                    if not is_retryable(error):
                        raise
                    mine[f"{kind} failed: {type(error.__cause__).__name__}"] += 1
        finally:
            connections.close_all()
            with lock:
                counts.update(mine)

    started = time.monotonic()
    cpu = time.process_time()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(args.threads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started
    writes = sum(n for key, n in counts.items() if " ok" in key)
    failed = sum(n for key, n in counts.items() if "failed" in key)
    print(
        f"{args.threads} threads, {wall:.1f} s, CPU {time.process_time() - cpu:.1f} s, "
        f"load {os.getloadavg()[0]:.2f}: {writes} writes ({writes / wall:.1f}/s), "
        f"{failed} failed, {sum(retried.values())} retried"
        + ("" if not args.no_retry else " (no retry)")
    )
    for key in sorted(counts):
        print(f"  {key}: {counts[key]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
