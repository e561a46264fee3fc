"""Read a hand-edited CSV line by line, keeping line numbers and reporting what cannot be read.

Rows end only at LF or CR LF. A clean file is parsed at once by pandas' C parser; any irregularity sends
it down the careful path, where each line is parsed on its own (fields may be quoted but may not span
lines), so a stray quote or delimiter spoils one row, never the rest of the file. A UTF-8 BOM is
accepted; bytes that are not UTF-8 spoil only the row that holds them. Control characters, Unicode line
and paragraph separators and NEL inside a field are not row ends: each is replaced by a space and the row
kept, with a warning naming its line and column. Whatever is wrong with the file as a whole (missing, a
link, a directory, unreadable, too large, binary, lines ended by CR alone, no header, a repeated column name, no rows) is one
problem on line 0 or 1, never an exception.
"""

import csv
import io
import re
from pathlib import Path

import pandas as pd

from turnover.i18n import N_
from turnover.inputfile import InputError, read_input
from turnover.problems import WARNING, Problem, display_path

MAX_BYTES = 512 * 1024 * 1024
MAX_FIELD_CHARS = 10_000  # a note or a title; a longer field is a mistake or an attack
MAX_LINE_CHARS = 100_000  # longer lines are refused before any parsing
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")  # everything a text field must not hold, except LF
BAD_BYTES = re.compile("[\udc80-\udcff]")  # what surrogateescape made of bytes that are not UTF-8
MARK = "\ue000"  # stands in for a control character while the line is parsed, so its field can be named


