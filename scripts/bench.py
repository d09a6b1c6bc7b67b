"""`make bench`: the site under load, with the large dataset, on this machine.

1. Builds (once) a database of its own: the demo site plus the large dataset
   of tests/bench/dataset.py (SQLite under var/bench/, or BENCH_DATABASE_URL).
2. In-process (Django test client, no network, production settings, page
   cache off): SQL queries and median server time of one request per page.
3. gunicorn, 2 workers, production settings (Redis cache when redis-server
   is installed), on 127.0.0.1; a bounded load on each page (wrk when
   installed, else a small threaded Python client), a static file served by
   whitenoise as the ceiling; requests per second, p50 and p95 latency, and
   the memory of the gunicorn workers and of the task worker (``manage.py
   db_worker``, django-tasks-db) started beside them.
4. Prints one table and the targets met or missed, and writes
   var/bench/results.json.

    .venv/bin/python scripts/bench.py [--seconds 5] [--connections 8] [--rebuild]
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
PY = sys.executable
SECRET_KEY = secrets.token_urlsafe(60)  # one per run: sessions made in-process work in gunicorn

# (name, path, who, kind): kind says which target applies.
PAGES = [
    ("home (en)", "/en/", "anonymous", "page"),
    # "nobody": anonymous, with a session cookie that signs nobody in, so never
    # answered from the page cache (as a visitor half-way through signing in).
    ("home (en), uncached", "/en/", "nobody", "uncached"),
    ("home (ar)", "/ar/", "anonymous", "page"),
    ("events, upcoming", "/en/events/", "anonymous", "page"),
    ("events, month", "/en/events/{year}/{month}/", "anonymous", "page"),
    ("an event", "{event}", "anonymous", "page"),
    ("focal points, Kenya", "/en/focal-points/country/KE/", "anonymous", "page"),
    ("iCal feed", "/en/events/feed/", "anonymous", "page"),
    ("Guide chapter (ar)", "/ar/green-customs-guide/hazardous-waste-basel/", "anonymous", "page"),
    ("API page list", "/api/v2/pages/?limit=20", "anonymous", "api"),
    ("API page list, uncached", "/api/v2/pages/?limit=20", "nobody", "api-uncached"),
    ("Partner dashboard", "/en/partners-area/", "partner", "dashboard"),
    ("planning calendar", "/en/partners-area/planning-calendar/", "partner", "partner"),
    (
        "suitcase, filtered",
        "/en/partners-area/gci-suitcase/?topic=hazardous_waste&language=fr&type=training_module",
        "partner",
        "partner",
    ),
]
TARGETS = {
    "cached_share_of_static": 0.7,
    "api_cached_share_of_static": 0.5,
    "uncached_home_share_of_static": 0.06,
    "uncached_queries": 15,
    "uncached_ms": 20,
    "list_ms": 20,  # the month and upcoming lists
    "partner_queries": 25,
    "partner_ms": 40,
    "dashboard_share_of_static": 0.02,
    "dashboard_ms": 15,
    "worker_mb": 250,
}
LISTS = ("events, upcoming", "events, month")


def env_for(database_url=None, **extra):
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)}
    env.update(
        GCI_VAR_DIR=str(BENCH_DIR),
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="WARNING",
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    env.update(extra)
    return env


def manage(*args, env):
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True)


def shell_output(code, env):
    """The last line ``code`` prints, run by ``manage.py shell`` (which may print
    its own lines first)."""
    done = subprocess.run(
        [PY, "manage.py", "shell", "-v0", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip().splitlines()[-1]


def build(database_url, rebuild, remember=True):
    """Builds the bench database unless it was built already (remember=False:
    build it whatever, and leave no mark, e.g. in a throwaway cluster)."""
    marker = BENCH_DIR / ("built-pg" if database_url else "built-sqlite")
    if remember and marker.exists() and not rebuild:
        return json.loads(marker.read_text())
    if not database_url:
        for name in ("gci.sqlite3", "gci.sqlite3-wal", "gci.sqlite3-shm"):
            (BENCH_DIR / name).unlink(missing_ok=True)
    env = env_for(database_url)
    env.pop("SECRET_KEY")
    print("Building the bench database (once)…", flush=True)
    start = time.perf_counter()
    manage("migrate", "--no-input", "-v0", env=env)
    with open(BENCH_DIR / "build.log", "w") as log:
        subprocess.run([PY, "manage.py", "load_demo"], cwd=ROOT, env=env, check=True, stdout=log)
    demo_seconds = round(time.perf_counter() - start)
    out = shell_output(
        "import json; from tests.bench.dataset import build; print(json.dumps(build()))", env
    )
    made = {
        "made": json.loads(out),
        "demo_seconds": demo_seconds,
        "seconds": round(time.perf_counter() - start),
    }
    if remember:
        marker.write_text(json.dumps(made))
    return made


def describe(made):
    print(f"Bench database: built in {made['seconds']} s", flush=True)
    if "demo_seconds" in made:
        print(f"  migrations and the demo site ({made['demo_seconds']} s)")
    for line in made["made"]:
        print(f"  {line}")


INPROCESS = r"""
import json, statistics, sys, time
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from gci.calendar.models import EventPage
from gci.home.visibility import anonymous_pages
from gci.site.memo import forget

