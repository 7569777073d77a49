"""The ``history`` counts version (``committees.versions.HISTORY``): changed, with
``statuses``, by a write that moves task status spans on a day a year back or more, so a
dashboard can keep last year's figures cached through the writes of this year. It starts
at 0: a cached entry keyed on it is only met once a dashboard has stored one."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("committees", "0009_counts_version_kinds"),
    ]

    operations = [
        migrations.AddField(
            model_name="countsversion",
            name="history",
            field=models.PositiveBigIntegerField(default=0),
        ),
    ]
