"""The review-table policy of the /curate page: which candidates are shown pre-ticked for saving, and the table's
columns. The extractor only reports what it found and flagged; deciding what a reviewer is offered is here."""

import pandas as pd

from turnover.extract.candidates import COLUMNS, Candidate
from turnover.extract.flags import Flag, has

# A candidate with one of these flags is shown unticked even when every column is decided.
NOT_PRE_TICKED = (Flag.FORECAST,)


def pre_ticked(candidate: Candidate) -> bool:
    """Ticked for saving: every needed column decided and nothing suggests it is not a published level."""
    return candidate.complete and not any(has(candidate.flags, flag) for flag in NOT_PRE_TICKED)


def candidates_frame(candidates: list[Candidate]) -> pd.DataFrame:
    """A table for review: ``save`` (``pre_ticked``), then the figure columns (year and months as nullable
    integers; no ``source_id``, the page sets it), ``flags`` and ``sentence``."""
    rows = []
    for candidate in candidates:
        row = candidate.row()
        del row["source_id"]
        rows.append({"save": pre_ticked(candidate), **row})
    columns = ["save"] + [c for c in COLUMNS if c != "source_id"]
    frame = pd.DataFrame(rows, columns=columns)
    for name in ("year", "months"):
        frame[name] = pd.to_numeric(frame[name].replace("", None), errors="coerce").astype("Int64")
    frame["save"] = frame["save"].astype(bool)
    return frame
