"""Choropleth maps of Russian regions for one year and flow: a static Altair map and an offline Folium map.

Regions without a full-year figure are drawn as "no data" (never as zero); Belarus is drawn as the
home country; Crimea and Sevastopol (UA-43, UA-40, annexed by Russia in 2014 and not recognised
internationally) stay in the boundary file with their ISO codes and are drawn neutral, without data.
Values are coloured on a log scale: Moscow and a small republic differ a hundredfold.
"""

import hashlib
import html
import itertools
import json
import math
from dataclasses import dataclass, replace
from functools import cache, cached_property

import altair as alt
import branca.colormap as cm
import folium
import pandas as pd

from turnover.charts import LABEL_TIERS, Framed, chart_template, figure_labels, for_width, framed, named, placement_columns, source_line
from turnover.extents import Extent, leaflet_bounds
from turnover.formatting import format_usd_mn
from turnover.labels import MAP_HEIGHT, map_label_sets, text_width
from turnover.paths import REPO_ROOT
from turnover.per_object import PerObject
from turnover.selection import rows
from turnover.spectemplate import Values
from turnover.texts import charts as words
from turnover.texts.labels import cited_source

NO_DATA = "#d9d9d9"
HOME = "#f1e6c8"
DISPUTED = "#f7f7f7"
OUTLINE = "#ffffff"
RANKED = "#cbb7e3"  # purple, as on the coverage grid: a published rank only
CATEGORY_COLOURS = {"home": HOME, "no_data": NO_DATA, "disputed": DISPUTED, "ranked": RANKED}  # legend words: texts.charts.map_categories
LEAFLET_BASE = "/app/static/leaflet"  # Streamlit's static serving of static/leaflet (vendored Leaflet 1.9.4)


def _category(props: dict, has_value: bool, in_group: bool = False) -> str:
    if props.get("country") == "BY":
        return "home"
    if props.get("country") == "UA":
        return "disputed"
    if has_value:
        return "value"
    return "ranked" if in_group else "no_data"


MARK_COLOURS = {"bound": "#d55e00", "earlier": "#1b1f24"}  # outlines of regions not drawn from the year's full-year figure
MARK_DASHES = {"bound": "", "earlier": "4,3"}


FIGURE_FIELDS = ("region", "year", "usd_mn", "shown", "period", "qualifier", "basis", "source_publisher", "source_published")  # what region_properties reads
GROUP_FIELDS = ("region", "top", "year", "publisher", "published")


def region_properties(collection: dict, table: pd.DataFrame, lang: str = "en", year: int | None = None, groups: pd.DataFrame | None = None, flow: str = "turnover") -> list[dict]:
    """Each boundary feature's properties with its region's figure, its period, qualifier text and source merged in.

    A ``table`` from ``aggregate.map_figures`` also gives each region its ``basis``: a lower bound or an
    earlier year is labelled so in ``shown``, explained in ``note`` and named in ``marking`` (the legend's words).
    ``groups`` (top_groups.top_groups) marks regions a published statement puts in a top group that have no figure.
    """
    members = {} if groups is None else {row["region"]: row for row in rows(groups, GROUP_FIELDS)}
    by_region = {row["region"]: row for row in rows(table, FIGURE_FIELDS)}
    markings = words.map_markings(lang)
    legend = words.map_categories(lang)
    regions = []
    for feature in collection["features"]:
        props = dict(feature["properties"])
        row = by_region.get(props["id"])
        category = _category(props, row is not None, props["id"] in members)
        props.update(
            name=props.get(f"name_{lang}") or props.get("name_en", ""),  # the tooltip's name, in the reader's language
            category=category,
            legend=legend.get(category, ""),
            usd_mn=None if row is None else float(row["usd_mn"]),
            shown="" if row is None else row["shown"],
            period="" if row is None else row["period"],
            source="" if row is None else cited_source(row["source_publisher"], row["source_published"], lang),
            basis="" if row is None else row["basis"],
            note="",
            marking="",
        )
        if props["basis"] in MARK_COLOURS:
            basis, figure_year = props["basis"], int(row["year"])
            props.update(
                shown=words.map_figure_label(basis, row["shown"], format_usd_mn(row["usd_mn"], lang), row["period"], figure_year, row["qualifier"], lang),
                note=words.map_basis_note(basis, row["period"], figure_year, year if year is not None else figure_year, lang),
                marking=markings[basis],
            )
        if category == "no_data":
            props["shown"] = words.no_figure_for_year(lang)
        if category == "ranked":
            member = members[props["id"]]
            props.update(shown=words.group_member_note(int(member["top"]), flow, int(member["year"]), member["publisher"], lang), source=cited_source(member["publisher"], member["published"], lang))
        if category == "home":
            props["note"] = words.home_note(lang)
        regions.append(props)
    return regions


