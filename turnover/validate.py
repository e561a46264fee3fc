"""Validate each CSV and the references between them; keep every good row, report every bad one."""

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from turnover.csvfile import read_rows
from turnover.problems import Problem, display_path
from turnover.schemas import COLUMNS, OPTIONAL, SCHEMAS

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
            Problem(shown, int(line), str(column), _reason(check, value))
            for line, column, check, value in zip(lines, cases["column"].tolist(), cases["check"].tolist(), cases["failure_case"].tolist())
        ]
        bad_index = set(cases["index"].astype(int))
        return frame.drop(index=list(bad_index)), problems
    return frame, []


def _reason(check: str, value) -> str:
    return f"{check} (got {value!r})" if value not in ("", None) else str(check)


def reject(frame: pd.DataFrame, mask: pd.Series, shown: str, column: str, reasons) -> tuple[pd.DataFrame, list[Problem]]:
    """Drop the rows where ``mask`` holds, with one problem each; ``reasons`` is a string or a Series."""
    bad = frame[mask]
    if isinstance(reasons, str):
        texts = [reasons] * len(bad)
    else:  # a Series covering at least the rejected rows
        texts = reasons.reindex(bad.index).tolist()
    problems = [Problem(shown, int(line), column, text) for line, text in zip(bad["line"].tolist(), texts)]
    return frame[~mask], problems


def check_unique(frame: pd.DataFrame, key: list[str], shown: str, what: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Keep the first row of each key; report each later repeat with the line of the first."""
    repeated = frame.duplicated(subset=key, keep="first")
    first_line = frame.groupby(key, sort=False)["line"].transform("first")
    reasons = f"duplicate {what}: same " + ", ".join(key) + " as line " + first_line.astype(str)
    return reject(frame, repeated, shown, key[0], reasons)
