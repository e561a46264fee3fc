"""The static map's shapes: the page loads them from the file the app serves, an export carries them inline."""

import copy
import functools
import json

import pytest

from turnover.aggregate import map_figures
from turnover.exporting import chart_svg
from turnover.extents import named_extent
from turnover import maps
from turnover.maps import SERVED_BOUNDARIES, SERVED_URL, altair_map, boundary, served_text


def test_the_served_file_holds_the_overviews_shapes(overview):
    served = json.loads(SERVED_BOUNDARIES["regions-overview.geojson"].read_text(encoding="utf-8"))["features"]
    assert [(f["properties"], f["geometry"]) for f in served] == [({"id": f["properties"]["id"]}, f["geometry"]) for f in overview["features"]]
    assert boundary(overview).served is not None  # geo/build_boundaries.py --served-only rewrites it when this fails


def test_a_year_change_sends_the_figures_not_the_shapes(shipped, overview):
    table = map_figures(shipped.for_year(2023), 2023, "turnover", True, 0)
    framed = altair_map(overview, table, 2023, "turnover", named_extent(shipped.registry.table, overview))
    page = framed.spec()
    assert page["data"]["url"].startswith(f"{SERVED_URL}/regions-overview.geojson?v=")
    assert "boundaries" not in page["datasets"] and len(page["datasets"]["regions"]) == len(overview["features"])
    assert len(json.dumps(page)) * 4 < SERVED_BOUNDARIES["regions-overview.geojson"].stat().st_size
    exported = framed.export_spec()
    assert [f["geometry"] for f in exported["datasets"]["boundaries"]] == [f["geometry"] for f in overview["features"]]
    assert exported["data"] == {"name": "boundaries"}


def test_the_page_reads_the_features_of_the_file_it_names(shipped, overview):
    """As Vega loads it: the file the link names, read as JSON, the features from the property given."""
    table = map_figures(shipped.for_year(2023), 2023, "turnover", True, 0)
    data = altair_map(overview, table, 2023, "turnover").spec()["data"]
    name = data["url"].removeprefix(f"{SERVED_URL}/").split("?")[0]
    assert data["format"]["type"] == "json"
    loaded = json.loads(SERVED_BOUNDARIES[name].read_text(encoding="utf-8"))[data["format"]["property"]]
    assert [f["properties"]["id"] for f in loaded] == [f["properties"]["id"] for f in overview["features"]]


def test_the_link_changes_with_the_served_files_text(tmp_path, monkeypatch):
    """A browser keeps a file it has loaded under its address: new shapes need a new address."""
    path = tmp_path / "shapes.geojson"
    monkeypatch.setattr(maps, "SERVED_BOUNDARIES", {"shapes.geojson": path})
    feature = {"type": "Feature", "properties": {"id": "RU-SMO"}, "geometry": {"type": "Point", "coordinates": [32, 55]}}
    links = []
    for features in ([feature], [feature, feature | {"properties": {"id": "RU-BRY"}}]):
        path.write_text(served_text(features), encoding="utf-8")
        links.append(maps._served(served_text(features))["url"])
    assert links[0] != links[1] and all(link.startswith(f"{SERVED_URL}/shapes.geojson?v=") for link in links)
    assert maps._served(served_text([feature])) is None  # the file no longer holds those shapes: they go inline


def test_an_export_draws_every_region_from_its_inline_shapes(shipped, overview):
    table = map_figures(shipped.for_year(2023), 2023, "turnover", True, 0)
    svg = chart_svg(altair_map(overview, table, 2023, "turnover"))
    assert svg.count('aria-roledescription="geoshape"') >= len(overview["features"]) + len(table)  # every region grey, the valued ones over it


def test_shapes_the_served_file_does_not_hold_stay_inline(shipped, overview):
    moved = copy.deepcopy(overview)
    moved["features"][0]["geometry"] = overview["features"][1]["geometry"]
    table = map_figures(shipped.for_year(2023), 2023, "turnover", True, 0)
    page = altair_map(moved, table, 2023, "turnover").spec()
    assert page["data"] == {"name": "boundaries"}
    assert page["datasets"]["boundaries"][0]["geometry"] == moved["features"][0]["geometry"]


def test_a_year_with_other_markings_builds_no_chart_template(shipped, overview, monkeypatch):
    """The first map and ranking in a language build every variant of their kind; later years only fill them."""
    from turnover import charts
    from turnover.charts import ranking_chart

    charts.chart_template.cache_clear()
    monkeypatch.setattr(maps, "_map_templates", functools.cache(maps._map_templates.__wrapped__))
    monkeypatch.setattr(charts, "_ranking_templates", functools.cache(charts._ranking_templates.__wrapped__))
    plain = map_figures(shipped.for_year(2023), 2023, "turnover", False, 0)  # full years only: no marking
    marked = map_figures(shipped.for_year(2023), 2023, "turnover", True, 3)  # lower bounds and earlier years
    assert set(marked["basis"]) - {"full"} and set(plain["basis"]) == {"full"}
    extent = named_extent(shipped.registry.table, overview)
    altair_map(overview, plain, 2023, "turnover", extent, lang="ru").spec()
    ranking_chart(plain, 2023, "turnover", lang="ru").spec()
    built = charts.chart_template.cache_info().misses
    altair_map(overview, marked, 2023, "turnover", extent, lang="ru", since=2020).spec()
    ranking_chart(marked, 2023, "turnover", lang="ru", since=2020).spec()
    assert charts.chart_template.cache_info().misses == built
