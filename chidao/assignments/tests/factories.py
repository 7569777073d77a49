import datetime

import factory

from chidao.assignments.choices import TaskKind, TaskState
from chidao.assignments.models import Task
from chidao.committees.tests.factories import CommitteeFactory
from chidao.org.tests.factories import UnitFactory


class TaskFactory(factory.django.DjangoModelFactory):
    """An open task with a deadline; tests set the dates and state they depend on."""

    class Meta:
        model = Task

    committee = factory.SubFactory(CommitteeFactory)
    code = factory.Sequence(lambda n: f"T.{n}")
    title = factory.Sequence(lambda n: f"Xây dựng kế hoạch chuyển đổi số số {n}")
    lead_unit = factory.SubFactory(UnitFactory)
    kind = TaskKind.DEADLINE
    state = TaskState.OPEN
    assigned_on = datetime.date(2025, 2, 21)
    deadline = datetime.date(2025, 6, 30)
    original_deadline = factory.LazyAttribute(lambda task: task.deadline)
