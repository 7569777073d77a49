"""Import pages: upload a plan, preview every row, add an alias, commit.

Thin views: ``access_committee(..., "manage")`` / ``access_import`` decide who may, the
services in ``services.py`` write.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, ngettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chidao.committees.access import access_committee, get_roles
from chidao.committees.models import Committee
from chidao.core.forms import add_service_errors
from chidao.core.spreadsheets import XLSX_CONTENT_TYPE
from chidao.core.uploads import build_attachment
from chidao.imports import services
from chidao.imports.access import access_import
from chidao.imports.blank_forms import build_import_template
from chidao.imports.choices import ImportKind, ImportState
from chidao.imports.drafting import get_draft_tasks
from chidao.imports.drafting_forms import DirectiveTextForm, DraftSourceForm, DraftTaskFormSet
from chidao.imports.forms import (
    IndicatorUploadForm,
    ObservationUploadForm,
    TaskUploadForm,
    UnitAliasForm,
)
from chidao.imports.indicator_plans import build_indicator_plan
from chidao.imports.jobs import get_progress
from chidao.imports.models import DataImport, UnitAlias
from chidao.imports.observation_plans import build_observation_plan
from chidao.imports.task_plans import build_task_plan
from chidao.overlap import finder


@login_required
def import_index(request):
    """The committees the user manages, with their recent imports."""
    roles = get_roles(request.user)
    committees = (
        Committee.objects.all()
        if roles.is_admin
        else Committee.objects.filter(pk__in=roles.secretariat_scope)
    )
    imports = DataImport.objects.filter(committee__in=committees).select_related(
        "committee", "uploaded_by"
    )[:20]
    return render(
        request,
        "imports/index.html",
        {"committees": committees.order_by("name"), "imports": imports},
    )


@dataclass(frozen=True)
class ImportFlow:
    """How one kind of import goes through the same three pages: upload, preview, commit.

    The pages are the same for every kind; what differs is listed here: the form and the
    upload options it stores with the file, the plan builder and the commit service, the
    message after the commit and where the secretariat goes next. ``name`` prefixes the
    kind's URL names and templates (``imports:<name>_preview``, ``<name>_upload.html``).
    """

    name: str
    form_class: type
    options: tuple[str, ...]
    build_plan: Callable
    commit: Callable
    committed_message: str
    # Only the task form offers a source document, chosen among the committee's.
    form_needs_committee: bool = False
    # The task preview lists the aliases already recorded (they decide its unit names).
    lists_aliases: bool = False
    # Where to go after a commit; None: back to the preview, which now says it is committed.
    after_commit: Callable | None = None

    @property
    def preview_url_name(self) -> str:
        return f"imports:{self.name}_preview"


IMPORT_FLOWS: dict[str, ImportFlow] = {
    ImportKind.TASKS: ImportFlow(
        name="task",
        form_class=TaskUploadForm,
        options=(
            "group_mode",
            "unknown_names",
            "group_leads",
            "code_prefix",
            "assigned_on",
            "source_document",
        ),
        build_plan=build_task_plan,
        commit=services.do_commit_task_import,
        committed_message=ngettext_lazy(
            "Đã ghi %(count)s nhiệm vụ vào hệ thống.",
            "Đã ghi %(count)s nhiệm vụ vào hệ thống.",
            "count",
        ),
        form_needs_committee=True,
        lists_aliases=True,
        # The new tasks are what the secretariat wants to see next, in the task list.
        after_commit=lambda data_import: (
            f"{reverse('assignments:task_list')}?committee={data_import.committee_id}"
        ),
    ),
    ImportKind.INDICATORS: ImportFlow(
        name="indicator",
        form_class=IndicatorUploadForm,
        options=("code_prefix", "target_year"),
        build_plan=build_indicator_plan,
        commit=services.do_commit_indicator_import,
        committed_message=ngettext_lazy(
            "Đã ghi %(count)s chỉ tiêu, mục tiêu vào hệ thống.",
            "Đã ghi %(count)s chỉ tiêu, mục tiêu vào hệ thống.",
            "count",
        ),
    ),
    ImportKind.OBSERVATIONS: ImportFlow(
        name="observation",
        form_class=ObservationUploadForm,
        options=(),
        build_plan=build_observation_plan,
        commit=services.do_commit_observation_import,
        committed_message=ngettext_lazy(
            "Đã ghi %(count)s số liệu vào hệ thống.",
            "Đã ghi %(count)s số liệu vào hệ thống.",
            "count",
        ),
    ),
}


def _upload_view(kind: str):
    flow = IMPORT_FLOWS[kind]

    @login_required
    def view(request, committee_pk):
        committee = access_committee(request.user, committee_pk, "manage")
        extra = {"committee": committee} if flow.form_needs_committee else {}
        form = flow.form_class(request.POST or None, request.FILES or None, **extra)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                data_import = services.do_upload_import(
                    committee=committee,
                    by=request.user,
                    kind=kind,
                    filename=upload.name,
                    content=upload.read(),
                    **{option: form.cleaned_data[option] for option in flow.options},
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect(flow.preview_url_name, pk=data_import.pk)
        return render(
            request, f"imports/{flow.name}_upload.html", {"committee": committee, "form": form}
        )

    # Named as the URL is, for tracebacks and the permission table's messages.
    view.__name__ = view.__qualname__ = f"{flow.name}_upload"
    return view


def _preview_view(kind: str):
    flow = IMPORT_FLOWS[kind]

    @login_required
    def view(request, pk):
        data_import = access_import(request.user, pk)
        if data_import.kind != kind:
            # An old link or a typed address: show the import on its own kind's page.
            return redirect(_preview_url_name(data_import), pk=data_import.pk)
        context = {
            "data_import": data_import,
            "committee": data_import.committee,
            "plan": flow.build_plan(data_import),
            "alias_form": UnitAliasForm(committee=data_import.committee),
        }
        if kind == ImportKind.TASKS:
            context["decide_url"] = reverse("imports:task_decide", kwargs={"pk": data_import.pk})
        if flow.lists_aliases:
            context["aliases"] = UnitAlias.objects.filter(
                committee=data_import.committee
            ).select_related("unit")
        return render(request, f"imports/{flow.name}_preview.html", context)

    # Named as the URL is, for tracebacks and the permission table's messages.
    view.__name__ = view.__qualname__ = f"{flow.name}_preview"
    return view


def _commit_view(kind: str):
    flow = IMPORT_FLOWS[kind]

    @login_required
    @require_POST
    def view(request, pk):
        data_import = access_import(request.user, pk)
        if services.runs_in_background(data_import):
            try:
                services.do_queue_task_commit(data_import=data_import, by=request.user)
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
                return redirect(flow.preview_url_name, pk=data_import.pk)
            return redirect("imports:task_progress", pk=data_import.pk)
        try:
            plan = flow.commit(data_import=data_import, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(flow.preview_url_name, pk=data_import.pk)
        messages.success(request, flow.committed_message % {"count": len(plan.rows_to_create)})
        if flow.after_commit is not None:
            return redirect(flow.after_commit(data_import))
        return redirect(flow.preview_url_name, pk=data_import.pk)

    # Named as the URL is, for tracebacks and the permission table's messages.
    view.__name__ = view.__qualname__ = f"{flow.name}_commit"
    return view


task_upload = _upload_view(ImportKind.TASKS)
task_preview = _preview_view(ImportKind.TASKS)
task_commit = _commit_view(ImportKind.TASKS)
indicator_upload = _upload_view(ImportKind.INDICATORS)
indicator_preview = _preview_view(ImportKind.INDICATORS)
indicator_commit = _commit_view(ImportKind.INDICATORS)
observation_upload = _upload_view(ImportKind.OBSERVATIONS)
observation_preview = _preview_view(ImportKind.OBSERVATIONS)
observation_commit = _commit_view(ImportKind.OBSERVATIONS)


@login_required
@require_GET
def task_progress(request, pk):
    """The background commit of a big task file: a progress bar that htmx refreshes
    until the job ends, then what it wrote or why it wrote nothing."""
    data_import = access_import(request.user, pk)
    if data_import.kind != ImportKind.TASKS or data_import.state == ImportState.PREVIEWED:
        return redirect(_preview_url_name(data_import), pk=data_import.pk)
    progress = get_progress(data_import.pk) if data_import.state == ImportState.QUEUED else None
    done, total = progress or (0, 0)
    context = {
        "data_import": data_import,
        "committee": data_import.committee,
        "done": done,
        "total": total,
        "percent": round(100 * done / total) if total else 0,
        "task_list_url": IMPORT_FLOWS[ImportKind.TASKS].after_commit(data_import),
    }
    if request.headers.get("HX-Request") == "true":
        return render(request, "imports/includes/task_progress_panel.html", context)
    return render(request, "imports/task_progress.html", context)


@login_required
@require_POST
def alias_create(request, committee_pk):
    committee = access_committee(request.user, committee_pk, "manage")
    form = UnitAliasForm(request.POST, committee=committee)
    back = request.POST.get("data_import", "")
    data_import = (
        DataImport.objects.filter(pk=back, committee=committee).first()
        if (back.isdigit())
        else None
    )
    if form.is_valid():
        try:
            alias = services.do_create_unit_alias(
                committee=committee,
                by=request.user,
                name=form.cleaned_data["name"],
                unit=form.cleaned_data["unit"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("Đã ghi nhận “%(name)s” là “%(unit)s”.")
                % {"name": alias.name, "unit": alias.unit.name},
            )
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    if data_import is not None:
        return redirect(_preview_url_name(data_import), pk=data_import.pk)
    return redirect("imports:index")


@login_required
@require_POST
def task_decide(request, pk):
    """Record a choice made in the task preview (skip a row, keep a name as written, fan
    a group lead out, a group is new or the same); back to the preview."""
    data_import = access_import(request.user, pk)
    if data_import.kind != ImportKind.TASKS or data_import.state != "previewed":
        messages.error(request, _("Lần nhập này không còn nhận quyết định."))
        return redirect(_preview_url_name(data_import), pk=data_import.pk)
    try:
        decision = services.do_record_import_decision(
            data_import=data_import,
            by=request.user,
            subject=request.POST.get("subject", ""),
            key=request.POST.get("key", ""),
            action=request.POST.get("action", ""),
            text=request.POST.get("key", ""),
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Đã ghi nhận: “%(text)s” — %(action)s.")
            % {"text": decision.text, "action": decision.get_action_display()},
        )
    return redirect("imports:task_preview", pk=data_import.pk)


def _preview_url_name(data_import: DataImport) -> str:
    return IMPORT_FLOWS.get(data_import.kind, IMPORT_FLOWS[ImportKind.TASKS]).preview_url_name


@login_required
def task_template(request):
    """The blank workbook for a task import, with its column guide; anyone signed in."""
    return _template_response(ImportKind.TASKS, "mau-nhap-nhiem-vu.xlsx")


@login_required
def indicator_template(request):
    """The blank workbook for an indicator import, with its column guide."""
    return _template_response(ImportKind.INDICATORS, "mau-nhap-chi-tieu.xlsx")


def _template_response(kind: str, filename: str) -> HttpResponse:
    return build_attachment(build_import_template(kind), XLSX_CONTENT_TYPE, filename)


# Directive text → draft tasks (drafting.py); address and name stay in the overlap
# namespace (``overlap:draft_from_text``, see chidao/urls.py) ----------------------------


def _initial(draft) -> dict:
    return {
        "keep": draft.lead_unit is not None,
        "title": draft.title.value,
        "lead_unit": draft.lead_unit.key if draft.lead_unit else None,
        "coordinating_units": [unit.key for unit in draft.coordinating_units],
        "expected_output": draft.output.value,
        "deadline_text": draft.deadline.value,
        "source": draft.source,
    }


@login_required
@require_http_methods(["GET", "POST"])
def draft_from_text(request, committee_pk):
    """The secretariat pastes a passage of a plan, corrects the draft tasks read from it
    and saves those it keeps in one step, with the document they come from."""
    committee = access_committee(request.user, committee_pk, "manage")
    saving = request.method == "POST" and request.POST.get("action") == "save"
    form = DirectiveTextForm(
        None if saving else (request.POST or None), request.FILES or None, by=request.user
    )
    source_form = DraftSourceForm(request.POST if saving else None, committee=committee)
    drafts = formset = None
    if saving:
        formset = DraftTaskFormSet(request.POST, prefix="draft")
        if formset.is_valid() and source_form.is_valid():
            kept = [f.get_task_fields() for f in formset if f.cleaned_data.get("keep")]
            if not kept:
                source_form.add_error(None, _("Chưa chọn nhiệm vụ nào để giao."))
            else:
                try:
                    tasks = services.do_create_tasks_from_drafts(
                        committee=committee,
                        by=request.user,
                        drafts=kept,
                        **source_form.cleaned_data,
                    )
                except ValidationError as error:
                    source_form.add_error(None, error)
                else:
                    messages.success(
                        request,
                        ngettext(
                            "Đã giao %(count)d nhiệm vụ.", "Đã giao %(count)d nhiệm vụ.", len(tasks)
                        )
                        % {"count": len(tasks)},
                    )
                    return redirect(f"{reverse('assignments:task_list')}?committee={committee.pk}")
    elif request.method == "POST" and form.is_valid():
        drafts = get_draft_tasks(form.get_text(), committee)
        formset = DraftTaskFormSet(initial=[_initial(draft) for draft in drafts], prefix="draft")
        for draft, draft_form in zip(drafts, formset, strict=True):
            draft.form = draft_form
            draft.duplicates = finder.get_possible_duplicates(
                request.user, committee, title=draft.title.value, limit=3
            )
    return render(
        request,
        "imports/draft_from_text.html",
        {
            "committee": committee,
            "form": form,
            "drafts": drafts,
            "formset": formset,
            "source_form": source_form,
        },
    )
