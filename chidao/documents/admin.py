from django.contrib import admin

from chidao.core.admin import FoldedSearchAdminMixin
from chidao.documents.models import Document


@admin.register(Document)
class DocumentAdmin(FoldedSearchAdminMixin, admin.ModelAdmin):
    list_display = ("symbol", "kind", "issued_on", "issuing_unit", "summary", "implements")
    list_filter = ("kind", "committee", "issuing_unit")
    list_select_related = ("issuing_unit", "implements")
    autocomplete_fields = ("issuing_unit", "implements", "committee")
    date_hierarchy = "issued_on"
    readonly_fields = ("symbol_note",)
