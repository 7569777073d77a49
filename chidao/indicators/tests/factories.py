import datetime
from decimal import Decimal

import factory
from django.core.files.base import ContentFile

from chidao.committees.tests.factories import CommitteeFactory
from chidao.core.periods import PeriodKind
from chidao.documents.tests.factories import PDF_BYTES
from chidao.indicators.choices import ObservationState, ValueType
from chidao.indicators.models import Indicator, Observation, Target
from chidao.indicators.rollups import record_indicator_rollups
from chidao.org.tests.factories import UnitFactory


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator
        skip_postgeneration_save = True

    committee = factory.SubFactory(CommitteeFactory)
    code = factory.Sequence(lambda n: f"CT-{n + 1:03d}")
    name = factory.Sequence(lambda n: f"Tỷ lệ dịch vụ công trực tuyến toàn trình {n}")
    measure_unit = "%"
    value_type = ValueType.PERCENT
    frequency = PeriodKind.QUARTER
    responsible_unit = factory.SubFactory(UnitFactory)


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    indicator = factory.SubFactory(IndicatorFactory)
    year = 2025
    text = "≥ 80"


class ObservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Observation

    class Params:
        submitted = factory.Trait(
            state=ObservationState.SUBMITTED,
            submitted_at=factory.LazyFunction(
                lambda: datetime.datetime(2025, 4, 10, 3, 0, tzinfo=datetime.UTC)
            ),
        )
        with_evidence = factory.Trait(
            evidence=factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="minh-chung.pdf"))
        )

    indicator = factory.SubFactory(IndicatorFactory)
    unit = factory.SelfAttribute("indicator.responsible_unit")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # The period's roll-up kept, as every write service keeps it.
        observation = super()._create(model_class, *args, **kwargs)
        record_indicator_rollups([observation])
        return observation

    period_kind = PeriodKind.QUARTER
    period_start = datetime.date(2025, 1, 1)
    value = Decimal("72.5")
    state = ObservationState.DRAFT
