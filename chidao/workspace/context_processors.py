from chidao.committees.access import get_roles
from chidao.workspace.menu import get_main_menu


def main_menu(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"main_menu": []}
    return {"main_menu": get_main_menu(get_roles(user), request.path)}
