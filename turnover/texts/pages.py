"""Page titles, headings, captions, notices and widget labels of the dashboard's pages and sidebar."""

from turnover.i18n import N_, gettext_for, ngettext_for
from turnover.texts.labels import flow_label


def app_title(lang: str = "en") -> str:
    """The browser tab's title."""
    _ = gettext_for(lang)
    return _("Belarus – Russian regions: trade")


def page_titles(lang: str = "en") -> dict[str, str]:
    """Navigation entries, by page."""
    _ = gettext_for(lang)
    return {"map": _("Map"), "region": _("Region profile"), "compare": _("Compare"), "sources": _("Sources and data"), "curate": _("Curate")}


def nothing_loaded(folder: str, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("No figure could be loaded from {folder}; the problems found are listed below.").format(folder=folder)


def data_summary(figures: int, regions: int, sources: int, lang: str = "en") -> str:
    """The sidebar's count line: ``383 published figures, 70 regions, 120 sources.``"""
    _ = gettext_for(lang)
    ngettext = ngettext_for(lang)
    return _("{figures}, {regions}, {sources}.").format(
        figures=ngettext("{count} published figure", "{count} published figures", figures).format(count=figures),
        regions=ngettext("{count} region", "{count} regions", regions).format(count=regions),
        sources=ngettext("{count} source", "{count} sources", sources).format(count=sources),
    )


def data_problems(refused: int, warned: int, lang: str = "en") -> str:
    """The problem panel's title: how many rows or files were left out, and how many kept rows carry a warning."""
    _ = gettext_for(lang)
    ngettext = ngettext_for(lang)
    parts = []
    if refused:
        parts.append(ngettext("{count} input problem: rows or files left out; every other row is shown", "{count} input problems: rows or files left out; every other row is shown", refused).format(count=f"{refused:,}"))
    if warned:
        parts.append(ngettext("{count} warning on rows that were kept", "{count} warnings on rows that were kept", warned).format(count=f"{warned:,}"))
    return _("; ").join(parts)


def shown_problems(total: int, shown: int, lang: str = "en") -> str:
    """Under the panel's table: how much of the list is on screen and where the rest is."""
    ngettext = ngettext_for(lang)
    if total <= shown:
        return ngettext("{count} problem listed.", "All {count} problems listed.", total).format(count=f"{total:,}")
    return ngettext(
        "The first {shown} of {count} problem are listed; download the report for all of them.",
        "The first {shown} of {count} problems are listed; download the report for all of them.",
        total,
    ).format(shown=f"{shown:,}", count=f"{total:,}")


def problem_report_download(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Download the problem report (CSV)")


def downloads_heading(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Downloads")


def downloads_caption(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Each file holds only the rows that passed the checks (the problems panel lists the others); cells a spreadsheet would run as a formula start with an apostrophe.")


def download_file(name: str, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Download {name}").format(name=name)


def download_refused(name: str, reason: str, lang: str = "en") -> str:
    """Why a data file is not offered: its whole-file problem, or (no reason) none of its rows passed the checks."""
    _ = gettext_for(lang)
    if reason:
        return _("{name} is not offered for download: {reason}.").format(name=name, reason=reason)
    return _("{name} is not offered for download: none of its rows passed the checks.").format(name=name)


def download_found(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Download the table above with derived columns (CSV)")


def filter_labels(lang: str = "en") -> dict[str, str]:
    """The sidebar's filters."""
    _ = gettext_for(lang)
    return {"region": _("Region"), "year": _("Year"), "flow": _("Flow"), "briefing": _("Briefing view")}


def language_label(lang: str = "en") -> str:
    """The sidebar's language switch."""
    _ = gettext_for(lang)
    return _("Language")


LANGUAGE_NAMES = {"en": "English", "ru": "Русский"}  # each in its own language, never translated: a reader finds theirs


def language_names() -> dict[str, str]:
    """The language switch's options: each language by its own name, whatever the page's language."""
    return dict(LANGUAGE_NAMES)


def file_names(flow: str, year: int, lang: str = "en") -> dict[str, str]:
    """The words of download file names, by export (made into a file name by ``exporting.file_slug``)."""
    _ = gettext_for(lang)
    flow_text = flow_label(flow, lang)
    return {
        "map": _("map {flow} {year}").format(flow=flow_text, year=year),
        "ranking": _("ranking {flow} {year}").format(flow=flow_text, year=year),
        "compare": _("compare {flow}").format(flow=flow_text),
        "districts": _("districts {flow} {year}").format(flow=flow_text, year=year),
        "coverage": _("coverage {flow}").format(flow=flow_text),
    }


def region_file_name(name: str, flow: str, lang: str = "en") -> str:
    """The words of the file names of a region's series chart."""
    _ = gettext_for(lang)
    return _("{region} {flow}").format(region=name, flow=flow_label(flow, lang))


SLIDE_FLOWS = {"turnover": N_("turnover"), "export": N_("export"), "import": N_("import")}  # one word each: a file name stays short


def slide_file_words(subject: str, flow: str, period: str, lang: str = "en") -> str:
    """The words of a slide's file name: ``Belarus Smolensk Oblast turnover 2023``; ``Беларусь Смоленская область товарооборот 2023``."""
    _ = gettext_for(lang)
    return _("Belarus {subject} {flow} {period}").format(subject=subject, flow=_(SLIDE_FLOWS[flow]), period=period)


def data_file_names(lang: str = "en") -> dict[str, str]:
    """The words of the file names of downloads that are not of one flow and year."""
    _ = gettext_for(lang)
    return {"found": _("figures with sources"), "problems": _("problems")}


def regions_placeholder(lang: str = "en") -> str:
    """What an empty choice of regions says (Streamlit's own "Choose options" is English only)."""
    _ = gettext_for(lang)
    return _("Choose regions")


def briefing_help(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Hides the sidebar and menus for a clean screenshot; the link keeps ?briefing=1.")


def region_option(name: str, region: str, lang: str = "en") -> str:
    """A region in a list of choices: ``Smolensk Oblast (RU-SMO)``."""
    _ = gettext_for(lang)
    return _("{name} ({id})").format(name=name, id=region)


def leave_briefing(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Leave briefing view")


def download_labels(lang: str = "en") -> dict[str, str]:
    """A chart's download buttons."""
    _ = gettext_for(lang)
    return {"png": _("Download PNG"), "svg": _("Download SVG"), "slide_png": _("PNG for a slide")}


def slide_download(lang: str = "en") -> str:
    """The button that makes a PowerPoint slide of the page's chart."""
    _ = gettext_for(lang)
    return _("Download slide")


def slide_download_help(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("A 16:9 PowerPoint slide: the title, the chart as a picture, the key figures as editable text and the source line.")


def map_slide_subject(lang: str = "en") -> str:
    """What a map slide's file is named after: ``belarus-russian-regions-turnover-2023.pptx``."""
    _ = gettext_for(lang)
    return _("Russian regions")


def map_slide_heading(year: int, lang: str = "en") -> tuple[str, str, str]:
    """The header row of a map slide's ranking table."""
    _ = gettext_for(lang)
    return _("Rank"), _("Region"), _("Full year {year}").format(year=year)


# Map
def map_title(year: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Belarus and the regions of Russia, {year}").format(year=year)


def map_heading(flow: str, year: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("{flow}, full year {year}").format(flow=flow_label(flow, lang), year=year)


def map_caption(year: int, regions: int, lang: str = "en") -> str:
    ngettext = ngettext_for(lang)
    _ = gettext_for(lang)
    counted = ngettext(
        "Full year {year}: {count} Russian region with a published figure; grey regions have none (not zero).",
        "Full year {year}: {count} Russian regions with a published figure; grey regions have none (not zero).",
        regions,
    ).format(year=year, count=regions)
    rules = _(
        "Partial-year figures are never mapped or ranked as full years; they are on each region's profile. "
        "Crimea and Sevastopol (ISO UA-43, UA-40) are drawn neutral and carry no figures: the data covers "
        "Russia's internationally recognised regions."
    )
    return _("{counted} {rules}").format(counted=counted, rules=rules)


def map_unavailable(error: str, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("The map cannot be drawn: {error}. The ranking, profiles and sources still work.").format(error=error)


def map_styles(lang: str = "en") -> dict[str, str]:
    """The map style switch's options, by style."""
    _ = gettext_for(lang)
    return {"static": _("Static map"), "interactive": _("Interactive map")}


def map_style_label(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Map")


def map_style_help(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("The static map exports to PNG/SVG; the interactive one zooms, shows a region on hover and opens its profile on a click.")


def map_years_caption(counts: list[tuple[int, int]], lang: str = "en") -> str:
    """``17 regions show 2024, 9 show 2023, 6 show 2022.``: how many regions each year's figures colour, latest first."""
    _, ngettext = gettext_for(lang), ngettext_for(lang)
    parts = [
        ngettext("{count} region shows {year}", "{count} regions show {year}", count).format(count=count, year=year)
        if i == 0
        else ngettext("{count} shows {year}", "{count} show {year}", count).format(count=count, year=year)
        for i, (year, count) in enumerate(counts)
    ]
    return _("{parts}.").format(parts=_(", ").join(parts))


def map_bounds_caption(count: int, year: int, lang: str = "en") -> str:
    ngettext = ngettext_for(lang)
    return ngettext(
        "{count} region without a full-year figure for {year} shows its partial year as a lower bound: the year's total is at least the part, as published.",
        "{count} regions without a full-year figure for {year} show their partial year as a lower bound: the year's total is at least the part, as published.",
        count,
    ).format(count=count, year=year)


def map_control_labels(lang: str = "en") -> dict[str, str]:
    """The map page's controls, by control."""
    _ = gettext_for(lang)
    return {
        "bounds": _("Partial years as lower bounds"),
        "tolerance": _("Also show the latest full year up to N years earlier"),
        "extent": _("Extent"),
    }


def map_control_help(lang: str = "en") -> dict[str, str]:
    _ = gettext_for(lang)
    return {
        "bounds": _("A region with no full-year figure but a partial year of the same year is shown with that figure as a lower bound of the full year, marked as such."),
        "tolerance": _("0: only the chosen year. Regions drawn from an earlier full year are marked and say which year."),
        "extent": _("The part of Russia both maps are fitted to."),
    }


def extent_names(lang: str = "en") -> dict[str, str]:
    """The map extents' names, by extent (turnover.extents)."""
    _ = gettext_for(lang)
    return {"europe": _("European Russia and Belarus"), "russia": _("All of Russia"), "urals_siberia": _("Urals and Siberia"), "far_east": _("Far East")}


def no_full_year(year: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("No full-year figures for {year}. Choose another year in the sidebar.").format(year=year)


# Region profile
def region_title(name: str, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Belarus – {region}").format(region=name)


def region_caption(name_ru: str, region: str, flow: str, year: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("{name_ru} · {id} · {flow} · selected year {year}").format(name_ru=name_ru, id=region, flow=flow_label(flow, lang), year=year)


def no_flow_figures(flow: str, name: str, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("No {flow} figures for {region}. Try another flow in the sidebar.").format(flow=flow_label(flow, lang).lower(), region=name)


def like_for_like(changes: list[str], lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Like-for-like change on the same months of the year before: {changes}").format(changes=_("; ").join(changes))


def figures_heading(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Every figure and its source")


def no_figures(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("None.")


# Compare
def compare_title(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Compare regions")


def compare_heading(flow: str, year: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("{flow}; federal districts and shares for {year}").format(flow=flow_label(flow, lang), year=year)


def regions_label(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Regions")


def choose_regions(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Choose one or more regions.")


def districts_heading(year: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Federal districts, {year}").format(year=year)


def shares_heading(year: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Share of Belarus' trade with Russia, {year}").format(year=year)


def no_national_total(year: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("No national full-year figure for {year}, so no shares can be computed.").format(year=year)


def national_total(year: int, shown: str, source: str, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _(
        "National total {year}: {figure} ({source}). Regional and national figures often come from different statistics; shares are indicative."
    ).format(year=year, figure=shown, source=source)


# Sources and data
def sources_title(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Sources and data")


def sources_caption(figures: int, sources: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    ngettext = ngettext_for(lang)
    return _(
        "{figures} from {sources}. Every figure is as published; US$ values of rouble figures are converted at the year's average rate (data/fx.csv)."
    ).format(
        figures=ngettext("{count} published figure", "{count} published figures", figures).format(count=figures),
        sources=ngettext("{count} source", "{count} sources", sources).format(count=sources),
    )


def search_labels(lang: str = "en") -> dict[str, str]:
    _ = gettext_for(lang)
    return {"query": _("Search: every word must match (a value such as 4.4 or $4.4bn, region, period, publisher, kind of source)"), "regions": _("Regions"), "conflicts": _("Only conflicting figures")}


def found_caption(found: int, total: int, shown: int, lang: str = "en") -> str:
    """``12 of 383 figures.``; past the table's limit, how many are shown and where the rest are."""
    ngettext = ngettext_for(lang)
    _ = gettext_for(lang)
    counted = ngettext("{found} of {count} figure", "{found} of {count} figures", total).format(found=found, count=total)
    if found > shown:
        return _("{counted}; the first {shown:,} are shown: narrow the search, or download them all below.").format(counted=counted, shown=shown)
    return _("{counted}.").format(counted=counted)


def conflicts_heading(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Conflicts between sources")
