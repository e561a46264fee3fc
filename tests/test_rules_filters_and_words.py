"""The default year and link filters (urlstate), money words (formatting), period labels (periods) and the Compare tables."""

import math

import pandas as pd
import pytest

from tests.catalogue_support import in_cyrillic
from tests.conftest import REGIONS
from turnover.compare import compare_figures, default_comparison, district_table, share_table
from turnover.formatting import format_published, format_usd_mn, with_qualifier
from turnover.periods import period_label
from turnover.regions import UnknownRegion, load_registry
from turnover.texts import charts as chart_words
from turnover.texts import notices as notice_words
from turnover.urlstate import MAX_COMPARED, MAX_PARAM, QUOTED, Filters, default_year, param, parse_compare, parse_filters, parse_language, quoted

NBSP = "\u00a0"

# --- the default year: the latest year with at least a quarter of the best-covered year's regions ----------------


@pytest.mark.parametrize(
    "counts",
    [
        {2022: 80, 2023: 20, 2024: 19},  # 20 is exactly a quarter of 80; 19 is not
        {2022: 80, 2023: 21, 2024: 5},
        {2021: 4, 2022: 10, 2023: 2},  # 2 < 10 / 4: the best year itself
        {2024: 1},
        {2020: 8, 2021: 2, 2022: 1},
        {2023: 40, 2021: 90, 2024: 22},  # not sorted
    ],
)
def test_default_year_is_the_latest_with_a_quarter_of_the_best_coverage(counts):
    best = max(counts.values())
    expected = max(year for year, count in counts.items() if count >= best / 4)
    assert default_year(counts) == expected


@pytest.mark.parametrize(("counts", "year"), [({2022: 80, 2023: 20, 2024: 19}, 2023), ({2021: 4, 2022: 10, 2023: 2}, 2022), ({2021: 4, 2022: 10, 2023: 3}, 2023), ({2022: 8, 2023: 2}, 2023)])
def test_default_year_examples(counts, year):
    assert default_year(counts) == year


# --- filters from a link ------------------------------------------------------------------------------------------


@pytest.fixture
def registry(tmp_path):
    path = tmp_path / "regions.csv"
    path.write_text(REGIONS, encoding="utf-8")
    loaded, problems = load_registry(path)
    assert problems == []
    return loaded


REGIONS_WITH_FIGURES = ["RU-BRY", "RU-SMO", "RU-TA"]
YEARS = [2024, 2023, 2022]


@pytest.mark.parametrize(
    ("params", "expected", "notices"),
    [
        ({}, Filters("RU-SMO", 2023, "turnover"), []),
        ({"region": "RU-TA", "year": "2022", "flow": "export"}, Filters("RU-TA", 2022, "export"), []),
        ({"region": " Gebiet Smolensk ", "year": " 2024 "}, Filters("RU-SMO", 2024, "turnover"), []),
        ({"region": "Bryansk"}, Filters("RU-BRY", 2023, "turnover"), []),
        ({"flow": "import", "briefing": "1"}, Filters("RU-SMO", 2023, "import", True), []),
        ({"briefing": "TRUE"}, Filters("RU-SMO", 2023, "turnover", True), []),
        ({"briefing": "yes"}, Filters("RU-SMO", 2023, "turnover", True), []),
        ({"briefing": "0"}, Filters("RU-SMO", 2023, "turnover", False), []),
        ({"year": "1850"}, Filters("RU-SMO", 2023, "turnover"), ["No figures for year '1850' (data covers 2022–2024); showing 2023."]),
        ({"year": "20x3"}, Filters("RU-SMO", 2023, "turnover"), ["No figures for year '20x3' (data covers 2022–2024); showing 2023."]),
        ({"flow": "smuggling"}, Filters("RU-SMO", 2023, "turnover"), ["Unknown flow 'smuggling'; expected one of turnover, export, import; showing turnover."]),
        ({"region": "RU-MOW"}, Filters("RU-SMO", 2023, "turnover"), ["No figures for Moscow (RU-MOW); showing Smolensk Oblast."]),
    ],
)
def test_parse_filters(registry, params, expected, notices):
    assert parse_filters(params, registry, REGIONS_WITH_FIGURES, YEARS, 2023) == (expected, notices)


