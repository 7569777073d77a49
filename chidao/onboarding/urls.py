from django.urls import path

from chidao.onboarding import views

app_name = "onboarding"

urlpatterns = [
    path("", views.onboarding_start, name="start"),
    path("<int:pk>/", views.onboarding_preview, name="preview"),
    path("<int:pk>/tao/", views.onboarding_commit, name="commit"),
    path("ban-chi-dao/<int:committee_pk>/tai-khoan/", views.committee_accounts, name="accounts"),
    path("lan-dau/", views.first_sign_in, name="first_sign_in"),
]
