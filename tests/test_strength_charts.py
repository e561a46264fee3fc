"""turnover/charts.py's rules: the point style of each kind of figure and the legend of only those drawn, the series
chart's spans and labels, the ranking's labels and markings, the compare chart's ends and axes, the footer rows
and the source line.

Expected values are computed from the rows each test writes.
"""

import re

import pandas as pd
import pytest

from tests.conftest import HEADER, SOURCES
from tests.test_rules_aggregate import csv_text
from turnover.aggregate import both_sides, map_figures, region_series
from turnover.charts import BAR_HEIGHT, FOOTER_SIZE, LABEL_SHARE, FOOTER_WIDTH, KIND_COLOURS, KIND_FILLS, KIND_SHAPES, compare_chart, footer_rows, ranking_chart, series_chart, source_line
from turnover.dataset import load_dataset
from turnover.formatting import format_usd_mn
from turnover.labels import text_width
from turnover.texts.charts import figure_kinds, map_markings, series_subtitle, unit

# One figure of each kind: full year, approximate, converted, converted and approximate, partial, and a period both sides publish.
KINDS = """RU-SMO,2017,12,turnover,1.0,USD,bn,exact,goods,,old-1,
RU-SMO,2018,12,turnover,1.2,USD,bn,approx,goods,,old-1,
RU-SMO,2019,12,turnover,100,RUB,bn,exact,goods,,interfax-1,
RU-SMO,2020,12,turnover,110,RUB,bn,at_most,goods,,interfax-1,
RU-SMO,2021,6,turnover,0.7,USD,bn,exact,goods,,old-1,
RU-SMO,2022,12,turnover,1.5,USD,bn,exact,goods,BY,belta-1,
RU-SMO,2022,12,turnover,1.6,USD,bn,exact,goods,RU,interfax-1,
"""
FX = "year,currency,per_usd,source_id\n2019,RUB,64.7,cbr\n2020,RUB,72.1,cbr\n"
PUBLISHED = {line.split(",")[0]: (line.split(",")[1], line.split(",")[4]) for line in SOURCES.splitlines()[1:]}  # id -> publisher, date


@pytest.fixture
def kinds_dataset(write_dataset):
    dataset = load_dataset(*write_dataset(figures=HEADER + KINDS, fx=FX))
    assert dataset.problems == []
    return dataset


def _series(dataset, lang="en", selected_year=None):
    figures = dataset.in_language(lang).figures
    return series_chart(region_series(figures, "RU-SMO"), "Smolensk", "turnover", selected_year, lang, both_sides(figures, "RU-SMO"))


def _points(framed) -> dict:
    return next(layer for layer in framed.spec()["layer"] if layer["mark"]["type"] == "point")["encoding"]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_each_kind_of_figure_has_its_own_point_style_and_legend_entry(kinds_dataset, lang):
    framed = _series(kinds_dataset, lang)
    names = figure_kinds(lang)
    kind_of = {}
    for row in framed.spec()["datasets"]["figures"]:
        kind_of.setdefault((row["year"], row["full_year"]), []).append(row["kind"])
    expected = {(2017, True): [names[0]], (2018, True): [names[1]], (2019, True): [names[2]], (2020, True): [names[3]], (2021, False): [names[4]]}
    assert {key: kinds for key, kinds in kind_of.items() if key[0] != 2022} == expected
    assert sorted(kind_of[(2022, True)]) == sorted([names[5], names[6]])  # each side's statistics, whichever is displayed
    points = _points(framed)
    assert points["color"]["scale"] == {"domain": list(names), "range": KIND_COLOURS}  # every kind drawn, in the legend's order
    assert points["shape"]["scale"]["range"] == KIND_SHAPES and points["fill"]["scale"]["range"] == KIND_FILLS


def test_the_legend_lists_only_the_kinds_drawn_with_their_own_styles(kinds_dataset):
    figures = kinds_dataset.figures
    partial_and_converted = figures[figures["year"].isin([2019, 2021])]
    points = _points(series_chart(region_series(partial_and_converted, "RU-SMO"), "Smolensk", "turnover"))
    names = figure_kinds()
    assert points["color"]["scale"] == {"domain": [names[2], names[4]], "range": [KIND_COLOURS[2], KIND_COLOURS[4]]}
    assert (points["shape"]["scale"]["range"], points["fill"]["scale"]["range"]) == ([KIND_SHAPES[2], KIND_SHAPES[4]], [KIND_FILLS[2], KIND_FILLS[4]])


