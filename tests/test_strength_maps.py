"""turnover/maps.py's rules: what each region's shape says (category, legend entry, figure, period, source, note,
marking), what the static map's frame says (title, subtitle, footnote, source line, labels, outline legend) and the
interactive map's colour legend.

Expected values are computed from the rows each test writes.
"""

import math
import re

import pandas as pd
import pytest

from tests.conftest import REGIONS, SOURCES
from tests.test_rules_aggregate import csv_text
from turnover.aggregate import map_figures
from turnover.charts import source_line
from turnover.dataset import load_dataset
from turnover.extents import make_extent
from turnover.formatting import format_usd_mn
from turnover.maps import CATEGORY_COLOURS, altair_map, legend_spec, legend_steps, region_properties
from turnover.texts.charts import map_categories, map_markings
from turnover.top_groups import top_groups

# region, year, months, flow, value (USD bn), qualifier, coverage, source
ROWS = [
    ("RU-SMO", 2024, 12, "turnover", 4.0, "exact", "goods", "belta-1"),  # the year's full-year figure
    ("RU-MOW", 2024, 10, "turnover", 9.0, "approx", "goods", "ria-1"),  # a partial year: a lower bound
    ("RU-TA", 2022, 12, "turnover", 2.0, "exact", "goods", "interfax-1"),  # an earlier full year
]
PUBLISHED = {line.split(",")[0]: (line.split(",")[1], line.split(",")[4]) for line in SOURCES.splitlines()[1:]}  # id -> publisher, date
COUNTRY = {"RU-SMO": "RU", "RU-MOW": "RU", "RU-TA": "RU", "RU-BRY": "RU", "BY-MI": "BY", "UA-43": "UA"}
COUNTRY_OF = COUNTRY | {"RU-KLU": "RU", "RU-TUL": "RU", "RU-ORL": "RU"}


def _feature(region: str, west: float) -> dict:
    square = [[[west, 50], [west + 1, 50], [west + 1, 51], [west, 51], [west, 50]]]
    return {"type": "Feature", "properties": {"id": region, "name_en": f"{region} en", "name_ru": f"{region} ru", "country": COUNTRY_OF[region]}, "geometry": {"type": "Polygon", "coordinates": square}}


COLLECTION = {"type": "FeatureCollection", "features": [_feature(region, 30 + 2 * i) for i, region in enumerate(COUNTRY)]}


@pytest.fixture
def table(write_dataset):
    data, geo = write_dataset(figures=csv_text(ROWS))
    return map_figures(load_dataset(data, geo).figures, 2024, tolerance=2)


def test_each_shape_is_drawn_in_its_category_with_its_legend_entry(table):
    expected = {"RU-SMO": "value", "RU-MOW": "value", "RU-TA": "value", "RU-BRY": "no_data", "BY-MI": "home", "UA-43": "disputed"}
    for lang in ("en", "ru"):
        props = {p["id"]: p for p in region_properties(COLLECTION, table, lang, 2024)}
        assert {region: p["category"] for region, p in props.items()} == expected
        words = map_categories(lang)
        assert {region: p["legend"] for region, p in props.items()} == {region: words.get(category, "") for region, category in expected.items()}
        assert {region: p["name"] for region, p in props.items()} == {region: f"{region} {lang}" for region in COUNTRY}


def test_each_valued_shape_carries_its_figure_period_and_source(table):
    props = {p["id"]: p for p in region_properties(COLLECTION, table, "en", 2024)}
    smolensk = props["RU-SMO"]
    assert (smolensk["usd_mn"], smolensk["shown"], smolensk["period"]) == (4000.0, "$4bn", "2024")
    assert smolensk["source"] == "{} ({})".format(*PUBLISHED["belta-1"])
    assert props["RU-TA"]["source"] == "{} ({})".format(*PUBLISHED["interfax-1"])
    assert props["RU-MOW"]["usd_mn"] == 9000.0 and props["RU-MOW"]["period"] == "Jan–Oct 2024"
    for region in ("RU-BRY", "BY-MI", "UA-43"):  # no figure: nothing to cite, never zero
        assert (props[region]["usd_mn"], props[region]["period"], props[region]["source"]) == (None, "", "")
    assert props["RU-BRY"]["shown"] == "no figure for this year" and props["UA-43"]["shown"] == ""


