"""One counts version per kind of change (``CountsVersion``): the old single version
becomes ``statuses``; ``reports`` and ``indicators`` start at 0 (a dashboard's cached
panels are keyed on all three, so none cached before is met again)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("committees", "0008_counts_version"),
    ]

    operations = [
        migrations.RenameField(model_name="countsversion", old_name="version", new_name="statuses"),
        migrations.AddField(
            model_name="countsversion",
            name="reports",
            field=models.PositiveBigIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="countsversion",
            name="indicators",
            field=models.PositiveBigIntegerField(default=0),
        ),
    ]
