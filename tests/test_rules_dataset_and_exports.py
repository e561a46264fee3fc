"""Derived columns built by ``load_dataset`` (partial years, approximate marking, conversion) and the export frame."""

import json

import pytest

from tests.catalogue_support import in_cyrillic
from tests.conftest import HEADER
from turnover.aggregate import district_totals, ranking, region_series
from turnover.charts import TOOLTIP_FIELDS, compare_chart, district_chart, footer_rows, ranking_chart, series_chart, source_line
from turnover.dataset import load_dataset
from turnover.exporting import EXPORT_WIDTH, FONT, export_spec
from turnover.formatting import format_number
from turnover.maps import altair_map
from turnover.provenance import provenance_table
from turnover.texts.charts import tooltip_titles

FX_RATE = 92.57  # conftest.FX, 2024 RUB

# value, currency, scale, qualifier, months, coverage -> shown, usd_mn, full_year, approximate, total
CASES = [
    ("4.4", "USD", "bn", "exact", 12, "goods", "$4.4bn", 4400.0, True, False, True),
    ("4.9", "USD", "bn", "approx", 12, "goods", "about $4.9bn", 4900.0, True, True, True),
    ("0.5", "USD", "bn", "at_most", 12, "goods_services", "almost $500m", 500.0, True, True, True),
    ("1", "USD", "bn", "at_least", 9, "goods", "over $1bn", 1000.0, False, True, True),
    ("870", "USD", "thousand", "exact", 1, "agri_food", "$0.9m", 0.87, False, False, False),
    ("295", "RUB", "bn", "exact", 12, "goods", "$3.19bn", 295e9 / FX_RATE / 1e6, True, False, True),
    ("1.2", "RUB", "trn", "approx", 6, "machinery", "about $12.96bn", 1.2e12 / FX_RATE / 1e6, False, True, False),
]


@pytest.mark.parametrize(("value", "currency", "scale", "qualifier", "months", "coverage", "shown", "usd_mn", "full_year", "approximate", "total"), CASES)
def test_derived_columns(write_dataset, value, currency, scale, qualifier, months, coverage, shown, usd_mn, full_year, approximate, total):
    data, geo = write_dataset(figures=HEADER + f"RU-SMO,2024,{months},export,{value},{currency},{scale},{qualifier},{coverage},RU,interfax-1,a note\n")
    dataset = load_dataset(data, geo)
    assert dataset.problems == []
    row = dataset.figures.iloc[0]
    assert row["usd_mn"] == pytest.approx(usd_mn)
    assert row["shown"] == shown
    assert (bool(row["full_year"]), bool(row["approximate"]), bool(row["total"])) == (full_year, approximate, total)
    assert row["period"] == {12: "2024", 9: "Jan–Sep 2024", 6: "Jan–Jun 2024", 1: "Jan 2024"}[months]
    converted = currency != "USD"
    assert bool(row["converted"]) == converted
    symbol = "$" if currency == "USD" else f"{currency} "
    unit = {"bn": "bn", "trn": "trn", "mn": "m", "thousand": "k"}[scale]
    assert row["published_text"] == f"{symbol}{value}{unit}"
    assert row["conversion"] == (f"converted from {currency} {value}{unit} at {FX_RATE} {currency}/USD (2024 average)" if converted else "")
    assert (row["region_name"], row["region_name_ru"], row["region_kind"], row["federal_district"]) == ("Smolensk Oblast", "Смоленская область", "oblast", "FD-CENTRAL")
    assert (row["source_publisher"], row["source_title"], row["source_url"], row["source_published"]) == (
        "Interfax", "Smolensk 2024 trade", "https://www.interfax-russia.ru/y", "2025-05-14")
    assert (row["stats"], row["note"], bool(row["displayed"]), row["alternatives"]) == ("RU", "a note", True, 0)


