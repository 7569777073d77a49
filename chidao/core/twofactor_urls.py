from django.urls import path

from chidao.core.twofactor_views import (
    two_factor_recovery_codes,
    two_factor_setup,
    two_factor_verify,
)

urlpatterns = [
    path("", two_factor_verify, name="two_factor_verify"),
    path("cai-dat/", two_factor_setup, name="two_factor_setup"),
    path("ma-du-phong/", two_factor_recovery_codes, name="two_factor_recovery_codes"),
]
