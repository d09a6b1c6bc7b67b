"""docs/nginx/gci.conf, tried: scripts/nginx_smoke.sh puts Debian's nginx with
that configuration in front of gunicorn (production settings) and checks the
media rules. Skipped, saying why, where nginx is not installed (`make nginx`
installs it where it can)."""

import shutil
import subprocess

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.skipif(
    shutil.which("nginx") is None, reason="nginx is not installed (apt-get install nginx)"
)


@pytest.fixture(scope="module")
def smoke():
    """One run of the script for the tests below (it takes a while)."""
    return subprocess.run(
        ["bash", str(ROOT / "scripts" / "nginx_smoke.sh")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_nginx_serves_pages_and_renditions_and_never_documents(smoke):
    assert smoke.returncode == 0, smoke.stdout[-3000:] + smoke.stderr[-3000:]
    assert "restricted document file under /media/documents/ (404)" in smoke.stdout
    assert "public image rendition under /media/images/ (200)" in smoke.stdout
    assert "public rendition: Cache-Control from nginx (public, max-age=2592000)" in smoke.stdout


def test_nginx_never_serves_a_restricted_image_but_to_a_partner(smoke):
    """Images of a restricted collection: refused by the guessable /media/
    path and by the checked URL to an anonymous visitor; sent to a Partner by
    nginx from its internal location after Django's check."""
    assert smoke.returncode == 0, smoke.stdout[-3000:] + smoke.stderr[-3000:]
    for line in (
        "restricted rendition at its guessable public path (404)",
        "restricted original at its guessable public path (404)",
        "restricted rendition, checked URL, anonymous (404)",
        "restricted original, checked URL, anonymous (404)",
        "nginx's internal location from outside (404)",
        "restricted rendition, checked URL, Partner (200)",
        "restricted original, checked URL, Partner (200)",
        "the Partner receives the rendition's bytes (same)",
        "restricted rendition: not cacheable (private, no-store)",
        "gunicorn answers the Partner with X-Accel-Redirect, no body (/_protected_media/",
    ):
        assert line in smoke.stdout, line
