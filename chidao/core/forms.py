"""Form helpers every app's views share."""

from django import forms
from django.core.exceptions import ValidationError


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's refusal on the form that asked for the change.

    Services check their own rules and raise ``ValidationError`` with one message, a list,
    or a dict keyed by the field they concern. A key the form has is shown next to that
    field; any other key (a model field the form does not show, ``__all__``) and a plain
    message go above the form, so no refusal is ever lost or turned into a 500.
    """
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)