def test_a_side_drawn_off_the_line_is_a_point_of_its_side_only(kinds_dataset):
    rows = [row for row in _series(kinds_dataset).spec()["datasets"]["figures"] if row["year"] == 2022]
    assert len(rows) == 2 and sorted(row["on_line"] for row in rows) == [False, True]
    assert [row["run"] for row in rows if not row["on_line"]] == [""]


def test_the_series_chart_writes_its_figures_in_the_unit_and_language_it_names(kinds_dataset):
    framed = _series(kinds_dataset, "ru")
    figures = kinds_dataset.in_language("ru").figures
    rows = {(row["year"], row["full_year"], row["on_line"]): row for row in framed.spec()["datasets"]["figures"]}
    partial = figures[~figures["full_year"]].iloc[0]
    drawn = rows[(2021, False, True)]
    assert drawn["label"] != partial["shown"] and partial["period"] in drawn["label"] and partial["shown"] in drawn["label"]
    assert (drawn["start"], drawn["end"], drawn["middle"]) == pytest.approx((2021, 2021.5, 2021.25))
    full = figures[figures["year"] == 2017].iloc[0]
    assert rows[(2017, True, True)]["amount"] == pytest.approx(full["usd_mn"] / 1000) and rows[(2017, True, True)]["label"] == full["shown"]
    assert framed.subtitle == [series_subtitle(unit(True, "ru"), 2017, 2022, "ru")]
    assert framed.title != _series(kinds_dataset).title


def test_the_ranking_labels_marks_and_lightens_each_kind_of_bar(write_dataset):
    rows = [("RU-SMO", 2024, 12, "turnover", 0.4, "exact", "goods", "belta-1"), ("RU-MOW", 2024, 10, "turnover", 0.9, "exact", "goods", "old-1"),
            ("RU-TA", 2022, 12, "turnover", 0.2, "exact", "goods", "ria-1"), ("RU-BRY", 2024, 12, "turnover", 0.1, "approx", "goods", "old-1")]
    figures = load_dataset(*write_dataset(figures=csv_text(rows))).in_language("ru").figures
    table = map_figures(figures, 2024, tolerance=2)
    framed = ranking_chart(table, 2024, "turnover", lang="ru")
    drawn = {row["region_name"]: row for row in framed.spec()["datasets"]["figures"]}
    names = dict(zip(table["region"], table["region_name"]))
    markings = map_markings("ru")
    assert {region: drawn[names[region]]["marking"] for region in names} == {"RU-SMO": markings["full"], "RU-MOW": markings["bound"], "RU-TA": markings["earlier"], "RU-BRY": markings["full"]}
    assert {region: drawn[names[region]]["lighter"] for region in names} == {"RU-SMO": False, "RU-MOW": True, "RU-TA": False, "RU-BRY": True}  # a bound or an approximate figure
    assert drawn[names["RU-MOW"]]["label"] == f"не менее {format_usd_mn(900, 'ru')} ({table.set_index('region').at['RU-MOW', 'period']})"
    assert drawn[names["RU-TA"]]["label"].endswith("(2022)") and drawn[names["RU-SMO"]]["label"] == table.set_index("region").at["RU-SMO", "shown"]
    assert {region: drawn[names[region]]["amount"] for region in names} == pytest.approx({region: usd for region, usd in zip(table["region"], table["usd_mn"])})  # under $1bn: millions
    bars = framed.spec()["layer"][0]["encoding"]
    assert bars["color"]["scale"]["domain"] == [markings["full"], markings["bound"], markings["earlier"]] and len(set(bars["color"]["scale"]["range"])) == 3
    assert bars["y"]["sort"] == [names[region] for region in table["region"]]  # the table's order
    assert framed.spec()["height"] == max(120, BAR_HEIGHT * len(table))
    full_only = ranking_chart(table[table["basis"] == "full"], 2024, "turnover", lang="ru").spec()["layer"][0]["encoding"]["color"]
    assert full_only["scale"]["domain"] == [markings["full"]] and full_only["legend"] is None  # no legend for full years alone


