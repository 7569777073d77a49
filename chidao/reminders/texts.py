"""The words of each notice: Vietnamese, with the task, its deadline (dd/mm/yyyy) and a link."""

from dataclasses import dataclass
from datetime import date

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chidao.reminders.choices import NotificationKind
from chidao.reminders.rules import DueReminder


@dataclass(frozen=True)
class TaskInfo:
    code: str
    title: str
    lead_unit: str
    # why the early warning flags it (``assignments.forecast``), for the at-risk notice
    risk_reasons: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        name = f"{self.code} “{self.title}”" if self.code else f"“{self.title}”"
        return name


@dataclass(frozen=True)
class WaitingInfo:
    """What a waiting claim or deadline request says, for the notice's text."""

    unit: str
    since: date
    old_deadline: date | None = None
    new_deadline: date | None = None


@dataclass(frozen=True)
class CycleInfo:
    title: str
    unit: str


def get_cycle_link(cycle_id: int) -> str:
    """The reporting cycle's page, or no link while that page does not exist."""
    try:
        return reverse("reporting:cycle_detail", kwargs={"pk": cycle_id})
    except NoReverseMatch:
        return ""


@dataclass(frozen=True)
class IndicatorInfo:
    code: str
    name: str
    unit: str


@dataclass(frozen=True)
class ProposalInfo:
    code: str
    title: str
    unit: str


def get_proposal_link(proposal_id: int) -> str:
    """The proposal's page, or no link while that page does not exist."""
    try:
        return reverse("proposals:proposal_detail", kwargs={"pk": proposal_id})
    except NoReverseMatch:
        return ""


def get_indicator_link() -> str:
    """The data-entry page, or no link while that page does not exist."""
    try:
        return reverse("indicators:data_entry")
    except NoReverseMatch:
        return ""


def get_task_link(task_id: int) -> str:
    """The task's page, or no link while that page does not exist."""
    try:
        return reverse("assignments:task_detail", kwargs={"pk": task_id})
    except NoReverseMatch:
        return ""


