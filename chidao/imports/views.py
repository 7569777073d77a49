"""Import pages: upload a plan, preview every row, add an alias, commit.

Thin views: ``access_committee(..., "manage")`` / ``access_import`` decide who may, the
services in ``services.py`` write.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chidao.committees.access import access_committee, get_roles
from chidao.committees.models import Committee
from chidao.core.uploads import build_attachment
from chidao.imports import services
from chidao.imports.access import access_import
from chidao.imports.blank_forms import build_import_template
from chidao.imports.choices import ImportKind
from chidao.imports.forms import (
    IndicatorUploadForm,
    ObservationUploadForm,
    TaskUploadForm,
    UnitAliasForm,
)
from chidao.imports.indicator_plans import build_indicator_plan
from chidao.imports.models import DataImport, UnitAlias
from chidao.imports.observation_plans import build_observation_plan
from chidao.imports.task_plans import build_task_plan


def _form_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


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


@login_required
def task_upload(request, committee_pk):
    committee = access_committee(request.user, committee_pk, "manage")
    form = TaskUploadForm(request.POST or None, request.FILES or None, committee=committee)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            data_import = services.do_upload_import(
                committee=committee,
                by=request.user,
                kind=ImportKind.TASKS,
                filename=upload.name,
                content=upload.read(),
                group_mode=form.cleaned_data["group_mode"],
                code_prefix=form.cleaned_data["code_prefix"],
                assigned_on=form.cleaned_data["assigned_on"],
                source_document=form.cleaned_data["source_document"],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            return redirect("imports:task_preview", pk=data_import.pk)
    return render(request, "imports/task_upload.html", {"committee": committee, "form": form})


@login_required
def task_preview(request, pk):
    data_import = access_import(request.user, pk)
    if data_import.kind != ImportKind.TASKS:
        return redirect(_preview_url_name(data_import), pk=data_import.pk)
    plan = build_task_plan(data_import)
    aliases = UnitAlias.objects.filter(committee=data_import.committee).select_related("unit")
    return render(
        request,
        "imports/task_preview.html",
        {
            "data_import": data_import,
            "committee": data_import.committee,
            "plan": plan,
            "alias_form": UnitAliasForm(),
            "aliases": aliases,
        },
    )


@login_required
@require_POST
def task_commit(request, pk):
    data_import = access_import(request.user, pk)
    try:
        plan = services.do_commit_task_import(data_import=data_import, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("imports:task_preview", pk=data_import.pk)
    messages.success(
        request,
        _("Đã ghi %(count)s nhiệm vụ vào hệ thống.") % {"count": len(plan.rows_to_create)},
    )
    return redirect(f"{reverse('assignments:task_list')}?committee={data_import.committee_id}")


@login_required
@require_POST
def alias_create(request, committee_pk):
    committee = access_committee(request.user, committee_pk, "manage")
    form = UnitAliasForm(request.POST)
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


def _preview_url_name(data_import: DataImport) -> str:
    return {
        ImportKind.INDICATORS: "imports:indicator_preview",
        ImportKind.OBSERVATIONS: "imports:observation_preview",
    }.get(data_import.kind, "imports:task_preview")


@login_required
def indicator_upload(request, committee_pk):
    committee = access_committee(request.user, committee_pk, "manage")
    form = IndicatorUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            data_import = services.do_upload_import(
                committee=committee,
                by=request.user,
                kind=ImportKind.INDICATORS,
                filename=upload.name,
                content=upload.read(),
                code_prefix=form.cleaned_data["code_prefix"],
                target_year=form.cleaned_data["target_year"],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            return redirect("imports:indicator_preview", pk=data_import.pk)
    return render(request, "imports/indicator_upload.html", {"committee": committee, "form": form})


@login_required
def indicator_preview(request, pk):
    data_import = access_import(request.user, pk)
    if data_import.kind != ImportKind.INDICATORS:
        return redirect(_preview_url_name(data_import), pk=data_import.pk)
    return render(
        request,
        "imports/indicator_preview.html",
        {
            "data_import": data_import,
            "committee": data_import.committee,
            "plan": build_indicator_plan(data_import),
            "alias_form": UnitAliasForm(),
        },
    )


@login_required
@require_POST
def indicator_commit(request, pk):
    data_import = access_import(request.user, pk)
    try:
        plan = services.do_commit_indicator_import(data_import=data_import, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("imports:indicator_preview", pk=data_import.pk)
    messages.success(
        request,
        _("Đã ghi %(count)s chỉ tiêu, mục tiêu vào hệ thống.")
        % {"count": len(plan.rows_to_create)},
    )
    return redirect("imports:indicator_preview", pk=data_import.pk)


@login_required
def observation_upload(request, committee_pk):
    committee = access_committee(request.user, committee_pk, "manage")
    form = ObservationUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            data_import = services.do_upload_import(
                committee=committee,
                by=request.user,
                kind=ImportKind.OBSERVATIONS,
                filename=upload.name,
                content=upload.read(),
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            return redirect("imports:observation_preview", pk=data_import.pk)
    return render(
        request, "imports/observation_upload.html", {"committee": committee, "form": form}
    )


@login_required
def observation_preview(request, pk):
    data_import = access_import(request.user, pk)
    if data_import.kind != ImportKind.OBSERVATIONS:
        return redirect(_preview_url_name(data_import), pk=data_import.pk)
    return render(
        request,
        "imports/observation_preview.html",
        {
            "data_import": data_import,
            "committee": data_import.committee,
            "plan": build_observation_plan(data_import),
            "alias_form": UnitAliasForm(),
        },
    )


@login_required
@require_POST
def observation_commit(request, pk):
    data_import = access_import(request.user, pk)
    try:
        plan = services.do_commit_observation_import(data_import=data_import, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Đã ghi %(count)s số liệu vào hệ thống.") % {"count": len(plan.rows_to_create)},
        )
    return redirect("imports:observation_preview", pk=data_import.pk)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def task_template(request):
    """The blank workbook for a task import, with its column guide; anyone signed in."""
    return _template_response(ImportKind.TASKS, "mau-nhap-nhiem-vu.xlsx")


@login_required
def indicator_template(request):
    """The blank workbook for an indicator import, with its column guide."""
    return _template_response(ImportKind.INDICATORS, "mau-nhap-chi-tieu.xlsx")


def _template_response(kind: str, filename: str) -> HttpResponse:
    return build_attachment(build_import_template(kind), XLSX, filename)
