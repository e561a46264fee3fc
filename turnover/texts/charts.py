"""The words of charts and maps: titles, subtitles, axis and legend titles, tooltips, source lines."""

from turnover.formatting import with_qualifier
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


def ranking_title(flow: str, year: int, lang: str = "en", since: int | None = None) -> str:
    """The ranking's and the static map's title; with ``since``, regions may show an earlier full year."""
    _ = gettext_for(lang)
    if since is not None and since < year:
        return _("{flow} with Belarus by Russian region, {year}, or the latest full year since {since}").format(flow=flow_label(flow, lang), year=year, since=since)
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
    return {"home": _("Belarus"), "no_data": _("No figure"), "disputed": _("Crimea (not covered)"), "ranked": _("In a published top group, no figure")}


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


def map_figure_label(basis: str, shown: str, plain: str, period: str, year: int, lang: str = "en") -> str:
    """A ranking bar's label: the figure, or ``at least $9bn (Jan–Oct 2023)`` for a partial year standing as a
    lower bound (``plain``: the figure without its qualifier), or ``$1.2bn (2022)`` for an earlier full year."""
    _ = gettext_for(lang)
    if basis == "bound":
        return _("at least {figure} ({period})").format(figure=plain, period=period)
    if basis == "earlier":
        return _("{figure} ({year})").format(figure=shown, year=year)
    return shown


def map_basis_note(basis: str, period: str, figure_year: int, year: int, lang: str = "en") -> str:
    """The tooltip line saying what a figure stands for when it is not the year's full-year figure."""
    _ = gettext_for(lang)
    if basis == "bound":
        return _("{period} only: a lower bound of the full year {year}").format(period=period, year=year)
    if basis == "earlier":
        return _("{figure_year} figure; none published for {year}").format(figure_year=figure_year, year=year)
    return ""


def map_markings(lang: str = "en") -> dict[str, str]:
    """Legend entries of the marked regions and bars, by basis."""
    _ = gettext_for(lang)
    return {"full": _("Full year"), "bound": _("Partial year: a lower bound of the full year"), "earlier": _("Latest full year before")}


def map_note_title(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Note")


def home_note(lang: str = "en") -> str:
    """The tooltip note of a Belarusian region on the map: clicking it opens nothing."""
    _ = gettext_for(lang)
    return _("A region of Belarus: no profile (the profiles are of Russian regions)")


def ranking_marked_note(count: int, year: int, lang: str = "en") -> str:
    """The ranking's second subtitle line when some bars are not full-year figures of the year."""
    ngettext = ngettext_for(lang)
    return ngettext(
        "Of these, {count} is not a full-year figure for {year}: a partial year (a lower bound, with its period) or an earlier full year (with its year).",
        "Of these, {count} are not full-year figures for {year}: partial years (lower bounds, with their period) or earlier full years (with their year).",
        count,
    ).format(count=count, year=year)


def _group_noun(top: int, flow: str, lang: str) -> str:
    _ = gettext_for(lang)
    nouns = {
        "export": _("the top {top} importers of Belarusian goods"),
        "import": _("the top {top} suppliers of goods to Belarus"),
        "turnover": _("the top {top} trade partners of Belarus"),
    }
    return nouns[flow].format(top=top)


def group_member_note(top: int, flow: str, year: int, publisher: str, lang: str = "en") -> str:
    """The map tooltip of a region a published statement puts in a top group, without a figure of its own."""
    _ = gettext_for(lang)
    return _("among {group}, {year} — {publisher}; no figure published").format(group=_group_noun(top, flow, lang), year=year, publisher=publisher)


def group_share_caption(top: int, flow: str, share_pct: float, qualifier: str, year: int, publisher: str, published: str, lang: str = "en") -> str:
    """``Published: the top 10 importers of Belarusian goods held almost 73% of Belarusian exports to Russia in 2022 (BelTA, 2023-04-12).``"""
    _ = gettext_for(lang)
    share = with_qualifier(_("{pct}%").format(pct=f"{share_pct:g}"), qualifier)
    totals = {"export": _("Belarusian exports to Russia"), "import": _("Belarusian imports from Russia"), "turnover": _("Belarus' trade with Russia")}
    return _("Published: {group} held {share} of {total} in {year} ({publisher}, {published}).").format(
        group=_group_noun(top, flow, lang), share=share, total=totals[flow], year=year, publisher=publisher, published=published
    )