def test_an_unknown_region_falls_back_with_a_notice_naming_the_closest(registry):
    filters, notices = parse_filters({"region": "Smolenks"}, registry, REGIONS_WITH_FIGURES, YEARS, 2023)
    assert filters.region == "RU-SMO"
    assert len(notices) == 1 and notices[0].startswith("Unknown region 'Smolenks' in the link; showing Smolensk Oblast. Closest known: ")
    assert "Smolensk Oblast (RU-SMO)" in notices[0]


def test_without_the_default_region_the_first_region_with_figures_is_shown(registry):
    filters, _ = parse_filters({}, registry, ["RU-TA", "RU-BRY"], YEARS, 2022)
    assert (filters.region, filters.year) == ("RU-TA", 2022)


@pytest.mark.parametrize(
    ("filters", "params"),
    [
        (Filters("RU-SMO", 2023, "turnover"), {"region": "RU-SMO", "year": "2023", "flow": "turnover"}),
        (Filters("RU-TA", 2021, "export", True), {"region": "RU-TA", "year": "2021", "flow": "export", "briefing": "1"}),
    ],
)
def test_filters_written_to_the_link_read_back_the_same(registry, filters, params):
    assert filters.as_params() == params
    assert parse_filters(params, registry, ["RU-SMO", "RU-TA"], [2021, 2023], 2023) == (filters, [])


def suggested(registry, text: str) -> list[str]:
    """The ids the registry suggests for a name it does not know."""
    with pytest.raises(UnknownRegion) as refused:
        registry.resolve(text)
    return [rid for _name, rid in refused.value.suggestions]


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"year": "1850"}, lambda r: notice_words.unknown_year(quoted("1850"), 2022, 2024, 2023, "ru")),
        ({"flow": "smuggling"}, lambda r: notice_words.unknown_choice("flow", quoted("smuggling"), ["turnover", "export", "import"], "turnover", "ru")),
        ({"region": "RU-MOW"}, lambda r: notice_words.region_without_figures(r.name("RU-MOW", "ru"), "RU-MOW", r.name("RU-SMO", "ru"), "ru")),
        ({"region": "Smolenks"}, lambda r: notice_words.unknown_region(quoted("Smolenks"), r.name("RU-SMO", "ru"), [(r.name(rid, "ru"), rid) for rid in suggested(r, "Smolenks")], "ru")),
    ],
)
def test_a_russian_links_notices_are_in_russian_with_russian_names(registry, params, notice):
    filters, notices = parse_filters({**params, "lang": "ru"}, registry, REGIONS_WITH_FIGURES, YEARS, 2023)
    assert filters.lang == "ru" and filters.as_params()["lang"] == "ru"  # kept in the link the page writes
    assert notices[0] == notice(registry) and notices != parse_filters(params, registry, REGIONS_WITH_FIGURES, YEARS, 2023)[1]


@pytest.mark.parametrize(("value", "expected"), [(["RU-TA", "RU-SMO"], "RU-SMO"), ([], ""), ("  RU-TA ", "RU-TA"), ("x" * 500, "x" * MAX_PARAM)])
def test_a_repeated_parameter_gives_its_last_value_cut_and_stripped(value, expected):
    assert param({"region": value}, "region") == expected


# --- money and period words ---------------------------------------------------------------------------------------


COMPARABLE = ["RU-SMO", "RU-MOW", "RU-TA", "RU-BRY", "RU-SPE", "RU-KDA", "RU-NVS", "RU-SVE", "RU-KGD", "RU-PSK"]


@pytest.mark.parametrize(
    ("raw", "expected", "notice"),
    [
        (None, None, ""),
        ("", None, ""),
        ("RU-SMO,RU-MOW", ["RU-SMO", "RU-MOW"], ""),
        (" RU-TA , RU-SMO,RU-TA,", ["RU-TA", "RU-SMO"], ""),
        ("RU-SMO,RU-NOPE", ["RU-SMO"], "Unknown region 'RU-NOPE' in the compare link; left out."),
        ("ru-smo,RU-ＳMO", [], "Unknown regions 'ru-smo', 'RU-ＳMO' in the compare link; left out."),
        ("RU-XYZ", [], "Unknown region 'RU-XYZ' in the compare link; left out."),
        (",".join(COMPARABLE), COMPARABLE[:MAX_COMPARED], f"At most {MAX_COMPARED} regions are compared; {', '.join(COMPARABLE[MAX_COMPARED:])} were left out."),
    ],
)
def test_parse_compare(raw, expected, notice):
    params = {} if raw is None else {"compare": raw}
    assert parse_compare(params, COMPARABLE) == (expected, [notice] if notice else [])


