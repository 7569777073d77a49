"""The site's addresses plus one that fails, to see the 500 page (test_error_pages)."""

from django.urls import path

from chidao.urls import handler400, handler403, handler404, handler500, urlpatterns


def fail(request):
    raise RuntimeError("boom")


urlpatterns = [*urlpatterns, path("hong/", fail), path("api/v1/hong/", fail)]
__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
