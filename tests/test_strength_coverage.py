"""turnover/coverage.py for the Coverage page: the counts its source line quotes, which rank statement a cell
shows, the order of the rows, and an empty flow.

Expected values are computed from the rows each test writes.
"""

import csv
import io
import re

import pytest

from tests.conftest import FIGURES, REGIONS
from tests.test_coverage import MORE, RANKS, YEARS
from turnover import coverage
from turnover.dataset import load_dataset
from turnover.vocabulary import TOTAL_COVERAGES

SUBJECTS = {line.split(",")[0] for line in REGIONS.splitlines()[1:] if line.split(",")[4] not in ("country", "federal_district")}


def _rows(text: str) -> list[list[str]]:
    return [line.split(",") for line in text.strip().splitlines() if not line.startswith("region,")]


def _dataset(write_dataset, figures: str = FIGURES + MORE, ranks: str | None = RANKS):
    data, geo = write_dataset(figures=figures)
    if ranks is not None:
        (data / "ranks.csv").write_text(ranks, encoding="utf-8")
    return load_dataset(data, geo)


@pytest.mark.parametrize("flow", ["turnover", "export", "import"])
def test_the_source_line_counts_every_total_figure_of_a_federal_subject_for_the_flow(write_dataset, flow):
    """Russia's national total, a subset (agri-food) and another flow's figures are not counted."""
    dataset = _dataset(write_dataset)
    expected = sum(1 for r, y, m, f, v, cur, sc, q, cov, *_ in _rows(FIGURES + MORE) if r in SUBJECTS and f == flow and cov in TOTAL_COVERAGES)
    assert coverage.figure_count(dataset.figures, flow) == expected


@pytest.mark.parametrize("flow", ["turnover", "export"])
def test_the_source_line_counts_the_rank_statements_of_federal_subjects_for_the_flow(write_dataset, flow):
    ranks = RANKS + "RU-TA,2023,12,export,5,,85,,,ria-1,\nRU,2023,12,turnover,,20,,,,ria-1,\n"  # Russia itself is not a row of the grid
    dataset = _dataset(write_dataset, ranks=ranks)
    expected = sum(1 for r, y, m, f, *_ in _rows(ranks) if r in SUBJECTS and f == flow)
    assert coverage.rank_count(dataset.ranks, dataset.registry, flow) == expected


def test_without_a_ranks_file_no_rank_statement_is_counted(write_dataset):
    dataset = _dataset(write_dataset, ranks=None)
    assert coverage.rank_count(dataset.ranks, dataset.registry, "turnover") == 0


def test_a_cell_shows_the_full_year_rank_before_a_partial_one_and_a_place_before_a_top_group(write_dataset):
    """Listed worst first, so the order of the file cannot decide."""
    ranks = RANKS + (
        "RU-TA,2024,9,turnover,3,,85,,,ria-1,\n"
        "RU-TA,2024,12,turnover,,10,,,,belta-1,\n"
        "RU-BRY,2022,12,turnover,,10,,,,belta-1,\n"
        "RU-BRY,2022,12,turnover,4,,85,,,ria-1,\n"
    )
    dataset = _dataset(write_dataset, ranks=ranks)
    cells = coverage.grid(dataset.figures, dataset.ranks, dataset.registry, "turnover").set_index(["region", "year"])
    assert cells.loc[("RU-TA", 2024), "rank_text"] == "among the top 10 (2024)"
    assert cells.loc[("RU-BRY", 2022), "rank_text"] == "place 4 of 85 (2022)"
    assert (cells.loc[("RU-TA", 2024), "known"], cells.loc[("RU-BRY", 2022), "known"]) == ("rank", "rank")


def test_a_flow_with_nothing_published_gives_an_empty_grid_with_the_grid_columns(write_dataset):
    dataset = _dataset(write_dataset)
    full = coverage.grid(dataset.figures, dataset.ranks, dataset.registry, "turnover")
    empty = coverage.grid(dataset.figures, dataset.ranks, dataset.registry, "import")
    assert empty.empty and list(empty.columns) == list(full.columns)


def test_a_kind_no_cell_has_is_counted_as_zero(write_dataset):
    """Without ranks.csv and without a partial year standing alone, the counts still list every kind, at 0."""
    dataset = _dataset(write_dataset, figures=FIGURES, ranks=None)
    cells = coverage.grid(dataset.figures, dataset.ranks, dataset.registry, "turnover")
    assert not cells["known"].isin(["partial", "rank"]).any()
    by_year = coverage.counts(cells, "year")
    for year, cells_of_year in cells.groupby("year"):
        assert by_year.loc[year].to_dict() == {kind: int((cells_of_year["known"] == kind).sum()) for kind in coverage.KINDS}


def test_districts_are_counted_in_the_registry_order_not_by_name(write_dataset):
    volga_first = REGIONS.replace("FD-CENTRAL,Central", "FD-VOLGA,Volga Federal District,Приволжский федеральный округ,Wolga,federal_district,RU,,Volga FD\nFD-CENTRAL,Central", 1)
    data, geo = write_dataset(figures=FIGURES, regions=volga_first)
    dataset = load_dataset(data, geo)
    cells = coverage.grid(dataset.figures, dataset.ranks, dataset.registry, "turnover")
    assert list(coverage.counts(cells, "district").index) == ["Volga Federal District", "Central Federal District"]
    assert list(coverage.counts_table(cells, "district")["Federal district"]) == ["Volga Federal District", "Central Federal District"]