@pytest.mark.parametrize(("params", "expected", "bad"), [
    ({}, "en", None),
    ({"lang": ""}, "en", None),
    ({"lang": "ru"}, "ru", None),
    ({"lang": "en"}, "en", None),
    ({"lang": "xx"}, "en", "xx"),
    ({"lang": "RU"}, "en", "RU"),
    ({"lang": "ru" + "x" * 300}, "en", "ru" + "x" * 300),
])
def test_the_link_language_is_an_offered_one_or_english_with_a_notice_in_english(params, expected, bad):
    from turnover.i18n import LANGUAGES
    from turnover.texts import notices as notice_words

    lang, found = parse_language(params)
    assert lang == expected
    assert found == ([] if bad is None else [notice_words.unknown_choice("lang", quoted(param({"lang": bad}, "lang")), list(LANGUAGES), "en", "en")])


def test_a_bad_compare_link_is_explained_in_the_readers_language():
    english = parse_compare({"compare": "RU-SMO,RU-NOPE"}, COMPARABLE)[1]
    picked, russian = parse_compare({"compare": "RU-SMO,RU-NOPE"}, COMPARABLE, "ru")
    assert picked == ["RU-SMO"] and len(russian) == 1 and russian != english and "RU-NOPE" in russian[0]
    assert in_cyrillic(russian[0])


@pytest.mark.parametrize("length", [QUOTED - 1, QUOTED, QUOTED + 1, 10 * QUOTED])
def test_a_quoted_value_is_cut_at_its_length_with_an_ellipsis(length):
    value = "x" * length
    shown = quoted(value)
    assert shown == (repr(value[:QUOTED]) + "…" if length > QUOTED else repr(value))


def test_a_huge_compare_link_is_cut_before_it_is_read():
    picked, notices = parse_compare({"compare": "RU-SMO," + "x" * 100_000}, COMPARABLE)
    assert picked == ["RU-SMO"] and len(notices[0]) < 200


@pytest.mark.parametrize(
    ("usd_mn", "text"),
    [(4400, "$4.4bn"), (1000, "$1bn"), (999.94, "$999.9m"), (920.9, "$920.9m"), (12.34, "$12.3m"), (4949.9, "$4.95bn"), (12345, "$12.35bn"), (0.5, "$0.5m"), (7, "$7m")],
)
def test_format_usd_mn(usd_mn, text):
    assert format_usd_mn(usd_mn) == text


def test_a_figure_that_rounds_to_a_billion_is_written_in_billions():
    assert format_usd_mn(999.96) == "$1bn"


@pytest.mark.parametrize(("usd_mn", "text", "digits"), [(2675, "$2.67bn", "2,67"), (12.25, "$12.2m", "12,2"), (0.0125, "$0.013m", "0,013")])
def test_babel_lays_out_the_digits_but_rounding_stays_pythons(usd_mn, text, digits):
    """A half rounds as Python rounds the float (2.675 is stored just below it), as before Babel, in every language."""
    assert format_usd_mn(usd_mn) == text
    assert format_usd_mn(usd_mn, "ru").startswith(digits + " ")


@pytest.mark.parametrize(
    ("value", "currency", "scale", "text"),
    [(4.4, "USD", "bn", "$4.4bn"), (295, "RUB", "bn", "RUB 295bn"), (920.9, "USD", "mn", "$920.9m"), (1.2345, "BYN", "trn", "BYN 1.234trn"),
     (850, "USD", "thousand", "$850k"), (12500, "RUB", "mn", "RUB 12,500m")],
)
def test_format_published(value, currency, scale, text):
    assert format_published(value, currency, scale) == text


@pytest.mark.parametrize(
    ("qualifier", "text"),
    [("exact", "$4.4bn"), ("approx", "about $4.4bn"), ("at_most", "almost $4.4bn"), ("at_least", "over $4.4bn")],
)
def test_an_approximate_or_bound_figure_says_so(qualifier, text):
    assert with_qualifier("$4.4bn", qualifier) == text


@pytest.mark.parametrize(
    ("year", "months", "label"),
    [(2023, 12, "2023"), (2024, 1, "Jan 2024"), (2024, 2, "Jan–Feb 2024"), (2024, 9, "Jan–Sep 2024"), (2019, 11, "Jan–Nov 2019")],
)
def test_period_label_never_writes_a_partial_year_as_a_year(year, months, label):
    assert period_label(year, months) == label


