from django.urls import path

from chidao.committees import views

app_name = "committees"

urlpatterns = [
    path("", views.committee_list, name="committee_list"),
    path("tong-quan/", views.overview, name="overview"),
    path("<int:pk>/", views.committee_detail, name="committee_detail"),
]
