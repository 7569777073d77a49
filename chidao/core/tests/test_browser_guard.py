"""The guard of the browser tests catches what it promises to catch (``browser.py``).

A guard that never fires would let a page load a CDN script and still pass the browser
scenarios; these tests make each kind of problem happen on purpose.
"""

import pytest

pytestmark = pytest.mark.browser


def test_a_clean_page_passes(web, page):
    page.goto(web.url("login"))

    web.step(page, "sign-in page")

    assert page.locator("input[name=username]").is_visible()


def test_a_request_to_another_host_fails_the_step(web, page):
    page.goto(web.url("login"))
    page.evaluate("fetch('https://cdn.example.com/bootstrap.css').catch(() => null)")

    # The Content-Security-Policy now stops the fetch before it leaves (a console error);
    # the guard fails the step either way, naming the host.
    with pytest.raises(pytest.fail.Exception, match=r"https://cdn\.example\.com/"):
        web.step(page, "fetch from a CDN")


def test_a_reference_to_another_host_in_the_page_fails_the_step(web, page):
    page.goto(web.url("login"))
    with page.expect_event("requestfailed"):
        page.evaluate(
            """() => {
                const link = document.createElement("link");
                link.rel = "preload";
                link.as = "font";
                link.href = "https://fonts.example.com/roboto.woff2";
                document.head.append(link);
            }"""
        )

    with pytest.raises(pytest.fail.Exception) as failure:
        web.step(page, "font from another host")

    assert "another host: https://fonts.example.com/roboto.woff2" in str(failure.value)
    assert "the page refers to another host: https://fonts.example.com/" in str(failure.value)


def test_a_console_error_fails_the_step(web, page):
    page.goto(web.url("login"))
    page.evaluate("console.error('Không tải được dữ liệu')")

    with pytest.raises(pytest.fail.Exception, match="console error: Không tải được dữ liệu"):
        web.step(page, "console error")


def test_a_script_error_fails_the_step(web, page):
    page.goto(web.url("login"))
    with page.expect_event("pageerror"):
        page.evaluate("setTimeout(() => { throw new Error('hỏng') }, 0)")

    with pytest.raises(pytest.fail.Exception, match=r"script error: .*hỏng"):
        web.step(page, "script error")


def test_a_missing_page_of_the_site_fails_the_step(web, page):
    page.goto(web.url("login") + "khong-co/")

    with pytest.raises(pytest.fail.Exception, match=r"404 for http://\S+/khong-co/"):
        web.step(page, "missing page")
