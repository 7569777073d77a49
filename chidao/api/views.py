"""API endpoints: the pages' data for other systems, behind the pages' gates.

Every list starts from the same ``visible_to(user)`` queryset as its page (tasks through
``assignments.filtersets.TaskFilterSet``, so page, export and API agree); every object
comes through the app's ``access_…`` gate, so a hidden object is a 404 and a refused
action a 403, exactly as on the pages. Writes go through the apps' services.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, viewsets
from rest_framework.decorators import action
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from chidao.api.concurrency import EditConflictSerializer, conflict_response
from chidao.api.exports import (
    build_upper_level_export,
    build_upper_level_xlsx,
    parse_export_period,
)
from chidao.api.pagination import KeysetPagination
from chidao.api.serializers import (
    CommitteeSerializer,
    CountTableSerializer,
    DeadlineChangeSerializer,
    DocumentSerializer,
    IndicatorSerializer,
    ObservationEntrySerializer,
    ObservationSerializer,
    ProgressUpdateSerializer,
    TaskSerializer,
    UnitSerializer,
)
from chidao.assignments.access import TaskAction, access_task
from chidao.assignments.choices import TaskStatus
from chidao.assignments.counts import get_count_table
from chidao.assignments.filtersets import SORT_CHOICES, TaskFilterSet
from chidao.assignments.models import DeadlineChange, ProgressUpdate, Task
from chidao.assignments.services import do_submit_progress
from chidao.committees.access import access_committee, get_roles, get_visible_committees
from chidao.core.concurrency import EditConflict
from chidao.core.periods import Period
from chidao.core.spreadsheets import XLSX_CONTENT_TYPE
from chidao.core.uploads import build_attachment
from chidao.documents.access import access_document
from chidao.documents.models import Document
from chidao.imports.rules import parse_period_phrase
from chidao.indicators.access import access_indicator, access_observation
from chidao.indicators.models import Indicator, Observation
from chidao.indicators.services import ObservationEntry, do_save_observations
from chidao.org.models import Unit

# Object ids in URLs are integers; anything else is not an API address (404), never a
# string handed to a query (which raised a 500 before).
ID_PATTERN = r"[0-9]+"


def as_api_error(
    error: DjangoValidationError, rename: dict[str, str] | None = None
) -> exceptions.ValidationError:
    """A service's error as a 400 naming the API's fields (``rename`` maps the service's
    names to them; Django's "__all__" is DRF's "non_field_errors")."""
    rename = {"__all__": "non_field_errors", **(rename or {})}
    if hasattr(error, "error_dict"):
        return exceptions.ValidationError(
            {
                rename.get(field, field): [str(m) for e in errors for m in e.messages]
                for field, errors in error.error_dict.items()
            }
        )
    return exceptions.ValidationError({"non_field_errors": error.messages})


def _task_rows(queryset, *, one: bool = False):
    # A page of tasks reads their lead units once each (a prefetch: many tasks share a
    # unit); one task joins its unit, a query less.
    if one:
        queryset = queryset.select_related("group", "lead_unit")
    else:
        queryset = queryset.select_related("group").prefetch_related(
            Prefetch("lead_unit", queryset=Unit.objects.all())
        )
    return queryset.prefetch_related(
        Prefetch("coordinating_units", queryset=Unit.objects.order_by("name"))
    )


def _task_filter(name, kind, description, **kwargs):
    # An empty value is no filter, as on the page's form.
    return OpenApiParameter(name, kind, description=description, allow_blank=True, **kwargs)


# The filters of ``TaskFilterSet``, typed as the filterset parses them. An id the caller
# may not see is refused exactly as an id that does not exist (400, same message).
_TASK_FILTERS = [
    _task_filter(
        "q", OpenApiTypes.STR, "Tìm kiếm không dấu trong mã, tên nhiệm vụ, cơ quan chủ trì."
    ),
    _task_filter("committee", OpenApiTypes.INT, "Mã số (id) Ban Chỉ đạo."),
    _task_filter("group", OpenApiTypes.INT, "Mã số (id) nhóm nhiệm vụ."),
    _task_filter("lead_unit", OpenApiTypes.INT, "Mã số (id) cơ quan chủ trì."),
    _task_filter("coordinating_unit", OpenApiTypes.INT, "Mã số (id) cơ quan phối hợp."),
    _task_filter("source_document", OpenApiTypes.INT, "Mã số (id) văn bản giao."),
    _task_filter("overseeing_member", OpenApiTypes.INT, "Mã số (id) lãnh đạo phụ trách."),
    _task_filter(
        "status",
        OpenApiTypes.STR,
        "Tình trạng tính đến as_of; due_soon: sắp đến hạn.",
        enum=[*TaskStatus.values, "due_soon"],
    ),
    _task_filter("as_of", OpenApiTypes.DATE, "Ngày tính tình trạng, mặc định hôm nay."),
    _task_filter("is_key", OpenApiTypes.BOOL, "Nhiệm vụ trọng tâm."),
    _task_filter("deadline_from", OpenApiTypes.DATE, "Thời hạn từ ngày."),
    _task_filter("deadline_to", OpenApiTypes.DATE, "Thời hạn đến ngày."),
    _task_filter("sort", OpenApiTypes.STR, "Thứ tự.", enum=[key for key, _label in SORT_CHOICES]),
]


@extend_schema_view(
    list=extend_schema(summary="Danh sách nhiệm vụ", parameters=_TASK_FILTERS),
    retrieve=extend_schema(summary="Một nhiệm vụ"),
)
class TaskViewSet(viewsets.ReadOnlyModelViewSet):
    """Tasks the caller may see: a unit's token sees what the unit leads or coordinates.

    The list comes in cursor pages in the order of ``sort`` (``api.pagination``), so a
    client that walks every task pays the same for the last page as for the first.
    """

    lookup_value_regex = ID_PATTERN
    pagination_class = KeysetPagination

    serializer_class = TaskSerializer
    queryset = Task.objects.none()

    def list(self, request, *args, **kwargs):
        filterset = TaskFilterSet(request.query_params, request=request)
        if not filterset.is_valid():
            raise exceptions.ValidationError(filterset.errors)
        page = self.paginate_queryset(_task_rows(filterset.qs))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        return Response(self.get_serializer(self._task(pk)).data)

    def _task(self, pk, task_action=TaskAction.VIEW) -> Task:
        # The gate reads the task with what the serializer shows: one read, not two.
        return access_task(
            self.request.user,
            pk,
            task_action,
            queryset=_task_rows(Task.objects.with_status(timezone.localdate()), one=True),
        )

    @extend_schema(
        summary="Bảng đếm nhiệm vụ theo tình trạng",
        description=(
            "Như bảng tổng hợp trên trang: theo cơ quan chủ trì (by=lead_unit) hoặc nhóm "
            "(by=group), tình trạng tính đến as_of, cùng bộ lọc với danh sách nhiệm vụ."
        ),
        parameters=[
            OpenApiParameter("by", OpenApiTypes.STR, enum=["lead_unit", "group"]),
            *_TASK_FILTERS,
        ],
        responses=CountTableSerializer,
    )
    @action(detail=False, methods=["get"], url_path="counts", url_name="counts")
    def counts(self, request):
        filterset = TaskFilterSet(request.query_params, request=request)
        if not filterset.is_valid():
            raise exceptions.ValidationError(filterset.errors)
        by = request.query_params.get("by", "lead_unit")
        if by not in ("lead_unit", "group"):
            raise exceptions.ValidationError({"by": ["lead_unit hoặc group."]})
        tasks = Task.objects.visible_to(request.user).filter(pk__in=filterset.qs.values("pk"))
        table = get_count_table(
            tasks, as_of=filterset.report_date, by=by, due_soon_days=filterset.due_soon_days
        )
        return Response(CountTableSerializer(table).data)

    @extend_schema(
        summary="Các đề nghị điều chỉnh thời hạn của nhiệm vụ",
        responses=DeadlineChangeSerializer(many=True),
    )
    # The whole list, unpaginated (a task has a handful); the schema said paginated.
    @action(
        detail=True,
        methods=["get"],
        url_path="deadline-changes",
        url_name="deadline-changes",
        pagination_class=None,
    )
    def deadline_changes(self, request, pk=None):
        task = access_task(request.user, pk)
        changes = DeadlineChange.objects.filter(task=task).order_by("requested_at", "pk")
        return Response(DeadlineChangeSerializer(changes, many=True).data)

    @extend_schema(
        methods=["GET"],
        summary="Báo cáo tiến độ của nhiệm vụ",
        responses=ProgressUpdateSerializer(many=True),
    )
    @extend_schema(
        methods=["POST"],
        summary="Đơn vị báo cáo tiến độ",
        description=(
            "Chỉ cơ quan chủ trì hoặc phối hợp; đơn vị là đơn vị của người gọi, ngày báo cáo "
            "là hôm nay. Tình trạng, cơ quan chủ trì, thời hạn không đổi được qua API này."
        ),
        request=ProgressUpdateSerializer,
        responses={201: ProgressUpdateSerializer},
    )
    @action(
        detail=True,
        methods=["get", "post"],
        url_path="progress",
        url_name="progress",
        pagination_class=PageNumberPagination,  # a task has few reports: numbered pages
    )
    def progress(self, request, pk=None):
        if request.method == "GET":
            task = access_task(request.user, pk)
            updates = ProgressUpdate.objects.filter(task=task).order_by("-reported_on", "-pk")
            page = self.paginate_queryset(updates)
            data = ProgressUpdateSerializer(page, many=True).data
            return self.get_paginated_response(data)
        task = access_task(request.user, pk, TaskAction.REPORT)
        serializer = ProgressUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        unit = request.user.unit  # the roles' unit, read with the user (org.UserManager)
        try:
            update = do_submit_progress(
                task=task,
                unit=unit,
                by=request.user,
                reported_on=timezone.localdate(),
                **serializer.validated_data,
            )
        except DjangoValidationError as error:
            raise as_api_error(error) from error
        return Response(ProgressUpdateSerializer(update).data, status=201)


@extend_schema_view(list=extend_schema(summary="Đơn vị"), retrieve=extend_schema(summary="Đơn vị"))
class UnitViewSet(viewsets.ReadOnlyModelViewSet):
    """The directory of units, which every signed-in user reads (as the task forms do)."""

    lookup_value_regex = ID_PATTERN

    serializer_class = UnitSerializer
    queryset = Unit.objects.order_by("code")


@extend_schema_view(
    list=extend_schema(summary="Ban Chỉ đạo"), retrieve=extend_schema(summary="Ban Chỉ đạo")
)
class CommitteeViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = ID_PATTERN
    serializer_class = CommitteeSerializer

    def get_queryset(self):
        return get_visible_committees(self.request.user).order_by("name")

    def retrieve(self, request, pk=None):
        return Response(self.get_serializer(access_committee(request.user, pk)).data)

    @extend_schema(
        summary="Xuất dữ liệu báo cáo cấp trên",
        description=(
            "Nhiệm vụ kèm tình trạng và chỉ tiêu kèm số liệu đã duyệt của một kỳ, theo lược đồ "
            "docs/export.md. Chỉ Thường trực Ban Chỉ đạo. output=xlsx cho tệp Excel."
        ),
        parameters=[
            OpenApiParameter("period", OpenApiTypes.STR, description="2025, Quý II/2025, 6/2025"),
            OpenApiParameter("output", OpenApiTypes.STR, enum=["json", "xlsx"]),
        ],
        responses={200: OpenApiTypes.OBJECT},
    )
    @action(detail=True, methods=["get"], url_path="export", url_name="export")
    def export(self, request, pk=None):
        committee = access_committee(request.user, pk, "manage")
        try:
            period = parse_export_period(request.query_params.get("period"), timezone.localdate())
        except DjangoValidationError as error:
            raise as_api_error(error) from error
        data = build_upper_level_export(committee=committee, period=period)
        if request.query_params.get("output") == "xlsx":
            return build_attachment(
                build_upper_level_xlsx(data),
                XLSX_CONTENT_TYPE,
                f"bao-cao-{committee.pk}-{period.start:%Y-%m}.xlsx",
            )
        return Response(data)


@extend_schema_view(
    list=extend_schema(summary="Chỉ tiêu"), retrieve=extend_schema(summary="Một chỉ tiêu")
)
class IndicatorViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = ID_PATTERN
    serializer_class = IndicatorSerializer

    def get_queryset(self):
        return (
            Indicator.objects.visible_to(self.request.user)
            .prefetch_related("targets")
            .order_by("committee", "code")
        )

    def retrieve(self, request, pk=None):
        return Response(self.get_serializer(access_indicator(request.user, pk)).data)


@extend_schema_view(
    list=extend_schema(summary="Số liệu chỉ tiêu"),
    retrieve=extend_schema(summary="Một số liệu"),
    create=extend_schema(
        summary="Đơn vị nhập số liệu của mình",
        description=(
            "Như bảng nhập số liệu trên trang: chỉ chỉ tiêu đơn vị báo cáo, kỳ đang mở hoặc "
            "số liệu bị trả lại; submit=true để gửi Thường trực duyệt. Sửa số liệu đã có: gửi "
            "version đọc được (GET); số liệu đã được người khác lưu sau đó thì trả 409 kèm "
            "các trường đã thay đổi, không lưu gì."
        ),
        request=ObservationEntrySerializer,
        responses={201: ObservationSerializer(many=True), 409: EditConflictSerializer},
    ),
)
class ObservationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    lookup_value_regex = ID_PATTERN
    serializer_class = ObservationSerializer

    def get_queryset(self):
        return Observation.objects.visible_to(self.request.user).order_by(
            "indicator", "unit", "period_start"
        )

    def retrieve(self, request, pk=None):
        return Response(self.get_serializer(access_observation(request.user, pk)).data)

    def create(self, request):
        roles = get_roles(request.user)
        if roles.unit_id is None:
            raise exceptions.PermissionDenied("Tài khoản không thuộc đơn vị nào.")
        entry = ObservationEntrySerializer(data=request.data)
        entry.is_valid(raise_exception=True)
        parsed = parse_period_phrase(entry.validated_data["period"])
        if parsed is None:
            raise exceptions.ValidationError({"period": ["Ví dụ: 2025, Quý II/2025, 6/2025."]})
        try:
            saved = do_save_observations(
                by=request.user,
                unit=request.user.unit,  # roles.unit_id's, read with the user
                period=Period(*parsed),
                entries=[
                    ObservationEntry(
                        indicator_id=entry.validated_data["indicator"],
                        value=entry.validated_data["value"],
                        note=entry.validated_data["note"],
                        version=entry.validated_data["version"],
                    )
                ],
                submit=entry.validated_data["submit"],
            )
        except EditConflict as conflict:
            return conflict_response(conflict, noun="Số liệu")
        except DjangoValidationError as error:
            # The service names the grid's cell, "value-<indicator>"; here it is "value".
            cell = f"value-{entry.validated_data['indicator']}"
            raise as_api_error(error, rename={cell: "value"}) from error
        return Response(ObservationSerializer(saved, many=True).data, status=201)


@extend_schema_view(
    list=extend_schema(summary="Văn bản chỉ đạo"), retrieve=extend_schema(summary="Một văn bản")
)
class DocumentViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = ID_PATTERN
    serializer_class = DocumentSerializer

    def get_queryset(self):
        return (
            Document.objects.visible_to(self.request.user)
            .select_related("issuing_unit")
            .order_by("-issued_on", "pk")
        )

    def retrieve(self, request, pk=None):
        return Response(self.get_serializer(access_document(request.user, pk)).data)
