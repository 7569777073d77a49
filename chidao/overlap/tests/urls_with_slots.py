"""The site's URLs plus two test pages that include the overlap slots as the task pages do."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template import RequestContext, Template
from django.urls import path

from chidao.assignments.models import Task
from chidao.committees.models import Committee
from chidao.urls import urlpatterns as site_urlpatterns

FORM_PAGE = Template(
    """{% extends "base.html" %}{% block content %}
<form method="post" id="task-form">{% csrf_token %}
  <input type="hidden" name="committee" value="{{ committee.pk }}">
  <textarea name="title" id="id_title"></textarea>
  {% include "overlap/includes/check_draft_slot.html" with committee=committee task=None %}
</form>{% endblock %}"""
)
DETAIL_PAGE = Template(
    """{% extends "base.html" %}{% block content %}<h1>{{ task.title }}</h1>
{% include "overlap/includes/similar_tasks_slot.html" with task=task %}{% endblock %}"""
)


@login_required
def form_page(request, committee_pk):
    committee = get_object_or_404(Committee, pk=committee_pk)
    return HttpResponse(FORM_PAGE.render(RequestContext(request, {"committee": committee})))


@login_required
def detail_page(request, pk):
    task = get_object_or_404(Task, pk=pk)
    return HttpResponse(DETAIL_PAGE.render(RequestContext(request, {"task": task})))


urlpatterns = [
    *site_urlpatterns,
    path("thu-nghiem/giao/<int:committee_pk>/", form_page, name="test_task_form"),
    path("thu-nghiem/nhiem-vu/<int:pk>/", detail_page, name="test_task_detail"),
]
