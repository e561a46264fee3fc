"""Charts and maps keep the rules: partial years apart, approximate figures marked, a title, period and source line on each.

The chart data are read back from each spec (``Framed.spec``), so the tests see what Vega-Lite draws.
"""

import html
import math
import re

import folium
import pandas as pd
import pytest

from tests.conftest import HEADER
from turnover.aggregate import district_totals, map_figures, ranking, region_series
from turnover.charts import OKABE_ITO, compare_chart, district_chart, ranking_chart, region_colours, series_chart, source_line, year_runs
from turnover.dataset import load_dataset
from turnover.texts import charts as chart_words
from turnover.maps import CATEGORY_COLOURS, MARK_COLOURS, MARK_DASHES, _tooltip_fields, altair_map, folium_map, legend_spec, legend_steps, region_properties, value_colour_scale

ROWS = """RU-SMO,2021,12,turnover,3.0,USD,bn,exact,goods,,old-1,
RU-SMO,2022,12,turnover,4.9,USD,bn,approx,goods,,old-1,
RU-SMO,2023,12,turnover,4.4,USD,bn,exact,goods,,belta-1,
RU-SMO,2024,9,turnover,3.1,USD,bn,exact,goods,,belta-1,
RU-SMO,2024,12,turnover,295,RUB,bn,exact,goods,,interfax-1,
RU-BRY,2023,12,turnover,900,USD,mn,approx,goods,,old-1,
RU-BRY,2023,6,turnover,800,USD,mn,exact,goods,,ria-1,
RU-MOW,2023,12,turnover,5,USD,bn,at_least,goods,,old-1,
RU-TA,2023,9,turnover,1,USD,bn,exact,goods,,old-1,
"""


@pytest.fixture
def dataset(write_dataset):
    loaded = load_dataset(*write_dataset(figures=HEADER + ROWS))
    assert loaded.problems == []
    return loaded


def rows_of(framed, name: str = "figures") -> list[dict]:
    return framed.spec()["datasets"][name]


def footer(framed) -> str:
    return " ".join(framed.spec()["title"]["text"])


def wrapped(*lines: str) -> str:
    """Lines as the chart's footer draws them, the rows read one after another: every word, in order."""
    return " ".join(" ".join(lines).split())


def legend_entries(framed) -> list[str]:
    """The entries of every legend the chart draws (each layer's colour or stroke scale domain with a legend)."""
    spec = framed.spec()
    entries = []
    for layer in spec.get("layer", [spec]):
        for channel in ("color", "stroke"):
            encoding = layer.get("encoding", {}).get(channel, {})
            if isinstance(encoding, dict) and encoding.get("legend", {}) is not None and "domain" in encoding.get("scale", {}):
                entries += [e for e in encoding["scale"]["domain"] if e not in entries]
    return entries


def by_period(rows: list[dict]) -> dict[str, dict]:
    return {row["period"]: row for row in rows}


# --- the series chart --------------------------------------------------------------------------------------------


def test_series_chart_draws_partial_years_apart_and_marks_approximate_ones(dataset):
    series = region_series(dataset.figures, "RU-SMO")
    rows = by_period(rows_of(series_chart(series, "Smolensk Oblast", "turnover")))
    partial = rows["Jan–Sep 2024"]
    assert partial["kind"] == "Partial year: its months only" and partial["run"] == ""  # never on the line
    assert partial["label"] == "Jan–Sep 2024: $3.1bn"
    assert (partial["start"], partial["end"], partial["middle"]) == pytest.approx((2024, 2024 + 9 / 12, 2024 + 9 / 24))
    assert rows["2022"]["kind"] == "Full year, approximate or bound" and rows["2022"]["shown"] == "about $4.9bn"
    assert rows["2023"]["kind"] == "Full year" and rows["2023"]["label"] == rows["2023"]["shown"] == "$4.4bn"  # a full year is labelled with its value alone
    assert rows["2023"]["middle"] == pytest.approx(2023.5)
    assert {rows[p]["run"] for p in ("2021", "2022", "2023")} == {rows["2021"]["run"]} != {""}  # consecutive, in dollars: one line
    assert rows["2024"]["run"] not in ("", rows["2023"]["run"])  # converted from roubles: never joined to the dollars
    assert rows["2024"]["kind"] == "Full year, converted from roubles"


