"""Tables for the Compare page: which regions to start with, district sums, national shares."""

import pandas as pd

from turnover.formatting import format_usd_mn
from turnover.selection import displayed_totals


def default_comparison(ranked: pd.DataFrame, region: str, choices: list[str], size: int = 5) -> list[str]:
    """The selected region plus the year's largest partners, up to ``size`` regions."""
    picked = [region] if region in choices else []
    for candidate in ranked["region"]:
        if len(picked) >= size:
            break
        if candidate not in picked:
            picked.append(candidate)
    return picked


def compare_figures(figures: pd.DataFrame, regions: list[str], flow: str) -> pd.DataFrame:
    chosen = displayed_totals(figures, flow)
    return chosen[chosen["region"].isin(regions)]


def district_table(districts: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Federal district": districts["name"],
            "Sum of regions with a figure": [format_usd_mn(x) if n else "–" for x, n in zip(districts["usd_mn"], districts["with_data"])],
            "Regions with a figure": districts["with_data"].astype(str) + " of " + districts["regions"].astype(str),
            "Includes approximate figures": districts["approximate"].map({True: "yes", False: ""}),
            "Published district figure": [format_usd_mn(x) if pd.notna(x) else "" for x in districts["published_usd_mn"]],
        }
    )


def share_table(shares: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Rank": shares["rank"],
            "Region": shares["region_name"],
            "Figure": shares["shown"],
            "Share of national total": shares["share_pct"],
            "Source": shares["source_publisher"] + " (" + shares["source_published"] + ")",
        }
    )
