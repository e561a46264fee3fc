"""What the region profile shows: key figures (selected year, rank, latest, partial, peak), notices under them."""

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from turnover.aggregate import both_sides, change_on_previous, rank_in, region_series
from turnover.conflicts import partial_above_full
from turnover.texts import profile as words

CITED = ["year", "months", "usd_mn", "period", "shown", "full_year", "conversion", "source_publisher", "source_published", "converted", "coverage", "stats"]


@dataclass(frozen=True)
class Card:
    label: str
    value: str
    delta: str | None = None
    help: str | None = None
    neutral: bool = False  # the delta is words, not a change: drawn grey, without an arrow


@dataclass
class Summary:
    cards: list[Card] = field(default_factory=list)
    like_for_like: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # conflicts between figures; both sides' statistics


def _cite(row, lang: str) -> str:
    return words.citation(row["period"], row["shown"], row["source_publisher"], row["source_published"], row["conversion"], lang)


def _basis(row, aspects: list[str], lang: str) -> str:
    return words.basis(row["period"], aspects, bool(row["converted"]), row["coverage"], row["stats"], lang)


def _change(row, lang: str) -> tuple[str | None, str | None]:
    """The change on the same months of the year before; or, when that is on another basis, a short delta and why (the notice)."""
    if not pd.isna(row["change_pct"]):
        return words.change(row["change_pct"], row["period_before"], lang), None
    if row["differences"]:
        before = {name: row[f"{name}_before"] for name in ("converted", "coverage", "stats")} | {"period": row["period_before"]}
        why = words.not_comparable(_basis(before, row["differences"], lang), _basis(row, row["differences"], lang), lang)
        return words.not_compared(row["period_before"], lang), why
    return None, None


def _changed(label: str, row, summary: "Summary", lang: str) -> Card:
    """A figure's card with its change; when not comparable, the reason goes under the cards."""
    delta, why = _change(row, lang)
    if why:
        summary.notices.append(words.card_notice(label, why, lang))
    return Card(label, row["shown"], delta, _cite(row, lang) + (f" {why}" if why else ""), why is not None)


def published_ranks(ranks: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Published rank statements (``Dataset.ranks``) with their source's publisher and date."""
    source = sources.reindex(ranks["source_id"])
    return ranks.assign(source_publisher=source["publisher"].fillna("").to_numpy(), source_published=source["published"].fillna("").to_numpy())


def _rank_card(year: int, flow: str, table: pd.DataFrame | None, region: str, published: pd.DataFrame | None, summary: "Summary", lang: str) -> Card | None:
    """The rank computed among the regions with a figure here, and the published rank (short; in full with its source under the cards)."""
    computed = rank_in(table, region) if table is not None else None
    short = None
    if published is not None and len(published):
        stated = published[(published["year"] == year) & (published["months"] == 12) & (published["flow"] == flow)]
        if len(stated):
            row = stated.sort_values("source_published").iloc[-1]
            rank, top, out_of = (None if pd.isna(row[c]) else int(row[c]) for c in ("rank", "top", "out_of"))
            short = words.published_short(rank, top, lang)
            said = words.published_rank(rank, top, out_of, flow, row["source_publisher"], row["source_published"], lang)
            summary.notices.append(words.card_notice(words.rank_label(year, lang), said, lang))
    if computed is None and short is None:
        return None
    value = words.rank_value(*computed, lang) if computed else words.not_ranked(lang)
    return Card(words.rank_label(year, lang), value, short, words.rank_help(year, lang), neutral=True)


def key_figures(
    region_figures: pd.DataFrame,
    year_ranking: pd.DataFrame,
    region: str,
    flow: str,
    year: int,
    lang: str = "en",
    ranking_of: Callable[[int], pd.DataFrame] | None = None,
    published: pd.DataFrame | None = None,
) -> Summary:
    """``region_figures``: the region's figures; ``year_ranking``: ``aggregate.ranking`` of ``year`` and ``flow``;
    ``ranking_of``: the ranking of another year (for the year the headline falls back to); ``published``: the
    region's ``published_ranks``."""
    series = region_series(region_figures, region, flow)
    summary = Summary()
    if series.empty:
        return summary
    changes = change_on_previous(series[CITED])  # only what the cards cite: narrow frames are quick to filter
    full = changes[changes["full_year"]]
    partial = changes[~changes["full_year"]]

    selected = full[full["year"] == year]
    if len(selected):
        summary.cards.append(_changed(words.full_year_label(year, lang), selected.iloc[0], summary, lang))
        rank = _rank_card(year, flow, year_ranking, region, published, summary, lang)
    elif len(full):
        earlier = full[full["year"] < year]
        known = (earlier if len(earlier) else full).iloc[-1]
        shown_year = int(known["year"])
        summary.cards.append(Card(words.full_year_label(year, lang), words.known_value(shown_year, known["shown"], lang), words.none_for(year, lang), words.known_help(shown_year, known["shown"], year, _cite(known, lang), lang), True))
        rank = _rank_card(shown_year, flow, ranking_of(shown_year) if ranking_of else None, region, published, summary, lang)
    else:
        summary.cards.append(Card(words.full_year_label(year, lang), words.no_figure(lang), None, words.no_figure_help(year, lang)))
        rank = None
    if rank:
        summary.cards.append(rank)
    if len(full):
        latest = full.iloc[-1]
        summary.cards.append(Card(words.latest_full_year_label(latest["year"], lang), latest["shown"], None, _cite(latest, lang)))
        peak = full.loc[full["usd_mn"].idxmax()]
        summary.cards.append(Card(words.peak_label(peak["year"], lang), peak["shown"], None, _cite(peak, lang)))
    if len(partial):
        last = partial.sort_values(["year", "months"]).iloc[-1]
        summary.cards.append(_changed(words.latest_partial_label(last["period"], lang), last, summary, lang))
    for _, row in partial.iterrows():
        delta, why = _change(row, lang)
        if delta and not why:
            summary.like_for_like.append(words.like_for_like(row["period"], delta, lang))
    summary.notices += _conflicts(region_figures, region, flow, lang) + _both_sides(region_figures, region, flow, lang)
    return summary


def _conflicts(region_figures: pd.DataFrame, region: str, flow: str, lang: str) -> list[str]:
    mine = region_figures[(region_figures["region"] == region) & (region_figures["flow"] == flow)]
    if mine["full_year"].all() or not mine["full_year"].any():  # a conflict needs a full year and a part of one
        return []
    return [
        words.conflict(row["period"], row["shown"], row["source_publisher"], row["period_part"], row["shown_part"], row["source_publisher_part"], lang)
        for _, row in partial_above_full(mine).iterrows()
    ]


def _both_sides(region_figures: pd.DataFrame, region: str, flow: str, lang: str) -> list[str]:
    """One line per period for which Belarusian and Russian statistics both give a total-trade figure (each side's newest)."""
    return [
        words.both_sides(group["period"].iloc[0], *(_side(group[group["stats"] == stats].iloc[-1], lang) for stats in ("BY", "RU")), lang)
        for _, group in both_sides(region_figures, region, flow).groupby(["year", "months"], sort=False)
    ]


def _side(row, lang: str) -> str:
    return words.side(row["stats"], row["source_publisher"], row["published_text"], row["shown"], bool(row["converted"]), lang)
