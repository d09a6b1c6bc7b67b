"""docs/nginx/gci.conf, tried: scripts/nginx_smoke.sh puts Debian's nginx with
that configuration in front of gunicorn (production settings) and checks the
media rules. Skipped, saying why, where nginx is not installed (`make nginx`
installs it where it can).

One test, with a subtest per property, so that the stack is built once even
when pytest-xdist spreads tests over workers."""

import shutil

import pytest

from tests.helpers import run_script

pytestmark = pytest.mark.skipif(
    shutil.which("nginx") is None, reason="nginx is not installed (apt-get install nginx)"
)


PUBLIC = (
    "restricted document file under /media/documents/ (404)",
    "public image rendition under /media/images/ (200)",
    "public rendition: Cache-Control from nginx (public, max-age=2592000)",
)
# Images of a restricted collection: refused by the guessable /media/ path and
# by the checked URL to an anonymous visitor; sent to a Partner by nginx from
# its internal location after Django's check.
RESTRICTED = (
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
)


def test_nginx_in_front_of_gunicorn_serves_media_by_the_rules(subtests):
    done = run_script("nginx_smoke.sh", timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    for prop, lines in (
        ("pages and renditions, never documents", PUBLIC),
        ("a restricted image only to a Partner", RESTRICTED),
    ):
        with subtests.test(prop):
            for line in lines:
                assert line in done.stdout, line
