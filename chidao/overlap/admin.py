from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from chidao.overlap.models import ShortForm


@admin.register(ShortForm)
class ShortFormAdmin(SimpleHistoryAdmin):
    list_display = ("short", "full", "committee", "created_by", "created_at")
    list_filter = ("committee",)
    list_select_related = ("committee", "created_by")
    # ``key`` is the short form folded: "cds" finds "CĐS".
    search_fields = ("short", "key", "full")
    autocomplete_fields = ("committee", "created_by")
