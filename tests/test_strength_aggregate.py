"""turnover/aggregate.py for the flow and region the user picked: national shares, district sums, the both-sides pair, the map's choice of figure,
and where the series line breaks.

Each flow has its own national total: an export share divides a region's exports by the national exports,
never by the national turnover, and a region that published only its turnover has no export share.
"""

import pandas as pd
import pytest

from tests.conftest import HEADER, REGIONS
from tests.test_rules_aggregate import csv_text
from turnover.aggregate import basis_runs, both_sides, district_totals, map_figures, national_shares, stated_by_both
from turnover.dataset import load_dataset

# region, year, months, flow, value (USD bn), qualifier, coverage, source
ROWS = [
    ("RU", 2023, 12, "turnover", 50.0, "exact", "goods", "old-1"),
    ("RU", 2023, 12, "export", 20.0, "exact", "goods", "old-1"),
    ("RU-SMO", 2023, 12, "turnover", 4.0, "exact", "goods", "old-1"),
    ("RU-SMO", 2023, 12, "export", 2.5, "exact", "goods", "old-1"),
    ("RU-TA", 2023, 12, "turnover", 3.0, "exact", "goods", "old-1"),  # no export figure
]


@pytest.mark.parametrize("flow", ["turnover", "export"])
def test_each_flow_is_shared_out_of_its_own_national_total(write_dataset, flow):
    figures = load_dataset(*write_dataset(figures=csv_text(ROWS))).figures
    national = next(v for r, y, m, f, v, q, c, s in ROWS if r == "RU" and f == flow)
    expected = {r: v / national * 100 for r, y, m, f, v, q, c, s in ROWS if r != "RU" and f == flow}
    shares = national_shares(figures, 2023, flow)
    assert dict(zip(shares["region"], shares["share_pct"])) == pytest.approx(expected)
    assert set(shares["national_usd_mn"]) == {national * 1000}


def test_the_series_line_joins_consecutive_full_years_of_one_basis_only():
    """``basis_runs``: the line breaks at a missing year and where the basis changes, and nowhere else."""
    years = {2021: ("goods", False), 2019: ("goods", False), 2020: ("goods", False),  # given out of order
             2023: ("goods", False),  # 2022 is missing
             2024: ("goods", True), 2025: ("goods", True),  # converted roubles from 2024
             2026: ("goods_services", True)}
    full = pd.DataFrame([{"year": y, "coverage": c, "converted": v, "stats": ""} for y, (c, v) in years.items()], index=[f"row {y}" for y in years])
    labels = basis_runs(full)
    runs = sorted(sorted(full.loc[labels == label, "year"]) for label in set(labels))
    assert runs == [[2019, 2020, 2021], [2023], [2024, 2025], [2026]]



@pytest.mark.parametrize("flow", ["turnover", "export"])
def test_a_district_sums_and_quotes_the_flow_picked(write_dataset, flow):
    rows = [("RU-SMO", 2023, 12, "turnover", 4.0, "exact", "goods", "old-1"), ("RU-SMO", 2023, 12, "export", 2.5, "exact", "goods", "old-1"),
            ("FD-CENTRAL", 2023, 12, "turnover", 10.0, "exact", "goods", "old-1"), ("FD-CENTRAL", 2023, 12, "export", 6.0, "exact", "goods", "old-1")]
    dataset = load_dataset(*write_dataset(figures=csv_text(rows)))
    central = district_totals(dataset.figures, dataset.registry, 2023, flow).set_index("district").loc["FD-CENTRAL"]
    value = {r: v * 1000 for r, y, m, f, v, q, c, s in rows if f == flow}
    assert (central["usd_mn"], central["published_usd_mn"]) == (value["RU-SMO"], value["FD-CENTRAL"])


def test_a_district_counts_only_the_federal_subjects_listed_in_it(write_dataset):
    """A territory that is not a federal subject (Crimea, listed under a district by Russia) is neither counted nor summed there."""
    crimea = "UA-43,Crimea,Крым,Krim,republic,UA,FD-CENTRAL,Republic of Crimea\n"
    rows = [("RU-SMO", 2023, 12, "turnover", 4.0, "exact", "goods", "old-1"), ("UA-43", 2023, 12, "turnover", 9.0, "exact", "goods", "old-1")]
    dataset = load_dataset(*write_dataset(figures=csv_text(rows), regions=REGIONS + crimea))
    central = district_totals(dataset.figures, dataset.registry, 2023).set_index("district").loc["FD-CENTRAL"]
    subjects = [line for line in REGIONS.splitlines() if ",RU,FD-CENTRAL," in line]  # the test registry's Central subjects
    assert (central["regions"], central["with_data"], central["usd_mn"]) == (len(subjects), 1, 4000.0)


