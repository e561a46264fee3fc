"""Command line: ``python -m turnover validate [--data DIR] [--geo DIR]``."""

import argparse
import sys
from pathlib import Path

from turnover import paths
from turnover.boundaries import check_boundaries
from turnover.dataset import load_dataset


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m turnover", description="Belarus–Russian regions trade data tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check data/ and geo/; one line per problem, exit 1 if any")
    validate.add_argument("--data", type=Path, default=None, help="folder with figures.csv, sources.csv, fx.csv (default: data/)")
    validate.add_argument("--geo", type=Path, default=None, help="folder with regions.csv and regions.geojson (default: geo/)")
    args = parser.parse_args(argv)
    return run_validate(args.data or paths.data_dir(), args.geo or paths.geo_dir())


def run_validate(data_dir: Path, geo_dir: Path) -> int:
    dataset = load_dataset(data_dir, geo_dir)
    problems = dataset.problems + check_boundaries(geo_dir / "regions.geojson", dataset.registry)
    for problem in problems:
        print(problem)
    figures = dataset.figures
    full_year = figures[figures["full_year"] & (figures["flow"] == "turnover")]
    subjects = figures[figures["region"].str.startswith("RU-")]["region"].nunique()
    summary = (
        f"{len(figures)} figures ({len(full_year)} full-year turnover) for {subjects} Russian regions, "
        f"{len(dataset.sources)} sources, {len(dataset.fx)} exchange rates, {len(dataset.registry.table)} regions in the registry"
    )
    if problems:
        print(f"{len(problems)} problem(s); the good rows: {summary}", file=sys.stderr)
        return 1
    print(f"OK: {summary}")
    return 0
