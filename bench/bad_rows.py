"""How long a data set with many bad rows takes: ``validate`` and the dashboard's first page, vs the shipped data.

    .venv/bin/python bench/bad_rows.py [--rows 100000] [--code DIR]

Writes ``bench/data/bad-rows/`` (gitignored): the shipped data/ and geo/ with ``--rows`` bad figure rows
appended to figures.csv, a third each of unknown region names, values that are not numbers and rows with
a stray field. Then, each in a fresh process (so nothing is cached): ``python -m turnover validate`` on
that folder, and one run of ``dashboard.py`` through Streamlit's AppTest (the script run of the first
page, data loading included) on the shipped data and on the bad folder. ``--code`` runs another checkout's
code (to measure before a change). Prints the timings.
"""

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FOLDER = REPO / "bench" / "data" / "bad-rows"

FIRST_PAGE = """
import sys, time
from streamlit.testing.v1 import AppTest
app = AppTest.from_file(sys.argv[1], default_timeout=3600)
started = time.perf_counter()
app.run()
elapsed = time.perf_counter() - started
print(f"{elapsed:.2f} {len(app.exception)}")
"""


def bad_row(number: int) -> str:
    kind = number % 3
    if kind == 0:
        return f"Nowhere Oblast {number},2023,12,turnover,1,USD,mn,exact,goods,,belta-de-20241118,"
    if kind == 1:
        return f"RU-SMO,2023,12,turnover,4.4bn{number},USD,mn,exact,goods,,belta-de-20241118,"
    return f"RU-SMO,2023,12,turnover,1,USD,mn,exact,goods,,belta-de-20241118,note,{number}"


def write_folder(rows: int) -> tuple[Path, Path]:
    shutil.rmtree(FOLDER, ignore_errors=True)
    data, geo = FOLDER / "data", FOLDER / "geo"
    shutil.copytree(REPO / "data", data, ignore=shutil.ignore_patterns(".*"))
    shutil.copytree(REPO / "geo", geo, ignore=shutil.ignore_patterns("*.py"))
    with open(data / "figures.csv", "a", encoding="utf-8") as file:
        file.write("\n".join(bad_row(n) for n in range(rows)) + "\n")
    return data, geo


def timed(command: list[str], env: dict, cwd: Path) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    lines = done.stdout.strip().splitlines()
    return elapsed, lines[-1] if lines else done.stderr.strip()[-200:]


def first_page(code: Path, data: Path, geo: Path) -> str:
    env = {**os.environ, "TURNOVER_DATA_DIR": str(data), "TURNOVER_GEO_DIR": str(geo)}
    _, out = timed([sys.executable, "-c", FIRST_PAGE, str(code / "dashboard.py")], env, code)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--code", type=Path, default=REPO, help="checkout whose code is measured (default: this one)")
    args = parser.parse_args()
    data, geo = write_folder(args.rows)
    env = {**os.environ, "PYTHONPATH": str(args.code)}
    seconds, last = timed([sys.executable, "-m", "turnover", "validate", "--data", str(data), "--geo", str(geo)], env, args.code)
    print(f"validate, {args.rows:,} bad rows: {seconds:.1f} s (last line: {last[:120]})", flush=True)
    shipped = first_page(args.code, args.code / "data", args.code / "geo")
    print(f"first page, shipped data: {shipped.split()[0]} s (exceptions: {shipped.split()[-1]})", flush=True)
    shutil.rmtree(data / ".cache", ignore_errors=True)
    bad = first_page(args.code, data, geo)
    print(f"first page, {args.rows:,} bad rows: {bad.split()[0]} s (exceptions: {bad.split()[-1]})", flush=True)


if __name__ == "__main__":
    main()
