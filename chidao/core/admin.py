"""Admin pieces shared by every app."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from chidao.core.text import fold_text


class FoldedSearchAdminMixin:
    """Admin search that ignores diacritics and case ("so khoa hoc" finds "Sở Khoa học").

    Every word of the query must appear in the model's folded ``search_text``.
    """

    search_fields = ("search_text",)
    search_help_text = _("Tìm không phân biệt dấu và chữ hoa, chữ thường.")

    def get_search_results(self, request, queryset, search_term):
        for word in fold_text(search_term).split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset, False


class CappedCountPaginator(Paginator):
    """An admin paginator that counts at most ``CAP + 1`` rows, never a whole table.

    Counting 180,000 tasks (with their annotations) was most of the admin list's 2.3 s.
    Past the cap the list says "more than 10,000" (``admin/<app>/<model>/pagination.html``)
    and offers the first 100 pages; search and filters narrow it from there.
    """

    CAP = 10_000

    @cached_property
    def count(self) -> int:
        return self.object_list.order_by().values("pk")[: self.CAP + 1].count()

    @property
    def is_capped(self) -> bool:
        return self.count > self.CAP
