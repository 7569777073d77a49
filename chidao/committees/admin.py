from django.contrib import admin

from chidao.committees.models import Committee, Membership, TaskGroup
from chidao.core.admin import FoldedSearchAdminMixin


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("person",)
    fields = ("person", "role", "title", "started_on", "ended_on")


class TaskGroupInline(admin.TabularInline):
    model = TaskGroup
    extra = 0
    fields = ("code", "name", "order")


@admin.register(Committee)
class CommitteeAdmin(FoldedSearchAdminMixin, admin.ModelAdmin):
    list_display = ("name", "level", "parent", "host_unit", "standing_unit", "is_active")
    list_filter = ("level", "is_active")
    list_select_related = ("parent", "host_unit", "standing_unit")
    autocomplete_fields = (
        "parent",
        "host_unit",
        "standing_unit",
        "resolution",
        "founding_document",
    )
    inlines = [MembershipInline, TaskGroupInline]


@admin.register(Membership)
class MembershipAdmin(FoldedSearchAdminMixin, admin.ModelAdmin):
    list_display = ("person", "role", "title", "committee", "started_on", "ended_on")
    list_filter = ("role", "committee")
    list_select_related = ("person", "committee")
    autocomplete_fields = ("committee", "person", "units_followed")
    search_fields = ("search_text", "person__search_text")

    def get_search_results(self, request, queryset, search_term):
        # A member is found by their name as well as by title and areas.
        from django.db.models import Q

        from chidao.core.text import fold_text

        for word in fold_text(search_term).split():
            queryset = queryset.filter(
                Q(search_text__contains=word) | Q(person__search_text__contains=word)
            )
        return queryset, False


@admin.register(TaskGroup)
class TaskGroupAdmin(FoldedSearchAdminMixin, admin.ModelAdmin):
    list_display = ("code", "name", "committee", "order")
    list_filter = ("committee",)
    list_select_related = ("committee",)