def test_series_chart_amounts_are_in_the_unit_it_names(dataset):
    series = region_series(dataset.figures, "RU-SMO")
    framed = series_chart(series, "Smolensk Oblast", "turnover")
    rows = by_period(rows_of(framed))
    assert rows["2023"]["amount"] == pytest.approx(4.4)
    assert framed.subtitle == ["US$ billion · 2021–2024"]
    small = region_series(dataset.figures, "RU-BRY")
    small_framed = series_chart(small, "Bryansk Oblast", "turnover")
    assert by_period(rows_of(small_framed))["2023"]["amount"] == pytest.approx(900)
    assert small_framed.subtitle == ["US$ million · 2023"]
    one_bn = region_series(dataset.figures, "RU-TA")  # $1bn exactly, written "$1bn": drawn in billions as well
    assert max(one_bn["usd_mn"]) == 1000
    one_framed = series_chart(one_bn, "Republic of Tatarstan", "turnover")
    assert by_period(rows_of(one_framed))["Jan–Sep 2023"]["amount"] == pytest.approx(1.0) and one_framed.subtitle == ["US$ billion · 2023"]


def test_series_chart_has_title_period_and_source_line(dataset):
    series = region_series(dataset.figures, "RU-SMO")
    framed = series_chart(series, "Smolensk Oblast", "export")
    assert framed.title == "Belarusian exports: Belarus – Smolensk Oblast"
    assert footer(framed) == wrapped(*framed.footnote, source_line(series))  # the footnote, then the source line, inside the chart
    assert framed.footnote == ["The line breaks at a missing year or a change of basis; partial years are not comparable with full years."]


def test_series_chart_says_its_rules_in_the_legend_and_footnote_not_the_subtitle(dataset, write_dataset):
    series = region_series(dataset.figures, "RU-SMO")
    framed = series_chart(series, "Smolensk Oblast", "turnover")
    assert len(framed.subtitle) == 1 and "\n" not in framed.subtitle[0] and len(framed.subtitle[0]) <= 70
    kinds = {row["kind"] for row in rows_of(framed)}  # what the input draws: exact, approximate, converted and partial figures
    assert legend_entries(framed) == [k for k in ("Full year", "Full year, approximate or bound", "Full year, converted from roubles", "Partial year: its months only") if k in kinds]
    points = next(layer for layer in framed.spec()["layer"] if layer["mark"]["type"] == "point")
    fills = dict(zip(points["encoding"]["fill"]["scale"]["domain"], points["encoding"]["fill"]["scale"]["range"]))
    assert fills["Full year, approximate or bound"] == "#ffffff" != fills["Full year"]  # the hollow point is the legend's own entry
    full_only = load_dataset(*write_dataset(figures=HEADER + ROWS.splitlines()[0] + "\n")).figures
    assert series_chart(region_series(full_only, "RU-SMO"), "Smolensk Oblast", "turnover").footnote == ["The line breaks at a missing year or a change of basis."]


def test_the_series_line_breaks_where_a_full_year_is_missing(write_dataset):
    rows = HEADER + "RU-SMO,2019,12,turnover,1,USD,bn,exact,goods,,old-1,\nRU-SMO,2020,12,turnover,1,USD,bn,exact,goods,,old-1,\nRU-SMO,2022,12,turnover,1,USD,bn,exact,goods,,old-1,\n"
    figures = load_dataset(*write_dataset(figures=rows)).figures
    runs = year_runs(figures).to_dict()
    by_year = dict(zip(figures["year"], figures.index))
    assert runs[by_year[2019]] == runs[by_year[2020]] != runs[by_year[2022]]


def test_year_runs_are_per_region(dataset):
    full = dataset.figures[dataset.figures["full_year"] & dataset.figures["displayed"] & dataset.figures["region"].isin(["RU-SMO", "RU-BRY"])]
    runs = year_runs(full)
    assert set(runs[full["region"] == "RU-SMO"]).isdisjoint(runs[full["region"] == "RU-BRY"])


# --- compare, ranking and district charts ---------------------------------------------------------------------------


