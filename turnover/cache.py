"""A columnar cache of the checked, derived figures table, for large data sets.

Reading and checking a million CSV rows takes seconds; the result is kept as Parquet next to the data
(``<data>/.cache/``), keyed by the input files' sizes and modification times and by this package's
code, so any edit to the data or to the rules that derive it is a cache miss. Small files (the
shipped data) are never cached: they load faster than a cache could be checked.
"""

import hashlib
import json
import os
import tempfile
from pathlib import Path

import pandas as pd

from turnover.problems import Problem

THRESHOLD_BYTES = 5 * 2**20
CODE = Path(__file__).resolve().parent


def cache_key(inputs: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in inputs:
        stat = path.stat() if path.exists() else None
        digest.update(f"{path.resolve()}:{stat.st_size if stat else -1}:{stat.st_mtime_ns if stat else -1}\n".encode())
    for source in sorted(CODE.glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:24]


def wanted(figures_csv: Path) -> bool:
    return figures_csv.is_file() and figures_csv.stat().st_size >= THRESHOLD_BYTES


def read(folder: Path, key: str) -> tuple[pd.DataFrame, list[Problem]] | None:
    table, problems = folder / f"figures-{key}.parquet", folder / f"problems-{key}.json"
    if not (table.is_file() and problems.is_file()):
        return None
    try:
        return pd.read_parquet(table), [Problem(**p) for p in json.loads(problems.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        return None  # a damaged cache is only a miss


def write(folder: Path, key: str, figures: pd.DataFrame, problems: list[Problem]) -> None:
    """Write atomically, and drop older entries; a read-only data folder just goes uncached."""
    try:
        folder.mkdir(exist_ok=True)
        for old in folder.glob("*"):
            if key not in old.name:
                old.unlink(missing_ok=True)
        _atomic(folder / f"problems-{key}.json", json.dumps([p.__dict__ for p in problems]).encode("utf-8"))
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as handle:
            figures.to_parquet(handle.name, index=False)
        os.replace(handle.name, folder / f"figures-{key}.parquet")
    except OSError:
        return


def _atomic(path: Path, content: bytes) -> None:
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as handle:
        handle.write(content)
    os.replace(handle.name, path)
