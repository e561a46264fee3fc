"""Tables for the Sources page: every figure with its provenance, search, and conflicts between sources."""

import pandas as pd

from turnover.selection import SLOT
from turnover.texts import labels, tables


def provenance_table(figures: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    rows = figures.sort_values(["region_name", "year", "months"], ascending=[True, False, False])
    headers = tables.provenance_headers(lang)
    return pd.DataFrame(
        {
            headers["region"]: rows["region_name"],
            headers["period"]: rows["period"],
            headers["flow"]: rows["flow"].map(labels.flow_labels(lang)),
            headers["published"]: rows["published_text"],
            headers["qualifier"]: rows["qualifier"].map(labels.qualifier_labels(lang)),
            headers["usd_mn"]: rows["usd_mn"].round(1),
            headers["coverage"]: rows["coverage"].map(labels.coverage_labels(lang)),
            headers["stats"]: rows["stats"].map(labels.stats_labels(lang)),
            headers["status"]: rows["displayed"].map(labels.status_labels(lang)),
            headers["publisher"]: rows["source_publisher"],
            headers["date"]: rows["source_published"],
            headers["title"]: rows["source_title"],
            headers["link"]: rows["source_url"].where(rows["source_url"].str.match(r"https?://"), None),
            headers["note"]: (rows["note"] + " " + rows["conversion"]).str.strip(),
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


def conflicting(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures of slots where sources disagree (different US$ values to a tenth of a million), by region and period."""
    clashing = figures[figures["alternatives"] > 0]
    spread = clashing.assign(rounded=clashing["usd_mn"].round(1)).groupby(SLOT)["rounded"].transform("nunique")
    return clashing[spread > 1].sort_values(["region_name", "year", "months", "displayed"], ascending=[True, False, False, False])


def conflict_count(figures: pd.DataFrame) -> int:
    """How many slots (region, period, flow, coverage) have sources that disagree: counted on the data, not on display text."""
    return len(conflicting(figures).drop_duplicates(SLOT))


def conflicts(figures: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Region-periods where sources disagree (different US$ values), each figure on its own line."""
    clashing = conflicting(figures)
    headers = tables.conflict_headers(lang)
    flows = labels.flow_labels(lang)
    return pd.DataFrame(
        {
            headers["slot"]: [tables.conflict_slot(r, p, flows[f], lang) for r, p, f in zip(clashing["region_name"], clashing["period"], clashing["flow"])],
            headers["figure"]: clashing["shown"],
            headers["published"]: clashing["published_text"],
            headers["status"]: clashing["displayed"].map(labels.status_labels(lang)),
            headers["stats"]: clashing["stats"].map(labels.stats_labels(lang)),
            headers["source"]: [labels.cited_source(p, d, lang) for p, d in zip(clashing["source_publisher"], clashing["source_published"])],
        },
        index=clashing.index,
    )
