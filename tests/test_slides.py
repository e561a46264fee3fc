"""A briefing slide in one click: the .pptx opens with title, a sharp chart picture, the key figures as text
and the source line; the map slide carries the map and the top ten; a 1920 × 1080 PNG per chart."""

import io

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from turnover import profile
from turnover.aggregate import ranking, region_series
from turnover.boundaries import load_boundaries
from turnover.charts import series_chart
from turnover.dataset import load_dataset
from turnover.exporting import picture_png, slide_png
from turnover.extents import named_extent
from turnover.maps import altair_map
from turnover.paths import geo_dir
from turnover.slides import chart_slide, key_figure_items, map_slide, ranking_items, slide_file_name


@pytest.fixture(scope="module")
def shipped():
    return load_dataset()


@pytest.fixture(scope="module")
def smolensk(shipped):
    return series_chart(region_series(shipped.figures, "RU-SMO"), "Smolensk Oblast", "turnover", selected_year=2023)


@pytest.fixture(scope="module")
def year_table(shipped):
    return ranking(shipped.figures, 2023)


def _texts(slide) -> list[str]:
    texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
    for shape in slide.shapes:
        if shape.has_table:
            texts += [cell.text for row in shape.table.rows for cell in row.cells]
    return texts


def _open(data: bytes):
    deck = Presentation(io.BytesIO(data))
    assert len(deck.slides) == 1
    assert abs(deck.slide_width / deck.slide_height - 16 / 9) < 0.01
    slide = deck.slides[0]
    for shape in slide.shapes:  # nothing hangs off the slide
        assert 0 <= shape.left and shape.left + shape.width <= deck.slide_width
        assert 0 <= shape.top and shape.top + shape.height <= deck.slide_height
    return slide


def test_file_name_says_region_flow_and_period():
    assert slide_file_name("Smolensk Oblast", "turnover", "2023") == "belarus-smolensk-oblast-turnover-2023.pptx"
    assert slide_file_name("Gebiet Brjansk", "export", "Jan–Sep 2024", "png") == "belarus-gebiet-brjansk-export-jan-sep-2024.png"
    assert slide_file_name("Republic of North Ossetia–Alania", "import", "2022") == "belarus-republic-of-north-ossetia-alania-import-2022.pptx"


def test_region_slide_has_title_sharp_picture_key_figures_and_source(shipped, smolensk, year_table):
    cards = profile.key_figures(shipped.for_region("RU-SMO"), year_table, "RU-SMO", "turnover", 2023).cards
    figures = key_figure_items(cards)
    assert ("Full year 2023", "$4.4bn", figures[0][2]) == figures[0] and figures[0][2].endswith("on 2022")
    slide = _open(chart_slide(smolensk, figures))
    assert slide.shapes.title.text_frame.text == "Trade turnover: Belarus – Smolensk Oblast"
    pictures = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1
    assert pictures[0].image.size[0] >= 1920
    texts = _texts(slide)
    for label, value, note in figures:
        box = next(text for text in texts if text.startswith(label + "\n"))  # each figure its own editable box
        assert value in box and note in box
    assert smolensk.source.startswith("Sources: ") and smolensk.source in texts
    assert " ".join(smolensk.subtitle) in texts


def test_map_slide_carries_the_map_and_the_top_ten(shipped, year_table):
    overview = load_boundaries(geo_dir() / "regions-overview.geojson")
    framed = altair_map(overview, year_table, 2023, "turnover", named_extent(shipped.registry.table, overview))
    items = ranking_items(year_table)
    assert len(items) == 10 and items[0] == ("1", year_table.iloc[0]["region_name"], year_table.iloc[0]["shown"])
    slide = _open(map_slide(framed, items, ("Rank", "Region", "2023")))
    assert slide.shapes.title.text_frame.text == framed.title
    assert [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE][0].image.size[0] >= 1920
    table = next(shape.table for shape in slide.shapes if shape.has_table)
    rows = [tuple(cell.text for cell in row.cells) for row in table.rows]
    assert rows == [("Rank", "Region", "2023"), *items]
    assert framed.source in _texts(slide)


def test_slide_png_is_1920_by_1080_with_the_chart_filling_it(smolensk):
    image = Image.open(io.BytesIO(slide_png(smolensk))).convert("L")
    assert image.size == (1920, 1080)
    left, top, right, bottom = Image.eval(image, lambda v: 255 - v).getbbox()  # the drawn part
    assert right - left > 1700 or bottom - top > 950  # scaled up to fill the width or the height


def test_picture_has_no_title_or_source_inside(smolensk):
    plain = Image.open(io.BytesIO(picture_png(smolensk)))
    assert plain.width >= 1920
    assert plain.width / plain.height > 1.9  # only the chart and its legend: no title block above nor source below


def test_a_russian_slide_is_named_in_russian():
    from turnover.texts.pages import slide_file_words

    assert slide_file_name("Смоленская область", "export", "2023", lang="ru") == "беларусь-смоленская-область-экспорт-2023.pptx"
    assert slide_file_words("Smolensk Oblast", "import", "2023") == "Belarus Smolensk Oblast import 2023"
