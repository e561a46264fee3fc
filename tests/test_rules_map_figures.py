"""What the map and the ranking draw (aggregate.map_figures): partial years as marked lower bounds, earlier
full years within a tolerance, the profile's rank still full years only; and the map options in the address.

Expected values are computed from each test's own rows.
"""

import json

import pytest

from tests.catalogue_support import in_cyrillic
from tests.test_rules_aggregate import csv_text
from turnover.aggregate import map_figures, rank_in, ranking
from turnover.charts import ranking_chart
from turnover.dataset import load_dataset
from turnover.maps import folium_map, region_properties
from turnover.urlstate import MapOptions, parse_map_options

# region, year, months, flow, value (USD bn), qualifier, coverage, source
ROWS = [
    ("RU-SMO", 2024, 12, "turnover", 4.0, "exact", "goods", "belta-1"),
    ("RU-MOW", 2024, 10, "turnover", 9.0, "at_least", "goods", "old-1"),  # partial only: a lower bound
    ("RU-MOW", 2024, 6, "turnover", 5.0, "exact", "goods", "old-1"),  # a shorter partial of the same year
    ("RU-BRY", 2022, 12, "turnover", 1.0, "exact", "goods", "old-1"),  # two years earlier
    ("RU-BRY", 2024, 3, "turnover", 0.2, "exact", "goods", "old-1"),  # ...and a partial of the year itself
    ("RU-TA", 2021, 12, "turnover", 2.0, "exact", "goods", "old-1"),  # three years earlier
    ("RU-TA", 2023, 6, "turnover", 1.5, "exact", "goods", "old-1"),  # an earlier partial year: never used
]


@pytest.fixture
def figures(write_dataset):
    data, geo = write_dataset(figures=csv_text(ROWS))
    return load_dataset(data, geo).figures


def test_a_partial_year_stands_as_a_marked_lower_bound_ranked_by_that_bound(figures):
    table = map_figures(figures, 2024)
    moscow = table.set_index("region").loc["RU-MOW"]
    assert moscow["basis"] == "bound" and moscow["months"] == 10  # the longest partial period of the year
    assert moscow["usd_mn"] == 9.0 * 1000
    assert list(table["region"][:2]) == ["RU-MOW", "RU-SMO"]  # 9bn bound above 4bn full year
    assert table.set_index("region").loc["RU-SMO", "basis"] == "full"


def test_bounds_off_leaves_full_years_only_and_the_profile_rank_never_counts_bounds(figures):
    assert list(map_figures(figures, 2024, bounds=False)["region"]) == ["RU-SMO"]
    assert rank_in(ranking(figures, 2024), "RU-SMO") == (1, 1)  # "1 of 1": the bound of Moscow is not a full year


def test_tolerance_takes_the_latest_earlier_full_year_but_the_years_own_bound_first(figures):
    assert "RU-TA" not in set(map_figures(figures, 2024, tolerance=2)["region"])  # 2021 is three years back
    table = map_figures(figures, 2024, tolerance=3).set_index("region")
    assert (table.loc["RU-TA", "basis"], table.loc["RU-TA", "year"]) == ("earlier", 2021)
    assert table.loc["RU-BRY", "basis"] == "bound"  # the year's own partial figure comes before an earlier year
    without = map_figures(figures, 2024, bounds=False, tolerance=3).set_index("region")
    assert (without.loc["RU-BRY", "basis"], without.loc["RU-BRY", "year"]) == ("earlier", 2022)
    assert (without.loc["RU-TA", "months"]) == 12  # the 2023 partial year is never used for tolerance


def test_the_ranking_labels_bounds_with_their_period_and_earlier_years_with_their_year(figures):
    table = map_figures(figures, 2024, bounds=True, tolerance=3)
    chart = ranking_chart(table, 2024, "turnover", since=2021)
    labels = {row["region_name"]: row["label"] for row in chart.datasets["figures"]}
    assert labels["Moscow"] == "over $9bn (Jan–Oct 2024)"  # "over" $9bn in ten months: over it for the year too
    assert labels["Republic of Tatarstan"] == "$2bn (2021)"
    assert labels["Smolensk Oblast"] == "$4bn"
    assert chart.subtitle == ["US$ billion · 2024, or the latest full year since 2021"]
    legend = chart.spec()["layer"][0]["encoding"]["color"]
    assert legend["scale"]["domain"] == ["Full year", "Partial year, a lower bound", "Earlier full year"]  # said by the legend's own entries
    assert legend["legend"] is not None


