"""What the extractor hands back: candidate figures and candidate ranks, in the data files' columns plus the
``sentence`` each came from and its ``flags``; blank where the text did not decide."""

from dataclasses import dataclass, field

from turnover.extract.flags import Flagged

FIGURE_COLUMNS = ["region", "year", "months", "flow", "value", "currency", "scale", "qualifier", "coverage", "stats", "source_id", "note"]
COLUMNS = FIGURE_COLUMNS + ["sentence", "flags"]
REQUIRED = ("region", "year", "months", "flow", "value", "currency", "scale")
# data/ranks.csv
RANK_COLUMNS = ["region", "year", "months", "flow", "rank", "top", "out_of", "group_share_pct", "group_share_qualifier", "source_id", "note"]
RANK_OUTPUT_COLUMNS = RANK_COLUMNS + ["sentence", "flags"]


class _Row:
    """CSV cells of a candidate: its data columns (None as blank), ``sentence``, and ``flags`` joined by '; '."""

    columns: list[str]

    def row(self) -> dict[str, str]:
        cells = {name: getattr(self, name) for name in self.columns + ["sentence"]}
        cells = {name: "" if value is None else str(value) for name, value in cells.items()}
        cells["flags"] = "; ".join(str(flag) for flag in self.flags)
        return cells


@dataclass
class Candidate(_Row):
    """One figure found in a text."""

    region: str = ""
    year: int | None = None
    months: int | None = None
    flow: str = ""
    value: str = ""
    currency: str = ""
    scale: str = ""
    qualifier: str = "exact"
    coverage: str = "goods"
    stats: str = ""
    source_id: str = ""
    note: str = ""
    sentence: str = ""
    flags: list[Flagged] = field(default_factory=list)
    columns = FIGURE_COLUMNS

    @property
    def complete(self) -> bool:
        """Every column a figure needs is decided (a reviewer may still disagree with a flag)."""
        return all(getattr(self, name) not in ("", None) for name in REQUIRED)


@dataclass
class RankCandidate(_Row):
    """One published rank found in a text: a place (``rank`` 3) or a group (``top`` 10), never both."""

    region: str = ""
    year: int | None = None
    months: int | None = None
    flow: str = ""
    rank: int | None = None
    top: int | None = None
    out_of: int | None = None
    group_share_pct: str = ""  # the share the top group is said to hold ("almost 73 %": 73, at_most)
    group_share_qualifier: str = ""
    source_id: str = ""
    note: str = ""
    sentence: str = ""
    flags: list[Flagged] = field(default_factory=list)
    columns = RANK_COLUMNS


def candidates_to_rows(candidates: list[_Row], source_id: str = "") -> list[dict[str, str]]:
    """CSV rows of candidates (figures or ranks), with ``source_id`` filled in when given."""
    rows = []
    for candidate in candidates:
        row = candidate.row()
        if source_id:
            row["source_id"] = source_id
        rows.append(row)
    return rows

