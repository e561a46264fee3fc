"""Command line: ``python -m turnover validate|add|add-rank|extract``.

- ``validate [--data DIR] [--geo DIR]``: check data/ and geo/; one line per problem, exit 1 if any.
- ``add --region ... --year ... --value ... --currency ... --scale ... --source-id ... [source details]``: append one
  figure (and its source when new) to data/, checked like ``validate``; prints the line(s) written.
- ``add-rank --region ... --year ... --rank N | --top N [--out-of M] [--group-share-pct P --group-share-qualifier Q]
  --source-id ... [source details]``: the same for one published rank statement, appended to data/ranks.csv.
- ``extract ARTICLE|- [--published YYYY-MM-DD] [--ranks]``: candidate figures in a news text (or, with ``--ranks``,
  the ranks it states, in data/ranks.csv's columns), as CSV with ``sentence`` and ``flags`` columns.
"""

import argparse
import csv
import datetime as dt
import sys
from pathlib import Path

from turnover import paths
from turnover.dataset import load_dataset
from turnover.problems import validate_summary
from turnover.vocabulary import COVERAGES, CURRENCIES, FLOWS, LANGUAGES, QUALIFIERS, SCALES, SOURCE_KINDS, STATS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m turnover", description="Belarus–Russian regions trade data tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check data/ and geo/; one line per problem, exit 1 if any")
    validate.add_argument("--data", type=Path, default=None, help="folder with figures.csv, sources.csv, fx.csv, ranks.csv (default: data/)")
    validate.add_argument("--geo", type=Path, default=None, help="folder with regions.csv and regions.geojson (default: geo/)")
    _add_parser(commands)
    _extract_parser(commands)
    args = parser.parse_args(argv)
    if args.command in ("add", "add-rank"):
        return run_add(args)
    if args.command == "extract":
        return run_extract(args)
    return run_validate(args.data or paths.data_dir(), args.geo or paths.geo_dir())


def run_validate(data_dir: Path, geo_dir: Path) -> int:
    dataset = load_dataset(data_dir, geo_dir)
    problems = dataset.problems  # every file's problems, boundary files included
    for problem in problems:
        print(problem)
    figures = dataset.figures
    full_year = figures[figures["full_year"] & (figures["flow"] == "turnover")]
    subjects = figures[figures["region"].str.startswith("RU-")]["region"].nunique()
    summary = (
        f"{len(figures)} figures ({len(full_year)} full-year turnover) for {subjects} Russian regions, "
        f"{len(dataset.ranks)} rank statements, {len(dataset.sources)} sources, {len(dataset.fx)} exchange rates, {len(dataset.undated)} undated statements, "
        f"{len(dataset.registry.table)} regions in the registry"
    )
    last, failed = validate_summary(problems, summary)
    print(last, file=sys.stderr if failed else sys.stdout)
    return 1 if failed else 0


# --- add ---------------------------------------------------------------------------------------------------------

FIGURE_OPTIONS = {
    "region": "region id or any name the registry knows (Smolensk Oblast, Смоленская область, Gebiet Smolensk)",
    "year": "calendar year the figure covers",
    "months": "months covered from January: 12 full year (default), 9 Jan–Sep, 6 first half",
    "flow": f"{', '.join(FLOWS)} (default turnover; Belarus' side)",
    "value": "the value as published, dot decimal (4.4)",
    "currency": ", ".join(CURRENCIES),
    "scale": ", ".join(SCALES),
    "qualifier": f"{', '.join(QUALIFIERS)} (default exact)",
    "coverage": f"{', '.join(COVERAGES)} (default goods)",
    "stats": "whose statistics: " + ", ".join(s for s in STATS if s) + " or blank",
    "source_id": "id of the source in sources.csv (a new id adds the source; needs --publisher, --title, --language, --kind)",
    "note": "optional short note",
}
RANK_OPTIONS = {
    "region": FIGURE_OPTIONS["region"],
    "year": "calendar year the statement is about",
    "months": FIGURE_OPTIONS["months"],
    "flow": f"{', '.join(FLOWS)} (default turnover): what is ranked, from Belarus' side ('importers of Belarusian goods': export)",
    "rank": "the place stated: 3 for 'third among Russian regions' (give rank or top, not both)",
    "top": "the group stated: 10 for 'among the top ten'",
    "out_of": "how many regions it is ranked among, when stated ('of 85 regions')",
    "group_share_pct": "the share the top group is said to hold, in percent ('almost 73%%': 73)",
    "group_share_qualifier": f"{', '.join(QUALIFIERS)}: how the share is stated ('almost 73%%': at_most)",
    "source_id": FIGURE_OPTIONS["source_id"],
    "note": FIGURE_OPTIONS["note"],
}
SOURCE_OPTIONS = {
    "publisher": "new source: publisher",
    "title": "new source: the article's own headline",
    "url": "new source: http(s) address, or blank",
    "published": "new source: date YYYY-MM-DD (or YYYY-MM, YYYY)",
    "language": "new source: " + ", ".join(LANGUAGES),
    "kind": "new source: " + ", ".join(SOURCE_KINDS),
}


