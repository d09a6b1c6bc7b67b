"""Browser journeys: Playwright driving Debian's Chromium against a real server.

The server is a separate `manage.py runserver` process on its own SQLite
file with the demo site loaded, so the journeys meet the site as a person
would. Skipped, saying why, when Chromium or Playwright is missing.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import bench  # noqa: E402 - the bench's process helpers, a script beside the tests

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    reason = None
    if CHROMIUM is None:
        reason = "Debian's chromium is not installed (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "playwright is not installed (pip install -r requirements-dev.txt)"
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """A running demo site: its base URL and the Secretariat's TOTP secret."""
    var = tmp_path_factory.mktemp("browser-var")
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "gci.site.settings.dev",
        "DATABASE_URL": f"sqlite:///{var / 'db.sqlite3'}",
        "GCI_VAR_DIR": str(var),
        "DEBUG": "false",
        # nginx serves public images in production; here the server does.
        "GCI_SERVE_MEDIA": "true",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
    }
    manage = [sys.executable, "manage.py"]
    for command in (
        ["migrate", "--no-input", "-v0"],
        # The journeys follow the report's own story on its own dates (the
        # months and files they name); the other tests use the default demo,
        # placed around today.
        ["load_demo", "--as-reported"],
        ["collectstatic", "--no-input", "-v0"],
    ):
        subprocess.run(manage + command, cwd=ROOT, env=env, check=True, capture_output=True)
    secret = bench.shell_output(
        (
            "from django.contrib.auth import get_user_model;"
            "from allauth.mfa.models import Authenticator;"
            "from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret;"
            "u = get_user_model().objects.get(email='secretariat@greencustoms.example');"
            "Authenticator.objects.filter(user=u).delete();"
            # A second Secretariat member who has not set up TOTP yet.
            "from django.contrib.auth.models import Group;"
            "n, _ = get_user_model().objects.get_or_create(username='new.secretariat',"
            " defaults={'email': 'new.secretariat@greencustoms.example',"
            " 'first_name': 'Noor', 'last_name': 'Secretariat'});"
            "n.set_password('green-customs-2009'); n.save();"
            "n.groups.set([Group.objects.get(name='Secretariat')]);"
            "from allauth.account.models import EmailAddress;"
            "EmailAddress.objects.get_or_create(user=n, email=n.email,"
            " defaults={'verified': True, 'primary': True});"
            "s = generate_totp_secret(); TOTP.activate(u, s); print(s)"
        ),
        env,
    )
    process = subprocess.Popen(
        manage + ["runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/robots.txt", timeout=1)  # noqa: S310
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("the demo server did not start")
    # env: to set up in the server's database what a journey cannot do in the browser.
    yield {"base": base, "totp_secret": secret, "env": env}
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    # Module scope: Playwright's event loop must be gone before tests that use
    # Django's ORM run in this thread.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    yield page
    context.close()
