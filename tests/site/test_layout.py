"""The checkout is the package `gci`; its `site` and `calendar` folders never
hide the standard library's modules of the same name."""

import calendar
import importlib
import os
import site
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_pytest_process_uses_the_standard_library_modules():
    assert calendar.timegm((2009, 1, 26, 0, 0, 0)) == 1232928000
    assert callable(site.getsitepackages)
    assert Path(calendar.__file__).name == "calendar.py"
    assert Path(calendar.__file__).parent != ROOT / "calendar"


def test_manage_py_process_uses_the_standard_library_modules():
    code = (
        "import calendar, site, django.conf;"
        "print(calendar.timegm((2009, 1, 26, 0, 0, 0)), calendar.__file__);"
        "print(callable(site.getsitepackages), site.__file__)"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "gci.site.settings.test"},
        check=True,
        timeout=120,
    )
    first, second = result.stdout.strip().splitlines()[-2:]
    assert first.startswith("1232928000 ")
    assert str(ROOT / "calendar") not in first
    assert second.startswith("True ")
    assert str(ROOT / "site") not in second


@pytest.mark.parametrize("app", ["site", "home", "calendar", "materials", "focal_points"])
def test_apps_import_only_as_gci_namespace_portions(app):
    assert not (ROOT / app / "__init__.py").exists()
    module = importlib.import_module(f"gci.{app}")
    assert str(ROOT / app) in list(module.__path__)


def test_every_app_has_a_migrations_package():
    for app in ["home", "calendar", "materials", "focal_points"]:
        assert (ROOT / app / "migrations" / "__init__.py").exists()
        assert (ROOT / app / "migrations" / "0001_initial.py").exists()


def test_settings_are_gci_site_settings():
    from django.conf import settings

    assert os.environ["DJANGO_SETTINGS_MODULE"] == "gci.site.settings.test"
    assert settings.GCI_ENVIRONMENT == "test"
    assert "gci.calendar" in settings.INSTALLED_APPS