pages = PAGES_JSON
today = timezone.localdate()
events = EventPage.objects.filter(locale__language_code="en", slug__startswith="bulk")
event = anonymous_pages(events).order_by("-pk").first()
partner = get_user_model().objects.get(username="bench7")
anonymous, signed_in = Client(), Client()
signed_in.force_login(partner)
cookie = signed_in.cookies[settings.SESSION_COOKIE_NAME].value
results = {"cookie_name": settings.SESSION_COOKIE_NAME, "cookie": cookie, "pages": []}
for name, path, who, kind in pages:
    path = path.format(year=f"{today:%Y}", month=f"{today:%m}", event=event.url)
    client = signed_in if who == "partner" else anonymous
    for _ in range(2):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        if response.streaming:
            b"".join(response.streaming_content)
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    queries = len(captured)
    forget()  # as the first request after a content change (gci.site.memo)
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    cold_queries = len(captured)
    times = []
    while len(times) < 15 and (len(times) < 3 or sum(times) < 3000):
        start = time.perf_counter()
        response = client.get(path)
        if response.streaming:
            b"".join(response.streaming_content)
        times.append((time.perf_counter() - start) * 1000)
    results["pages"].append({"name": name, "path": path, "who": who, "kind": kind,
                             "queries": queries, "cold_queries": cold_queries,
                             "server_ms": statistics.median(times)})
print("RESULT" + json.dumps(results))
"""


def in_process(database_url):
    env = env_for(
        database_url,
        DJANGO_SETTINGS_MODULE="gci.site.settings.production",
        GCI_ALLOW_LOCAL_CACHE="true",
        GCI_PAGE_CACHE="false",
    )
    code = INPROCESS.replace("PAGES_JSON", json.dumps(PAGES))
    done = subprocess.run(
        [PY, "manage.py", "shell", "-v0", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        sys.exit(done.stderr[-3000:])
    return json.loads(done.stdout.split("RESULT", 1)[1])


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - local
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer")


WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("BENCH %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
"""


def load_wrk(url, seconds, connections, headers):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", script.name]
    for header in headers:
        args += ["-H", header]
    out = subprocess.run(args + [url], capture_output=True, text=True, check=True).stdout
    os.unlink(script.name)
    requests, duration_us, p50, p95, errors = map(
        int, re.search(r"BENCH (.*)", out).group(1).split()
    )
    return {
        "rps": requests / (duration_us / 1e6),
        "p50_ms": p50 / 1000,
        "p95_ms": p95 / 1000,
        "errors": errors,
        "requests": requests,
    }


