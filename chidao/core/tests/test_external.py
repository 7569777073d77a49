"""The static check for resources from other hosts, used on every page the walk renders."""

import pytest

from chidao.core.tests.external import find_external_resources


@pytest.mark.parametrize(
    "html",
    [
        '<link rel="stylesheet" href="/static/vendor/bootstrap/bootstrap.min.css">',
        '<script src="/static/vendor/htmx/htmx.min.js" defer></script>',
        '<img src="static/chidao/logo.png" alt="">',
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
        '<a href="https://chinhphu.vn/">Cổng Chính phủ</a>',
        '<form action="https://example.org/"></form>',
        '<div style="background: url(/static/chidao/bg.png)"></div>',
        "<style>.logo { background-image: url('../img/logo.svg'); }</style>",
        '<svg><use href="#icon-check"></use></svg>',
        '<link rel="stylesheet" href="http://testserver/static/app.css">',
        "<p>Xem https://cdn.example.com/lib.js trong văn bản</p>",
    ],
)
def test_a_self_contained_page_has_nothing_external(html):
    assert find_external_resources(html, allowed_hosts=("testserver",)) == []


@pytest.mark.parametrize(
    ("html", "url"),
    [
        (
            '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/bootstrap.css">',
            "https://cdn.jsdelivr.net/npm/bootstrap.css",
        ),
        ('<script src="//unpkg.com/htmx.org"></script>', "//unpkg.com/htmx.org"),
        ('<img src="http://example.com/a.png">', "http://example.com/a.png"),
        ('<iframe src="https://maps.google.com/embed"></iframe>', "https://maps.google.com/embed"),
        (
            '<img srcset="/a.png 1x, https://img.example.com/a@2x.png 2x">',
            "https://img.example.com/a@2x.png",
        ),
        (
            '<div style="background:url( &quot;https://x.example/bg.png&quot; )"></div>',
            "https://x.example/bg.png",
        ),
        (
            "<style>@import 'https://fonts.googleapis.com/css2?family=Roboto';</style>",
            "https://fonts.googleapis.com/css2?family=Roboto",
        ),
        (
            "<style>@font-face { src: url(//fonts.gstatic.com/roboto.woff2); }</style>",
            "//fonts.gstatic.com/roboto.woff2",
        ),
        (
            '<LINK REL="icon" HREF="HTTPS://cdn.example.com/favicon.ico">',
            "HTTPS://cdn.example.com/favicon.ico",
        ),
        ('<object data="https://example.org/doc.pdf"></object>', "https://example.org/doc.pdf"),
        ('<video poster="https://example.org/p.jpg"></video>', "https://example.org/p.jpg"),
    ],
)
def test_a_resource_from_another_host_is_found(html, url):
    found = find_external_resources(html, allowed_hosts=("testserver",))
    assert found == [url]


def test_every_offender_is_listed_in_page_order():
    html = """
        <link rel="stylesheet" href="/static/app.css">
        <link rel="stylesheet" href="https://a.example/a.css">
        <script src="https://b.example/b.js"></script>
        <img src="/static/ok.png">
    """
    assert find_external_resources(html) == ["https://a.example/a.css", "https://b.example/b.js"]


def test_an_absolute_url_to_an_unlisted_host_is_external():
    html = '<script src="http://testserver/static/app.js"></script>'
    assert find_external_resources(html) == ["http://testserver/static/app.js"]
