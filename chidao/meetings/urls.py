from django.urls import path

from chidao.meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="meeting_list"),
    path("ban-chi-dao/<int:committee_pk>/them/", views.meeting_create, name="meeting_create"),
    path("<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("<int:pk>/sua/", views.meeting_edit, name="meeting_edit"),
    path("<int:pk>/bien-ban/", views.meeting_minutes_file, name="meeting_minutes_file"),
    path("<int:pk>/ket-luan/them/", views.conclusion_create, name="conclusion_create"),
    path(
        "<int:pk>/thong-bao-ket-luan.docx",
        views.conclusion_notice_docx,
        name="conclusion_notice_docx",
    ),
    path(
        "<int:pk>/thong-bao-ket-luan/vao-so/",
        views.conclusion_notice_register,
        name="conclusion_notice_register",
    ),
    path("<int:pk>/theo-doi-ket-luan/", views.follow_up, name="follow_up"),
    path("<int:pk>/theo-doi-ket-luan.docx", views.follow_up_docx, name="follow_up_docx"),
    path(
        "ban-chi-dao/<int:committee_pk>/kiem-tra/them/",
        views.inspection_create,
        name="inspection_create",
    ),
    path("kiem-tra/<int:pk>/", views.inspection_detail, name="inspection_detail"),
    path("kiem-tra/<int:pk>/ket-qua/them/", views.finding_create, name="finding_create"),
]
