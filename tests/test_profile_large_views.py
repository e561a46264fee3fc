"""A region of thousands of figures (a synthetic million's) is read with vectorised operations above
``selection.PANDAS_ABOVE``: its cards, notices and table of sources are those the row-by-row reading gives.

The rows are written here: twenty years of one region, both sides' statistics for each full year and some partial
ones, partial years above their full year (conflicts), ties between sources, converted roubles, and larger figures of
another flow and of a part of the trade (never read as the region's turnover)."""

import pytest

from tests.conftest import HEADER
from turnover import profile, provenance, selection
from turnover.aggregate import both_sides, ranking, region_series
from turnover.dataset import load_dataset
from turnover.profile import key_figures
from turnover.ranks import published_ranks
from turnover.provenance import provenance_table

YEARS = range(2005, 2025)


def _rows() -> str:
    lines = []
    for year in YEARS:
        full = (year * 37 % 40 + 20) / 10
        lines.append(f"RU-SMO,{year},12,turnover,{full},USD,bn,exact,goods,BY,belta-1,")
        lines.append(f"RU-SMO,{year},12,turnover,{full + 0.3},USD,bn,approx,goods,RU,interfax-1,")
        for months in (3, 6, 9):
            part = full * months / 12 + (year % 3) * 0.9  # some partial years above their full year
            lines.append(f"RU-SMO,{year},{months},turnover,{part:.1f},USD,bn,exact,goods,,ria-1,")
            lines.append(f"RU-SMO,{year},{months},turnover,{part:.1f},USD,bn,approx,goods,BY,old-1,")  # a tie on value
            if months != 6:  # Russia's side too: Jan–Mar neither displayed nor the largest on its basis
                lines.append(f"RU-SMO,{year},{months},turnover,{part + 0.2:.1f},USD,bn,approx,goods,RU,interfax-1,")
        if year in (2023, 2024):
            lines.append(f"RU-SMO,{year},9,turnover,{400 + year % 7},RUB,bn,exact,goods,,cbr,")
        lines.append(f"RU-SMO,{year},12,export,{full * 3:.1f},USD,bn,exact,goods,,belta-1,")  # another flow, larger: never read as turnover
        lines.append(f"RU-SMO,{year},12,turnover,{full * 2:.1f},USD,bn,exact,agri_food,,belta-1,")  # a part of the trade, larger: never a total
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("year", [2024, 2010])
def test_a_large_view_shows_the_cards_notices_and_table_a_small_one_shows(write_dataset, monkeypatch, lang, year):
    data, geo = write_dataset(figures=HEADER + _rows())
    dataset = load_dataset(data, geo).in_language(lang)
    figures = dataset.for_region("RU-SMO")

    def view() -> str:
        summary = key_figures(figures, ranking(dataset.figures, year, "turnover"), "RU-SMO", "turnover", year, lang,
                              ranking_of=lambda other: ranking(dataset.figures, other, "turnover"), published=published_ranks(dataset.ranks.iloc[0:0], dataset.sources))
        table = provenance_table(figures, lang)
        return repr((summary, table.to_dict("split"), list(table.dtypes), list(table.index)))

    row_by_row = view()
    monkeypatch.setattr(profile, "PANDAS_ABOVE", 0)
    monkeypatch.setattr(provenance, "PANDAS_ABOVE", 0)
    assert view() == row_by_row
    summary = key_figures(figures, ranking(dataset.figures, year, "turnover"), "RU-SMO", "turnover", year, lang)
    assert len(summary.notices) > len(YEARS)  # conflicts and both sides' statistics, so the comparison covers them


def test_a_large_views_series_and_both_sides_statistics_are_the_row_by_row_ones(write_dataset, monkeypatch):
    data, geo = write_dataset(figures=HEADER + _rows())
    figures = load_dataset(data, geo).for_region("RU-SMO")

    def chosen() -> tuple[list, list]:
        return list(region_series(figures, "RU-SMO", "turnover").index), list(both_sides(figures, "RU-SMO", "turnover").index)

    row_by_row = chosen()
    monkeypatch.setattr(selection, "PANDAS_ABOVE", 0)
    assert chosen() == row_by_row
    series, sides = row_by_row
    assert len(series) == len(YEARS) * 4 and len(sides) > 2 * len(YEARS)  # every period once; both sides of each full year and of some partial ones