SERVED_BOUNDARIES = {"regions-overview.geojson": REPO_ROOT / "static" / "boundaries" / "regions-overview.geojson"}  # written by geo/build_boundaries.py
SERVED_URL = "/app/static/boundaries"  # Streamlit's static serving of static/boundaries
REGION_FIELDS = ["id", "name", "category", "legend", "usd_mn", "shown", "period", "note", "source", "marking"]  # what the static map encodes


@dataclass(frozen=True)
class Boundary:
    """What the maps take from a boundary collection whatever the year.

    ``geometry``: its features with their geometry and id only (an export carries them inline); ``served``: the
    page's Vega-Lite data for them, the URL of a file the app serves (static/boundaries) when that file holds
    exactly this geometry, else None (the page carries it inline too). The browser fetches the file once and keeps
    it, so a change of year sends the regions' figures only (about 26 KB), not their 172 KB of geometry.
    """

    geometry: list[dict]
    served: dict | None

    @cached_property
    def east(self) -> list[dict]:
        """Each feature's geometry as Leaflet draws it (``_shift_east``): the interactive map's, made once."""
        return [_shift_east(f["geometry"]) for f in self.geometry]


def _boundary(collection: dict) -> Boundary:
    """The collection's ``Boundary`` (a few milliseconds of JSON): worked out once per collection by ``boundary``, as the
    app loads a boundary file once and hands the same object to every rerun."""
    geometry = [{"type": "Feature", "geometry": f["geometry"], "properties": {"id": f["properties"]["id"]}} for f in collection["features"]]
    return Boundary(geometry, _served(served_text(geometry)))


boundary = PerObject(_boundary, most=16)


def served_text(geometry: list[dict]) -> str:
    """The served file's text for these features: a FeatureCollection, one feature a line."""
    lines = ",\n".join(json.dumps(feature, ensure_ascii=False, separators=(",", ":")) for feature in geometry)
    return '{"type":"FeatureCollection","features":[\n' + lines + "\n]}\n"


def _served(text: str) -> dict | None:
    """The Vega-Lite data loading the served file whose text is ``text`` (versioned by its content, so a browser never
    keeps an old copy), or None when no served file holds it."""
    for name, path in SERVED_BOUNDARIES.items():
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            version = hashlib.sha256(text.encode()).hexdigest()[:12]
            return {"url": f"{SERVED_URL}/{name}?v={version}", "format": {"type": "json", "property": "features"}}
    return None


def _tooltip_fields(lang: str) -> list[tuple[str, str]]:
    """(property, title) of each tooltip line, on both maps."""
    titles = words.tooltip_titles(lang)
    return [("name", titles["region_name"]), ("shown", titles["shown"]), ("period", titles["period"]), ("note", words.map_note_title(lang)), ("source", titles["source"])]


