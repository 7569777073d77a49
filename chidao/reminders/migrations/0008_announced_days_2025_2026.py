"""The days the Government announced for 2025 and 2026, as the hand-kept list had them.

Until now ``reminders/workdays.py`` listed these years by hand; the public holidays now come
from the ``holidays`` package and the announced days from ``AnnouncedDay``, which this
migration fills with what was announced for 2025 and 2026 (bridging days and the Saturdays
worked in exchange).
"""

import datetime

from django.db import migrations

DAY_OFF, WORKING_DAY = "day_off", "working_day"

DAYS = [
    (datetime.date(2025, 1, 27), DAY_OFF, "Nghỉ Tết Ất Tỵ (29 tháng Chạp), Thông báo 6150/TB-BLĐTBXH"),
    (datetime.date(2025, 4, 26), WORKING_DAY, "Làm bù cho ngày nghỉ thứ Sáu 02/05/2025"),
    (datetime.date(2025, 5, 2), DAY_OFF, "Nghỉ dịp 30/4 – 1/5, làm bù thứ Bảy 26/04/2025"),
    (datetime.date(2026, 4, 27), DAY_OFF, "Nghỉ bù Giỗ Tổ Hùng Vương (26/04/2026 là Chủ nhật)"),
    (datetime.date(2026, 8, 22), WORKING_DAY, "Làm bù cho ngày nghỉ thứ Hai 31/08/2026"),
    (datetime.date(2026, 8, 31), DAY_OFF, "Nghỉ dịp Quốc khánh, làm bù thứ Bảy 22/08/2026"),
]


def add_days(apps, schema_editor):
    AnnouncedDay = apps.get_model("reminders", "AnnouncedDay")
    for day, kind, reason in DAYS:
        AnnouncedDay.objects.get_or_create(day=day, defaults={"kind": kind, "reason": reason})


def remove_days(apps, schema_editor):
    AnnouncedDay = apps.get_model("reminders", "AnnouncedDay")
    AnnouncedDay.objects.filter(day__in=[day for day, _kind, _reason in DAYS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reminders", "0007_announced_days"),
    ]

    operations = [
        migrations.RunPython(add_days, remove_days),
    ]