def test_the_dataset_indexes_count_full_years_and_displayed_totals(write_dataset):
    rows = HEADER + (
        "RU-SMO,2023,12,turnover,1,USD,bn,exact,goods,,belta-1,\nRU-SMO,2023,12,export,1,USD,bn,exact,goods,,belta-1,\n"
        "RU-BRY,2023,9,turnover,1,USD,bn,exact,goods,,belta-1,\nRU-MOW,2022,12,turnover,1,USD,bn,exact,goods,,belta-1,\n"
        "RU-MOW,2022,12,turnover,1,USD,bn,exact,agri_food,,belta-1,\nRU,2021,12,turnover,1,USD,bn,exact,goods,,belta-1,\n"
    )
    dataset = load_dataset(*write_dataset(figures=rows))
    assert dataset.subjects_per_year == {2022: 1, 2023: 1}  # Bryansk's partial year and Russia's total do not count
    assert dataset.years == [2023, 2022, 2021]
    assert set(dataset.for_year(2022)["coverage"]) == {"goods"}
    assert len(dataset.for_region("RU-MOW")) == 2 and dataset.for_region("RU-XXX").empty
    assert dataset.regions == ["RU-BRY", "RU-MOW", "RU", "RU-SMO"]  # by English name: Bryansk, Moscow, Russia, Smolensk
    assert sorted(dataset.for_regions(["RU-SMO", "RU-BRY"])["region"]) == ["RU-BRY", "RU-SMO", "RU-SMO"]


def test_provenance_table_says_which_figures_are_approximate_or_bound(write_dataset):
    rows = HEADER + "RU-SMO,2023,12,turnover,1,USD,bn,approx,goods,,belta-1,\nRU-SMO,2022,12,turnover,1,USD,bn,at_most,goods,,belta-1,\nRU-SMO,2021,12,turnover,1,USD,bn,at_least,goods,,belta-1,\nRU-SMO,2020,12,turnover,1,USD,bn,exact,goods,,belta-1,\n"
    table = provenance_table(load_dataset(*write_dataset(figures=rows)).figures)
    assert dict(zip(table["Period"], table["Qualifier"])) == {"2023": "approximate", "2022": "at most (almost)", "2021": "at least (over)", "2020": "exact"}


# --- every export: title, period, source line, the bundled font ----------------------------------------------------

ROWS = HEADER + """RU-SMO,2022,12,turnover,4.9,USD,bn,approx,goods,,old-1,
RU-SMO,2023,12,turnover,4.4,USD,bn,exact,goods,,belta-1,
RU-SMO,2024,9,turnover,3.1,USD,bn,exact,goods,,belta-1,
RU-MOW,2023,12,turnover,5,USD,bn,at_least,goods,,old-1,
"""
COLLECTION = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [32, 55]}, "properties": {"id": "RU-SMO", "name_en": "Smolensk Oblast", "name_ru": "", "country": "RU"}}]}


def _framed(dataset, lang: str = "en") -> dict:
    """Each chart kind of the data set: the view, the rows it draws, its English subtitle."""
    figures = dataset.figures
    table = ranking(figures, 2023)
    displayed = figures[figures["displayed"] & figures["total"]]
    return {
        "series": (series_chart(region_series(figures, "RU-SMO"), "Smolensk Oblast", "turnover", lang=lang), region_series(figures, "RU-SMO"), "US$ billion · 2022–2024"),
        "ranking": (ranking_chart(table, 2023, "turnover", lang=lang), table, "US$ billion · 2023"),
        "compare": (compare_chart(displayed, "turnover", lang=lang), displayed[displayed["full_year"]], "US$ billion · 2022–2023"),
        "district": (district_chart(district_totals(figures, dataset.registry, 2023), 2023, "turnover", table, lang=lang), table, "US$ billion · 2023"),
        "map": (altair_map(COLLECTION, table, 2023, "turnover", lang=lang), table, "US$ million · 2023"),
    }


@pytest.fixture
def framed_charts(write_dataset):
    return _framed(load_dataset(*write_dataset(figures=ROWS)))


