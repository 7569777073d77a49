"""Forms of the secretariat's task pages: create, edit, break down (issue [B] §4).

The forms read and check input; the writes are ``services.do_create_task``,
``do_update_task`` and ``do_break_down_task``.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chidao.assignments.choices import TaskState
from chidao.assignments.deadlines import parse_deadline_phrase
from chidao.assignments.models import Task
from chidao.committees.choices import MemberRole
from chidao.committees.directory import get_foreign_unit_ids
from chidao.documents.models import Document
from chidao.org.models import Person, Unit

DEADLINE_HELP = _(
    'Nhập ngày (ví dụ "30/6/2025") hoặc ghi như văn bản giao '
    '(ví dụ "Quý II/2025", "Tháng 9/2025", "Hằng năm", "Thường xuyên").'
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return obj.name


class UnitMultipleChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Unit) -> str:
        return obj.name


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.full_name} ({obj.unit})" if obj.unit_id else obj.full_name


def get_unit_choices(*keep: Unit | None, committee=None, foreign=None):
    """Active units, and any inactive one a task already names (merged units keep tasks).

    For a ``committee``, never the units of another committee's directory that are not
    in its own (``committees.directory``): another province's "Sở Tài chính" is not
    offered to this province's secretariat. ``foreign`` passes those ids when a form
    asks twice.
    """
    keep_ids = [unit.pk for unit in keep if unit is not None]
    units = Unit.objects.filter(is_active=True)
    if committee is not None:
        foreign = get_foreign_unit_ids(committee) if foreign is None else foreign
    if foreign:
        units = units.exclude(pk__in=foreign)
    return units | Unit.objects.filter(pk__in=keep_ids)


def get_document_choices(committee):
    """Documents a committee's task may come from: its register, the registers of the
    committees above it (a commune carries out the province's plan), and documents
    shared by every committee (a Politburo resolution)."""
    registers = []
    while committee is not None and committee.pk not in registers:
        registers.append(committee.pk)
        committee = committee.parent
    return Document.objects.filter(Q(committee__isnull=True) | Q(committee__in=registers)).order_by(
        "-issued_on", "symbol"
    )


def clean_deadline_phrase(value: str) -> str:
    try:
        return parse_deadline_phrase(value).text
    except ValidationError as error:
        raise ValidationError(error.messages) from error


class TaskChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Task) -> str:
        title = obj.title if len(obj.title) <= 80 else f"{obj.title[:80]}…"
        return f"{obj.code} {title} ({obj.committee.name})".strip()


def get_dependency_choices(user, task: Task | None):
    """Tasks a task may wait for: those ``user`` may see, open or already chosen, never
    the task itself (cycles are refused by the service)."""
    chosen = list(task.dependencies.values_list("depends_on", flat=True)) if task else []
    tasks = Task.objects.visible_to(user).filter(
        Q(state=TaskState.OPEN) | Q(completed_on__isnull=False) | Q(pk__in=chosen)
    )
    if task is not None:
        tasks = tasks.exclude(pk=task.pk)
    return tasks.select_related("committee").order_by("committee__level", "committee", "code", "pk")


class TaskForm(forms.ModelForm):
    """A task as the secretariat writes it down from the plan.

    The deadline is one text field: a date or the plan's own phrase, parsed by
    ``parse_deadline_phrase``; its error appears next to the field.
    """

    lead_unit = UnitChoiceField(queryset=Unit.objects.none(), label=_("Cơ quan chủ trì"))
    coordinating_units = UnitMultipleChoiceField(
        queryset=Unit.objects.none(), label=_("Cơ quan phối hợp"), required=False
    )
    deadline_text = forms.CharField(label=_("Thời hạn"), max_length=200, help_text=DEADLINE_HELP)
    focal_person = PersonChoiceField(
        queryset=Person.objects.none(), label=_("Cán bộ đầu mối"), required=False
    )
    depends_on = TaskChoiceField(
        queryset=Task.objects.none(),
        label=_("Cần hoàn thành trước (phụ thuộc nhiệm vụ)"),
        required=False,
        help_text=_(
            "Các nhiệm vụ phải xong trước thì nhiệm vụ này mới hoàn thành được; "
            "có thể chọn nhiệm vụ của Ban Chỉ đạo cấp trên."
        ),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    # The version the editor loaded, sent back so a save over someone else's is refused.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    class Meta:
        model = Task
        fields = [
            "code",
            "title",
            "description",
            "group",
            "source_document",
            "source_clause",
            "lead_unit",
            "coordinating_units",
            "coordinators_text",
            "deadline_text",
            "assigned_on",
            "expected_output",
            "is_key",
            "overseeing_member",
            "focal_person",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 3}),
            "expected_output": forms.Textarea(attrs={"rows": 2}),
            "coordinators_text": forms.Textarea(attrs={"rows": 2}),
            "assigned_on": DateInput,
        }

    def __init__(self, *args, committee, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.committee = committee
        task = self.instance if self.instance.pk else None
        if user is None:
            del self.fields["depends_on"]
        else:
            self.fields["depends_on"].queryset = get_dependency_choices(user, task)
            if task is not None:
                self.initial["depends_on"] = list(
                    task.dependencies.values_list("depends_on", flat=True)
                )
        self.fields["group"].queryset = committee.task_groups.all()
        self.fields["source_document"].queryset = get_document_choices(committee)
        foreign = get_foreign_unit_ids(committee)
        self.fields["lead_unit"].queryset = get_unit_choices(
            task and task.lead_unit, foreign=foreign
        )
        self.fields["coordinating_units"].queryset = get_unit_choices(
            *(task.coordinating_units.all() if task else ()), foreign=foreign
        )
        self.fields["overseeing_member"].queryset = (
            committee.memberships.exclude(role__in=MemberRole.secretariat_roles())
            .select_related("person")
            .order_by("role", "person__full_name")
        )
        self.fields["focal_person"].queryset = Person.objects.filter(
            unit__isnull=False
        ).select_related("unit")
        if task is None:
            del self.fields["version"]
            self.fields["assigned_on"].initial = timezone.localdate()
        elif not task.deadline_text and task.deadline:
            # Tasks entered without the plan's phrase (imports, the admin) show their date.
            self.initial["deadline_text"] = task.deadline.strftime("%d/%m/%Y")
        if task is not None:
            self.initial["version"] = task.version
        if task is not None and task.deadline_changes.exists():
            self.fields["deadline_text"].help_text = _(
                "Thời hạn đã có đề nghị điều chỉnh; thời hạn mới do Thường trực duyệt "
                "theo đề nghị, không sửa ở đây."
            )

    def clean_deadline_text(self) -> str:
        return clean_deadline_phrase(self.cleaned_data["deadline_text"])

    def clean(self):
        cleaned = super().clean()
        if "version" in self.fields and cleaned.get("version") is None:
            self.add_error(None, _("Trang sửa đã cũ. Hãy tải lại trang rồi sửa lại."))
        person = cleaned.get("focal_person")
        lead_unit = cleaned.get("lead_unit")
        if person is not None and lead_unit is not None:
            units = {lead_unit.pk, *(unit.pk for unit in cleaned.get("coordinating_units", ()))}
            if person.unit_id not in units:
                self.add_error(
                    "focal_person",
                    _("Cán bộ đầu mối phải thuộc cơ quan chủ trì hoặc cơ quan phối hợp."),
                )
        return cleaned

    def show_conflict(self, conflict, current: Task) -> None:
        """Keep what the editor typed, say what changed under them and offer the current
        version, so a second save (after a look at the marked fields) goes through."""
        self.add_error(None, conflict)
        for change in conflict.changes:
            for name in change.fields:
                if name in self.fields:
                    self.add_error(
                        name,
                        _("Vừa được lưu là: %(value)s")
                        % {"value": format_task_field(current, name)},
                    )
            if change.version is not None:
                self.data = self.data.copy()
                self.data["version"] = change.version

    def get_task_fields(self) -> dict:
        """The cleaned values as the services take them."""
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields}
        if "depends_on" in self.fields:
            fields["depends_on"] = list(self.cleaned_data["depends_on"])
        return fields


def format_task_field(task: Task, name: str) -> str:
    """A field's value as the editor reads it: names, dd/mm/yyyy, Có/Không, "—" if blank."""
    model_field = Task._meta.get_field(name)
    if model_field.many_to_many:
        value = ", ".join(str(item) for item in getattr(task, name).all())
    else:
        value = getattr(task, name)
    if isinstance(value, bool):
        return str(_("Có") if value else _("Không"))
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    text = str(value) if value not in (None, "") else "—"
    return text if len(text) <= 200 else f"{text[:200]}…"


class TaskBreakdownForm(forms.Form):
    """Units that each get a sub-task of ``task``, with the sub-tasks' common fields."""

    units = UnitMultipleChoiceField(
        queryset=Unit.objects.none(), label=_("Đơn vị nhận nhiệm vụ con")
    )
    title = forms.CharField(
        label=_("Tên nhiệm vụ con"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Tên đơn vị được thêm vào sau tên này cho từng nhiệm vụ con."),
    )
    deadline_text = forms.CharField(label=_("Thời hạn"), max_length=200, help_text=DEADLINE_HELP)
    assigned_on = forms.DateField(label=_("Ngày giao"), widget=DateInput)
    expected_output = forms.CharField(
        label=_("Sản phẩm"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, task: Task, **kwargs):
        super().__init__(*args, **kwargs)
        self.task = task
        self.fields["units"].queryset = get_unit_choices(committee=task.committee).exclude(
            pk=task.lead_unit_id
        )
        self.fields["title"].initial = task.title
        self.fields["deadline_text"].initial = task.deadline_text
        self.fields["assigned_on"].initial = timezone.localdate()
        self.fields["expected_output"].initial = task.expected_output

    def clean_deadline_text(self) -> str:
        return clean_deadline_phrase(self.cleaned_data["deadline_text"])
