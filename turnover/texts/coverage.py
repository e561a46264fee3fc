"""The words of the Coverage page: what is known for each Russian region and year, its chart, counts and download."""

from turnover.i18n import N_, gettext_for, ngettext_for
from turnover.texts.labels import flow_label

KNOWN_TEXT = {
    "exact": N_("Full year, exact"),
    "approx": N_("Full year, approximate or bound"),
    "partial": N_("Partial year only"),
    "rank": N_("Published rank only"),
    "none": N_("Nothing published"),
}
ORDER_TEXT = {"district": N_("By federal district"), "known": N_("Most known first")}


def known_labels(lang: str = "en") -> dict[str, str]:
    """What a cell says is known, by kind, best first (the legend's entries and the tables' columns)."""
    _ = gettext_for(lang)
    return {kind: _(text) for kind, text in KNOWN_TEXT.items()}


def order_labels(lang: str = "en") -> dict[str, str]:
    """The row-order control's options."""
    _ = gettext_for(lang)
    return {order: _(text) for order, text in ORDER_TEXT.items()}


def order_label(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Rows")


def page_title(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Coverage: what is known")


def page_caption(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _(
        "For each Russian region and year, the best that has been published: a full-year figure, a partial year, "
        "or only a rank. It shows what can be said for a briefing, and where the next curation should look. "
        "Click a cell to open that region's profile for that year."
    )


def chart_title(flow: str, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("{flow} with Belarus: what is known by Russian region and year").format(flow=flow_label(flow, lang))


def chart_subtitle(first: int, last: int, lang: str = "en") -> str:
    """One short line, the period (the colours are named in the legend)."""
    _ = gettext_for(lang)
    return _("Region × year, best published · {first}–{last}").format(first=first, last=last)


def chart_footnote(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Grey: nothing published, not zero. A cell opens that region's profile for the year.")


def order_caption(order: str, lang: str = "en") -> str:
    """How the rows are ordered."""
    _ = gettext_for(lang)
    if order == "known":
        return _("Rows: regions with the most full-year figures first, then partial years, then ranks.")
    return _("Rows: grouped by federal district, regions by name.")


def source_line(figures: int, ranks: int, lang: str = "en") -> str:
    """``Sources: data/figures.csv (12 published figures) and data/ranks.csv (3 rank statements).``"""
    _, ngettext = gettext_for(lang), ngettext_for(lang)
    return _("Sources: data/figures.csv ({figures}) and data/ranks.csv ({ranks}).").format(
        figures=ngettext("{count} published figure", "{count} published figures", figures).format(count=figures),
        ranks=ngettext("{count} rank statement", "{count} rank statements", ranks).format(count=ranks),
    )


def rank_text(rank, top, out_of, period: str, lang: str = "en") -> str:
    """A published rank as a reader says it: ``3rd of 85 (2022)``, ``among the top 10 (Jan–Sep 2024)``."""
    _ = gettext_for(lang)
    if rank is not None:
        if out_of is not None:
            return _("place {rank} of {out_of} ({period})").format(rank=rank, out_of=out_of, period=period)
        return _("place {rank} ({period})").format(rank=rank, period=period)
    return _("among the top {top} ({period})").format(top=top, period=period)


def cited(publisher: str, published: str, lang: str = "en") -> str:
    """A cell's source: ``BelTA, 2024-11-18``."""
    _ = gettext_for(lang)
    return _("{publisher}, {published}").format(publisher=publisher, published=published) if published else publisher


def tooltip_titles(lang: str = "en") -> dict[str, str]:
    """The cell tooltip's line titles, by field (also the download's headers)."""
    _ = gettext_for(lang)
    return {
        "region_name": _("Region"),
        "region": _("Region id"),
        "district_name": _("Federal district"),
        "year": _("Year"),
        "known_text": _("What is known"),
        "figure": _("Figure"),
        "period": _("Period"),
        "source": _("Source"),
        "rank_text": _("Published rank"),
    }


def counts_headings(lang: str = "en") -> dict[str, str]:
    _ = gettext_for(lang)
    return {"year": _("Regions by what is known, per year"), "district": _("Region-years by what is known, per federal district")}


def count_headers(lang: str = "en") -> dict[str, str]:
    """The counts tables' first column, by what it counts over."""
    _ = gettext_for(lang)
    return {"year": _("Year"), "district": _("Federal district")}


def download_label(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Download the grid (CSV)")


def no_coverage(flow: str, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Nothing is published for {flow} with any Russian region.").format(flow=flow_label(flow, lang).lower())


def nav_title(lang: str = "en") -> str:
    """The navigation entry."""
    _ = gettext_for(lang)
    return _("Coverage")
