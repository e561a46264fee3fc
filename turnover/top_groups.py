"""Published top groups for the map and ranking: "among the top 10 importers of Belarusian goods, 2022".

A region a published statement (``Dataset.ranks``, full-year rows with ``top``) puts in a top group but
without a figure of its own is marked on the map; the group's share, where published, is a caption line.
"""

import pandas as pd


def top_groups(ranks: pd.DataFrame, sources: pd.DataFrame, year: int, flow: str) -> pd.DataFrame:
    """The member rows of the year's full-year top-group statements for ``flow``, with the source's publisher and date."""
    if ranks.empty:
        return ranks.assign(publisher=pd.Series(dtype=str), published=pd.Series(dtype=str))
    rows = ranks[(ranks["year"] == year) & (ranks["months"] == 12) & (ranks["flow"] == flow) & ranks["top"].notna()]
    return rows.assign(publisher=rows["source_id"].map(sources["publisher"]).fillna(""), published=rows["source_id"].map(sources["published"]).fillna(""))


def group_statements(groups: pd.DataFrame) -> pd.DataFrame:
    """One row per group statement that gives the group's share: top, share, qualifier, publisher, date."""
    shared = groups[groups["group_share_pct"].notna()]
    return shared.drop_duplicates(["top", "source_id"])[["top", "group_share_pct", "group_share_qualifier", "publisher", "published"]]
