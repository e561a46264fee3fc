"""Add one published figure, or one published rank statement, (and its source document when new) to data/,
checked like ``validate`` checks.

``add_figure`` and ``add_rank`` are the single write paths: the ``add`` and ``add-rank`` commands and the /curate
page all call them, and both go through ``_add`` below.

1. The cells are tidied (spaces, line breaks, 2023.0 -> 2023), defaults filled (12 months, turnover; for a figure
   also exact, goods), the region resolved from any name the registry knows ("Брянщина" -> RU-BRY).
2. Under the data folder's lock, the current files are read, the new line(s) appended to copies in a temporary
   folder, and ``load_dataset`` run on that would-be data: any problem it reports on a new line (a schema rule, an
   unknown source, a repeated key, a missing exchange rate) refuses the whole add, and nothing is written. The
   rules live in schemas.py, dataset.py and ranks.py only; none is copied here.
3. The new source line, then the new figure or rank line, are appended to the real files byte for byte (the old
   lines are not re-quoted or re-ordered), written together (``writing.write_together``): all or none.

Duplicates. A figure's key is (region, year, months, flow, coverage, source_id), and ``validate`` rejects a second
row with the same key. So:
- the same key from the same source is refused: with the same value it is already recorded; with another value
  the one source would give two figures for one period, which the data model cannot hold (if the source really
  states two, e.g. by Belarusian and by Russian statistics, they differ in coverage or the second needs its own
  source row; a correction is an edit of the existing line, not an add). No flag overrides this: a row that
  ``validate`` would reject is never written;
- another source for the same region, period and flow is not a duplicate and needs no flag: it is added, and the
  dashboard shows one figure and lists the others as alternatives (selection.py). The add reports them.
A rank statement's key is ranks.RANK_KEY (region, year, months, flow, source_id): ``validate`` (ranks.py) refuses a
second statement with it, and so does ``add_rank`` through the same check on the would-be file.
"""

import csv
import io
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from turnover import paths
from turnover.csvfile import read_rows
from turnover.dataset import load_dataset
from turnover.i18n import N_
from turnover.inputfile import FILE_NOT_FOUND
from turnover.problems import Problem, display_path
from turnover.regions import UnknownRegion, load_registry
from turnover.schemas import COLUMNS, OPTIONAL
from turnover.selection import slot_key
from turnover.texts.notices import UNKNOWN_REGION, closest_names
from turnover.validate import FIGURE_KEY
from turnover.writing import data_lock, write_together

FIGURE_FIELDS = COLUMNS["figures"] + list(OPTIONAL["figures"])
RANK_FIELDS = COLUMNS["ranks"] + list(OPTIONAL["ranks"])
SOURCE_FIELDS = COLUMNS["sources"]
SOURCE_DETAILS = [name for name in SOURCE_FIELDS if name != "id"]
FIGURE_DEFAULTS = {"months": "12", "flow": "turnover", "qualifier": "exact", "coverage": "goods", "stats": "", "note": ""}
RANK_DEFAULTS = {"months": "12", "flow": "turnover", "note": ""}
DATA_FILES = ("figures.csv", "sources.csv", "fx.csv", "ranks.csv")  # what load_dataset reads from data/
COULD_NOT_WRITE = N_("could not write: {error}; the data files are unchanged")


def refusal(shown: str, column: str, message: str, **params) -> Problem:
    """A reason to refuse an add, kept untranslated as every ``Problem``'s (``message`` a msgid, ``params`` its values)."""
    return Problem(shown, 0, column, message, params=tuple(params.items()))


def refusal_line(problem: Problem, lang: str = "en") -> str:
    """``data/figures.csv: value: reason`` in ``lang`` (the reason alone when no file is concerned): what the command
    prints and the curation page shows."""
    reason = problem.reason_in(lang)
    return f"{problem.path}: {problem.column or '-'}: {reason}" if problem.path else reason


