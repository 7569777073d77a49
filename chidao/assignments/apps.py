from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssignmentsConfig(AppConfig):
    name = "chidao.assignments"
    verbose_name = _("Nhiệm vụ")

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

        from chidao.assignments import spans
        from chidao.assignments.models import ForecastSettings, ProgressUpdate, Task, TaskDependency
        from chidao.committees.models import Committee

        # A deleted task's spans go by cascade: its steps leave the kept tallies first.
        pre_delete.connect(spans.forget_deleted_task, sender=Task, dispatch_uid="forget_spans")
        # What else a dashboard shows of tasks moves its "reports" version (cached panels).
        for model in (ProgressUpdate, TaskDependency):
            for signal in (post_save, post_delete):
                signal.connect(
                    spans.bump_for_task_record, sender=model, dispatch_uid=f"bump_{model.__name__}"
                )
        post_save.connect(
            spans.bump_for_committee_record, sender=ForecastSettings, dispatch_uid="bump_forecast"
        )
        # A committee moved under another parent takes its tasks' counts along.
        pre_save.connect(
            spans.remember_tallies_before_a_move, sender=Committee, dispatch_uid="tally_move"
        )
        post_save.connect(
            spans.move_tallies_after_a_move, sender=Committee, dispatch_uid="tally_move"
        )
