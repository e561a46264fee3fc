"""Maps where the partners are: named extents, their bounds, the projection fitted to them and the labelled partners."""

import itertools

import pandas as pd
import pytest

from tests.svg_geometry import drawing
from turnover.aggregate import ranking
from turnover.charts import LABEL_TIERS, for_width
from turnover.exporting import chart_svg
from turnover.extents import extent_regions, leaflet_bounds, make_extent, named_extent, project
from turnover.labels import MAP_HEIGHT, PLOT_WIDTH, _kept_clear, map_label_sets, text_width
from turnover.maps import altair_map, folium_map


def _square(west, south, size):
    return [[[west, south], [west, south + size], [west + size, south + size], [west + size, south], [west, south]]]


# Four regions: A a square, B a mainland with a small far island, C across 180° (two pieces), D elsewhere.
COLLECTION = {
    "type": "FeatureCollection",
    "features": [
        {"type": "Feature", "properties": {"id": "A", "country": "RU"}, "geometry": {"type": "Polygon", "coordinates": _square(30, 50, 4)}},
        {"type": "Feature", "properties": {"id": "B", "country": "RU"}, "geometry": {"type": "MultiPolygon", "coordinates": [_square(36, 52, 6), _square(50, 78, 1)]}},
        {"type": "Feature", "properties": {"id": "C", "country": "RU"}, "geometry": {"type": "MultiPolygon", "coordinates": [_square(170, 62, 10), _square(-180, 64, 4)]}},
        {"type": "Feature", "properties": {"id": "D", "country": "RU"}, "geometry": {"type": "Polygon", "coordinates": _square(90, 55, 5)}},
    ],
}


def test_bounds_cover_the_mainlands_only():
    extent = make_extent(COLLECTION, frozenset({"A", "B"}), "test")
    assert extent.bounds == (30, 50, 42, 58)  # B's island at 78°N does not stretch the frame
    assert leaflet_bounds(extent) == [[50, 30], [58, 42]]
    assert extent.rotate == (-36.0, 0.0, 0.0)
    points = extent.fit["geometry"]["coordinates"]
    assert extent.fit["type"] == "Feature" and extent.fit["geometry"]["type"] == "MultiPoint"
    assert {(30, 50), (42, 58)} <= {tuple(p) for p in points}
    assert all(30 <= x <= 42 and 50 <= y <= 58 for x, y in points)


def test_a_region_across_180_degrees_is_one_piece():
    extent = make_extent(COLLECTION, frozenset({"C"}), "test")
    assert extent.bounds == (170, 62, 184, 72)  # the piece west of -176° counts as east of 180°
    assert any(-180 < x < -170 for x, _ in extent.fit["geometry"]["coordinates"])  # written back as GeoJSON longitudes for Vega


def test_each_framed_region_has_its_label_dot_on_its_mainland():
    extent = make_extent(COLLECTION, frozenset({"A", "B", "C"}), "test")
    assert extent.anchors.keys() == {"A", "B", "C"}
    (ax, ay), (bx, by), (cx, cy) = extent.anchors["A"], extent.anchors["B"], extent.anchors["C"]
    assert 30 < ax < 34 and 50 < ay < 54
    assert 36 < bx < 42 and 52 < by < 58  # on the mainland, not the island
    assert (170 < cx < 180 or -180 < cx < -176) and 62 < cy < 72  # a GeoJSON longitude for Vega