def test_compare_chart_draws_full_years_only(dataset):
    figures = dataset.figures[dataset.figures["displayed"] & dataset.figures["total"]]
    framed = compare_chart(figures, "turnover")
    drawn = {(row["region_name"], row["period"]) for row in rows_of(framed)}
    expected = {(name, period) for name, period, full in zip(figures["region_name"], figures["period"], figures["full_year"]) if full}
    assert drawn == expected and ("Smolensk Oblast", "Jan–Sep 2024") not in drawn
    assert framed.subtitle == ["US$ billion · 2021–2024"]
    assert framed.title == "Trade turnover with Belarus: regions compared"
    assert framed.footnote == ["Full years only; a line breaks at a year without a figure. Hollow points: approximate or bound."]  # Moscow is "over"
    assert footer(framed) == wrapped(*framed.footnote, source_line(figures[figures["full_year"]]))
    exact = figures[~figures["approximate"]]
    assert compare_chart(exact, "turnover").footnote == ["Full years only; a line breaks at a year without a figure."]  # no hollow point, no word of it


def test_compare_chart_marks_approximate_figures_in_its_tooltip_data(dataset):
    figures = dataset.figures[dataset.figures["displayed"] & dataset.figures["total"]]
    rows = {(row["region_name"], row["period"]): row for row in rows_of(compare_chart(figures, "turnover"))}
    assert rows[("Moscow", "2023")]["shown"] == "over $5bn" and rows[("Moscow", "2023")]["approximate"] is True
    assert rows[("Bryansk Oblast", "2023")]["shown"] == "about $900m"
    assert rows[("Smolensk Oblast", "2023")]["approximate"] is False


def test_ranking_chart_labels_and_lightens_approximate_bars_with_title_period_and_source(dataset):
    table = ranking(dataset.figures, 2023)
    framed = ranking_chart(table, 2023, "turnover")
    rows = {row["region_name"]: row for row in rows_of(framed)}
    assert {name: row["shown"] for name, row in rows.items()} == dict(zip(table["region_name"], table["shown"]))
    assert rows["Moscow"]["approximate"] and rows["Bryansk Oblast"]["approximate"] and not rows["Smolensk Oblast"]["approximate"]
    assert {name: row["amount"] for name, row in rows.items()} == pytest.approx(dict(zip(table["region_name"], table["usd_mn"] / 1000)))
    assert framed.title == "Trade turnover with Belarus by Russian region, 2023"
    assert framed.subtitle == ["US$ billion · 2023"]
    assert framed.footnote == [f"All {len(table)} regions with a figure. Lighter bars: approximate or bound."]
    assert footer(framed) == wrapped(*framed.footnote, source_line(table))
    assert source_line(table).startswith("Sources: BelTA (2024-11-18); BelTA (2023-05-30)")
    layers = framed.spec()["layer"]
    assert layers[0]["encoding"]["opacity"]["condition"]["test"] == "datum.lighter"
    assert {name: row["lighter"] for name, row in rows.items()} == {name: row["approximate"] for name, row in rows.items()}  # full years: lighter when approximate
    assert layers[1]["encoding"]["text"]["field"] == "label"
    assert {name: row["label"] for name, row in rows.items()} == {name: row["shown"] for name, row in rows.items()}


def test_ranking_chart_says_how_many_of_how_many_it_shows(dataset):
    table = ranking(dataset.figures, 2023)
    framed = ranking_chart(table, 2023, "turnover", limit=2)
    assert len(rows_of(framed)) == 2
    assert framed.footnote[0].startswith(f"Top 2 of {len(table)} regions with a figure.")


def test_district_chart_says_how_many_regions_each_sum_covers(dataset):
    table = district_totals(dataset.figures, dataset.registry, 2023)
    framed = district_chart(table, 2023, "turnover", ranking(dataset.figures, 2023))
    rows = {row["district"]: row for row in rows_of(framed)}
    for district, with_data, regions, usd in zip(table["district"], table["with_data"], table["regions"], table["usd_mn"]):
        assert rows[district]["coverage"] == f"{with_data} of {regions} region" + ("" if regions == 1 else "s")  # plural by the count
        assert rows[district]["amount"] == pytest.approx(usd / 1000)
    assert framed.title == "Trade turnover with Belarus by federal district, 2023"
    assert framed.subtitle == ["US$ billion · 2023"]
    assert framed.footnote == ["Sums of the regions that have a figure, not district totals."]
    assert footer(framed) == wrapped(*framed.footnote, source_line(ranking(dataset.figures, 2023)))


