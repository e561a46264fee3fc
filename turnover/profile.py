"""What the region profile shows: key figures (selected year, rank, latest, partial, peak), notices under them."""

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from turnover.aggregate import LOWER_BOUND, SIDES, changes_on_previous, paired_sides, rank_in, stated_by_both
from turnover.conflicts import PAIRABLE, pairable, partial_above_full_rows
from turnover.selection import PANDAS_ABOVE, displayed_series, rows, total_rows
from turnover.texts import profile as words

READ = [  # what the cards and notices read of each figure
    *["year", "months", "usd_mn", "period", "shown", "qualifier", "full_year", "conversion", "source_publisher", "source_published", "converted", "coverage", "stats"],
    *["displayed", "region", "flow", "line", "published_text"],
]
STATED = ["year", "months", "flow", "rank", "top", "out_of", "source_publisher", "source_published"]  # of a published rank


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
    return words.basis(row["period"], aspects, bool(row["converted"]), row["coverage"], row["stats"], lang, row["qualifier"] == LOWER_BOUND)


def _change(row, lang: str) -> tuple[str | None, str | None]:
    """The change on the same months of the year before; or, when that is on another basis, a short delta and why (the notice)."""
    if not pd.isna(row["change_pct"]):
        return words.change(row["change_pct"], row["period_before"], lang), None
    if row["differences"]:
        before = {name: row[f"{name}_before"] for name in ("converted", "coverage", "stats", "qualifier")} | {"period": row["period_before"]}
        why = words.not_comparable(_basis(before, row["differences"], lang), _basis(row, row["differences"], lang), lang)
        return words.not_compared(row["period_before"], lang), why
    return None, None


def _changed(label: str, row, summary: "Summary", lang: str) -> Card:
    """A figure's card with its change; when not comparable, the reason goes under the cards."""
    delta, why = _change(row, lang)
    if why:
        summary.notices.append(words.card_notice(label, why, lang))
    return Card(label, row["shown"], delta, _cite(row, lang) + (f" {why}" if why else ""), why is not None)


def _rank_card(year: int, flow: str, table: pd.DataFrame | None, region: str, published: pd.DataFrame | None, summary: "Summary", lang: str) -> Card | None:
    """The rank computed among the regions with a figure here, and the published rank (short; in full with its source under the cards)."""
    computed = rank_in(table, region) if table is not None else None
    short = None
    if published is not None and len(published):
        stated = [row for row in rows(published, STATED) if row["year"] == year and row["months"] == 12 and row["flow"] == flow]
        if stated:
            row = sorted(stated, key=lambda row: row["source_published"])[-1]  # the newest; of equal dates, the later
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
    region's ``ranks.published_ranks``."""
    totals = _read_totals(region_figures, flow, region)  # read once; plain Python from here (selection.rows)
    series = displayed_series(totals)
    summary = Summary()
    if not series:
        return summary
    changes = changes_on_previous(series)
    full = [row for row in changes if row["full_year"]]
    partial = [row for row in changes if not row["full_year"]]

    selected = [row for row in full if row["year"] == year]
    if selected:
        summary.cards.append(_changed(words.full_year_label(year, lang), selected[0], summary, lang))
        rank = _rank_card(year, flow, year_ranking, region, published, summary, lang)
    elif full:
        earlier = [row for row in full if row["year"] < year]
        known = (earlier or full)[-1]
        shown_year = int(known["year"])
        summary.cards.append(Card(words.full_year_label(year, lang), words.known_value(shown_year, known["shown"], lang), words.none_for(year, lang), words.known_help(shown_year, known["shown"], year, _cite(known, lang), lang), True))
        rank = _rank_card(shown_year, flow, ranking_of(shown_year) if ranking_of else None, region, published, summary, lang)
    else:
        summary.cards.append(Card(words.full_year_label(year, lang), words.no_figure(lang), None, words.no_figure_help(year, lang)))
        rank = None
    if rank:
        summary.cards.append(rank)
    if full:
        latest = full[-1]
        summary.cards.append(Card(words.latest_full_year_label(latest["year"], lang), latest["shown"], None, _cite(latest, lang)))
        peak = max(full, key=lambda row: row["usd_mn"])  # of equal ones, the earliest
        summary.cards.append(Card(words.peak_label(peak["year"], lang), peak["shown"], None, _cite(peak, lang)))
    if partial:
        last = partial[-1]
        summary.cards.append(_changed(words.latest_partial_label(last["period"], lang), last, summary, lang))
    for row in partial:
        delta, why = _change(row, lang)
        if delta and not why:
            summary.like_for_like.append(words.like_for_like(row["period"], delta, lang))
    summary.notices += _conflicts(totals, lang) + _both_sides(totals, lang)
    return summary


def _read_totals(region_figures: pd.DataFrame, flow: str, region: str) -> list[dict]:
    """The region's total-trade figures of ``flow`` as ``selection.rows`` of ``READ``. Of a large frame (a synthetic
    region's thousands), only those the cards and notices can show: the displayed ones, those ``conflicts.pairable``
    and both sides' statistics of a period that has both (``aggregate.paired_sides``)."""
    if len(region_figures) <= PANDAS_ABOVE:
        return total_rows(region_figures, READ, flow, region)
    chosen = (region_figures["total"] & (region_figures["flow"] == flow) & (region_figures["region"] == region)).to_numpy()
    totals = region_figures.loc[chosen, list(dict.fromkeys(["displayed", "stats", "months", *PAIRABLE]))]
    shown = totals["displayed"] | pairable(totals) | stated_by_both(totals)
    return rows(region_figures, READ, np.flatnonzero(chosen)[shown.to_numpy()].tolist())


def _conflicts(totals: list[dict], lang: str) -> list[str]:
    return [
        words.conflict(full["period"], full["shown"], full["source_publisher"], part["period"], part["shown"], part["source_publisher"], lang)
        for full, part in partial_above_full_rows(totals)
    ]


def _both_sides(totals: list[dict], lang: str) -> list[str]:
    """One line per period for which Belarusian and Russian statistics both give a total-trade figure (each side's newest)."""
    periods: dict[tuple, dict] = {}  # (year, months): {stats: its newest figure}, oldest period first
    for row in paired_sides(totals):
        periods.setdefault((row["year"], row["months"]), {})[row["stats"]] = row
    return [words.both_sides(sides[SIDES[0]]["period"], *(_side(sides[stats], lang) for stats in SIDES), lang) for sides in periods.values()]


def _side(row, lang: str) -> str:
    return words.side(row["stats"], row["source_publisher"], row["published_text"], row["shown"], bool(row["converted"]), lang)
