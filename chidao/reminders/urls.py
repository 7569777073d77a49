from django.urls import path

from chidao.reminders import views

app_name = "reminders"

urlpatterns = [
    path("", views.notification_list, name="notification_list"),
    path("<int:pk>/da-doc/", views.mark_read, name="mark_read"),
    path("da-doc-tat-ca/", views.mark_all_read, name="mark_all_read"),
    path("tuy-chon/", views.preferences, name="preferences"),
    path("da-gui/", views.sent_list, name="sent_list"),
]
