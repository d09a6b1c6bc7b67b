"""The site on several app hosts, tried on this machine (scripts/multihost_smoke.sh).

Starts, each in a temporary folder of its own and stopped on exit:
- a throwaway PostgreSQL cluster (Debian's packages: initdb and pg_ctl);
- two Redis instances: the "default" cache (rate limits, used TOTP codes;
  noeviction) and the "pages" cache (page cache, memo generations; allkeys-lru);
- two gunicorn instances, A and B, with production settings and JSON logs on
  two loopback ports, sharing one MEDIA_ROOT;
- a task worker (`manage.py db_worker`), a third process;
- nginx with docs/nginx/gci.conf, its upstream made of A and B (round robin),
  and two more copies of it that reach only A or only B, so a step can say
  which host it goes through. Every request goes through nginx.

Then it proves, each a named check (`ok    name` or `FAIL  name: why`):
(a) a page published through A (a Secretariat member signed in with password
    and TOTP, the admin's publish action) is served fresh through B at once:
    the anonymous page cache and the memo (the menu a signed-in Partner sees);
(b) a session and its TOTP state survive switching hosts: signed in on A,
    the admin opens through B; the TOTP code used on A is refused on B;
(c) a file a Partner uploads to the suitcase through A is on the shared
    volume and is downloaded through B by the Secretariat (a submission waits
    in a collection only the Secretariat reads), refused to the Partner until
    approved and to an anonymous visitor;
(d) failed logins spread over A and B meet allauth's limit at its count;
(e) the tasks A queued (Wagtail's reference index, on publish) are run by the
    worker process;
and that /healthz says up, that the JSON log line carries nginx's request id,
and that /healthz says down when a Redis goes.

Exit 0: every check passed; 1: one failed; 77: nginx, Redis or PostgreSQL is
not installed.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parent.parent
PY = os.environ.get("PYTHON", str(ROOT / ".venv" / "bin" / "python"))
BIN = Path(PY).parent
DEMO_PASSWORD = os.environ.get("GCI_DEMO_PASSWORD", "green-customs-2009")
TOTP_PERIOD = 30
RATE_LIMITED = "Too many failed login attempts"


def skip(why: str) -> None:
    print(f"SKIP: {why}")
    sys.exit(77)


def postgres_bin() -> Path | None:
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3])
    )
    return versions[-1].parent if versions else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listens on port {port} after {seconds} s")


class Postgres:
    """A PostgreSQL cluster of our own (as scripts/load_faults.py --postgres):
    owned by the `postgres` account when we are root (initdb refuses root),
    by us otherwise."""

    def __init__(self, work: Path, bin_dir: Path) -> None:
        self.dir = work / "pg"
        self.dir.mkdir()
        self.bin = bin_dir
        self.port = free_port()
        self.password = secrets.token_urlsafe(18)
        self.url = f"postgres://postgres:{self.password}@127.0.0.1:{self.port}/gci"
        self.as_root = os.getuid() == 0

    def run(self, *args: object) -> None:
        command = [str(a) for a in args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, text=True)

    def start(self) -> None:
        password_file = self.dir / "password"
        password_file.write_text(self.password)
        if self.as_root:
            shutil.chown(self.dir, "postgres", "postgres")
            shutil.chown(password_file, "postgres", "postgres")
        self.run(
            self.bin / "initdb", "-D", self.dir / "data", "-U", "postgres", "--encoding=UTF8",
            "--locale=C.UTF-8", "--auth-local=peer", "--auth-host=scram-sha-256",
            f"--pwfile={password_file}", "--no-sync",
        )  # fmt: skip
        password_file.unlink()
        with open(self.dir / "data" / "postgresql.conf", "a") as conf:
            conf.write(
                f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.dir}'\nmax_connections = 60\nfsync = off\n"
            )
        self.run(
            self.bin / "pg_ctl", "-D", self.dir / "data", "-l", self.dir / "log", "start", "-w"
        )
        self.run(self.bin / "createdb", "-h", self.dir, "-p", self.port, "gci")

    def stop(self) -> None:
        if (self.dir / "data" / "postmaster.pid").exists():
            with contextlib.suppress(subprocess.CalledProcessError):
                self.run(self.bin / "pg_ctl", "-D", self.dir / "data", "stop", "-m", "immediate")


class Browser:
    """One person's browser: its cookies follow it from host to host. (The
    cookies are `__Host-` and Secure; nginx here speaks plain HTTP, so they
    are kept and sent by hand.)"""

    def __init__(self) -> None:
        import requests

        self.http = requests.Session()
        self.cookies: dict[str, str] = {}

    def request(self, method: str, url: str, follow: bool = True, **kwargs):  # noqa: ANN201
        for _ in range(8):
            headers = kwargs.pop("headers", {})
            if self.cookies:
                headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            response = self.http.request(
                method, url, headers=headers, allow_redirects=False, timeout=30, **kwargs
            )
            for cookie in response.cookies:
                if cookie.value in ("", '""') or (
                    cookie.expires is not None and cookie.expires < time.time()
                ):
                    self.cookies.pop(cookie.name, None)
                else:
                    self.cookies[cookie.name] = cookie.value
            if not (follow and response.is_redirect):
                return response
            url = urljoin(url, response.headers["Location"])
            method, kwargs = "GET", {}
        return response

    def get(self, url: str, **kwargs):  # noqa: ANN201
        return self.request("GET", url, **kwargs)

    def post_form(self, url: str, data: dict, follow: bool = True, files=None):  # noqa: ANN001, ANN201
        """GET the form at `url`, then POST `data` with its CSRF token."""
        page = self.get(url)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        if not match:
            raise RuntimeError(f"no form with a CSRF token at {url} ({page.status_code})")
        return self.request(
            "POST", page.url, data={"csrfmiddlewaretoken": match.group(1), **data},
            files=files, follow=follow,
        )  # fmt: skip


def totp_code(secret: str, at: float | None = None) -> str:
    """RFC 6238, as allauth computes it (allauth.mfa.totp.internal.auth)."""
    import base64
    import hashlib
    import hmac
    import struct

    counter = int(at if at is not None else time.time()) // TOTP_PERIOD
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


class Smoke:
    def __init__(self) -> None:
        self.work = Path(tempfile.mkdtemp(prefix="gci-multihost-"))
        self.work.chmod(0o755)
        self.processes: dict[str, subprocess.Popen] = {}
        self.failed = False
        self.pg: Postgres | None = None
        self.started = time.monotonic()

    # -- checks ------------------------------------------------------------

    def check(self, name: str, expected: object, actual: object, why: str = "") -> bool:
        if expected == actual:
            print(f"ok    {name} ({actual})", flush=True)
            return True
        print(
            f"FAIL  {name}: expected {expected!r}, got {actual!r}{'; ' + why if why else ''}",
            flush=True,
        )
        self.failed = True
        return False

    # -- processes ----------------------------------------------------------

    def start(self, name: str, command: list[str], env: dict | None = None) -> subprocess.Popen:
        log = open(self.work / f"{name}.log", "wb")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.processes[name] = process
        return process

    def stop(self, name: str) -> None:
        process = self.processes.pop(name, None)
        if process and process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)

    def cleanup(self) -> None:
        nginx_pid = self.work / "nginx.pid"
        if nginx_pid.exists():
            with contextlib.suppress(ProcessLookupError, ValueError):
                os.kill(int(nginx_pid.read_text().strip()), signal.SIGTERM)
        for name in list(self.processes):
            self.stop(name)
        if self.pg:
            self.pg.stop()
        time.sleep(0.3)
        shutil.rmtree(self.work, ignore_errors=True)

    def manage(self, env: dict, *args: str) -> str:
        done = subprocess.run(
            [PY, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
        )
        if done.returncode:
            raise RuntimeError(f"manage.py {' '.join(args[:2])} failed:\n{done.stderr[-3000:]}")
        return done.stdout

    def shell(self, env: dict, code: str) -> dict:
        out = self.manage(env, "shell", "-v0", "-c", code)
        return json.loads(out.split("RESULT", 1)[1])

    def dump_logs(self) -> None:
        for name in ("a", "b", "worker", "nginx-error"):
            path = self.work / f"{name}.log"
            if path.exists():
                lines = path.read_text(errors="replace").splitlines()[-15:]
                print(f"--- {name} log (last lines)\n" + "\n".join(lines))

    # -- the stack ----------------------------------------------------------

    def nginx_conf(self, ports: dict[str, int], upstreams: dict[str, list[int]]) -> Path:
        template = (ROOT / "docs" / "nginx" / "gci.conf").read_text()
        template = re.sub(r"# BEGIN redirect.*?# END redirect\n", "", template, flags=re.S)
        template = "\n".join(line for line in template.splitlines() if not line.endswith("# tls"))
        template = template.replace("/srv/gci/var", str(self.work / "var"))
        servers = []
        for name, app_ports in upstreams.items():
            block = template.replace("gci_app", f"gci_{name}")
            members = "".join(f"    server 127.0.0.1:{p} fail_timeout=0;\n" for p in app_ports)
            block = block.replace("    server 127.0.0.1:8000 fail_timeout=0;\n", members)
            block = block.replace(
                "server_name greencustoms.example;",
                f"listen 127.0.0.1:{ports[name]}; server_name _;",
            )
            servers.append(block)
        (self.work / "tmp").mkdir()
        conf = self.work / "nginx.conf"
        user = "user root;" if os.getuid() == 0 else ""
        temp = self.work / "tmp"
        conf.write_text(
            f"""{user}
