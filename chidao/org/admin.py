from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from chidao.core.admin import FoldedSearchAdminMixin
from chidao.core.sessions import do_end_all_sessions
from chidao.org.models import Person, Unit, User


@admin.register(Unit)
class UnitAdmin(FoldedSearchAdminMixin, admin.ModelAdmin):
    list_display = ("code", "name", "short_name", "kind", "parent", "is_active")
    list_filter = ("kind", "is_active", "requires_head_approval")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent", "successor")


@admin.register(Person)
class PersonAdmin(FoldedSearchAdminMixin, admin.ModelAdmin):
    list_display = ("full_name", "title", "unit", "is_unit_leader")
    list_filter = ("is_unit_leader", "unit__kind")
    list_select_related = ("unit",)
    autocomplete_fields = ("unit",)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "person", "is_active", "is_staff", "is_superuser", "last_login")
    list_select_related = ("person",)
    autocomplete_fields = ("person",)
    search_fields = ("username", "person__search_text")
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Cán bộ"), {"fields": ("person",)}),
    )
    actions = ("end_all_sessions",)

    @admin.action(
        description=_("Đăng xuất khỏi mọi thiết bị (kết thúc mọi phiên đăng nhập)"),
        permissions=("change",),
    )
    def end_all_sessions(self, request, queryset):
        ended = sum(do_end_all_sessions(user=user) for user in queryset)
        self.message_user(
            request,
            ngettext(
                "Đã kết thúc %(sessions)s phiên đăng nhập của %(users)s.",
                "Đã kết thúc %(sessions)s phiên đăng nhập của %(users)s.",
                ended,
            )
            % {
                "sessions": ended,
                "users": ngettext("%(count)s tài khoản", "%(count)s tài khoản", len(queryset))
                % {"count": len(queryset)},
            },
        )
