"""API rate limits (DRF throttles) whose rates are read from settings on every request,
so ``CHIDAO_API_RATE_*`` can change without a reload and tests can override them.
DRF answers a throttled request with 429 and ``Retry-After``."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class ApiUserRateThrottle(UserRateThrottle):
    def get_rate(self):
        return settings.CHIDAO_API_RATE_USER or None


class ApiAnonRateThrottle(AnonRateThrottle):
    def get_rate(self):
        return settings.CHIDAO_API_RATE_ANON or None
