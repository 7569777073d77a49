"""The task list's filters, shared by the page, the xlsx export and the API.

One filterset for every way out of the list, so a number on the page, a row count in the
export and an API total always agree. It works on ``Task.objects.visible_to(user)`` only:
a filter can narrow what a user sees, never widen it.
"""

from datetime import date, timedelta
from functools import partial

import django_filters
from django import forms
from django.conf import settings
from django.core.validators import EMPTY_VALUES
from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chidao.assignments.choices import TaskStatus
from chidao.assignments.counts import get_tallied_counts
from chidao.assignments.models import Task, TaskStatusSpan
from chidao.committees.access import get_roles, get_visible_committees
from chidao.committees.models import Committee, Membership, TaskGroup
from chidao.core.asof import AsOfField
from chidao.core.text import fold_text
from chidao.core.widgets import SEARCH_SUFFIX, SearchPicker, Suggestions
from chidao.documents.models import Document
from chidao.org.models import Unit

# The order a reader works through: what is late first, what is closed last.
STATUS_ORDER = (
    TaskStatus.OVERDUE,
    TaskStatus.IN_PROGRESS,
    TaskStatus.ONGOING,
    TaskStatus.DONE_LATE,
    TaskStatus.DONE_ON_TIME,
    TaskStatus.PAUSED,
    TaskStatus.CANCELLED,
    TaskStatus.NOT_YET_ASSIGNED,
)

SORTS = {
    "code": ("committee__name", "code_sort", "pk"),
    "deadline": ("deadline_as_of", "code_sort", "pk"),
    "status": ("status_rank", "deadline_as_of", "code_sort", "pk"),
    "lead_unit": ("lead_unit__name", "code_sort", "pk"),
}
SORT_CHOICES = [
    ("code", _("Mã nhiệm vụ")),
    ("deadline", _("Thời hạn, sớm trước")),
    ("-deadline", _("Thời hạn, muộn trước")),
    ("status", _("Tình trạng, quá hạn trước")),
    ("lead_unit", _("Cơ quan chủ trì")),
]


# The filters that choose one of many (a country holds 3,333 committees and 4,012 units):
# searched as the user types, never listed whole. Each with the fields its text is
# searched in and the order its matches come in.
PICKERS = {
    "committee": (("search_text",), ("name", "pk")),
    "group": (("search_text",), ("committee__name", "code", "pk")),
    "lead_unit": (("search_text",), ("name", "pk")),
    "coordinating_unit": (("search_text",), ("name", "pk")),
    "source_document": (("search_text",), ("-issued_on", "pk")),
    "overseeing_member": (("person__search_text", "search_text"), ("person__full_name", "pk")),
}
PICKER_MODELS = {
    "committee": Committee,
    "group": TaskGroup,
    "lead_unit": Unit,
    "coordinating_unit": Unit,
    "source_document": Document,
    "overseeing_member": Membership,
}
# Filters on fields each kept status span copies from its task (``TaskStatusSpan``): with
# only these in use, the status counts are read from the spans alone.
SPAN_FILTERS = ("committee", "lead_unit", "group", "is_key")
# Matches a picker shows at once.
PICKER_LIMIT = 10


def get_status_rank() -> Case:
    """The position of the ``status`` annotation in ``STATUS_ORDER``."""
    return Case(
        *(When(status=status, then=Value(rank)) for rank, status in enumerate(STATUS_ORDER)),
        output_field=IntegerField(),
    )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class AsOfFilter(django_filters.DateFilter):
    """The status date, read as every page reads ``?as_of=`` (``core.asof``)."""

    field_class = AsOfField