def test_a_long_ranking_is_as_tall_as_its_bars(write_dataset):
    regions = ["RU-SMO", "RU-MOW", "RU-TA", "RU-BRY"]
    table = map_figures(load_dataset(*write_dataset(figures=csv_text([(r, 2024, 12, "turnover", 1.0 + i, "exact", "goods", "old-1") for i, r in enumerate(regions)]))).figures, 2024)
    assert ranking_chart(table, 2024, "turnover").spec()["height"] == 120  # four bars: the least height
    assert ranking_chart(table, 2024, "turnover", limit=2).footnote == [f"Top 2 of {len(regions)} regions with a figure."]


def test_the_compare_chart_names_each_line_at_its_last_year_and_spans_its_years(write_dataset):
    rows = [("RU-SMO", 2019, 12, "turnover", 0.5, "exact", "goods", "old-1"), ("RU-SMO", 2021, 12, "turnover", 0.6, "exact", "goods", "old-1"),
            ("RU-MOW", 2020, 12, "turnover", 0.8, "approx", "goods", "old-1"), ("RU-MOW", 2021, 6, "turnover", 0.9, "exact", "goods", "old-1")]
    figures = load_dataset(*write_dataset(figures=csv_text(rows))).figures
    framed = compare_chart(figures, "turnover", order=["RU-MOW", "RU-SMO"])
    spec = framed.spec()
    ends = {row["region_name"]: row["end_label"] for row in spec["datasets"]["figures"] if row.get("end_label")}
    assert ends == {"Smolensk Oblast": "Smolensk Oblast $600m", "Moscow": "Moscow about $800m"}  # the last full year; the partial one is not drawn
    assert framed.subtitle == ["US$ million · 2019–2021"]
    x = spec["layer"][0]["encoding"]["x"]
    assert x["axis"]["values"] == [2019, 2020, 2021]
    colour = spec["layer"][0]["encoding"]["color"]["scale"]
    assert colour["domain"] == ["Moscow", "Smolensk Oblast"] and len(set(colour["range"])) == 2
    amounts = {(row["region_name"], row["year"]): row["amount"] for row in spec["datasets"]["figures"]}
    assert amounts == pytest.approx({("Smolensk Oblast", 2019): 500, ("Smolensk Oblast", 2021): 600, ("Moscow", 2020): 800})
    runs = {(row["region_name"], row["year"]): row["run"] for row in spec["datasets"]["figures"]}
    assert runs[("Smolensk Oblast", 2019)] != runs[("Smolensk Oblast", 2021)]  # 2020 missing: the line breaks


def test_a_compare_chart_of_partial_years_only_draws_nothing_and_says_so(write_dataset):
    figures = load_dataset(*write_dataset(figures=csv_text([("RU-MOW", 2021, 6, "turnover", 0.9, "exact", "goods", "old-1")]))).figures
    framed = compare_chart(figures, "turnover")
    spec = framed.spec()
    assert spec["datasets"]["figures"] == [] and spec["layer"][0]["encoding"]["x"]["axis"]["values"] == []
    assert framed.subtitle == ["US$ million · no figures"] and framed.source == "Source: no figures"


def test_footer_rows_are_the_footnotes_then_the_source_each_wrapped_to_the_footers_width():
    footnote = ["A short note.", "A much longer footnote that goes on and on about what the chart leaves out and why it does so here."]
    source = "Sources: " + "; ".join(f"Publisher number {i} (2024-0{i}-01)" for i in range(1, 6)) + "."
    rows = footer_rows(footnote, source)
    assert rows[0] == "A short note." and len(rows) > 3
    assert " ".join(rows) == " ".join([*footnote, source])
    assert all(text_width(row, FOOTER_SIZE) <= FOOTER_WIDTH for row in rows)
    assert footer_rows([], "Source: BelTA (2024-11-18).") == ["Source: BelTA (2024-11-18)."]


