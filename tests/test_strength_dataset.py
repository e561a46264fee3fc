"""turnover/dataset.py's derived display columns: region and source columns of every kind of row, the words of a
data set in another language, and display texts on many rows that repeat.

Expected values are computed from the rows each test writes.
"""

import pytest

from tests.conftest import FIGURES, FX, HEADER, REGIONS, SOURCES
from turnover.dataset import SOURCE_MISSING, load_dataset
from turnover.formatting import format_published, format_usd_mn, with_qualifier
from turnover.i18n import gettext_for
from turnover.periods import period_label
from turnover.texts.tables import conversion_note

REGISTRY = {line.split(",")[0]: line.split(",") for line in REGIONS.splitlines()[1:]}  # id -> id, name_en, name_ru, name_de, kind, country, district, aliases
SOURCE_ROWS = {line.split(",")[0]: line.split(",") for line in SOURCES.splitlines()[1:]}  # id -> id, publisher, title, url, published, language, kind


def test_each_figure_carries_its_regions_kind_district_and_whether_it_is_a_federal_subject(write_dataset):
    rows = HEADER + "".join(f"{region},2023,12,turnover,1,USD,bn,exact,goods,,old-1,\n" for region in ("RU", "FD-CENTRAL", "RU-SMO", "RU-TA"))
    figures = load_dataset(*write_dataset(figures=rows)).figures.set_index("region")
    for region in ("RU", "FD-CENTRAL", "RU-SMO", "RU-TA"):
        _, name_en, name_ru, _, kind, country, district, _ = REGISTRY[region]
        row = figures.loc[region]
        assert (row["region_name"], row["region_name_ru"], row["region_kind"], row["federal_district"]) == (name_en, name_ru, kind, district)
        assert bool(row["federal_subject"]) is (country == "RU" and kind not in ("country", "federal_district"))


def test_each_figure_cites_its_sources_publisher_title_link_date_and_kind_blank_where_unknown(write_dataset):
    sources = SOURCES + "anon,Some blog,Trade notes,,,ru,aggregator\n"  # no link, no date
    rows = HEADER + "RU-SMO,2023,12,turnover,1,USD,bn,exact,goods,,anon,\nRU-BRY,2023,12,turnover,1,USD,bn,exact,goods,,ria-1,\n"
    figures = load_dataset(*write_dataset(figures=rows, sources=sources)).figures.set_index("source_id")
    written = {line.split(",")[0]: line.split(",") for line in sources.splitlines()[1:]}
    for source in ("anon", "ria-1"):
        _, publisher, title, url, published, _, kind = written[source]
        row = figures.loc[source]
        assert (row["source_publisher"], row["source_title"], row["source_url"], row["source_published"], row["source_kind"]) == (publisher, title, url, published, kind)


def test_without_a_sources_file_every_figure_says_its_source_is_missing(write_dataset):
    data, geo = write_dataset()
    (data / "sources.csv").unlink()
    figures = load_dataset(data, geo).figures
    assert len(figures) == len(FIGURES.strip().splitlines()) - 1  # the figures stay
    assert set(figures["source_publisher"]) == set(figures["source_title"]) == {"source missing (sources.csv could not be read)"}
    assert set(figures["source_url"]) == set(figures["source_published"]) == set(figures["source_kind"]) == {""}


def test_published_ranks_are_named_in_the_readers_language(write_dataset):
    data, geo = write_dataset()
    (data / "ranks.csv").write_text("region,year,months,flow,rank,top,out_of,group_share_pct,group_share_qualifier,source_id,note\n"
                                    "RU-TA,2023,12,turnover,7,,85,,,ria-1,\n", encoding="utf-8")
    english = load_dataset(data, geo)
    assert list(english.in_language("ru").ranks["region_name"]) == [REGISTRY["RU-TA"][2]]
    assert list(english.ranks["region_name"]) == [REGISTRY["RU-TA"][1]]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_row_of_many_repeating_ones_gets_its_own_period_and_figure(write_dataset, lang):
    """The display words are made once per distinct value and handed back to every row that has it."""
    values = [(2021, 12, 1.5), (2022, 6, 0.75), (2021, 12, 1.5), (2023, 3, 2.25), (2022, 6, 0.75), (2023, 12, 4.0)]
    regions = ["RU-SMO", "RU-BRY", "RU-MOW", "RU-TA", "RU-SMO", "RU-BRY"]
    rows = HEADER + "".join(f"{r},{y},{m},turnover,{v},USD,bn,exact,goods,,old-1,\n" for r, (y, m, v) in zip(regions, values))
    figures = load_dataset(*write_dataset(figures=rows)).in_language(lang).figures
    for _, row in figures.iterrows():
        assert row["period"] == period_label(row["year"], row["months"], lang)
        assert row["shown"] == format_usd_mn(row["value"] * 1000, lang)
    assert len(figures) == len(values) and sorted(zip(figures["region"], figures["year"])) == sorted(zip(regions, [y for y, _, _ in values]))


def test_only_converted_figures_carry_a_conversion_note(write_dataset):
    rows = HEADER + "RU-SMO,2024,12,turnover,295,RUB,bn,exact,goods,,interfax-1,\nRU-BRY,2024,12,turnover,1,USD,bn,exact,goods,,old-1,\nRU-MOW,2023,12,turnover,300,RUB,bn,exact,goods,,old-1,\n"
    for lang in ("en", "ru"):
        figures = load_dataset(*write_dataset(figures=rows)).in_language(lang).figures.set_index("region")
        assert figures.at["RU-BRY", "conversion"] == ""
        assert "295" in figures.at["RU-SMO", "conversion"] and "92" in figures.at["RU-SMO", "conversion"]
        assert "300" in figures.at["RU-MOW", "conversion"] and "85" in figures.at["RU-MOW", "conversion"]


