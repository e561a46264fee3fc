"""Tables written for a spreadsheet: a cell that could start a formula is neutralised."""

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what Excel, LibreOffice and Sheets read as the start of a formula


def neutralised(value):
    """``'=1+1`` for ``=1+1``: text that a spreadsheet would evaluate gets a leading apostrophe; anything else as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(table: pd.DataFrame) -> bytes:
    """UTF-8 CSV of ``table`` with every text cell and header neutralised."""
    safe = table.rename(columns=neutralised)
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralised)
    return safe.to_csv(index=False).encode("utf-8")
