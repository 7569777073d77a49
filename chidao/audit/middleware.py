from chidao.audit import context
from chidao.audit.choices import AuditAction
from chidao.audit.services import do_record_event


class RequestContextMiddleware:
    """Give each request an id (kept from ``X-Request-ID`` when the proxy sets one), note
    the client's address, and record every refusal (403)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        ctx = context.build_context(request)
        token = context.current.set(ctx)
        try:
            response = self.get_response(request)
        finally:
            context.current.reset(token)
        response["X-Request-ID"] = ctx.request_id
        if response.status_code == 403:
            user = getattr(request, "user", None)
            do_record_event(
                action=AuditAction.PERMISSION_DENIED,
                user=user if user is not None and user.is_authenticated else None,
                ctx=ctx,
            )
        return response
