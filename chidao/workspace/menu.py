"""The main menu: one entry per area, shown to the roles that may open it, grouped by
what the work is (issue [O] §5): the daily work as links on the bar, then follow-up,
reports and set-up as dropdowns, so a secretariat's menu fits one line at 1366 px.

Each app adds its entry here; the server still checks every page (``access.py``), the
menu only spares users links they cannot follow.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chidao.committees.access import Roles

WORK, FOLLOW_UP, REPORTS, SET_UP = "work", "follow_up", "reports", "set_up"
# The groups in the bar's order; ``None`` labels the daily work, shown as plain links.
GROUPS: dict[str, str | Promise | None] = {
    WORK: None,
    FOLLOW_UP: _("Theo dõi"),
    REPORTS: pgettext_lazy("menu", "Báo cáo"),
    SET_UP: _("Thiết lập"),
}


@dataclass(frozen=True)
class MenuEntry:
    url_name: str
    label: str | Promise
    shown_to: Callable[[Roles], bool]
    group: str = WORK


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
    MenuEntry("assignments:task_list", _("Nhiệm vụ"), _has_any_role),
    MenuEntry("assignments:secretariat_home", _("Việc chờ xử lý"), _runs_a_committee),
    MenuEntry("assignments:unit_approvals", _("Báo cáo chờ duyệt"), _heads_a_unit),
    MenuEntry("indicators:data_entry", _("Nhập số liệu"), _has_unit),
    MenuEntry("indicators:review", _("Duyệt số liệu"), _runs_a_committee),
    MenuEntry("dashboards:index", _("Bảng điều khiển"), _sits_on_a_committee, FOLLOW_UP),
    MenuEntry("indicators:indicator_list", _("Chỉ tiêu"), _has_any_role, FOLLOW_UP),
    MenuEntry("reminders:sent_list", _("Nhắc việc"), _runs_a_committee, FOLLOW_UP),
    MenuEntry("meetings:meeting_list", _("Phiên họp"), _sits_on_a_committee, FOLLOW_UP),
    MenuEntry("proposals:proposal_list", _("Kiến nghị"), _has_any_role, FOLLOW_UP),
    MenuEntry("overlap:report_index", _("Chống chồng chéo"), _sits_on_a_committee, FOLLOW_UP),
    MenuEntry("reporting:cycle_list", pgettext_lazy("menu", "Kỳ báo cáo"), _has_any_role, REPORTS),
    MenuEntry("documents:document_list", _("Văn bản"), _has_any_role, REPORTS),
    MenuEntry("committees:committee_list", _("Ban Chỉ đạo"), _has_any_role, SET_UP),
    MenuEntry("imports:index", _("Nhập dữ liệu"), _runs_a_committee, SET_UP),
    MenuEntry("audit:event_list", _("Nhật ký"), lambda roles: roles.is_admin, SET_UP),
]


def get_main_menu(roles: Roles, path: str) -> list[dict]:
    """The bar's items for ``roles``: a link ``{"url", "label", "active"}``, or a group
    ``{"label", "active", "children": [links]}`` shown as a dropdown. A group the role has
    a single entry of is a plain link."""
    prefix, urlconf = get_script_prefix(), get_urlconf()
    links = [
        {
            "url": _menu_url(entry.url_name, prefix, urlconf),
            "label": entry.label,
            "active": False,
            "group": entry.group,
        }
        for entry in MENU
        if entry.shown_to(roles)
    ]
    # One entry lights up: the one whose address is the longest prefix of the page's
    # ("/chi-tieu/nhap-so-lieu/" is "Nhập số liệu", not also "Chỉ tiêu").
    matching = [
        link
        for link in links
        if (path == link["url"] if link["url"] == "/" else path.startswith(link["url"]))
    ]
    if matching:
        max(matching, key=lambda link: len(link["url"]))["active"] = True
    items: list[dict] = []
    for group, label in GROUPS.items():
        members = [link for link in links if link["group"] == group]
        if label is None or len(members) == 1:
            items.extend(members)
        elif members:
            items.append(
                {
                    "label": label,
                    "group": group,
                    "active": any(link["active"] for link in members),
                    "children": members,
                }
            )
    return items


@lru_cache(maxsize=64)
def _menu_url(url_name: str, _prefix: str, _urlconf) -> str:
    # The menu is on every page: ~17 ``reverse`` calls each time, for addresses that only
    # change with the script prefix and the URLconf (hence the cache's key).
    return reverse(url_name)