daemon on;
pid {self.work}/nginx.pid;
error_log {self.work}/nginx-error.log;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log {self.work}/nginx-access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    {"".join(servers)}
}}
"""
        )
        return conf

    def up(self) -> None:
        pg_bin = postgres_bin()
        assert pg_bin is not None
        print(f"==> PostgreSQL ({pg_bin.parts[-2]}), two Redis, in {self.work}", flush=True)
        self.pg = Postgres(self.work, pg_bin)
        self.pg.start()
        self.redis_ports = {"default": free_port(), "pages": free_port()}
        for alias, policy in (("default", "noeviction"), ("pages", "allkeys-lru")):
            port = self.redis_ports[alias]
            self.start(
                f"redis-{alias}",
                ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                 "--appendonly", "no", "--maxmemory", "64mb", "--maxmemory-policy", policy],
            )  # fmt: skip
        for port in self.redis_ports.values():
            wait_for_port(port)

        var = self.work / "var"
        base = {
            key: value
            for key, value in os.environ.items()
            if key not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "CACHE_URL", "PAGE_CACHE_URL")
        }
        base.update(
            GCI_VAR_DIR=str(var),
            MEDIA_ROOT=str(var / "media"),
            STATIC_ROOT=str(var / "static"),
            DATABASE_URL=self.pg.url,
            CACHE_URL=f"redis://127.0.0.1:{self.redis_ports['default']}/0",
            PAGE_CACHE_URL=f"redis://127.0.0.1:{self.redis_ports['pages']}/0",
            GCI_DEMO_PASSWORD=DEMO_PASSWORD,
        )
        print("==> demo database (migrate, load_demo)", flush=True)
        self.manage(base, "migrate", "--no-input", "-v0")
        print(f"    migrated in {time.monotonic() - self.started:.0f} s", flush=True)
        # (The demo's thousands of search-index updates run at once, not queued.)
        self.manage(
            {**base, "GCI_TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
            "load_demo",
            "-v0",
        )
        print(f"    ready in {time.monotonic() - self.started:.0f} s", flush=True)
        self.env = {
            **base,
            "DJANGO_SETTINGS_MODULE": "gci.site.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "TRUSTED_PROXY_COUNT": "1",
            "GCI_MEDIA_ACCEL_REDIRECT_PREFIX": "/_protected_media/",
            "GCI_LOG_FORMAT": "json",
            "LOG_LEVEL": "INFO",
        }
        self.manage(self.env, "collectstatic", "--no-input", "-v0")
        self.facts = self.shell(
            self.env,
            """
