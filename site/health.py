"""The health endpoint a load balancer asks: ``GET /healthz``.

It answers ``200 up`` or ``503 down`` and nothing more: no names of hosts, no
exception text, no cookie, no session, never cached by anyone. What failed,
and why, goes to the log (logger ``gci.health``, a warning per failing
check), where the operators read it.

It checks what this app host needs to serve a request:

- the database (one ``SELECT 1``);
- every cache of ``CACHES`` (both must answer: the default one holds the
  rate limits and used TOTP codes, the pages one the page cache);
- the task queue (django-tasks-db): how many tasks are ready to run and how
  long the oldest of them has waited, against ``GCI_HEALTH_TASKS_MAX_READY``
  and ``GCI_HEALTH_TASKS_MAX_AGE`` (seconds; 0 turns that check off);
- media storage: a small file written and deleted through ``default_storage``
  (on several hosts, the shared volume).

It is answered by ``HealthMiddleware``, placed first: before the HTTPS
redirect (a balancer asks over plain HTTP), the host check (it may ask by
address), the page cache and the session, none of which it needs.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger("gci.health")

PATH = "/healthz"
PROBE_FOLDER = "health"


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("SELECT 1 did not return 1")


def check_caches() -> None:
    token = uuid.uuid4().hex
    for alias in settings.CACHES:
        cache = caches[alias]
        key = f"gci:health:{token}"
        cache.set(key, token, timeout=10)
        try:
            if cache.get(key) != token:
                raise RuntimeError(f"cache {alias!r} did not return what was just stored")
        finally:
            cache.delete(key)


def uses_database_queue() -> bool:
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    return backend.startswith("django_tasks_db.")


def task_backlog() -> tuple[int, float]:
    """How many tasks are ready to run now, and how many seconds the oldest
    of them has been ready (0 when none is)."""
    from django.db.models import Case, F, Min, When
    from django.db.models.functions import Greatest
    from django_tasks_db.models import DBTaskResult, get_date_max

    ready = DBTaskResult.objects.ready()
    count = ready.count()
    if not count:
        return 0, 0.0
    # Ready since it was queued, or since its `run_after` came.
    since = ready.aggregate(
        oldest=Min(
            Case(
                When(run_after=get_date_max(), then=F("enqueued_at")),
                default=Greatest("enqueued_at", "run_after"),
            )
        )
    )["oldest"]
    age = (timezone.now() - since).total_seconds() if since else 0.0
    return count, max(age, 0.0)


def check_tasks() -> None:
    if not uses_database_queue():
        return
    count, age = task_backlog()
    max_ready = getattr(settings, "GCI_HEALTH_TASKS_MAX_READY", 0)
    max_age = getattr(settings, "GCI_HEALTH_TASKS_MAX_AGE", 0)
    if max_ready and count > max_ready:
        raise RuntimeError(f"{count} tasks ready to run (more than {max_ready})")
    if max_age and age > max_age:
        raise RuntimeError(f"the oldest ready task has waited {age:.0f} s (more than {max_age})")


def check_media() -> None:
    name = default_storage.save(
        f"{PROBE_FOLDER}/probe-{uuid.uuid4().hex}.txt", ContentFile(b"ok\n")
    )
    try:
        with default_storage.open(name) as probe:
            if probe.read() != b"ok\n":
                raise RuntimeError("the probe file did not read back")
    finally:
        default_storage.delete(name)


CHECKS: dict[str, Callable[[], None]] = {
    "database": check_database,
    "caches": check_caches,
    "tasks": check_tasks,
    "media": check_media,
}


def run_checks() -> dict[str, str | None]:
    """``{check: None when it passed, else what went wrong}``; each failure is
    logged with its traceback."""
    results: dict[str, str | None] = {}
    for name, check in CHECKS.items():
        started = time.monotonic()
        try:
            check()
        except Exception as error:  # any failure means "down"; the log says which
            results[name] = f"{type(error).__name__}: {error}"
            logger.warning(
                "health check %s failed after %.0f ms",
                name,
                (time.monotonic() - started) * 1000,
                exc_info=True,
                extra={"check": name},
            )
        else:
            results[name] = None
    return results


def healthz(request: HttpRequest) -> HttpResponse:
    """``up`` (200) or ``down`` (503), with no detail and never cached."""
    if request.method not in ("GET", "HEAD"):
        response = HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
    else:
        failed = [name for name, error in run_checks().items() if error]
        if failed:
            response = HttpResponse("down\n", status=503, content_type="text/plain")
            # Logged above, check by check: not again as a server error by
            # Django (which mails ADMINS), every time the balancer asks.
            response._has_been_logged = True  # type: ignore[attr-defined]
        else:
            response = HttpResponse("up\n", content_type="text/plain")
    add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private
    response["X-Content-Type-Options"] = "nosniff"
    return response


class HealthMiddleware:
    """Answers ``/healthz`` before any other middleware (see the module)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info == PATH:
            return healthz(request)
        return self.get_response(request)
