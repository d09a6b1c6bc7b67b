"""One structured log line per request (``GCI_LOG_FORMAT=json``).

``RequestLogMiddleware`` is installed, outermost, only when the setting is on
(``gci.site.settings.base``); off, it costs nothing because it is not there.
Each request gives one record on the ``gci.request`` logger, which the JSON
formatter (python-json-logger) writes as one line:

    {"time": "...", "level": "INFO", "logger": "gci.request",
     "message": "GET /en/about/ 200", "request_id": "...", "user_kind":
     "anonymous", "method": "GET", "path": "/en/about/", "status": 200,
     "duration_ms": 12.3, "queries": 4}

- ``request_id``: the ``X-Request-ID`` header set by nginx
  (``proxy_set_header X-Request-ID $request_id;``, docs/nginx/gci.conf) when
  it is present and well formed, otherwise one made here; sent back in the
  response's ``X-Request-ID`` header, so a person can quote it.
- ``user_kind``: anonymous, partner, secretariat or member (signed in, in
  neither group); never who. The path carries no query string (search words
  and tokens stay out of the log).
- ``queries``: SQL queries on the default database during the request.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils.functional import empty
from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

from gci.home.roles import is_partner, is_secretariat

logger = logging.getLogger("gci.request")

HEADER = "X-Request-ID"
# nginx's $request_id is 32 hex digits; a UUID or another proxy's id fits too.
WELL_FORMED = re.compile(r"[A-Za-z0-9._-]{8,128}")


def request_id_of(request: HttpRequest) -> str:
    given = request.headers.get(HEADER, "")
    if WELL_FORMED.fullmatch(given):
        return given
    return uuid.uuid4().hex


def user_kind(request: HttpRequest) -> str:
    """What kind of person made the request, read only if the request
    already loaded its user (a page-cache hit never does: anonymous)."""
    lazy = request.__dict__.get("user")
    if lazy is None or getattr(lazy, "_wrapped", None) is empty:
        return "anonymous"
    if not lazy.is_authenticated:
        return "anonymous"
    if getattr(lazy, "gci_real_is_superuser", False) or is_secretariat(lazy):
        return "secretariat"
    if is_partner(lazy):
        return "partner"
    return "member"


class QueryCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(
        self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        self.count += 1
        return execute(sql, params, many, context)


class RequestLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_of(request)
        request.request_id = request_id  # type: ignore[attr-defined]
        counter = QueryCounter()
        started = time.perf_counter()
        status = 500
        try:
            with connection.execute_wrapper(counter):
                response = self.get_response(request)
            status = response.status_code
            response[HEADER] = request_id
            return response
        finally:
            duration = (time.perf_counter() - started) * 1000
            logger.info(
                "%s %s %s",
                request.method,
                request.path,
                status,
                extra={
                    "request_id": request_id,
                    "user_kind": user_kind(request),
                    "method": request.method,
                    "path": request.path,
                    "status": status,
                    "duration_ms": round(duration, 1),
                    "queries": counter.count,
                },
            )


class JsonFormatter(BaseJsonFormatter):
    """python-json-logger's formatter with the names this site's logs use."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("fmt", "%(asctime)s %(levelname)s %(name)s %(message)s")
        kwargs.setdefault(
            "rename_fields", {"asctime": "time", "levelname": "level", "name": "logger"}
        )
        kwargs.setdefault("timestamp", False)
        super().__init__(*args, **kwargs)