import base64, json
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from wagtail.models import Page
from gci.home.demo import users
from gci.home.demo.support import minimal_pdf
from gci.materials.models import SuitcasePage
from django_tasks_db.models import DBTaskResult
User = get_user_model()
secretariat = User.objects.get(email=users()[0]["email"])
secret = generate_totp_secret()
TOTP.activate(secretariat, secret)
about = Page.objects.get(url_path__endswith="/about/", locale__language_code="en").specific
suitcase = SuitcasePage.objects.live().filter(locale__language_code="en").first()
print("RESULT" + json.dumps({
    "secretariat": secretariat.email, "secret": secret, "partner": users()[1]["email"],
    "about_id": about.pk, "about_url": about.url, "about_title": about.title,
    "in_menu": about.show_in_menus, "suitcase": suitcase.url,
    "submit": suitcase.url + suitcase.reverse_subpage("submit"),
    "mine": suitcase.url + suitcase.reverse_subpage("my_submissions"),
    "tasks_table": DBTaskResult._meta.db_table,
    "pdf": base64.b64encode(minimal_pdf("Multihost smoke")).decode(),
}))
""",
        )

        self.app_ports = {"a": free_port(), "b": free_port()}
        for name, port in self.app_ports.items():
            self.start(
                name,
                [
                    str(BIN / "gunicorn"),
                    "gci.site.wsgi",
                    "--workers",
                    "2",
                    "--bind",
                    f"127.0.0.1:{port}",
                    # (not the default one under ~/.gunicorn that every gunicorn shares)
                    "--control-socket",
                    str(self.work / f"{name}.ctl"),
                ],
                env=self.env,
            )
        self.start(
            "worker",
            [PY, "manage.py", "db_worker", "--worker-id", "smoke-worker", "--interval", "0.2",
             "--no-startup-delay", "--no-reload"],
            env=self.env,
        )  # fmt: skip
        ports = {"lb": free_port(), "a": free_port(), "b": free_port()}
        conf = self.nginx_conf(
            ports,
            {
                "lb": list(self.app_ports.values()),
                "a": [self.app_ports["a"]],
                "b": [self.app_ports["b"]],
            },
        )
        subprocess.run(["nginx", "-t", "-q", "-c", str(conf), "-p", str(self.work)], check=True)
        subprocess.run(["nginx", "-c", str(conf), "-p", str(self.work)], check=True)
        self.url = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
        print(
            f"==> gunicorn A :{self.app_ports['a']} and B :{self.app_ports['b']}, worker, nginx "
            f"{self.url['lb']} (A and B), {self.url['a']} (A), {self.url['b']} (B)",
            flush=True,
        )
        for name in ("a", "b"):
            wait_for_port(self.app_ports[name])
        print(f"    up in {time.monotonic() - self.started:.0f} s", flush=True)

    # -- the steps ----------------------------------------------------------

    def sign_in(self, browser: Browser, host: str, email: str, code: str | None = None):  # noqa: ANN201
        response = browser.post_form(
            self.url[host] + "/en/accounts/login/", {"login": email, "password": DEMO_PASSWORD}
        )
        if code is not None and "/2fa/authenticate" in response.url:
            response = browser.post_form(response.url, {"code": code}, follow=False)
        return response

    def fresh_totp_window(self) -> float:
        """Wait, if need be, until at least 20 s of this TOTP period remain."""
        left = TOTP_PERIOD - time.time() % TOTP_PERIOD
        if left < 20:
            time.sleep(left + 0.5)
        return time.time()

    def run(self) -> None:
        import requests

        facts, url = self.facts, self.url
        anonymous = requests.Session()

        # /healthz through nginx: up, and nothing more.
        health = anonymous.get(url["lb"] + "/healthz", timeout=30)
        self.check(
            "health endpoint through the balancer", (200, "up\n"), (health.status_code, health.text)
        )
        self.check("health endpoint sets no cookie", [], list(health.cookies.keys()))

        # (a) the page cache and the memo: warm both on B.
        about = facts["about_url"]
        anonymous.get(url["b"] + about, timeout=30)
        self.check(
            "(a) B serves the About page from the page cache before",
            "hit",
            anonymous.get(url["b"] + about, timeout=30).headers.get("X-GCI-Cache"),
        )
        partner = Browser()
        signed = self.sign_in(partner, "a", facts["partner"])
        self.check("Partner signed in through A", 200, signed.status_code)
        for _ in range(4):  # both of B's workers keep the menu in their memo
            menu_before = partner.get(url["b"] + "/en/").text
        new_title = f"About the initiative {secrets.token_hex(3)}"
        self.shell(
            self.env,
            f"""
