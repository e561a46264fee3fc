"""CSV files the dashboard offers: only validated rows, and safe to open in a spreadsheet.

A data file is never streamed from disk as it is: it is read again through the loader (a link or a
non-regular file is refused), and only the rows the data set kept are written out. Every text cell that
a spreadsheet would take for a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return; OWASP's CSV-injection guidance) gets a leading apostrophe; a cell that is a plain number, such
as ``-1.5``, stays a number.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pandas as pd

from turnover.problems import ERROR, Problem, display_path
from turnover.spreadsheet import safe_csv
from turnover.texts import pages, tables
from turnover.validate import read_table



def problems_table(problems: list[Problem], lang: str = "en") -> pd.DataFrame:
    """The problems as a table (file, line, column, severity, reason): the panel and the report download."""
    headers = tables.problem_headers(lang)
    rows = [{**{headers[name]: getattr(p, name) for name in ("path", "line", "column")}, headers["severity"]: tables.severity_word(p.severity, lang), headers["reason"]: p.reason_in(lang)} for p in problems]
    return pd.DataFrame(rows, columns=list(headers.values()))


def validated_file(path: Path, kind: str, kept_lines: pd.Series) -> bytes:
    """The rows of the data file ``path`` that the data set kept (by line), read again through the loader, as safe CSV."""
    table, _ = read_table(path, kind)
    kept = table[table["line"].isin(set(kept_lines))]
    return safe_csv(kept.drop(columns=["line"]))


def why_not_offered(path: Path, problems: list[Problem], kept_rows: int, lang: str = "en") -> str:
    """Why a data file is not offered for download ("" when it is): its whole-file problem, or no row passed."""
    shown = display_path(path)
    for problem in problems:
        if problem.path == shown and problem.line == 0 and problem.severity == ERROR:
            return pages.download_refused(path.name, problem.reason_in(lang), lang)
    if kept_rows == 0:
        return pages.download_refused(path.name, "", lang)
    return ""


DATA_FILES = (("figures.csv", "figures", "figures"), ("sources.csv", "sources", "sources"), ("fx.csv", "fx", "fx"), ("undated.csv", "undated", "undated"))


@dataclass(frozen=True)
class Offer:
    """A data file for the Downloads section: ``make()`` builds its content on click; ``refused`` says why it is not offered."""

    name: str
    refused: str
    make: Callable[[], bytes]


def data_file_offers(dataset, data_dir: Path, lang: str = "en") -> list[Offer]:
    """The four data files of ``data_dir``, each as validated rows of ``dataset`` (a ``Dataset``), or the reason it is withheld."""
    offers = []
    for name, kind, attribute in DATA_FILES:
        path, kept = data_dir / name, getattr(dataset, attribute)["line"]
        offers.append(Offer(name, why_not_offered(path, dataset.problems, len(kept), lang), partial(validated_file, path, kind, kept)))
    return offers