def test_a_bound_and_an_earlier_year_are_marked_labelled_and_explained(table):
    markings = map_markings("en")
    props = {p["id"]: p for p in region_properties(COLLECTION, table, "en", 2024)}
    assert (props["RU-MOW"]["shown"], props["RU-MOW"]["marking"]) == ("about $9bn or more (Jan–Oct 2024)", markings["bound"])
    assert (props["RU-TA"]["shown"], props["RU-TA"]["marking"]) == ("$2bn (2022)", markings["earlier"])
    assert props["RU-TA"]["note"] == "2022 figure; none published for 2024"
    assert [props[region]["marking"] for region in ("RU-SMO", "RU-BRY", "BY-MI", "UA-43")] == ["", "", "", ""]
    assert [props[region]["note"] for region in ("RU-SMO", "RU-BRY", "UA-43")] == ["", "", ""]
    undated = {p["id"]: p for p in region_properties(COLLECTION, table, "en")}  # no year asked: the figure's own
    assert undated["RU-TA"]["note"] == "2022 figure; none published for 2022"
    russian = {p["id"]: p for p in region_properties(COLLECTION, table, "ru", 2024)}
    assert russian["RU-MOW"]["marking"] == map_markings("ru")["bound"] != markings["bound"]
    assert russian["RU-BRY"]["shown"] != props["RU-BRY"]["shown"] and russian["BY-MI"]["note"] != props["BY-MI"]["note"] != ""


def test_the_static_map_says_what_it_shows_and_where_the_figures_come_from(table):
    chart = altair_map(COLLECTION, table, 2024, "turnover", since=2022)
    assert chart.title == "Trade turnover with Belarus by Russian region, 2024"
    assert chart.subtitle == ["US$ million · 2024, or the latest full year since 2022"]
    assert chart.footnote == ["Log colour scale; 1 region with a full-year figure for 2024."]  # the bound and the earlier year are not
    assert chart.source == source_line(table)
    rows = {row["id"]: row for row in chart.datasets["regions"]}
    props = {p["id"]: p for p in region_properties(COLLECTION, table, "en", 2024)}
    assert rows == {region: {name: p[name] for name in rows[region]} for region, p in props.items()}
    assert set(rows["RU-MOW"]) == {"id", "name", "category", "legend", "usd_mn", "shown", "period", "note", "source", "marking"}


def _outline_legend(chart) -> list[str]:
    strokes = [layer["encoding"]["stroke"] for layer in chart.spec()["layer"] if "stroke" in layer.get("encoding", {})]
    return strokes[0]["scale"]["domain"] if strokes else []


def test_the_outline_legend_names_only_the_markings_drawn(table):
    markings = map_markings("en")
    assert _outline_legend(altair_map(COLLECTION, table, 2024, "turnover")) == [markings["bound"], markings["earlier"]]
    bound_only = table[table["basis"] != "earlier"]
    assert _outline_legend(altair_map(COLLECTION, bound_only, 2024, "turnover")) == [markings["bound"]]
    assert _outline_legend(altair_map(COLLECTION, table[table["basis"] == "full"], 2024, "turnover")) == []


def test_a_fitted_map_labels_its_largest_partners_as_the_ranking_does(table):
    extent = make_extent(COLLECTION, frozenset(COUNTRY))
    chart = altair_map(COLLECTION, table, 2024, "turnover", extent, labelled=2)
    labels = {row["region"]: row["label"] for row in chart.datasets["map_labels"]}
    assert set(labels) == {"RU-MOW", "RU-SMO"}  # the two largest
    names = dict(zip(table["region"], table["region_name"]))
    assert labels == {"RU-MOW": f"{names['RU-MOW']}: about $9bn or more (Jan–Oct 2024)", "RU-SMO": f"{names['RU-SMO']}: $4bn"}


def test_the_colour_legend_steps_evenly_on_the_log_scale_from_the_smallest_to_the_largest_figure():
    steps = legend_steps(pd.DataFrame({"usd_mn": [100.0, 4000.0, 10000.0]}))
    assert [round(v, 6) for v in steps["usd_mn"]] == [round(10 ** (2 + i / 2), 6) for i in range(5)]
    assert steps["colour"].iloc[0] != steps["colour"].iloc[-1] and len(set(steps["colour"])) == 5
    single = legend_steps(pd.DataFrame({"usd_mn": [1000.0]}), steps=3)  # one value: half a decade either side
    assert [round(v, 6) for v in single["usd_mn"]] == [round(10**2.5, 6), 1000.0, round(10**3.5, 6)]
    empty = legend_steps(pd.DataFrame({"usd_mn": []}), steps=2)
    assert list(empty["usd_mn"]) == [1.0, 10.0]