def test_named_extents_hold_their_federal_districts(shipped):
    table = shipped.registry.table
    europe = extent_regions(table, "europe")
    assert {"RU-SMO", "RU-BRY", "RU-PSK", "RU-MOW", "RU-SPE", "RU-TA", "RU-DA", "RU-ROS", "BY-MI", "BY-HM"} <= europe
    assert not europe & {"RU-NVS", "RU-SVE", "RU-PRI", "BY", "RU", "FD-CENTRAL"}
    districts = ["FD-CENTRAL", "FD-NORTHWESTERN", "FD-SOUTHERN", "FD-NORTH-CAUCASIAN", "FD-VOLGA"]
    assert len(europe) == table["federal_district"].isin(districts).sum() + ((table["country"] == "BY") & (table["kind"] != "country")).sum()
    assert extent_regions(table, "urals_siberia") == frozenset(table.index[table["federal_district"].isin(["FD-URAL", "FD-SIBERIAN"])])
    assert extent_regions(table, "far_east") == frozenset(table.index[table["federal_district"] == "FD-FAR-EASTERN"])
    assert europe | extent_regions(table, "urals_siberia") | extent_regions(table, "far_east") == extent_regions(table, "russia")


def test_europe_is_the_west_and_far_smaller_than_russia(shipped, overview):
    europe = named_extent(shipped.registry.table, overview)
    russia = named_extent(shipped.registry.table, overview, "russia")
    west, south, east, north = europe.bounds
    assert 19 < west < 24 and 40 < south < 43 and 60 < east < 70 and 68 < north < 72  # Kaliningrad to the Urals, Caucasus to the Barents Sea
    assert russia.bounds[2] >= 179  # to Chukotka
    # Smolensk drawn over three times larger (in area) on the European map than on the map of all Russia
    def size(extent):
        (x0, y0), (x1, y1) = (project(extent, lon, lat, PLOT_WIDTH, MAP_HEIGHT) for lon, lat in ((31, 54), (35, 56)))
        return abs(x1 - x0) * abs(y1 - y0)
    assert size(europe) > 3 * size(russia)


def test_static_map_spec_carries_the_fit_and_clips(shipped, overview):
    europe = named_extent(shipped.registry.table, overview)
    spec = altair_map(overview, ranking(shipped.figures, 2023), 2023, "turnover", europe).spec()
    assert spec["projection"]["type"] == "conicEqualArea"
    assert spec["projection"]["fit"] == europe.fit
    assert spec["projection"]["rotate"] == list(europe.rotate)
    assert all(layer["mark"]["clip"] for layer in spec["layer"] if layer["mark"]["type"] == "geoshape")


def test_map_labels_pick_the_largest_partners_inside_the_extent():
    extent = make_extent(COLLECTION, frozenset({"A", "B", "D"}), "test")
    table = pd.DataFrame({"region": ["C", "B", "D", "A"], "region_name": ["Cee", "Bee", "Dee", "Ay"], "shown": ["$9bn", "$5bn", "$2bn", "$1bn"]})
    anchors = {"A": (32.0, 52.0), "B": (39.0, 55.0), "C": (175.0, 67.0), "D": (92.5, 57.5)}
    chosen, sets = map_label_sets(table, extent, anchors, [(PLOT_WIDTH,)], limit=2)
    assert chosen["label"].tolist() == ["Bee: $5bn", "Dee: $2bn"]  # C is outside the extent; A ranks third
    assert chosen[["lon", "lat"]].values.tolist() == [[39.0, 55.0], [92.5, 57.5]]
    assert [sets[0][region].text for region in chosen["region"]] == chosen["label"].tolist()


@pytest.mark.parametrize("year", [2022, 2023])
def test_map_labels_never_overlap_at_any_width_their_set_is_drawn_at(shipped, overview, year):
    """Each set of labels is clear at both ends of its range of widths: dots projected as Vega fits the map there."""
    europe = named_extent(shipped.registry.table, overview)
    table = ranking(shipped.figures, year)
    chosen, sets = map_label_sets(table, europe, europe.anchors, LABEL_TIERS)
    assert len(chosen) and all(len(placed) for placed in sets)
    for (low, high), placed in zip(LABEL_TIERS, sets):
        for width in (low, high):
            spots = {region: project(europe, *europe.anchors[region], width, MAP_HEIGHT) for region in placed}
            boxes = [_kept_clear(*spots[region], p.dx, p.dy, p.align, text_width(p.text)) for region, p in placed.items()]
            for box in boxes:
                assert 0 <= box[0] and box[2] <= width and 0 <= box[1] and box[3] <= MAP_HEIGHT, (width, box)
            for a, b in itertools.combinations(boxes, 2):
                assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (width, a, b)


