from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "chidao.reminders"
    verbose_name = _("Nhắc việc, thông báo")

    def ready(self) -> None:
        # Registers the periodic jobs with Huey so the consumer (manage.py run_huey) runs them.
        from chidao.assignments.signals import task_event
        from chidao.assignments.timeline import register_timeline_source
        from chidao.reminders import jobs  # noqa: F401 -- registers the Huey jobs
        from chidao.reminders.events import on_task_event
        from chidao.reminders.urging import get_urge_timeline_entries

        task_event.connect(on_task_event, dispatch_uid="reminders-task-event")
        # The secretariat's urges show in the task's timeline.
        register_timeline_source(get_urge_timeline_entries)
