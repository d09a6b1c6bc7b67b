"""`check_focal_point_links` against a local HTTP server that serves good,
redirecting, missing and slow links. No test reaches the internet."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core import mail
from django.core.management import call_command

from gci.focal_points.models import FocalPointLink, LinkCheck, OrganisationFocalPointsPage

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    user_agents = []

    def do_GET(self):  # noqa: N802 - http.server's API
        Handler.user_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/good":
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"focal points")
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/good")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(2)
            self.send_response(200)
            self.end_headers()
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server(settings):
    settings.FOCAL_POINTS_CHECK_PRIVATE_ADDRESSES = True
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def local_links(local_server):
    """Point the demo organisations' links at the local server only."""
    pages = list(OrganisationFocalPointsPage.objects.filter(locale__language_code="en"))
    paths = ["/good", "/moved", "/missing", "/slow"]
    for page, path in zip(pages, paths * 3, strict=False):
        page.links = [
            FocalPointLink(treaty="cites", kind="focal_point", label=path, url=local_server + path)
        ]
        page.save_revision().publish()
    return local_server


def run_check():
    call_command("check_focal_point_links", "--timeout", "0.5", "--workers", "4", verbosity=0)


def test_it_records_status_redirects_and_last_good(local_links):
    run_check()
    good = LinkCheck.objects.get(url=local_links + "/good")
    assert good.ok and good.status_code == 200 and good.last_good_at is not None
    moved = LinkCheck.objects.get(url=local_links + "/moved")
    assert moved.ok and moved.final_url == local_links + "/good"
    assert moved.redirects[0]["status"] == 301
    missing = LinkCheck.objects.get(url=local_links + "/missing")
    assert not missing.ok and missing.status_code == 404 and missing.last_good_at is None
    slow = LinkCheck.objects.get(url=local_links + "/slow")
    assert not slow.ok and slow.error == "timeout"
    assert all(agent.startswith("GreenCustomsLinkChecker/") for agent in Handler.user_agents)


def test_the_check_runs_as_a_task_the_command_can_queue(local_links):
    """The worker runs `check_links`; `--enqueue` queues it (the suite's
    tasks run at once, so the check has run when the command returns)."""
    from gci.focal_points.checker import check_links

    result = check_links.enqueue(workers=4, timeout=0.5)
    assert result.return_value == {"checked": 4, "good": 2, "newly_broken": 2}
    LinkCheck.objects.all().delete()
    call_command(
        "check_focal_point_links", "--enqueue", "--timeout", "0.5", "--workers", "4", verbosity=0
    )
    assert LinkCheck.objects.filter(url=local_links + "/good", ok=True).exists()


def test_the_secretariat_gets_one_summary_email_and_only_once(
    local_links, secretariat_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the outbox's task
        run_check()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert secretariat_user.email in message.to
    assert "/missing" in message.body and "/slow" in message.body and "/good" not in message.body
    with django_capture_on_commit_callbacks(execute=True):
        run_check()  # still broken: not reported again
    assert len(mail.outbox) == 1


def test_a_partner_fixes_a_broken_link_and_it_shows_verified_after_the_next_check(
    client, local_links, wco_user
):
    page = OrganisationFocalPointsPage.objects.get(slug="wco", locale__language_code="en")
    page.links = [
        FocalPointLink(
            treaty="customs", kind="customs_contact", label="WCO", url=local_links + "/missing"
        )
    ]
    page.save_revision().publish()
    run_check()
    client.force_login(wco_user)
    form_page = client.get("/en/my-organisation/focal-points/").content.decode()
    assert "not reachable at the last check" in form_page  # the Partner sees it is broken
    page.refresh_from_db()
    response = client.post(
        "/en/my-organisation/focal-points/",
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "30",
            "revision": str(page.latest_revision_id),
            "form-0-treaty": "customs",
            "form-0-kind": "customs_contact",
            "form-0-label": "WCO fixed",
            "form-0-url": local_links + "/good",
            "form-0-country_url_pattern": "",
        },
    )
    assert response.status_code == 302
    run_check()
    body = client.get("/en/focal-points/").content.decode()
    row = body[body.index("WCO fixed") :][:400]
    assert "verified" in row and "not reachable" not in row
    assert (
        not LinkCheck.objects.filter(url=local_links + "/missing", ok=False)
        .exclude(
            url__in=[
                link.url
                for p in OrganisationFocalPointsPage.objects.all()
                for link in p.links.all()
            ]
        )
        .exists()
    )


def test_broken_links_come_first_in_the_admin(client, local_links, secretariat_user):
    from tests.helpers import force_login_with_totp

    run_check()
    force_login_with_totp(client, secretariat_user)
    response = client.get("/admin/link_checks/")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.index("/missing") < body.index(local_links + "/good")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x",
        "http://169.254.169.254/latest/meta-data",
        "http://10.0.0.1/",
        "http://localhost/",
        "http://[::1]/",
    ],
)
def test_it_never_fetches_private_addresses(url):
    from gci.focal_points.checker import check

    (result,) = check([url], timeout=0.5)
    assert result.error == "address not allowed" and not result.ok


def test_a_redirect_to_a_private_address_is_not_followed(local_server, settings):
    """Each hop is checked: here the first address counts as public, the
    address it redirects to does not."""
    from gci.focal_points import checker

    settings.FOCAL_POINTS_CHECK_PRIVATE_ADDRESSES = False
    original = checker._resolve_public
    checker._resolve_public = lambda url: "127.0.0.1" if url.endswith("/moved") else None
    try:
        (result,) = checker.check([local_server + "/moved"], timeout=0.5)
    finally:
        checker._resolve_public = original
    assert result.redirects and result.redirects[0]["status"] == 301
    assert result.error == "address not allowed" and not result.ok


def test_the_checked_address_is_the_one_connected_to(local_server, monkeypatch):
    """DNS rebinding: once checked, the connection goes to the checked address,
    whatever a second lookup would say."""
    import socket as socket_module

    from gci.focal_points import checker

    port = int(local_server.rsplit(":", 1)[1])
    real_getaddrinfo = socket_module.getaddrinfo
    lookups = []

    def getaddrinfo(host, *args, **kwargs):
        if host != "rebind.example":
            return real_getaddrinfo(host, *args, **kwargs)  # the pinned IP itself
        lookups.append(host)
        if len(lookups) > 1:
            raise AssertionError("the host name was resolved a second time")
        return [(socket_module.AF_INET, 1, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(socket_module, "getaddrinfo", getaddrinfo)
    (result,) = checker.check([f"http://rebind.example:{port}/good"], timeout=0.5)
    assert result.ok and result.status_code == 200
    assert lookups == ["rebind.example"]


def test_an_unresolvable_host_is_not_fetched(settings):
    from gci.focal_points.checker import check

    settings.FOCAL_POINTS_CHECK_PRIVATE_ADDRESSES = False
    (result,) = check(["http://no-such-host.invalid/list"], timeout=0.5)
    assert result.error == "address not allowed"
