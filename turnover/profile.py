"""What the region profile shows: key figures (selected year, rank, latest, partial, peak) and the figure table."""

from dataclasses import dataclass, field

import pandas as pd

from turnover.aggregate import change_on_previous, rank_in, region_series


@dataclass(frozen=True)
class Card:
    label: str
    value: str
    delta: str | None = None
    help: str | None = None


@dataclass
class Summary:
    cards: list[Card] = field(default_factory=list)
    like_for_like: list[str] = field(default_factory=list)


def _cite(row) -> str:
    text = f"{row['period']}: {row['shown']} ({row['source_publisher']}, {row['source_published']})"
    return f"{text}; {row['conversion']}" if row["conversion"] else text


def key_figures(region_figures: pd.DataFrame, year_ranking: pd.DataFrame, region: str, flow: str, year: int) -> Summary:
    """``region_figures``: the region's figures; ``year_ranking``: ``aggregate.ranking`` of ``year`` and ``flow``."""
    series = region_series(region_figures, region, flow)
    summary = Summary()
    if series.empty:
        return summary
    cited = ["year", "months", "usd_mn", "period", "shown", "full_year", "conversion", "source_publisher", "source_published"]
    changes = change_on_previous(series[cited])  # only what the cards cite: narrow frames are quick to filter
    full = changes[changes["full_year"]]
    partial = changes[~changes["full_year"]]

    selected = full[full["year"] == year]
    if len(selected):
        row = selected.iloc[0]
        delta = None if pd.isna(row["change_pct"]) else f"{row['change_pct']:+.1f}% on {year - 1}"
        summary.cards.append(Card(f"Full year {year}", row["shown"], delta, _cite(row)))
        ranked = rank_in(year_ranking, region)
        if ranked:
            summary.cards.append(Card(f"Rank in {year}", f"{ranked[0]} of {ranked[1]}", None, f"Among Russian regions with a full-year figure for {year}."))
    else:
        summary.cards.append(Card(f"Full year {year}", "no figure", None, f"No full-year figure for {year}; choose another year."))
    if len(full):
        latest = full.iloc[-1]
        summary.cards.append(Card(f"Latest full year ({latest['year']})", latest["shown"], None, _cite(latest)))
        peak = full.loc[full["usd_mn"].idxmax()]
        summary.cards.append(Card(f"Peak full year ({peak['year']})", peak["shown"], None, _cite(peak)))
    if len(partial):
        last = partial.sort_values(["year", "months"]).iloc[-1]
        delta = None if pd.isna(last["change_pct"]) else f"{last['change_pct']:+.1f}% on {last['period_before']}"
        summary.cards.append(Card(f"Latest partial period ({last['period']})", last["shown"], delta, _cite(last)))
    for row in changes[changes["change_pct"].notna() & ~changes["full_year"]].itertuples():
        summary.like_for_like.append(f"{row.period} {row.change_pct:+.1f}% on {row.period_before}")
    return summary