@pytest.mark.parametrize("name", ["series", "ranking", "compare", "district", "map"])
def test_every_export_carries_title_period_and_source_line(framed_charts, name):
    framed, drawn, period = framed_charts[name]
    spec = export_spec(framed)
    assert spec["title"]["text"] == framed.title and framed.title
    assert spec["title"]["subtitle"] == [period]  # unit and period, one line
    inner = spec["vconcat"][0]
    assert framed.footnote and all(line.strip() for line in framed.footnote)
    assert inner["title"]["text"] == footer_rows(framed.footnote, source_line(drawn))
    assert " ".join(inner["title"]["text"]) == " ".join(" ".join([*framed.footnote, source_line(drawn)]).split())  # every word, in order
    assert source_line(drawn).startswith(("Source: ", "Sources: ")) and "no figures" not in source_line(drawn)
    assert spec["config"]["font"] == FONT and spec["config"]["background"] == "white"
    assert '"container"' not in json.dumps(spec) and inner["width"] == EXPORT_WIDTH
    assert spec["datasets"] == framed.spec()["datasets"]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_chart_and_export_groups_the_numbers_vega_writes_as_the_app_writes_its_own(write_dataset, lang):
    """Axis ticks and legend labels (Vega formats them) with the language's separators: a Russian legend reads
    "1 000", not the English "1,000" under a Russian title."""
    written = format_number(1234.5, 1, lang)  # "1,234.5" / "1 234,5"
    thousands, decimal = written[1], written[-2]
    for name, (framed, _, _) in _framed(load_dataset(*write_dataset(figures=ROWS)), lang).items():
        for spec in (framed.spec(), export_spec(framed)):
            number = spec["config"]["locale"]["number"]
            assert (number["thousands"], number["decimal"], number["grouping"]) == (thousands, decimal, [3]), name


def test_every_chart_writes_its_title_subtitle_footnote_and_source_line_in_the_pages_language(write_dataset):
    dataset = load_dataset(*write_dataset(figures=ROWS))
    for lang, written_in_lang in (("ru", True), ("en", False)):
        for name, (framed, _, _) in _framed(dataset, lang).items():
            words = {"title": framed.title, "subtitle": framed.subtitle[0], "source line": framed.source, **{f"footnote {i}": line for i, line in enumerate(framed.footnote)}}
            assert {part: in_cyrillic(text) for part, text in words.items()} == dict.fromkeys(words, written_in_lang), (lang, name, words)


def _tooltips(spec) -> list[list[dict]]:
    """Every ``tooltip`` encoding in a spec, wherever its layers nest it."""
    if isinstance(spec, dict):
        return ([spec["tooltip"]] if isinstance(spec.get("tooltip"), list) else []) + [t for value in spec.values() for t in _tooltips(value)]
    return [t for value in spec for t in _tooltips(value)] if isinstance(spec, list) else []


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_series_ranking_and_compare_tooltips_show_the_figure_its_period_and_source_under_the_pages_words(write_dataset, lang):
    titles = tooltip_titles(lang)
    for name, (framed, _, _) in _framed(load_dataset(*write_dataset(figures=ROWS)), lang).items():
        if name in ("series", "ranking", "compare"):
            spec = framed.spec()
            tooltips = _tooltips(spec)
            assert tooltips, name
            for fields in tooltips:
                assert [(t["field"], t["title"]) for t in fields] == [(field, titles[field]) for field in TOOLTIP_FIELDS], name
            for rows in spec["datasets"].values():
                assert set(TOOLTIP_FIELDS) <= set(rows[0]), name  # each line has a value to show


@pytest.mark.parametrize("name", ["series", "ranking", "compare", "district", "map"])
def test_every_subtitle_is_one_short_line(framed_charts, name):
    framed, _, _ = framed_charts[name]
    assert len(framed.subtitle) == 1 and "\n" not in framed.subtitle[0] and len(framed.subtitle[0]) <= 70
