"""Template helpers shared by every page."""

from django import template
from django.forms import CheckboxSelectMultiple, RadioSelect, Select, SelectMultiple

register = template.Library()


@register.filter
def bootstrap_widget(field):
    """Render a bound field's widget with Bootstrap classes and its error state.

    The error is tied to the input (``aria-describedby``) so screen readers read it.
    """
    widget = field.field.widget
    if isinstance(widget, CheckboxSelectMultiple | RadioSelect):
        css = ""
    elif isinstance(widget, Select | SelectMultiple):
        css = "form-select"
    else:
        css = "form-control"
    attrs = {"class": f"{widget.attrs.get('class', '')} {css}".strip()}
    if field.errors:
        attrs["class"] += " is-invalid"
        attrs["aria-invalid"] = "true"
        # The error first, then the help text when there is one (includes/field.html).
        described_by = [f"{field.auto_id}-error"]
        if field.help_text:
            described_by.append(f"{field.auto_id}_helptext")
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)
