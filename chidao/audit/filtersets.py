import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from chidao.audit.choices import AuditAction
from chidao.audit.models import AuditEvent


class AuditEventFilterSet(django_filters.FilterSet):
    """One filter for the audit page and its CSV export, so both list the same rows."""

    action = django_filters.ChoiceFilter(label=_("Sự kiện"), choices=AuditAction.choices)
    username = django_filters.CharFilter(label=_("Tên đăng nhập"), lookup_expr="icontains")
    ip = django_filters.CharFilter(label=_("Địa chỉ IP"))
    since = django_filters.DateFilter(
        label=_("Từ ngày"),
        field_name="at",
        lookup_expr="date__gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = django_filters.DateFilter(
        label=_("Đến ngày"),
        field_name="at",
        lookup_expr="date__lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = AuditEvent
        fields = ["action", "username", "ip", "since", "until"]
