"""Values written on the charts: the right points carry labels, and in the exported SVG no text touches
another text, a point or a line, and none leaves its frame."""

import itertools

import numpy as np
import pandas as pd
import pytest
import shapely

from tests.svg_geometry import drawing
from turnover.aggregate import region_series
from turnover.charts import compare_chart, series_chart
from turnover.compare import compare_figures
from turnover.dataset import load_dataset
from turnover.exporting import chart_svg
from turnover.formatting import format_usd_mn
from turnover import labels
from turnover.labels import end_label_offsets, labelled_years, nice_top, text_width, wrap_to_width

POINT_HALF = 5.0  # a point marker of size 90 is about 9.5 px across


@pytest.fixture(scope="module")
def shipped():
    return load_dataset()


def _series(rows: list[tuple[int, int, float]], region: str = "RU-TST") -> pd.DataFrame:
    """A region's figures as series_chart takes them, from (year, months, US$ million)."""
    periods = {12: "{}", 9: "Jan–Sep {}", 6: "Jan–Jun {}", 3: "Jan–Mar {}", 11: "Jan–Nov {}"}
    return pd.DataFrame(
        {
            "region": region,
            "region_name": "Test Oblast",
            "year": [r[0] for r in rows],
            "months": [r[1] for r in rows],
            "usd_mn": [r[2] for r in rows],
            "period": [periods[r[1]].format(r[0]) for r in rows],
            "shown": [format_usd_mn(r[2]) for r in rows],
            "full_year": [r[1] == 12 for r in rows],
            "approximate": False,
            "conversion": "",
            "converted": False,
            "coverage": "goods",
            "stats": "",
            "source_id": "s1",
            "source_publisher": "BelTA",
            "source_published": "2024-11-18",
        }
    )


def _assert_clean(svg: str) -> list:
    """No two texts intersect, every text is inside the image, data labels inside the plot and clear of points and lines."""
    drawn = drawing(svg)
    for a, b in itertools.combinations(drawn.texts, 2):
        overlap = min(a.box[2], b.box[2]) - max(a.box[0], b.box[0]) > 0 and min(a.box[3], b.box[3]) - max(a.box[1], b.box[1]) > 0
        assert not overlap, f"{a.text!r} {a.box} overlaps {b.text!r} {b.box}"
    for text in drawn.texts:
        left, top, right, bottom = text.box
        assert left >= 0 and top >= 0 and right <= drawn.width and bottom <= drawn.height, f"{text.text!r} {text.box} leaves the image"
    labels = [t for t in drawn.texts if t.role == "role-mark"]
    plot = drawn.plots[0]
    marks = [shapely.box(x - POINT_HALF, y - POINT_HALF, x + POINT_HALF, y + POINT_HALF) for x, y in drawn.points]
    marks += [shapely.LineString(line).buffer(1.0) for line in drawn.lines if len(line) > 1]
    for label in labels:
        left, top, right, bottom = label.box
        assert plot[0] <= left and plot[1] <= top and right <= plot[2] and bottom <= plot[3], f"{label.text!r} {label.box} leaves the plot {plot}"
        box = shapely.box(*label.box)
        assert not any(box.intersects(mark) for mark in marks), f"{label.text!r} {label.box} touches a point or a line"
    return labels


def test_smolensk_series_writes_its_values_clear_of_everything(shipped):
    series = region_series(shipped.figures, "RU-SMO")
    labels = _assert_clean(chart_svg(series_chart(series, "Smolensk Oblast", "turnover", selected_year=2023)))
    written = {label.text for label in labels}
    full = series[series["full_year"]]
    assert len(full) <= 8  # few years: every full year carries its value
    assert set(full["shown"]) <= written
    assert "$4.4bn" in written
    partial = series[~series["full_year"]]
    assert {f"{p}: {s}" for p, s in zip(partial["period"], partial["shown"])} <= written
    assert "Jan–Sep 2024: $3.1bn" in written


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("selected", [2023, 2024])
def test_every_full_year_of_a_few_is_written_at_every_width_in_either_language(shipped, lang, selected):
    """With few full years each carries its value in every set of placements (a phone's to a wide screen's): the
    Russian "более 3,4 млрд долл." of Smolensk's last full year found no place beside the selected year's label."""
    from turnover.charts import LABEL_TIERS

    data = shipped.in_language(lang)
    series = region_series(data.figures, "RU-SMO")
    rows = series_chart(series, "x", "turnover", selected_year=selected, lang=lang).datasets["figures"]
    full = [row for row in rows if row["full_year"]]
    assert len({row["year"] for row in full}) <= labels.FEW_YEARS
    for tier in range(len(LABEL_TIERS)):
        suffix = "" if tier == len(LABEL_TIERS) - 1 else str(tier)
        assert [row["label"] for row in full if row.get(f"align{suffix}") is None] == [], LABEL_TIERS[tier]


