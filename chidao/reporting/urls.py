from django.urls import path

from chidao.reporting import views

app_name = "reporting"

urlpatterns = [
    path("", views.cycle_list, name="cycle_list"),
    path("mo-ky/", views.cycle_create, name="cycle_create"),
    path("lich-nam/", views.schedule_create, name="schedule_create"),
    path("ky/<int:pk>/", views.cycle_detail, name="cycle_detail"),
    path("ky/<int:pk>/sua/", views.cycle_edit, name="cycle_edit"),
    path("ky/<int:pk>/dong-mo/", views.cycle_close, name="cycle_close"),
    path("ky/<int:pk>/bao-cao.docx", views.report_docx, name="report_docx"),
    path("ky/<int:pk>/bao-cao.pdf", views.report_pdf, name="report_pdf"),
    path("ky/<int:pk>/phu-luc.xlsx", views.report_xlsx, name="report_xlsx"),
    path("ky/<int:pk>/tinh-hinh-nop.csv", views.cycle_board_csv, name="cycle_board_csv"),
    path("ky/<int:pk>/tinh-hinh-nop.xlsx", views.cycle_board_xlsx, name="cycle_board_xlsx"),
    path("don-vi/<int:pk>/", views.submission_detail, name="submission_detail"),
    path("don-vi/<int:pk>/duyet/", views.submission_approve, name="submission_approve"),
    path("don-vi/<int:pk>/tra-lai/", views.submission_return, name="submission_return"),
    path("mau/<int:committee_pk>/", views.report_template, name="report_template"),
    path(
        "mau/<int:committee_pk>/mau-bao-cao.docx",
        views.report_template_download,
        name="report_template_download",
    ),
]