@pytest.mark.parametrize(
    ("qualifier", "expected"),
    [
        ("exact", "at least $9bn (Jan–Oct 2024)"),  # the full year is at least the exact partial figure
        ("approx", "about $9bn or more (Jan–Oct 2024)"),  # never "at least": the partial figure itself is only about $9bn
        ("at_most", "almost $9bn or more (Jan–Oct 2024)"),
        ("at_least", "over $9bn (Jan–Oct 2024)"),
    ],
)
def test_a_lower_bound_keeps_the_partial_figures_own_qualifier(write_dataset, qualifier, expected):
    rows = [("RU-SMO", 2024, 12, "turnover", 4.0, "exact", "goods", "belta-1"), ("RU-MOW", 2024, 10, "turnover", 9.0, qualifier, "goods", "old-1")]
    data, geo = write_dataset(figures=csv_text(rows))
    table = map_figures(load_dataset(data, geo).figures, 2024)
    labels = {row["region_name"]: row["label"] for row in ranking_chart(table, 2024, "turnover").datasets["figures"]}
    assert labels["Moscow"] == expected
    collection = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": "RU-MOW", "name_en": "Moscow", "name_ru": "Москва", "country": "RU"}, "geometry": {"type": "Polygon", "coordinates": [[[37, 55], [38, 55], [38, 56], [37, 55]]]}}]}
    assert region_properties(collection, table, year=2024)[0]["shown"] == expected  # the map's tooltip says the same


def test_the_map_names_each_region_in_the_readers_language(figures):
    table = map_figures(figures, 2024)
    collection = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": "RU-MOW", "name_en": "Moscow", "name_ru": "Москва", "country": "RU"}, "geometry": {"type": "Polygon", "coordinates": [[[37, 55], [38, 55], [38, 56], [37, 55]]]}},
        {"type": "Feature", "properties": {"id": "RU-TA", "name_en": "Tatarstan", "name_ru": "", "country": "RU"}, "geometry": {"type": "Polygon", "coordinates": [[[49, 55], [50, 55], [50, 56], [49, 55]]]}},
    ]}
    assert [p["name"] for p in region_properties(collection, table, "ru", 2024)] == ["Москва", "Tatarstan"]  # no Russian name: English
    assert [p["name"] for p in region_properties(collection, table, "en", 2024)] == ["Moscow", "Tatarstan"]
    page = folium_map(collection, table, lang="ru", year=2024).get_root().render()
    assert json.dumps("Москва")[1:-1] in page and "Moscow" not in page  # the page's JSON escapes Cyrillic


def test_the_map_tooltip_says_what_a_marked_figure_stands_for(figures):
    table = map_figures(figures, 2024, tolerance=3)
    collection = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": region, "name_en": region, "name_ru": region, "country": "RU"}, "geometry": {"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, 51], [30, 50]]]}}
        for region in ("RU-TA", "RU-MOW", "RU-SMO")
    ] + [{"type": "Feature", "properties": {"id": "BY-MI", "name_en": "Minsk Oblast", "name_ru": "Минская область", "country": "BY"}, "geometry": {"type": "Polygon", "coordinates": [[[27, 53], [28, 53], [28, 54], [27, 53]]]}}]}
    props = {p["id"]: p for p in region_properties(collection, table, year=2024)}
    assert props["RU-TA"]["note"] == "2021 figure; none published for 2024"
    assert props["RU-MOW"]["note"] == "Jan–Oct 2024 only: a lower bound of the full year 2024"
    assert props["RU-SMO"]["note"] == "" and props["RU-SMO"]["marking"] == ""
    assert "no profile" in props["BY-MI"]["note"]
    html = folium_map(collection, table, year=2024).get_root().render()
    assert "2021 figure; none published for 2024" in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, MapOptions()),
        ({"bounds": "0", "tolerance": "5", "map": "interactive", "extent": "far_east"}, MapOptions(False, 5, "interactive", "far_east")),
        ({"bounds": "1", "tolerance": "0"}, MapOptions(True, 0)),  # the defaults, written out: read as given, no notice
    ],
)
def test_map_options_are_read_from_the_address_and_written_back(params, expected):
    options, notices = parse_map_options(params)
    assert options == expected and notices == []
    assert parse_map_options(options.as_params())[0] == options


@pytest.mark.parametrize(("name", "value"), [("bounds", "2"), ("tolerance", "6"), ("tolerance", "²"), ("tolerance", "-1"), ("map", "leaflet"), ("extent", "x" * 500)])
def test_a_bad_map_option_falls_back_with_a_short_notice(name, value):
    options, notices = parse_map_options({name: value})
    assert options == MapOptions()
    assert len(notices) == 1 and len(notices[0]) < 200
    options_ru, notices_ru = parse_map_options({name: value}, "ru")
    assert options_ru == options and len(notices_ru) == 1 and notices_ru != notices  # said in the reader's language
    assert in_cyrillic(notices_ru[0])
