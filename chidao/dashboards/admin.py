from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from chidao.dashboards.models import EvaluationWeights, Publication, SavedView


@admin.register(EvaluationWeights)
class EvaluationWeightsAdmin(SimpleHistoryAdmin):
    list_display = ("committee", "on_time", "overdue", "reporting", "indicators", "lead",
                    "coordinating")  # fmt: skip


@admin.register(Publication)
class PublicationAdmin(SimpleHistoryAdmin):
    list_display = ("committee", "is_published", "show_task_counts", "updated_at")
    filter_horizontal = ("indicators",)


@admin.register(SavedView)
class SavedViewAdmin(SimpleHistoryAdmin):
    list_display = ("name", "committee", "group", "key_tasks_only", "is_pinned")
    filter_horizontal = ("units", "indicators")