def test_the_source_line_puts_an_undated_source_last_and_cites_each_once(write_dataset):
    sources = SOURCES + "anon,Some blog,Trade notes,,,ru,aggregator\n"
    rows = [("RU-SMO", 2023, 12, "turnover", 1.0, "exact", "goods", "anon"), ("RU-BRY", 2023, 12, "turnover", 1.0, "exact", "goods", "old-1"),
            ("RU-MOW", 2023, 12, "turnover", 1.0, "exact", "goods", "ria-1"), ("RU-TA", 2023, 12, "turnover", 1.0, "exact", "goods", "old-1")]
    figures = load_dataset(*write_dataset(figures=csv_text(rows), sources=sources)).figures
    assert source_line(figures) == "Sources: {} ({}); {} ({}); Some blog.".format(*PUBLISHED["ria-1"], *PUBLISHED["old-1"])
    columns = {name: list(figures[name]) for name in ("source_id", "source_publisher", "source_published", "converted")}
    assert source_line(columns) == source_line(figures)  # its columns by name say the same
    assert source_line(figures, limit=1) == "Sources: {} ({}); and 2 more (see the Sources page).".format(*PUBLISHED["ria-1"])
    russian = load_dataset(*write_dataset(figures=csv_text(rows), sources=sources)).in_language("ru").figures
    assert source_line(russian, lang="ru") != source_line(russian) and "Some blog" in source_line(russian, lang="ru")


def test_a_figure_of_one_sides_statistics_alone_is_drawn_as_its_kind_not_as_a_side(write_dataset):
    rows = "RU-SMO,2022,12,turnover,1.5,USD,bn,exact,goods,RU,interfax-1,\nRU-SMO,2023,12,turnover,1.6,USD,bn,approx,goods,BY,belta-1,\n"
    figures = load_dataset(*write_dataset(figures=HEADER + rows)).figures
    framed = series_chart(region_series(figures, "RU-SMO"), "Smolensk", "turnover", counterparts=both_sides(figures, "RU-SMO"))
    names = figure_kinds()
    assert {row["year"]: row["kind"] for row in framed.spec()["datasets"]["figures"]} == {2022: names[0], 2023: names[1]}  # only one side publishes each year


def test_a_compare_chart_in_billions_draws_billions_and_keeps_its_labels_height(write_dataset):
    rows = [("RU-SMO", 2022, 12, "turnover", 4.4, "exact", "goods", "old-1"), ("RU-SMO", 2023, 12, "turnover", 4.9, "exact", "goods", "old-1"),
            ("RU-MOW", 2023, 12, "turnover", 0.5, "exact", "goods", "old-1")]
    figures = load_dataset(*write_dataset(figures=csv_text(rows))).figures
    framed = compare_chart(figures, "turnover")
    amounts = {(row["region_name"], row["year"]): row["amount"] for row in framed.spec()["datasets"]["figures"]}
    assert amounts == pytest.approx({("Smolensk Oblast", 2022): 4.4, ("Smolensk Oblast", 2023): 4.9, ("Moscow", 2023): 0.5})
    assert framed.subtitle == ["US$ billion · 2022–2023"]
    assert framed.spec()["autosize"] == {"type": "fit-x", "contains": "padding"}  # end labels are placed for the plot's height


def test_the_russian_compare_chart_says_everything_in_russian(write_dataset):
    rows = [("RU-SMO", 2022, 12, "turnover", 4.4, "approx", "goods", "old-1"), ("RU-SMO", 2023, 12, "turnover", 4.9, "exact", "goods", "old-1")]
    figures = load_dataset(*write_dataset(figures=csv_text(rows))).in_language("ru").figures
    framed = compare_chart(figures, "turnover", lang="ru")
    empty = compare_chart(figures.iloc[0:0], "turnover", lang="ru")
    for text in [framed.title, *framed.subtitle, *framed.footnote, framed.source.replace(PUBLISHED["old-1"][0], ""), *empty.subtitle, empty.source]:
        assert not re.search("[A-Za-z]", text.replace("US$", "")), text


