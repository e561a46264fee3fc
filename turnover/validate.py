"""Validate each CSV and the references between them; keep every good row, report every bad one."""

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from turnover.csvfile import read_rows
from turnover.i18n import N_
from turnover.problems import Problem, display_path
from turnover.schemas import CHECK_MESSAGES, COLUMNS, OPTIONAL, SCHEMAS

UNKNOWN_SOURCE = N_("unknown source_id (not in sources.csv)")  # figures, undated figures, rates and ranks alike
FIGURE_KEY = ["region", "year", "months", "flow", "coverage", "stats", "source_id"]


def read_table(path: Path, kind: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Read ``path`` as a table of ``kind`` (figures, sources, fx, regions) and drop rows breaking its schema."""
    frame, problems = read_rows(path, COLUMNS[kind], OPTIONAL[kind])
    good, bad = check_schema(frame, kind, display_path(path))
    return good, problems + bad


def check_schema(frame: pd.DataFrame, kind: str, shown: str) -> tuple[pd.DataFrame, list[Problem]]:
    if frame.empty:
        return frame, []
    try:
        SCHEMAS[kind].validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases.dropna(subset=["index"])
        lines = frame["line"].reindex(cases["index"].astype(int)).tolist()  # one lookup for all cases, not one per case
        problems = [
            _schema_problem(shown, int(line), str(column), check, value)
            for line, column, check, value in zip(lines, cases["column"].tolist(), cases["check"].tolist(), cases["failure_case"].tolist())
        ]
        bad_index = set(cases["index"].astype(int))
        return frame.drop(index=list(bad_index)), problems
    return frame, []


def _schema_problem(shown: str, line: int, column: str, check: str, value) -> Problem:
    """Pandera names a failed check by its English error; CHECK_MESSAGES leads back to its message and values."""
    message, params = CHECK_MESSAGES.get(check, (check, ()))
    got = (("got", value),) if value not in ("", None) else ()
    return Problem(shown, line, column, message, params=params + got)


def reject(frame: pd.DataFrame, mask: pd.Series, shown: str, column: str, message, **params) -> tuple[pd.DataFrame, list[Problem]]:
    """Drop the rows where ``mask`` holds, with one problem each: ``message`` (a msgid, or a Series of them)
    filled from ``params``, each a value or a Series covering at least the rejected rows (kept vectorised:
    one list per parameter, no per-row formatting; the text is made when the problem is read)."""
    bad = frame[mask]

    def per_row(given) -> list:
        return given.reindex(bad.index).tolist() if isinstance(given, pd.Series) else [given] * len(bad)

    values = [[(name, value) for value in per_row(given)] for name, given in params.items()]
    rows = zip(*values) if values else [()] * len(bad)
    problems = [Problem(shown, int(line), column, text, params=pairs) for line, text, pairs in zip(bad["line"].tolist(), per_row(message), rows)]
    return frame[~mask], problems


def check_unique(frame: pd.DataFrame, key: list[str], shown: str, message: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Keep the first row of each key; report each later repeat with the line of the first.

    ``message`` names what is repeated, with placeholders ``{key}`` (the key's columns) and ``{first}`` (the line)."""
    repeated = frame.duplicated(subset=key, keep="first")
    first_line = frame.groupby(key, sort=False)["line"].transform("first")
    return reject(frame, repeated, shown, key[0], message, key=", ".join(key), first=first_line)
