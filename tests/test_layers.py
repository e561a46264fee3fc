"""The layers hold: the library imports no Streamlit, app/ or views/; app/ imports no page script (.importlinter).

`make test` runs lint-imports before pytest; this test also proves the contracts catch a breach.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from turnover.paths import REPO_ROOT

LINT = Path(sys.executable).with_name("lint-imports")
pytestmark = pytest.mark.skipif(not LINT.exists(), reason="import-linter is not installed (make test installs it)")


def _lint(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT), "--no-cache"], cwd=root, capture_output=True, text=True, timeout=300)


def _copy(tmp_path: Path) -> Path:
    for name in ("turnover", "app", "views"):
        shutil.copytree(REPO_ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "locale"))
    shutil.copy(REPO_ROOT / ".importlinter", tmp_path)
    return tmp_path


def test_the_shipped_code_keeps_every_layer():
    result = _lint(REPO_ROOT)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(("module", "breach", "named"), [
    ("turnover/formatting.py", "import streamlit", "turnover.formatting -> streamlit"),
    ("turnover/charts.py", "from app import loading", "turnover.charts -> app.loading"),
    ("app/memo.py", "import views.region", "app.memo -> views.region"),
])
def test_a_forbidden_import_breaks_the_build(tmp_path, module, breach, named):
    root = _copy(tmp_path)
    with open(root / module, "a", encoding="utf-8") as file:
        file.write(f"\n{breach}\n")
    result = _lint(root)
    assert result.returncode != 0 and named in result.stdout, result.stdout
