"""Load and faults: concurrent simulated users against gunicorn, with a worker
killed and the database connections cut mid-run.

    .venv/bin/python scripts/load_faults.py [--seconds 120] [--users 25]
    BENCH_DATABASE_URL=postgres://… .venv/bin/python scripts/load_faults.py

Uses the bench database (scripts/bench.py builds it). Readers (anonymous)
browse public pages; Partners (signed in, each a different bench user) load
their dashboard and post an update to one of their organisation's action
points, with the form's CSRF token and version, as the browser would. At a
third of the run one gunicorn worker is killed (SIGKILL); at two thirds, on
PostgreSQL, every connection of the database is terminated (what a restart
does to the app; the shared cluster itself is not restarted). Reports: 5xx
answers, "database is locked" in the log, each acknowledged write (a 302
after the POST) looked up in the database afterwards, and how long the site
took to answer again after each fault. Writes var/bench/load.json.
"""

import argparse
import http.client
import json
import os
import random
import re
import signal
import subprocess
import sys
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


def time_to_answer(port, since, limit=30):
    """Seconds from a fault until the home page answers 200 again."""
    while time.time() - since < limit:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            response, _ = request(conn, "GET", "/en/partners/?page=1")
            if response.status == 200:
                return round(time.time() - since, 2)
        except OSError:
            pass
        time.sleep(0.05)
    return None


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--users", type=int, default=25)
    parser.add_argument("--partners", type=int, default=10)
    args = parser.parse_args()
    database_url = os.environ.get("BENCH_DATABASE_URL")
    bench.BENCH_DIR.mkdir(parents=True, exist_ok=True)
    bench.build(database_url, rebuild=False)
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

    port = bench.free_port()
    extra = {"DJANGO_SETTINGS_MODULE": "gci.site.settings.production"}
    redis = None
    if bench.shutil.which("redis-server"):
        redis_port = bench.free_port()
        redis = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        extra["CACHE_URL"] = f"redis://127.0.0.1:{redis_port}/0"
    else:
        extra["GCI_ALLOW_LOCAL_CACHE"] = "true"
    log = bench.BENCH_DIR / "load-gunicorn.log"
    gunicorn = subprocess.Popen(
        [
            str(Path(bench.PY).parent / "gunicorn"),
            "gci.site.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--error-logfile",
            str(log),
            "--timeout",
            "60",
        ],
        cwd=bench.ROOT,
        env=bench.env_for(database_url, **extra),
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
        faults.append(
            {
                "fault": f"SIGKILL gunicorn worker {victim}",
                "at_s": round(at - start, 1),
                "at": at,
                "answered_again_after_s": time_to_answer(port, at),
            }
        )
        time.sleep(max(0, start + 2 * args.seconds / 3 - time.time()))
        if database_url:
            name = database_url.rsplit("/", 1)[1]
            at = time.time()
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
            faults.append(
                {
                    "fault": "every PostgreSQL connection of the database terminated",
                    "at_s": round(at - start, 1),
                    "at": at,
                    "answered_again_after_s": time_to_answer(port, at),
                }
            )
        for thread in threads:
            thread.join()
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=30)
        if redis:
            redis.terminate()

    # A request in flight when its worker dies or its connection is cut
    # fails; what counts is that nothing fails outside those moments.
    def during_fault(when):
        return any(
            f["at"] - 0.5 <= when <= f["at"] + (f["answered_again_after_s"] or 30) + 0.5
            for f in faults
        )

    at_faults = [e for e in stats.server_errors if during_fault(e[0])]
    for fault in faults:
        fault.pop("at")
    notes_path = bench.BENCH_DIR / "load-notes.json"
    notes_path.write_text(json.dumps(stats.acknowledged))
    check = shell(COUNT_WRITES.replace("PATH", repr(str(notes_path))), env)
    locked = log.read_text().count("database is locked") if log.exists() else 0
    report = {
        "database": "postgresql" if database_url else "sqlite",
        "seconds": args.seconds,
        "users": args.users,
        "partners": args.partners,
        "responses_by_status": stats.status,
        "requests": sum(stats.status.values()),
        "server_errors": len(stats.server_errors),
        "server_errors_at_a_fault": len(at_faults),
        "server_error_samples": stats.server_errors[:10],
        "connection_errors": stats.errors,
        "database_is_locked_in_log": locked,
        "writes_acknowledged": len(stats.acknowledged),
        "writes_found_in_database": check["found"],
        "writes_missing": check["missing"],
        "edit_conflicts_409": stats.conflicts,
        "faults": faults,
    }
    out = bench.BENCH_DIR / f"load-{report['database']}.json"
    out.write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    ok = (
        report["server_errors"] == len(at_faults)
        and locked == 0
        and check["found"] == len(stats.acknowledged)
    )
    print("\nPASS" if ok else "\nFAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
