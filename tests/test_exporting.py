"""Exports for slides: PNG and SVG with title, subtitle, footnote, source line, and Russian text drawn as glyphs."""

import html
import io

import pytest
from PIL import Image, ImageFont

from turnover.aggregate import ranking, region_series
from turnover.charts import series_chart
from turnover.dataset import load_dataset
from turnover.exporting import chart_png, chart_svg
from turnover.paths import REPO_ROOT


@pytest.fixture(scope="module")
def shipped():
    return load_dataset()


def test_svg_export_carries_title_subtitle_units_legend_footnote_and_source(shipped):
    framed = series_chart(region_series(shipped.figures, "RU-SMO"), "Smolensk Oblast", "turnover")
    svg = chart_svg(framed)
    assert "Trade turnover: Belarus – Smolensk Oblast" in svg
    assert html.escape(framed.subtitle[0]) in svg and framed.subtitle[0].startswith("US$ billion · ")
    assert "Partial year: its months only" in svg  # a legend entry: Smolensk has partial years
    assert "The line breaks at a missing year" in svg  # the footnote's first row
    assert "Sources: " in svg
    assert "DejaVu Sans" in svg


def test_a_slide_sets_the_charts_footnote_above_its_source_line(shipped):
    from pptx import Presentation

    from turnover.slides import chart_slide

    framed = series_chart(region_series(shipped.figures, "RU-SMO"), "Smolensk Oblast", "turnover")
    slide = Presentation(io.BytesIO(chart_slide(framed, []))).slides[0]
    boxes = {shape.text_frame.text: shape.top for shape in slide.shapes if shape.has_text_frame}
    assert framed.footnote and boxes[" ".join(framed.footnote)] < boxes[framed.source]  # the picture carries neither: both are slide text


def test_a_labelled_chart_keeps_its_plot_height_in_the_page(shipped):
    """Streamlit fits a chart's legend, axis and footer into its height unless the spec says otherwise; the
    values are placed for a plot PLOT_HEIGHT tall, so the series and compare charts fit only their width."""
    from turnover.charts import compare_chart, ranking_chart
    from turnover.compare import compare_figures
    from turnover.labels import PLOT_HEIGHT

    series = series_chart(region_series(shipped.figures, "RU-SMO"), "Smolensk Oblast", "turnover").spec()
    compared = compare_chart(compare_figures(shipped.figures, ["RU-SMO", "RU-BRY"], "turnover"), "turnover").spec()
    for spec in (series, compared):
        assert spec["autosize"] == {"type": "fit-x", "contains": "padding"} and spec["height"] == PLOT_HEIGHT
    assert "autosize" not in ranking_chart(ranking(shipped.figures, 2023), 2023, "turnover").spec()  # bars carry no placed labels


def test_png_export_is_a_wide_image(shipped):
    framed = series_chart(region_series(shipped.figures, "RU-SMO"), "Smolensk Oblast", "turnover")
    image = Image.open(io.BytesIO(chart_png(framed)))
    assert image.format == "PNG"
    assert image.width >= 1400  # 760 px at scale 2, with margins


def _title_ink_width(png: bytes) -> int:
    """Width in pixels of the ink in the image's first text row (the title), from its leftmost to its rightmost dark pixel."""
    image = Image.open(io.BytesIO(png)).convert("L")
    pixels = image.load()
    inked = [y for y in range(image.height) if any(pixels[x, y] < 128 for x in range(image.width))]
    rows = [y for y in inked if y - inked[0] < 24 and all(r in inked for r in range(inked[0], y + 1))]  # the first run of inked rows
    columns = [x for x in range(image.width) if any(pixels[x, y] < 128 for y in rows)]
    return columns[-1] - columns[0]


def _title_width_difference(series, first: str, second: str) -> int:
    widths = [_title_ink_width(chart_png(series_chart(series, name, "turnover"), scale=1)) for name in (first, second)]
    return widths[0] - widths[1]


def test_russian_names_render_as_their_own_glyphs(shipped):
    """Eight wide and eight narrow Cyrillic letters: the titles differ in width by what the bundled font says they should.

    A font without Cyrillic draws every letter as the same box (or nothing), so both titles would be equally wide.
    """
    series = region_series(shipped.figures, "RU-SMO")
    wide, narrow = "Ж" * 8, "г" * 8
    bold = ImageFont.truetype(str(REPO_ROOT / "static" / "fonts" / "DejaVuSans-Bold.ttf"), 16)  # the title's face and size
    expected = bold.getlength(wide) - bold.getlength(narrow)
    assert expected > 40  # the font itself draws the two letters at different widths
    assert abs(_title_width_difference(series, wide, narrow) - expected) <= 4


def test_the_glyph_check_sees_missing_glyphs(shipped):
    """The measure above on two strings no bundled or system font covers (a one-stroke and a 48-stroke Chinese character): equal boxes."""
    import shutil
    import subprocess

    if not shutil.which("fc-list") or subprocess.run(["fc-list", ":charset=4e00 9f98"], capture_output=True, text=True).stdout.strip():
        pytest.skip("a system font covers these characters (or fontconfig cannot tell): no missing glyphs to draw")
    series = region_series(shipped.figures, "RU-SMO")
    assert _title_width_difference(series, "一" * 8, "龘" * 8) == 0


def test_map_and_ranking_export(shipped):
    from turnover.boundaries import load_boundaries
    from turnover.charts import ranking_chart
    from turnover.maps import altair_map
    from turnover.paths import geo_dir

    table = ranking(shipped.figures, 2023)
    svg = chart_svg(altair_map(load_boundaries(geo_dir() / "regions-overview.geojson"), table, 2023, "turnover"))
    assert "by Russian region, 2023" in svg and "Log colour scale" in svg
    assert svg.count("<path") > 90  # every region drawn
    assert "Smolensk Oblast" in chart_svg(ranking_chart(table, 2023, "turnover"))


def test_a_russian_map_legend_writes_thousands_as_russian_text_does(write_dataset):
    """The colour scale's labels are laid out by Vega: in Russian they read "1 000" as every other figure does."""
    from turnover.boundaries import load_boundaries
    from turnover.formatting import format_number
    from turnover.maps import altair_map
    from turnover.paths import geo_dir
    from tests.conftest import HEADER

    rows = HEADER + "RU-SMO,2023,12,turnover,4400,USD,mn,exact,goods,,belta-1,\nRU-BRY,2023,12,turnover,40,USD,mn,exact,goods,,belta-1,\n"
    table = ranking(load_dataset(*write_dataset(figures=rows)).figures, 2023)
    overview = load_boundaries(geo_dir() / "regions-overview.geojson")
    svgs = {lang: chart_svg(altair_map(overview, table, 2023, "turnover", lang=lang)) for lang in ("en", "ru")}
    assert f">{format_number(1000, 0, 'ru')}<" in svgs["ru"] and ">1,000<" not in svgs["ru"]
    assert ">1,000<" in svgs["en"]
