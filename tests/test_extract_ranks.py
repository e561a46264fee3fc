"""Published ranks ("third among Russian regions", "unter den Top 10", "входит в десятку") on the test articles and
rule by rule. tests/articles/expected_ranks.csv lists every rank an article states (articles of the figure sets state none); run
this file as a script to print precision and recall for ranks:

    python tests/test_extract_ranks.py
"""

import csv
import datetime as dt
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from turnover.extract import RANK_OUTPUT_COLUMNS, extract_figures, extract_ranks, ranks_frame  # noqa: E402
from tests.extract_support import ARTICLES, article_rows, precision_report, registry, shipped_registry  # noqa: E402,F401 (registry: a fixture)

CHECKED = ["region", "year", "months", "flow", "rank", "top", "out_of", "group_share_pct", "group_share_qualifier"]
RANK_SETS = ("ranks", "ranks_heldout")
# Articles with a rank the extractor misses by a known limit (kept in the scores, marked xfail below).
KNOWN_MISSES = {
    "ru_rankho_moscow.txt": "an elliptic rank with no place word ('третье – Санкт-Петербург') is not read",
}


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
    """right / wrong / missed ranks over the articles of ``split`` (ranks, ranks_heldout, ...; None: all)."""
    counts = Counter()
    expected = _expected()
    for article in article_rows():
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


@pytest.mark.parametrize(
    "article",
    [pytest.param(a, marks=pytest.mark.xfail(reason=KNOWN_MISSES[a["file"]], strict=True)) if a["file"] in KNOWN_MISSES else a for a in article_rows()],
    ids=lambda a: a["file"],
)
def test_article_ranks_are_found_exactly(article, registry):
    """Every rank an article states, with its region, period, flow, rank or top, out of and group share; nothing else."""
    key = lambda row: tuple(row.values())  # noqa: E731
    assert sorted(_found(article, registry), key=key) == sorted(_expected().get(article["file"], []), key=key)


def test_precision_and_recall_over_rank_articles(registry):
    """Sets: ranks (written with the rules) and ranks_heldout (written afterwards, scored once before any change:
    precision 0.67, recall 0.57; the general causes were then fixed, the elliptic rank is the known miss above)."""
    counts = score(registry)
    assert counts["wrong"] == 0 and counts["missed"] <= len(KNOWN_MISSES), precision_report(counts)


# --- the rules one by one ----------------------------------------------------------------------------------------


def _one(text, registry, published="2024-11-20"):
    found = extract_ranks(text, registry, published)
    assert len(found) == 1, [r.row() for r in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "rank", "top", "flow"),
    [
        ("In 2023 Smolensk Oblast was third among Russian regions in trade with Belarus.", 3, None, "turnover"),
        ("In 2023 Tatarstan ranks 13th among the regions of Russia in trade with Belarus.", 13, None, "turnover"),
        ("In 2023 Omsk Oblast is among the top ten importers of Belarusian goods.", None, 10, "export"),
        ("In 2023 Kaluga Oblast was Belarus' fourth-largest trading partner among Russian regions.", 4, None, "turnover"),
        ("In 2023 Smolensk Oblast was the largest supplier of fuel to Belarus among Russian regions.", 1, None, "import"),
        ("В 2023 году Брянская область входит в десятку крупнейших торговых партнёров Беларуси.", None, 10, "turnover"),
        ("В 2023 году Смоленская область заняла третье место среди российских регионов по товарообороту с Беларусью.", 3, None, "turnover"),
        ("В 2023 году Татарстан занял 13-е место по объему товарооборота с Беларусью.", 13, None, "turnover"),
        ("В 2023 году Омская область вошла в число пяти крупнейших покупателей белорусской продукции.", None, 5, "export"),
        ("Im Jahr 2023 lag das Gebiet Smolensk unter den Top 10 der Handelspartner von Belarus.", None, 10, "turnover"),
        ("Im Jahr 2023 landete das Gebiet Smolensk beim Handelsumsatz auf Platz drei unter den russischen Regionen.", 3, None, "turnover"),
        ("Im Jahr 2023 war das Gebiet Brjansk der drittgrößte Abnehmer belarussischer Waren.", 3, None, "export"),
        ("Im Jahr 2023 lag das Gebiet Brjansk beim Handel an vierter Stelle.", 4, None, "turnover"),
    ],
)
def test_rank_statements_in_three_languages(text, rank, top, flow, registry):
    found = _one(text, registry)
    assert (found.rank, found.top, found.flow, found.year, found.months) == (rank, top, flow, 2023, 12)


@pytest.mark.parametrize(
    "text",
    [
        "In 2023 trade with Smolensk Oblast grew by 3% among all regions.",
        "In 2023 the top 10% of exporters to Smolensk Oblast earned most of the revenue.",
        "In 2023 Smolensk Oblast accounted for a third of Belarusian exports to Russia.",
        "In the third quarter of 2023 trade with Smolensk Oblast rose, and the first half of the year was strong.",
        "В третьем квартале 2023 года товарооборот со Смоленской областью вырос на 3 процента.",
        "Im dritten Quartal 2023 wuchs der Handel mit dem Gebiet Smolensk um 10 Prozent.",
        "В 2023 году на третье место по объему экспорта вышли молочные продукты.",  # a rank of products: no region
    ],
)
def test_percentages_fractions_and_quarters_are_never_ranks(text, registry):
    assert extract_ranks(text, registry, "2024-11-20") == []


