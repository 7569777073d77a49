from django.urls import path

from chidao.assignments.filtersets import PICKERS
from chidao.assignments.views import chains, documents, indicators, overview, reports, tasks

app_name = "assignments"

urlpatterns: list = [
    path("", tasks.task_list, name="task_list"),
    path("cua-don-vi/", tasks.unit_tasks, name="unit_tasks"),
    path("xuat-excel/", tasks.task_export, name="task_export"),
    # The filter pickers' choices (htmx), one address per picker.
    *(
        path(f"loc/{name}/", tasks.task_filter_options, {"name": name}, name=f"task_filter_{name}")
        for name in PICKERS
    ),
    path("giao-moi/", tasks.task_create, name="task_create"),
    path("<int:pk>/", tasks.task_detail, name="task_detail"),
    path("<int:pk>/sua/", tasks.task_edit, name="task_edit"),
    path("<int:pk>/chia-nho/", tasks.task_breakdown, name="task_breakdown"),
    path("chuoi-phu-thuoc/<int:pk>/", chains.dependency_chains, name="dependency_chains"),
    # Reports, reviews, deadline changes, directions (views/reports.py)
    path("thuong-truc/", reports.secretariat_home, name="secretariat_home"),
    path("bao-cao/cho-duyet/", reports.unit_approvals, name="unit_approvals"),
    path("<int:pk>/bao-cao/", reports.progress_create, name="progress_create"),
    path(
        "bao-cao/<int:pk>/lanh-dao-duyet/",
        reports.progress_approve_unit,
        name="progress_approve_unit",
    ),
    path("bao-cao/<int:pk>/xem-xet/", reports.progress_review, name="progress_review"),
    path(
        "<int:pk>/dieu-chinh-thoi-han/",
        reports.deadline_change_request,
        name="deadline_change_request",
    ),
    path(
        "dieu-chinh-thoi-han/<int:pk>/",
        reports.deadline_change_decide,
        name="deadline_change_decide",
    ),
    path("<int:pk>/chi-dao/", reports.direction_create, name="direction_create"),
    path("minh-chung/<int:pk>/", reports.evidence_download, name="evidence_download"),
]

# Pages that show tasks next to another app's object. They live here because they read
# tasks; chidao/urls.py adds them to that app's namespace, so their addresses and names
# ("committees:overview", "documents:document_detail", "indicators:indicator_detail")
# stay as they were.
committee_pages = [path("tong-quan/", overview.overview, name="overview")]
document_pages = [path("<int:pk>/", documents.document_detail, name="document_detail")]
indicator_pages = [path("<int:pk>/", indicators.indicator_detail, name="indicator_detail")]
