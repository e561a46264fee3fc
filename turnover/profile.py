"""What the region profile shows: key figures (selected year, rank, latest, partial, peak) and the figure table."""

from dataclasses import dataclass, field

import pandas as pd

from turnover.aggregate import change_on_previous, rank_in, region_series
from turnover.texts import profile as words


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


def _cite(row, lang: str) -> str:
    return words.citation(row["period"], row["shown"], row["source_publisher"], row["source_published"], row["conversion"], lang)


def key_figures(region_figures: pd.DataFrame, year_ranking: pd.DataFrame, region: str, flow: str, year: int, lang: str = "en") -> Summary:
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
        delta = None if pd.isna(row["change_pct"]) else words.change(row["change_pct"], str(year - 1), lang)
        summary.cards.append(Card(words.full_year_label(year, lang), row["shown"], delta, _cite(row, lang)))
        ranked = rank_in(year_ranking, region)
        if ranked:
            summary.cards.append(Card(words.rank_label(year, lang), words.rank_value(*ranked, lang), None, words.rank_help(year, lang)))
    else:
        summary.cards.append(Card(words.full_year_label(year, lang), words.no_figure(lang), None, words.no_figure_help(year, lang)))
    if len(full):
        latest = full.iloc[-1]
        summary.cards.append(Card(words.latest_full_year_label(latest["year"], lang), latest["shown"], None, _cite(latest, lang)))
        peak = full.loc[full["usd_mn"].idxmax()]
        summary.cards.append(Card(words.peak_label(peak["year"], lang), peak["shown"], None, _cite(peak, lang)))
    if len(partial):
        last = partial.sort_values(["year", "months"]).iloc[-1]
        delta = None if pd.isna(last["change_pct"]) else words.change(last["change_pct"], last["period_before"], lang)
        summary.cards.append(Card(words.latest_partial_label(last["period"], lang), last["shown"], delta, _cite(last, lang)))
    for row in changes[changes["change_pct"].notna() & ~changes["full_year"]].itertuples():
        summary.like_for_like.append(words.like_for_like(row.period, row.change_pct, row.period_before, lang))
    return summary

