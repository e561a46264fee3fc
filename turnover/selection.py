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
    """Add ``displayed`` (one per slot) and ``alternatives`` (how many other figures share the slot).

    Only the few columns that decide are sorted, never the whole table (a million rows stay cheap).
    """
    slot = figures["coverage"].where(~figures["total"], "total")
    keys = pd.DataFrame(
        {
            "region": figures["region"],
            "year": figures["year"],
            "months": figures["months"],
            "flow": figures["flow"],
            "total_or_coverage": slot,
            "_qualifier": figures["qualifier"].map(QUALIFIER_RANK),
            "_converted": figures["converted"],
            "_unstated": figures["stats"] == "",
            "_services": figures["coverage"] != "goods",
            "_published": figures["source_published"].fillna(""),
        }
    )
    ranked = keys.sort_values(["_qualifier", "_converted", "_unstated", "_services", "_published"], ascending=[True, True, True, True, False], kind="stable")
    displayed = (~ranked.duplicated(subset=SLOT, keep="first")).reindex(figures.index)
    size = keys.groupby(SLOT, sort=False)["year"].transform("size")
    return figures.assign(total_or_coverage=slot, displayed=displayed, alternatives=size - 1)