def test_the_page_draws_the_set_of_labels_for_its_width(shipped, overview):
    framed = altair_map(overview, ranking(shipped.figures, 2023), 2023, "turnover", named_extent(shipped.registry.table, overview))
    spec = framed.spec()
    assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}  # the plot keeps its height: the labels' placement holds
    texts = [layer for layer in spec["layer"] if layer.get("mark", {}).get("type") == "text"]
    assert texts and all(layer["mark"]["dx"] == {"expr": for_width("dx")} for layer in texts)


def test_exported_map_labels_the_top_five_where_they_are_drawn(shipped, overview):
    europe = named_extent(shipped.registry.table, overview)
    table = ranking(shipped.figures, 2023)
    framed = altair_map(overview, table, 2023, "turnover", europe)
    drawn = drawing(chart_svg(framed))
    inside = table[table["region"].isin(europe.regions)].head(5)
    expected = {f"{n}: {s}" for n, s in zip(inside["region_name"], inside["shown"])}
    labels = {t for t in drawn.texts if t.role == "role-mark"}  # the halo and the text share a box: a set keeps one
    assert {t.text for t in labels} == expected
    for a, b in itertools.combinations(list(drawn.texts), 2):
        if (a.text, a.box) != (b.text, b.box):
            assert min(a.box[2], b.box[2]) <= max(a.box[0], b.box[0]) or min(a.box[3], b.box[3]) <= max(a.box[1], b.box[1]), f"{a.text!r} overlaps {b.text!r}"
    plot = drawn.plots[0]
    for label in labels:
        assert plot[0] <= label.box[0] and label.box[2] <= plot[2] and plot[1] <= label.box[1] and label.box[3] <= plot[3]
    # each dot is where the Python projection puts its region: the labels were placed on the map Vega draws
    dots = sorted(drawn.points)
    placed = framed.spec()["datasets"]["map_labels"]
    expected_dots = sorted((plot[0] + x, plot[1] + y) for x, y in (project(europe, r["lon"], r["lat"], PLOT_WIDTH, MAP_HEIGHT) for r in placed))
    assert len(dots) == len(expected_dots)
    for (x, y), (ex, ey) in zip(dots, expected_dots):
        assert abs(x - ex) < 1.5 and abs(y - ey) < 1.5


def test_folium_map_opens_on_the_extent(shipped, overview):
    europe = named_extent(shipped.registry.table, overview)
    html = folium_map(overview, ranking(shipped.figures, 2023), europe).get_root().render()
    (south, west), (north, east) = leaflet_bounds(europe)
    assert f"[[{south}, {west}], [{north}, {east}]]" in html
    assert '"zoomSnap": 0.25' in html


def test_extent_map_spec_is_valid_vega_lite(shipped, overview):
    import jsonschema
    from altair.vegalite.v6.schema.core import load_schema

    framed = altair_map(overview, ranking(shipped.figures, 2023), 2023, "turnover", named_extent(shipped.registry.table, overview, "far_east"))
    validator = jsonschema.Draft7Validator(load_schema())
    for spec in (framed.spec(), framed.export_spec()):
        errors = sorted(validator.iter_errors(spec), key=str)
        assert errors == [], errors[0].message if errors else ""


def test_a_year_without_figures_draws_the_fitted_map_without_labels(shipped, overview):
    europe = named_extent(shipped.registry.table, overview)
    empty = ranking(shipped.figures, 2023).iloc[0:0]
    framed = altair_map(overview, empty, 2023, "turnover", europe)
    assert framed.datasets["map_labels"] == []
    assert framed.spec()["projection"]["fit"] == europe.fit
