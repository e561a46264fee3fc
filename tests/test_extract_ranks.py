"""Published ranks ("third among Russian regions", "unter den Top 10", "входит в десятку") on the test articles and
rule by rule. tests/articles/expected_ranks.csv lists every rank an article states; run this file as a script to
print precision and recall for ranks:

    python tests/test_extract_ranks.py
"""

import csv
import datetime as dt
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from turnover.extract import RANK_OUTPUT_COLUMNS, extract_figures, extract_ranks  # noqa: E402
from turnover.regions import load_registry  # noqa: E402

ARTICLES = REPO / "tests" / "articles"
CHECKED = ["region", "year", "months", "flow", "rank", "top", "out_of", "group_share_pct", "group_share_qualifier"]
RANK_SETS = ("ranks", "ranks_heldout")


@pytest.fixture(scope="module")
def registry():
    return load_registry(REPO / "geo" / "regions.csv")[0]


def _articles() -> list[dict]:
    with open(ARTICLES / "articles.csv", encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["set"] in RANK_SETS]


def _expected() -> dict[str, list[dict]]:
    by_file: dict[str, list[dict]] = {}
    with open(ARTICLES / "expected_ranks.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            by_file.setdefault(row["file"], []).append({k: row[k] for k in CHECKED})
    return by_file


def _found(article: dict, registry) -> list[dict]:
    text = (ARTICLES / article["file"]).read_text(encoding="utf-8")
    return [{k: c.row()[k] for k in CHECKED} for c in extract_ranks(text, registry, dt.date.fromisoformat(article["published"]))]


def score(registry, split: str | None = None, verbose: bool = False) -> Counter:
    """right / wrong / missed ranks over the rank articles of ``split`` (ranks, ranks_heldout or both)."""
    counts = Counter()
    expected = _expected()
    for article in _articles():
        if split is not None and article["set"] != split:
            continue
        wanted = list(expected.get(article["file"], []))
        counts["expected"] += len(wanted)
        for rank in _found(article, registry):
            if rank in wanted:
                wanted.remove(rank)
                counts["right"] += 1
            else:
                counts["wrong"] += 1
                if verbose:
                    print(f"  wrong  {article['file']}: {rank}")
        counts["missed"] += len(wanted)
        if verbose:
            for rank in wanted:
                print(f"  missed {article['file']}: {rank}")
    return counts


def _report(counts: Counter) -> str:
    found = counts["right"] + counts["wrong"]
    precision = counts["right"] / found if found else 1.0
    recall = counts["right"] / counts["expected"] if counts["expected"] else 1.0
    return (f"expected {counts['expected']}, found {found}: right {counts['right']}, wrong {counts['wrong']}, "
            f"missed {counts['missed']}; precision {precision:.2f}, recall {recall:.2f}")


@pytest.mark.parametrize("article", _articles(), ids=lambda a: a["file"])
def test_article_ranks_are_found_exactly(article, registry):
    """Every rank an article states, with its region, period, flow, rank or top, out of and group share; nothing else."""
    key = lambda row: tuple(row.values())  # noqa: E731
    assert sorted(_found(article, registry), key=key) == sorted(_expected().get(article["file"], []), key=key)


def test_precision_and_recall_over_rank_articles(registry):
    counts = score(registry)
    assert counts["wrong"] == 0 and counts["missed"] == 0, _report(counts)


if __name__ == "__main__":
    registry_ = load_registry(REPO / "geo" / "regions.csv")[0]
    verbose = "-v" in sys.argv
    for split in (*RANK_SETS, None):
        if split is not None and not any(a["set"] == split for a in _articles()):
            continue
        print(f"{split or 'all'}: {_report(score(registry_, split, verbose))}")