def test_the_district_chart_speaks_russian_throughout(dataset):
    table = district_totals(dataset.figures, dataset.registry, 2023)
    figures = ranking(dataset.in_language("ru").figures, 2023)
    framed = district_chart(table, 2023, "turnover", figures, lang="ru")
    english = district_chart(table, 2023, "turnover", ranking(dataset.figures, 2023))
    rows = rows_of(framed)
    assert [row["coverage"] for row in rows] == [chart_words.regions_covered(int(n), int(m), "ru") for n, m in zip(table["with_data"], table["regions"])]
    assert (framed.title, framed.subtitle, framed.footnote) == (chart_words.district_title("turnover", 2023, "ru"), [chart_words.district_subtitle(2023, "ru")], [chart_words.district_footnote("ru")])
    assert footer(framed) == wrapped(*framed.footnote, source_line(figures, lang="ru")) != footer(english)
    assert framed.values["unit"] == chart_words.unit(True, "ru") != english.values["unit"]  # the axis: billions, in Russian
    for text in (framed.title, *framed.subtitle, *framed.footnote, *(row["coverage"] for row in rows), framed.values["unit"]):
        assert not re.search("[A-Za-z]{3,}", text.replace("US$", "")), text


def test_district_bars_are_drawn_largest_first(dataset):
    """Found unguarded by mutation: the district bars' order (a sort dropped kept every test green)."""
    table = district_totals(dataset.figures, dataset.registry, 2023)
    spec = district_chart(table, 2023, "turnover", ranking(dataset.figures, 2023)).spec()
    bars = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "bar")
    assert bars["encoding"]["x"]["field"] == "amount"
    assert bars["encoding"]["y"]["field"] == "name" and bars["encoding"]["y"]["sort"] == "-x"  # by the amount, descending


def test_compare_chart_spans_its_years_and_amounts_from_zero(dataset):
    """Found unguarded by mutation: the compare chart's axes (the x domain with room for the end labels, y from zero)."""
    figures = dataset.figures[dataset.figures["displayed"] & dataset.figures["total"]]
    framed = compare_chart(figures, "turnover")
    spec = framed.spec()
    line = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "line")
    full = figures[figures["full_year"]]
    x, y = line["encoding"]["x"], line["encoding"]["y"]
    assert x["field"] == "year" and x["scale"]["domain"] == {"expr": framed.values["x_domain"]}
    assert framed.values["x_domain"].startswith(f"[{full['year'].min() - (full['year'].max() - full['year'].min()) * 0.02}, {float(full['year'].max())} + ")
    assert x["axis"]["values"] == list(range(int(full["year"].min()), int(full["year"].max()) + 1))
    assert y["field"] == "amount" and y["scale"]["domain"] == [0, framed.values["y_top"]]
    assert max(row["amount"] for row in rows_of(framed)) <= framed.values["y_top"]


# --- the source line -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("regions", "expected"),
    [
        (["RU-MOW"], "Source: BelTA (2023-05-30)."),
        (["RU-MOW", "RU-BRY"], "Sources: RIA Novosti (2024-11-18); BelTA (2023-05-30)."),
        (["RU-SMO"], "Sources: Interfax (2025-05-14); BelTA (2024-11-18); BelTA (2023-05-30); rouble figures converted at annual average rates."),
    ],
)
def test_source_line_names_each_source_newest_first_and_says_when_roubles_were_converted(dataset, regions, expected):
    figures = dataset.figures[dataset.figures["region"].isin(regions)]
    assert source_line(figures) == expected


def test_source_line_lists_four_and_counts_the_rest(dataset):
    figures = dataset.figures[dataset.figures["region"].isin(["RU-SMO", "RU-BRY"])]
    assert source_line(figures, limit=2) == (
        "Sources: Interfax (2025-05-14); BelTA (2024-11-18); and 2 more (see the Sources page); rouble figures converted at annual average rates."
    )
    assert source_line(figures.iloc[0:0]) == "Source: no figures"


