"""Keyset pagination: a page starts after the last row's sort key, not after N rows.

``OFFSET 150000`` reads and drops 150,000 rows before it answers, so page 3,000 of a long
list cost what 3,000 pages cost. A keyset page asks for the rows "after this key" in the
list's order: with an index that matches the order the database walks straight to the
key, so every page costs what the first one does. The page and the API share this one
implementation.

The cursor is opaque and signed (``django.core.signing``) with the ordering in its salt:
a cursor changed by hand, or carried over to another sort, is refused as a
``CursorError`` and never reaches a query. NULL counts as larger than every value on
both engines (``nulls_last`` ascending, ``nulls_first`` descending), so SQLite and
PostgreSQL page the same rows.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.db.models import F, Field, Q, QuerySet

SALT = "chidao.core.keyset"


class CursorError(ValueError):
    """A cursor that was not made by this list, or was altered."""


@dataclass(frozen=True)
class KeysetPage:
    """One page of rows and the cursors of its neighbours (``None``: no such page)."""

    rows: list
    next_cursor: str | None
    previous_cursor: str | None


def get_keyset_page(
    queryset: QuerySet, ordering: Sequence[str], *, cursor: str | None, size: int
) -> KeysetPage:
    """The page of ``queryset`` in ``ordering`` that ``cursor`` points to (the first page
    without one). ``ordering`` is Django's ``order_by`` spelling and must end with a
    unique field (``pk``), so that no two rows share a key.

    Raises ``CursorError`` for a cursor this list did not make.
    """
    ordering = tuple(ordering)
    backwards, key = _decode(queryset, ordering, cursor) if cursor else (False, None)
    walk = _reverse(ordering) if backwards else ordering
    rows_query = queryset.order_by(*_order_expressions(queryset, walk))
    if key is not None:
        rows_query = rows_query.filter(_after(queryset, walk, key))
    rows = list(rows_query[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    if backwards:
        rows.reverse()
    if not rows:
        return KeysetPage(rows=[], next_cursor=None, previous_cursor=None)
    has_next = more if not backwards else True
    has_previous = more if backwards else key is not None
    return KeysetPage(
        rows=rows,
        next_cursor=_encode(ordering, rows[-1], backwards=False) if has_next else None,
        previous_cursor=_encode(ordering, rows[0], backwards=True) if has_previous else None,
    )


def get_cursor_after(ordering: Sequence[str], row: Any) -> str:
    """The cursor of the page that starts just after ``row`` (benchmarks jump deep with it)."""
    return _encode(tuple(ordering), row, backwards=False)


def _reverse(ordering: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name[1:] if name.startswith("-") else f"-{name}" for name in ordering)


def _order_expressions(queryset: QuerySet, ordering: tuple[str, ...]) -> list:
    # The NULLS modifier only where a NULL can be: on a NOT NULL column it would keep
    # SQLite from walking an index in the list's order.
    expressions = []
    for name in ordering:
        field = name.lstrip("-")
        nullable = _is_nullable(queryset, field)
        if name.startswith("-"):
            expressions.append(F(field).desc(nulls_first=True) if nullable else F(field).desc())
        else:
            expressions.append(F(field).asc(nulls_last=True) if nullable else F(field).asc())
    return expressions


def _after(queryset: QuerySet, ordering: tuple[str, ...], key: list) -> Q:
    """Rows strictly after ``key`` in ``ordering`` (NULL larger than every value)."""
    condition = Q(pk__in=[])  # nothing is after the last field of an equal key
    for name, value in reversed(list(zip(ordering, key, strict=True))):
        field = name.lstrip("-")
        nullable = _is_nullable(queryset, field)
        if name.startswith("-"):
            if value is None:
                later, equal = Q(**{f"{field}__isnull": False}), Q(**{f"{field}__isnull": True})
            else:
                later, equal = Q(**{f"{field}__lt": value}), Q(**{field: value})
        elif value is None:
            later, equal = Q(pk__in=[]), Q(**{f"{field}__isnull": True})
        else:
            later = Q(**{f"{field}__gt": value})
            if nullable:
                later |= Q(**{f"{field}__isnull": True})
            equal = Q(**{field: value})
        condition = later | (equal & condition)
    return condition


def _is_nullable(queryset: QuerySet, name: str) -> bool:
    # An annotation may be NULL whatever its output field says.
    return name in queryset.query.annotations or _field(queryset, name).null


def _field(queryset: QuerySet, name: str) -> Field:
    """The model field or annotation behind ``name`` (``committee__name``, ``pk``)."""
    annotation = queryset.query.annotations.get(name)
    if annotation is not None:
        return annotation.output_field
    model = queryset.model
    *path, last = name.split("__")
    for part in path:
        model = model._meta.get_field(part).related_model
    return model._meta.pk if last == "pk" else model._meta.get_field(last)


def _value(row: Any, name: str) -> Any:
    value = row
    for part in name.lstrip("-").split("__"):
        value = None if value is None else getattr(value, part)
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return value


def _encode(ordering: tuple[str, ...], row: Any, *, backwards: bool) -> str:
    key = [_value(row, name) for name in ordering]
    return signing.dumps(["p" if backwards else "n", key], salt=_salt(ordering), compress=True)


def _decode(queryset: QuerySet, ordering: tuple[str, ...], cursor: str) -> tuple[bool, list]:
    try:
        direction, key = signing.loads(cursor, salt=_salt(ordering))
        if direction not in ("n", "p") or len(key) != len(ordering):
            raise CursorError(cursor)
        values = [
            None if value is None else _field(queryset, name.lstrip("-")).to_python(value)
            for name, value in zip(ordering, key, strict=True)
        ]
    except (signing.BadSignature, ValidationError, TypeError, ValueError) as error:
        raise CursorError(cursor) from error
    return direction == "p", values


def _salt(ordering: tuple[str, ...]) -> str:
    return f"{SALT}:{','.join(ordering)}"
