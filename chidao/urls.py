from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from chidao.assignments import urls as assignments_urls
from chidao.committees import urls as committees_urls
from chidao.core.health import healthz, readyz
from chidao.core.sessions import SignOutView
from chidao.core.signin import AdminSignInForm, SignInView
from chidao.documents import urls as documents_urls
from chidao.imports import urls as imports_urls
from chidao.indicators import urls as indicators_urls
from chidao.overlap import urls as overlap_urls
from chidao.workspace.views import home

admin.site.site_header = _("Chỉ Đạo")
admin.site.site_title = _("Chỉ Đạo")
admin.site.index_title = _("Quản trị dữ liệu")
# The admin's sign-in page answers under the same per-account delay as the site's.
admin.site.login_form = AdminSignInForm

urlpatterns = [
    path("", home, name="home"),
    # Liveness for operations and the load benchmark's baseline (chidao/core/health.py).
    path("healthz", healthz, name="healthz"),
    # Readiness: the database, and Redis and the queue when configured (503 if not).
    path("readyz", readyz, name="readyz"),
    # Django's sign-in with the per-account delay of chidao/core/signin.py.
    path("dang-nhap/", SignInView.as_view(), name="login"),
    # Ends the account's sessions in every browser (chidao/core/sessions.py).
    path("dang-xuat/", SignOutView.as_view(), name="logout"),
    path("xac-thuc-hai-buoc/", include("chidao.core.twofactor_urls")),
    path("doi-mat-khau/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "doi-mat-khau/xong/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("nhiem-vu/", include("chidao.assignments.urls")),
    # A page that shows tasks next to a committee, document or indicator lives in
    # assignments (an app imports only from the floors below it, docs/architecture.md)
    # but keeps its address and name in the lower app's namespace.
    path(
        "ban-chi-dao/",
        include((committees_urls.urlpatterns + assignments_urls.committee_pages, "committees")),
    ),
    path(
        "van-ban/",
        include((documents_urls.urlpatterns + assignments_urls.document_pages, "documents")),
    ),
    path(
        "chi-tieu/",
        include((indicators_urls.urlpatterns + assignments_urls.indicator_pages, "indicators")),
    ),
    path("bao-cao/", include("chidao.reporting.urls")),
    path(
        "chong-cheo/",
        include((overlap_urls.urlpatterns + imports_urls.overlap_pages, "overlap")),
    ),
    path("thong-bao/", include("chidao.reminders.urls")),
    path("nhat-ky/", include("chidao.audit.urls")),
    path("nhap-du-lieu/", include("chidao.imports.urls")),
    path("thiet-lap/", include("chidao.onboarding.urls")),
    path("api/", include("chidao.api.urls")),
    path("phien-hop/", include("chidao.meetings.urls")),
    path("kien-nghi/", include("chidao.proposals.urls")),
    path("bang-dieu-khien/", include("chidao.dashboards.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

# Error pages in the site's layout; under /api/ they answer JSON (chidao/workspace/errors.py).
handler400 = "chidao.workspace.errors.bad_request"
handler403 = "chidao.workspace.errors.permission_denied"
handler404 = "chidao.workspace.errors.page_not_found"
handler500 = "chidao.workspace.errors.server_error"
