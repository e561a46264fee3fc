"""Load data/ranks.csv: published ordinal statements (a region's place, or its membership of a top group).

One row per statement: ``rank`` 3 for "3rd", or ``top`` 10 for "among the top 10", never both. A group's
share (``group_share_pct`` with its qualifier) is repeated on every member row of that group statement.
The file is optional: without it there are simply no ranks. Bad rows are reported and left out.
"""

from pathlib import Path

import pandas as pd

from turnover.problems import Problem, display_path
from turnover.regions import Registry
from turnover.schemas import COLUMNS, OPTIONAL
from turnover.i18n import N_
from turnover.validate import UNKNOWN_SOURCE, check_unique, read_table, reject

RANK_KEY = ["region", "year", "months", "flow", "source_id"]
COUNTS = ["rank", "top", "out_of"]


def load_ranks(path: Path, registry: Registry, sources: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:  # pragma: no mutate block
    """The good rows of ``path``, typed, with the region's English name; the problems of the bad ones."""
    if not path.is_file():
        return _typed(pd.DataFrame(columns=[*COLUMNS["ranks"], *OPTIONAL["ranks"], "line"]), registry), []
    ranks, problems = read_table(path, "ranks")
    shown = display_path(path)
    for column, mask, message, params in _rules(ranks, registry, sources):
        ranks, more = reject(ranks, mask.reindex(ranks.index, fill_value=False), shown, column, message, **params)
        problems += more
    ranks, more = check_unique(ranks, RANK_KEY, shown, N_("duplicate rank statement: same {key} as line {first}"))
    return _typed(ranks, registry), problems + more


def _rules(ranks: pd.DataFrame, registry: Registry, sources: pd.DataFrame):  # pragma: no mutate block
    """(column, rows breaking the rule, reason, its parameters) for each rule across columns and files, in order."""
    unknown = ~ranks["region"].isin(registry.table.index)
    why = ranks.loc[unknown, "region"].map(registry.why_unknown)
    yield "region", unknown, why.str[0], {"name": ranks["region"], "detail": why.str[1]}
    yield "source_id", ~ranks["source_id"].isin(sources.index), UNKNOWN_SOURCE, {}
    has_rank, has_top = ranks["rank"] != "", ranks["top"] != ""
    yield "rank", has_rank & has_top, N_("give either rank (a place: 3 for '3rd') or top (a group: 10 for 'top 10'), not both"), {}
    yield "rank", ~has_rank & ~has_top, N_("rank or top is required (3 for '3rd', or top 10 for 'among the top 10')"), {}
    place = pd.to_numeric(ranks["rank"].where(has_rank, ranks["top"]), errors="coerce")
    out_of = pd.to_numeric(ranks["out_of"], errors="coerce")
    beyond = place > out_of
    yield "out_of", beyond, N_("the place ({place}) is beyond out_of ({out_of})"), {"place": place.astype("Int64").astype(str), "out_of": ranks["out_of"]}
    share, qualifier = ranks["group_share_pct"] != "", ranks["group_share_qualifier"] != ""
    yield "group_share_qualifier", share & ~qualifier, N_("group_share_pct needs group_share_qualifier (exact, approx, at_most, at_least)"), {}
    yield "group_share_pct", qualifier & ~share, N_("group_share_qualifier without group_share_pct"), {}
    yield "group_share_pct", share & ~has_top, N_("group_share_pct is the share of a top group: give top, not rank"), {}


def _typed(ranks: pd.DataFrame, registry: Registry) -> pd.DataFrame:  # pragma: no mutate block
    counts = {c: pd.to_numeric(ranks[c].replace("", pd.NA)).astype("Int64") for c in COUNTS}
    return ranks.assign(
        year=ranks["year"].astype(int),
        months=ranks["months"].astype(int),
        group_share_pct=pd.to_numeric(ranks["group_share_pct"].replace("", pd.NA)).astype(float),
        note=ranks["note"].fillna(""),
        region_name=ranks["region"].map(registry.table["name_en"]),
        **counts,
    ).reset_index(drop=True)


def published_ranks(ranks: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Published rank statements (``Dataset.ranks``) with their source's publisher and date (every rank's source is known:
    ``load_ranks`` rejects the others)."""
    ids = ranks["source_id"]
    return ranks.assign(**{f"source_{name}": sources[name].reindex(ids).to_numpy() for name in ("publisher", "published")})
