from django.urls import path

from chidao.reminders import views

app_name = "reminders"

urlpatterns = [
    path("", views.notification_list, name="notification_list"),
    path("<int:pk>/da-doc/", views.mark_read, name="mark_read"),
    path("da-doc-tat-ca/", views.mark_all_read, name="mark_all_read"),
    path("tuy-chon/", views.preferences, name="preferences"),
    path("da-gui/", views.sent_list, name="sent_list"),
    path("don-doc/nhiem-vu/<int:pk>/", views.urge_task, name="urge_task"),
    path("don-doc/nhieu-nhiem-vu/", views.urge_tasks, name="urge_tasks"),
    path(
        "don-doc/ban-chi-dao/<int:committee_pk>/don-vi/<int:unit_pk>/",
        views.urge_unit,
        name="urge_unit",
    ),
    path(
        "don-doc/ban-chi-dao/<int:committee_pk>/don-vi/<int:unit_pk>/cong-van.docx",
        views.urge_letter,
        name="urge_letter",
    ),
]
