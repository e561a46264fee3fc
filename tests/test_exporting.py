"""Exports for slides: PNG and SVG with title, subtitle, source line, and Russian text drawn as glyphs."""

import io

import pytest
from PIL import Image

from turnover.aggregate import ranking, region_series
from turnover.charts import series_chart
from turnover.dataset import load_dataset
from turnover.exporting import chart_png, chart_svg


@pytest.fixture(scope="module")
def shipped():
    return load_dataset()


def test_svg_export_carries_title_subtitle_units_and_source(shipped):
    framed = series_chart(region_series(shipped.figures, "RU-SMO"), "Smolensk Oblast", "turnover")
    svg = chart_svg(framed)
    assert "Trade turnover: Belarus – Smolensk Oblast" in svg
    assert "US$ billion" in svg
    assert "partial years drawn apart" in svg
    assert "Sources: " in svg
    assert "DejaVu Sans" in svg


def test_png_export_is_a_wide_image(shipped):
    framed = series_chart(region_series(shipped.figures, "RU-SMO"), "Smolensk Oblast", "turnover")
    image = Image.open(io.BytesIO(chart_png(framed)))
    assert image.format == "PNG"
    assert image.width >= 1400  # 760 px at scale 2, with margins


def test_russian_names_render_as_distinct_glyphs(shipped):
    """Two Cyrillic titles of the same length give different images; missing glyphs would draw identical boxes."""
    series = region_series(shipped.figures, "RU-SMO")
    first = chart_png(series_chart(series, "Смоленская область", "turnover"), scale=1)
    second = chart_png(series_chart(series, "Брянская областьь", "turnover"), scale=1)
    assert first != second
    title_band = [Image.open(io.BytesIO(png)).convert("L").crop((0, 0, 500, 30)).tobytes() for png in (first, second)]
    assert title_band[0] != title_band[1]


def test_map_and_ranking_export(shipped):
    from turnover.boundaries import load_boundaries
    from turnover.charts import ranking_chart
    from turnover.maps import altair_map
    from turnover.paths import geo_dir

    table = ranking(shipped.figures, 2023)
    svg = chart_svg(altair_map(load_boundaries(geo_dir() / "regions-overview.geojson"), table, 2023, "turnover"))
    assert "by Russian region, 2023" in svg and "log colour scale" in svg
    assert svg.count("<path") > 90  # every region drawn
    assert "Smolensk Oblast" in chart_svg(ranking_chart(table, 2023, "turnover"))
