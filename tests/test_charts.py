"""Every chart's spec is valid Vega-Lite (checked here once, since pages skip Altair's slow validation)."""

import jsonschema
import pytest
from altair.vegalite.v6.schema.core import load_schema

from turnover.aggregate import district_totals, ranking, region_series
from turnover.boundaries import load_boundaries
from turnover.charts import compare_chart, district_chart, ranking_chart, series_chart
from turnover.compare import compare_figures
from turnover.dataset import load_dataset
from turnover.maps import altair_map, legend_spec
from turnover.paths import geo_dir


@pytest.fixture(scope="module")
def shipped():
    return load_dataset()


@pytest.fixture(scope="module")
def validator():
    return jsonschema.Draft7Validator(load_schema())


def _charts(data):
    table = ranking(data.figures, 2023)
    collection = load_boundaries(geo_dir() / "regions.geojson")
    return {
        "series": series_chart(region_series(data.figures, "RU-SMO"), "Smolensk Oblast", "turnover"),
        "ranking": ranking_chart(table, 2023, "turnover"),
        "compare": compare_chart(compare_figures(data.figures, ["RU-SMO", "RU-BRY"], "turnover"), "turnover"),
        "districts": district_chart(district_totals(data.figures, data.registry, 2023), 2023, "turnover", table),
        "map": altair_map(collection, table, 2023, "turnover"),
    }


@pytest.mark.parametrize("name", ["series", "ranking", "compare", "districts", "map"])
def test_page_and_export_specs_are_valid_vega_lite(shipped, validator, name):
    framed = _charts(shipped)[name]
    for spec in (framed.spec(), framed.export_spec()):
        errors = sorted(validator.iter_errors(spec), key=str)
        assert errors == [], errors[0].message if errors else ""


def test_the_map_spec_carries_every_region_once(shipped):
    spec = _charts(shipped)["map"].spec()
    regions, shapes = spec["datasets"]["regions"], spec["datasets"]["boundaries"]  # the full file is not served: its shapes go inline
    ids = [f["properties"]["id"] for f in load_boundaries(geo_dir() / "regions.geojson")["features"]]
    assert len({row["id"] for row in regions}) == len(regions) == len(ids)
    assert [f["properties"]["id"] for f in shapes] == ids


def test_legend_spec_is_valid(shipped, validator):
    assert list(validator.iter_errors(legend_spec(ranking(shipped.figures, 2023), "turnover"))) == []
