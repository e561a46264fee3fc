"""The words of charts and maps: titles, subtitles, axis and legend titles, tooltips, source lines."""

from turnover.i18n import gettext_for, ngettext_for
from turnover.texts.labels import cited_source, flow_label


def unit(billions: bool, lang: str = "en") -> str:
    """The value axis's unit: ``US$ billion`` or ``US$ million``."""
    _ = gettext_for(lang)
    return _("US$ billion") if billions else _("US$ million")


def source_line(cited: list[tuple[str, str]], converted: bool, lang: str = "en", limit: int = 4) -> str:
    """``Sources: BelTA (2024-11-18); Interfax (2025-05-14); and 3 more (see the Sources page).`` for (publisher, date) pairs, newest first."""
    _, ngettext = gettext_for(lang), ngettext_for(lang)
    if not cited:
        return _("Source: no figures")
    names = _("; ").join(cited_source(publisher, published, lang) for publisher, published in cited[:limit])
    more = len(cited) - limit
    if more > 0:
        line = ngettext("Sources: {names}; and {more} more (see the Sources page)", "Sources: {names}; and {more} more (see the Sources page)", more).format(names=names, more=more)
    else:
        line = ngettext("Source: {names}", "Sources: {names}", len(cited)).format(names=names)
    if converted:
        line = _("{line}; rouble figures converted at annual average rates").format(line=line)
    return _("{line}.").format(line=line)


def figure_kinds(lang: str = "en") -> tuple[str, ...]:
    """The series chart's legend entries: full year (in dollars as published), approximate or bound; the same
    converted from roubles; partial year; each side's statistics where both sides give a figure."""
    _ = gettext_for(lang)
    return (
        _("Full year"),
        _("Full year, approximate or bound"),
        _("Full year, converted from roubles"),
        _("Full year, converted from roubles, approximate or bound"),
        _("Partial year"),
        _("Belarusian statistics (both sides publish)"),
        _("Russian statistics (both sides publish)"),
    )


def tooltip_titles(lang: str = "en") -> dict[str, str]:
    """Tooltip line titles, by the field they show."""
    _ = gettext_for(lang)
    return {
        "region_name": _("Region"),
        "period": _("Period"),
        "shown": _("Figure"),
        "conversion": _("Conversion"),
        "source_publisher": _("Source"),
        "source_published": _("Published"),
        "source": _("Source"),
    }


def series_title(flow: str, region_name: str, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("{flow}: Belarus – {region}").format(flow=flow_label(flow, lang), region=region_name)


def series_subtitle(unit_text: str, first: int, last: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _(
        "{unit}, {first}–{last}. Consecutive full years of one basis joined by the line (a break: no figure for the year between, "
        "or figures in dollars and converted from roubles, of goods and of goods and services, or of the two sides' statistics); "
        "partial years drawn apart over the months they cover, not comparable with full years. Hollow points: approximate or bound figures; "
        "squares: converted from roubles at the year's average rate."
    ).format(unit=unit_text, first=first, last=last)


def partial_label(period: str, shown: str, lang: str = "en") -> str:
    """The label beside a partial year's span: ``Jan–Sep 2024: $3.1bn``."""
    _ = gettext_for(lang)
    return _("{period}: {figure}").format(period=period, figure=shown)


def ranking_title(flow: str, year: int, lang: str = "en") -> str:
    """The ranking's and the static map's title."""
    _ = gettext_for(lang)
    return _("{flow} with Belarus by Russian region, {year}").format(flow=flow_label(flow, lang), year=year)


def ranking_subtitle(year: int, unit_text: str, shown: int, ranked: int, lang: str = "en") -> str:
    ngettext = ngettext_for(lang)
    if shown < ranked:
        text = ngettext(
            "Full year {year}, {unit}; top {shown} of {count} region with a full-year figure. Lighter bars: approximate or bound figures.",
            "Full year {year}, {unit}; top {shown} of {count} regions with a full-year figure. Lighter bars: approximate or bound figures.",
            ranked,
        )
    else:
        text = ngettext(
            "Full year {year}, {unit}; the {count} region with a full-year figure. Lighter bars: approximate or bound figures.",
            "Full year {year}, {unit}; all {count} regions with a full-year figure. Lighter bars: approximate or bound figures.",
            ranked,
        )
    return text.format(year=year, unit=unit_text, shown=shown, count=ranked)


def compare_title(flow: str, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("{flow} with Belarus: regions compared").format(flow=flow_label(flow, lang))


def compare_subtitle(unit_text: str, first: int | None, last: int | None, lang: str = "en") -> str:
    _ = gettext_for(lang)
    if first is None:
        return _("Full years only, {unit}, no figures.").format(unit=unit_text)
    return _("Full years only, {unit}, {first}–{last}. Lines join consecutive years only; a break is a year without a published figure.").format(unit=unit_text, first=first, last=last)


def district_title(flow: str, year: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("{flow} with Belarus by federal district, {year}").format(flow=flow_label(flow, lang), year=year)


def district_subtitle(year: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Full year {year}, US$ billion: sums of the regions that have a figure, not district totals.").format(year=year)


def regions_covered(with_data: int, regions: int, lang: str = "en") -> str:
    """``3 of 18 regions``: how many of a district's regions its sum covers."""
    ngettext = ngettext_for(lang)
    return ngettext("{count} of {total} region", "{count} of {total} regions", regions).format(count=with_data, total=regions)


def district_tooltip_titles(lang: str = "en") -> dict[str, str]:
    _ = gettext_for(lang)
    return {"name": _("District"), "amount": _("Sum, US$ bn"), "coverage": _("Covers")}


def map_categories(lang: str = "en") -> dict[str, str]:
    """The map's grey legend entries, by category."""
    _ = gettext_for(lang)
    return {"home": _("Belarus"), "no_data": _("No figure"), "disputed": _("Crimea (not covered)")}


def no_figure_for_year(lang: str = "en") -> str:
    """The tooltip's figure for a region without one (never zero)."""
    _ = gettext_for(lang)
    return _("no figure for this year")


def map_value_legend(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("US$ million (log scale)")


def map_subtitle(year: int, covered: int, lang: str = "en") -> str:
    ngettext = ngettext_for(lang)
    return ngettext(
        "Full year {year}, US$ million, log colour scale; {count} region with a published full-year figure, grey: no figure (not zero).",
        "Full year {year}, US$ million, log colour scale; {count} regions with a published full-year figure, grey: no figure (not zero).",
        covered,
    ).format(year=year, count=covered)


def folium_legend_title(flow: str, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("{flow}, full year, US$ (log colour scale)").format(flow=flow_label(flow, lang))