def altair_map(collection: dict, table: pd.DataFrame, year: int, flow: str, extent: Extent | None = None, labelled: int = 5, lang: str = "en", since: int | None = None, groups: pd.DataFrame | None = None) -> Framed:
    """A static equal-area map (conic, centred on 100°E so Chukotka is not split) that exports cleanly.

    With an ``extent`` (see turnover.extents) the projection is centred on it and fitted to it, regions
    beyond the frame are clipped, and the ``labelled`` largest partners inside it carry their name and figure.
    """
    _map_templates(lang, extent is not None)
    regions = region_properties(collection, table, lang, year, groups, flow)
    categories = words.map_categories(lang)
    entry = max(text_width(categories[c]) for c in CATEGORY_COLOURS) + 32  # px: swatch, label and the gap to the next column
    marked = [basis for basis in MARK_COLOURS if any(props["basis"] == basis for props in regions)]
    beside = max((text_width(m) for m in {props["marking"] for props in regions} if m), default=-60) + 60  # px the outline legend takes beside the colour scale
    values = {
        "grey_columns": f"max(1, floor(width / {entry:.0f}))",
        "gradient_length": f"clamp(width - {beside:.0f} - 30, 120, 220)",
        "rotate": [-100, 0, 0] if extent is None else list(extent.rotate),
        "parallels": [52, 64] if extent is None else list(extent.parallels),
    }
    shapes = boundary(collection)
    datasets = {"boundaries": shapes.geometry, "regions": [{name: props.get(name) for name in REGION_FIELDS} for props in regions]}
    if extent is not None:
        values["fit"] = extent.fit
        labelled_table = table.assign(shown=figure_labels(table, lang))  # a lower bound says so on the map too
        placed, sets = map_label_sets(labelled_table, extent, extent.anchors, LABEL_TIERS, limit=labelled)
        datasets.update(named(pd.DataFrame({**placed.to_dict("list"), **placement_columns(sets, list(placed["region"]))}), "map_labels"))
    covered = int((table["basis"] == "full").sum())  # lower bounds and earlier years are not full-year figures of the year
    subtitle = [words.ranking_subtitle(words.unit(False, lang), year, lang, since)]
    footnote = [words.map_footnote(year, covered, lang)]
    chart = framed(_map_layout, values, (lang, tuple(marked), extent is not None), words.ranking_title(flow, year, lang), subtitle, source_line(table, lang=lang), datasets, footnote, labelled=extent is not None)
    return replace(chart, served={"boundaries": shapes.served}) if shapes.served else chart


@cache
def _map_templates(lang: str, fitted: bool) -> None:
    """Every marking variant of the map in ``lang`` built at its first map (a quarter of a second each, once per
    process): a year whose markings differ from those seen so far then costs no template build."""
    for count in range(len(MARK_COLOURS) + 1):
        for marked in itertools.combinations(MARK_COLOURS, count):
            chart_template(_map_layout, (lang, marked, fitted))


def _map_layout(v: Values, lang: str, marked: tuple[str, ...], fitted: bool) -> alt.LayerChart:  # pragma: no mutate block
    """Every region in its category's grey, the valued ones in the colour scale over it, outlines of the ``marked``
    bases (lower bounds, earlier years), and with an extent (``fitted``) the labels of the largest partners.

    The shapes are the ``boundaries`` (the same every year: the page loads them from a served file, see ``Boundary``),
    each given its region's row of the year's ``regions`` as its properties; both attached after serialisation
    (see Framed.spec). The boundaries are the layer's own data, so the page's spec can name their file in its place."""
    figures = alt.LookupData(data=alt.Data(name="regions"), key="id")
    shapes = alt.Chart().transform_lookup(lookup="properties.id", from_=figures, as_="properties")
    tooltip = [alt.Tooltip(f"properties.{name}:N", title=title) for name, title in _tooltip_fields(lang)]
    categories = words.map_categories(lang)
    grey = alt.Legend(title=None, orient="top", columns=alt.ExprRef(v.text("grey_columns")), gridAlign="all", labelLimit=0)  # above, in as many columns as the width holds
    base = (  # every region, so the projection fits the whole country; the valued ones are drawn over it
        shapes
        .mark_geoshape(stroke=OUTLINE, strokeWidth=0.4, clip=True)
        .encode(color=alt.Color("properties.legend:N", scale=alt.Scale(domain=[categories[c] for c in CATEGORY_COLOURS], range=list(CATEGORY_COLOURS.values())), legend=grey), tooltip=tooltip)
    )
    valued = (
        shapes
        .mark_geoshape(stroke=OUTLINE, strokeWidth=0.4, clip=True)
        .transform_filter("datum.properties.category == 'value'")
        .encode(
            color=alt.Color(
                "properties.usd_mn:Q",
                title=words.map_value_legend(lang),
                scale=alt.Scale(type="log", scheme="viridis", reverse=True),
                legend=alt.Legend(orient="bottom", gradientLength=alt.ExprRef(v.text("gradient_length")), format=",.0f", tickCount=4),  # both legends fit a phone's row
            ),
            tooltip=tooltip,
        )
    )
    layers = [base, valued, *_marked_layers(shapes, marked, tooltip, lang)]
    projection = {"rotate": v.numbers("rotate", 3), "parallels": v.numbers("parallels", 2)}
    if fitted:
        projection["fit"] = v.feature("fit")
        layers += _label_layers()
    return alt.layer(*layers, data=alt.Data(name="boundaries")).project(type="conicEqualArea", **projection).resolve_scale(color="independent").properties(width="container", height=MAP_HEIGHT)


