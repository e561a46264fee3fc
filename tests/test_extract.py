"""The extractor on hand-written articles (tests/articles/) with known answers, plus the rules one by one.

tests/articles/articles.csv lists each article and its publication date; expected.csv lists every figure an
article holds (articles with no row hold none). ``score()`` compares what ``extract_figures`` finds with that list
and counts figures found right, found wrong (a value not expected, or expected with another region, period, flow,
unit or qualifier) and missed; run this file as a script to print precision and recall:

    python tests/test_extract.py
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

from turnover.extract import COLUMNS, Flag, extract_figures, find_amounts, parse_number, split_sentences  # noqa: E402
from tests.extract_support import ARTICLES, article_rows, precision_report, registry, shipped_registry  # noqa: E402,F401 (registry: a fixture)

CHECKED = ["region", "year", "months", "flow", "value", "currency", "scale", "qualifier", "coverage"]
# Articles the extractor gets wrong on purpose or by a known limit (kept in the scores, marked xfail below).
KNOWN_MISSES = {
    "ru_h2_bryansk.txt": "the region is named only as an adjective ('Белорусско-брянский товарооборот'): left blank and flagged, never guessed",
}


def _expected() -> dict[str, list[dict]]:
    by_file: dict[str, list[dict]] = {}
    with open(ARTICLES / "expected.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            by_file.setdefault(row["file"], []).append({k: row[k] for k in CHECKED})
    return by_file


def _cells(candidate) -> dict:
    row = candidate.row()
    return {k: row[k] for k in CHECKED}


def _same(found: dict, expected: dict) -> bool:
    for column in CHECKED:
        if column == "value":
            if not found["value"] or float(found["value"]) != float(expected["value"]):
                return False
        elif str(found[column]) != str(expected[column]):
            return False
    return True


def score(registry, split: str | None = None, verbose: bool = False) -> Counter:
    """right / wrong / missed over the articles of ``split`` (dev, heldout or all)."""
    counts = Counter()
    expected = _expected()
    for article in article_rows(split):
        text = (ARTICLES / article["file"]).read_text(encoding="utf-8")
        found = [_cells(c) for c in extract_figures(text, registry, dt.date.fromisoformat(article["published"]))]
        wanted = list(expected.get(article["file"], []))
        for figure in found:
            match = next((w for w in wanted if _same(figure, w)), None)
            if match is not None:
                wanted.remove(match)
                counts["right"] += 1
            else:
                counts["wrong"] += 1
                if verbose:
                    print(f"  wrong  {article['file']}: {figure}")
        counts["missed"] += len(wanted)
        if verbose:
            for figure in wanted:
                print(f"  missed {article['file']}: {figure}")
        counts["expected"] += len(expected.get(article["file"], []))
    return counts


# --- every article, figure by figure -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "article",
    [pytest.param(a, marks=pytest.mark.xfail(reason=KNOWN_MISSES[a["file"]], strict=True)) if a["file"] in KNOWN_MISSES else a for a in article_rows()],
    ids=lambda a: a["file"],
)
def test_article_figures_are_found_exactly(article, registry):
    """Every expected figure found with the right region, period, flow, value, unit and qualifier; nothing else."""
    text = (ARTICLES / article["file"]).read_text(encoding="utf-8")
    found = sorted(tuple(_cells(c).values()) for c in extract_figures(text, registry, dt.date.fromisoformat(article["published"])))
    wanted = sorted(tuple(_normalise(w).values()) for w in _expected().get(article["file"], []))
    assert [tuple(_normalise(dict(zip(CHECKED, f))).values()) for f in found] == wanted


def _normalise(cells: dict) -> dict:
    return {**cells, "value": repr(float(cells["value"])) if cells["value"] else ""}


def test_precision_and_recall_over_all_articles(registry):
    """Sets: dev (written with the rules), heldout and heldout2 (written afterwards, each scored once before any
    change; heldout's two misses were then fixed, heldout2's one is the known miss above); ranks and ranks_heldout
    (articles with rank statements, whose figures must still be found and whose ranks must give none)."""
    counts = score(registry)
    found = counts["right"] + counts["wrong"]
    assert counts["wrong"] <= len(KNOWN_MISSES) and counts["missed"] <= len(KNOWN_MISSES), precision_report(counts)
    assert counts["right"] / found >= 0.95 and counts["right"] / counts["expected"] >= 0.95, precision_report(counts)


# --- the rules one by one ----------------------------------------------------------------------------------------


def _kinds(candidate) -> set:
    return {flagged.flag for flagged in candidate.flags}


def _one(text, registry, published="2024-11-20"):
    found = extract_figures(text, registry, published)
    assert len(found) == 1, [c.row() for c in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "lang", "value", "scale", "currency"),
    [
        ("4,4 Milliarden Dollar", "de", "4.4", "bn", "USD"),
        ("half a billion dollars", "en", "0.5", "bn", "USD"),
        ("$920,9 млн", "ru", "920.9", "mn", "USD"),
        ("295 млрд рублей", "ru", "295", "bn", "RUB"),
        ("1,2 млрд долларов", "ru", "1.2", "bn", "USD"),
        ("$1.2 billion", "en", "1.2", "bn", "USD"),
        ("3.1 billion dollars", "en", "3.1", "bn", "USD"),
        ("$500m", "en", "500", "mn", "USD"),
        ("$1,234.5 million", "en", "1234.5", "mn", "USD"),
        ("USD 2.5 bn", "en", "2.5", "bn", "USD"),
        ("1 234,5 млн долларов США", "ru", "1234.5", "mn", "USD"),
        ("полмиллиарда долларов", "ru", "0.5", "bn", "USD"),
        ("полтора миллиарда долларов", "ru", "1.5", "bn", "USD"),
        ("25 Mrd. Rubel", "de", "25", "bn", "RUB"),
        ("2 Billionen Rubel", "de", "2", "trn", "RUB"),  # German Billion = 10^12
        ("3 млрд белорусских рублей", "ru", "3", "bn", "BYN"),
        ("$920,000", "en", "920", "thousand", "USD"),
        ("eine halbe Milliarde Dollar", "de", "0.5", "bn", "USD"),
    ],
)
def test_amounts_with_decimal_commas_and_spelled_scales(text, lang, value, scale, currency):
    (amount,) = find_amounts(f"Trade reached {text} .", lang)
    assert (amount.value, amount.scale, amount.currency) == (value, scale, currency)


@pytest.mark.parametrize(
    "text",
    ["grew by 12% in 2023", "+8%", "35 percent", "um 15 Prozent", "auf 40 %", "на 14,5%", "30 процентов", "в 1,5 раза",
     "2,5 млн тонн", "1 Million Einwohner", "3 million tonnes", "in 2023", "$500"],
)
def test_percentages_units_and_bare_numbers_are_not_amounts(text):
    for lang in ("en", "de", "ru"):
        assert find_amounts(text, lang) == []


@pytest.mark.parametrize(("text", "lang", "expected"), [("4,4", "de", "4.4"), ("1,200", "en", "1200"), ("1,125", "ru", "1.125"),
                                                         ("1.234,5", "de", "1234.5"), ("1,234.5", "en", "1234.5"), ("1 234", "ru", "1234")])
def test_number_parsing(text, lang, expected):
    assert parse_number(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Товарооборот со Смоленской областью составил в 2023 году $4,4 млрд.", "RU-SMO"),
        ("Товарооборот Смоленской области с Беларусью составил в 2023 году $4,4 млрд.", "RU-SMO"),
        ("Товарооборот с Брянщиной составил в 2023 году $1,1 млрд.", "RU-BRY"),
        ("Der Handelsumsatz mit dem Gebiet Brjansk betrug im Jahr 2023 1,1 Milliarden Dollar.", "RU-BRY"),
        ("Der Handelsumsatz des Gebiets Smolensk betrug im Jahr 2023 4,4 Milliarden Dollar.", "RU-SMO"),
        ("Trade with Smolensk Region amounted to $4.4 billion in 2023.", "RU-SMO"),
        ("Товарооборот с Санкт-Петербургом в 2023 году составил $2,1 млрд.", "RU-SPE"),
        ("Товарооборот с Республикой Татарстан в 2023 году составил $1,1 млрд.", "RU-TA"),
    ],
)
def test_regions_in_any_case_form(text, region, registry):
    assert _one(text, registry).region == region


@pytest.mark.parametrize(
    ("text", "year", "months"),
    [
        ("Trade with Smolensk Oblast amounted to $4.4 billion in 2023.", 2023, 12),
        ("Trade with Smolensk Oblast amounted to $4.4 billion last year.", 2023, 12),
        ("In the first nine months of 2024 trade with Smolensk Oblast reached $3.1 billion.", 2024, 9),
        ("In H1 2024 trade with Smolensk Oblast reached $2 billion.", 2024, 6),
        ("In Q1 2024 trade with Smolensk Oblast reached $1 billion.", 2024, 3),
        ("Im Zeitraum Januar–September 2024 erreichte der Handelsumsatz mit dem Gebiet Smolensk 3,1 Milliarden Dollar.", 2024, 9),
        ("Im ersten Halbjahr 2024 erreichte der Handelsumsatz mit dem Gebiet Smolensk 2 Milliarden Dollar.", 2024, 6),
        ("За девять месяцев 2024 года товарооборот со Смоленской областью составил 220 млрд рублей.", 2024, 9),
        ("В январе-сентябре товарооборот со Смоленской областью составил 220 млрд рублей.", 2024, 9),
        ("В первом полугодии 2024 года товарооборот со Смоленской областью составил 150 млрд рублей.", 2024, 6),
        ("Trade with Smolensk Oblast rose from $4.0 billion in 2022 to $4.4 billion in 2023.", None, None),
    ],
)
def test_periods(text, year, months, registry):
    found = extract_figures(text, registry, "2024-11-20")
    if year is None:  # two figures, each with the year written after it
        assert [(c.year, c.months, c.value) for c in found] == [(2022, 12, "4.0"), (2023, 12, "4.4")]
    else:
        assert len(found) == 1 and (found[0].year, found[0].months) == (year, months)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("almost $5 billion", "at_most"), ("nearly $5 billion", "at_most"), ("approached $5 billion", "at_most"), ("over $5 billion", "at_least"),
        ("exceeded $5 billion", "at_least"), ("more than $5 billion", "at_least"), ("about $5 billion", "approx"), ("$5 billion", "exact"),
    ],
)
def test_english_qualifiers(text, qualifier, registry):
    assert _one(f"In 2023 trade with Smolensk Oblast {text}.", registry).qualifier == qualifier


@pytest.mark.parametrize(("text", "qualifier"), [("fast", "at_most"), ("über", "at_least"), ("mehr als", "at_least"), ("rund", "approx"), ("knapp", "at_most")])
def test_german_qualifiers(text, qualifier, registry):
    sentence = f"Im Jahr 2023 betrug der Handelsumsatz mit dem Gebiet Smolensk {text} 5 Milliarden Dollar."
    assert _one(sentence, registry).qualifier == qualifier


@pytest.mark.parametrize(("text", "qualifier"), [("составил почти", "at_most"), ("составил более", "at_least"), ("составил свыше", "at_least"),
                                                 ("составил около", "approx"), ("превысил", "at_least"), ("составил порядка", "approx")])
def test_russian_qualifiers(text, qualifier, registry):
    sentence = f"В 2023 году товарооборот со Смоленской областью {text} 5 млрд долларов."
    assert _one(sentence, registry).qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "flow"),
    [
        ("trade between Belarus and Smolensk Oblast amounted to $4 billion in 2023", "turnover"),
        ("exports from Belarus to Smolensk Oblast amounted to $2 billion in 2023", "export"),
        ("Belarusian exports to Smolensk Oblast amounted to $2 billion in 2023", "export"),
        ("Smolensk Oblast's exports to Belarus amounted to $2 billion in 2023", "import"),
        ("imports from Smolensk Oblast amounted to $2 billion in 2023", "import"),
        ("Handelsumsatz mit dem Gebiet Smolensk betrug im Jahr 2023 4 Milliarden Dollar", "turnover"),
        ("товарооборот со Смоленской областью в 2023 году составил $4 млрд", "turnover"),
        ("белорусский экспорт в Смоленскую область в 2023 году составил $2 млрд", "export"),
        ("экспорт Смоленской области в Беларусь в 2023 году составил $2 млрд", "import"),
        ("импорт Смоленской области из Беларуси в 2023 году составил $2 млрд", "export"),
    ],
)
def test_flows_with_their_direction(text, flow, registry):
    assert _one(text[0].upper() + text[1:] + ".", registry).flow == flow


def test_bare_exports_without_a_side_are_left_blank_and_flagged(registry):
    (found,) = extract_figures("In 2023 exports of Smolensk Oblast reached $2 billion.", registry, "2024-11-20")
    assert found.flow == "" and Flag.FLOW_SIDE_UNKNOWN in _kinds(found)
    assert "without saying whose" in found.row()["flags"]


def test_no_region_no_year_are_left_blank_never_invented(registry):
    (found,) = extract_figures("Trade amounted to $1.2 billion.", registry)
    assert (found.region, found.year, found.months) == ("", None, None)
    assert {Flag.REGION_NOT_NAMED, Flag.PERIOD_NOT_STATED} <= _kinds(found)
    assert found.row()["flags"] == "year and months: not stated; region: not named"


def test_last_year_without_publication_date_stays_blank(registry):
    (found,) = extract_figures("Trade with Smolensk Oblast amounted to $1.2 billion last year.", registry)
    assert found.year is None and Flag.YEAR_NEEDS_PUBLICATION_DATE in _kinds(found)


def test_a_change_is_not_a_level(registry):
    found = extract_figures("In 2023 trade with Smolensk Oblast grew by $200 million to $4.4 billion.", registry, "2024-11-20")
    assert [c.value for c in found] == ["4.4"]


def test_investment_is_not_trade(registry):
    assert extract_figures("A Belarusian company will invest $120 million in Omsk Oblast in 2025.", registry, "2024-11-20") == []


def test_sentences_split_at_abbreviations_only_when_the_sentence_ends(registry):
    sentences = [s.text for s in split_sentences("Товарооборот составил $4,4 млрд. За девять месяцев он превысил 25 Mrd. Rubel. St. Petersburg is next.")]
    assert sentences == ["Товарооборот составил $4,4 млрд.", "За девять месяцев он превысил 25 Mrd. Rubel.", "St. Petersburg is next."]


def test_cli_prints_csv_with_sentence_and_flags(tmp_path):
    article = ARTICLES / "en_smolensk.txt"
    result = subprocess.run([sys.executable, "-m", "turnover", "extract", str(article), "--published", "2024-11-20"],
                            capture_output=True, text=True, cwd=REPO, check=True)
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert list(rows[0]) == COLUMNS
    assert [(r["region"], r["year"], r["months"], r["value"]) for r in rows] == [("RU-SMO", "2023", "12", "4.4"), ("RU-SMO", "2024", "9", "3.1"), ("RU-SMO", "2024", "9", "2")]


def test_cli_reads_stdin():
    result = subprocess.run([sys.executable, "-m", "turnover", "extract", "-"], input="Товарооборот со Смоленской областью в 2023 году составил $4,4 млрд.",
                            capture_output=True, text=True, cwd=REPO, check=True)
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert [(r["region"], r["year"], r["value"], r["currency"]) for r in rows] == [("RU-SMO", "2023", "4.4", "USD")]


if __name__ == "__main__":
    registry_ = shipped_registry()
    verbose = "-v" in sys.argv
    for split in ("dev", "heldout", "heldout2", "ranks", "ranks_heldout", None):
        if split is not None and not article_rows(split):
            continue
        print(f"{split or 'all'}: {precision_report(score(registry_, split, verbose))}")
