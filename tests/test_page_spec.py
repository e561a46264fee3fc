"""What a page hands Streamlit: a view's tabular data converted to Arrow once, the same chart drawn; a region's notices
as one block of literal paragraphs."""

import gc

import pyarrow as pa
import pytest
from streamlit import dataframe_util

from app.widgets import arrow_bytes, arrow_table, notice_block, page_spec
from turnover.profile import Summary
from turnover.aggregate import ranking
from turnover.maps import altair_map
from turnover.aggregate import region_series
from turnover.charts import series_chart
from turnover import paths
from turnover.dataset import load_dataset


def _chart():
    data = load_dataset(paths.data_dir(), paths.geo_dir())
    return series_chart(region_series(data.figures, "RU-SMO"), "Smolensk Oblast", "turnover", selected_year=2023)


def _read(arrow: bytes) -> list[dict]:
    """The rows the browser reads from Arrow bytes (a pandas index column left out)."""
    table = pa.ipc.open_stream(arrow).read_all()
    return table.drop_columns([name for name in table.column_names if name.startswith("__index_level_")]).to_pylist()


def _columns(arrow: bytes) -> list[tuple[str, str]]:
    return [(field.name, str(field.type)) for field in pa.ipc.open_stream(arrow).schema if not field.name.startswith("__index_level_")]


@pytest.mark.parametrize("view", ["series", "map"])
def test_named_data_goes_to_streamlit_as_arrow_holding_what_streamlits_own_conversion_holds(shipped, overview, view):
    framed = _chart() if view == "series" else altair_map(overview, ranking(shipped.figures, 2023), 2023, "turnover")
    spec, page = framed.spec(), page_spec(framed)
    tabular = {name: records for name, records in spec["datasets"].items() if isinstance(page["datasets"][name], bytes)}
    assert tabular
    for name, records in tabular.items():
        streamlits = dataframe_util.convert_anything_to_arrow_bytes(records)
        assert _read(page["datasets"][name]) == _read(streamlits)
        assert _columns(page["datasets"][name]) == _columns(streamlits)  # text typed as Streamlit's (a map drew no region with Arrow's short strings)
        assert isinstance(records, list)  # the view's own spec (tests, exports) keeps its records
    assert {k: v for k, v in page.items() if k != "datasets"} == {k: v for k, v in spec.items() if k != "datasets"}


def test_records_pyarrow_cannot_type_go_streamlits_way_and_a_nan_is_missing():
    mixed = [{"label": 1, "usd_mn": float("nan")}, {"label": "over $1bn", "usd_mn": 2.5}, {"note": "later key"}]
    assert _read(arrow_bytes(mixed)) == _read(dataframe_util.convert_anything_to_arrow_bytes(mixed))
    plain = [{"usd_mn": float("nan"), "year": 2023}, {"usd_mn": 4400.0, "year": 2024, "note": "later key"}]
    assert _read(arrow_bytes(plain)) == [{"usd_mn": None, "year": 2023, "note": None}, {"usd_mn": 4400.0, "year": 2024, "note": "later key"}]


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
    assert _read(page["datasets"]["table"]) == [{"a": 1}]


def test_a_views_table_goes_to_streamlit_as_the_same_bytes_converted_once(shipped):
    from turnover.provenance import provenance_table

    frame = provenance_table(shipped.for_region("RU-SMO"), "en")
    assert arrow_table(frame) is arrow_table(frame)
    assert dataframe_util.convert_anything_to_arrow_bytes(arrow_table(frame)) == dataframe_util.convert_anything_to_arrow_bytes(frame)


def test_a_regions_notices_are_one_block_of_literal_paragraphs_made_once_per_summary():
    summary = Summary(notices=["Jan–Sep 2024 (*$3.1bn*) is above 2023", "[a link](https://example.org) # not a heading"])
    block = notice_block(summary)
    paragraphs = block.split("\n\n")
    assert len(paragraphs) == len(summary.notices)
    assert all(paragraph.replace("\\", "") == notice for paragraph, notice in zip(paragraphs, summary.notices))  # each notice whole
    assert "\\*" in paragraphs[0] and "\\[" in paragraphs[1] and "\\#" in paragraphs[1]  # Markdown shown, not applied
    summary.notices.append("added later")
    assert notice_block(summary) is block  # a cached summary is never modified: its block is made once
