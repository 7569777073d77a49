from django.urls import path

from chidao.overlap import views

app_name = "overlap"

urlpatterns = [
    path("", views.report_index, name="report_index"),
    path("nhiem-vu/<int:pk>/", views.similar_tasks, name="similar_tasks"),
    path("ban-chi-dao/<int:committee_pk>/", views.report, name="report"),
    path("ban-chi-dao/<int:committee_pk>/kiem-tra-trung/", views.check_draft, name="check_draft"),
    path(
        "ban-chi-dao/<int:committee_pk>/soan-tu-van-ban/",
        views.draft_from_text,
        name="draft_from_text",
    ),
]