# --- Compare tables -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("region", "choices", "size", "expected"),
    [
        ("RU-SMO", ["RU-SMO", "RU-TA"], 3, ["RU-SMO", "RU-MOW", "RU-BRY"]),
        ("RU-MOW", ["RU-MOW"], 3, ["RU-MOW", "RU-BRY", "RU-SMO"]),
        ("RU-XX", ["RU-SMO"], 2, ["RU-MOW", "RU-BRY"]),
        ("RU-SMO", ["RU-SMO"], 5, ["RU-SMO", "RU-MOW", "RU-BRY", "RU-TA"]),
    ],
)
def test_default_comparison_starts_with_the_region_then_the_largest(region, choices, size, expected):
    ranked = pd.DataFrame({"region": ["RU-MOW", "RU-BRY", "RU-SMO", "RU-TA"]})
    assert default_comparison(ranked, region, choices, size) == expected


def test_the_compare_page_opens_on_five_regions():
    ranked = pd.DataFrame({"region": [f"RU-{n:02d}" for n in range(9)]})
    assert default_comparison(ranked, "RU-05", ["RU-05"]) == ["RU-05", "RU-00", "RU-01", "RU-02", "RU-03"]


def test_compare_figures_are_the_displayed_totals_of_the_chosen_regions_and_flow():
    figures = pd.DataFrame(
        {
            "name": list("abcdef"),
            "region": ["RU-SMO", "RU-SMO", "RU-SMO", "RU-SMO", "RU-TA", "RU-MOW"],
            "displayed": [True, False, True, True, True, True],
            "total": [True, True, False, True, True, True],
            "flow": ["turnover", "turnover", "turnover", "export", "turnover", "turnover"],
        }
    )
    assert list(compare_figures(figures, ["RU-SMO", "RU-TA"], "turnover")["name"]) == ["a", "e"]


def test_district_table_says_n_of_m_and_marks_approximate_sums():
    districts = pd.DataFrame(
        {"name": ["Central", "Volga"], "usd_mn": [9400.0, 0.0], "with_data": [2, 0], "regions": [3, 14], "approximate": [True, False],
         "published_usd_mn": [10000.0, math.nan]}
    )
    table = district_table(districts)
    assert table.to_dict("list") == {
        "Federal district": ["Central", "Volga"],
        "Sum of regions with a figure": ["$9.4bn", "–"],
        "Regions with a figure": ["2 of 3 regions", "0 of 14 regions"],
        "Includes approximate figures": ["yes", ""],
        "Published district figure": ["$10bn", ""],
    }


def test_district_table_is_in_the_readers_language():
    districts = pd.DataFrame(
        {"name": ["Центральный", "Приволжский"], "usd_mn": [9400.0, 0.0], "with_data": [2, 0], "regions": [3, 14], "approximate": [True, False],
         "published_usd_mn": [10000.0, math.nan]}
    )
    rows = district_table(districts, "ru").to_dict("split")["data"]
    assert [row[1] for row in rows] == [format_usd_mn(9400.0, "ru"), "–"] and "млрд" in rows[0][1]
    assert rows[0][2] == chart_words.regions_covered(2, 3, "ru") != chart_words.regions_covered(2, 3, "en")
    assert rows[0][4] == format_usd_mn(10000.0, "ru") and rows[1][4] == ""


def test_share_table_shows_the_marked_figure_and_share_and_the_source():
    shares = pd.DataFrame(
        {"rank": [1, 2], "region_name": ["Moscow", "Smolensk Oblast"], "shown": ["over $5bn", "$4.4bn"], "share_pct": [10.0, 8.84],
         "share_qualifier": ["at_least", "approx"], "source_publisher": ["BelTA", "Interfax"], "source_published": ["2023-05-30", "2025-05-14"]}
    )
    assert share_table(shares).to_dict("list") == {
        "Rank": [1, 2],
        "Region": ["Moscow", "Smolensk Oblast"],
        "Figure": ["over $5bn", "$4.4bn"],
        "Share of national total": ["over 10%", "about 8.8%"],
        "Source": ["BelTA (2023-05-30)", "Interfax (2025-05-14)"],
    }
    russian = share_table(shares, "ru").iloc[:, 3].tolist()
    assert russian == [with_qualifier(f"10{NBSP}%", "at_least", "ru"), with_qualifier(f"8,8{NBSP}%", "approx", "ru")]
    assert russian[0] != f"10{NBSP}%" and russian[1] != f"8,8{NBSP}%"  # marked in Russian too
