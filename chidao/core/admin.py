"""Admin pieces shared by every app."""

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