def _marked_layers(shapes: alt.Chart, used: tuple[str, ...], tooltip: list, lang: str) -> list:  # pragma: no mutate block
    """Outlines of the regions drawn from a lower bound (solid vermilion) or an earlier year (dashed), with their legend."""
    if not used:
        return []
    markings = words.map_markings(lang)
    domain = [markings[basis] for basis in used]
    stroke = alt.Stroke("properties.marking:N", scale=alt.Scale(domain=domain, range=[MARK_COLOURS[b] for b in used]), legend=alt.Legend(title=None, orient="bottom", symbolType="square", symbolStrokeWidth=2, labelLimit=0))
    dash = alt.StrokeDash("properties.marking:N", scale=alt.Scale(domain=domain, range=[[int(d) for d in MARK_DASHES[b].split(",")] if MARK_DASHES[b] else [1, 0] for b in used]), legend=None)
    outline = shapes.mark_geoshape(filled=False, strokeWidth=1.8, clip=True).transform_filter("datum.properties.marking != ''").encode(stroke=stroke, strokeDash=dash, tooltip=tooltip)
    return [outline]


def _label_layers() -> list:  # pragma: no mutate block
    """A dot on each labelled region and its name and figure beside it, on a white halo (placed by
    labels.map_label_sets for the drawn width: a label that does not fit there is left out with its dot)."""
    labels = alt.Chart(alt.Data(name="map_labels")).transform_filter(f"isValid({for_width('align')})")  # only those that fit at the drawn width
    where = {"longitude": "lon:Q", "latitude": "lat:Q"}
    dot = labels.mark_circle(size=20, color="#1b1f24", opacity=1).encode(**where)
    offsets = {name: alt.ExprRef(for_width(name)) for name in ("dx", "dy", "align")} | {"baseline": "alphabetic", "fontSize": 11}
    halo = labels.mark_text(**offsets, stroke="#ffffff", strokeWidth=3, strokeJoin="round", opacity=0.85).encode(**where, text="label:N")
    text = labels.mark_text(**offsets, color="#1b1f24").encode(**where, text="label:N")
    return [dot, halo, text]


def value_colour_scale(table: pd.DataFrame) -> cm.LinearColormap:
    """Reversed viridis over log10 of the year's values (the same scheme as the Altair map)."""
    colours = list(reversed(cm.linear.viridis.colors))
    low, high = _log_range(table)
    return cm.LinearColormap(colours, vmin=low, vmax=high)


def _log_range(table: pd.DataFrame) -> tuple[float, float]:
    if table.empty:
        return 0.0, 1.0
    low, high = math.log10(table["usd_mn"].min()), math.log10(table["usd_mn"].max())
    return (low, high) if high > low else (low - 0.5, high + 0.5)


def legend_steps(table: pd.DataFrame, steps: int = 5) -> pd.DataFrame:
    """Colour swatches with their values, for a legend drawn outside the Folium map (a branca legend would pull d3 from a CDN)."""
    scale = value_colour_scale(table)
    low, high = _log_range(table)
    points = [low + (high - low) * i / (steps - 1) for i in range(steps)]
    return pd.DataFrame({"usd_mn": [10**p for p in points], "colour": [scale(p) for p in points]})


def _shift_east(geometry: dict) -> dict:  # pragma: no mutate block
    """Leaflet draws longitudes as given: move the western hemisphere (Chukotka's tip) by +360° so it joins the rest.
    A new geometry; the points east of 0° are shared with the given one, which is left as it is."""

    def shifted(coords: list) -> list:
        if coords and isinstance(coords[0], (int, float)):
            return [coords[0] + 360, *coords[1:]] if coords[0] < 0 else coords
        return [shifted(part) for part in coords]

    return {**geometry, "coordinates": shifted(geometry["coordinates"])}