class AddError(Exception):
    """The figure was not added, for the ``problems`` given (``refusal_line`` says each)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(refusal_line(problem) for problem in problems))


@dataclass
class AddResult:
    path: str  # the file the figure or rank went to, as shown
    line: int
    row: str  # the CSV line as written
    source_line: int | None = None  # set when a new source row was written
    source_row: str | None = None
    source_path: str = ""
    notes: list[Problem] = field(default_factory=list)  # what the writer should know (other sources' figures, a known url)

    def lines(self) -> list[str]:
        """What was written, as ``path:line: row``."""
        written = []
        if self.source_row is not None:
            written.append(f"{self.source_path}:{self.source_line}: {self.source_row}")
        written.append(f"{self.path}:{self.line}: {self.row}")
        return written


def cell(value) -> str:
    """A form or command-line value as a CSV cell: None/NaN -> "", 2023.0 -> "2023", inner whitespace collapsed."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer():
            return str(int(value))
    text = str(value)
    return " ".join(text.split()) if text.strip() else ""


def add_figure(figure: Mapping, source: Mapping | None = None, data_dir: Path | None = None, geo_dir: Path | None = None,
               lock_timeout: float = 30.0) -> AddResult:
    """Append ``figure`` (region may be any known name) and, when ``source`` gives its details, the source row.

    Raises ``AddError`` (nothing written) when the row would not pass ``validate`` or repeats a key.
    """
    return _add("figures", FIGURE_FIELDS, FIGURE_DEFAULTS, figure, source, data_dir, geo_dir, lock_timeout)


def add_rank(rank: Mapping, source: Mapping | None = None, data_dir: Path | None = None, geo_dir: Path | None = None,
             lock_timeout: float = 30.0) -> AddResult:
    """Append one published rank statement (``rank`` 3 for "3rd", or ``top`` 10 for "among the top 10") to
    ranks.csv, and its source when new; refused like ``add_figure`` when ``validate`` would refuse the row."""
    return _add("ranks", RANK_FIELDS, RANK_DEFAULTS, rank, source, data_dir, geo_dir, lock_timeout)


def _add(kind: str, fields: list[str], defaults: dict[str, str], given: Mapping, source: Mapping | None, data_dir: Path | None,
         geo_dir: Path | None, lock_timeout: float) -> AddResult:
    """The one write path: ``given`` becomes a row of ``<kind>.csv`` (figures or ranks), checked and written with its source."""
    data_dir = Path(data_dir or paths.data_dir())
    geo_dir = Path(geo_dir or paths.geo_dir())
    target_path, sources_path = data_dir / f"{kind}.csv", data_dir / "sources.csv"
    shown_target, shown_sources = display_path(target_path), display_path(sources_path)

    row = {name: cell(given.get(name, "")) for name in fields}
    for name, default in defaults.items():
        if not row[name] and name not in given:
            row[name] = default
    details = {name: cell((source or {}).get(name, "")) for name in SOURCE_FIELDS}
    if not row["source_id"] and details["id"]:
        row["source_id"] = details["id"]
    _resolve_region(row, geo_dir, shown_target)

    with data_lock(data_dir, lock_timeout):
        target_bytes, sources_bytes = _read(target_path, shown_target), _read(sources_path, shown_sources)
        existing_sources, _ = read_rows(sources_path, COLUMNS["sources"])
        new_source, notes = _source_row(row, details, existing_sources, shown_sources)
        if kind == "figures":
            existing_figures, _ = read_rows(target_path, COLUMNS["figures"], OPTIONAL["figures"])
            notes += _check_key(row, existing_figures, shown_target)

        line_text, new_target = _append(target_bytes, row, shown_target)
        line = _last_line(new_target)
        source_line_text, new_sources, source_line = None, sources_bytes, None
        if new_source is not None:
            source_line_text, new_sources = _append(sources_bytes, new_source, shown_sources)
            source_line = _last_line(new_sources)
        _validate(data_dir, geo_dir, {f"{kind}.csv": (new_target, line, shown_target), "sources.csv": (new_sources, source_line, shown_sources)})

        changes = [(sources_path, sources_bytes, new_sources)] if new_source is not None else []
        write_together(changes + [(target_path, target_bytes, new_target)])
    return AddResult(shown_target, line, line_text, source_line, source_line_text, shown_sources, notes)


# --- the steps ---------------------------------------------------------------------------------------------------


def _read(path: Path, shown: str) -> bytes:
    if not path.is_file():
        raise AddError([refusal(shown, "", FILE_NOT_FOUND)])
    return path.read_bytes()