def test_dense_years_label_first_last_peak_and_selected():
    rows = [(year, 12, 1000 + 15 * (year % 3) + (400 if year == 2011 else 0)) for year in range(1996, 2026)]
    series = _series(rows)
    labels = _assert_clean(chart_svg(series_chart(series, "Test Oblast", "turnover", selected_year=2005)))
    written = [label.text for label in labels]
    shown = dict(zip(series["year"], series["shown"]))
    for year in (1996, 2025, 2011, 2005):  # first, last, peak, selected
        assert shown[year] in written
    assert len(written) < len(rows)  # not every one of 30 years


def test_partial_year_at_the_end_stays_inside_the_chart():
    series = _series([(year, 12, 4400 + 7 * (year % 4)) for year in range(2014, 2025)] + [(2025, 11, 4405)])
    labels = _assert_clean(chart_svg(series_chart(series, "Test Oblast", "turnover")))
    assert "Jan–Nov 2025: $4.41bn" in {label.text for label in labels}  # centred over its point it would cross the right edge


def test_values_close_together_and_several_partial_years():
    rows = [(2019, 12, 3000), (2020, 12, 3010), (2020, 6, 1500), (2021, 12, 3005), (2021, 9, 2990), (2021, 3, 2995), (2022, 12, 3002), (2022, 11, 2998)]
    labels = _assert_clean(chart_svg(series_chart(_series(rows), "Test Oblast", "turnover", selected_year=2021)))
    written = {label.text for label in labels}
    assert "Jan–Nov 2022: $3bn" in written  # the latest partial year first
    assert "$3.01bn" in written  # 2020, the peak


def test_labelled_years_all_when_few_else_the_key_ones():
    assert sorted(labelled_years([2019, 2020, 2021], [1.0, 3.0, 2.0], None)) == [2019, 2020, 2021]
    many = (list(range(2000, 2012)), [1.0] * 5 + [9.0] + [2.0] * 6)
    assert labelled_years(*many, 2003) == [2003, 2011, 2005, 2000]  # selected, last, peak, first
    assert labelled_years(*many, 1990) == [2011, 2005, 2000]  # a year without a figure is skipped


def test_nice_top_leaves_room_above_the_peak():
    for largest in (4.9, 57.6, 0.97, 3100.0):
        top = nice_top(largest)
        assert largest * 1.12 <= top <= largest * 2.5


def test_end_labels_spread_apart_and_stay_inside():
    ends = [100.0, 101.0, 102.0, 318.0]
    spread = end_label_offsets(ends, height=320, size=11)
    ordered = sorted(spread)
    assert all(b - a >= 11 for a, b in zip(ordered, ordered[1:]))
    assert 0 <= min(spread) and max(spread) <= 320
    assert sorted(range(4), key=lambda i: spread[i]) == [0, 1, 2, 3]  # the order of the lines is kept


def test_compare_chart_names_each_line_at_its_end(shipped):
    regions = ["RU-SMO", "RU-BRY", "RU-MOW"]
    figures = compare_figures(shipped.figures, regions, "turnover")
    labels = _assert_clean(chart_svg(compare_chart(figures, "turnover")))
    full = figures[figures["full_year"]].sort_values("year")
    for region, rows in full.groupby("region"):
        last = rows.iloc[-1]
        assert f"{last['region_name']} {last['shown']}" in {label.text for label in labels}


def _svg_at(framed, width: int) -> str:
    """The exported SVG of a chart drawn ``width`` px wide, as a page column of that width draws it (the export is 760)."""
    import json

    import vl_convert as vlc

    from turnover.exporting import EXPORT_WIDTH, export_spec

    chart_svg(framed)  # registers the bundled fonts
    return vlc.vegalite_to_svg(json.loads(json.dumps(export_spec(framed)).replace(f'"width": {EXPORT_WIDTH}', f'"width": {width}')))