def folium_map(collection: dict, table: pd.DataFrame, extent: Extent | None = None, lang: str = "en", year: int | None = None, groups: pd.DataFrame | None = None, flow: str = "turnover") -> folium.Map:
    """An interactive map that needs no internet: local Leaflet, no tiles, escaped tooltips, no colour legend inside.

    It opens fitted to the ``extent``'s bounds (all of Russia without one), zooming in fractional steps so the fit is tight.
    """
    scale = value_colour_scale(table)
    features = []
    for geometry, props in zip(boundary(collection).east, region_properties(collection, table, lang, year, groups, flow)):
        text = {key: html.escape(str(props[key] or "")) for key in ("name", "shown", "period", "note", "source")}
        fill = scale(math.log10(props["usd_mn"])) if props["category"] == "value" else CATEGORY_COLOURS[props["category"]]
        line = {"color": MARK_COLOURS[props["basis"]], "weight": 2, "dashArray": MARK_DASHES[props["basis"]]} if props["basis"] in MARK_COLOURS else {"color": "#ffffff", "weight": 0.6, "dashArray": ""}
        features.append({"type": "Feature", "geometry": geometry, "properties": {"id": props["id"], "fill": fill, **line, **text}})
    tips = _tooltip_fields(lang)
    figure = folium.Map(location=[60, 75], zoom_start=3, min_zoom=2, tiles=None, control_scale=False, attribution_control=False, zoom_snap=0.25, zoom_delta=0.5, keyboard=False)  # no keyboard: a focusable map scrolled into view on the first mousedown and lost that click
    figure.default_js = [("leaflet", f"{LEAFLET_BASE}/leaflet.js")]
    figure.default_css = [("leaflet_css", f"{LEAFLET_BASE}/leaflet.css")]
    figure.get_root().header.add_child(folium.Element("<style>.leaflet-container {background: #ffffff;}</style>"))
    folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name="regions",
        style_function=lambda f: {"fillColor": f["properties"]["fill"], "color": f["properties"]["color"], "weight": f["properties"]["weight"], "dashArray": f["properties"]["dashArray"], "fillOpacity": 0.9, "className": f"region-{f['properties']['id']}"},
        highlight_function=lambda f: {"weight": 2, "color": "#1b1f24"},
        tooltip=folium.GeoJsonTooltip(fields=[name for name, _ in tips], aliases=[title for _, title in tips], sticky=True),
    ).add_to(figure)
    figure.fit_bounds(leaflet_bounds(extent) if extent else [[41, 19], [78, 190]])
    return figure


def legend_spec(table: pd.DataFrame, flow: str, lang: str = "en") -> dict:  # pragma: no mutate block
    """A compact colour legend for the Folium map: the log scale's swatches on one row, the grey categories below."""
    steps = legend_steps(table)
    rows = [{"label": format_usd_mn(v, lang), "colour": c, "row": 0, "column": i} for i, (v, c) in enumerate(zip(steps["usd_mn"], steps["colour"]))]
    categories = words.map_categories(lang)
    rows += [{"label": categories[category], "colour": colour, "row": 1, "column": i} for i, (category, colour) in enumerate(CATEGORY_COLOURS.items())]
    markings = words.map_markings(lang)
    used = [basis for basis in MARK_COLOURS if (table["basis"] == basis).any()]
    rows += [{"label": markings[basis], "colour": MARK_COLOURS[basis], "row": 2, "column": i} for i, basis in enumerate(used)]  # a row of their own: no label overlaps
    data = alt.Data(values=rows)
    x = alt.X("column:O", axis=None, scale=alt.Scale(paddingOuter=0, align=0))
    y = alt.Y("row:O", axis=None, scale=alt.Scale(range=[10, 40 if not used else 70]))
    swatch = alt.Chart(data).mark_square(size=160, stroke="#999999", strokeWidth=0.5, align="left").encode(x=x, y=y, color=alt.Color("colour:N", scale=None))
    text = alt.Chart(data).mark_text(align="left", dx=10, fontSize=11).encode(x=x, y=y, text="label:N")
    title = alt.TitleParams(words.folium_legend_title(flow, lang), fontSize=11, anchor="start", offset=4)
    return (swatch + text).properties(height=56 if not used else 86, width="container", title=title).to_dict(validate=False)


def clicked_region(returned: dict | None, known) -> str | None:
    """The region a click on the Folium map chose, from what st_folium returns (``last_active_drawing``).

    None when nothing was clicked or the id is not a region with a profile (``known``: a Belarusian
    region has none). st_folium keeps returning the last click on every rerun of the same map, so the page
    draws a new map (a new key) after each visit to a profile, and the first click on it always counts.
    """
    feature = (returned or {}).get("last_active_drawing") or {}
    region = (feature.get("properties") or {}).get("id")
    return region if region and region in known else None
