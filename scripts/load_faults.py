"""Load and faults: concurrent simulated users against gunicorn, with a worker
killed and the database restarted mid-run.

    .venv/bin/python scripts/load_faults.py [--seconds 120] [--users 25]             # SQLite
    .venv/bin/python scripts/load_faults.py --postgres [--seconds 120] [--users 25]  # PostgreSQL

SQLite: the bench database (scripts/bench.py builds it under var/bench/).
`--postgres`: a throwaway PostgreSQL 15 cluster of the script's own
(initdb and pg_ctl from /usr/lib/postgresql/15/bin, run as the `postgres`
system user, in a temporary directory, on a free port of 127.0.0.1, with a
random password), into which the bench database is built afresh; the
cluster is stopped and deleted at the end, on failure and on Ctrl-C too.
The machine's own clusters are never touched. (With BENCH_DATABASE_URL and
no `--postgres`, that database is used and, as it is not ours to restart,
its connections are cut instead.)

Readers (anonymous) browse public pages; Partners (signed in, each a
different bench user) load their dashboard and post an update to one of
their organisation's action points, with the form's CSRF token and version,
as the browser would. At a third of the run one gunicorn worker is killed
(SIGKILL); at two thirds, on PostgreSQL, the cluster is restarted
(`pg_ctl restart -m fast`: every connection closed, the server stopped and
started again). After each fault the script measures how long until an
uncached home page and a Partner's dashboard both answer 200 again. Reports:
5xx answers (and those outside the faults), "database is locked" in the
log, each acknowledged write (a 302 after the POST) looked up in the
database afterwards. Writes var/bench/load-<database>.json.
"""

import argparse
import contextlib
import http.client
import json
import os
import random
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402

READER_PATHS = [
    "/en/",
    "/ar/",
    "/fr/",
    "/en/events/",
    "/en/events/past/",
    "/en/focal-points/",
    "/en/focal-points/country/KE/",
    "/en/partners/",
    "/api/v2/pages/?limit=10",
    "/en/about/",
]

SESSIONS = r"""
import json
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
out = []
for user in get_user_model().objects.filter(username__startswith="bench").order_by("pk")[:COUNT]:
    client = Client()
    client.force_login(user)
    out.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
print("RESULT" + json.dumps({"name": settings.SESSION_COOKIE_NAME, "values": out}))
"""

COUNT_WRITES = r"""
import json, sys
from gci.calendar.models import ActionPointUpdate
notes = json.load(open(PATH))
found = set(ActionPointUpdate.objects.filter(notes__in=notes).values_list("notes", flat=True))
missing = [n for n in notes if n not in found][:20]
print("RESULT" + json.dumps({"found": len(found), "missing": missing}))
"""


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.status = {}
        self.errors = 0
        self.acknowledged = []
        self.conflicts = 0
        self.server_errors = []

    def record(self, code, path):
        with self.lock:
            self.status[code] = self.status.get(code, 0) + 1
            if code >= 500:
                self.server_errors.append((round(time.time(), 1), code, path))


def request(conn, method, path, headers=None, body=None):
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    return response, data


def reader(port, stop, stats, rng):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while time.time() < stop:
        path = rng.choice(READER_PATHS)
        try:
            response, _ = request(conn, "GET", path)
            stats.record(response.status, path)
        except OSError:
            with stats.lock:
                stats.errors += 1
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            time.sleep(0.2)


def partner(port, stop, stats, rng, cookie_name, session):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    cookies = {cookie_name: session}
    form = re.compile(
        r'action="(/en/planning/action-points/\d+/)".*?name="csrfmiddlewaretoken" value="([^"]+)"'
        r'.*?name="version" value="(\d+)"',
        re.S,
    )
    while time.time() < stop:
        try:
            header = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
            response, body = request(conn, "GET", "/en/partners-area/", header)
            stats.record(response.status, "/en/partners-area/")
            for value in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = value.partition("=")
                cookies[name] = rest.split(";", 1)[0]
            matches = form.findall(body.decode("utf-8", "replace"))
            if response.status != 200 or not matches:
                time.sleep(0.2)
                continue
            action, token, version = rng.choice(matches)
            note = f"load-{uuid.uuid4().hex[:12]}"
            payload = (
                f"csrfmiddlewaretoken={token}&version={version}"
                f"&status={rng.choice(['open', 'in_progress'])}&notes={note}"
            )
            header = {
                "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
                "Content-Type": "application/x-www-form-urlencoded",
            }
            response, _ = request(conn, "POST", action, header, payload)
            stats.record(response.status, action)
            with stats.lock:
                if response.status == 302:
                    stats.acknowledged.append(note)
                elif response.status == 409:
                    stats.conflicts += 1
            time.sleep(rng.uniform(0.1, 0.5))  # a person reads before the next change
        except OSError:
            with stats.lock:
                stats.errors += 1
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            time.sleep(0.2)


def answers(port, path, cookie=None):
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        response, _ = request(conn, "GET", path, {"Cookie": cookie} if cookie else {})
        return response.status == 200
    except OSError:
        return False


