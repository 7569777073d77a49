"""A chain of three dependent tasks in the Nam Định demo: the early warning at work.

The provincial data centre (III.13) has stalled; the health-data connection (III.14)
waits for it, and electronic health records (III.15) wait for the connection. The two
later tasks keep their own pace, yet the forecast moves them with the data centre: the
demo's "Nguy cơ chậm" panels and ``manage.py tasks_at_risk`` show the slippage moving
down the chain, each step with its reasons. Written through the services, as clicks would.
"""

from dataclasses import dataclass
from datetime import timedelta

from chidao.assignments.services import (
    do_create_task,
    do_review_progress,
    do_set_task_dependencies,
    do_submit_progress,
)
from chidao.demo import content


@dataclass(frozen=True)
class ChainTask:
    code: str
    title: str
    lead: str
    coordinating: tuple[str, ...]
    output: str
    deadline_in_days: int
    # (days ago, percent, what was done): the lead unit's reports, oldest first
    reports: tuple[tuple[int, int, str], ...]
    difficulty: str = ""


ASSIGNED_DAYS_AGO = 240

CHAIN = (
    ChainTask(
        "III.13",
        "Xây dựng Trung tâm dữ liệu dùng chung của tỉnh, giai đoạn 1",
        "ND-SKHCN",
        ("ND-STC",),
        "Trung tâm dữ liệu vận hành",
        60,
        (
            (200, 10, "Hoàn thành khảo sát hiện trạng hạ tầng máy chủ của các sở, ngành."),
            (130, 20, "Trình thẩm định chủ trương đầu tư."),
            (60, 25, "Chờ bố trí vốn đầu tư công để lựa chọn nhà thầu."),
            (15, 30, "Vẫn chờ bố trí vốn; chưa lựa chọn được nhà thầu."),
        ),
        "Chưa được bố trí vốn đầu tư công năm nay.",
    ),
    ChainTask(
        "III.14",
        "Kết nối cơ sở dữ liệu chuyên ngành y tế vào Trung tâm dữ liệu dùng chung của tỉnh",
        "ND-SYT",
        ("ND-SKHCN",),
        "Cơ sở dữ liệu y tế được kết nối, chia sẻ",
        150,
        (
            (150, 30, "Chuẩn hóa danh mục dữ liệu khám chữa bệnh."),
            (70, 55, "Hoàn thành làm sạch dữ liệu của 9 bệnh viện tuyến tỉnh."),
            (12, 75, "Sẵn sàng kết nối, chờ hạ tầng Trung tâm dữ liệu."),
        ),
    ),
    ChainTask(
        "III.15",
        "Triển khai hồ sơ sức khỏe điện tử cho người dân trên dữ liệu y tế đã kết nối",
        "ND-SYT",
        ("ND-SKHCN", "ND-VNPT"),
        "Hồ sơ sức khỏe điện tử của người dân",
        270,
        (
            (100, 20, "Ban hành kế hoạch triển khai hồ sơ sức khỏe điện tử."),
            (40, 40, "Tập huấn cho các trạm y tế xã."),
            (10, 50, "Thí điểm tại 3 trạm y tế."),
        ),
    ),
)


def load_demo_chain(loader) -> None:
    """Create the chain in the Nam Định committee, with its reports and dependencies."""
    committee_row = content.NAM_DINH
    committee = loader.committees[committee_row.key]
    secretariat = loader.accounts[committee_row.secretariat]
    today = loader.today
    previous = None
    for item in CHAIN:
        deadline = today + timedelta(days=item.deadline_in_days)
        task = do_create_task(
            committee=committee,
            by=secretariat,
            lead_unit=loader.units[item.lead],
            title=item.title,
            deadline_text=f"{deadline:%d/%m/%Y}",
            assigned_on=today - timedelta(days=ASSIGNED_DAYS_AGO),
            coordinating_units=[loader.units[code] for code in item.coordinating],
            code=item.code,
            group=loader.groups[(committee_row.key, "III")],
            source_document=loader.documents[committee_row.source],
            expected_output=item.output,
            focal_person=loader.focal_people[item.lead],
        )
        reporter = loader.reporters[item.lead]
        reviewer = loader._reviewer(committee_row, reporter)
        for days_ago, percent, results in item.reports:
            update = do_submit_progress(
                task=task,
                unit=task.lead_unit,
                by=reporter,
                reported_on=today - timedelta(days=days_ago),
                percent=percent,
                results=results,
                difficulties=item.difficulty,
            )
            loader.progress_updates += 1
            loader.pass_unit_head(update)
            do_review_progress(update=update, by=reviewer, accept=True)
        if previous is not None:
            do_set_task_dependencies(task=task, by=secretariat, depends_on=[previous])
        loader.tasks[(committee_row.key, item.code)] = task
        previous = task