def _add_parser(commands) -> None:
    add = commands.add_parser(
        "add",
        help="append one figure (and its source when new) to data/, validated; prints the line(s) written",
        description="Append one published figure to data/figures.csv (and its source to data/sources.csv when new). "
        "The row is checked with the same rules as `validate`; nothing is written when it fails. The same key "
        "(region, year, months, flow, coverage, stats, source_id) twice is refused; another source for the same period "
        "is added and shown as an alternative.",
    )
    add_rank = commands.add_parser(
        "add-rank",
        help="append one published rank statement (and its source when new) to data/ranks.csv, validated",
        description="Append one published rank statement ('third among Russian regions', 'among the top ten importers') "
        "to data/ranks.csv (and its source to data/sources.csv when new), checked like `add`: nothing is written when "
        "`validate` would refuse the row, and the same region, year, months, flow and source twice is refused.",
    )
    for parser, options in ((add, FIGURE_OPTIONS), (add_rank, RANK_OPTIONS)):
        for name, text in options.items():
            parser.add_argument(f"--{name.replace('_', '-')}", dest=name, default=None, help=text)
        for name, text in SOURCE_OPTIONS.items():
            parser.add_argument(f"--{name}", dest=f"source_{name}", default=None, help=text)
        parser.add_argument("--data", type=Path, default=None, help="data folder (default: $TURNOVER_DATA_DIR or data/)")
        parser.add_argument("--geo", type=Path, default=None, help="geo folder (default: $TURNOVER_GEO_DIR or geo/)")


def run_add(args) -> int:
    """``add`` and ``add-rank``: one row through add.py's write path; the problems, or the line(s) written."""
    from turnover.add import COULD_NOT_WRITE, AddError, add_figure, add_rank, refusal, refusal_line
    from turnover.writing import LockTimeout

    add, options = (add_rank, RANK_OPTIONS) if args.command == "add-rank" else (add_figure, FIGURE_OPTIONS)
    given = {name: getattr(args, name) for name in options if getattr(args, name) is not None}
    source = {name: getattr(args, f"source_{name}") for name in SOURCE_OPTIONS if getattr(args, f"source_{name}") is not None}
    try:
        result = add(given, source or None, args.data or paths.data_dir(), args.geo or paths.geo_dir())
    except AddError as error:
        for problem in error.problems:
            print(refusal_line(problem), file=sys.stderr)
        print("nothing written", file=sys.stderr)
        return 1
    except (LockTimeout, OSError) as error:
        print(refusal_line(refusal("", "", COULD_NOT_WRITE, error=str(error))), file=sys.stderr)
        return 1
    for line in result.lines():
        print(line)
    for note in result.notes:
        print(f"note: {note.reason}", file=sys.stderr)
    return 0


# --- extract -----------------------------------------------------------------------------------------------------


def _extract_parser(commands) -> None:
    extract = commands.add_parser("extract", help="candidate figures in a news text (English, German, Russian) as CSV",
                                  description="Print the figures a news text states, as CSV rows in the data model's columns "
                                  "plus `sentence` and `flags` (what could not be decided is blank and flagged).")
    extract.add_argument("article", help="text file, or - for standard input")
    extract.add_argument("--published", default=None, help="publication date YYYY-MM-DD: resolves 'last year', 'в январе–сентябре'")
    extract.add_argument("--source-id", default="", help="fill the source_id column")
    extract.add_argument("--ranks", action="store_true", help="print the ranks the text states ('third among Russian regions', "
                         "'unter den Top 10', 'входит в десятку') in data/ranks.csv's columns instead of figures")
    extract.add_argument("--geo", type=Path, default=None, help="geo folder (default: $TURNOVER_GEO_DIR or geo/)")


def run_extract(args) -> int:
    from turnover.extract import COLUMNS, RANK_OUTPUT_COLUMNS, candidates_to_rows, read_article
    from turnover.regions import load_registry

    published = None
    if args.published:
        try:
            published = dt.date.fromisoformat(args.published)
        except ValueError:
            print(f"--published: not a date YYYY-MM-DD: {args.published!r}", file=sys.stderr)
            return 2
    try:
        text = sys.stdin.read() if args.article == "-" else Path(args.article).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"{args.article}: cannot read: {error}", file=sys.stderr)
        return 1
    registry, _ = load_registry((args.geo or paths.geo_dir()) / "regions.csv")
    reading = read_article(text, registry, published)
    candidates, columns = (reading.ranks, RANK_OUTPUT_COLUMNS) if args.ranks else (reading.figures, COLUMNS)
    rows = candidates_to_rows(candidates, args.source_id)
    writer = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return 0
