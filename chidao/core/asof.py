"""The one reading of "as of which day" a page or a file shows: ``?as_of=``.

The dashboard, the ranking, the task list, a cycle's board and report and a meeting's
follow-up all count things on a day. They read that day from the same parameter in the
same way: dd/mm/yyyy as offices write it, or ISO yyyy-mm-dd as a date input sends it.
A date that cannot be read never fails the page: it shows the default day (today) and
says so. Older links of the reporting and meeting pages said ``?ngay=``; those views
answer them with a permanent redirect to the same address with ``?as_of=``.
"""

import functools
from collections.abc import Callable
from datetime import date, datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponsePermanentRedirect
from django.utils import timezone
from django.utils.translation import gettext as _

AS_OF = "as_of"
LEGACY_AS_OF = "ngay"
AS_OF_FORMATS = ("%d/%m/%Y", "%Y-%m-%d")
# Years a report can be about; outside them date arithmetic (a year earlier, three months
# earlier) could leave the calendar, so such a "date" is treated as unreadable.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def parse_as_of(value: object, *, default: date | None = None) -> date | None:
    """The day ``value`` names (dd/mm/yyyy or yyyy-mm-dd), or ``default`` when it is blank
    or names no day (31/02/2025, 2025-13-01, text)."""
    text = str(value or "").strip()
    for pattern in AS_OF_FORMATS:
        try:
            day = datetime.strptime(text, pattern).date()  # noqa: DTZ007 -- a date, no time
        except ValueError:
            continue
        if FIRST_YEAR <= day.year <= LAST_YEAR:
            return day
    return default


def get_as_of(request, *, default: date | None = None, notify: bool = True) -> date:
    """The day ``?as_of=`` asks for; ``default`` (today) when absent or unreadable.

    Args:
        request: the request whose GET is read.
        default: the day shown when none is asked for; today in Hà Nội when None.
        notify: whether an unreadable date adds a message saying which day is shown
            instead. Downloads pass False: the file names its day, and a message would
            only surface later on an unrelated page.
    """
    default = default or timezone.localdate()
    text = request.GET.get(AS_OF, "")
    day = parse_as_of(text)
    if day is not None:
        return day
    if notify and text.strip():
        messages.warning(
            request,
            _(
                "Không đọc được ngày “%(text)s” (ghi theo dạng dd/mm/yyyy); "
                "số liệu tính đến ngày %(date)s."
            )
            % {"text": text.strip()[:40], "date": f"{default:%d/%m/%Y}"},
        )
    return default


class AsOfField(forms.DateField):
    """A form field for the as-of day that reads text as ``parse_as_of`` does, so a form
    (the task list's filters) accepts exactly what the other pages accept."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        day = parse_as_of(value)
        if day is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return day


def redirect_legacy_as_of(view: Callable) -> Callable:
    """Answer an old link with ``?ngay=`` by a permanent redirect to the same address with
    ``?as_of=`` (the other parameters kept), so bookmarks and sent links keep working."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if LEGACY_AS_OF not in request.GET:
            return view(request, *args, **kwargs)
        query = request.GET.copy()
        values = query.pop(LEGACY_AS_OF)
        if AS_OF not in query:
            query.setlist(AS_OF, values)
        target = request.path + (f"?{query.urlencode()}" if query else "")
        return HttpResponsePermanentRedirect(target)

    return wrapper
