from django import template

from chidao.dashboards.queries import percent_text, task_list_url

register = template.Library()


@register.simple_tag
def list_url(scope, as_of, **filters) -> str:
    """The task list behind a dashboard number: the scope's filters plus ``filters``.

    Empty when the list cannot show exactly that number (tasks without a group, or a
    scope of several units with no single unit given), so no link promises a wrong count.
    """
    if "group" in filters and filters["group"] is None:
        return ""
    if "lead_unit" not in filters and not scope.links_are_exact:
        return ""
    return task_list_url(scope.list_params(as_of, **filters))


@register.filter
def percent(value) -> str:
    """A rate as "45,5 %" (Vietnamese decimal comma), or "—" when there is none."""
    return percent_text(value)


@register.filter
def change(now, then) -> str:
    """The change from the same period last year, signed ("+3", "−1,5")."""
    if now is None or then is None:
        return ""
    delta = now - then
    text = f"{abs(delta):.1f}".rstrip("0").rstrip(".").replace(".", ",")
    if delta > 0:
        return f"+{text}"
    if delta < 0:
        return f"−{text}"
    return "±0"