def read_rows(path: Path, columns: list[str], optional: tuple[str, ...] = ()) -> tuple[pd.DataFrame, list[Problem]]:
    """The rows of ``path`` as strings (stripped) with a ``line`` column, and the problems found.

    ``columns`` must all be in the header; ``optional`` ones are filled with "" when absent. Extra
    header columns are kept.
    """
    shown = display_path(path)
    empty = pd.DataFrame(columns=[*columns, *optional, "line"])
    try:
        raw = read_input(path, MAX_BYTES)
    except InputError as error:
        return empty, [Problem(shown, 0, "", error.message, params=error.params)]
    if b"\x00" in raw:
        return empty, [Problem(shown, 0, "", N_("file holds NUL bytes: it is binary or UTF-16, not UTF-8 text; no row of the file was read"))]
    try:
        text, utf8 = raw.decode("utf-8"), True
    except UnicodeDecodeError:
        text, utf8 = raw.decode("utf-8", errors="surrogateescape"), False
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if "\r" in text and "\n" not in text.rstrip("\r"):
        return empty, [Problem(shown, 0, "", N_("lines end with a carriage return alone (CR, an old Mac format): save the file with LF or CR LF line ends; no row of the file was read"))]
    clean = utf8 and not CONTROL.search(text)
    numbered = [(n, line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    if not numbered:
        return empty, [Problem(shown, 0, "", N_("file is empty; expected a header: {columns}"), params=(("columns", ",".join(columns)),))]

    header_no, header_line = numbered[0]
    header, problem = _header(header_line, columns, shown, header_no)
    if problem:
        return empty, [problem]
    if len(numbered) == 1:
        return empty, [Problem(shown, header_no, "", N_("the file has a header but no rows"))]

    body = numbered[1:]
    clean = clean and max(len(line) for _, line in body) <= MAX_FIELD_CHARS
    frame = _parse_clean(body, header) if clean else None
    problems: list[Problem] = []
    if frame is None:
        frame, problems = _parse_line_by_line(body, header, shown, utf8)
    for name in optional:
        if name not in frame.columns:
            frame[name] = ""
    frame["line"] = frame["line"].astype(int)
    return frame, problems


def _header(line: str, columns: list[str], shown: str, number: int) -> tuple[list[str], Problem | None]:
    if len(line) > MAX_LINE_CHARS or _has_bad_bytes(line):
        return [], Problem(shown, number, "", N_("the header is not a CSV header (expected {columns}); no row of the file was read"), params=(("columns", ",".join(columns)),))
    try:
        header = [cell.strip() for cell in next(csv.reader([CONTROL.sub(" ", line)], strict=True))]
    except csv.Error as error:
        return [], Problem(shown, number, "", N_("the header is unreadable CSV ({error}); no row of the file was read"), params=(("error", str(error)),))
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        names = ",".join(name or "(blank)" for name in repeated)
        return [], Problem(shown, number, names, N_("column name repeated in the header, so its values are ambiguous; no row of the file was read"))
    missing = [c for c in columns if c not in header]
    if missing:
        return [], Problem(shown, number, ",".join(missing), N_("header lacks this column; no row of the file was read"))
    return header, None


def _parse_clean(numbered: list[tuple[int, str]], header: list[str]) -> pd.DataFrame | None:
    """Fast path for a well-formed file: pandas' C parser over all rows at once.

    Returns None when any row is not exactly one well-formed line of ``len(header)`` fields (a stray
    quote that swallows the next lines, a stray delimiter), so the careful path can name each bad line.
    """
    width = len(header)
    for _, line in numbered:  # pandas pads short rows silently: count the fields first
        try:
            fields = len(next(csv.reader([line]))) if '"' in line else line.count(",") + 1
        except csv.Error:
            return None
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


def _parse_line_by_line(numbered: list[tuple[int, str]], header: list[str], shown: str, utf8: bool) -> tuple[pd.DataFrame, list[Problem]]:
    problems, rows, numbers = [], [], []
    width = len(header)
    for number, line in numbered:
        if not utf8 and _has_bad_bytes(line):
            problems.append(Problem(shown, number, "", N_("not valid UTF-8 (save the file as UTF-8); row skipped")))
            continue
        if len(line) > MAX_LINE_CHARS:
            problems.append(Problem(shown, number, "", N_("line is {length:,} characters long, more than {limit:,}; row skipped"), params=(("length", len(line)), ("limit", MAX_LINE_CHARS))))
            continue
        controls = CONTROL.findall(line)
        marked = CONTROL.sub(MARK, line) if controls else line
        if '"' in marked:
            try:
                fields = next(csv.reader([marked], strict=True))
            except csv.Error as error:
                problems.append(Problem(shown, number, "", N_("unreadable CSV ({error}); a stray quote? row skipped"), params=(("error", str(error)),)))
                continue
        else:  # no quote: the csv module would split at the commas too, only slower
            fields = marked.split(",")
        if len(fields) != width:
            problems.append(Problem(shown, number, "", N_("expected {width} fields, found {found} (a stray comma or quote?); row skipped"), params=(("width", width), ("found", len(fields)))))
            continue
        if len(line) > MAX_FIELD_CHARS:
            too_long = [(name, len(value)) for name, value in zip(header, fields) if len(value) > MAX_FIELD_CHARS]
            if too_long:
                name, size = too_long[0]
                problems.append(Problem(shown, number, name, N_("field is {length:,} characters long, more than {limit:,}; row skipped"), params=(("length", size), ("limit", MAX_FIELD_CHARS))))
                continue
        if controls:
            found = ", ".join(sorted({f"U+{ord(ch):04X}" for ch in controls}))
            fields = _replace_controls(fields, header, found, shown, number, problems)
        rows.append(fields)
        numbers.append(number)
    frame = pd.DataFrame(rows, columns=header, dtype=str) if rows else pd.DataFrame(columns=header, dtype=str)
    frame = frame.apply(lambda column: column.str.strip())
    frame["line"] = numbers
    return frame, problems


def _replace_controls(fields: list[str], header: list[str], found: str, shown: str, number: int, problems: list[Problem]) -> list[str]:
    """Each marked character becomes a space; one warning per field that held any."""
    for name, value in zip(header, fields):
        if MARK in value:
            problems.append(Problem(shown, number, name, N_("control or line-separator character ({found}) replaced by a space; row kept"), WARNING, (("found", found),)))
    return [value.replace(MARK, " ") for value in fields]


def _has_bad_bytes(line: str) -> bool:
    return BAD_BYTES.search(line) is not None
