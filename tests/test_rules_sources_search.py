"""The Sources page's search (provenance.search_figures) and its table's source kind and curator's labels."""

import pytest

from tests.conftest import HEADER, SOURCES
from turnover.dataset import load_dataset
from turnover.provenance import provenance_table, search_figures

KINDS_SOURCES = SOURCES + """gov-1,Ministry of Economy,[Regional trade figures (curator's label)],https://admin-smolensk.ru/a,2024-02-01,ru,government
tv-1,Belarus 1,Trade with Tatarstan,https://tvr.by/v,2023-03-01,ru,video
"""
ROWS = HEADER + """RU-SMO,2023,12,turnover,4.4,USD,bn,exact,goods,,belta-1,
RU-SMO,2024,9,turnover,3.1,USD,bn,exact,goods,,belta-1,
RU-SMO,2022,12,turnover,14.4,USD,bn,approx,goods,,gov-1,
RU-BRY,2023,12,turnover,900,USD,mn,approx,goods,,ria-1,
RU-TA,2023,12,turnover,4.45,USD,bn,exact,goods,,tv-1,
RU-TA,2024,9,export,1,USD,bn,at_least,goods,,gov-1,
"""
# each figure by (region, year, months, flow)
SMO_2023, SMO_9M24, SMO_2022 = ("RU-SMO", 2023, 12, "turnover"), ("RU-SMO", 2024, 9, "turnover"), ("RU-SMO", 2022, 12, "turnover")
BRY_2023, TA_2023, TA_9M24 = ("RU-BRY", 2023, 12, "turnover"), ("RU-TA", 2023, 12, "turnover"), ("RU-TA", 2024, 9, "export")


@pytest.fixture
def figures(write_dataset):
    loaded = load_dataset(*write_dataset(figures=ROWS, sources=KINDS_SOURCES))
    assert loaded.problems == []
    return loaded.figures


def found(figures, query: str, only_conflicts: bool = False) -> set[tuple]:
    hits = search_figures(figures, query, only_conflicts)
    return set(zip(hits["region"], hits["year"], hits["months"], hits["flow"]))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("4.4", {SMO_2023, TA_2023}),  # $4.45bn is $4.4bn to one decimal; $14.4bn is not
        ("$4.4bn", {SMO_2023, TA_2023}),
        ("4400", {SMO_2023}),
        ("4,400", {SMO_2023}),
        ("900m", {BRY_2023}),
        ("Smolensk", {SMO_2023, SMO_9M24, SMO_2022}),
        ("смоленская", {SMO_2023, SMO_9M24, SMO_2022}),
        ("Смоленская область 2023", {SMO_2023}),
        ("Smolensk 2023", {SMO_2023}),
        ("smolensk 2023 belta", {SMO_2023}),
        ("Jan–Sep 2024", {SMO_9M24, TA_9M24}),
        ("jan-sep 2024 tatarstan", {TA_9M24}),
        ("2023", {SMO_2023, BRY_2023, TA_2023}),
        ("RIA", {BRY_2023}),
        ("government", {SMO_2022, TA_9M24}),
        ("news agency", {SMO_2023, SMO_9M24, BRY_2023}),
        ("Smolensk 2023 video", set()),
        ("  ", {SMO_2023, SMO_9M24, SMO_2022, BRY_2023, TA_2023, TA_9M24}),
    ],
)
def test_search_finds_figures_that_match_every_word(figures, query, expected):
    assert found(figures, query) == expected


def test_the_table_names_each_source_s_kind_and_marks_a_curator_s_label(figures):
    table = provenance_table(figures)
    kinds = dict(zip(zip(table["Region"], table["Period"]), table["Kind of source"]))
    assert kinds[("Smolensk Oblast", "2023")] == "news agency" and kinds[("Smolensk Oblast", "2022")] == "government"
    assert kinds[("Republic of Tatarstan", "2023")] == "video"
    titles = dict(zip(zip(table["Region"], table["Period"]), table["Title"]))
    assert titles[("Smolensk Oblast", "2023")] == "Lukashenko meets Smolensk governor"  # a headline, as is
    assert titles[("Smolensk Oblast", "2022")] == "no headline found; curator's label: Regional trade figures (curator's label)"
