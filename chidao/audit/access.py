from django.core.exceptions import PermissionDenied

from chidao.committees.access import get_roles


def access_audit_log(user) -> None:
    """Only system administrators read the audit log (403 for everyone else)."""
    if not get_roles(user).is_admin:
        raise PermissionDenied