import json
from wagtail.models import Page
page = Page.objects.get(pk={facts["about_id"]}).specific
page.title = {new_title!r}
page.save_revision()
print("RESULT" + json.dumps(True))
""",
        )
        self.check(
            "(a) a draft changes nothing on B",
            (True, False),
            (facts["about_title"] in anonymous.get(url["b"] + about, timeout=30).text,
             new_title in anonymous.get(url["b"] + about, timeout=30).text),
        )  # fmt: skip

        # (b) the Secretariat member signs in on A with password and TOTP.
        secretariat = Browser()
        used_at = self.fresh_totp_window()
        code = totp_code(facts["secret"], used_at)
        signed = self.sign_in(secretariat, "a", facts["secretariat"], code=code)
        self.check("(b) password and TOTP accepted on A", 302, signed.status_code)
        replay = Browser()
        replay_response = self.sign_in(replay, "b", facts["secretariat"], code=code)
        same_period = int(used_at) // TOTP_PERIOD == int(time.time()) // TOTP_PERIOD
        self.check(
            "(b) the TOTP code used on A is refused on B",
            (True, 200, True),
            (same_period, replay_response.status_code, "/2fa/authenticate" in replay_response.url),
            "B accepted a code A had used (or the TOTP period ran out before the replay)",
        )
        admin = secretariat.get(url["b"] + "/admin/")
        self.check(
            "(b) the session signed in on A opens the admin through B",
            (200, True),
            (admin.status_code, "/admin/" in admin.url and 'class="w-dashboard' in admin.text
             or "wagtail-dashboard" in admin.text or "w-summary" in admin.text),
            f"ended at {admin.url}",
        )  # fmt: skip

        # (a) published through A: the admin's publish action.
        tasks_before = self.task_count()
        bulk = (
            f"{url['a']}/admin/bulk/wagtailcore/page/publish/?id={facts['about_id']}&next=/admin/"
        )
        published = secretariat.post_form(bulk, {}, follow=False)
        self.check("(a) publish through A's admin", 302, published.status_code)
        fresh = anonymous.get(url["b"] + about, timeout=30)
        self.check(
            "(a) B serves the new title at once (page cache)",
            (200, True, False),
            (fresh.status_code, new_title in fresh.text, fresh.headers.get("X-GCI-Cache") == "hit"),
        )
        if facts["in_menu"]:
            menus = [partner.get(url["b"] + "/en/").text for _ in range(4)]
            self.check(
                "(a) B's memo follows at once (the menu a Partner sees)",
                (False, True),
                (new_title in menu_before, all(new_title in text for text in menus)),
            )
        else:
            self.check("(a) the About page is in the menu (to try the memo)", True, False)

        # (e) the tasks queued by A's publish, run by the worker.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            rows = self.task_rows(tasks_before)
            if rows and all(status == "SUCCESSFUL" for status, _ in rows):
                break
            time.sleep(0.5)
        self.check(
            "(e) tasks queued on A are run by the worker process",
            (True, True, {"smoke-worker"}),
            (bool(rows), all(s == "SUCCESSFUL" for s, _ in rows),
             {w for _, ws in rows for w in ws}),
        )  # fmt: skip

        # (c) a Partner's upload through A, downloaded through B.
        content = base64.b64decode(facts["pdf"])
        sent = partner.post_form(
            url["a"] + facts["submit"],
            {"title": "Two hosts, one suitcase", "summary": "Uploaded through A.",
             "material_type": "presentation", "topics": "ods", "languages": "en"},
            files={"file": ("two-hosts.pdf", content, "application/pdf")},
            follow=False,
        )  # fmt: skip
        self.check("(c) suitcase submission through A", 302, sent.status_code, sent.text[-300:])
        mine = partner.get(url["b"] + facts["mine"]).text
        self.check("(c) B lists the submission", True, "Two hosts, one suitcase" in mine)
        documents = self.sql(
            "SELECT id, file FROM wagtaildocs_document WHERE title = %s",
            ("Two hosts, one suitcase",),
        )
        on_disk = [self.work / "var" / "media" / name for _, name in documents]
        self.check(
            "(c) the file is in the shared media folder",
            (1, True),
            (len(on_disk), all(p.exists() for p in on_disk)),
        )
        if documents:
            link = f"/documents/{documents[0][0]}/{documents[0][1].rsplit('/', 1)[-1]}"
            # A submission waits for the Secretariat's approval in a collection
            # only the Secretariat may read (gci.materials.collections).
            got = secretariat.get(url["b"] + link)
            self.check(
                "(c) the Secretariat downloads the Partner's file through B",
                (200, True),
                (got.status_code, got.content == content),
            )
            own = partner.get(url["b"] + link)
            self.check(
                "(c) refused to the Partner until approved (Secretariat only)",
                (403, False),
                (own.status_code, own.content == content),
            )
            stranger = anonymous.get(url["lb"] + link, allow_redirects=False, timeout=30)
            self.check(
                "(c) refused to an anonymous visitor",
                (True, False),
                (stranger.status_code in (302, 403, 404), stranger.content == content),
            )

        # (d) failed logins over A and B count together.
        victim = f"nobody-{secrets.token_hex(3)}@example.org"
        answers = []
        for attempt in range(6):
            host = "ab"[attempt % 2]
            response = Browser().post_form(
                url[host] + "/en/accounts/login/", {"login": victim, "password": "wrong-password-1"}
            )
            answers.append(RATE_LIMITED in response.text)
        self.check(
            "(d) the 6th failed login (5/5m per address over A and B) is refused as too many",
            [False] * 5 + [True],
            answers,
        )

        # JSON request log: nginx's request id in A's log line.
        probe = anonymous.get(url["a"] + "/en/", timeout=30)
        request_id = probe.headers.get("X-Request-ID", "")
        time.sleep(0.3)
        lines = [
            json.loads(line)
            for line in (self.work / "a.log").read_text(errors="replace").splitlines()
            if line.startswith("{") and '"gci.request"' in line
        ]
        self.check(
            "JSON log: A's line carries nginx's request id",
            (32, True),
            (len(request_id), any(line.get("request_id") == request_id for line in lines)),
        )
        self.check(
            "JSON log: no email address in A's request lines",
            False,
            any("@" in json.dumps(line) for line in lines),
        )

        # A Redis goes: /healthz says down, to a balancer asking A directly.
        self.stop("redis-pages")
        down = requests.get(f"http://127.0.0.1:{self.app_ports['a']}/healthz", timeout=30)
        self.check(
            "health endpoint when the pages Redis is down",
            (503, "down\n"),
            (down.status_code, down.text),
        )

    def task_count(self) -> int:
        return len(self.task_rows(None))

    def sql(self, query: str, params: tuple = ()) -> list[tuple]:
        import psycopg

        assert self.pg is not None
        with psycopg.connect(self.pg.url.replace("postgres://", "postgresql://")) as db:
            return db.execute(query, params).fetchall()

    def task_rows(self, skip: int | None) -> list[tuple[str, list[str]]]:
        table = self.facts["tasks_table"]
        rows = self.sql(f"SELECT status, worker_ids FROM {table} ORDER BY enqueued_at")  # noqa: S608
        return rows[skip or 0 :] if skip is not None else rows


def main() -> int:
    missing = [name for name in ("nginx", "redis-server") if shutil.which(name) is None]
    if postgres_bin() is None:
        missing.append("postgresql")
    if missing:
        skip(f"{', '.join(missing)} not installed (apt-get install nginx redis-server postgresql)")
    started = time.monotonic()
    smoke = Smoke()
    try:
        smoke.up()
        smoke.run()
    except Exception as error:
        print(f"FAIL  the smoke test stopped: {type(error).__name__}: {error}")
        smoke.failed = True
    finally:
        if smoke.failed:
            smoke.dump_logs()
        smoke.cleanup()
    print(f"{'multihost smoke test FAILED' if smoke.failed else 'multihost smoke test passed'} "
          f"in {time.monotonic() - started:.0f} s")  # fmt: skip
    return 1 if smoke.failed else 0


if __name__ == "__main__":
    sys.exit(main())
