"""Tables written for a spreadsheet: a cell that a spreadsheet would run as a formula is neutralised.

OWASP's CSV-injection guidance: a text cell (or header) starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading apostrophe; a cell that is a plain number, such as ``-1.5``, stays a number.
"""

import re

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what Excel, LibreOffice and Sheets read as the start of a formula
PLAIN_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")


def neutralise(cell):
    """``'=1+1`` for ``=1+1``: text a spreadsheet would evaluate gets a leading apostrophe; numbers and non-text as they are."""
    if isinstance(cell, str) and cell.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def safe_csv(frame: pd.DataFrame) -> bytes:
    """``frame`` as UTF-8 CSV with every text cell and header neutralised; numeric columns are written as numbers."""
    safe = frame.rename(columns=neutralise)
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]) and not pd.api.types.is_bool_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
    return safe.to_csv(index=False).encode("utf-8")
