"""URLs for ``bench/request_cpu.py``: the site's, plus an empty signed-in page that renders
only the base template (the overhead every page pays). Never in the site's URLconf."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import include, path

# Django reads the error pages' views from the URLconf in use: the same as the site's.
from chidao.urls import handler400, handler403, handler404, handler500  # noqa: F401


@login_required
def empty(request):
    return render(request, "base.html")


urlpatterns = [
    path("bench-empty/", empty),
    path("", include("chidao.urls")),
]