def test_the_page_ranks_the_twenty_largest_by_default(write_dataset):
    one = map_figures(load_dataset(*write_dataset(figures=csv_text([("RU-SMO", 2024, 12, "turnover", 1.0, "exact", "goods", "old-1")]))).figures, 2024)
    table = pd.concat([one.assign(region=f"R{i}", region_name=f"Region {i}", usd_mn=1000.0 - i) for i in range(25)], ignore_index=True)
    framed = ranking_chart(table, 2024, "turnover")
    assert [row["region_name"] for row in framed.spec()["datasets"]["figures"]] == [f"Region {i}" for i in range(20)]
    assert framed.footnote == ["Top 20 of 25 regions with a figure."]
    assert framed.spec()["height"] == 20 * BAR_HEIGHT


def _at_width(expression: str, width: float):
    """A Vega expression of the drawn plot's ``width`` evaluated there (the chart's own arithmetic: numbers, width, max, min)."""
    return eval(expression.replace("width", str(width)), {"max": max, "min": min})


def _x_upper(framed, width: float) -> float:
    """The ranking's value axis end at a drawn plot ``width``."""
    return _at_width(framed.spec()["layer"][0]["encoding"]["x"]["scale"]["domain"]["expr"], width)[1]


@pytest.mark.parametrize("width", [300, 760])
def test_the_ranking_keeps_its_bars_whole_and_its_longest_label_inside_the_frame(write_dataset, width):
    rows = [("RU-SMO", 2024, 12, "turnover", 4.0, "exact", "goods", "old-1"), ("RU-MOW", 2024, 10, "turnover", 9.0, "approx", "goods", "old-1")]
    table = map_figures(load_dataset(*write_dataset(figures=csv_text(rows))).figures, 2024)
    framed = ranking_chart(table, 2024, "turnover")
    drawn = framed.spec()["datasets"]["figures"]
    largest, upper = max(row["amount"] for row in drawn), _x_upper(framed, width)
    assert upper > largest  # every bar whole
    assert width * (1 - largest / upper) >= max(text_width(row["label"]) for row in drawn) or largest / upper <= 0.35 + 1e-9  # room for the label, bars still bars
    assert largest / upper >= 0.35 - 1e-9


def _label_size(framed, width: float) -> float:
    """The ranking's value-label font size at a drawn plot ``width``."""
    return _at_width(framed.spec()["layer"][1]["mark"]["fontSize"]["expr"], width)


@pytest.mark.parametrize("width", [216, 260, 300, 360, 760])
def test_every_ranking_label_ends_inside_the_frame_even_in_a_narrow_column(write_dataset, width):
    """A Russian lower bound's label ("более 9 млрд долл. (янв.–окт. 2023)") is longer than a third of a page column:
    it is drawn smaller, not cut at the frame."""
    rows = [("RU-MOW", 2023, 10, "turnover", 9.0, "at_least", "goods", "old-1"), ("RU-SMO", 2023, 12, "turnover", 4.4, "exact", "goods", "old-1"),
            ("RU-KDA", 2023, 4, "turnover", 0.2, "approx", "goods", "old-1")]
    table = map_figures(load_dataset(*write_dataset(figures=csv_text(rows))).figures, 2023)
    framed = ranking_chart(table, 2023, "turnover", lang="ru")
    drawn, upper, size = framed.spec()["datasets"]["figures"], _x_upper(framed, width), _label_size(framed, width)
    ends = [row["amount"] / upper * width + 4 + text_width(row["label"], 11) * size / 11 for row in drawn]
    longest = max(text_width(row["label"], 11) for row in drawn)
    if longest + 12 <= width * LABEL_SHARE:
        assert size == 11  # room enough: the usual size
    assert size >= 8 and (size == 8 or all(end <= width for end in ends)), (size, ends)  # down to 8 px, every label whole
    assert size == 11 or max(ends) >= width - 8 - 1.5  # no smaller than the tightest label needs (8 px kept free)


def test_a_ranking_of_figures_published_as_zero_draws_with_its_labels(write_dataset):
    table = map_figures(load_dataset(*write_dataset(figures=csv_text([("RU-SMO", 2024, 12, "turnover", 0.0, "exact", "goods", "old-1")]))).figures, 2024)
    framed = ranking_chart(table, 2024, "turnover")
    assert [row["amount"] for row in framed.spec()["datasets"]["figures"]] == [0.0] and _label_size(framed, 300) == 11


