import factory

from chidao.committees.choices import CommitteeLevel
from chidao.committees.models import Committee, TaskGroup
from chidao.org.tests.factories import UnitFactory


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee

    name = factory.Sequence(lambda n: f"Ban Chỉ đạo thử nghiệm {n}")
    level = CommitteeLevel.PROVINCE
    host_unit = factory.SubFactory(UnitFactory)


class TaskGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskGroup

    committee = factory.SubFactory(CommitteeFactory)
    code = factory.Sequence(lambda n: f"G{n}")
    name = factory.Sequence(lambda n: f"Nhóm nhiệm vụ {n}")
