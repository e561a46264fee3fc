"""Which figure is displayed when several sources give the same region, period and flow.

Preference, in order: an exact figure over an approximate or bound one; a figure published in US
dollars over one converted from roubles; one whose statistics are stated (Belarusian or Russian)
over one from a speech; goods over goods-and-services (comparable across regions); the newest
publication. The others stay in the table as alternatives.
"""

import pandas as pd

SLOT = ["region", "year", "months", "flow", "total_or_coverage"]
QUALIFIER_RANK = {"exact": 0, "approx": 1, "at_least": 2, "at_most": 2}


def mark_displayed(figures: pd.DataFrame) -> pd.DataFrame:
    """Add ``displayed`` (one per slot) and ``alternatives`` (how many other figures share the slot)."""
    slot = figures["coverage"].where(~figures["total"], "total")
    ranked = figures.assign(
        total_or_coverage=slot,
        _qualifier=figures["qualifier"].map(QUALIFIER_RANK),
        _unstated=figures["stats"] == "",
        _services=figures["coverage"] != "goods",
        _published=figures["source_published"].fillna(""),
    ).sort_values(["_qualifier", "converted", "_unstated", "_services", "_published"], ascending=[True, True, True, True, False], kind="stable")
    first = ~ranked.duplicated(subset=SLOT, keep="first")
    size = ranked.groupby(SLOT, sort=False)["value"].transform("size")
    ranked = ranked.assign(displayed=first, alternatives=size - 1)
    return ranked.drop(columns=["_qualifier", "_unstated", "_services", "_published"]).sort_index()
