"""The words of charts and maps: titles, subtitles, axis and legend titles, tooltips, source lines."""

from turnover.formatting import format_share
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
    """The series chart's legend entries: full year (in dollars as published), approximate or bound (drawn hollow);
    the same converted from roubles (squares); partial year (a span over its months, apart from the line); each
    side's statistics where both sides give a figure. Short: on a phone the legend has one column of under 300 px."""
    _ = gettext_for(lang)
    return (
        _("Full year"),
        _("Full year, approximate or bound"),
        _("Full year, converted from roubles"),
        _("Converted from roubles, approximate or bound"),
        _("Partial year: its months only"),
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


def years(first: int, last: int, lang: str = "en") -> str:
    """``2012–2025``, or ``2023`` for a single year."""
    _ = gettext_for(lang)
    return str(first) if first == last else _("{first}–{last}").format(first=first, last=last)


def unit_and_period(unit_text: str, period: str, lang: str = "en") -> str:
    """Every chart's subtitle, one short line: ``US$ billion · 2012–2025``. The rules go to the legend and the footnote."""
    _ = gettext_for(lang)
    return _("{unit} · {period}").format(unit=unit_text, period=period)


def series_subtitle(unit_text: str, first: int, last: int, lang: str = "en") -> str:
    return unit_and_period(unit_text, years(first, last, lang), lang)


def series_footnote(partial: bool, lang: str = "en") -> str:
    """The series chart's rule not shown by its legend (where the line breaks), and, with ``partial`` years drawn, that they stand apart."""
    _ = gettext_for(lang)
    if partial:
        return _("The line breaks at a missing year or a change of basis; partial years are not comparable with full years.")
    return _("The line breaks at a missing year or a change of basis.")


def partial_label(period: str, shown: str, lang: str = "en") -> str:
    """The label beside a partial year's span: ``Jan–Sep 2024: $3.1bn``."""
    _ = gettext_for(lang)
    return _("{period}: {figure}").format(period=period, figure=shown)


def ranking_title(flow: str, year: int, lang: str = "en") -> str:
    """The ranking's and the static map's title."""
    _ = gettext_for(lang)
    return _("{flow} with Belarus by Russian region, {year}").format(flow=flow_label(flow, lang), year=year)


def ranking_subtitle(unit_text: str, year: int, lang: str = "en", since: int | None = None) -> str:
    """``US$ million · 2023``; with ``since``, regions may show an earlier full year: ``US$ million · 2023, or the latest full year since 2021``."""
    _ = gettext_for(lang)
    if since is not None and since < year:
        return unit_and_period(unit_text, _("{year}, or the latest full year since {since}").format(year=year, since=since), lang)
    return unit_and_period(unit_text, str(year), lang)


def ranking_footnote(shown: int, ranked: int, lighter: bool, lang: str = "en") -> str:
    """How many of how many regions the bars show, and (when some are) that lighter bars are approximate or bound."""
    _, ngettext = gettext_for(lang), ngettext_for(lang)
    if shown < ranked:
        text = ngettext("Top {shown} of {count} region with a figure.", "Top {shown} of {count} regions with a figure.", ranked)
    else:
        text = ngettext("The {count} region with a figure.", "All {count} regions with a figure.", ranked)
    text = text.format(shown=shown, count=ranked)
    return _("{text} Lighter bars: approximate or bound.").format(text=text) if lighter else text


def compare_title(flow: str, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("{flow} with Belarus: regions compared").format(flow=flow_label(flow, lang))


def compare_subtitle(unit_text: str, first: int | None, last: int | None, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return unit_and_period(unit_text, _("no figures") if first is None or last is None else years(first, last, lang), lang)


def compare_footnote(hollow: bool, lang: str = "en") -> str:
    """The compare chart has no legend (each line is named at its end): its rules, hollow points only when some are drawn."""
    _ = gettext_for(lang)
    if hollow:
        return _("Full years only; a line breaks at a year without a figure. Hollow points: approximate or bound.")
    return _("Full years only; a line breaks at a year without a figure.")


def district_title(flow: str, year: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("{flow} with Belarus by federal district, {year}").format(flow=flow_label(flow, lang), year=year)


def district_subtitle(year: int, lang: str = "en") -> str:
    return unit_and_period(unit(True, lang), str(year), lang)


def district_footnote(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Sums of the regions that have a figure, not district totals.")


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
    return {"home": _("Belarus"), "no_data": _("No figure (not zero)"), "disputed": _("Crimea (not covered)"), "ranked": _("In a published top group, no figure")}


def no_figure_for_year(lang: str = "en") -> str:
    """The tooltip's figure for a region without one (never zero)."""
    _ = gettext_for(lang)
    return _("no figure for this year")


def map_value_legend(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("US$ million (log scale)")


def map_footnote(year: int, covered: int, lang: str = "en") -> str:
    """The static map's count of regions coloured by a full-year figure of the year (its unit and period: ``ranking_subtitle``)."""
    ngettext = ngettext_for(lang)
    return ngettext(
        "Log colour scale; {count} region with a full-year figure for {year}.",
        "Log colour scale; {count} regions with a full-year figure for {year}.",
        covered,
    ).format(year=year, count=covered)


def folium_legend_title(flow: str, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("{flow}, full year, US$ (log colour scale)").format(flow=flow_label(flow, lang))


def map_figure_label(basis: str, shown: str, plain: str, period: str, year: int, qualifier: str = "exact", lang: str = "en") -> str:
    """A ranking bar's label: the figure, or a partial year standing as a lower bound of its full year, with its
    period, or ``$1.2bn (2022)`` for an earlier full year.

    A bound carries the partial figure's own ``qualifier`` (``shown`` has it, ``plain`` is the bare figure):
    exact ``at least $9bn (Jan–Oct 2023)``; "about" and "almost" ``about $9bn or more (Jan–Oct 2023)`` (the full
    year is at least the partial figure, which itself is only about, or almost, $9bn); "over" ``over $9bn
    (Jan–Oct 2023)`` (over the partial figure is over it for the full year too).
    """
    _ = gettext_for(lang)
    if basis == "bound":
        if qualifier == "exact":
            return _("at least {figure} ({period})").format(figure=plain, period=period)
        if qualifier == "at_least":
            return _("{figure} ({period})").format(figure=shown, period=period)
        return _("{figure} or more ({period})").format(figure=shown, period=period)
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
    """Legend entries of the marked regions and bars, by basis (short: on a phone the map's legend shares a row with the colour scale)."""
    _ = gettext_for(lang)
    return {"full": _("Full year"), "bound": _("Partial year, a lower bound"), "earlier": _("Earlier full year")}


def map_note_title(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Note")


def home_note(lang: str = "en") -> str:
    """The tooltip note of a Belarusian region on the map: clicking it opens nothing."""
    _ = gettext_for(lang)
    return _("A region of Belarus: no profile (the profiles are of Russian regions)")


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
    share = format_share(share_pct, qualifier, lang)
    totals = {"export": _("Belarusian exports to Russia"), "import": _("Belarusian imports from Russia"), "turnover": _("Belarus' trade with Russia")}
    return _("Published: {group} held {share} of {total} in {year} ({publisher}, {published}).").format(
        group=_group_noun(top, flow, lang), share=share, total=totals[flow], year=year, publisher=publisher, published=published
    )