@pytest.mark.parametrize(
    "text",
    [
        "Omsk Oblast is among the top ten importers of Belarusian goods, third of 85 regions.",
        "Смоленская область занимает третье место среди 85 регионов и входит в десятку крупнейших партнёров.",
        "Das Gebiet Smolensk liegt unter den Top 10 und auf Platz 3 von 85 Regionen.",
    ],
)
def test_rank_statements_give_no_figures(text, registry):
    assert extract_figures(text, registry, "2024-11-20") == []
    assert all((r.rank is None) != (r.top is None) and r.out_of == 85 for r in extract_ranks(text, registry, "2024-11-20"))


def test_a_figure_in_a_rank_sentence_is_still_a_figure(registry):
    text = "In 2023 Smolensk Oblast ranked third among Russian regions with trade of $4.4 billion."
    assert [(c.value, c.scale) for c in extract_figures(text, registry, "2024-11-20")] == [("4.4", "bn")]
    assert [r.rank for r in extract_ranks(text, registry, "2024-11-20")] == [3]


def test_group_share_in_the_same_sentence_and_in_the_next(registry):
    same = _one("In 2023 Omsk Oblast was among the top ten regions, which together account for almost 73% of Belarusian exports to Russia.", registry)
    assert (same.top, same.group_share_pct, same.group_share_qualifier) == (10, "73", "at_most")
    text = ("В 2023 году Брянская область вошла в десятку крупнейших торговых партнёров Беларуси. "
            "На долю первой десятки приходится более 70,5% белорусского экспорта в Россию.")
    later = _one(text, registry)
    assert (later.top, later.group_share_pct, later.group_share_qualifier) == (10, "70.5", "at_least")


def test_a_share_of_another_group_size_is_not_taken(registry):
    text = "In 2023 Omsk Oblast was among the top ten importers of Belarusian goods. The five largest buyers account for 50% of exports."
    assert _one(text, registry).group_share_pct == ""


def test_the_regions_a_rank_is_compared_with_are_not_its_region(registry):
    text = "Trade with Smolensk Oblast reached $4.4 billion in 2023. The region was third, after Moscow and St. Petersburg."
    found = _one(text, registry)
    assert (found.region, found.year, found.flow) == ("RU-SMO", 2023, "turnover")
    assert "region taken from an earlier sentence" in found.row()["flags"]


def test_a_country_is_never_the_ranked_region(registry):
    found = _one("In 2023 Smolensk Oblast ranked 5th among the regions of Russia in trade with Belarus.", registry)
    assert found.region == "RU-SMO"


def test_a_partial_period_is_kept_and_a_title_repeat_is_dropped(registry):
    text = "Tatarstan ranks 13th\n\nIn January–June 2024 Tatarstan ranked 13th among Russian regions in trade with Belarus."
    found = _one(text, registry)
    assert (found.year, found.months, found.rank) == (2024, 6, 13)


def test_without_a_period_the_rank_stays_blank_and_flagged(registry):
    found = _one("Tatarstan ranks 13th among the regions of Russia in trade with Belarus.", registry)
    assert (found.year, found.months) == (None, None) and "year and months: not stated" in found.row()["flags"]


def test_cli_prints_ranks_in_the_ranks_columns():
    text = "По итогам 2023 года Брянская область вошла в десятку крупнейших торговых партнёров Беларуси."
    result = subprocess.run([sys.executable, "-m", "turnover", "extract", "-", "--ranks"], input=text, capture_output=True, text=True, cwd=REPO, check=True)
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert list(rows[0]) == RANK_OUTPUT_COLUMNS and RANK_OUTPUT_COLUMNS[:11] == ["region", "year", "months", "flow", "rank", "top", "out_of",
                                                                                "group_share_pct", "group_share_qualifier", "source_id", "note"]
    assert [(r["region"], r["year"], r["months"], r["flow"], r["rank"], r["top"], r["source_id"]) for r in rows] == [("RU-BRY", "2023", "12", "turnover", "", "10", "")]


def test_the_review_table_offers_a_decided_rank_ticked_and_leaves_a_doubtful_one_to_the_reviewer(registry):
    text = ("Smolensk Oblast ranks third among Russian regions in trade with Belarus in 2024. "
            "Bryansk Oblast is among the top ten importers of Belarusian goods. "
            "Tatarstan ranks 13th among the regions of Russia in trade with Belarus.")
    candidates = extract_ranks(text, registry, dt.date(2025, 3, 1))
    frame = ranks_frame(candidates)
    assert "source_id" not in frame.columns and list(frame.columns[-2:]) == ["sentence", "flags"]
    assert list(frame["region"]) == [c.region for c in candidates] == ["RU-SMO", "RU-BRY", "RU-TA"]
    assert list(frame["rank"]) == [3, pd.NA, 13] and list(frame["top"]) == [pd.NA, 10, pd.NA]
    # decided and unflagged: ticked; a period taken from the sentence before, or none at all: the reviewer decides
    assert [bool(c.flags) for c in candidates] == [False, True, True]
    assert list(frame["save"]) == [True, False, False]
    assert ranks_frame([]).empty and "rank" in ranks_frame([]).columns


if __name__ == "__main__":
    registry_ = shipped_registry()
    verbose = "-v" in sys.argv
    for split in (*RANK_SETS, None):
        if split is not None and not article_rows(split):
            continue
        print(f"{split or 'all'}: {precision_report(score(registry_, split, verbose))}")
