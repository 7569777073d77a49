"""Background job: commit a big task import (``services.do_queue_task_commit`` queues it).

The job's progress is kept in Huey's own key-value store, which the web processes and the
workers share (the SQLite file or Redis of the queue): the commit's transaction is not
visible to the page until it ends, so the count cannot live in the database.
"""

import logging
from contextlib import suppress

from huey.contrib.djhuey import HUEY, db_task

from chidao.core.resilience import ERRORS

logger = logging.getLogger(__name__)


def _progress_key(import_pk: int) -> str:
    return f"chidao-import-progress-{import_pk}"


def note_progress(import_pk: int, done: int, total: int) -> None:
    """Record that ``done`` rows of ``total`` are written; a queue that cannot be reached
    only loses the figure, never the commit."""
    try:
        HUEY.put(_progress_key(import_pk), (done, total))
    except ERRORS:
        logger.warning("Could not record the progress of import %s.", import_pk)


def get_progress(import_pk: int) -> tuple[int, int] | None:
    """``(done, total)`` of the running commit, or None before it starts writing."""
    try:
        found = HUEY.get(_progress_key(import_pk), peek=True)
    except ERRORS:
        return None
    if not found:
        return None
    done, total = found
    return int(done), int(total)


def clear_progress(import_pk: int) -> None:
    """Forget the figure of an earlier run (read and removed)."""
    with suppress(*ERRORS):
        HUEY.get(_progress_key(import_pk))


@db_task()
def commit_task_import_job(import_pk: int, user_pk: int) -> None:
    from chidao.imports.services import do_run_task_commit

    do_run_task_commit(import_pk=import_pk, user_pk=user_pk)
