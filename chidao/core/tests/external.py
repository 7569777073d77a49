"""Find what a page would load from another host (DESIGN.md §5: no page loads the internet).

Government intranets are often air-gapped: a stylesheet, script, font or image from a CDN
fails there silently and the page breaks. The permission walk runs this check on every
page it renders; the browser tests also watch the network itself (``browser.py``).
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

# Attributes that make the browser fetch something by themselves. Links in <a href> and
# form actions are left out: the user follows them, the page does not load them.
SRC_ATTRIBUTES = ("src", "data", "poster", "background", "xlink:href")
HREF_TAGS = ("link", "script", "img", "iframe", "image", "use")
SRCSET_ATTRIBUTES = ("srcset", "imagesrcset")

CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.IGNORECASE | re.DOTALL)
CSS_IMPORT = re.compile(r"""@import\s+(['"])(.*?)\1""", re.IGNORECASE)


def is_external(url: str, allowed_hosts: tuple[str, ...] = ()) -> bool:
    """Whether ``url`` points to another host (``https://cdn…``, ``//fonts…``).

    Relative URLs (``/static/…``) and inline ``data:`` URIs stay on the page's own server.
    """
    url = url.strip()
    if url.startswith(("//", "\\\\")):
        return True
    parts = urlsplit(url)
    if not parts.netloc:
        return False
    return parts.hostname not in allowed_hosts


def urls_in_css(css: str) -> list[str]:
    return [match.group(2) for match in CSS_URL.finditer(css)] + [
        match.group(2) for match in CSS_IMPORT.finditer(css)
    ]


class _ResourceCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if not value:
                continue
            if name in SRC_ATTRIBUTES or (name == "href" and tag in HREF_TAGS):
                self.urls.append(value)
            elif name in SRCSET_ATTRIBUTES:
                self.urls.extend(
                    candidate.split()[0] for candidate in value.split(",") if candidate.split()
                )
            elif name == "style":
                self.urls.extend(urls_in_css(value))
        if tag == "style":
            self._in_style = True

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "style":
            self._in_style = False

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.urls.extend(urls_in_css(data))


def find_external_resources(html: str, allowed_hosts: tuple[str, ...] = ()) -> list[str]:
    """Every URL the page would load from another host, in page order.

    Args:
        html: the page's HTML.
        allowed_hosts: host names that count as the page's own server when a URL is
            written absolute (``http://testserver/static/…``).

    Returns:
        The offending URLs as written in the page; an empty list for a self-contained page.
    """
    collector = _ResourceCollector()
    collector.feed(html)
    collector.close()
    return [url for url in collector.urls if is_external(url, allowed_hosts)]
