from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from chidao.api.models import ApiToken, hash_token
from chidao.core.retries import repeatable_write


class HashedTokenAuthentication(authentication.TokenAuthentication):
    """``Authorization: Token <key>`` checked against ``ApiToken`` digests.

    A revoked token, or a token of an inactive account, is refused with 401.
    """

    keyword = "Token"

    def authenticate_credentials(self, key):
        token = (
            ApiToken.objects.select_related("user")
            .filter(digest=hash_token(key), revoked_at__isnull=True)
            .first()
        )
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Khóa API không hợp lệ hoặc đã bị thu hồi."))
        now = timezone.now()
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
            # Committed at once, before the view's write; the same if a write the database
            # broke off is tried again (core.retries).
            with repeatable_write():
                ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token
