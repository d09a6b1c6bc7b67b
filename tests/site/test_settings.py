"""Settings: configuration from the environment, production refusals, SQLite."""

import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.db.backends.sqlite3.base import DatabaseWrapper

from tests.helpers import PRODUCTION, run_manage

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = run_manage("check", env_overrides=env, drop=(missing,))
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr


def test_production_refuses_a_local_cache():
    env = {k: v for k, v in PRODUCTION.items() if k != "CACHE_URL"}
    result = run_manage("check", env_overrides=env, drop=("CACHE_URL",))
    assert result.returncode != 0
    assert "CACHE_URL" in result.stderr


def test_production_passes_check_deploy_with_no_warning():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_cookies_and_headers():
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SECURE_HSTS_SECONDS,"
        " s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_CONTENT_TYPE_NOSNIFF,"
        " s.SECURE_REFERRER_POLICY, s.DEBUG)"
    )
    result = run_manage("shell", "-c", code, env_overrides=PRODUCTION)
    assert result.returncode == 0, result.stderr
    name, csrf, hsts, secure, csrf_secure, nosniff, referrer, debug = (
        result.stdout.strip().splitlines()[-1].split()
    )
    assert name.startswith("__Host-") and csrf.startswith("__Host-")
    assert int(hsts) >= 365 * 24 * 3600
    assert (secure, csrf_secure, nosniff, debug) == ("True", "True", "True", "False")
    assert referrer == "strict-origin-when-cross-origin"


def test_database_url_selects_postgresql_with_health_checks():
    code = (
        "from django.conf import settings as s; d = s.DATABASES['default'];"
        "print(d['ENGINE'], d['NAME'], d['CONN_HEALTH_CHECKS'])"
    )
    result = run_manage(
        "shell",
        "-c",
        code,
        env_overrides={**PRODUCTION, "DATABASE_URL": "postgres://gci:pw@db.internal:5432/gci"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == ("django.db.backends.postgresql gci True")


def test_sqlite_default_is_a_file_under_var_with_wal_and_immediate_transactions():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings as s; d = s.DATABASES['default'];"
        "print(d['NAME']); print(d['OPTIONS']['transaction_mode'], d['OPTIONS']['timeout'])",
        env_overrides={"DJANGO_SETTINGS_MODULE": "gci.site.settings.dev"},
        drop=("DATABASE_URL",),
    )
    assert result.returncode == 0, result.stderr
    name, options = result.stdout.strip().splitlines()[-2:]
    assert name.startswith(str(ROOT / "var"))
    assert options.split()[0] == "IMMEDIATE" and int(options.split()[1]) >= 5


def _sqlite_wrapper(path):
    base = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": dict(settings.DATABASES["default"].get("OPTIONS", {})),
        "ATOMIC_REQUESTS": False,
        "AUTOCOMMIT": True,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "TIME_ZONE": None,
        "USER": "",
        "PASSWORD": "",
        "HOST": "",
        "PORT": "",
        "TEST": {},
    }
    if "transaction_mode" not in base["OPTIONS"]:
        pytest.skip("the suite runs on PostgreSQL here")
    return DatabaseWrapper(base, alias="concurrency")


