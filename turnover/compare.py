"""Tables and choices for the Compare page: which regions to start with, district sums, national shares."""

import pandas as pd

from turnover.formatting import format_share, format_usd_mn
from turnover.selection import displayed_totals
from turnover.texts import charts as chart_words
from turnover.texts import pages, tables
from turnover.texts.labels import cited_source, yes_label


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


def district_table(districts: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    headers = tables.district_headers(lang)
    return pd.DataFrame(
        {
            headers["name"]: districts["name"],
            headers["sum"]: [format_usd_mn(x, lang) if n else "–" for x, n in zip(districts["usd_mn"], districts["with_data"])],
            headers["covered"]: [chart_words.regions_covered(int(n), int(m), lang) for n, m in zip(districts["with_data"], districts["regions"])],
            headers["approximate"]: districts["approximate"].map({True: yes_label(lang), False: ""}),
            headers["published"]: [format_usd_mn(x, lang) if pd.notna(x) else "" for x in districts["published_usd_mn"]],
        }
    )


def share_table(shares: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    headers = tables.share_headers(lang)
    return pd.DataFrame(
        {
            headers["rank"]: shares["rank"],
            headers["region"]: shares["region_name"],
            headers["figure"]: shares["shown"],
            headers["share"]: [format_share(pct, q, lang) for pct, q in zip(shares["share_pct"], shares["share_qualifier"])],
            headers["source"]: [cited_source(p, d, lang) for p, d in zip(shares["source_publisher"], shares["source_published"])],
        }
    )


def national_total_caption(shares: pd.DataFrame, year: int, lang: str = "en") -> str | None:
    """The sentence under the shares table naming the national total they divide by; None without one."""
    if shares.empty or shares["share_pct"].isna().all():
        return None
    row = shares.iloc[0]
    return pages.national_total(year, row["national_shown"], row["national_source"], lang)