@pytest.mark.parametrize("width", [310, 360, 430, 580, 700, 1000])
def test_series_labels_stay_clear_on_a_phone_and_a_narrow_column(shipped, width):
    """The page draws the chart as wide as its column: the labels are placed for the width drawn, not the export's."""
    series = region_series(shipped.figures, "RU-SMO")
    labels = _assert_clean(_svg_at(series_chart(series, "Smolensk Oblast", "turnover", selected_year=2023), width))
    partial = series[~series["full_year"]].sort_values(["year", "months"]).iloc[-1]
    assert f"{partial['period']}: {partial['shown']}" in {label.text for label in labels}  # the latest partial year is always written


@pytest.mark.parametrize("width", [300, 430])
def test_compare_end_labels_stay_inside_a_narrow_chart(shipped, width):
    regions = ["RU-SMO", "RU-BRY", "RU-MOW"]
    figures = compare_figures(shipped.figures, regions, "turnover")
    labels = _assert_clean(_svg_at(compare_chart(figures, "turnover"), width))
    full = figures[figures["full_year"]].sort_values("year")
    assert {f"{rows.iloc[-1]['region_name']} {rows.iloc[-1]['shown']}" for _, rows in full.groupby("region")} <= {label.text for label in labels}


@pytest.mark.parametrize(("width", "lang"), [(360, "en"), (360, "ru"), (760, "ru")])
def test_ranking_labels_stay_inside_the_frame_however_long(shipped, width, lang):
    """A bar's label (Russian runs a third longer: "более 6 млрд долл. (янв.–окт. 2024)") is written in full, inside the plot."""
    from turnover.aggregate import map_figures
    from turnover.charts import ranking_chart

    data = shipped.in_language(lang)
    table = map_figures(data.figures, 2024, "turnover", True, 0)
    drawn = drawing(_svg_at(ranking_chart(table, 2024, "turnover", lang=lang), width))
    labels = [text for text in drawn.texts if text.role == "role-mark"]
    assert len(labels) == min(len(table), 20)
    plot = drawn.plots[0]  # the page draws the chart as wide as its column and cuts what sticks out of the plot
    for label in labels:
        assert label.box[2] <= plot[2], f"{label.text!r} {label.box} leaves the plot {plot}"


def test_a_label_is_kept_clear_of_markers_and_lines_as_shapely_draws_them():
    """Boxes all around a polyline, a short span and a lone point, at and near the edge of their drawn width: the scene
    says a box touches exactly when it shares a point with a marker's square or a line's buffer as shapely draws them."""
    from turnover.labels import MARKER, STROKE, Scene

    points = [(40.0, 150.0), (95.5, 62.25), (151.0, 118.0), (300.0, 40.0)]
    lines = [points[:3], [(180.0, 90.0), (260.0, 90.0)], [points[3]]]
    scene = Scene([], points, lines, 400)
    drawn = shapely.union_all([shapely.box(x - MARKER, y - MARKER, x + MARKER, y + MARKER) for x, y in points] + [shapely.LineString(line).buffer(STROKE) if len(line) > 1 else shapely.Point(line[0]).buffer(STROKE) for line in lines])
    boxes = [(x, y, x + width, y + 9.0) for x in [20 + 2.37 * i for i in range(120)] for y in [30 + 1.93 * j for j in range(70)] for width in (4.0, 31.0)]
    touching = [scene.touches(box) for box in boxes]
    assert touching == [drawn.intersects(shapely.box(*box)) for box in boxes]
    assert 0 < sum(touching) < len(boxes)
    assert scene.touching(np.array(boxes)).tolist() == touching  # all at once, as a crowded chart asks


@pytest.mark.parametrize("text", [
    "Sources: BelTA (2024-11-18); Interfax-Russia (2025-05-14); Belteleradiocompany (news.by) (2025-10-20); and 3 more (see the Sources page)",
    "Все регионы с данными: 20. Светлые столбцы: приблизительные или граничные значения.",
])
def test_a_footer_row_never_runs_wider_than_its_width_in_either_script(text):
    rows = wrap_to_width(text, 320, 10)
    assert " ".join(rows) == " ".join(text.split())  # every word, in order
    assert all(text_width(row, 10) <= 320 for row in rows)
    assert all(text_width(f"{row} {following.split()[0]}", 10) > 320 for row, following in zip(rows, rows[1:]))  # each row as full as it can be


