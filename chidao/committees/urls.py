from django.urls import path

from chidao.committees import views

app_name = "committees"

# Also in this namespace: the leader's overview (tong-quan/, name overview) is a task page;
# it lives in chidao.assignments (urls.py) and chidao/urls.py adds it here.
urlpatterns = [
    path("", views.committee_list, name="committee_list"),
    path("<int:pk>/", views.committee_detail, name="committee_detail"),
]
