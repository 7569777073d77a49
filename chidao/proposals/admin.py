from django.contrib import admin

from chidao.proposals.models import Proposal


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ("tracking_code", "title", "committee", "category", "status", "routed_unit")
    list_filter = ("status", "category", "committee")
    list_select_related = ("committee", "routed_unit")
    search_fields = ("tracking_code", "title")
    raw_id_fields = ("routed_unit", "submitted_by", "drafted_by")
    readonly_fields = ("tracking_code", "source_ip")