# --- maps ------------------------------------------------------------------------------------------------------------

COLLECTION = {
    "type": "FeatureCollection",
    "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [c, 55]}, "properties": {"id": rid, "name_en": name, "name_ru": name, "country": country}}
        for c, rid, name, country in [(32, "RU-SMO", "Smolensk Oblast", "RU"), (34, "RU-BRY", "Bryansk Oblast", "RU"), (37, "RU-MOW", "Moscow", "RU"),
                                      (49, "RU-TA", "Republic of Tatarstan", "RU"), (-170, "RU-CHU", "Chukotka", "RU"), (27, "BY-MI", "Minsk Oblast", "BY"),
                                      (34, "UA-43", "Crimea", "UA")]
    ],
}


def test_map_features_carry_full_year_figures_and_draw_the_rest_as_no_figure(dataset):
    table = ranking(dataset.figures, 2023)
    features = {p["id"]: p for p in region_properties(COLLECTION, table)}
    assert features["RU-MOW"]["category"] == "value" and features["RU-MOW"]["shown"] == "over $5bn"
    assert features["RU-MOW"]["usd_mn"] == 5000 and features["RU-MOW"]["period"] == "2023" and features["RU-MOW"]["source"] == "BelTA (2023-05-30)"
    assert features["RU-BRY"]["shown"] == "about $900m"
    assert features["RU-TA"]["category"] == "no_data" and features["RU-TA"]["usd_mn"] is None  # a partial year only
    assert features["RU-TA"]["shown"] == "no figure for this year" and features["RU-TA"]["legend"] == "No figure (not zero)"
    assert (features["BY-MI"]["category"], features["BY-MI"]["legend"]) == ("home", "Belarus")
    assert (features["UA-43"]["category"], features["UA-43"]["legend"], features["UA-43"]["shown"]) == ("disputed", "Crimea (not covered)", "")
    assert features["RU-SMO"]["legend"] == ""


def test_altair_map_has_title_period_and_source_line(dataset):
    table = ranking(dataset.figures, 2023)
    framed = altair_map(COLLECTION, table, 2023, "import")
    assert framed.title == "Belarusian imports with Belarus by Russian region, 2023"
    assert framed.subtitle == ["US$ million · 2023"]
    assert framed.footnote == [f"Log colour scale; {len(table)} regions with a full-year figure for 2023."]
    assert footer(framed) == wrapped(*framed.footnote, source_line(table))
    assert "No figure (not zero)" in legend_entries(framed)  # grey is not zero: said by the legend's own entry
    regions = framed.spec()["datasets"]["regions"]  # each shape is given its region's row as its properties
    assert {row["id"] for row in regions} == {f["properties"]["id"] for f in COLLECTION["features"]}
    tooltips = [t["field"] for t in framed.spec()["layer"][1]["encoding"]["tooltip"]]
    assert tooltips == ["properties.name", "properties.shown", "properties.period", "properties.note", "properties.source"]


def test_folium_map_tooltips_show_the_marked_figure_period_and_source(dataset):
    table = ranking(dataset.figures, 2023)
    page = folium_map(COLLECTION, table).get_root().render()
    assert "over $5bn" in page and "about $900m" in page and "no figure for this year" in page
    assert "BelTA (2023-05-30)" in page
    assert "/app/static/leaflet/leaflet.js" in page


def test_folium_map_joins_chukotka_to_the_east(dataset):
    page = folium_map(COLLECTION, ranking(dataset.figures, 2023)).get_root().render()
    assert "190" in page and "-170" not in page


def test_legend_steps_span_the_years_values_on_a_log_scale(dataset):
    table = ranking(dataset.figures, 2023)
    steps = legend_steps(table)
    low, high = table["usd_mn"].min(), table["usd_mn"].max()
    assert list(steps["usd_mn"]) == pytest.approx([low * (high / low) ** (i / 4) for i in range(5)])
    assert steps["colour"].nunique() == 5


