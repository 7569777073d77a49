import datetime

import factory
from django.core.files.base import ContentFile

from chidao.documents.choices import DocumentKind
from chidao.documents.models import Document
from chidao.org.tests.factories import UnitFactory

# The smallest file every PDF reader and our content check accept as a PDF.
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document
        skip_postgeneration_save = True

    class Params:
        with_file = factory.Trait(
            file=factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="van-ban.pdf"))
        )

    symbol = factory.Sequence(lambda n: f"{n + 1}/KH-UBND")
    kind = DocumentKind.PLAN
    issuing_unit = factory.SubFactory(UnitFactory)
    issued_on = datetime.date(2025, 3, 15)
    summary = factory.Sequence(lambda n: f"Kế hoạch thực hiện Nghị quyết số {n}")
