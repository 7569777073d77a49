import datetime

import factory
from django.core.files.base import ContentFile

from chidao.assignments.choices import ReviewState, TaskKind, TaskState
from chidao.assignments.models import DeadlineChange, Evidence, ProgressUpdate, Task
from chidao.assignments.spans import record_status_spans
from chidao.committees.tests.factories import CommitteeFactory
from chidao.org.tests.factories import UnitFactory, UserFactory


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

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Its status spans kept, as every write service keeps them.
        task = super()._create(model_class, *args, **kwargs)
        record_status_spans([task])
        return task


# The smallest well-formed PDF: enough for a content check, and a reader opens it.
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    """A report of the task's lead unit, submitted to the secretariat on a fixed day."""

    class Meta:
        model = ProgressUpdate

    task = factory.SubFactory(TaskFactory)
    unit = factory.LazyAttribute(lambda update: update.task.lead_unit)
    author = factory.SubFactory(UserFactory)
    reported_on = datetime.date(2025, 5, 15)
    percent = 50
    results = "Đã hoàn thành dự thảo."
    review_state = ReviewState.SUBMITTED

    class Params:
        claim = factory.Trait(
            claims_completion=True,
            percent=100,
            completion_output="Quyết định số 123/QĐ-UBND",
            output_date=datetime.date(2025, 5, 10),
        )


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    progress_update = factory.SubFactory(ProgressUpdateFactory)
    file = factory.LazyFunction(lambda: ContentFile(MINIMAL_PDF, name="minh-chung.pdf"))
    original_name = "Quyết định 123.pdf"
    content_type = "application/pdf"
    size = len(MINIMAL_PDF)


class DeadlineChangeFactory(factory.django.DjangoModelFactory):
    """A pending request to move the task's deadline by three months."""

    class Meta:
        model = DeadlineChange

    task = factory.SubFactory(TaskFactory)
    requested_by = factory.SubFactory(UserFactory)
    old_deadline = factory.LazyAttribute(lambda change: change.task.deadline)
    new_deadline = factory.LazyAttribute(
        lambda change: change.task.deadline + datetime.timedelta(days=92)
    )
    reason = "Chờ ý kiến thẩm định của Bộ."

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        change = super()._create(model_class, *args, **kwargs)
        record_status_spans([change.task_id])
        return change


def build_report_objects(*, task, officer) -> dict:
    """Report objects on ``task`` by ``officer`` for the permission walk (``world.py``)."""
    pending = ProgressUpdateFactory(
        task=task, author=officer, review_state=ReviewState.PENDING_UNIT_HEAD
    )
    claim = ProgressUpdateFactory(task=task, author=officer, claim=True)
    evidence = EvidenceFactory(progress_update=claim)
    change = DeadlineChangeFactory(task=task, requested_by=officer)
    return {
        "progress_update_pending_unit": pending,
        "completion_claim": claim,
        "evidence": evidence,
        "deadline_change": change,
    }
