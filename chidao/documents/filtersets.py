import django_filters
from django.utils.translation import gettext_lazy as _

from chidao.core.text import fold_text
from chidao.documents.choices import DocumentKind
from chidao.documents.models import Document
from chidao.org.models import Unit


class DocumentFilterSet(django_filters.FilterSet):
    """The register's filters, shared by the page and any export of it."""

    q = django_filters.CharFilter(label=_("Tìm"), method="filter_search")
    kind = django_filters.ChoiceFilter(label=_("Loại văn bản"), choices=DocumentKind.choices)
    issuing_unit = django_filters.ModelChoiceFilter(
        label=_("Cơ quan ban hành"),
        queryset=Unit.objects.filter(issued_documents__isnull=False).distinct().order_by("name"),
    )
    year = django_filters.NumberFilter(
        label=_("Năm ban hành"), field_name="issued_on", lookup_expr="year"
    )

    class Meta:
        model = Document
        fields = ["q", "kind", "issuing_unit", "year"]

    def filter_search(self, queryset, name, value):
        """Ignore diacritics and case: "ke hoach so hoa" finds "Kế hoạch số hóa"."""
        folded = fold_text(value)
        return queryset.filter(search_text__contains=folded) if folded else queryset
