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


def test_named_data_carry_the_values_pandas_writes_for_the_table():
    """A chart's rows, read straight from the table, are what pandas' JSON of it gives: floats to 10 decimals (huge and
    tiny ones to 10 digits), NaN and missing text as null, numbers, truth values and text in the columns' order."""
    import json
    import random

    import pandas as pd

    from turnover.charts import named

    rng = random.Random(7)
    rows = 400
    amounts = [rng.uniform(-1e4, 1e4) for _ in range(rows // 2)] + [rng.uniform(0, 1) * 10 ** rng.randint(-20, 20) for _ in range(rows // 2 - 6)]
    amounts += [float("nan"), -0.0, 2024 + 11 / 24, 0.5e-10, 0.99999999999, 9.99999999995]
    frame = pd.DataFrame({
        "name": pd.array([None if i % 7 == 0 else f"region {i}" for i in range(rows)], dtype="str"),
        "year": [2000 + i % 30 for i in range(rows)],
        "full_year": [i % 3 == 0 for i in range(rows)],
        "amount": amounts,
        "published": pd.to_datetime(["2024-11-18"] * rows),
        "mixed": [[1, "x", None, 2.5][i % 4] for i in range(rows)],
    })
    assert json.dumps(named(frame, "rows")) == json.dumps({"rows": json.loads(frame.to_json(orient="records", date_format="iso"))})
