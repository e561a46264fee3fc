"""The spec a page hands Streamlit: a view's tabular data converted to Arrow once, the same chart drawn."""

import gc

import pandas as pd
from streamlit import dataframe_util

from app.widgets import page_spec
from turnover.aggregate import region_series
from turnover.charts import series_chart
from turnover import paths
from turnover.dataset import load_dataset


def _chart():
    data = load_dataset(paths.data_dir(), paths.geo_dir())
    return series_chart(region_series(data.figures, "RU-SMO"), "Smolensk Oblast", "turnover", selected_year=2023)


def test_named_data_goes_to_streamlit_as_the_arrow_bytes_streamlit_would_make():
    framed = _chart()
    spec, page = framed.spec(), page_spec(framed)
    assert set(page["datasets"]) == set(spec["datasets"]) and page["datasets"]
    for name, records in spec["datasets"].items():
        assert page["datasets"][name] == dataframe_util.convert_anything_to_arrow_bytes(records)
        assert isinstance(records, list)  # the view's own spec (tests, exports) keeps its records
    assert {k: v for k, v in page.items() if k != "datasets"} == {k: v for k, v in spec.items() if k != "datasets"}


def test_the_conversion_is_made_once_per_view_and_forgotten_with_it():
    framed = _chart()
    assert page_spec(framed) is page_spec(framed)
    other = _chart()
    assert page_spec(other) is not page_spec(framed)
    key = id(other)
    assert key in page_spec.held_ids()
    del other
    gc.collect()
    assert key not in page_spec.held_ids()  # (others of earlier tests may go in the same collection)
    assert framed in page_spec


def test_geojson_stays_in_the_spec_as_streamlit_keeps_it():
    feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [30.0, 54.0]}, "properties": {"id": "RU-SMO"}}

    class Held:  # a stand-in view: page_spec reads only spec()
        def spec(self):
            return {"mark": "geoshape", "data": {"name": "regions"}, "datasets": {"regions": [feature], "table": [{"a": 1}]}}

    page = page_spec(Held())
    assert page["datasets"]["regions"] == [feature]
    assert page["datasets"]["table"] == dataframe_util.convert_anything_to_arrow_bytes(pd.DataFrame([{"a": 1}]))
