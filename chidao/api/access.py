from django.http import Http404

from chidao.api.models import ApiToken


def access_api_token(user, pk) -> ApiToken:
    """The token ``pk`` if it is ``user``'s own; anyone else's is a 404."""
    token = ApiToken.objects.filter(pk=pk, user=user).first() if user.is_authenticated else None
    if token is None:
        raise Http404
    return token
