from django import template

from chidao.meetings.access import may_read_meetings
from chidao.meetings.models import ConclusionTask

register = template.Library()


@register.simple_tag(takes_context=True)
def get_task_sources(context, task) -> list[dict]:
    """The conclusions that assigned ``task``, with whether the reader may open the
    meeting (members and secretariat) or only read the conclusion's text."""
    user = context["request"].user
    links = ConclusionTask.objects.filter(task=task).select_related(
        "conclusion__meeting__notice_document"
    )
    return [
        {
            "conclusion": link.conclusion,
            "meeting": link.conclusion.meeting,
            "linked": may_read_meetings(user, link.conclusion.meeting.committee_id),
        }
        for link in links
    ]