def time_to_answer(port, since, cookie, limit=60):
    """Seconds from a fault until the home page (with a query string the page
    cache does not serve, so the database answers) and a Partner's
    dashboard both answer 200 again."""
    pending = {"home": "/en/?recovery=1", "dashboard": "/en/partners-area/"}
    seen = {}
    while pending and time.time() - since < limit:
        for name, path in list(pending.items()):
            if answers(port, path, cookie if name == "dashboard" else None):
                seen[name] = round(time.time() - since, 2)
                del pending[name]
        time.sleep(0.05)
    return (max(seen.values()) if not pending else None), seen


PG_BIN = Path("/usr/lib/postgresql/15/bin")


class ThrowawayPostgres:
    """A PostgreSQL 15 cluster of our own in a temporary directory."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="gci-load-pg-"))
        self.data = self.dir / "data"
        self.port = bench.free_port()
        self.password = secrets.token_urlsafe(24)
        self.url = f"postgres://postgres:{self.password}@127.0.0.1:{self.port}/gci_bench"

    def run(self, *args, **kwargs):
        # initdb refuses to run as root: the cluster belongs to `postgres`.
        command = ["runuser", "-u", "postgres", "--", *map(str, args)]
        return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)

    def pg_ctl(self, *args):
        return self.run(PG_BIN / "pg_ctl", "-D", self.data, "-l", self.dir / "server.log", *args)

    def start(self):
        shutil.chown(self.dir, "postgres", "postgres")
        password_file = self.dir / "password"
        password_file.write_text(self.password)
        shutil.chown(password_file, "postgres", "postgres")
        self.run(
            PG_BIN / "initdb",
            "-D",
            self.data,
            "-U",
            "postgres",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--auth-local=peer",
            "--auth-host=scram-sha-256",
            f"--pwfile={password_file}",
            "--no-sync",
        )
        password_file.unlink()
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(
                f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.dir}'\nmax_connections = 50\n"
            )
        self.pg_ctl("start", "-w", "-t", "60")
        self.run(PG_BIN / "createdb", "-h", self.dir, "-p", self.port, "gci_bench")
        return self

    def restart(self):
        """A real restart: sessions closed (fast mode), server stopped, started."""
        self.pg_ctl("restart", "-m", "fast", "-w", "-t", "60")

    def remove(self):
        if (self.data / "postmaster.pid").exists():
            with contextlib.suppress(subprocess.CalledProcessError):
                self.pg_ctl("stop", "-m", "immediate", "-w", "-t", "30")
        shutil.rmtree(self.dir, ignore_errors=True)


def cut_connections(database_url):
    """An external database (BENCH_DATABASE_URL): not ours to restart, so cut
    every connection of the database instead (what a restart does to the app)."""
    name = database_url.rsplit("/", 1)[1]
    subprocess.run(
        [
            "su",
            "postgres",
            "-c",
            'psql -q -tAc "SELECT count(pg_terminate_backend(pid)) FROM '
            f"pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()\"",
        ],
        check=True,
        capture_output=True,
    )


def shell(code, env):
    done = subprocess.run(
        [bench.PY, "manage.py", "shell", "-v0", "-c", code],
        cwd=bench.ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.exit(done.stderr[-2000:])
    return json.loads(done.stdout.split("RESULT", 1)[1])


def run(args, database_url, database, restart):
    """The load and the faults against gunicorn on `database_url`; returns the report."""
    env = bench.env_for(database_url)
    bench.manage("collectstatic", "--no-input", "-v0", env=env)
    sessions = shell(
        SESSIONS.replace("COUNT", str(args.partners)),
        bench.env_for(
            database_url,
            DJANGO_SETTINGS_MODULE="gci.site.settings.production",
            GCI_ALLOW_LOCAL_CACHE="true",
        ),
    )
    dashboard_cookie = f"{sessions['name']}={sessions['values'][0]}"

    port = bench.free_port()
    extra = {"DJANGO_SETTINGS_MODULE": "gci.site.settings.production"}
    redis, cache_env = bench.start_redis()
    extra.update(cache_env)
    # gunicorn's log and the application's (Django logs a 500's traceback to
    # stderr): "database is locked" is looked for in both.
    log = bench.BENCH_DIR / f"load-gunicorn-{database}.log"
    log_file = open(log, "w")  # noqa: SIM115 - closed after gunicorn stops
    gunicorn = bench.start_gunicorn(
        port,
        bench.env_for(database_url, **extra),
        *("--error-logfile", "-", "--timeout", "60"),
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    stats = Stats()
    faults = []
    try:
        bench.wait_for(f"http://127.0.0.1:{port}/en/")
        stop = time.time() + args.seconds
        threads = []
        for i in range(args.users):
            rng = random.Random(i)
            if i < args.partners:
                target = partner
                extra_args = (sessions["name"], sessions["values"][i % len(sessions["values"])])
            else:
                target, extra_args = reader, ()
            threads.append(
                threading.Thread(target=target, args=(port, stop, stats, rng, *extra_args))
            )
        start = time.time()
        for thread in threads:
            thread.start()
        print(f"{args.users} users for {args.seconds} s…", flush=True)
        time.sleep(args.seconds / 3)
        workers = [
            int(p.name)
            for p in Path("/proc").glob("[0-9]*")
            if re.search(
                rf"^PPid:\s+{gunicorn.pid}$",
                (p / "status").read_text() if (p / "status").exists() else "",
                re.M,
            )
        ]
        victim = workers[0]
        at = time.time()
        os.kill(victim, signal.SIGKILL)
        recovered, each = time_to_answer(port, at, dashboard_cookie)
        faults.append(
            {
                "fault": f"SIGKILL gunicorn worker {victim}",
                "at_s": round(at - start, 1),
                "at": at,
                "answered_again_after_s": recovered,
                "answered_again_after_s_each": each,
            }
        )
        print(f"  worker killed at {at - start:.0f} s: answering again after {recovered} s")
        time.sleep(max(0, start + 2 * args.seconds / 3 - time.time()))
        if restart is not None:
            name, action = restart
            at = time.time()
            action()
            command_s = round(time.time() - at, 2)
            recovered, each = time_to_answer(port, at, dashboard_cookie)
            faults.append(
                {
                    "fault": name,
                    "at_s": round(at - start, 1),
                    "at": at,
                    "command_took_s": command_s,
                    "answered_again_after_s": recovered,
                    "answered_again_after_s_each": each,
                }
            )
            print(f"  {name} at {at - start:.0f} s: answering again after {recovered} s")
        for thread in threads:
            thread.join()
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=30)
        log_file.close()
        bench.stop(redis)

    # A request in flight when its worker dies or its database goes away
    # fails; what counts is that nothing fails outside those moments.
    def during_fault(when):
        return any(
            f["at"] - 0.5 <= when <= f["at"] + (f["answered_again_after_s"] or 60) + 0.5
            for f in faults
        )

    at_faults = [e for e in stats.server_errors if during_fault(e[0])]
    for fault in faults:
        fault.pop("at")
    notes_path = bench.BENCH_DIR / "load-notes.json"
    notes_path.write_text(json.dumps(stats.acknowledged))
    check = shell(COUNT_WRITES.replace("PATH", repr(str(notes_path))), env)
    log_text = log.read_text()
    locked = log_text.count("database is locked")
    return {
        "database": database,
        "seconds": args.seconds,
        "users": args.users,
        "partners": args.partners,
        "responses_by_status": stats.status,
        "requests": sum(stats.status.values()),
        "server_errors": len(stats.server_errors),
        "server_errors_at_a_fault": len(at_faults),
        "server_errors_outside_faults": len(stats.server_errors) - len(at_faults),
        "server_error_samples": stats.server_errors[:10],
        "connection_errors": stats.errors,
        "database_is_locked_in_log": locked,
        "tracebacks_in_log": log_text.count("Traceback (most recent call last)"),
        "writes_acknowledged": len(stats.acknowledged),
        "writes_found_in_database": check["found"],
        "writes_missing": check["missing"],
        "edit_conflicts_409": stats.conflicts,
        "faults": faults,
    }


def stop_on_sigterm(signum, frame):
    sys.exit(128 + signum)  # runs the `finally` blocks: the cluster is removed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--users", type=int, default=25)
    parser.add_argument("--partners", type=int, default=10)
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="run on a throwaway PostgreSQL 15 cluster of our own, restarted mid-run",
    )
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    bench.BENCH_DIR.mkdir(parents=True, exist_ok=True)
    cluster = None
    try:
        if args.postgres:
            cluster = ThrowawayPostgres()
            print(f"A throwaway PostgreSQL 15 cluster in {cluster.dir}, port {cluster.port}")
            cluster.start()
            # Its files (the suitcase's PDFs) go with the cluster.
            os.environ["MEDIA_ROOT"] = str(cluster.dir / "media")
            database_url, database = cluster.url, "postgresql"
            bench.describe(bench.build(database_url, rebuild=True, remember=False))
            restart = ("PostgreSQL restarted (pg_ctl restart -m fast)", cluster.restart)
        else:
            database_url = os.environ.get("BENCH_DATABASE_URL")
            database = "postgresql" if database_url else "sqlite"
            bench.build(database_url, rebuild=False)
            restart = None
            if database_url:
                restart = (
                    "every PostgreSQL connection of the database terminated",
                    lambda: cut_connections(database_url),
                )
        report = run(args, database_url, database, restart)
    finally:
        if cluster is not None:
            cluster.remove()
            print(f"Throwaway cluster stopped and removed ({cluster.dir})")
    out = bench.BENCH_DIR / f"load-{database}.json"
    out.write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    ok = (
        report["server_errors_outside_faults"] == 0
        and report["database_is_locked_in_log"] == 0
        and report["writes_found_in_database"] == report["writes_acknowledged"]
        and all(f["answered_again_after_s"] is not None for f in report["faults"])
    )
    print("\nPASS" if ok else "\nFAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