def test_a_series_tries_its_most_important_labels_only(monkeypatch):
    """A synthetic region of thousands of figures would try every one; the order of importance decides who is tried."""
    data = load_dataset()
    monkeypatch.setattr(labels, "MOST_LABELS", 1)
    rows = series_chart(region_series(data.figures, "RU-SMO"), "Smolensk Oblast", "turnover", selected_year=2023).datasets["figures"]
    labelled = [row for row in rows if row.get("align") is not None]
    newest_partial = max((row["year"], row["end"]) for row in rows if not row["full_year"])
    assert [(row["year"], row["end"]) for row in labelled] == [newest_partial]  # the newest partial year comes first


def test_a_crowded_series_gets_the_labels_it_would_get_one_try_at_a_time(monkeypatch):
    """Hundreds of figures (a synthetic region's partial years) are placed with all tries tested at once: the same
    labels, at the same places, as testing each try in turn."""
    rows = [(year, months, float((year * 7 + months * 13) % 50 + 1) * months) for year in range(1980, 2025) for months in (3, 6, 9, 11, 12)]
    series = _series(rows)
    assert len(series) > labels.CROWDED

    def drawn() -> list[dict]:
        return series_chart(series, "Test Oblast", "turnover", selected_year=2020).datasets["figures"]

    at_once = drawn()
    monkeypatch.setattr(labels, "CROWDED", len(series))
    one_at_a_time = drawn()
    assert at_once == one_at_a_time
    assert sum(row.get("align") is not None for row in at_once) >= 5


def test_every_footer_of_the_shipped_data_wraps_as_measuring_each_row_would():
    """Rows are measured as sums of word widths: the same rows as measuring every trial row in the font, for every
    source line and footnote of the shipped data in both languages."""
    from turnover.charts import FOOTER_SIZE, FOOTER_WIDTH, source_line

    def measured_rows(text: str) -> list[str]:
        rows: list[str] = []
        for word in text.split():
            if rows and labels._font(FOOTER_SIZE).getlength(f"{rows[-1]} {word}") <= FOOTER_WIDTH:
                rows[-1] = f"{rows[-1]} {word}"
            else:
                rows.append(word)
        return rows

    data = load_dataset()
    texts = {source_line(data.for_region(region), lang=lang) for region in data.regions for lang in ("en", "ru")}
    texts |= {source_line(data.for_year(year), lang=lang) for year in data.years for lang in ("en", "ru")}
    assert len(texts) > 100
    wrapped = {text: wrap_to_width(text, FOOTER_WIDTH, FOOTER_SIZE) for text in texts}
    assert {text: measured_rows(text) for text in texts} == wrapped
    assert any(len(rows) > 1 for rows in wrapped.values())  # long enough to wrap


def test_a_key_label_with_no_place_moves_the_one_label_in_its_way(monkeypatch):
    """A point near the right edge can only be labelled to its left, where its neighbour's label sits: the neighbour's
    label moves to its next free place and both are written, clear of each other."""
    from turnover.labels import Candidate, Scene, _kept_clear, place_labels

    near, edge = Candidate("near", 150.0, 50.0, "Tatarstan"), Candidate("edge", 186.0, 50.0, "over $3.4bn")
    scene = Scene([near, edge], [(near.x, near.y), (edge.x, edge.y)], [], 200.0)
    monkeypatch.setattr(labels, "KEY_LABELS", 0)
    assert set(place_labels([scene], 80.0)) == {"near"}  # without the move the edge's label is left out
    monkeypatch.setattr(labels, "KEY_LABELS", 2)
    placed = place_labels([scene], 80.0)
    assert list(placed) == ["near", "edge"]
    boxes = [_kept_clear(c.x, c.y, placed[c.key].dx, placed[c.key].dy, placed[c.key].align, text_width(c.text)) for c in (near, edge)]
    assert boxes[0][2] < boxes[1][0] or boxes[1][2] < boxes[0][0] or boxes[0][3] < boxes[1][1] or boxes[1][3] < boxes[0][1]
    assert all(0 < box[0] and box[2] < 200 and 0 < box[1] and box[3] < 80 for box in boxes)
