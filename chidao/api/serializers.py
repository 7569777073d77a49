"""What the API reads and accepts. Read serializers expose records as the pages show
them; write serializers accept only what the acting role may set, so a unit cannot send
a status, a lead unit or a deadline (unknown fields are ignored, never written)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import serializers

from chidao.assignments.choices import Recurrence, TaskStatus
from chidao.assignments.models import DeadlineChange, ProgressUpdate, Task
from chidao.committees.models import Committee
from chidao.documents.models import Document
from chidao.indicators.models import Indicator, Observation, Target
from chidao.org.models import Unit


class UnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "code", "name", "short_name", "kind", "parent", "is_active", "successor"]


class UnitRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "code", "name"]


class CommitteeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Committee
        fields = [
            "id",
            "name",
            "short_name",
            "level",
            "parent",
            "host_unit",
            "standing_unit",
            "is_active",
        ]


class TaskSerializer(serializers.ModelSerializer):
    """A task with its status as of the request's ``as_of`` (default today)."""

    # A task outside any group has none (the schema said a string, always).
    group = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    lead_unit = UnitRefSerializer(read_only=True)
    coordinating_units = UnitRefSerializer(many=True, read_only=True)
    status = serializers.ChoiceField(choices=TaskStatus.choices, read_only=True)
    deadline_as_of = serializers.DateField(read_only=True)
    # Blank for a one-off task; a read-only model field would lose ``allow_blank`` and the
    # schema would promise one of the periods.
    recurrence = serializers.ChoiceField(
        choices=Recurrence.choices, allow_blank=True, read_only=True
    )

    class Meta:
        model = Task
        fields = [
            "id",
            "committee",
            "code",
            "title",
            "description",
            "group",
            "source_document",
            "source_clause",
            "parent",
            "lead_unit",
            "coordinating_units",
            "kind",
            "recurrence",
            "deadline_text",
            "assigned_on",
            "start_date",
            "original_deadline",
            "deadline",
            "deadline_as_of",
            "expected_output",
            "is_key",
            "progress_percent",
            "state",
            "status",
            "completed_on",
            "updated_at",
            "version",
        ]
        read_only_fields = fields


class ProgressUpdateSerializer(serializers.ModelSerializer):
    """A progress report; on create only the report's own fields are read.

    The unit is the reporter's own, the date is today, and review fields belong to the
    secretariat: none of them can be sent.
    """

    class Meta:
        model = ProgressUpdate
        fields = [
            "id",
            "task",
            "unit",
            "author",
            "reported_on",
            "percent",
            "results",
            "difficulties",
            "proposals",
            "claims_completion",
            "completion_output",
            "output_date",
            "review_state",
            "review_reason",
            "created_at",
            "version",
        ]
        read_only_fields = [
            "id",
            "task",
            "unit",
            "author",
            "reported_on",
            "review_state",
            "review_reason",
            "created_at",
            "version",
        ]
        extra_kwargs = {"percent": {"min_value": 0, "max_value": 100}}

    def validate_output_date(self, value):
        if value and value > timezone.localdate():
            raise serializers.ValidationError(_("Ngày của sản phẩm không thể sau hôm nay."))
        return value


class TargetSerializer(serializers.ModelSerializer):
    class Meta:
        model = Target
        fields = ["id", "unit", "year", "text"]


class IndicatorSerializer(serializers.ModelSerializer):
    targets = TargetSerializer(many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "id",
            "committee",
            "code",
            "name",
            "measure_unit",
            "level",
            "group",
            "direction",
            "value_type",
            "rollup",
            "frequency",
            "baseline_value",
            "baseline_year",
            "data_source",
            "responsible_unit",
            "parent",
            "targets",
        ]
        read_only_fields = fields


class ObservationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Observation
        fields = [
            "id",
            "indicator",
            "unit",
            "period_kind",
            "period_start",
            "value",
            "note",
            "state",
            "entered_at",
            "approved_at",
            "version",
        ]
        read_only_fields = fields


class DeadlineChangeSerializer(serializers.ModelSerializer):
    class Meta:
        model = DeadlineChange
        fields = [
            "id",
            "task",
            "requested_by",
            "requested_at",
            "old_deadline",
            "new_deadline",
            "reason",
            "decision",
            "decided_by",
            "decided_on",
        ]
        read_only_fields = fields


class DocumentSerializer(serializers.ModelSerializer):
    issuing_unit = UnitRefSerializer(read_only=True)

    class Meta:
        model = Document
        fields = [
            "id",
            "symbol",
            "kind",
            "issuing_unit",
            "issued_on",
            "signer",
            "summary",
            "implements",
            "committee",
        ]
        read_only_fields = fields


class CountRowSerializer(serializers.Serializer):
    """One row of the count table (``assignments.counts``), with both denominators."""

    key = serializers.IntegerField(allow_null=True)
    label = serializers.CharField()
    done_on_time = serializers.IntegerField()
    done_late = serializers.IntegerField()
    in_progress = serializers.IntegerField()
    due_soon = serializers.IntegerField()
    overdue = serializers.IntegerField()
    ongoing = serializers.IntegerField()
    paused = serializers.IntegerField()
    cancelled = serializers.IntegerField()
    completion_rate_of_due = serializers.DecimalField(
        max_digits=5, decimal_places=1, allow_null=True
    )
    on_time_rate_of_all = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)
    overdue_rate_of_all = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)


class CountTableSerializer(serializers.Serializer):
    as_of = serializers.DateField()
    by = serializers.CharField()
    rows = CountRowSerializer(many=True)
    total = CountRowSerializer()


class ObservationEntrySerializer(serializers.Serializer):
    """A value a unit sends for itself: the unit is the caller's, the state follows the
    data-entry rules (draft, or submitted with ``submit``)."""

    # Bounded as a database id: 10**30 would overflow the query (a 500), not be refused.
    indicator = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    period = serializers.CharField(help_text="2025, Quý II/2025, 6/2025…")
    value = serializers.CharField(help_text="Viết kiểu Việt Nam: 45,5 hoặc 1.234,5.")
    note = serializers.CharField(required=False, allow_blank=True, default="")
    submit = serializers.BooleanField(required=False, default=False)
    version = serializers.IntegerField(
        required=False,
        default=0,
        min_value=0,
        max_value=2**31 - 1,
        help_text=(
            "Phiên bản (version) của số liệu khi bạn đọc nó; 0 hoặc bỏ trống khi nhập số liệu "
            "mới. Sửa số liệu đã có phải gửi đúng version hiện tại; nếu số liệu đã được người "
            "khác lưu sau đó, trả 409 và không lưu gì."
        ),
    )