def format_date(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def build_notice(
    reminder: DueReminder,
    task: TaskInfo | None,
    waiting: WaitingInfo | None = None,
    cycle: CycleInfo | None = None,
    indicator: IndicatorInfo | None = None,
    proposal: ProposalInfo | None = None,
) -> tuple[str, str]:
    """(subject, text) of one notice."""
    kind = reminder.kind
    deadline = format_date(reminder.deadline)
    if cycle is not None:
        return _build_cycle_notice(reminder, cycle, deadline)
    if proposal is not None:
        return _build_proposal_notice(reminder, proposal, deadline)
    if indicator is not None:
        values = {
            "code": indicator.code,
            "name": indicator.name,
            "unit": indicator.unit,
            "period": reminder.period_label,
            "closes": deadline,
        }
        subject = _("Chỉ tiêu %(code)s chưa có số liệu %(period)s") % values
        text = _(
            "Chỉ tiêu %(code)s “%(name)s” chưa có số liệu %(period)s của %(unit)s. Đề nghị "
            "đơn vị nhập và gửi số liệu; hạn nhập đến hết ngày %(closes)s."
        )
        return subject, text % values
    if kind == NotificationKind.TASK_AT_RISK:
        subject = _("Nhiệm vụ %(code)s có nguy cơ chậm") % {"code": task.code}
        text = _(
            "Nhiệm vụ %(task)s do %(unit)s chủ trì có nguy cơ không hoàn thành đúng thời hạn "
            "%(deadline)s. Lý do: %(reasons)s. Đề nghị đơn vị rà soát, đẩy nhanh tiến độ và "
            "báo cáo kết quả."
        ) % {
            "task": task.label,
            "unit": task.lead_unit,
            "deadline": deadline,
            "reasons": "; ".join(task.risk_reasons),
        }
    elif kind == NotificationKind.TASK_DUE_SOON:
        subject = ngettext(
            "Nhiệm vụ %(code)s còn %(days)s ngày đến hạn",
            "Nhiệm vụ %(code)s còn %(days)s ngày đến hạn",
            reminder.days,
        ) % {
            "code": task.code,
            "days": reminder.days,
        }
        text = ngettext(
            "Nhiệm vụ %(task)s do %(unit)s chủ trì còn %(days)s ngày đến hạn (thời hạn "
            "%(deadline)s). Đề nghị đơn vị khẩn trương hoàn thành và báo cáo kết quả.",
            "Nhiệm vụ %(task)s do %(unit)s chủ trì còn %(days)s ngày đến hạn (thời hạn "
            "%(deadline)s). Đề nghị đơn vị khẩn trương hoàn thành và báo cáo kết quả.",
            reminder.days,
        ) % {
            "task": task.label,
            "unit": task.lead_unit,
            "days": reminder.days,
            "deadline": deadline,
        }
    elif kind == NotificationKind.TASK_DUE_TODAY:
        subject = _("Nhiệm vụ %(code)s đến hạn hôm nay") % {"code": task.code}
        text = _(
            "Hôm nay (%(deadline)s) là thời hạn hoàn thành nhiệm vụ %(task)s do %(unit)s chủ "
            "trì. Đề nghị đơn vị báo cáo kết quả thực hiện."
        ) % {"task": task.label, "unit": task.lead_unit, "deadline": deadline}
    elif kind == NotificationKind.TASK_OVERDUE:
        subject = ngettext(
            "Nhiệm vụ %(code)s đã quá hạn %(days)s ngày",
            "Nhiệm vụ %(code)s đã quá hạn %(days)s ngày",
            reminder.days,
        ) % {
            "code": task.code,
            "days": reminder.days,
        }
        text = ngettext(
            "Nhiệm vụ %(task)s do %(unit)s chủ trì đã quá hạn %(days)s ngày (thời hạn "
            "%(deadline)s) mà chưa hoàn thành. Đề nghị đơn vị khẩn trương thực hiện, báo cáo "
            "kết quả hoặc đề nghị điều chỉnh thời hạn nếu có lý do chính đáng.",
            "Nhiệm vụ %(task)s do %(unit)s chủ trì đã quá hạn %(days)s ngày (thời hạn "
            "%(deadline)s) mà chưa hoàn thành. Đề nghị đơn vị khẩn trương thực hiện, báo cáo "
            "kết quả hoặc đề nghị điều chỉnh thời hạn nếu có lý do chính đáng.",
            reminder.days,
        ) % {
            "task": task.label,
            "unit": task.lead_unit,
            "days": reminder.days,
            "deadline": deadline,
        }
    elif kind == NotificationKind.TASK_ESCALATED:
        subject = ngettext(
            "Báo cáo lãnh đạo: nhiệm vụ %(code)s quá hạn %(days)s ngày",
            "Báo cáo lãnh đạo: nhiệm vụ %(code)s quá hạn %(days)s ngày",
            reminder.days,
        ) % {
            "code": task.code,
            "days": reminder.days,
        }
        text = ngettext(
            "Nhiệm vụ %(task)s do %(unit)s chủ trì đã quá hạn %(days)s ngày (thời hạn "
            "%(deadline)s) mà chưa hoàn thành dù đã được nhắc. Kính báo đồng chí để chỉ đạo, "
            "đôn đốc thực hiện.",
            "Nhiệm vụ %(task)s do %(unit)s chủ trì đã quá hạn %(days)s ngày (thời hạn "
            "%(deadline)s) mà chưa hoàn thành dù đã được nhắc. Kính báo đồng chí để chỉ đạo, "
            "đôn đốc thực hiện.",
            reminder.days,
        ) % {
            "task": task.label,
            "unit": task.lead_unit,
            "days": reminder.days,
            "deadline": deadline,
        }
    elif kind == NotificationKind.CLAIM_WAITING:
        subject = _("Đề nghị xác nhận hoàn thành nhiệm vụ %(code)s chờ xem xét") % {
            "code": task.code
        }
        text = ngettext(
            "Đề nghị xác nhận hoàn thành nhiệm vụ %(task)s của %(unit)s gửi ngày %(since)s đã "
            "chờ %(days)s ngày làm việc. Đề nghị Thường trực xem xét, xác nhận hoặc trả lại.",
            "Đề nghị xác nhận hoàn thành nhiệm vụ %(task)s của %(unit)s gửi ngày %(since)s đã "
            "chờ %(days)s ngày làm việc. Đề nghị Thường trực xem xét, xác nhận hoặc trả lại.",
            reminder.days,
        ) % {
            "task": task.label,
            "unit": waiting.unit if waiting else task.lead_unit,
            "since": format_date(waiting.since if waiting else None),
            "days": reminder.days,
        }
    elif kind == NotificationKind.DEADLINE_REQUEST_WAITING:
        subject = _("Đề nghị điều chỉnh thời hạn nhiệm vụ %(code)s chờ quyết định") % {
            "code": task.code
        }
        text = ngettext(
            "Đề nghị điều chỉnh thời hạn nhiệm vụ %(task)s từ %(old)s sang %(new)s, gửi ngày "
            "%(since)s, đã chờ %(days)s ngày làm việc. Đề nghị Thường trực xem xét, quyết định.",
            "Đề nghị điều chỉnh thời hạn nhiệm vụ %(task)s từ %(old)s sang %(new)s, gửi ngày "
            "%(since)s, đã chờ %(days)s ngày làm việc. Đề nghị Thường trực xem xét, quyết định.",
            reminder.days,
        ) % {
            "task": task.label,
            "old": format_date(waiting.old_deadline if waiting else None),
            "new": format_date(waiting.new_deadline if waiting else None),
            "since": format_date(waiting.since if waiting else None),
            "days": reminder.days,
        }
    else:
        raise ValueError(f"no text for {kind}")
    return subject.strip(), text


def _build_cycle_notice(reminder: DueReminder, cycle: CycleInfo, due: str) -> tuple[str, str]:
    values = {"cycle": cycle.title, "unit": cycle.unit, "due": due, "days": reminder.days}
    if reminder.kind == NotificationKind.CYCLE_DUE_SOON:
        subject = (
            ngettext(
                "%(cycle)s: còn %(days)s ngày đến hạn gửi",
                "%(cycle)s: còn %(days)s ngày đến hạn gửi",
                reminder.days,
            )
            % values
        )
        text = ngettext(
            "%(unit)s chưa gửi %(cycle)s; hạn gửi Thường trực là %(due)s (còn %(days)s "
            "ngày). Đề nghị đơn vị hoàn thành và gửi đúng hạn.",
            "%(unit)s chưa gửi %(cycle)s; hạn gửi Thường trực là %(due)s (còn %(days)s "
            "ngày). Đề nghị đơn vị hoàn thành và gửi đúng hạn.",
            reminder.days,
        )
    elif reminder.kind == NotificationKind.CYCLE_DUE_TODAY:
        subject = _("%(cycle)s: hôm nay là hạn gửi") % values
        text = _(
            "Hôm nay (%(due)s) là hạn gửi %(cycle)s. %(unit)s chưa gửi báo cáo; đề nghị "
            "đơn vị gửi trong ngày."
        )
    elif reminder.kind == NotificationKind.CYCLE_MISSED:
        subject = _("%(cycle)s: đơn vị chưa gửi, đã quá hạn") % values
        text = _(
            "%(unit)s chưa gửi %(cycle)s dù đã quá hạn gửi (%(due)s). Đề nghị đơn vị gửi "
            "ngay để Thường trực tổng hợp."
        )
    else:
        raise ValueError(f"no text for {reminder.kind}")
    return subject, text % values


def _build_proposal_notice(
    reminder: DueReminder, proposal: ProposalInfo, due: str
) -> tuple[str, str]:
    values = {
        "code": proposal.code,
        "title": proposal.title,
        "unit": proposal.unit,
        "due": due,
        "days": reminder.days,
    }
    if reminder.kind == NotificationKind.PROPOSAL_DUE_SOON:
        subject = (
            ngettext(
                "Kiến nghị %(code)s: còn %(days)s ngày đến hạn trả lời",
                "Kiến nghị %(code)s: còn %(days)s ngày đến hạn trả lời",
                reminder.days,
            )
            % values
        )
        text = ngettext(
            "Kiến nghị %(code)s “%(title)s” đã chuyển %(unit)s xử lý; hạn trả lời là %(due)s "
            "(còn %(days)s ngày). Đề nghị đơn vị soạn trả lời để Thường trực duyệt.",
            "Kiến nghị %(code)s “%(title)s” đã chuyển %(unit)s xử lý; hạn trả lời là %(due)s "
            "(còn %(days)s ngày). Đề nghị đơn vị soạn trả lời để Thường trực duyệt.",
            reminder.days,
        )
    elif reminder.kind == NotificationKind.PROPOSAL_OVERDUE:
        subject = (
            ngettext(
                "Kiến nghị %(code)s đã quá hạn trả lời %(days)s ngày",
                "Kiến nghị %(code)s đã quá hạn trả lời %(days)s ngày",
                reminder.days,
            )
            % values
        )
        text = ngettext(
            "Kiến nghị %(code)s “%(title)s” chuyển %(unit)s xử lý đã quá hạn trả lời "
            "%(days)s ngày (hạn %(due)s). Đề nghị đơn vị khẩn trương soạn trả lời; Thường "
            "trực theo dõi, đôn đốc.",
            "Kiến nghị %(code)s “%(title)s” chuyển %(unit)s xử lý đã quá hạn trả lời "
            "%(days)s ngày (hạn %(due)s). Đề nghị đơn vị khẩn trương soạn trả lời; Thường "
            "trực theo dõi, đôn đốc.",
            reminder.days,
        )
    else:
        raise ValueError(f"no text for {reminder.kind}")
    return subject, text % values
