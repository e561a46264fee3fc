"""Set-up shared by the extractor's tests (test_extract.py for figures, test_extract_ranks.py for ranks): the
registry fixture, the list of test articles in tests/articles/ and the one-line score report."""

import csv
from collections import Counter
from pathlib import Path

import pytest

from turnover.regions import Registry, load_registry

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "tests" / "articles"


def shipped_registry() -> Registry:
    return load_registry(REPO / "geo" / "regions.csv")[0]


@pytest.fixture(scope="module")
def registry() -> Registry:
    return shipped_registry()


def article_rows(split: str | None = None) -> list[dict]:
    """The rows of tests/articles/articles.csv (file, published, set), those of ``split`` when given."""
    with open(ARTICLES / "articles.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [row for row in rows if split is None or row["set"] == split]


def precision_report(counts: Counter) -> str:
    """A score's counts as one line: expected, found, right, wrong, missed, precision and recall."""
    found = counts["right"] + counts["wrong"]
    precision = counts["right"] / found if found else 1.0
    recall = counts["right"] / counts["expected"] if counts["expected"] else 1.0
    return (f"expected {counts['expected']}, found {found}: right {counts['right']}, wrong {counts['wrong']}, "
            f"missed {counts['missed']}; precision {precision:.2f}, recall {recall:.2f}")
