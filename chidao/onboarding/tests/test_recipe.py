"""The README's production section, followed as written, on PostgreSQL and Redis.

From an empty database: ``createdb``, the environment file of ``docs/deploy``, ``migrate``,
``collectstatic``, ``createsuperuser --noinput``, ``onboard_committee --commit``, gunicorn
behind a (simulated) nginx, then the secretariat opens its one-time link, chooses a
password and signs in, and is asked for the two-step set-up. Each command runs in its own
process with the environment file's settings, as systemd and an operator's shell would.

The database is ``CHIDAO_RECIPE_DATABASE_URL``'s (default: PostgreSQL on 127.0.0.1 with the
database ``k_onboard_recipe``, dropped and created anew), Redis is ``CHIDAO_RECIPE_REDIS_URL``
(default DB 5 on 127.0.0.1, so a developer's DB 0 is left alone).
"""

import http.client
import json
import os
import re
import secrets
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from chidao.core.tests.ports import free_port, in_the_postgresql_pass, reachable

ROOT = Path(settings.BASE_DIR)
DEPLOY = ROOT / "docs" / "deploy"
SAMPLE = ROOT / "docs" / "samples" / "thai-nguyen-don-vi.xlsx"
DATABASE_URL = os.environ.get(
    "CHIDAO_RECIPE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/k_onboard_recipe"
)
REDIS_URL = os.environ.get("CHIDAO_RECIPE_REDIS_URL", "redis://127.0.0.1:6379/5")
ADMIN_PASSWORD = "Quan-tri-Thai-Nguyen-2025"
NEW_PASSWORD = "Thuong-truc-Thai-Nguyen-2025"
REQUIRED = (
    "DATABASE_URL",
    "CHIDAO_SECRET_KEY",
    "CHIDAO_ALLOWED_HOSTS",
    "CHIDAO_CSRF_TRUSTED_ORIGINS",
    "CHIDAO_PROXY_SSL_HEADER",
    "CHIDAO_TRUSTED_PROXY_HEADER",
    "CHIDAO_SITE_URL",
    "REDIS_URL",
    "CHIDAO_STATIC_ROOT",
    "CHIDAO_MEDIA_ROOT",
)


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=value lines, as systemd's EnvironmentFile reads them (comments and blanks out)."""
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _eq, value = line.partition("=")
            values[key] = value.strip('"')
    return values


