"""A columnar cache of the checked, derived figures table, for large data sets.

Reading and checking a million CSV rows takes seconds; the result is kept as Parquet next to the data
(``<data>/.cache/``), keyed by the input files' sizes and modification times, by this package's code and by
today's date, so any edit to the data or to the rules that derive it is a cache miss, and so is a new day (a
period that had not ended, or a publication date in the future, is refused only until that day comes). Small files (the
shipped data) are never cached: they load faster than a cache could be checked.
"""

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from turnover.problems import Problem
from turnover.writing import write_atomically

THRESHOLD_BYTES = 5 * 2**20
CODE = Path(__file__).resolve().parent


def cache_key(inputs: list[Path]) -> str:
    digest = hashlib.sha256(dt.date.today().isoformat().encode())
    for path in inputs:
        stat = path.stat() if path.exists() else None
        digest.update(f"{path.resolve()}:{stat.st_size if stat else -1}:{stat.st_mtime_ns if stat else -1}\n".encode())
    for source in sorted(CODE.rglob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:24]


def wanted(figures_csv: Path) -> bool:
    return figures_csv.is_file() and figures_csv.stat().st_size >= THRESHOLD_BYTES


def figures_cached(figures_csv: Path, inputs: list[Path], build: Callable[[], tuple[pd.DataFrame, list[Problem]]]) -> tuple[pd.DataFrame, list[Problem]]:
    """``build()``'s result, from the cache when the inputs and the code are unchanged; large files only."""
    if not wanted(figures_csv):
        return build()
    folder, key = figures_csv.parent / ".cache", cache_key(inputs)
    cached = read(folder, key)
    if cached is not None:
        return cached
    figures, problems = build()
    write(folder, key, figures, problems)
    return figures, problems


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
        write_atomically(folder / f"problems-{key}.json", json.dumps([p.__dict__ for p in problems]).encode("utf-8"))
        write_atomically(folder / f"figures-{key}.parquet", figures.to_parquet(index=False))
    except OSError:
        return