def test_the_small_to_large_colours_run_as_on_the_static_map():
    """Reversed viridis: the smallest figure light yellow, the largest dark purple."""
    colours = legend_steps(pd.DataFrame({"usd_mn": [10.0, 1000.0]}), steps=2)["colour"]
    red, green, blue = (int(colours.iloc[0][i : i + 2], 16) for i in (1, 3, 5))
    assert red > 200 and green > 200 and blue < 100
    red, green, blue = (int(colours.iloc[1][i : i + 2], 16) for i in (1, 3, 5))
    assert red < 100 and green < 50 and blue < 100


def _legend_rows(spec: dict) -> list[dict]:
    return spec["data"]["values"]


def test_the_interactive_maps_legend_lists_steps_categories_and_only_the_markings_drawn(table):
    spec = legend_spec(table, "export", "ru")
    rows = _legend_rows(spec)
    steps = legend_steps(table)
    assert [(row["label"], row["colour"], row["column"]) for row in rows if row["row"] == 0] == [(format_usd_mn(v, "ru"), c, i) for i, (v, c) in enumerate(zip(steps["usd_mn"], steps["colour"]))]
    categories = map_categories("ru")
    assert [row["label"] for row in rows if row["row"] == 1] == [categories[c] for c in ("home", "no_data", "disputed", "ranked")]
    assert [row["column"] for row in rows if row["row"] == 1] == [0, 1, 2, 3]
    assert [row["label"] for row in rows if row["row"] == 2] == [map_markings("ru")[basis] for basis in ("bound", "earlier")]
    assert [row["column"] for row in rows if row["row"] == 2] == [0, 1]
    assert len({row["colour"] for row in rows if row["row"] == 2}) == 2
    title = spec["title"]["text"]
    assert title != legend_spec(table, "export")["title"]["text"]  # in Russian
    full = legend_spec(table[table["basis"] == "full"], "turnover")
    assert [row for row in _legend_rows(full) if row["row"] == 2] == [] and full["height"] < spec["height"]


def test_the_interactive_maps_legend_says_which_flow(table):
    titles = {flow: legend_spec(table, flow)["title"]["text"] for flow in ("export", "import", "turnover")}
    assert len(set(titles.values())) == 3 and all("full year" in title for title in titles.values())
    assert math.isclose(legend_steps(table)["usd_mn"].iloc[-1], 9000.0)


def test_each_legend_entry_is_a_swatch_of_its_colour_with_its_label_beside_it(table):
    spec = legend_spec(table, "turnover")
    categories = map_categories("en")
    assert {row["label"]: row["colour"] for row in _legend_rows(spec) if row["row"] == 1} == {categories[c]: colour for c, colour in CATEGORY_COLOURS.items()}  # as both maps draw them
    swatches, labels = spec["layer"]
    assert swatches["encoding"]["color"]["field"] == "colour"
    assert labels["encoding"]["text"]["field"] == "label"
    assert {channel: labels["encoding"][channel]["field"] for channel in ("x", "y")} == {channel: swatches["encoding"][channel]["field"] for channel in ("x", "y")} == {"x": "column", "y": "row"}


def test_the_static_map_marks_the_published_group_members_with_the_flows_words(write_dataset):
    data, geo = write_dataset(figures=csv_text([("RU-SMO", 2022, 12, "export", 2.0, "exact", "goods", "old-1")]))
    (data / "ranks.csv").write_text("region,year,months,flow,rank,top,out_of,group_share_pct,group_share_qualifier,source_id,note\nRU-TA,2022,12,export,,10,,,,belta-1,\n", encoding="utf-8")
    dataset = load_dataset(data, geo)
    groups = top_groups(dataset.ranks, dataset.sources, 2022, "export")
    chart = altair_map(COLLECTION, map_figures(dataset.figures, 2022, "export"), 2022, "export", groups=groups)
    tatarstan = next(row for row in chart.datasets["regions"] if row["id"] == "RU-TA")
    assert (tatarstan["category"], tatarstan["shown"]) == ("ranked", "among the top 10 importers of Belarusian goods, 2022 — BelTA; no figure published")