def test_the_counts_table_per_year_has_a_row_per_year_with_its_counts(write_dataset):
    dataset = _dataset(write_dataset)
    cells = coverage.grid(dataset.figures, dataset.ranks, dataset.registry, "turnover")
    table = coverage.counts_table(cells, "year").set_index("Year")
    labels = coverage.words.known_labels()
    assert list(table.index) == sorted(cells["year"].unique())
    for year, cells_of_year in cells.groupby("year"):
        assert table.loc[year].to_dict() == {labels[kind]: int((cells_of_year["known"] == kind).sum()) for kind in coverage.KINDS}


def test_a_cell_links_to_the_region_profile_beside_the_page_or_relative_without_one():
    """The exported SVG needs the absolute link; the page's own link stays relative."""
    assert coverage.profile_link("RU-SMO", "export", "http://dash.example/coverage") == "http://dash.example/region?region=RU-SMO&flow=export"
    assert coverage.profile_link("RU-SMO", "turnover") == "region?region=RU-SMO&flow=turnover"


def test_a_russian_grid_names_regions_districts_kinds_sources_and_ranks_in_russian(write_dataset):
    dataset = _dataset(write_dataset).in_language("ru")
    cells = coverage.grid(dataset.figures, dataset.ranks, dataset.registry, "turnover", "ru").set_index(["region", "year"])
    names = {line.split(",")[0]: line.split(",")[2] for line in REGIONS.splitlines()[1:]}  # id -> name_ru
    smolensk, tatarstan = cells.loc[("RU-SMO", 2023)], cells.loc[("RU-TA", 2023)]
    assert (smolensk["region_name"], smolensk["district_name"]) == (names["RU-SMO"], names["FD-CENTRAL"])
    assert smolensk["known_text"] == coverage.words.known_labels("ru")["exact"]
    assert smolensk["source"] == coverage.words.cited("BelTA", "2024-11-18", "ru")
    assert tatarstan["rank_text"] == coverage.words.rank_text(7, None, 85, "2023", "ru") and "85" in tatarstan["rank_text"]
    assert not re.search("[A-Za-z]", tatarstan["rank_text"] + smolensk["known_text"])


def test_an_approximate_partial_year_is_a_partial_year_and_a_cell_without_a_rank_has_no_rank_text(write_dataset):
    rows = FIGURES + "RU-TA,2022,9,turnover,1.1,USD,bn,approx,goods,,old-1,\n"
    cells = coverage.grid(*(lambda d: (d.figures, d.ranks, d.registry))(_dataset(write_dataset, figures=rows, ranks=None)), "turnover").set_index(["region", "year"])
    assert cells.loc[("RU-TA", 2022), "known"] == "partial"
    assert set(cells["rank_text"]) == {""}  # no ranks.csv: no cell says a rank


def test_the_download_writes_each_year_as_a_year(write_dataset):
    dataset = _dataset(write_dataset)
    cells = coverage.grid(dataset.figures, dataset.ranks, dataset.registry, "turnover")
    header, *rows = csv.reader(io.StringIO(coverage.download(cells).decode("utf-8-sig")))
    year_column = header.index(coverage.words.tooltip_titles()["year"])
    assert {row[year_column] for row in rows} == {str(year) for year in YEARS}  # "2023", never "2023.0"


def test_most_known_first_counts_approximate_full_years_as_full_years(write_dataset):
    """One approximate full year outranks two partial years."""
    rows = FIGURES + "RU-TA,2022,9,turnover,1.1,USD,bn,exact,goods,,old-1,\nRU-TA,2023,6,turnover,0.6,USD,bn,exact,goods,,old-1,\n"
    dataset = _dataset(write_dataset, figures=rows, ranks=None)
    cells = coverage.grid(dataset.figures, dataset.ranks, dataset.registry, "turnover")
    placed = coverage.ordered(cells, "known").drop_duplicates("region").sort_values("row")
    assert set(cells.loc[cells["region"].isin(["RU-BRY", "RU-MOW"]), "known"]) <= {"approx", "none"}
    assert list(placed["region"]) == ["RU-SMO", "RU-BRY", "RU-MOW", "RU-TA"]  # 3 full years; 1 approximate each, by name; 2 partial years


def test_most_known_first_puts_a_rank_before_nothing_then_orders_by_name(write_dataset):
    smolensk_only = "".join(line + "\n" for line in FIGURES.splitlines() if line.startswith(("region,", "RU-SMO,")))
    dataset = _dataset(write_dataset, figures=smolensk_only, ranks=RANKS.splitlines()[0] + "\nRU-TA,2023,12,turnover,7,,85,,,ria-1,\n")
    cells = coverage.grid(dataset.figures, dataset.ranks, dataset.registry, "turnover")
    placed = coverage.ordered(cells, "known").drop_duplicates("region").sort_values("row")
    assert list(placed["region"]) == ["RU-SMO", "RU-TA", "RU-BRY", "RU-MOW"]  # full years; a rank; nothing, by name (Bryansk, Moscow)
