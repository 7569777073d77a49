"""Receivers: sign-in events, scanned uploads, and the request behind every historical
record."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record

from chidao.audit import context
from chidao.audit.choices import AuditAction
from chidao.audit.services import do_record_event
from chidao.core.uploads import upload_scanned


@receiver(user_logged_in, dispatch_uid="audit_sign_in")
def record_sign_in(sender, request, user, **kwargs):
    do_record_event(action=AuditAction.SIGN_IN, user=user, request=request)


@receiver(user_logged_out, dispatch_uid="audit_sign_out")
def record_sign_out(sender, request, user, **kwargs):
    do_record_event(action=AuditAction.SIGN_OUT, user=user, request=request)


@receiver(user_login_failed, dispatch_uid="audit_sign_in_failed")
def record_failed_sign_in(sender, credentials, request=None, **kwargs):
    do_record_event(
        action=AuditAction.SIGN_IN_FAILED,
        username=str(credentials.get("username", ""))[:150],
        request=request,
    )


@receiver(upload_scanned, dispatch_uid="audit_upload_scanned")
def record_upload_scanned(sender, user, detail, **kwargs):
    do_record_event(action=AuditAction.UPLOAD_SCANNED, user=user, detail=detail)


@receiver(pre_create_historical_record, dispatch_uid="audit_history_origin")
def note_where_a_change_came_from(sender, instance, history_instance, **kwargs):
    """Every model history row says where the change came from: the request (its id and
    the client's address) or, outside a request, a job or command. Uses the change-reason
    column every simple-history table has, so no app's history table needs new columns."""
    if history_instance.history_change_reason:
        return
    ctx = context.current.get()
    if ctx is None:
        history_instance.history_change_reason = "job"
    else:
        history_instance.history_change_reason = f"request {ctx.request_id} ip {ctx.ip or '-'}"
