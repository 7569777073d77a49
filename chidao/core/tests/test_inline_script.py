"""The inline-script finder the permission walk runs on every page."""

from chidao.core.tests.inline_script import find_inline_script


def test_a_page_with_script_files_and_json_data_has_no_inline_script():
    html = """<html><head><script src="/static/vendor/htmx/htmx.min.js" defer></script></head>
    <body><a href="/viec/?status=overdue">Quá hạn</a>
    <button type="button" data-print>In</button>
    <div hx-vals='{"task": "1"}' hx-post="/kiem-tra/"></div>
    <script id="dashboard-data" type="application/json">{"units": []}</script>
    <script src="/static/dashboards/committee-dashboard.js"></script></body></html>"""
    assert find_inline_script(html) == []


def test_every_kind_of_inline_script_is_found():
    html = """<body>
    <script>alert(1)</script>
    <script type="module">import "/x.js";</script>
    <button onclick="window.print()">In</button>
    <img src="/a.png" ONERROR="x()">
    <a href=" JavaScript:void(0)">x</a>
    <form action="javascript:send()"></form>
    <div hx-on:click="x()"></div>
    <div hx-vals='js:{a: b()}'></div>
    </body>"""
    found = find_inline_script(html)
    assert found == [
        "<script> without src at line 2",
        "<script> without src at line 3",
        "<button onclick=…> at line 4",
        "<img onerror=…> at line 5",
        "<a href=javascript:…> at line 6",
        "<form action=javascript:…> at line 7",
        "<div hx-on:click=…> at line 8",
        "<div hx-vals=js:…> at line 9",
    ]
