from django.urls import path

from chidao.overlap import views

app_name = "overlap"

# Also in this namespace: drafting tasks from directive text (ban-chi-dao/<pk>/soan-tu-
# van-ban/, name draft_from_text); it lives in chidao.imports and chidao/urls.py adds it.
urlpatterns = [
    path("", views.report_index, name="report_index"),
    path("nhiem-vu/<int:pk>/", views.similar_tasks, name="similar_tasks"),
    path("ban-chi-dao/<int:committee_pk>/", views.report, name="report"),
    path("ban-chi-dao/<int:committee_pk>/kiem-tra-trung/", views.check_draft, name="check_draft"),
    path("ban-chi-dao/<int:committee_pk>/viet-tat/", views.short_forms, name="short_forms"),
    path("viet-tat/<int:pk>/xoa/", views.short_form_delete, name="short_form_delete"),
]