def load_python(url, seconds, connections, headers):
    """A small keep-alive client, one thread per connection (when wrk is absent)."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies, errors, stop = [], [0], time.time() + seconds
    lock = threading.Lock()

    def worker():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        mine = []
        while time.time() < stop:
            start = time.perf_counter()
            try:
                conn.request("GET", path, headers=dict(h.split(": ", 1) for h in headers))
                response = conn.getresponse()
                response.read()
                if response.status >= 400:
                    errors[0] += 1
            except OSError:
                errors[0] += 1
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            mine.append((time.perf_counter() - start) * 1000)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    begin = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - begin
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50_ms": statistics.median(latencies),
        "p95_ms": latencies[int(len(latencies) * 0.95) - 1],
        "errors": errors[0],
        "requests": len(latencies),
    }


def worker_memory_mb(master_pid):
    rss = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{master_pid}$", text, re.M):
            match = re.search(r"^VmRSS:\s+(\d+) kB", text, re.M)
            if match:
                rss.append(int(match.group(1)) / 1024)
    return rss


def start_redis():
    """A throwaway Redis on a free port (no persistence) when redis-server is
    installed: (the process or None, the environment that points the site at it)."""
    if not shutil.which("redis-server"):
        return None, {"GCI_ALLOW_LOCAL_CACHE": "true"}
    port = free_port()
    redis = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    # Two databases of one throwaway instance: rate limits in 0, pages in 1.
    return redis, {
        "CACHE_URL": f"redis://127.0.0.1:{port}/0",
        "PAGE_CACHE_URL": f"redis://127.0.0.1:{port}/1",
    }


def stop(process):
    if process is not None:
        process.terminate()
        process.wait(timeout=10)


def start_gunicorn(port, env, *options, **popen):
    """gunicorn with production's two workers on 127.0.0.1:``port``."""
    command = [str(Path(PY).parent / "gunicorn"), "gci.site.wsgi", "--workers", "2"]
    command += ["--bind", f"127.0.0.1:{port}", *options]
    return subprocess.Popen(command, cwd=ROOT, env=env, **popen)


def start_task_worker(env):
    """django-tasks-db's worker, as `make run` and production start it."""
    return subprocess.Popen(
        [PY, "manage.py", "db_worker", "--no-reload", "--interval", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(BENCH_DIR / "db_worker.log", "w"),  # noqa: SIM115 - closed with the process
    )


def process_memory_mb(pid):
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmRSS:\s+(\d+) kB", text, re.M)
    return int(match.group(1)) / 1024 if match else None


def load_average():
    return [round(x, 2) for x in os.getloadavg()]


def serve_and_load(database_url, figures, seconds, connections):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    extra = {"DJANGO_SETTINGS_MODULE": "gci.site.settings.production"}
    redis, cache_env = start_redis()
    extra.update(cache_env)
    env = env_for(database_url, **extra)
    gunicorn = start_gunicorn(port, env, "--error-logfile", str(BENCH_DIR / "gunicorn.log"))
    task_worker = start_task_worker(env)
    load = load_wrk if shutil.which("wrk") else load_python
    rows = []
    loads = [load_average()]
    try:
        wait_for(base + "/en/")
        html = urllib.request.urlopen(base + "/en/").read().decode()  # noqa: S310 - local
        static = re.search(r'/static/[^"]+\.css', html).group(0)
        cookies = {
            "partner": [f"Cookie: {figures['cookie_name']}={figures['cookie']}"],
            # A session cookie that signs nobody in: never from the page cache.
            "nobody": [f"Cookie: {figures['cookie_name']}=bench0uncached0nobody"],
        }
        # The static file first and last: the machine's speed moves during a run
        # (its mean is the ceiling the other rows are compared with).
        targets = [("static file (whitenoise)", static, "anonymous", "static", None)]
        targets += [(p["name"], p["path"], p["who"], p["kind"], p) for p in figures["pages"]]
        targets += [("static file, again", static, "anonymous", "static", None)]
        for name, path, who, kind, page in targets:
            headers = cookies.get(who, [])
            load(base + path, 1, 2, headers)  # warm up (and fill the page cache)
            with urllib.request.urlopen(  # noqa: S310 - local
                urllib.request.Request(base + path, headers=dict(h.split(": ", 1) for h in headers))
            ) as response:
                cache_state = response.headers.get("X-GCI-Cache", "-")
                if response.status != 200 or response.url != base + path:
                    sys.exit(f"{path} answered {response.status} at {response.url}")
            result = load(base + path, seconds, connections, headers)
            rows.append(
                {
                    "name": name,
                    "path": path,
                    "who": who,
                    "kind": kind,
                    "cache": cache_state,
                    **result,
                    "queries": page["queries"] if page else 0,
                    "cold_queries": page["cold_queries"] if page else 0,
                    "server_ms": page["server_ms"] if page else 0.0,
                }
            )
            print(f"  {name:28} {result['rps']:8.0f} rps", flush=True)
        loads.append(load_average())
        memory = worker_memory_mb(gunicorn.pid)
        task_memory = process_memory_mb(task_worker.pid)
    finally:
        task_worker.terminate()
        task_worker.wait(timeout=30)
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=30)
        stop(redis)
    return rows, memory, task_memory, loads, load.__name__.replace("load_", "")


def static_rps(rows):
    """The ceiling: the mean of the static file's two measures."""
    return statistics.mean(row["rps"] for row in rows if row["kind"] == "static")


