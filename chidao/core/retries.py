"""A write that PostgreSQL broke off to end a deadlock is tried again, whole.

PostgreSQL ends a deadlock by aborting one of the transactions in it (SQLSTATE 40P01),
and a serializable transaction that cannot be ordered with the others fails with 40001;
either way the transaction was rolled back entirely, so running the same write again is
safe and almost always succeeds: the other transaction has finished meanwhile. The lock
orders of the write services keep deadlocks away (bench/RESULTS.md, "m-deadlock"); this
is what stands between the rare one left and an HTTP 500.

``RetryWritesMiddleware`` is the one place it happens for pages and the API: every
request that may write (not GET, HEAD, OPTIONS, TRACE) runs its view through
``run_write``. Services open their own transactions (``ATOMIC_REQUESTS`` is off), so a
view is tried again only when nothing of the failed try was committed: a view that
committed one write and failed in a second one (or wrote outside a transaction) would
repeat the first, and answers with the error instead. E-mails, notifications and file
deletions wait for the commit (``transaction.on_commit``), which a rolled-back try
never reaches; a request carrying uploaded files is not tried again (the first try may
have moved its temporary files into storage).
"""

import logging
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections, transaction

logger = logging.getLogger(__name__)

# Deadlock detected; could not serialize access (serializable and repeatable read).
RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})
# Tries of one write in all: a deadlock needs two writers meeting in the wrong order,
# rare enough that a third meeting in a row means something else is wrong.
ATTEMPTS = 3
# The pause before a new try, at most, times the tries so far: the other transaction
# of the deadlock commits meanwhile, and two broken-off writers do not meet again at
# once.
PAUSE_SECONDS = 0.05
WRITE_STATEMENTS = frozenset({"INSERT", "UPDATE", "DELETE", "MERGE", "COPY"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")

_repeatable: ContextVar[bool] = ContextVar("chidao_repeatable_write", default=False)


@contextmanager
def repeatable_write() -> Iterator[None]:
    """Writes in this block do not keep a failed try from being repeated: writing them
    twice is the same as once (an API token's last-used stamp, written as the request is
    authenticated, in a transaction of its own before the view's write)."""
    token = _repeatable.set(True)
    try:
        yield
    finally:
        _repeatable.reset(token)


def is_retryable(error: BaseException) -> bool:
    """Whether ``error`` is PostgreSQL rolling a transaction back to end a deadlock or a
    serialization failure (Django's ``OperationalError`` raised from psycopg's)."""
    return (
        isinstance(error, OperationalError)
        and getattr(error.__cause__, "sqlstate", None) in RETRYABLE_SQLSTATES
    )


class _CommitWatch:
    """Notes when a write statement of the watched try is committed: at once outside a
    transaction, at the commit inside one (never, if it is rolled back)."""

    def __init__(self, using: str):
        self.using = using
        self.committed = False

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        words = sql.split(None, 1) if isinstance(sql, str) else []
        if words and words[0].upper() in WRITE_STATEMENTS and not _repeatable.get():
            transaction.on_commit(self._mark, using=self.using)
        return result

    def _mark(self) -> None:
        self.committed = True


def run_write(
    write: Callable[[], Any],
    *,
    attempts: int = ATTEMPTS,
    using: str = DEFAULT_DB_ALIAS,
    on_retry: Callable[[OperationalError], None] | None = None,
    pause: Callable[[float], None] = time.sleep,
) -> Any:
    """``write()``, tried again (up to ``attempts`` in all) when the database broke its
    transaction off (``is_retryable``) and the whole of it was rolled back: the error
    reached here outside any transaction, and no write of the try had been committed.
    Otherwise the error is raised as it came."""
    connection = connections[using]
    for attempt in range(1, attempts + 1):
        watch = _CommitWatch(using)
        try:
            with connection.execute_wrapper(watch):
                return write()
        except OperationalError as error:
            if (
                attempt == attempts
                or not is_retryable(error)
                or connection.in_atomic_block
                or watch.committed
            ):
                raise
            logger.warning(
                "Write tried again (%s of %s) after %s: %s",
                attempt + 1,
                attempts,
                getattr(error.__cause__, "sqlstate", "?"),
                str(error).splitlines()[0] if str(error) else type(error).__name__,
            )
            if on_retry is not None:
                on_retry(error)
            pause(random.uniform(0, PAUSE_SECONDS) * attempt)
    raise AssertionError("unreachable")  # pragma: no cover


class RetryWritesMiddleware:
    """Runs the view of every request that may write through ``run_write``. Last among
    the view middleware (``process_view``), so that the others (CSRF, rate limits) have
    had their say once, before the first try."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in SAFE_METHODS or not _can_read_again(request):
            return None
        return run_write(lambda: view_func(request, *view_args, **view_kwargs))


def _can_read_again(request) -> bool:
    """Keep the request's data for a second try of its view: a form is parsed now (Django
    keeps ``request.POST``), any other body read into memory (``request.body``, which
    Django and REST framework read again). False when a try could not see it as the first
    did: uploaded files, or a body larger than Django reads into memory."""
    content_type = request.META.get("CONTENT_TYPE", "")
    if content_type.startswith(FORM_TYPES):
        return not request.FILES
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if limit is not None and length > limit:
        return False
    request.body  # noqa: B018 (read and kept for every try)
    return True
