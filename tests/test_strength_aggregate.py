"""Shares of the national total for the flow the user picked (turnover/aggregate.py's ``national_shares``).

Each flow has its own national total: an export share divides a region's exports by the national exports,
never by the national turnover, and a region that published only its turnover has no export share.
"""

import pytest

from tests.test_rules_aggregate import csv_text
from turnover.aggregate import national_shares
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
