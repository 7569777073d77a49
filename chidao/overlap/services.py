"""The overlap app's writes: a committee's own table of short forms.

Callers have checked that the acting user manages the committee (``access_committee(…,
"manage")``). Each write is one transaction with its history row (django-simple-history,
attributed to the acting user). Nothing is sent: the tree's overlap index notices the
change on its next read (``finder.get_tree_index`` counts the tree's short forms) and is
built anew with it.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from chidao.core.history import set_history_user
from chidao.overlap.models import ShortForm


@transaction.atomic(durable=True)
def do_add_short_form(*, committee, short: str, full: str, acting_user) -> ShortForm:
    """Add the short form ``short`` meaning ``full`` to ``committee``'s table.

    Raises ``ValidationError`` keyed by field (``short``, ``full``) for a short form that
    is empty, too long, not written as a short form, or already in the table, and for
    full words that are empty, too long or the short form itself; nothing is written then.
    Returns the new row.
    """
    short_form = ShortForm(committee=committee, short=short, full=full, created_by=acting_user)
    # The duplicate is told next to the short form by ``clean``; the constraint's own
    # message would say it again above the form.
    short_form.full_clean(validate_constraints=False)
    set_history_user(short_form, acting_user)
    try:
        # Two secretaries adding one short form at once: the second is told, not a 500.
        with transaction.atomic():
            short_form.save()
    except IntegrityError as error:
        raise ValidationError(
            {"short": _("Ban Chỉ đạo đã có từ viết tắt “%(short)s”.") % {"short": short_form.short}}
        ) from error
    return short_form


@transaction.atomic(durable=True)
def do_delete_short_form(*, short_form: ShortForm, acting_user) -> None:
    """Remove ``short_form`` from its committee's table (its history keeps who and when)."""
    set_history_user(short_form, acting_user)
    short_form.delete()
