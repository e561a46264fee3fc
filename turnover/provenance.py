"""Tables for the Sources page: every figure with its provenance, search, and conflicts between sources."""

import pandas as pd

from turnover.vocabulary import COVERAGE_LABELS, FLOW_LABELS

QUALIFIER_TEXT = {"exact": "exact", "approx": "approximate", "at_most": "at most (almost)", "at_least": "at least (over)"}


def provenance_table(figures: pd.DataFrame) -> pd.DataFrame:
    rows = figures.sort_values(["region_name", "year", "months"], ascending=[True, False, False])
    return pd.DataFrame(
        {
            "Region": rows["region_name"],
            "Period": rows["period"],
            "Flow": rows["flow"].map(FLOW_LABELS),
            "As published": rows["published_text"],
            "Qualifier": rows["qualifier"].map(QUALIFIER_TEXT),
            "US$ million": rows["usd_mn"].round(1),
            "Coverage": rows["coverage"].map(COVERAGE_LABELS),
            "Statistics": rows["stats"].map({"BY": "Belarusian", "RU": "Russian", "": ""}),
            "Status": rows["displayed"].map({True: "shown", False: "alternative"}),
            "Publisher": rows["source_publisher"],
            "Published": rows["source_published"],
            "Title": rows["source_title"],
            "Link": rows["source_url"].where(rows["source_url"].str.match(r"https?://"), None),
            "Note": (rows["note"] + " " + rows["conversion"]).str.strip(),
        }
    )


def search_figures(figures: pd.DataFrame, query: str, only_conflicts: bool) -> pd.DataFrame:
    """Figures whose region, publisher, title or note contains ``query`` (case-insensitive, plain text)."""
    found = figures
    if only_conflicts:
        found = found[found["alternatives"] > 0]
    if query.strip():
        text = found["region_name"] + " " + found["region_name_ru"] + " " + found["source_publisher"] + " " + found["source_title"] + " " + found["note"]
        found = found[text.str.contains(query.strip(), case=False, regex=False)]
    return found


def conflicts(figures: pd.DataFrame) -> pd.DataFrame:
    """Region-periods where sources disagree (different US$ values), each figure on its own line."""
    clashing = figures[figures["alternatives"] > 0]
    spread = clashing.assign(rounded=clashing["usd_mn"].round(1)).groupby(["region", "year", "months", "flow", "total_or_coverage"])["rounded"].transform("nunique")
    clashing = clashing[spread > 1].sort_values(["region_name", "year", "months", "displayed"], ascending=[True, False, False, False])
    return pd.DataFrame(
        {
            "Slot": clashing["region_name"] + ", " + clashing["period"] + ", " + clashing["flow"].map(FLOW_LABELS),
            "Figure": clashing["shown"],
            "As published": clashing["published_text"],
            "Status": clashing["displayed"].map({True: "shown", False: "alternative"}),
            "Statistics": clashing["stats"].map({"BY": "Belarusian", "RU": "Russian", "": ""}),
            "Source": clashing["source_publisher"] + " (" + clashing["source_published"] + ")",
        }
    )
