"""The review-table policy of the /curate page: which candidates (figures, and published ranks) are shown pre-ticked
for saving, and the tables' columns. The extractor only reports what it found and flagged; deciding what a reviewer
is offered is here."""

import pandas as pd

from turnover.extract.candidates import COLUMNS, RANK_OUTPUT_COLUMNS, Candidate, RankCandidate
from turnover.extract.flags import Flag, has

# A candidate with one of these flags is shown unticked even when every column is decided.
NOT_PRE_TICKED = (Flag.FORECAST,)
# A rank statement needs these, and a place or a group, to be saved (ranks.csv's required columns).
RANK_REQUIRED = ("region", "year", "months", "flow")


def pre_ticked(candidate: Candidate) -> bool:
    """Ticked for saving: every needed column decided and nothing suggests it is not a published level."""
    return candidate.complete and not any(has(candidate.flags, flag) for flag in NOT_PRE_TICKED)


def rank_pre_ticked(candidate: RankCandidate) -> bool:
    """Ticked for saving: region, period and flow decided, and a place or a group; a flag leaves it to the reviewer."""
    decided = all(getattr(candidate, name) not in ("", None) for name in RANK_REQUIRED)
    return decided and (candidate.rank is not None or candidate.top is not None) and not candidate.flags


def candidates_frame(candidates: list[Candidate]) -> pd.DataFrame:
    """A table for review: ``save`` (``pre_ticked``), then the figure columns (year and months as nullable
    integers; no ``source_id``, the page sets it), ``flags`` and ``sentence``."""
    return _frame(candidates, COLUMNS, pre_ticked, ("year", "months"))


def ranks_frame(candidates: list[RankCandidate]) -> pd.DataFrame:
    """The same for rank statements: ``save`` (``rank_pre_ticked``), ranks.csv's columns (the counts as nullable
    integers; no ``source_id``), ``flags`` and ``sentence``."""
    return _frame(candidates, RANK_OUTPUT_COLUMNS, rank_pre_ticked, ("year", "months", "rank", "top", "out_of"))


def _frame(candidates, columns: list[str], ticked, integers: tuple[str, ...]) -> pd.DataFrame:
    rows = []
    for candidate in candidates:
        row = candidate.row()
        del row["source_id"]
        rows.append({"save": ticked(candidate), **row})
    frame = pd.DataFrame(rows, columns=["save"] + [c for c in columns if c != "source_id"])
    for name in integers:
        frame[name] = pd.to_numeric(frame[name].replace("", None), errors="coerce").astype("Int64")
    frame["save"] = frame["save"].astype(bool)
    return frame
