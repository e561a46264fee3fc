"""The /curate review table's policy: what is offered pre-ticked for saving, and the table's columns."""

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from turnover.extract import candidates_frame, extract_figures  # noqa: E402
from turnover.regions import load_registry  # noqa: E402


@pytest.fixture(scope="module")
def registry():
    return load_registry(REPO / "geo" / "regions.csv")[0]


def test_complete_figures_are_ticked_forecasts_and_gaps_are_not(registry):
    text = ("Trade between Belarus and Smolensk Oblast amounted to $4.4 billion in 2023. "
            "The sides expect trade with Smolensk Oblast to reach $5 billion in 2023.")
    frame = candidates_frame(extract_figures(text, registry, "2024-11-20"))
    assert list(frame["value"]) == ["4.4", "5"] and list(frame["save"]) == [True, False]
    assert "forecast" in frame.loc[1, "flags"]
    no_region = candidates_frame(extract_figures("Trade amounted to $1.2 billion in 2023.", registry, "2024-11-20"))
    assert list(no_region["save"]) == [False] and no_region.loc[0, "flags"] == "region: not named"


def test_the_table_has_no_source_id_and_nullable_integer_periods(registry):
    frame = candidates_frame(extract_figures("Trade amounted to $1.2 billion.", registry))
    assert "source_id" not in frame.columns and list(frame.columns[:2]) == ["save", "region"]
    assert str(frame["year"].dtype) == "Int64" and frame["year"].isna().all()
