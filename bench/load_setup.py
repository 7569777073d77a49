"""Accounts and a manifest for the mixed-load benchmark (``bench/load.sh``).

Run on a database filled by ``manage.py generate_scale`` (never one holding real data):
the generated accounts cannot sign in and belong to nobody, so this adds, idempotently,

- ``bench-leader-NN``: deputy heads of the committee (they read its dashboard, task list
  and tasks);
- ``bench-unit-NN``: an officer of each of the committee's lead units with the most open
  tasks (they read their tasks, report progress and enter indicator values);

all with the same password, each with a session opened the way sign-in opens one
(``django.test.Client.force_login``: Django's ``login``, the session clocks), and lists
every unit of the province as a reporting unit of the committee's indicators (the
generator writes values for every unit but names only the province as responsible, so
no officer could enter one). Writes a JSON manifest the locustfile reads: accounts and
their session keys, task ids per officer, indicator ids, the open period.

Sessions, not sign-ins, because a sign-in verifies an Argon2 hash (then Django's
parameters: 100 MiB, parallelism 8; now OWASP's 19 MiB, one lane, ``core.hashers``),
which on the shared 2-core machine took seconds per sign-in and timed gunicorn workers
out before any page was measured; users sign in once a day, not once a minute.

    DATABASE_URL=… CHIDAO_SECRET_KEY=… .venv/bin/python bench/load_setup.py \\
        --manifest /tmp/load/manifest.json
"""

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chidao.settings")

# Synthetic accounts of a bench database, never a real one.
PASSWORD = "bench-only-password-57"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", type=Path, required=True, help="Write the manifest here.")
    parser.add_argument("--committee", type=int, help="Committee id (default: the largest).")
    parser.add_argument("--leaders", type=int, default=10)
    parser.add_argument("--officers", type=int, default=50)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.db.models import Count, Q
    from django.test import Client
    from django.utils import timezone

    from chidao.assignments.choices import TaskState
    from chidao.assignments.models import Task
    from chidao.committees.choices import MemberRole
    from chidao.committees.models import Committee, Membership
    from chidao.core.periods import PeriodKind
    from chidao.indicators.entry import get_open_periods
    from chidao.indicators.grid import get_period_key
    from chidao.indicators.models import Indicator
    from chidao.org.models import Person, Unit, User

    if args.committee:
        committee = Committee.objects.get(pk=args.committee)
    else:
        committee = Committee.objects.annotate(n=Count("tasks")).order_by("-n", "pk").first()
    if committee is None:
        parser.error("no committee: run manage.py generate_scale first")
    password = make_password(PASSWORD)  # one hash for all: Argon2 per account is slow

    def account(username: str, unit=None) -> User:
        user = User.objects.filter(username=username).select_related("person").first()
        if user is None:
            person = Person.objects.create(full_name=f"Cán bộ {username}", unit=unit)
            user = User.objects.create(username=username, person=person)
        user.password = password
        user.is_active = True
        user.save(update_fields=["password", "is_active"])
        return user

    def session(user) -> str:
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client.cookies[settings.SESSION_COOKIE_NAME].value

    with transaction.atomic():
        leaders = []
        for n in range(1, args.leaders + 1):
            user = account(f"bench-leader-{n:02d}")
            Membership.objects.get_or_create(
                committee=committee, person=user.person, defaults={"role": MemberRole.DEPUTY}
            )
            leaders.append({"username": user.username, "session": session(user)})
        units = (
            Unit.objects.filter(led_tasks__committee=committee)
            .annotate(
                open_tasks=Count(
                    "led_tasks",
                    filter=Q(led_tasks__committee=committee, led_tasks__state=TaskState.OPEN),
                )
            )
            .order_by("-open_tasks", "pk")[: args.officers]
        )
        officers = []
        for n, unit in enumerate(units, start=1):
            user = account(f"bench-unit-{n:02d}", unit)
            tasks = Task.objects.filter(
                committee=committee, lead_unit=unit, state=TaskState.OPEN
            ).values_list("pk", flat=True)
            officers.append(
                {
                    "username": user.username,
                    "session": session(user),
                    "unit": unit.pk,
                    "tasks": list(tasks),
                }
            )
        indicators = list(Indicator.objects.filter(committee=committee).order_by("pk"))
        province = committee.host_unit
        reporting = list(Unit.objects.filter(Q(pk=province.pk) | Q(parent=province)))
        for indicator in indicators:
            indicator.reporting_units.add(*reporting)
    today = timezone.localdate()
    period = get_open_periods(PeriodKind.MONTH, today, grace_days=0)[-1]
    manifest = {
        "committee": committee.pk,
        "password": PASSWORD,
        "leaders": leaders,
        "officers": officers,
        "committee_tasks": list(
            Task.objects.filter(committee=committee).order_by("pk").values_list("pk", flat=True)
        ),
        "indicators": [indicator.pk for indicator in indicators],
        "period": f"{period.start.month}/{period.start.year}",
        # The same period as the grid page's ?period= (the entry reads versions there).
        "period_key": get_period_key(period),
    }
    args.manifest.write_text(json.dumps(manifest))
    print(
        f"committee {committee.pk}: {len(leaders)} leaders, {len(officers)} officers "
        f"({sum(len(o['tasks']) for o in officers)} open tasks), {len(indicators)} indicators, "
        f"period {manifest['period']} -> {args.manifest}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
