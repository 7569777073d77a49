"""The main menu: one entry per area, shown to the roles that may open it.

Each app adds its entry here; the server still checks every page (``access.py``), the
menu only spares users links they cannot follow.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chidao.committees.access import Roles


@dataclass(frozen=True)
class MenuEntry:
    url_name: str
    label: str | Promise
    shown_to: Callable[[Roles], bool]


def _anyone(roles: Roles) -> bool:
    return True


def _has_any_role(roles: Roles) -> bool:
    return roles.is_admin or bool(roles.committee_scope) or roles.unit_id is not None


def _has_unit(roles: Roles) -> bool:
    return roles.unit_id is not None


def _runs_a_committee(roles: Roles) -> bool:
    return roles.is_admin or roles.is_secretariat


def _heads_a_unit(roles: Roles) -> bool:
    return roles.is_unit_head


def _sits_on_a_committee(roles: Roles) -> bool:
    return roles.is_admin or roles.is_secretariat or roles.is_leader


MENU: list[MenuEntry] = [
    MenuEntry("home", _("Trang chủ"), _anyone),
    MenuEntry("dashboards:index", _("Bảng điều khiển"), _sits_on_a_committee),
    MenuEntry("assignments:task_list", _("Nhiệm vụ"), _has_any_role),
    MenuEntry("assignments:secretariat_home", _("Việc chờ xử lý"), _runs_a_committee),
    MenuEntry("assignments:unit_approvals", _("Báo cáo chờ duyệt"), _heads_a_unit),
    MenuEntry("indicators:data_entry", _("Nhập số liệu"), _has_unit),
    MenuEntry("indicators:review", _("Duyệt số liệu"), _runs_a_committee),
    MenuEntry("indicators:indicator_list", _("Chỉ tiêu"), _has_any_role),
    MenuEntry("reporting:cycle_list", pgettext_lazy("menu", "Báo cáo"), _has_any_role),
    MenuEntry("documents:document_list", _("Văn bản"), _has_any_role),
    MenuEntry("committees:committee_list", _("Ban Chỉ đạo"), _has_any_role),
    MenuEntry("meetings:meeting_list", _("Phiên họp"), _sits_on_a_committee),
    MenuEntry("proposals:proposal_list", _("Kiến nghị"), _has_any_role),
    MenuEntry("imports:index", _("Nhập dữ liệu"), _runs_a_committee),
    MenuEntry("reminders:sent_list", _("Nhắc việc"), _runs_a_committee),
    MenuEntry("audit:event_list", _("Nhật ký"), lambda roles: roles.is_admin),
    MenuEntry("overlap:report_index", _("Chống chồng chéo"), _sits_on_a_committee),
]


def get_main_menu(roles: Roles, path: str) -> list[dict]:
    items = [
        {"url": reverse(entry.url_name), "label": entry.label, "active": False}
        for entry in MENU
        if entry.shown_to(roles)
    ]
    # One entry lights up: the one whose address is the longest prefix of the page's
    # ("/chi-tieu/nhap-so-lieu/" is "Nhập số liệu", not also "Chỉ tiêu").
    matching = [
        item
        for item in items
        if (path == item["url"] if item["url"] == "/" else path.startswith(item["url"]))
    ]
    if matching:
        max(matching, key=lambda item: len(item["url"]))["active"] = True
    return items
