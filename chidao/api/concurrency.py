"""The API's answer to a stale write: 409 Conflict with what changed, as JSON.

Pages re-render their form on ``EditConflict``; an API client gets the same facts as
data, so it can read the record again and decide (``chidao.core.concurrency``).
"""

from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.response import Response

from chidao.core.concurrency import EditConflict


class ChangeSerializer(serializers.Serializer):
    """One record that changed since the version the client sent."""

    id = serializers.IntegerField(allow_null=True)
    your_version = serializers.IntegerField(help_text="0: bạn gửi như thể chưa có số liệu.")
    current_version = serializers.IntegerField(allow_null=True, help_text="null: đã bị xóa.")
    deleted = serializers.BooleanField()
    changed_fields = serializers.ListField(child=serializers.CharField())
    changed_field_labels = serializers.ListField(child=serializers.CharField())
    changed_by = serializers.CharField(allow_null=True)
    changed_at = serializers.DateTimeField(allow_null=True)


class EditConflictSerializer(serializers.Serializer):
    """The body of a 409: nothing was saved."""

    detail = serializers.CharField()
    code = serializers.CharField(default="edit_conflict")
    conflicts = ChangeSerializer(many=True)


def conflict_response(conflict: EditConflict, noun: str) -> Response:
    """409 with a Vietnamese reason and, per stale record, its current version and the
    fields changed since the client's version."""
    detail = " ".join(change.describe(noun) for change in conflict.changes)
    detail += " " + _("Không có gì được lưu. Hãy đọc lại rồi gửi lại với version hiện tại.")
    return Response(
        {
            "detail": detail,
            "code": "edit_conflict",
            "conflicts": [change.as_data() for change in conflict.changes],
        },
        status=409,
    )
