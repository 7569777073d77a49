"""Forms of the meeting pages; the writes are in ``services``."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chidao.assignments.forms.tasks import (
    DEADLINE_HELP,
    DateInput,
    UnitChoiceField,
    UnitMultipleChoiceField,
    clean_deadline_phrase,
    get_document_choices,
    get_unit_choices,
)
from chidao.meetings.choices import Attendance, MeetingKind
from chidao.meetings.models import Meeting


class MembershipChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.person.full_name} — {obj.get_role_display()}"


class MeetingForm(forms.Form):
    """A meeting as the secretariat records it; one attendance choice per member."""

    number = forms.IntegerField(label=_("Phiên họp số"), min_value=1)
    kind = forms.ChoiceField(label=_("Loại phiên họp"), choices=MeetingKind.choices)
    held_on = forms.DateField(label=_("Ngày họp"), widget=DateInput())
    place = forms.CharField(label=_("Địa điểm"), max_length=300, required=False)
    chair = MembershipChoiceField(label=_("Chủ trì"), queryset=None, required=False)
    guests = forms.CharField(
        label=_("Khách mời"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Đại biểu không phải thành viên, mỗi dòng một người."),
    )
    minutes = forms.CharField(
        label=_("Biên bản, diễn biến phiên họp"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    minutes_file = forms.FileField(
        label=_("Tệp biên bản"),
        required=False,
        help_text=_("PDF hoặc Word (DOCX)."),
        widget=forms.FileInput(attrs={"accept": ".pdf,.docx"}),
    )

    def __init__(self, *args, committee, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = list(members)
        self.fields["chair"].queryset = committee.memberships.select_related("person")
        self.attendance_fields = []
        for member in self.members:
            status = f"attendance_{member.pk}"
            delegate = f"delegate_{member.pk}"
            self.fields[status] = forms.ChoiceField(
                label=f"{member.person.full_name} — {member.title or member.get_role_display()}",
                choices=Attendance.choices,
                initial=Attendance.PRESENT,
            )
            self.fields[delegate] = forms.CharField(
                label=_("Người dự thay"), max_length=300, required=False
            )
            self.attendance_fields.append((member, self[status], self[delegate]))

    def main_fields(self):
        return [self[name] for name in ("number", "kind", "held_on", "place", "chair", "guests")]

    def get_attendance(self):
        from chidao.meetings.services import AttendanceLine

        return [
            AttendanceLine(
                membership=member,
                status=self.cleaned_data[f"attendance_{member.pk}"],
                delegate=self.cleaned_data.get(f"delegate_{member.pk}", ""),
            )
            for member in self.members
        ]

    @staticmethod
    def initial_for(meeting: Meeting) -> dict:
        initial = {
            "number": meeting.number,
            "kind": meeting.kind,
            "held_on": meeting.held_on,
            "place": meeting.place,
            "chair": meeting.chair_id,
            "guests": meeting.guests,
            "minutes": meeting.minutes,
        }
        for attendance in meeting.attendances.all():
            initial[f"attendance_{attendance.membership_id}"] = attendance.status
            initial[f"delegate_{attendance.membership_id}"] = attendance.delegate
        return initial


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Nội dung"), max_length=500, required=False)
    presenter = forms.CharField(label=_("Người trình bày"), max_length=300, required=False)
    document = forms.ModelChoiceField(label=_("Văn bản trình"), queryset=None, required=False)

    def __init__(self, *args, documents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = documents
        self.fields["document"].label_from_instance = lambda d: f"{d.symbol} — {d.summary[:60]}"


def get_agenda_formset(data=None, *, committee, initial=(), rows: int = 4):
    initial = list(initial)
    formset_class = forms.formset_factory(AgendaItemForm, extra=max(rows - len(initial), 1))
    return formset_class(
        data,
        prefix="agenda",
        initial=initial,
        form_kwargs={"documents": get_document_choices(committee)},
    )


class ConclusionForm(forms.Form):
    text = forms.CharField(
        label=_("Nội dung kết luận"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Một mục kết luận của người chủ trì, như sẽ ghi trong thông báo kết luận."),
    )


class ConclusionTaskForm(forms.Form):
    """One task the conclusion assigns; a row left without a title is skipped."""

    title = forms.CharField(
        label=_("Nhiệm vụ"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    lead_unit = UnitChoiceField(label=_("Cơ quan chủ trì"), queryset=None, required=False)
    coordinating_units = UnitMultipleChoiceField(
        label=_("Cơ quan phối hợp"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )
    deadline_text = forms.CharField(
        label=_("Thời hạn"), max_length=200, required=False, help_text=DEADLINE_HELP
    )
    expected_output = forms.CharField(label=_("Sản phẩm"), max_length=500, required=False)
    overseeing_member = MembershipChoiceField(
        label=_("Lãnh đạo phụ trách"), queryset=None, required=False
    )

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        units = get_unit_choices().order_by("name")
        self.fields["lead_unit"].queryset = units
        self.fields["coordinating_units"].queryset = units
        self.fields["overseeing_member"].queryset = committee.memberships.select_related("person")

    @property
    def is_blank(self) -> bool:
        return not (self.cleaned_data.get("title") or "").strip()

    def clean(self):
        data = super().clean()
        if not (data.get("title") or "").strip():
            return data
        if data.get("lead_unit") is None:
            self.add_error("lead_unit", _("Chọn cơ quan chủ trì."))
        if not (data.get("deadline_text") or "").strip():
            self.add_error("deadline_text", _("Ghi thời hạn."))
        else:
            try:
                data["deadline_text"] = clean_deadline_phrase(data["deadline_text"])
            except forms.ValidationError as error:
                self.add_error("deadline_text", error)
        return data


def get_task_formset(data=None, *, committee, rows: int = 3):
    formset_class = forms.formset_factory(ConclusionTaskForm, extra=rows, max_num=30)
    return formset_class(data, prefix="tasks", form_kwargs={"committee": committee})


class NoticeForm(forms.Form):
    number = forms.CharField(
        label=_("Số thông báo"),
        max_length=20,
        help_text=_('Chỉ ghi số, ví dụ "15"; ký hiệu "TB-BCĐ" do hệ thống ghép.'),
    )
    issued_on = forms.DateField(label=_("Ngày thông báo"), widget=DateInput())


class InspectionForm(forms.Form):
    title = forms.CharField(label=_("Tên đợt kiểm tra"), max_length=300)
    scheduled_on = forms.DateField(label=_("Ngày kiểm tra"), widget=DateInput())
    units = UnitMultipleChoiceField(
        label=_("Đơn vị được kiểm tra"),
        queryset=None,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    period_start = forms.DateField(label=_("Kiểm tra từ ngày"), widget=DateInput(), required=False)
    period_end = forms.DateField(label=_("Đến ngày"), widget=DateInput(), required=False)
    content = forms.CharField(
        label=_("Nội dung kiểm tra"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    team = forms.CharField(
        label=_("Đoàn kiểm tra"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mỗi dòng một người."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = get_unit_choices().order_by("name")


class FindingForm(forms.Form):
    unit = UnitChoiceField(label=_("Đơn vị"), queryset=None)
    text = forms.CharField(label=_("Kết quả kiểm tra"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, inspection, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = inspection.units.order_by("name")


class RecommendationForm(forms.Form):
    """One recommendation; a row without content is skipped."""

    title = forms.CharField(
        label=pgettext_lazy("một kiến nghị sau kiểm tra", "Kiến nghị"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    deadline_text = forms.CharField(
        label=_("Thời hạn"), max_length=200, required=False, help_text=DEADLINE_HELP
    )
    expected_output = forms.CharField(label=_("Sản phẩm"), max_length=500, required=False)

    @property
    def is_blank(self) -> bool:
        return not (self.cleaned_data.get("title") or "").strip()

    def clean(self):
        data = super().clean()
        if not (data.get("title") or "").strip():
            return data
        if not (data.get("deadline_text") or "").strip():
            self.add_error("deadline_text", _("Ghi thời hạn."))
        else:
            try:
                data["deadline_text"] = clean_deadline_phrase(data["deadline_text"])
            except forms.ValidationError as error:
                self.add_error("deadline_text", error)
        return data


def get_recommendation_formset(data=None, *, rows: int = 3):
    formset_class = forms.formset_factory(RecommendationForm, extra=rows, max_num=30)
    return formset_class(data, prefix="tasks")
