from django.urls import path

from chidao.imports import views

app_name = "imports"

urlpatterns = [
    path("", views.import_index, name="index"),
    path("mau/nhiem-vu/", views.task_template, name="task_template"),
    path("mau/chi-tieu/", views.indicator_template, name="indicator_template"),
    path("ban-chi-dao/<int:committee_pk>/nhiem-vu/", views.task_upload, name="task_upload"),
    path("ban-chi-dao/<int:committee_pk>/ten-goi-khac/", views.alias_create, name="alias_create"),
    path(
        "ban-chi-dao/<int:committee_pk>/chi-tieu/",
        views.indicator_upload,
        name="indicator_upload",
    ),
    path(
        "ban-chi-dao/<int:committee_pk>/so-lieu/",
        views.observation_upload,
        name="observation_upload",
    ),
    path("<int:pk>/", views.task_preview, name="task_preview"),
    path("<int:pk>/so-lieu/", views.observation_preview, name="observation_preview"),
    path("<int:pk>/so-lieu/ghi/", views.observation_commit, name="observation_commit"),
    path("<int:pk>/chi-tieu/", views.indicator_preview, name="indicator_preview"),
    path("<int:pk>/chi-tieu/ghi/", views.indicator_commit, name="indicator_commit"),
    path("<int:pk>/ghi/", views.task_commit, name="task_commit"),
    path("<int:pk>/tien-do/", views.task_progress, name="task_progress"),
    path("<int:pk>/quyet-dinh/", views.task_decide, name="task_decide"),
]

# Reading draft tasks out of directive text feeds the task import, so the page lives
# here; chidao/urls.py adds it to the overlap namespace, where its address and name
# ("overlap:draft_from_text") have always been.
overlap_pages = [
    path(
        "ban-chi-dao/<int:committee_pk>/soan-tu-van-ban/",
        views.draft_from_text,
        name="draft_from_text",
    ),
]