class TaskFilterSet(django_filters.FilterSet):
    """Filters of the task list; status is computed as of ``as_of`` (default today).

    Build it with the request's GET data and ``request=request``; ``qs`` is the filtered
    list with ``status``, ``deadline_as_of`` and ``due_soon`` annotated, and
    ``get_status_counts()`` counts the list by status before the status filter, so a
    reader sees how the other statuses stand while looking at one.
    """

    q = django_filters.CharFilter(method="filter_search", label=_("Tìm kiếm"))
    committee = django_filters.ModelChoiceFilter(
        queryset=None, widget=SearchPicker, label=_("Ban Chỉ đạo"), empty_label=_("Tất cả")
    )
    group = django_filters.ModelChoiceFilter(
        queryset=None, widget=SearchPicker, label=_("Nhóm nhiệm vụ"), empty_label=_("Tất cả")
    )
    lead_unit = django_filters.ModelChoiceFilter(
        queryset=None, widget=SearchPicker, label=_("Cơ quan chủ trì"), empty_label=_("Tất cả")
    )
    coordinating_unit = django_filters.ModelChoiceFilter(
        queryset=None,
        widget=SearchPicker,
        method="filter_coordinating_unit",
        label=_("Cơ quan phối hợp"),
        empty_label=_("Tất cả"),
    )
    as_of = AsOfFilter(method="filter_as_of", label=_("Tình trạng đến ngày"), widget=DateInput)
    status = django_filters.ChoiceFilter(
        choices=[*TaskStatus.choices, ("due_soon", _("Sắp đến hạn"))],
        method="filter_status",
        label=_("Tình trạng"),
        empty_label=_("Tất cả"),
    )
    is_key = django_filters.BooleanFilter(
        label=_("Nhiệm vụ trọng tâm"),
        widget=forms.Select(
            choices=[("", _("Tất cả")), ("true", _("Trọng tâm")), ("false", _("Không"))]
        ),
    )
    deadline_from = django_filters.DateFilter(
        field_name="deadline_as_of", lookup_expr="gte", label=_("Thời hạn từ"), widget=DateInput
    )
    deadline_to = django_filters.DateFilter(
        field_name="deadline_as_of", lookup_expr="lte", label=_("Thời hạn đến"), widget=DateInput
    )
    due_in_from = django_filters.DateFilter(
        method="filter_due_in_from",
        label=_("Đến hạn trong kỳ đánh giá từ ngày"),
        widget=DateInput,
        help_text=_("Nhiệm vụ được đánh giá trong kỳ từ ngày này đến ngày tình trạng."),
    )
    source_document = django_filters.ModelChoiceFilter(
        queryset=None, widget=SearchPicker, label=_("Văn bản giao"), empty_label=_("Tất cả")
    )
    overseeing_member = django_filters.ModelChoiceFilter(
        queryset=None, widget=SearchPicker, label=_("Lãnh đạo phụ trách"), empty_label=_("Tất cả")
    )
    sort = django_filters.ChoiceFilter(
        choices=SORT_CHOICES, method="filter_sort", label=_("Sắp xếp"), empty_label=None
    )

    class Meta:
        model = Task
        fields: list[str] = []

    def __init__(self, data=None, queryset=None, *, request, **kwargs):
        self.user = request.user
        # Whatever the caller passes (the API passes its own queryset), only what the
        # user may see is ever filtered.
        base = queryset if queryset is not None else Task.objects.all()
        super().__init__(
            data if data is not None else {},
            queryset=base.visible_to(self.user),
            request=request,
            **kwargs,
        )
        self.custom_base = queryset is not None
        self._choices: dict[str, QuerySet] = {}
        for name in PICKERS:
            # The choices are six subqueries over the visible tasks, a fifth of an API
            # list's time: built only for a value to check (or a picker to fill, in
            # ``get_suggestions``). An empty value cleans to "all" without them, so the
            # placeholder refuses nothing a real choice would accept.
            if self.data.get(name) in EMPTY_VALUES:
                self.filters[name].queryset = PICKER_MODELS[name].objects.none()
            else:
                self.filters[name].queryset = self.get_choices(name)

    def get_choices(self, name: str) -> QuerySet:
        """What the ``name`` picker may choose: only what the user's visible tasks use
        (committees and their groups: the user's visible committees)."""
        if name not in self._choices:
            self._choices[name] = self._build_choices(name)
        return self._choices[name]

    def _build_choices(self, name: str) -> QuerySet:
        if name == "committee":
            return get_visible_committees(self.user)
        if name == "group":
            return TaskGroup.objects.filter(
                committee__in=get_visible_committees(self.user)
            ).select_related("committee")
        visible_tasks = Task.objects.visible_to(self.user)
        if name == "coordinating_unit":
            through = Task.coordinating_units.through.objects.filter(task__in=visible_tasks)
            return Unit.objects.filter(pk__in=through.values("unit"))
        if name == "overseeing_member":
            return Membership.objects.filter(
                pk__in=visible_tasks.values("overseeing_member")
            ).select_related("person")
        model = Unit if name == "lead_unit" else Document
        return model.objects.filter(pk__in=visible_tasks.values(name))

    @property
    def form(self):
        form = super().form
        for name in PICKERS:
            widget = form.fields[name].widget
            if widget.suggest is None:
                widget.suggest = partial(self.get_suggestions, name)
                widget.search_text = str(self.data.get(f"{name}{SEARCH_SUFFIX}", ""))[:100]
                widget.options_url = reverse(f"assignments:task_filter_{name}")
        return form

    def get_suggestions(self, name: str, text: str, value, *, listed: bool = True) -> Suggestions:
        """What the ``name`` picker offers for ``text``: only choices within the user's
        scope (the filter's own queryset, which also refuses any other value); with
        ``listed`` false, only the chosen one (no search)."""
        search_fields, order = PICKERS[name]
        field = self.form.fields[name]
        chosen = None
        if value not in (None, ""):
            # The value may not be the form's own (the options partial): check it against
            # the real choices, not the placeholder of an empty filter.
            field.queryset = self.get_choices(name)
            try:
                found = field.clean(value)
            except forms.ValidationError:
                found = None
            if found is not None:
                chosen = (str(found.pk), field.label_from_instance(found))
        if not listed:
            return Suggestions(chosen=chosen)
        matches = self.get_choices(name).order_by(*order)
        folded = fold_text(text)
        if folded:
            condition = Q()
            for search_field in search_fields:
                condition |= Q(**{f"{search_field}__contains": folded})
            matches = matches.filter(condition)
        found = list(matches[: PICKER_LIMIT + 1])
        return Suggestions(
            chosen=chosen,
            options=[(str(match.pk), field.label_from_instance(match)) for match in found][
                :PICKER_LIMIT
            ],
            more=len(found) > PICKER_LIMIT,
        )

    @property
    def report_date(self) -> date:
        """The report date: the ``as_of`` field when valid, otherwise today."""
        self.form.is_valid()
        return self.form.cleaned_data.get("as_of") or timezone.localdate()

    @property
    def due_soon_days(self) -> int:
        self.form.is_valid()
        committee = self.form.cleaned_data.get("committee")
        return committee.due_soon_days if committee else settings.CHIDAO_DUE_SOON_DAYS

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        cleaned = self.form.cleaned_data
        queryset = (
            queryset.with_kept_status(self.report_date)
            .with_due_soon(self.report_date, self.due_soon_days)
            .with_awaiting_verification()
        )
        if (cleaned.get("sort") or "").lstrip("-") == "status":
            # Only the status order reads it: the rank repeats the status expression once
            # per status, which every other list would compile and select for nothing.
            queryset = queryset.annotate(status_rank=get_status_rank())
        for name, value in cleaned.items():
            if name not in ("status", "sort"):
                queryset = self.filters[name].filter(queryset, value)
        self.before_status = queryset
        queryset = self.filters["status"].filter(queryset, cleaned.get("status"))
        return self.filter_sort(queryset, "sort", cleaned.get("sort") or "code")

    def get_status_counts(self) -> dict[str, int]:
        """Tasks of the filtered list per status (and ``due_soon``), before the status
        filter; one query, or two straight from the kept spans when every filter in use
        is one the spans carry (``SPAN_FILTERS``)."""
        self.qs  # noqa: B018 -- builds ``before_status``
        if self.counts_from_spans:
            tallied = self._get_tallied_status_counts()
            return self._get_kept_status_counts() if tallied is None else tallied
        totals = self.before_status.order_by().aggregate(
            total=Count("pk"),
            due_soon_count=Count("pk", filter=Q(due_soon=True)),
            **{status.value: Count("pk", filter=Q(status=status)) for status in TaskStatus},
        )
        totals["due_soon"] = totals.pop("due_soon_count")
        return totals

    @property
    def counts_from_spans(self) -> bool:
        """Whether the counts can be read off the spans alone: the list is the user's
        visible tasks narrowed only by fields a span copies from its task."""
        if not self.form.is_valid():
            return False
        cleaned = self.form.cleaned_data
        used = {name for name, value in cleaned.items() if value not in (None, "")}
        return not self.custom_base and used <= {*SPAN_FILTERS, "as_of", "status", "sort"}

    def _get_kept_status_counts(self) -> dict[str, int]:
        """``get_status_counts`` from the spans in force on the report date (one range
        look-up, no join to the tasks) and the number of tasks (the not yet assigned
        have no span: they are the rest)."""
        cleaned = self.form.cleaned_data
        narrowed = {
            name: cleaned[name] for name in SPAN_FILTERS if cleaned.get(name) not in (None, "")
        }
        spans = (
            TaskStatusSpan.objects.as_of(self.report_date)
            .visible_to(self.user)
            .filter(**narrowed)
            .with_due_soon(self.report_date, self.due_soon_days)
        )
        totals = spans.order_by().aggregate(
            due_soon_count=Count("pk", filter=Q(due_soon=True)),
            **{status.value: Count("pk", filter=Q(status=status)) for status in TaskStatus},
        )
        totals["due_soon"] = totals.pop("due_soon_count")
        totals["total"] = self.queryset.filter(**narrowed).order_by().count()
        assigned = sum(
            totals[status.value] for status in TaskStatus if status != TaskStatus.NOT_YET_ASSIGNED
        )
        totals[TaskStatus.NOT_YET_ASSIGNED.value] = totals["total"] - assigned
        return totals

    def _get_tallied_status_counts(self) -> dict[str, int] | None:
        """``get_status_counts`` of the unfiltered list from the kept tallies, or ``None``
        when they cannot give it (then the spans do).

        Only for a list no filter narrows (``as_of``, ``status`` and ``sort`` aside) whose
        tasks are whole committee trees (``get_tallied_scope``): each tree's tallies are
        one row per status, whatever the number of tasks, where the spans would be
        counted across the whole country. The root committees' own tasks (whose tallies
        are not kept) and "due soon" (not kept) are counted from the spans, the tasks not
        yet assigned from the tasks: each a short range of an index (``Task`` and
        ``TaskStatusSpan``'s ``Meta.indexes``).
        """
        if not self.counts_from_spans:
            return None
        cleaned = self.form.cleaned_data
        if any(cleaned.get(name) not in (None, "") for name in SPAN_FILTERS):
            return None
        scope = get_tallied_scope(self.user)
        if scope is None:
            return None
        tallied, roots = scope
        as_of = self.report_date
        totals = dict.fromkeys((status.value for status in TaskStatus), 0)
        for counts in get_tallied_counts(tallied, as_of=as_of).values():
            for status, n in counts.items():
                totals[status] += n
        spans = TaskStatusSpan.objects.as_of(as_of)
        if roots:
            own = spans.filter(committee__in=roots).order_by().values("status")
            for row in own.annotate(n=Count("pk")):
                totals[row["status"]] += row["n"]
        totals["due_soon"] = (
            spans.visible_to(self.user)
            .filter(
                status=TaskStatus.IN_PROGRESS,
                # In progress on a date means a deadline not yet passed: the lower bound
                # is the rule's, and keeps the index range to the window.
                deadline_as_of__gte=as_of,
                deadline_as_of__lte=as_of + timedelta(days=self.due_soon_days),
            )
            .count()
        )
        # Not yet assigned: the one status without a span (``rules.get_task_status``'s
        # first case), by the tasks' assignment date.
        waiting = self.queryset.filter(assigned_on__gt=as_of).order_by().count()
        totals[TaskStatus.NOT_YET_ASSIGNED.value] = waiting
        totals["total"] = sum(totals[status.value] for status in TaskStatus)
        return totals

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        folded = fold_text(value)
        if not folded:
            return queryset
        return queryset.filter(
            Q(search_text__contains=folded) | Q(lead_unit__search_text__contains=folded)
        )

    def filter_coordinating_unit(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if value is None:
            return queryset
        # A subquery, not a join: a join would repeat rows and upset the counts.
        through = Task.coordinating_units.through.objects.filter(unit=value)
        return queryset.filter(pk__in=through.values("task"))

    def filter_as_of(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset  # applied by filter_queryset through with_status

    def filter_due_in_from(self, queryset: QuerySet, name: str, value) -> QuerySet:
        """The tasks a unit evaluation counts for the period from ``value`` to the report
        date (``TaskQuerySet.due_in_period``): the list behind each evaluation figure."""
        return queryset if value is None else queryset.due_in_period(value)

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if not value:
            return queryset
        if value == "due_soon":
            return queryset.filter(due_soon=True)
        return queryset.filter(status=value)

    def filter_sort(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.order_by(*get_sort_fields(value))

    @property
    def ordering(self) -> tuple[str, ...]:
        """The list's order as ``order_by`` fields, ending with ``pk`` (for keyset pages)."""
        self.form.is_valid()
        return get_sort_fields(self.form.cleaned_data.get("sort") or "code")


def get_tallied_scope(user) -> tuple[list[int], list[int]] | None:
    """The tasks ``user`` sees as the kept tallies can count them: the committees whose
    tallies count their whole tree, and the root committees whose own tasks no tally
    counts; ``None`` when the tallies cannot count them.

    A committee's tally counts its tasks and those of the two levels below it (the
    country's three levels), and the root's is not kept. So an admin's tasks are the
    roots' children's tallies and the roots' own tasks; a secretariat's or leader's
    (``Roles.committee_scope``: their committees and every one below) the tallies of the
    top committees of that scope, or, for a root, those of its children and its own tasks.
    Not for a unit's officer (what the unit leads or coordinates is a set of tasks, not
    of trees), nor where committees nest deeper than the tallies reach.
    """
    roles = get_roles(user)
    if roles.is_admin:
        # The roots and their children: all an admin's tallies need.
        rows = list(
            Committee.objects.filter(Q(parent=None) | Q(parent__parent=None)).values_list(
                "pk", "parent_id"
            )
        )
        scope = frozenset(pk for pk, _parent in rows)
    elif roles.unit_id or not roles.committee_scope:
        return None
    else:
        scope = roles.committee_scope
        rows = list(Committee.objects.filter(pk__in=scope).values_list("pk", "parent_id"))
    roots = [pk for pk, parent in rows if parent is None]
    # The tops of the scope below a root, and the children of the roots in it (a scope
    # holds every committee below each of its own).
    tallied = [pk for pk, parent in rows if parent is not None and parent not in scope]
    tallied += [pk for pk, parent in rows if parent in roots]
    if Committee.objects.filter(parent__parent__parent__in=tallied).exists():
        return None  # deeper than a tally counts
    return tallied, roots


def get_sort_fields(value: str) -> tuple[str, ...]:
    """The ``order_by`` fields of a ``sort`` choice (``-`` reverses every field)."""
    fields = SORTS.get(value.lstrip("-"), SORTS["code"])
    if value.startswith("-"):
        return tuple(f"-{field}" for field in fields)
    return fields
