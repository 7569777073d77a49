"""A count of task statuses written in plain SQL, independently of the ORM annotation.

Tests compare the count table with it; it must never import the code it checks.
"""

import datetime as dt

from django.db import connection

from chidao.assignments.counts import get_count_table
from chidao.assignments.models import Task

STATUS_SQL = """
SELECT t.lead_unit_id,
       SUM(CASE WHEN t.status = 'done_on_time' THEN 1 ELSE 0 END),
       SUM(CASE WHEN t.status = 'done_late' THEN 1 ELSE 0 END),
       SUM(CASE WHEN t.status = 'in_progress' THEN 1 ELSE 0 END),
       SUM(CASE WHEN t.status = 'overdue' THEN 1 ELSE 0 END),
       SUM(CASE WHEN t.status = 'ongoing' THEN 1 ELSE 0 END),
       SUM(CASE WHEN t.status = 'paused' THEN 1 ELSE 0 END),
       SUM(CASE WHEN t.status = 'cancelled' THEN 1 ELSE 0 END)
FROM (
    SELECT d.lead_unit_id,
           CASE
               WHEN d.assigned_on > %(as_of)s THEN 'not_yet_assigned'
               WHEN d.state = 'completed' AND d.completed_on <= %(as_of)s
                    AND (d.deadline_then IS NULL OR d.completed_on <= d.deadline_then)
                    THEN 'done_on_time'
               WHEN d.state = 'completed' AND d.completed_on <= %(as_of)s THEN 'done_late'
               WHEN d.state = 'paused' AND d.stopped_on <= %(as_of)s THEN 'paused'
               WHEN d.state = 'cancelled' AND d.stopped_on <= %(as_of)s THEN 'cancelled'
               WHEN d.deadline_then IS NULL THEN 'ongoing'
               WHEN d.deadline_then < %(as_of)s THEN 'overdue'
               ELSE 'in_progress'
           END AS status
    FROM (
        SELECT task.*,
               COALESCE(
                   (SELECT c.old_deadline FROM assignments_deadlinechange c
                    WHERE c.task_id = task.id AND c.decision = 'approved'
                      AND c.decided_on > %(as_of)s
                    ORDER BY c.decided_on, c.id LIMIT 1),
                   task.deadline
               ) AS deadline_then
        FROM assignments_task task
        WHERE task.committee_id = %(committee)s
    ) d
) t
WHERE t.status <> 'not_yet_assigned'
GROUP BY t.lead_unit_id
"""
COLUMNS = ("done_on_time", "done_late", "in_progress", "overdue", "ongoing", "paused", "cancelled")


def count_by_plain_sql(committee_id: int, as_of: dt.date) -> dict[int, dict[str, int]]:
    """Counts per lead unit, written independently of the ORM annotation."""
    with connection.cursor() as cursor:
        cursor.execute(STATUS_SQL, {"as_of": as_of, "committee": committee_id})
        return {
            row[0]: dict(zip(COLUMNS, map(int, row[1:]), strict=True)) for row in cursor.fetchall()
        }


def count_by_table(committee, as_of: dt.date) -> dict[int, dict[str, int]]:
    table = get_count_table(Task.objects.filter(committee=committee), as_of=as_of, by="lead_unit")
    return {row.key: {name: getattr(row, name) for name in COLUMNS} for row in table.rows}