def test_the_russian_figures_name_their_regions_in_russian(write_dataset):
    rows = HEADER + "".join(f"{region},2023,12,turnover,1,USD,bn,exact,goods,,old-1,\n" for region in ("RU-SMO", "RU-TA"))
    russian = load_dataset(*write_dataset(figures=rows)).in_language("ru").figures.set_index("region")
    assert {region: russian.at[region, "region_name"] for region in ("RU-SMO", "RU-TA")} == {region: REGISTRY[region][2] for region in ("RU-SMO", "RU-TA")}


def test_without_a_sources_file_the_russian_figures_say_so_in_russian(write_dataset):
    data, geo = write_dataset()
    (data / "sources.csv").unlink()
    figures = load_dataset(data, geo).in_language("ru").figures
    missing = gettext_for("ru")(SOURCE_MISSING)
    assert missing != SOURCE_MISSING  # the catalogue translates it
    assert set(figures["source_publisher"]) == set(figures["source_title"]) == {missing}


def test_switching_back_from_russian_gives_the_english_words_again(write_dataset):
    english = load_dataset(*write_dataset())
    back = english.in_language("ru").in_language("en").figures
    assert list(back["period"]) == list(english.figures["period"]) and list(back["region_name"]) == list(english.figures["region_name"])
    assert list(english.in_language("ru").in_language("ru").figures["period"]) == [period_label(y, m, "ru") for y, m in zip(english.figures["year"], english.figures["months"])]


def test_a_figure_in_dollars_keeps_every_dollar_of_its_value(write_dataset):
    """The table of sources shows US$ million to one decimal: 900 bn is 900,000.0, not a rounding off it."""
    rows = HEADER + "RU-SMO,2023,12,turnover,900,USD,bn,exact,goods,,old-1,\nRU-BRY,2023,12,turnover,123456,USD,thousand,exact,goods,,old-1,\n"
    figures = load_dataset(*write_dataset(figures=rows)).figures.set_index("region")
    assert round(figures.at["RU-SMO", "usd_mn"], 1) == 900 * 1000.0
    assert round(figures.at["RU-BRY", "usd_mn"], 6) == 123.456


def test_rows_after_a_refused_row_keep_their_own_period_and_figure(write_dataset):
    good = [("RU-SMO", 2021, 12, 1.5), ("RU-BRY", 2022, 6, 0.75), ("RU-MOW", 2023, 3, 2.25), ("RU-TA", 2023, 12, 4.0)]
    lines = [f"{r},{y},{m},turnover,{v},USD,bn,exact,goods,,old-1,\n" for r, y, m, v in good]
    lines.insert(1, "XX-NOWHERE,2020,12,turnover,9,USD,bn,exact,goods,,old-1,\n")  # refused: not a region
    dataset = load_dataset(*write_dataset(figures=HEADER + "".join(lines)))
    figures = dataset.figures.set_index("region")
    assert len(figures) == len(good) and dataset.problems
    for region, year, months, value in good:
        assert (figures.at[region, "period"], figures.at[region, "shown"]) == (period_label(year, months, "en"), format_usd_mn(value * 1000, "en"))


def test_the_russian_figures_give_published_figure_qualifier_and_conversion_in_russian(write_dataset):
    rows = HEADER + "RU-SMO,2024,12,turnover,295,RUB,bn,approx,goods,,interfax-1,\nRU-BRY,2023,12,turnover,900,USD,mn,at_least,goods,,old-1,\n"
    rates = {line.split(",")[0]: float(line.split(",")[2]) for line in FX.splitlines()[1:]}
    figures = load_dataset(*write_dataset(figures=rows)).in_language("ru").figures.set_index("region")
    smolensk, bryansk = figures.loc["RU-SMO"], figures.loc["RU-BRY"]
    assert smolensk["published_text"] == format_published(295, "RUB", "bn", "ru") != format_published(295, "RUB", "bn", "en")
    assert smolensk["shown"] == with_qualifier(format_usd_mn(295e3 / rates["2024"], "ru"), "approx", "ru")
    assert bryansk["shown"] == with_qualifier(format_usd_mn(900, "ru"), "at_least", "ru") != with_qualifier(format_usd_mn(900, "ru"), "at_least", "en")
    assert smolensk["conversion"] == conversion_note(format_published(295, "RUB", "bn", "ru"), rates["2024"], "RUB", 2024, "ru")
    assert not any(word in smolensk["conversion"] for word in ("converted", "average"))


def test_a_year_without_figures_has_an_empty_table_of_the_same_columns(write_dataset):
    dataset = load_dataset(*write_dataset())
    missing = min(dataset.years) - 1
    assert missing not in dataset.years
    empty = dataset.for_year(missing)
    assert empty.empty and list(empty.columns) == list(dataset.figures.columns)
    assert dataset.in_language("ru").for_year(missing).empty
    none = dataset.for_regions([])  # no region chosen: no figure, the same columns
    assert none.empty and list(none.columns) == list(dataset.figures.columns)