def test_the_static_map_carries_the_shapes_it_draws(table):
    spec = altair_map(COLLECTION, table, 2024, "turnover").spec()
    shapes = spec["datasets"][spec["data"]["name"]]
    assert [shape["properties"]["id"] for shape in shapes] == [f["properties"]["id"] for f in COLLECTION["features"]]
    assert "autosize" not in spec  # no labels placed: Streamlit may fit it


def test_a_fitted_map_is_fitted_to_its_extent_and_keeps_its_labels_height(table):
    extent = make_extent(COLLECTION, frozenset(COUNTRY))
    spec = altair_map(COLLECTION, table, 2024, "turnover", extent).spec()
    assert spec["projection"]["fit"] == extent.fit
    assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}  # labels are placed for the plot's height


def test_the_russian_static_map_says_everything_in_russian(write_dataset):
    figures = load_dataset(*write_dataset(figures=csv_text(ROWS))).in_language("ru").figures
    table = map_figures(figures, 2024, tolerance=2)
    chart = altair_map(COLLECTION, table, 2024, "turnover", make_extent(COLLECTION, frozenset(COUNTRY)), lang="ru", since=2022)
    publishers = {publisher for publisher, _ in PUBLISHED.values()}
    for text in [chart.title, *chart.subtitle, *chart.footnote, chart.source, *(row["label"] for row in chart.datasets["map_labels"])]:
        for publisher in publishers:
            text = text.replace(publisher, "")
        assert not re.search("[A-Za-z]", text.replace("US$", "")), text


def test_the_page_labels_the_five_largest_partners_by_default(write_dataset):
    extra = {"RU-KLU": "Kaluga Oblast", "RU-TUL": "Tula Oblast", "RU-ORL": "Oryol Oblast"}
    regions = REGIONS + "".join(f"{region},{name},{name} ру,{name} de,oblast,RU,FD-CENTRAL,\n" for region, name in extra.items())
    sizes = dict(zip(["RU-SMO", "RU-MOW", "RU-TA", "RU-BRY", *extra], [7, 6, 5, 4, 3, 2, 1]))
    data, geo = write_dataset(figures=csv_text([(region, 2024, 12, "turnover", size, "exact", "goods", "old-1") for region, size in sizes.items()]), regions=regions)
    table = map_figures(load_dataset(data, geo).figures, 2024)
    collection = {"type": "FeatureCollection", "features": [_feature(region, 30 + 2 * i) for i, region in enumerate(sizes)]}
    chart = altair_map(collection, table, 2024, "turnover", make_extent(collection, frozenset(sizes)))
    assert {row["region"] for row in chart.datasets["map_labels"]} == set(list(sizes)[:5])


def test_the_russian_tooltips_of_marked_regions_and_group_members_are_in_russian(write_dataset):
    data, geo = write_dataset(figures=csv_text(ROWS))
    (data / "ranks.csv").write_text("region,year,months,flow,rank,top,out_of,group_share_pct,group_share_qualifier,source_id,note\nRU-BRY,2024,12,turnover,,10,,,,belta-1,\n", encoding="utf-8")
    dataset = load_dataset(data, geo).in_language("ru")
    groups = top_groups(dataset.ranks, dataset.sources, 2024, "turnover")
    props = {p["id"]: p for p in region_properties(COLLECTION, map_figures(dataset.figures, 2024, tolerance=2), "ru", 2024, groups)}
    publisher, published = PUBLISHED["belta-1"]
    assert props["RU-BRY"]["category"] == "ranked" and publisher in props["RU-BRY"]["shown"] and published in props["RU-BRY"]["source"]
    assert props["RU-BRY"]["source"].startswith(publisher)
    for region in ("RU-MOW", "RU-TA", "RU-BRY"):
        for text in (props[region]["shown"].replace(publisher, ""), props[region]["note"]):
            assert not re.search("[A-Za-z]", text), text


def test_a_russian_exact_lower_bound_writes_its_bare_figure_in_russian(write_dataset):
    rows = [("RU-SMO", 2024, 12, "turnover", 4.0, "exact", "goods", "belta-1"), ("RU-MOW", 2024, 10, "turnover", 9.0, "exact", "goods", "ria-1")]
    figures = load_dataset(*write_dataset(figures=csv_text(rows))).in_language("ru").figures
    props = {p["id"]: p for p in region_properties(COLLECTION, map_figures(figures, 2024), "ru", 2024)}
    assert format_usd_mn(9000, "ru") in props["RU-MOW"]["shown"] and not re.search("[A-Za-z]", props["RU-MOW"]["shown"])
