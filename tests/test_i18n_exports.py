"""A Russian export is Russian: no English interface word in the SVG of a chart of each kind, and an English one has none of
the Russian messages (only data, such as Russian source names, may be in the other language)."""

import re
import xml.etree.ElementTree as ET

import pytest

from tests.english_words import english_in
from turnover import coverage
from turnover.aggregate import district_totals, map_figures, ranking, region_series
from turnover.boundaries import load_boundaries
from turnover.charts import compare_chart, district_chart, ranking_chart, series_chart
from turnover.compare import compare_figures
from turnover.coverage_chart import coverage_chart
from turnover.dataset import load_dataset
from turnover.exporting import chart_svg
from turnover.extents import named_extent
from turnover.maps import altair_map
from turnover.paths import geo_dir

CYRILLIC = re.compile(r"[А-Яа-яЁё]")


@pytest.fixture(scope="module")
def shipped():
    return load_dataset()


def _charts(data, lang: str) -> dict:
    table = map_figures(data.figures, 2024, "turnover", True, 2)
    overview = load_boundaries(geo_dir() / "regions-overview.geojson")
    cells = coverage.grid(data.figures, data.ranks, data.registry, "turnover", lang)
    return {
        "series": series_chart(region_series(data.figures, "RU-SMO"), data.registry.name("RU-SMO", lang), "turnover", selected_year=2023, lang=lang),
        "ranking": ranking_chart(table, 2024, "turnover", lang=lang, since=2022),
        "compare": compare_chart(compare_figures(data.figures, ["RU-SMO", "RU-BRY"], "turnover"), "turnover", lang=lang),
        "districts": district_chart(district_totals(data.figures, data.registry, 2023), 2023, "turnover", ranking(data.figures, 2023), lang=lang),
        "map": altair_map(overview, table, 2024, "turnover", named_extent(data.registry.table, overview), lang=lang, since=2022),
        "coverage": coverage_chart(coverage.ordered(cells, "district"), "turnover", 1, 1, (set(data.regions), set(data.years)), "district", "", lang),
    }


def _svg_text(svg: str) -> str:
    return " ".join(element.text or "" for element in ET.fromstring(svg).iter() if element.tag.endswith("text"))


@pytest.mark.parametrize("kind", ["series", "ranking", "compare", "districts", "map", "coverage"])
def test_a_russian_chart_export_has_no_english_interface_word(shipped, kind):
    framed = _charts(shipped.in_language("ru"), "ru")[kind]
    text = _svg_text(chart_svg(framed))
    assert CYRILLIC.search(framed.title) and CYRILLIC.search(text)
    assert english_in(text) == []


@pytest.mark.parametrize("kind", ["series", "ranking", "map"])
def test_an_english_chart_export_has_no_russian_interface_text(shipped, kind):
    framed = _charts(shipped, "en")[kind]
    text = _svg_text(chart_svg(framed))
    sources = " ".join(shipped.sources["publisher"].astype(str))  # Russian publishers' names are data
    assert [word for word in re.findall(r"[А-Яа-яЁё]+", text) if word not in sources] == []