def _resolve_region(row: dict, geo_dir: Path, shown: str) -> None:
    if not row["region"]:
        raise AddError([refusal(shown, "region", N_("region is empty"))])
    registry, _ = load_registry(geo_dir / "regions.csv")
    try:
        row["region"] = registry.resolve(row["region"])
    except UnknownRegion as error:
        raise AddError([refusal(shown, "region", UNKNOWN_REGION, name=error.name, detail=closest_names(error.suggestions))]) from None


def _source_row(row: dict, details: dict, existing, shown: str) -> tuple[dict | None, list[Problem]]:
    """The new source row to write, or None when the figure cites a source already in sources.csv."""
    given = {name: details[name] for name in SOURCE_DETAILS if details[name]}
    by_id = {r["id"]: r for r in existing.to_dict("records")}
    source_id = row["source_id"]
    if source_id in by_id:
        known = by_id[source_id]
        differing = [name for name, value in given.items() if known.get(name, "") != value]
        if differing:
            shown_known = ", ".join(f"{name} {known.get(name, '')!r}" for name in differing)
            raise AddError([refusal(shown, "id", N_("source {source_id!r} (line {line}) already exists with {details}; choose another "
                                                   "--source-id for a new document, or leave the source details out to cite it"),
                                    source_id=source_id, line=known["line"], details=shown_known)])
        return None, []
    if not given:
        if not source_id:
            raise AddError([refusal(shown, "id", N_("no source: give --source-id of a source in sources.csv, or the new source's --publisher, --title, --language, --kind"))])
        raise AddError([refusal(shown, "id", N_("unknown source {source_id!r}; give --publisher, --title, --language and --kind (and --url, --published) to add it"), source_id=source_id)])
    if given.get("url"):
        same_url = [r for r in by_id.values() if r.get("url") == given["url"]]
        if same_url:
            known = same_url[0]
            if source_id and source_id != known["id"]:
                raise AddError([refusal(shown, "url", N_("this document is already source {source_id!r} (line {line}); cite it with --source-id {source_id}"), source_id=known["id"], line=known["line"])])
            row["source_id"] = known["id"]
            return None, [refusal(shown, "url", N_("the url is already source {source_id} (line {line}); the figure cites it"), source_id=known["id"], line=known["line"])]
    if not source_id:
        source_id = suggest_source_id(given.get("publisher", ""), given.get("published", ""), set(by_id))
        row["source_id"] = source_id
    return {"id": source_id, **{name: details[name] for name in SOURCE_DETAILS}}, []


def _check_key(row: dict, existing, shown: str) -> list[Problem]:
    """Refuse a repeated key with a clear reason; name the other sources' figures for the same slot."""
    records = existing.to_dict("records")
    for other in records:
        if all(other.get(name, "") == row[name] for name in FIGURE_KEY):
            what = ", ".join(f"{name} {row[name] or '(blank)'}" for name in FIGURE_KEY)
            if (other["value"], other["currency"], other["scale"], other["qualifier"]) == (row["value"], row["currency"], row["scale"], row["qualifier"]):
                raise AddError([refusal(shown, FIGURE_KEY[0], N_("already recorded at line {line} ({key}); nothing written"), line=other["line"], key=what)])
            raise AddError([refusal(
                shown, FIGURE_KEY[0],
                N_("duplicate figure: line {line} already has {key} (value {value}); one source gives one figure per region, period, "
                   "flow and coverage. To correct it, edit that line; if the source states a second figure (another coverage or "
                   "statistics), record it with its own coverage or source"),
                line=other["line"], key=what, value=f"{other['value']} {other['currency']} {other['scale']} {other['qualifier']}",
            )])
    others = [r for r in records if slot_key(r) == slot_key(row)]
    if not others:
        return []
    listed = "; ".join(f"{r['line']}: {r['value']} {r['currency']} {r['scale']} ({r['source_id']})" for r in others)
    return [refusal(shown, "", N_("{count} figure(s) from other sources for the same region, period and flow (lines {listed}); "
                                  "the dashboard shows one and lists the others as alternatives"), count=len(others), listed=listed)]


