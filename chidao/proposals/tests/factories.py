import datetime

import factory
from django.core.files.base import ContentFile

from chidao.assignments.tests.factories import MINIMAL_PDF
from chidao.proposals.choices import ProposalCategory
from chidao.proposals.models import ProposalAttachment
from chidao.proposals.services import do_route_proposal, do_submit_proposal


def build_proposal(*, committee, contact="0912345678", content=None, **fields):
    return do_submit_proposal(
        committee=committee,
        sender_name=fields.pop("sender_name", "Nguyễn Thị Người Dân"),
        contact=contact,
        category=fields.pop("category", ProposalCategory.AGENCIES),
        title=fields.pop("title", "Mở rộng dịch vụ công trực tuyến toàn trình"),
        content=content or "Đề nghị đưa thủ tục cấp phép xây dựng lên dịch vụ công toàn trình.",
        consents_to_publish=fields.pop("consents_to_publish", True),
        **fields,
    )


def build_routed_proposal(*, committee, by, unit, due=datetime.date(2030, 12, 31)):
    """A citizen's proposal the secretariat routed to ``unit``."""
    proposal = build_proposal(committee=committee)
    return do_route_proposal(proposal=proposal, by=by, unit=unit, response_due=due)


class ProposalAttachmentFactory(factory.django.DjangoModelFactory):
    """A PDF the sender attached."""

    class Meta:
        model = ProposalAttachment

    file = factory.LazyFunction(lambda: ContentFile(MINIMAL_PDF, name="tep.pdf"))
    original_name = "Đề xuất chi tiết.pdf"
    content_type = "application/pdf"
    size = len(MINIMAL_PDF)
