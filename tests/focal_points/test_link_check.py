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


def test_the_secretariat_gets_one_summary_email_and_only_once(local_links, secretariat_user):
    run_check()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert secretariat_user.email in message.to
    assert "/missing" in message.body and "/slow" in message.body and "/good" not in message.body
    run_check()  # still broken: not reported again
    assert len(mail.outbox) == 1


def test_a_fixed_link_shows_as_verified_after_the_next_check(client, local_links, wco_user):
    run_check()
    broken = LinkCheck.objects.get(url=local_links + "/missing")
    page = OrganisationFocalPointsPage.objects.filter(links__url=broken.url).first()
    page.links = [
        FocalPointLink(treaty="cites", kind="focal_point", label="Fixed", url=local_links + "/good")
    ]
    page.save_revision().publish()
    run_check()
    body = client.get("/en/focal-points/").content.decode()
    assert "Fixed" in body
    fixed = LinkCheck.objects.get(url=local_links + "/good")
    assert fixed.ok


def test_broken_links_come_first_in_the_admin(client, local_links, secretariat_user):
    from tests.helpers import activate_totp

    run_check()
    activate_totp(secretariat_user)
    client.force_login(secretariat_user)
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
    original = checker._public_host
    checker._public_host = lambda url: url.endswith("/moved")
    try:
        (result,) = checker.check([local_server + "/moved"], timeout=0.5)
    finally:
        checker._public_host = original
    assert result.redirects and result.redirects[0]["status"] == 301
    assert result.error == "address not allowed" and not result.ok
