"""/healthz for the load balancer (gci.site.health): up (200) or down (503),
nothing more to the public; the details go to the log."""

import socket
from datetime import timedelta

import pytest
from django.db import OperationalError
from django.utils import timezone

from gci.site import health
from tests.helpers import force_login_with_totp

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def closed_port():
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ready_tasks(count, waited):
    from django_tasks_db.models import DBTaskResult, get_date_max

    DBTaskResult.objects.bulk_create(
        DBTaskResult(
            args_kwargs={"args": [], "kwargs": {}},
            task_path="gci.site.health.check_database",
            backend_name="default",
            queue_name="default",
            run_after=get_date_max(),
        )
        for _ in range(count)
    )
    DBTaskResult.objects.update(enqueued_at=timezone.now() - waited)


def test_up_when_everything_answers(client, settings):
    settings.TASKS = DATABASE_QUEUE
    response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"up\n")


def test_never_cached_and_no_cookie(client):
    response = client.get("/healthz")
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert "Vary" not in response  # the session was never read


def test_answers_a_balancer_over_plain_http_by_address(client, settings):
    """Before the HTTPS redirect and the host check: a balancer asks by the
    host's address, over HTTP."""
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["greencustoms.example"]
    response = client.get("/healthz", HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200


def test_not_in_the_sitemap(client):
    assert b"healthz" not in client.get("/sitemap.xml").content


def test_database_down(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError('could not connect to server at "db.internal" (10.0.0.5)')

    monkeypatch.setattr(health.connection, "cursor", broken)
    response = client.get("/healthz")
    assert response.status_code == 503


@pytest.mark.parametrize("alias", ["default", "pages"])
def test_either_cache_down(client, settings, alias):
    settings.CACHES = {
        **settings.CACHES,
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        },
    }
    response = client.get("/healthz")
    assert response.status_code == 503


def test_too_many_tasks_waiting(client, settings):
    settings.TASKS = DATABASE_QUEUE
    settings.GCI_HEALTH_TASKS_MAX_READY = 3
    ready_tasks(4, waited=timedelta(seconds=1))
    assert client.get("/healthz").status_code == 503


def test_oldest_task_waited_too_long(client, settings):
    settings.TASKS = DATABASE_QUEUE
    settings.GCI_HEALTH_TASKS_MAX_AGE = 600
    ready_tasks(1, waited=timedelta(minutes=11))
    assert client.get("/healthz").status_code == 503


def test_a_short_fresh_queue_is_up(client, settings):
    settings.TASKS = DATABASE_QUEUE
    settings.GCI_HEALTH_TASKS_MAX_READY = 3
    settings.GCI_HEALTH_TASKS_MAX_AGE = 600
    ready_tasks(3, waited=timedelta(minutes=9))
    assert client.get("/healthz").status_code == 200


def test_backlog_counts_ready_tasks_and_the_oldest_wait(settings):
    ready_tasks(2, waited=timedelta(minutes=5))
    count, age = health.task_backlog()
    assert (count, 299 < age < 320) == (2, True)


def test_media_not_writable(client, settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = blocker / "media"
    assert client.get("/healthz").status_code == 503


def test_the_probe_file_is_removed(client, settings):
    client.get("/healthz")
    folder = settings.MEDIA_ROOT / health.PROBE_FOLDER
    assert not folder.exists() or not any(folder.iterdir())


def test_down_reveals_nothing_but_the_log_tells(client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise OperationalError('could not connect to server at "db.internal" (10.0.0.5)')

    monkeypatch.setattr(health.connection, "cursor", broken)
    with caplog.at_level("WARNING", logger="gci.health"):
        response = client.get("/healthz")
    assert response.content == b"down\n"
    assert "db.internal" in caplog.text


def test_a_secretariat_member_sees_no_more(client, secretariat_user, monkeypatch):
    force_login_with_totp(client, secretariat_user)
    monkeypatch.setattr(health.connection, "cursor", lambda: 1 / 0)
    assert client.get("/healthz").content == b"down\n"


def test_other_methods_refused(client):
    assert client.post("/healthz").status_code == 405


def test_down_is_not_mailed_as_a_server_error(client, monkeypatch, mailoutbox, settings):
    """A balancer asks every few seconds: the failing checks are logged as
    warnings, never mailed to ADMINS as a server error each time."""
    settings.ADMINS = [("ops", "ops@example.org")]
    monkeypatch.setattr(health.connection, "cursor", lambda: 1 / 0)
    client.get("/healthz")
    assert mailoutbox == []
