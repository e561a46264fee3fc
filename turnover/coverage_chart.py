"""The coverage grid as a chart: one coloured cell per Russian region and year, each a link to that profile.

The spec carries one row per region and one per known cell, not one per cell: the browser spans each
region over the years (``sequence`` + ``flatten``) and looks the known cells up, so 83 regions × 30
years send about a tenth of the grid's bytes.
"""

import json

import altair as alt
import pandas as pd

from turnover.charts import NAMED, Framed, framed, named
from turnover.coverage import profile_link
from turnover.spectemplate import Values
from turnover.texts import coverage as words

KNOWN_COLOURS = ["#1f5f8b", "#9ecae1", "#e69f00", "#cc79a7", "#eeeeee"]  # dark blue, light blue, orange, purple, grey (named in the legend)
CELL = 16  # pixels per year and per region
LEGEND_COLUMNS = 3  # the legend's entries in rows of three: in one row the Russian ones ran past the page's column beside the sidebar
CELL_FIELDS = ["figure", "period", "source", "rank_text", "known"]


def coverage_chart(cells: pd.DataFrame, flow: str, figures: int, ranks: int, linkable: tuple[set, set], order: str = "district", page_url: str = "", lang: str = "en") -> Framed:
    """Regions × years coloured by what is known, grouped by federal district or most known first.

    ``cells`` is ``coverage.ordered(grid)``; ``linkable`` the (regions, years) the region profile can
    show: a click on such a cell opens ``region?region=..&flow=..&year=..`` beside ``page_url`` (the page's address in
    the browser, so the link also works in an exported SVG); other cells lead nowhere.
    """
    labels = words.known_labels(lang)
    first, last = int(cells["year"].min()), int(cells["year"].max())
    regions, years = linkable
    rows = cells.drop_duplicates("region")[["region", "region_name", "district_name", "row", "district_order"]]
    rows = rows.assign(link=[profile_link(region, flow, page_url) if region in regions else None for region in rows["region"]])
    known = cells[cells["known"] != "none"]
    known = known.assign(key=known["region"] + "|" + known["year"].astype(str))[["key", *CELL_FIELDS]]
    kinds = pd.DataFrame({"known": list(labels), "known_text": list(labels.values())})
    link_years = json.dumps(sorted(int(year) for year in years if first <= year <= last))
    values = {"years": f"sequence({first}, {last + 1})", "href": f"datum.link && indexof({link_years}, datum.year) >= 0 ? datum.link + '&year=' + datum.year : null"}
    datasets = {**named(rows), **named(known, "known"), **named(kinds, "kinds")}
    subtitle = [words.chart_subtitle(first, last, lang)]
    return framed(_grid_layout, values, (lang, order == "district"), words.chart_title(flow, lang), subtitle, words.source_line(figures, ranks, lang), datasets, [words.chart_footnote(lang)])


def _grid_layout(v: Values, lang: str, by_district: bool) -> alt.TopLevelMixin:
    """A cell per region and year (spanned in the browser), coloured by what is known, linking to the profile; in
    rows per federal district when ``by_district``."""
    labels = words.known_labels(lang)
    tooltip = [alt.Tooltip(f"{name}:N", title=title) for name, title in words.tooltip_titles(lang).items() if name != "region"]
    rect = (
        alt.Chart(NAMED)
        .transform_calculate(year=v.text("years"))
        .transform_flatten(["year"])
        .transform_calculate(key="datum.region + '|' + datum.year")
        .transform_lookup(lookup="key", from_=alt.LookupData(data=alt.Data(name="known"), key="key", fields=CELL_FIELDS), default="")
        .transform_calculate(known="datum.known || 'none'")
        .transform_lookup(lookup="known", from_=alt.LookupData(data=alt.Data(name="kinds"), key="known", fields=["known_text"]))
        .transform_calculate(href=v.text("href"))
        .mark_rect(stroke="white", strokeWidth=1, cursor="pointer")
        .encode(
            x=alt.X("year:O", title=None, axis=alt.Axis(orient="top", labelAngle=-90, labelOverlap=False)),
            y=alt.Y("region_name:N", title=None, sort=alt.EncodingSortField("row"), axis=alt.Axis(labelLimit=260)),
            color=alt.Color(
                "known_text:N",
                scale=alt.Scale(domain=list(labels.values()), range=KNOWN_COLOURS),
                legend=alt.Legend(title=None, orient="top", direction="horizontal", columns=LEGEND_COLUMNS, labelLimit=260),
            ),
            href=alt.condition("isValid(datum.href)", alt.Href("href:N"), alt.value(None)),
            tooltip=tooltip,
        )
        .properties(width=alt.Step(CELL), height=alt.Step(CELL))
    )
    if not by_district:
        return rect
    header = alt.Header(title=None, labelAngle=0, labelAlign="left", labelAnchor="start", labelFontWeight="bold", labelOrient="top", labelPadding=4)
    return rect.facet(row=alt.Row("district_name:N", sort=alt.EncodingSortField("district_order"), header=header), spacing=6).resolve_scale(y="independent")
