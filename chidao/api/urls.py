from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from chidao.api import pages, views

app_name = "api"

router = SimpleRouter()
router.register("tasks", views.TaskViewSet, basename="task")
router.register("units", views.UnitViewSet, basename="unit")
router.register("committees", views.CommitteeViewSet, basename="committee")
router.register("indicators", views.IndicatorViewSet, basename="indicator")
router.register("observations", views.ObservationViewSet, basename="observation")
router.register("documents", views.DocumentViewSet, basename="document")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script from this URL with ?script, so
    # the page needs no inline script (Content-Security-Policy script-src 'self').
    path("docs/", pages.api_docs, name="docs"),
    path("khoa/", pages.token_list, name="token_list"),
    path("khoa/<int:pk>/thu-hoi/", pages.token_revoke, name="token_revoke"),
    path("ban-chi-dao/<int:committee_pk>/webhook/", pages.webhook_list, name="webhook_list"),
    path("webhook/<int:pk>/ngung/", pages.webhook_stop, name="webhook_stop"),
]