def _append(current: bytes, row: dict, shown: str) -> tuple[str, bytes]:
    """The file's bytes with one CSV line added in its header's column order and its line ending."""
    text = current.decode("utf-8", errors="surrogateescape")
    lines = text.removeprefix("\ufeff").splitlines()
    header_line = next((line for line in lines if line.strip()), None)
    if header_line is None:
        raise AddError([refusal(shown, "", N_("file has no header"))])
    header = [name.strip() for name in next(csv.reader([header_line]))]
    ending = "\r\n" if "\r\n" in text else "\n"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow([row.get(name, "") for name in header])
    line = buffer.getvalue()
    separator = "" if not text or text.endswith(("\n", "\r")) else ending
    return line, current + (separator + line + ending).encode("utf-8")


def _last_line(content: bytes) -> int:
    return len(content.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff").splitlines())


def _validate(data_dir: Path, geo_dir: Path, written: dict[str, tuple[bytes, int | None, str]]) -> None:
    """Run the whole validation on the would-be files; refuse on any problem in a new line or a whole new file.

    ``written`` maps a file name to its would-be content, its new line (None: nothing new) and its shown path."""
    with tempfile.TemporaryDirectory(prefix="turnover-add-") as folder:
        trial = Path(folder)
        for name in DATA_FILES:
            if name in written:
                (trial / name).write_bytes(written[name][0])
            elif (data_dir / name).exists():
                shutil.copyfile(data_dir / name, trial / name)
        problems = load_dataset(trial, geo_dir).problems
    found = {name: [p for p in problems if Path(p.path).name == name and p.line in (0, new_line or -1)]
             for name, (_, new_line, _) in written.items()}
    if found["sources.csv"]:  # the source row itself was refused: that, not "unknown source_id", is the reason to show
        found = {name: [p for p in these if name == "sources.csv" or p.column != "source_id"] for name, these in found.items()}
    reasons = [replace(p, path=shown, line=0) for name, (_, _, shown) in sorted(written.items(), key=lambda item: item[0] != "sources.csv")
               for p in found[name]]
    if reasons:
        raise AddError(reasons)


@dataclass
class RowOutcome:
    """One reviewed row's fate: ``result`` when written, ``problems`` when refused."""

    row: int
    result: AddResult | None = None
    problems: list[Problem] = field(default_factory=list)


def add_rows(rows: list[Mapping], source: Mapping, data_dir: Path | None = None, geo_dir: Path | None = None,
             add=add_figure) -> list[RowOutcome]:
    """Add several figures (or, with ``add=add_rank``, rank statements) from one source document, each on its own
    (one refused row does not stop the others).

    ``source`` holds the document's details and its ``id``; the first row writes the source, the rest cite it.
    """
    outcomes = []
    for number, row in enumerate(rows):
        try:
            outcomes.append(RowOutcome(number, add({**row, "source_id": source.get("id", "")}, source, data_dir, geo_dir)))
        except AddError as error:
            outcomes.append(RowOutcome(number, problems=error.problems))
        except OSError as error:
            outcomes.append(RowOutcome(number, problems=[refusal("", "", COULD_NOT_WRITE, error=str(error))]))
    return outcomes


def source_id_for(details: Mapping, data_dir: Path | None = None) -> tuple[str, bool]:
    """The id a document gets: an existing source with the same url (or, without url, the same details) keeps
    its id; otherwise a new id in the house style. Returns (id, already in sources.csv)."""
    data_dir = Path(data_dir or paths.data_dir())
    existing, _ = read_rows(data_dir / "sources.csv", COLUMNS["sources"])
    wanted = {name: cell(details.get(name, "")) for name in SOURCE_DETAILS}
    for known in existing.to_dict("records"):
        if wanted["url"] and known.get("url") == wanted["url"]:
            return known["id"], True
        if not wanted["url"] and all(known.get(name, "") == value for name, value in wanted.items()):
            return known["id"], True
    return suggest_source_id(wanted["publisher"], wanted["published"], set(existing["id"])), False


_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch  y  e yu ya".split(" ")))


def suggest_source_id(publisher: str, published: str, taken: set[str]) -> str:
    """``<publisher-slug>-<YYYYMMDD|YYYYMM|YYYY|nd>[-n]``, the form data/sources.csv uses, not yet taken."""
    name = re.sub(r"\(.*?\)", "", publisher).strip().lower()
    name = "".join(_CYRILLIC.get(ch, ch) for ch in name)
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", name.replace(".", "")).strip("-")[:24].strip("-") or "source"
    date = re.sub(r"\D", "", published) or "nd"
    base = f"{slug}-{date}"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
