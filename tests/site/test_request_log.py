"""Structured logs (GCI_LOG_FORMAT=json, gci.site.request_log): one JSON line
per request with its id, the kind of user (never who), method, path without
query string, status, time and SQL queries."""

import io
import json
import logging
import subprocess
import sys

import pytest

from gci.site.request_log import JsonFormatter
from tests.helpers import ROOT, force_login_with_totp

pytestmark = pytest.mark.django_db

LOGGED = "gci.site.request_log.RequestLogMiddleware"


@pytest.fixture
def log_lines(settings):
    """The middleware installed outermost (as GCI_LOG_FORMAT=json does) and
    the JSON lines it writes."""
    settings.MIDDLEWARE = [LOGGED, *settings.MIDDLEWARE]
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("gci.request")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)

    def lines():
        return [json.loads(line) for line in stream.getvalue().splitlines()]

    yield lines
    logger.removeHandler(handler)
    logger.setLevel(level)


def middleware_with(value):
    """MIDDLEWARE as the settings build it with GCI_LOG_FORMAT=value."""
    code = "from gci.site.settings import base; print('\\n'.join(base.MIDDLEWARE))"
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"GCI_LOG_FORMAT": value, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.split()


def test_off_by_default_not_installed():
    assert LOGGED not in middleware_with("text")


def test_on_outermost():
    assert middleware_with("json")[0] == LOGGED


def test_one_line_per_request_with_its_fields(client, log_lines):
    client.get("/en/about/?q=secret-words")
    (line,) = log_lines()
    assert {key: line[key] for key in ("logger", "method", "path", "status", "user_kind")} == {
        "logger": "gci.request",
        "method": "GET",
        "path": "/en/about/",
        "status": 200,
        "user_kind": "anonymous",
    }


def test_duration_and_queries_are_numbers(client, log_lines):
    client.get("/en/about/")
    (line,) = log_lines()
    assert (type(line["duration_ms"]), type(line["queries"])) == (float, int)


def test_queries_are_counted(client, log_lines, django_assert_num_queries):
    client.get("/en/about/")
    (line,) = log_lines()
    assert line["queries"] > 0


def test_no_query_string_in_the_log(client, log_lines):
    client.get("/en/search/?q=ozone-smuggling-secret")
    assert "ozone-smuggling-secret" not in json.dumps(log_lines())


def test_request_id_from_nginx_is_kept_and_echoed(client, log_lines):
    response = client.get("/en/about/", HTTP_X_REQUEST_ID="0f1e2d3c4b5a69788796a5b4c3d2e1f0")
    (line,) = log_lines()
    assert (line["request_id"], response["X-Request-ID"]) == (
        "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
    )


@pytest.mark.parametrize("given", ["", "short", "bad id with spaces\n{}", "x" * 200])
def test_a_missing_or_malformed_request_id_is_replaced(client, log_lines, given):
    response = client.get("/en/about/", HTTP_X_REQUEST_ID=given)
    (line,) = log_lines()
    assert line["request_id"] != given
    assert response["X-Request-ID"] == line["request_id"]


def test_partner_kind_never_who(client, log_lines, cites_user):
    client.force_login(cites_user)
    client.get("/en/partners-area/")
    (line,) = log_lines()
    assert line["user_kind"] == "partner"
    text = json.dumps(line)
    assert cites_user.email not in text
    assert cites_user.username not in text


def test_secretariat_kind_never_who(client, log_lines, secretariat_user):
    force_login_with_totp(client, secretariat_user)
    client.get("/admin/")
    (line,) = log_lines()
    assert line["user_kind"] == "secretariat"
    # (The demo account's username is "secretariat", the kind's name.)
    text = json.dumps({key: value for key, value in line.items() if key != "user_kind"})
    assert secretariat_user.email not in text
    assert secretariat_user.username not in text


def test_health_checks_are_logged_too(client, log_lines):
    client.get("/healthz")
    (line,) = log_lines()
    assert (line["path"], line["status"]) == ("/healthz", 200)


def test_formatter_writes_one_json_line():
    record = logging.LogRecord("gci.health", logging.WARNING, __file__, 1, "down", (), None)
    text = JsonFormatter().format(record)
    assert json.loads(text) | {"time": None} == {
        "time": None,
        "level": "WARNING",
        "logger": "gci.health",
        "message": "down",
    }