def test_a_ranking_without_figures_is_an_empty_chart_not_an_error(write_dataset):
    table = map_figures(load_dataset(*write_dataset(figures=csv_text([("RU-SMO", 2024, 12, "turnover", 4.0, "exact", "goods", "old-1")]))).figures, 2024)
    framed = ranking_chart(table.iloc[0:0], 2024, "turnover")
    assert framed.spec()["datasets"]["figures"] == [] and _x_upper(framed, 600) > 0


def test_the_russian_ranking_says_everything_in_russian(write_dataset):
    rows = [("RU-SMO", 2024, 12, "turnover", 4.0, "approx", "goods", "old-1"), ("RU-MOW", 2024, 10, "turnover", 9.0, "exact", "goods", "old-1")]
    table = map_figures(load_dataset(*write_dataset(figures=csv_text(rows))).in_language("ru").figures, 2024)
    framed = ranking_chart(table, 2024, "turnover", lang="ru")
    for text in [framed.title, *framed.subtitle, *framed.footnote, framed.source.replace(PUBLISHED["old-1"][0], "")]:
        assert not re.search("[A-Za-z]", text.replace("US$", "")), text


def test_the_source_line_names_four_sources_and_counts_the_rest(write_dataset):
    regions = ["RU-SMO", "RU-BRY", "RU-MOW", "RU-TA", "RU"]
    sources = ["belta-1", "ria-1", "interfax-1", "old-1", "cbr"]
    figures = load_dataset(*write_dataset(figures=csv_text([(r, 2023, 12, "turnover", 1.0, "exact", "goods", s) for r, s in zip(regions, sources)]))).figures
    line = source_line(figures)
    assert line.endswith("; and 1 more (see the Sources page).") and sum("{} ({})".format(*PUBLISHED[s]) in line for s in sources) == 4


def test_each_footer_row_is_as_full_as_the_footers_width_allows():
    text = "A much longer footnote that goes on and on about what the chart leaves out and why it does so here, twice over."
    rows = footer_rows([], text)
    assert len(rows) > 1
    for row, following in zip(rows, rows[1:]):
        assert text_width(f"{row} {following.split()[0]}", FOOTER_SIZE) > FOOTER_WIDTH  # the next word did not fit


def test_line_end_labels_sit_at_their_values_unless_too_close_then_just_far_enough_apart(write_dataset):
    """A line's end label is written at its last value; two ends closer than a line of text are pushed apart, by no
    more than needed, in the order of their values and inside the plot; a region's earlier years carry none."""
    from turnover.labels import ASCENT, CLEARANCE, DESCENT, FONT_SIZE, PLOT_HEIGHT

    rows = [("RU-SMO", 2022, 12, "turnover", 4.9, "exact", "goods", "old-1"), ("RU-SMO", 2023, 12, "turnover", 4.4, "exact", "goods", "old-1"),
            ("RU-BRY", 2023, 12, "turnover", 4.5, "exact", "goods", "old-1"), ("RU-MOW", 2023, 12, "turnover", 0.5, "exact", "goods", "old-1")]
    framed = compare_chart(load_dataset(*write_dataset(figures=csv_text(rows))).figures, "turnover")
    y_top = framed.values["y_top"]
    labelled = [row for row in framed.datasets["figures"] if row.get("end_label")]
    ends = {row["region_name"]: (row["year"], row["amount"], row["end_y"]) for row in labelled}
    assert len(labelled) == len(ends) and {name: year for name, (year, _, _) in ends.items()} == {"Smolensk Oblast": 2023, "Bryansk Oblast": 2023, "Moscow": 2023}
    _, amount, end_y = ends["Moscow"]
    assert end_y == pytest.approx(amount)  # alone at the bottom: at its value
    (_, smolensk, low), (_, bryansk, high) = ends["Smolensk Oblast"], ends["Bryansk Oblast"]
    step = (FONT_SIZE * (ASCENT + DESCENT) + CLEARANCE) / PLOT_HEIGHT * y_top  # a line of text, in the chart's units
    assert high - low == pytest.approx(step)  # pushed apart just enough
    assert low < smolensk < bryansk <= high and 0 < low and high < y_top  # around their values, in their order, inside