def test_concurrent_sqlite_writers_wait_instead_of_failing(tmp_path, django_db_blocker):
    """Read-then-write transactions from two connections at once: with
    DEFERRED transactions SQLite answers "database is locked" at once; with
    IMMEDIATE transactions and a busy timeout every write lands."""
    django_db_blocker.unblock()
    path = tmp_path / "concurrency.sqlite3"
    setup = _sqlite_wrapper(path)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (n INTEGER)")
    mode = setup.connection.execute("PRAGMA journal_mode").fetchone()[0]
    setup.close()
    assert mode == "wal"

    errors, per_thread = [], 40

    def writer():
        wrapper = _sqlite_wrapper(path)
        try:
            wrapper.ensure_connection()
            for _ in range(per_thread):
                # What transaction.atomic() does on SQLite: BEGIN <transaction_mode>.
                wrapper._start_transaction_under_autocommit()
                with wrapper.cursor() as cursor:
                    cursor.execute("SELECT COUNT(*) FROM counter")
                    (count,) = cursor.fetchone()
                    cursor.execute("INSERT INTO counter (n) VALUES (%s)", [count + 1])
                    cursor.execute("COMMIT")
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            wrapper.close()

    threads = [threading.Thread(target=writer) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    check = _sqlite_wrapper(path)
    with check.cursor() as cursor:
        cursor.execute("SELECT COUNT(*), MAX(n) FROM counter")
        assert cursor.fetchone() == (3 * per_thread, 3 * per_thread)
    check.close()
    django_db_blocker.restore()


def test_no_shared_passwords_for_private_pages_or_collections():
    assert settings.WAGTAIL_PRIVATE_PAGE_OPTIONS == {"SHARED_PASSWORD": False}
    assert settings.WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS == {"SHARED_PASSWORD": False}
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


def test_static_files_are_compressed_with_hashed_names():
    code = "from django.conf import settings as s; print(s.STORAGES['staticfiles']['BACKEND'])"
    result = run_manage("shell", "-c", code, env_overrides=PRODUCTION)
    assert result.stdout.strip().splitlines()[-1] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


@pytest.mark.parametrize("cache", ["dummycache://", "filecache:///tmp/gci-cache", "locmemcache://"])
def test_production_refuses_a_cache_that_processes_do_not_share(cache):
    result = run_manage("check", env_overrides={**PRODUCTION, "CACHE_URL": cache})
    assert result.returncode != 0
    assert "CACHE_URL" in result.stderr


def test_production_refuses_the_placeholder_secret_key():
    placeholder = "change-me-to-a-long-random-string-of-at-least-fifty-characters"
    result = run_manage("check", env_overrides={**PRODUCTION, "SECRET_KEY": placeholder})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_a_dot_env_file_chooses_the_settings_for_manage_py(tmp_path):
    """The checkout's .env is read before the settings module is chosen."""
    import shutil

    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT, checkout, ignore=shutil.ignore_patterns(".venv", "var", ".git"))
    (checkout / ".env").write_text(
        "DJANGO_SETTINGS_MODULE=gci.site.settings.production\n"
        f"SECRET_KEY={PRODUCTION['SECRET_KEY']}\nALLOWED_HOSTS=greencustoms.example\n"
        "CACHE_URL=redis://127.0.0.1:6379/0\nPAGE_CACHE_URL=redis://127.0.0.1:6380/0\n"
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS")
    }
    env["PYTHONPATH"] = str(checkout.parent)
    # The copy is not the installed `gci`: run it as a script that imports
    # the installed package's settings, reading the copy's .env.
    result = subprocess.run(
        [sys.executable, str(checkout / "manage.py"), "load_demo"],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "refuses to run under production settings" in result.stderr


def test_production_refuses_a_page_cache_that_processes_do_not_share():
    env = {k: v for k, v in PRODUCTION.items() if k != "PAGE_CACHE_URL"}
    result = run_manage("check", env_overrides=env, drop=("PAGE_CACHE_URL",))
    assert result.returncode != 0
    assert "PAGE_CACHE_URL" in result.stderr


def test_production_refuses_one_cache_for_rate_limits_and_pages():
    """Filling the page cache would evict allauth's failed-login counters."""
    same = {**PRODUCTION, "PAGE_CACHE_URL": PRODUCTION["CACHE_URL"]}
    result = run_manage("check", env_overrides=same)
    assert result.returncode != 0
    assert "PAGE_CACHE_URL" in result.stderr


def test_rate_limits_and_pages_live_in_two_caches():
    code = (
        "from django.conf import settings as s; c = s.CACHES;"
        "print(s.GCI_PAGE_CACHE_ALIAS, c['default']['LOCATION'], c['pages']['LOCATION'])"
    )
    result = run_manage("shell", "-c", code, env_overrides=PRODUCTION)
    assert result.returncode == 0, result.stderr
    alias, default, pages = result.stdout.strip().splitlines()[-1].split()
    assert alias == "pages" and default != pages
    assert (default, pages) == (PRODUCTION["CACHE_URL"], PRODUCTION["PAGE_CACHE_URL"])


def test_env_example_lists_every_variable_the_settings_read():
    """`.env.example` says it lists every variable: a setting read from the
    environment but missing there is one a deployer never learns of."""
    read = set()
    for module in (ROOT / "site" / "settings").glob("*.py"):
        read |= set(re.findall(r"\benv(?:\.\w+)?\(\s*\"([A-Z][A-Z0-9_]+)\"", module.read_text()))
    listed = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert "SECRET_KEY" in read and "GCI_REPORTING_CURRENCY" in read  # the pattern finds them
    assert read - listed == set()
