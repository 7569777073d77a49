from django.urls import path

from chidao.indicators import views

app_name = "indicators"

# Also in this namespace: an indicator's page (<int:pk>/, name indicator_detail) shows its tasks;
# it lives in chidao.assignments (urls.py) and chidao/urls.py adds it here.
urlpatterns = [
    path("", views.indicator_list, name="indicator_list"),
    path("nhap-so-lieu/", views.data_entry, name="data_entry"),
    path("nhap-so-lieu/don-vi/<int:unit_pk>/", views.data_entry, name="unit_data_entry"),
    path("duyet-so-lieu/", views.review, name="review"),
    path("so-lieu/<int:pk>/duyet/", views.observation_approve, name="observation_approve"),
    path("so-lieu/<int:pk>/tra-lai/", views.observation_return, name="observation_return"),
    path("so-lieu/<int:pk>/minh-chung/", views.observation_evidence, name="observation_evidence"),
]