def test_both_sides_pairs_the_belarusian_and_russian_totals_of_one_region_and_flow_only(write_dataset):
    """The profile's "both sides" notice: another region's, another flow's or a subset's statistics never join the pair."""
    rows = [  # region, year, flow, value (USD bn), coverage, stats
        ("RU-SMO", 2023, "turnover", 4.0, "goods", "BY"), ("RU-SMO", 2023, "turnover", 4.2, "goods", "RU"),
        ("RU-SMO", 2024, "turnover", 4.5, "goods", "BY"), ("RU-SMO", 2024, "export", 2.0, "goods", "RU"),  # 2024: no pair in one flow
        ("RU-SMO", 2022, "turnover", 3.0, "goods", "BY"), ("RU-SMO", 2022, "turnover", 0.5, "machinery", "RU"),  # 2022: a subset
        ("RU-BRY", 2024, "turnover", 1.0, "goods", "RU"),
    ]
    text = HEADER + "".join(f"{r},{y},12,{f},{v},USD,bn,exact,{c},{s},old-1,\n" for r, y, f, v, c, s in rows)
    figures = load_dataset(*write_dataset(figures=text)).figures
    pair = both_sides(figures, "RU-SMO", "turnover")
    assert sorted(zip(pair["year"], pair["stats"], pair["usd_mn"])) == [(2023, "BY", 4000.0), (2023, "RU", 4200.0)]


def test_the_map_shows_the_years_full_figure_before_a_bound_or_an_earlier_year(write_dataset):
    rows = [  # Smolensk: the year's full figure, its nine months and the year before; Bryansk: nine months and the year before
        ("RU-SMO", 2023, 12, "turnover", 4.0, "exact", "goods", "old-1"), ("RU-SMO", 2023, 9, "turnover", 3.0, "exact", "goods", "old-1"),
        ("RU-SMO", 2022, 12, "turnover", 5.0, "exact", "goods", "old-1"),
        ("RU-BRY", 2023, 9, "turnover", 1.0, "exact", "goods", "old-1"), ("RU-BRY", 2022, 12, "turnover", 2.0, "exact", "goods", "old-1"),
        ("RU-TA", 2021, 12, "turnover", 6.0, "exact", "goods", "old-1"), ("RU-TA", 2022, 12, "turnover", 7.0, "exact", "goods", "old-1"),  # the latest earlier year
    ]
    figures = load_dataset(*write_dataset(figures=csv_text(rows))).figures
    table = map_figures(figures, 2023, bounds=True, tolerance=2).set_index("region")
    assert table.loc["RU-SMO", ["basis", "usd_mn"]].tolist() == ["full", 4000.0]
    assert table.loc["RU-BRY", ["basis", "usd_mn"]].tolist() == ["bound", 1000.0]
    assert table.loc["RU-TA", ["basis", "year", "usd_mn"]].tolist() == ["earlier", 2022, 7000.0]


@pytest.mark.parametrize("rows", [
    [(2023, 12, "BY"), (2023, 12, "RU"), (2023, 12, ""), (2022, 12, "BY"), (2024, 9, "RU"), (2024, 9, "BY"), (2024, 12, "RU")],
    [(2021, 6, "RU"), (2021, 6, ""), (2021, 12, "BY")],
    [(2020, 12, "BY"), (2020, 12, "RU"), (2020, 12, "BY"), (2019, 3, "RU"), (2019, 3, "BY")],
])
def test_stated_by_both_keeps_each_sides_figures_of_a_period_both_sides_give(rows):
    figures = pd.DataFrame(rows, columns=["year", "months", "stats"])
    both = {(year, months) for year, months, _ in rows if {side for y, m, side in rows if (y, m) == (year, months)} >= {"BY", "RU"}}
    expected = [(year, months) in both and stats in ("BY", "RU") for year, months, stats in rows]
    assert stated_by_both(figures).tolist() == expected