def test_legend_of_one_value_still_has_a_range(dataset):
    table = ranking(dataset.figures, 2023).head(1)
    steps = legend_steps(table)
    value = table["usd_mn"].iloc[0]
    assert steps["usd_mn"].iloc[0] == pytest.approx(value / 10**0.5) and steps["usd_mn"].iloc[-1] == pytest.approx(value * 10**0.5)


def test_legend_spec_has_a_title_with_flow_and_full_year_and_the_grey_categories(dataset):
    table = ranking(dataset.figures, 2023)
    spec = legend_spec(table, "turnover")
    assert spec["title"]["text"] == "Trade turnover, full year, US$ (log colour scale)"
    values = spec["layer"][0]["data"]["values"] if "data" in spec["layer"][0] else spec["data"]["values"]
    labels = [(v["row"], v["label"]) for v in values]
    assert labels[-4:] == [(1, "Belarus"), (1, "No figure (not zero)"), (1, "Crimea (not covered)"), (1, "In a published top group, no figure")]
    assert labels[0] == (0, "$900m") and labels[4] == (0, "$5bn")


def test_compare_chart_draws_approximate_points_hollow_and_says_so_at_the_line_end(dataset):
    figures = dataset.figures[dataset.figures["displayed"] & dataset.figures["total"]]
    spec = compare_chart(figures, "turnover").spec()
    ends = {row["region_name"]: row["end_label"] for row in spec["datasets"]["figures"] if row.get("end_label")}
    assert ends["Moscow"] == "Moscow over $5bn" and ends["Bryansk Oblast"] == "Bryansk Oblast about $900m"
    points = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "point")
    assert points["encoding"]["fill"]["condition"] == {"test": "datum.approximate", "value": "#ffffff"}


@pytest.mark.parametrize("chosen", [["RU-SMO", "RU-MOW"], ["RU-MOW", "RU-TA", "RU-SMO"], ["RU-BRY", "RU-SMO"]])
def test_compare_colours_follow_the_registry_not_the_selection(dataset, chosen):
    order = list(dataset.registry.table.index)
    colours = region_colours(chosen, order)
    if len({order.index(region) % len(OKABE_ITO) for region in chosen}) == len(chosen):  # no two share their registry colour
        assert colours == {region: OKABE_ITO[order.index(region) % len(OKABE_ITO)] for region in chosen}
    assert len(set(colours.values())) == len(chosen)
    assert colours == region_colours(list(reversed(chosen)), order)


@pytest.mark.parametrize("positions", [[0, 8], [3, 0, 8, 16, 11], [8 * k for k in range(8)], [1, 2, 9, 10, 17]])
def test_no_two_compared_regions_share_a_colour(positions):
    """Eight colours for 90 regions: regions whose registry positions are eight apart would share one. The first of
    them in the registry keeps its colour, a region alone with its colour keeps it, the others take the free ones."""
    order = [f"RU-{89 - i:03d}" for i in range(90)]  # the registry's order is not the ids' alphabetical order
    chosen = [order[p] for p in positions]
    colours = region_colours(chosen, order)
    assert len(set(colours.values())) == len(chosen)
    by_colour = {}
    for p in sorted(positions):
        by_colour.setdefault(p % len(OKABE_ITO), p)
    for colour_at, first in by_colour.items():
        assert colours[order[first]] == OKABE_ITO[colour_at]
    assert colours == region_colours(list(reversed(chosen)), order)


# --- the layouts' own rules: which rows each layer draws ------------------------------------------------------------


def kept_by(layer: dict, rows: list[dict]) -> list[dict]:
    """The rows a layer draws: its filter transforms (simple Vega expressions over ``datum``) applied as Vega would."""
    kept = rows
    for transform in layer.get("transform", []):
        if "filter" in transform:
            expression = transform["filter"].replace("&&", " and ").replace("||", " or ").replace("!=", " <> ").replace("!", " not ").replace(" <> ", " != ")
            expression = expression.replace("isValid(", "is_valid(")
            kept = [row for row in kept if eval(expression, {"is_valid": lambda value: value is not None}, {"datum": _Datum(row)})]  # noqa: S307 - the test's own spec
    return kept