def readme_sections() -> tuple[str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    vietnamese = text[text.index("## Triển khai chính thức") : text.index("## Dùng thử theo")]
    english = text[text.index("### Production") :]
    return vietnamese, english


def test_the_readme_gives_the_same_recipe_in_both_languages():
    for section in readme_sections():
        for needed in (
            "createuser",
            "createdb",
            "/etc/chidao/chidao.env",
            "docs/deploy/chidao.env.example",
            "CHIDAO_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO",
            "CHIDAO_TRUSTED_PROXY_HEADER=X-Real-IP",
            "CHIDAO_SITE_URL",
            "createsuperuser --noinput",
            "DJANGO_SUPERUSER_PASSWORD",
            "docs/deploy/chidao-web.service",
            "docs/deploy/chidao-worker.service",
            "docs/deploy/nginx.conf",
            "onboard_committee",
            "Tạo Ban Chỉ đạo",
        ):
            assert needed in section, needed
    unit = (DEPLOY / "chidao-web.service").read_text(encoding="utf-8")
    counts = {re.search(r"--workers (\d+)", text)[1] for text in (*readme_sections(), unit)}
    assert len(counts) == 1, counts


def test_the_example_files_carry_what_production_needs():
    env = read_env_file(DEPLOY / "chidao.env.example")
    assert set(REQUIRED) <= set(env)
    assert env["CHIDAO_PROXY_SSL_HEADER"] == "HTTP_X_FORWARDED_PROTO"
    for name in ("chidao-web.service", "chidao-worker.service"):
        unit = (DEPLOY / name).read_text(encoding="utf-8")
        assert "WorkingDirectory=/srv/chidao" in unit
        assert "EnvironmentFile=/etc/chidao/chidao.env" in unit
        assert "Restart=always" in unit
    assert "manage.py run_huey" in (DEPLOY / "chidao-worker.service").read_text(encoding="utf-8")
    nginx = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in nginx
    assert "proxy_set_header X-Real-IP $remote_addr;" in nginx
    assert "proxy_pass http://127.0.0.1:8001;" in nginx


class Site:
    """HTTP to the local gunicorn as nginx would forward it: HTTPS said by
    ``X-Forwarded-Proto``, the user's address in ``X-Real-IP``, cookies kept by hand (they
    are ``Secure``, which a cookie jar would not send over plain HTTP)."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {
            "Host": f"127.0.0.1:{self.port}",
            "X-Forwarded-Proto": "https",
            "X-Real-IP": "203.0.113.7",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        body = None
        if form is not None:
            from urllib.parse import urlencode

            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://127.0.0.1:{self.port}"
            headers["Referer"] = f"https://127.0.0.1:{self.port}{path}"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _eq, rest = value.partition("=")
                self.cookies[key] = rest.split(";")[0]
        connection.close()
        return response.status, response.getheader("Location", ""), text

    def csrf(self, path: str) -> tuple[str, str]:
        status, _location, text = self.request("GET", path)
        assert status == 200, (path, status, text[:500])
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text)[1], text


# Its own database and Redis whatever the suite's engine: once, in the PostgreSQL pass.
@in_the_postgresql_pass
def test_the_production_recipe_runs_from_an_empty_database(tmp_path):
    if not reachable(DATABASE_URL) or not reachable(REDIS_URL):
        # In CI a missing component is a failure; on a developer's machine without the
        # services the reason is given instead.
        message = (
            "the recipe needs PostgreSQL and Redis (CHIDAO_RECIPE_DATABASE_URL, "
            "CHIDAO_RECIPE_REDIS_URL); .ci/run provides both"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    database = urlsplit(DATABASE_URL)
    name = database.path.lstrip("/")
    pg = ["-h", database.hostname, "-p", str(database.port or 5432), "-U", database.username]
    subprocess.run(["dropdb", *pg, "--if-exists", name], check=True)
    subprocess.run(["createdb", *pg, name], check=True)
    port = free_port()
    env_file = tmp_path / "chidao.env"
    values = read_env_file(DEPLOY / "chidao.env.example") | {
        "DATABASE_URL": DATABASE_URL,
        "CHIDAO_SECRET_KEY": secrets.token_urlsafe(50),
        "CHIDAO_ALLOWED_HOSTS": "127.0.0.1",
        "CHIDAO_CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{port}",
        "CHIDAO_SITE_URL": f"https://127.0.0.1:{port}",
        "REDIS_URL": REDIS_URL,
        "CHIDAO_STATIC_ROOT": str(tmp_path / "staticfiles"),
        "CHIDAO_MEDIA_ROOT": str(tmp_path / "media"),
    }
    env_file.write_text("".join(f"{k}={v}\n" for k, v in values.items()), encoding="utf-8")
    base = {k: v for k, v in os.environ.items() if not k.startswith(("CHIDAO_", "DJANGO_"))}
    base.pop("DATABASE_URL", None)
    base.pop("REDIS_URL", None)
    environment = base | read_env_file(env_file)
    python = [sys.executable, "manage.py"]

    def manage(*args, extra=None):
        return subprocess.run(
            [*python, *args],
            cwd=ROOT,
            env=environment | (extra or {}),
            capture_output=True,
            text=True,
            check=True,
        )

    subprocess.run(["redis-cli", "-u", REDIS_URL, "flushdb"], check=True, capture_output=True)
    manage("migrate", "--noinput")
    manage("collectstatic", "--noinput")
    manage(
        "createsuperuser",
        "--noinput",
        extra={
            "DJANGO_SUPERUSER_USERNAME": "quantri",
            "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD,
            "DJANGO_SUPERUSER_EMAIL": "quantri@thainguyen.gov.vn",
        },
    )
    deploy_check = manage("check", "--deploy", "--fail-level", "WARNING")
    assert "no issues" in deploy_check.stdout
    onboarded = manage(
        "onboard_committee",
        str(SAMPLE),
        "--name",
        "Ban Chỉ đạo tỉnh Thái Nguyên",
        "--level",
        "province",
        "--place",
        "Thái Nguyên",
        "--standing-unit",
        "Sở Khoa học và Công nghệ",
        "--secretariat",
        "thuongtruc.tn",
        "--commit",
        "--json",
    )
    result = json.loads(onboarded.stdout)
    assert result["committee"] is not None
    assert (result["units"], result["errors"]) == (29, [])
    link = re.search(r"https://127\.0\.0\.1:\d+(/thiet-lap/lan-dau/\?ma=\S+)", onboarded.stderr)[1]
    cache = manage(
        "shell",
        "-c",
        "from django.core.cache import cache; from django.conf import settings; "
        "cache.set('recipe', 'ok'); print(cache.get('recipe'), settings.HUEY['huey_class'])",
    )
    assert cache.stdout.split()[-2:] == ["ok", "chidao.core.resilience.ResilientRedisHuey"]

    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "chidao.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # Polled, not timed: minutes on a loaded machine are still a pass.
        for _attempt in range(6000):
            if reachable(f"http://127.0.0.1:{port}"):
                break
            assert server.poll() is None, "gunicorn ended before it answered"
            time.sleep(0.1)
        else:
            pytest.fail("gunicorn never answered")
        site = Site(port)
        token, page = site.csrf(link)
        assert "thuongtruc.tn" in page
        status, location, _text = site.request(
            "POST",
            link.split("?")[0],
            {
                "csrfmiddlewaretoken": token,
                "ma": link.split("ma=")[1],
                "new_password1": NEW_PASSWORD,
                "new_password2": NEW_PASSWORD,
            },
        )
        assert (status, location) == (302, "/dang-nhap/")
        token, _page = site.csrf("/dang-nhap/")
        status, location, _text = site.request(
            "POST",
            "/dang-nhap/",
            {"csrfmiddlewaretoken": token, "username": "thuongtruc.tn", "password": NEW_PASSWORD},
        )
        assert status == 302, _text[:500]
        status, location, _text = site.request("GET", "/")
        # The secretariat must set up two-step sign-in before anything else.
        assert status == 302
        assert location.startswith("/xac-thuc-hai-buoc/cai-dat/")
        status, _location, page = site.request("GET", location)
        assert status == 200
        assert "Cài đặt xác thực hai bước" in page
    finally:
        server.terminate()
        server.wait(timeout=30)
