from django.urls import path

from chidao.dashboards import views

app_name = "dashboards"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.committee_dashboard, name="committee_dashboard"),
    path("<int:pk>/nguy-co-cham/", views.committee_at_risk, name="committee_at_risk"),
    path("<int:pk>/xep-hang/", views.unit_ranking, name="unit_ranking"),
    path("<int:pk>/xep-hang/xuat-excel/", views.unit_ranking_xlsx, name="unit_ranking_xlsx"),
    path("<int:pk>/danh-gia/", views.unit_evaluation, name="unit_evaluation"),
    path("<int:pk>/danh-gia/word/", views.unit_evaluation_docx, name="unit_evaluation_docx"),
    path("<int:pk>/danh-gia/excel/", views.unit_evaluation_xlsx, name="unit_evaluation_xlsx"),
    path("<int:pk>/trong-so/", views.evaluation_weights, name="evaluation_weights"),
    path("<int:pk>/goc-nhin/", views.saved_view_create, name="saved_view_create"),
    path("goc-nhin/<int:pk>/xoa/", views.saved_view_delete, name="saved_view_delete"),
    path("<int:pk>/cong-khai/", views.publication_settings, name="publication_settings"),
    path("cong-khai/", views.public_index, name="public_index"),
    path("cong-khai/<int:pk>/", views.public_committee, name="public_committee"),
]
