"""Read a hand-edited CSV line by line, keeping line numbers and reporting what cannot be read.

Each physical line is parsed on its own (fields may be quoted but may not span lines), so a stray quote
or delimiter spoils one row, never the rest of the file. A UTF-8 BOM and Windows line endings are
accepted; bytes that are not UTF-8 spoil only the row that holds them.
"""

import csv
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
    text = path.read_bytes().decode("utf-8", errors="surrogateescape")
    lines = text.removeprefix("\ufeff").splitlines()
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if line.strip()]
    if not numbered:
        return empty, [Problem(shown, 0, "", f"file is empty; expected a header: {','.join(columns)}")]

    header_no, header_line = numbered[0]
    header = [cell.strip() for cell in next(csv.reader([header_line]))]
    missing = [c for c in columns if c not in header]
    if missing:
        return empty, [Problem(shown, header_no, ",".join(missing), "header lacks this column; no row of the file was read")]

    problems, records = [], []
    for number, line in numbered[1:]:
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
    frame = pd.DataFrame.from_records(records, columns=[*header, "line"]) if records else empty.copy()
    for name in optional:
        if name not in frame.columns:
            frame[name] = ""
    frame["line"] = frame["line"].astype(int)
    return frame, problems


def _has_bad_bytes(line: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in line)
