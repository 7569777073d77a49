"""The rows of the dashboard's long tables as HTML, written once per cached part.

A province's count tables have ~260 rows of ~12 cells, its lower-committee table ~120 and
the overdue list 50: with a template variable, tag or filter per cell (and a
``{% url %}`` per row) their rendering was a third of the first view after a write. Each
row here is one format string of values already text, escaped as the template would;
the page's bytes are those the templates wrote (``tests/test_rows.py`` compares them).
The templates keep the tables' heads, totals and everything else.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from chidao.dashboards.queries import LINKED_STATUSES, object_path_maker, percent_text


def _linked(url: str, text: str, css: str = "") -> str:
    if not url:
        return text
    return f'<a{f" class={chr(34)}{css}{chr(34)}" if css else ""} href="{url}">{text}</a>'


def get_count_rows(lines: list[dict], *, last_year: bool) -> SafeString:
    """The body rows of a count table from ``queries.get_table_lines``."""
    out = []
    for line in lines:
        label = escape(line["label"])
        url = escape(line["url"])
        cells = [
            f'\n      <tr>\n        <th scope="row" class="fw-normal" data-value="{label}">'
            f"{_linked(url, label)}</th>",
            f'\n        <td data-value="{line["assigned"]}">{line["assigned"]}</td>',
            f'\n        <td data-value="{line["due"]}">{line["due"]}</td>',
        ]
        for status in LINKED_STATUSES:
            value = line[status]
            status_url = f"{url}&amp;status={status}" if url else ""
            if status == "overdue":
                danger = ' class="text-danger fw-semibold"' if value != "0" else ' class=""'
                cells.append(
                    f'\n        <td data-value="{value}"{danger}>'
                    f"{_linked(status_url, value, 'link-danger')}</td>"
                )
            else:
                cells.append(
                    f'\n        <td data-value="{value}">{_linked(status_url, value)}</td>'
                )
        cells.append(
            f'\n        <td data-value="{line["completion_value"]}">{line["completion"]}</td>'
            f'\n        <td data-value="{line["on_time_value"]}">{line["on_time"]}</td>'
        )
        if last_year:
            cells.append(
                f'\n        <td data-value="{line["old_overdue_value"]}">{line["old_overdue"]}</td>'
                f'<td data-value="{line["old_completion_value"]}">{line["old_completion"]}</td>'
            )
        cells.append("\n      </tr>")
        out.append("".join(cells))
    return mark_safe("".join(out))


def get_commune_rows_html(items: list[dict]) -> SafeString:
    """The body rows of the lower committees' table (``queries.get_commune_rows``)."""
    out = []
    for item in items:
        row, name = item["row"], escape(item["committee"].name)
        rate = row.completion_rate_of_due
        cells = [
            f'\n      <tr>\n        <th scope="row" class="fw-normal" data-value="{name}">'
            f'<a href="{escape(item["dashboard_url"])}">{name}</a></th>'
            f'\n        <td data-value="{row.assigned}">{row.assigned}</td>'
        ]
        for status in ("done_on_time", "done_late"):
            value = getattr(row, status)
            cells.append(
                f'\n        <td data-value="{value}">'
                f"{_linked(escape(item[f'{status}_url']), str(value))}</td>"
            )
        overdue_url = escape(item["overdue_url"])
        css = "link-danger" if row.overdue else ""
        overdue = (
            f'<a class="{css}" href="{overdue_url}">{row.overdue}</a>'
            if overdue_url
            else str(row.overdue)
        )
        cells.append(
            f'\n        <td data-value="{row.overdue}">{overdue}</td>'
            f'\n        <td data-value="{-1 if rate is None else rate}">{percent_text(rate)}</td>'
            "\n      </tr>"
        )
        out.append("".join(cells))
    return mark_safe("".join(out))


def get_overdue_rows(tasks: list, *, can_manage: bool) -> SafeString:
    """The body rows of the overdue list (``queries.get_overdue_tasks``, each task with
    ``can_urge`` set)."""
    key = _("Trọng tâm")
    no_report = _("Chưa báo cáo")
    urge = _("Đôn đốc")
    task_path = object_path_maker("assignments:task_detail")
    urge_path = object_path_maker("reminders:urge_task")
    out = []
    for task in tasks:
        badge = f' <span class="badge text-bg-warning">{key}</span>' if task.is_key else ""
        title = escape(Truncator(task.title).words(30, truncate=" …"))
        if task.last_report_on:
            report = f"{task.last_report_on.strftime('%d/%m/%Y')} ({task.last_report_percent} %)"
        else:
            report = f'<span class="text-body-secondary">{no_report}</span>'
        cells = [
            f'\n      <tr>\n        <td class="text-nowrap">{escape(task.code)}{badge}</td>'
            f'\n        <td class="task-title"><a href="'
            f'{task_path(task.pk)}">{title}</a></td>'
            f"\n        <td>{escape(task.lead_unit.name)}</td>"
            f'\n        <td class="text-nowrap">{task.deadline_as_of.strftime("%d/%m/%Y")}</td>'
            f'\n        <td class="text-danger fw-semibold">{task.days_overdue}</td>'
            f'\n        <td class="text-nowrap">{report}</td>'
        ]
        if can_manage:
            link = ""
            if task.can_urge:
                link = (
                    f'<a class="btn btn-outline-danger btn-sm urge-link" '
                    f'href="{urge_path(task.pk)}">{urge}</a>'
                )
            cells.append(f'\n        <td class="no-print">{link}</td>')
        cells.append("\n      </tr>")
        out.append("".join(cells))
    return mark_safe("".join(out))


def get_indicator_rows_html(rows: list) -> SafeString:
    """The body rows of the indicator panel (``queries.get_indicator_panel``): ~45 rows of
    8 cells for a province, a third of the panel's part when the template wrote them."""
    out = []
    for row in rows:
        indicator = row.indicator
        status = row.projection.status
        period = (
            f'<div class="small text-body-secondary">{row.latest_period.strftime("%m/%Y")}</div>'
            if row.latest_period
            else ""
        )
        year = (
            f' <span class="small text-body-secondary">({row.target_year})</span>'
            if row.target_year
            else ""
        )
        out.append(
            f'\n      <tr id="indicator-{indicator.pk}">'
            f'\n        <td class="text-nowrap">{escape(indicator.code)}</td>'
            f'\n        <td><a href="{escape(row.url)}">{escape(indicator.name)}</a></td>'
            f'\n        <td class="text-nowrap">{escape(row.latest_display)} '
            f"{escape(indicator.measure_unit)}{period}</td>"
            f"\n        <td>{escape(row.target_text) if row.target_text else '—'}{year}</td>"
            f'\n        <td class="text-nowrap">{percent_text(row.achievement)}</td>'
            f'\n        <td><div class="dash-spark" data-spark="{indicator.pk}"></div></td>'
            f'\n        <td class="projection-{escape(status)} text-nowrap">'
            f"{escape(getattr(status, 'label', ''))}</td>"
            f'\n        <td class="text-nowrap">{escape(row.required_display)}</td>'
            "\n      </tr>"
        )
    return mark_safe("".join(out))