def verdicts(rows, memory, task_memory):
    ceiling = static_rps(rows)
    out = []

    def share_of_static(row, target, what):
        share = row["rps"] / ceiling
        out.append((row["name"], f"{what} at {share:.1%} of the static rate", share >= target))

    for row in rows:
        kind, name = row["kind"], row["name"]
        if kind == "page" and row["cache"] == "hit":
            share_of_static(row, TARGETS["cached_share_of_static"], "cached")
        if kind == "api" and row["cache"] == "hit":
            share_of_static(row, TARGETS["api_cached_share_of_static"], "cached")
        if kind == "uncached":
            share_of_static(row, TARGETS["uncached_home_share_of_static"], "uncached")
        if kind == "dashboard":
            share_of_static(row, TARGETS["dashboard_share_of_static"], "signed in")
        if kind in ("page", "api"):
            limit = TARGETS["list_ms"] if name in LISTS else TARGETS["uncached_ms"]
            ok = row["queries"] <= TARGETS["uncached_queries"] and row["server_ms"] <= limit
            out.append((name, f"uncached {row['queries']} queries, {row['server_ms']:.1f} ms", ok))
        if kind in ("partner", "dashboard"):
            limit = TARGETS["dashboard_ms"] if kind == "dashboard" else TARGETS["partner_ms"]
            ok = row["queries"] <= TARGETS["partner_queries"] and row["server_ms"] <= limit
            out.append((name, f"{row['queries']} queries, {row['server_ms']:.1f} ms", ok))
    out.append(
        ("web workers", f"{max(memory):.0f} MB at most", max(memory) <= TARGETS["worker_mb"])
    )
    if task_memory is not None:
        out.append(("task worker", f"{task_memory:.0f} MB", task_memory <= TARGETS["worker_mb"]))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    database_url = os.environ.get("BENCH_DATABASE_URL")
    made = build(database_url, args.rebuild)
    describe(made)
    # A database built before the last migrations (a new stored field) gets them.
    manage("migrate", "--no-input", "-v0", env=env_for(database_url))
    manage("collectstatic", "--no-input", "-v0", env=env_for(database_url))
    print("Measuring in-process (test client, page cache off)…", flush=True)
    figures = in_process(database_url)
    print(
        f"Loading gunicorn: {args.seconds} s per page, {args.connections} connections…", flush=True
    )
    rows, memory, task_memory, loads, client = serve_and_load(
        database_url, figures, args.seconds, args.connections
    )

    print()
    ceiling = static_rps(rows)
    print(
        f"{'page':28} {'cache':5} {'rps':>8} {'static':>6} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'errors':>6} {'queries':>7} {'cold':>5} {'server ms':>9}"
    )
    for r in rows:
        print(
            f"{r['name']:28} {r['cache']:5} {r['rps']:8.0f} {r['rps'] / ceiling:6.1%} "
            f"{r['p50_ms']:7.1f} "
            f"{r['p95_ms']:7.1f} {r['errors']:6d} {r['queries']:7d} {r['cold_queries']:5d} "
            f"{r['server_ms']:9.1f}"
        )
    print(f"worker memory (RSS, MB): {', '.join(f'{m:.0f}' for m in memory)}", end="")
    print(f"; task worker (db_worker): {task_memory:.0f}" if task_memory else "")
    print(f"static file (the ceiling): {static_rps(rows):.0f} rps, the mean of its two rows")
    print(f"load average (1, 5, 15 min) before and after: {loads[0]}, {loads[1]}")
    print("queries: per request between content changes; cold: the first after a change")
    print("\nTargets:")
    results = verdicts(rows, memory, task_memory)
    for name, text, ok in results:
        print(f"  {'met ' if ok else 'MISS'}  {name}: {text}")
    report = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "database": "postgresql" if database_url else "sqlite",
        "client": client,
        "seconds": args.seconds,
        "connections": args.connections,
        "dataset": made,
        "rows": rows,
        "worker_memory_mb": memory,
        "task_worker_memory_mb": task_memory,
        "static_rps": static_rps(rows),
        "load_average": loads,
        "targets": [{"page": n, "figure": t, "met": ok} for n, t, ok in results],
    }
    (BENCH_DIR / "results.json").write_text(json.dumps(report, indent=2))
    print(f"\nWritten to {BENCH_DIR / 'results.json'}")


if __name__ == "__main__":
    main()
