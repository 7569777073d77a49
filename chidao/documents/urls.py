from django.urls import path

from chidao.documents import views

app_name = "documents"

# Also in this namespace: a document's page (<int:pk>/, name document_detail) shows its tasks;
# it lives in chidao.assignments (urls.py) and chidao/urls.py adds it here.
urlpatterns = [
    path("", views.document_list, name="document_list"),
    path("vao-so/", views.document_create, name="document_create"),
    path("<int:pk>/tep/", views.document_file, name="document_file"),
]
