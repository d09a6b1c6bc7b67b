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


def test_nginx_serves_pages_and_renditions_and_never_documents():
    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "nginx_smoke.sh")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "restricted document file under /media/documents/ (404)" in result.stdout
    assert "public image rendition under /media/images/ (200)" in result.stdout
