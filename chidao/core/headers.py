"""Content-Security-Policy on every response (Django 5.2 has none built in).

The policy comes from ``CHIDAO_CONTENT_SECURITY_POLICY``; an empty value sends none.
Everything the pages load is vendored (DESIGN.md §5), so ``'self'`` is the only source,
and scripts come from files only: no inline ``<script>``, no event-handler attributes, no
eval (the permission walk checks every page, ``tests/inline_script.py``).
"""

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "CHIDAO_CONTENT_SECURITY_POLICY", "")
        if policy and "Content-Security-Policy" not in response.headers:
            response.headers["Content-Security-Policy"] = policy
        return response
