"""Pure rules of proposals: contacts, and the limits that keep the public form usable."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

MAX_PER_IP_PER_HOUR = 5
MAX_PER_CONTACT_PER_DAY = 3
MAX_CONTENT_CHARS = 10_000
MAX_ATTACHMENTS = 3
# The public form's sum challenge is answered within two hours, and only once.
CHALLENGE_MAX_AGE_SECONDS = 2 * 3600

_PHONE = re.compile(r"^(?:\+?84|0)\d{8,10}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def parse_contact(value: str) -> str:
    """The contact as a key: an email in lower case, or a phone as "0…" digits.

    "+84 912 345 678", "0912.345.678" and "0912345678" are the same sender. Raises
    ``ValidationError`` when it is neither.
    """
    value = (value or "").strip()
    if "@" in value:
        try:
            validate_email(value)
        except ValidationError:
            raise ValidationError(_("Email không hợp lệ.")) from None
        return value.lower()
    digits = re.sub(r"[\s.\-()]", "", value)
    if not _PHONE.match(digits):
        raise ValidationError(
            _("Ghi số điện thoại (ví dụ 0912 345 678) hoặc email để nhận phản hồi.")
        )
    digits = digits.lstrip("+")
    if digits.startswith("84"):
        digits = "0" + digits[2:]
    return digits


def clean_public_text(value: str) -> str:
    """Text from the public form without control characters; markup stays as typed
    (pages escape it)."""
    return _CONTROL.sub("", value or "").strip()
