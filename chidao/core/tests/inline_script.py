"""Find script a page carries inline (docs/security.md §4: script-src 'self' only).

The Content-Security-Policy refuses inline script, so a page that still has some breaks
in the browser: the chart stays empty, the button does nothing. The permission walk runs
this check on every page it renders, so a new inline block fails a fast test instead of
waiting for a browser test to open that page.

Inline script is:

- a ``<script>`` without ``src`` (data blocks of ``type="application/json"``, written by
  Django's ``json_script`` filter, are data, not script);
- an event-handler attribute (``onclick=``, ``onload=`` …) and htmx's ``hx-on`` handlers,
  which htmx runs with ``Function()``;
- a ``javascript:`` URL in any attribute, and htmx's ``js:`` values (``hx-vals``), which
  htmx evaluates too.
"""

import re
from html.parser import HTMLParser

DATA_TYPES = ("application/json",)
EVENT_HANDLER = re.compile(r"^on[a-z]+$")
HTMX_HANDLER = re.compile(r"^(data-)?hx-on")
HTMX_EVALUATED = ("hx-vals", "hx-headers", "data-hx-vals", "data-hx-headers")


class _InlineScriptCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "script" and not values.get("src"):
            kind = (values.get("type") or "").strip().lower()
            if kind not in DATA_TYPES:
                self.found.append(f"<script> without src at line {self.getpos()[0]}")
        for name, value in attrs:
            text = (value or "").strip().lower()
            if EVENT_HANDLER.match(name) or HTMX_HANDLER.match(name):
                self.found.append(f"<{tag} {name}=…> at line {self.getpos()[0]}")
            elif text.startswith("javascript:"):
                self.found.append(f"<{tag} {name}=javascript:…> at line {self.getpos()[0]}")
            elif name in HTMX_EVALUATED and text.startswith(("js:", "javascript:")):
                self.found.append(f"<{tag} {name}=js:…> at line {self.getpos()[0]}")


def find_inline_script(html: str) -> list[str]:
    """Every piece of inline script in ``html``, in page order.

    Args:
        html: the page's HTML.

    Returns:
        One description per finding (``"<button onclick=…> at line 15"``); an empty list
        for a page whose script all comes from files.
    """
    collector = _InlineScriptCollector()
    collector.feed(html)
    collector.close()
    return collector.found
