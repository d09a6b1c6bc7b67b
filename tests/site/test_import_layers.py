"""`make lint` refuses an import cycle between gci modules and an import that
breaks the layers (scripts/check_imports.py): checked here on tiny packages
written for the test, and on the real tree."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECKER = ROOT / "scripts" / "check_imports.py"


def _tree(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def _check(root):
    return subprocess.run(
        [sys.executable, str(CHECKER), str(root)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_cycle_between_two_modules_fails(tmp_path):
    root = _tree(
        tmp_path,
        {
            "calendar/models.py": "def route():\n    from .views import listing\n",
            "calendar/views.py": "from gci.calendar.models import route\n",
        },
    )
    result = _check(root)
    assert result.returncode == 1
    assert "import cycle: gci.calendar.models -> gci.calendar.views -> gci.calendar.models" in (
        result.stdout
    )


def test_an_import_under_type_checking_is_not_a_cycle(tmp_path):
    root = _tree(
        tmp_path,
        {
            "calendar/models.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from .views import listing\n"
            ),
            "calendar/views.py": "from gci.calendar.models import route\n",
        },
    )
    assert _check(root).returncode == 0


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {
                "calendar/choices.py": "REGIONS = []\n",
                "materials/models.py": "from gci.calendar.choices import REGIONS\n",
            },
            "gci.materials may not import gci.calendar",
        ),
        (
            {
                "calendar/models.py": "class EventPage:\n    pass\n",
                "home/visibility.py": "from gci.calendar.models import EventPage\n",
            },
            "gci.home.visibility (shared rules) imports gci.calendar.models (apps), a layer above",
        ),
    ],
    ids=["an app importing another app", "the shared rules importing an app"],
)
def test_an_import_that_breaks_the_layers_fails(tmp_path, files, message):
    result = _check(_tree(tmp_path, files))
    assert result.returncode == 1
    assert message in result.stdout


def test_the_real_tree_has_no_cycle_and_keeps_its_layers():
    result = _check(ROOT)
    assert result.returncode == 0, result.stdout
