from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssignmentsConfig(AppConfig):
    name = "chidao.assignments"
    verbose_name = _("Nhiệm vụ")

    def ready(self):
        from django.db.models.signals import pre_delete

        from chidao.assignments.models import Task
        from chidao.assignments.spans import forget_deleted_task

        # A deleted task's spans go by cascade: its steps leave the kept tallies first.
        pre_delete.connect(forget_deleted_task, sender=Task, dispatch_uid="forget_task_spans")