class _Datum:
    def __init__(self, row: dict):
        self._row = row

    def __getattr__(self, name: str):
        value = self._row.get(name)
        return _Datum(value) if isinstance(value, dict) else value


def test_the_series_line_joins_full_years_only_and_partial_years_are_spans_apart(dataset):
    framed = series_chart(region_series(dataset.figures, "RU-SMO"), "Smolensk Oblast", "turnover")
    rows, layers = rows_of(framed), {layer["mark"]["type"]: layer for layer in framed.spec()["layer"]}
    partial = {row["period"] for row in rows if not row["full_year"]}
    assert partial  # the input has a partial year to keep off the line
    assert {row["period"] for row in kept_by(layers["line"], rows)} == {row["period"] for row in rows if row["full_year"]}
    assert {row["period"] for row in kept_by(layers["rule"], rows)} == partial


def test_the_map_colours_only_regions_with_a_figure_and_outlines_only_marked_ones(dataset):
    table = map_figures(dataset.figures, 2024, tolerance=1)  # 2024: Smolensk's full year; Bryansk's and Moscow's of 2023 (earlier)
    framed = altair_map(COLLECTION, table, 2024, "turnover")
    regions = [{"properties": row} for row in framed.spec()["datasets"]["regions"]]
    shapes = [layer for layer in framed.spec()["layer"] if layer["mark"]["type"] == "geoshape"]
    valued = next(layer for layer in shapes if layer["encoding"]["color"]["field"] == "properties.usd_mn")
    assert {r["properties"]["id"] for r in kept_by(valued, regions)} == set(table["region"])
    marked = {r["properties"]["id"] for r in regions if r["properties"]["marking"]}
    assert marked  # the input has earlier years to outline
    outlines = [layer for layer in shapes if layer["mark"].get("filled") is False]
    assert [{r["properties"]["id"] for r in kept_by(layer, regions)} for layer in outlines] == [marked]


def test_folium_map_colours_outlines_and_explains_each_region_as_the_static_map_does(dataset):
    """Each Leaflet region: its fill from the value scale or its category, an outline when its figure is a bound or
    an earlier year's, and a tooltip of its properties under the reader's words (computed from the same input)."""
    table = map_figures(dataset.figures, 2024, tolerance=1)  # Smolensk's 2024; Bryansk's and Moscow's 2023: outlined
    groups = pd.DataFrame([{"region": "RU-TA", "top": 10, "year": 2024, "publisher": "BelTA", "published": "2025-01-20"}])
    figure = folium_map(COLLECTION, table, lang="ru", year=2024, groups=groups, flow="export")
    layer = next(child for child in figure._children.values() if isinstance(child, folium.GeoJson))
    features = {feature["properties"]["id"]: feature for feature in layer.data["features"]}
    expected = {props["id"]: props for props in region_properties(COLLECTION, table, "ru", 2024, groups, "export")}
    scale = value_colour_scale(table)
    assert features.keys() == expected.keys() and {feature["type"] for feature in features.values()} == {"Feature"}
    assert expected["RU-TA"]["category"] == "ranked" and {p["basis"] for p in expected.values()} >= {"full", "earlier"}
    for region, props in expected.items():
        style = layer.style_function(features[region])
        assert style["fillColor"] == (scale(math.log10(props["usd_mn"])) if props["category"] == "value" else CATEGORY_COLOURS[props["category"]]), region
        assert (style["color"], style["dashArray"]) == ((MARK_COLOURS[props["basis"]], MARK_DASHES[props["basis"]]) if props["basis"] in MARK_COLOURS else ("#ffffff", "")), region
        assert {key: features[region]["properties"][key] for key in ("name", "shown", "period", "note", "source")} == {key: html.escape(str(props[key] or "")) for key in ("name", "shown", "period", "note", "source")}
    tooltips = [child for child in layer._children.values() if isinstance(child, folium.GeoJsonTooltip)]
    assert len(tooltips) == 1 and tooltips[0].tooltip_options.get("sticky") is True  # follows the pointer: readable over small regions
    tooltip = tooltips[0]
    assert list(zip(tooltip.fields, tooltip.aliases)) == _tooltip_fields("ru")  # Russian headings over the region's own words
