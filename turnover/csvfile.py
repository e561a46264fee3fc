"""Read a hand-edited CSV line by line, keeping line numbers and reporting what cannot be read.

A clean file is parsed at once by pandas' C parser; any irregularity sends it down the careful path,
where each physical line is parsed on its own (fields may be quoted but may not span lines), so a stray
quote or delimiter spoils one row, never the rest of the file. A UTF-8 BOM and Windows line endings are
accepted; bytes that are not UTF-8 spoil only the row that holds them.
"""

import csv
import io
from pathlib import Path

import pandas as pd

from turnover.problems import Problem, display_path

MAX_BYTES = 512 * 1024 * 1024


def read_rows(path: Path, columns: list[str], optional: tuple[str, ...] = ()) -> tuple[pd.DataFrame, list[Problem]]:
    """The rows of ``path`` as strings (stripped) with a ``line`` column, and the problems found.

    ``columns`` must all be in the header; ``optional`` ones are filled with "" when absent. Extra
    header columns are kept.
    """
    shown = display_path(path)
    empty = pd.DataFrame(columns=[*columns, *optional, "line"])
    if not path.is_file():
        return empty, [Problem(shown, 0, "", "file not found")]
    if path.stat().st_size > MAX_BYTES:
        return empty, [Problem(shown, 0, "", f"file is larger than {MAX_BYTES // 2**20} MB; refusing to read it")]
    raw = path.read_bytes()
    try:
        text, clean = raw.decode("utf-8"), True
    except UnicodeDecodeError:
        text, clean = raw.decode("utf-8", errors="surrogateescape"), False
    lines = text.removeprefix("\ufeff").splitlines()
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if line.strip()]
    if not numbered:
        return empty, [Problem(shown, 0, "", f"file is empty; expected a header: {','.join(columns)}")]

    header_no, header_line = numbered[0]
    header = [cell.strip() for cell in next(csv.reader([header_line]))]
    missing = [c for c in columns if c not in header]
    if missing:
        return empty, [Problem(shown, header_no, ",".join(missing), "header lacks this column; no row of the file was read")]

    frame = _parse_clean(numbered[1:], header) if clean else None
    problems: list[Problem] = []
    if frame is None:
        frame, problems = _parse_line_by_line(numbered[1:], header, shown)
    for name in optional:
        if name not in frame.columns:
            frame[name] = ""
    frame["line"] = frame["line"].astype(int)
    return frame, problems


def _parse_clean(numbered: list[tuple[int, str]], header: list[str]) -> pd.DataFrame | None:
    """Fast path for a well-formed file: pandas' C parser over all rows at once.

    Returns None when any row is not exactly one well-formed line of ``len(header)`` fields (a stray
    quote that swallows the next lines, a stray delimiter), so the careful path can name each bad line.
    """
    width = len(header)
    for _, line in numbered:  # pandas pads short rows silently: count the fields first
        fields = len(next(csv.reader([line]))) if '"' in line else line.count(",") + 1
        if fields != width:
            return None
    body = "\n".join(line for _, line in numbered)
    try:
        frame = pd.read_csv(io.StringIO(body), header=None, names=header, dtype=str, keep_default_na=False, na_filter=False, engine="c")
    except (pd.errors.ParserError, ValueError):
        return None
    if len(frame) != len(numbered) or frame.isna().to_numpy().any():
        return None
    frame = frame.apply(lambda column: column.str.strip())
    frame["line"] = [number for number, _ in numbered]
    return frame


def _parse_line_by_line(numbered: list[tuple[int, str]], header: list[str], shown: str) -> tuple[pd.DataFrame, list[Problem]]:
    problems, records = [], []
    for number, line in numbered:
        if _has_bad_bytes(line):
            problems.append(Problem(shown, number, "", "not valid UTF-8 (save the file as UTF-8); row skipped"))
            continue
        try:
            fields = next(csv.reader([line], strict=True))
        except csv.Error as error:
            problems.append(Problem(shown, number, "", f"unreadable CSV ({error}); a stray quote? row skipped"))
            continue
        if len(fields) != len(header):
            problems.append(Problem(shown, number, "", f"expected {len(header)} fields, found {len(fields)} (a stray comma or quote?); row skipped"))
            continue
        record = {name: value.strip() for name, value in zip(header, fields)}
        record["line"] = number
        records.append(record)
    return pd.DataFrame.from_records(records, columns=[*header, "line"]), problems


def _has_bad_bytes(line: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in line)
