"""Template helpers of the task pages."""

from django import template

from chidao.assignments.choices import TaskStatus

register = template.Library()


@register.filter
def task_status(value) -> TaskStatus | None:
    """The ``TaskStatus`` of a stored value, for its label and badge colour."""
    try:
        return TaskStatus(value)
    except ValueError:
        return None
