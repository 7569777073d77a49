from django.urls import path

from chidao.assignments.views import tasks

app_name = "assignments"

urlpatterns: list = [
    path("", tasks.task_list, name="task_list"),
    path("cua-don-vi/", tasks.unit_tasks, name="unit_tasks"),
    path("xuat-excel/", tasks.task_export, name="task_export"),
    path("giao-moi/", tasks.task_create, name="task_create"),
    path("<int:pk>/", tasks.task_detail, name="task_detail"),
    path("<int:pk>/sua/", tasks.task_edit, name="task_edit"),
    path("<int:pk>/chia-nho/", tasks.task_breakdown, name="task_breakdown"),
]
