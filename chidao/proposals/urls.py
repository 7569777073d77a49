from django.urls import path

from chidao.proposals import views

app_name = "proposals"

urlpatterns = [
    path("gui/", views.public_submit, name="public_submit"),
    path("tra-cuu/", views.public_track, name="public_track"),
    path("tra-loi/", views.public_answers, name="public_answers"),
    path("", views.proposal_list, name="proposal_list"),
    path("<int:pk>/", views.proposal_detail, name="proposal_detail"),
    path(
        "<int:pk>/tep/<int:attachment_pk>/",
        views.proposal_attachment,
        name="proposal_attachment",
    ),
    path("<int:pk>/chuyen/", views.proposal_route, name="proposal_route"),
    path("<int:pk>/du-thao/", views.proposal_draft, name="proposal_draft"),
    path("<int:pk>/duyet/", views.proposal_approve, name="proposal_approve"),
]
