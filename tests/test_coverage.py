"""Coverage page: what is known for each Russian region and year, its counts, links, download, and the page itself."""

import csv
import html
import io
import json
import re
from urllib.parse import parse_qs, urlsplit

import jsonschema
import pandas as pd
import pyarrow as pa
import pytest
from altair.vegalite.v6.schema.core import load_schema
from streamlit.testing.v1 import AppTest

from tests.conftest import FIGURES, HEADER, REGIONS
from tests.test_app import ENTRY, TIMEOUT, main_widgets
from tests.test_texts import _typed_sentences
from turnover.paths import REPO_ROOT
from turnover import coverage
from turnover.coverage_chart import coverage_chart
from turnover.dataset import load_dataset
from turnover.exporting import chart_svg
from turnover.formatting import format_usd_mn
from turnover.spreadsheet import neutralise, safe_csv
from turnover.texts import coverage as words

# Smolensk: 2022 about $4.9bn, 2023 $4.4bn, 2024 full year (RUB) and Jan–Sep; Bryansk 2023 about $0.9bn and
# Jan–Jun 2024 only; Moscow 2023 over $5bn; Tatarstan: only a rank for 2023; Tatarstan's exports 2024 exact.
MORE = """RU-BRY,2024,6,turnover,400,USD,mn,exact,goods,,belta-1,
RU-TA,2024,12,export,1.2,USD,bn,exact,goods,,ria-1,
RU-BRY,2023,12,turnover,50,USD,mn,exact,agri_food,,belta-1,
"""
RANKS = """region,year,months,flow,rank,top,out_of,group_share_pct,group_share_qualifier,source_id,note
RU-TA,2023,12,turnover,7,,85,,,ria-1,
RU-SMO,2023,12,turnover,2,,,,,ria-1,
RU-MOW,2022,12,turnover,,10,,,,belta-1,
"""
YEARS = [2022, 2023, 2024]


@pytest.fixture
def folders(write_dataset):
    data, geo = write_dataset(figures=FIGURES + MORE)
    (data / "ranks.csv").write_text(RANKS, encoding="utf-8")
    return data, geo


@pytest.fixture
def dataset(folders):
    return load_dataset(*folders)


def _grid(dataset, flow="turnover"):
    return coverage.grid(dataset.figures, dataset.ranks, dataset.registry, flow)


def _cell(cells, region, year):
    return cells.set_index(["region", "year"]).loc[(region, year)]


def test_each_cell_says_the_best_that_is_published_with_its_figure_period_and_source(dataset):
    cells = _grid(dataset)
    regions = {line.split(",")[0] for line in REGIONS.splitlines()[1:] if line.split(",")[4] not in ("country", "federal_district")}
    assert set(cells["region"]) == regions  # every federal subject, with a figure or not; never Russia or a district
    assert sorted(cells["year"].unique()) == YEARS
    expected = {
        ("RU-SMO", 2022): ("approx", "about $4.9bn", "2022", "BelTA, 2023-05-30"),
        ("RU-SMO", 2023): ("exact", "$4.4bn", "2023", "BelTA, 2024-11-18"),
        ("RU-SMO", 2024): ("exact", format_usd_mn(295_000 / 92.57), "2024", "Interfax, 2025-05-14"),  # the full year wins over Jan–Sep
        ("RU-BRY", 2023): ("approx", "about $900m", "2023", "BelTA, 2023-05-30"),  # the agri-food subset never counts
        ("RU-BRY", 2024): ("partial", "$400m", "Jan–Jun 2024", "BelTA, 2024-11-18"),
        ("RU-MOW", 2023): ("approx", "over $5bn", "2023", "BelTA, 2023-05-30"),
        ("RU-TA", 2023): ("rank", "", "", ""),
        ("RU-TA", 2024): ("none", "", "", ""),  # its only figure is of exports
    }
    for (region, year), (known, figure, period, source) in expected.items():
        cell = _cell(cells, region, year)
        assert (cell["known"], cell["figure"], cell["period"], cell["source"]) == (known, figure, period, source), (region, year)
        assert cell["known_text"] == words.known_labels()[known]
    assert _cell(cells, "RU-TA", 2023)["rank_text"] == "place 7 of 85 (2023)"
    assert _cell(cells, "RU-SMO", 2023)["rank_text"] == "place 2 (2023)"  # a rank beside a figure is kept for the tooltip
    assert _cell(cells, "RU-MOW", 2022)["known"] == "rank" and _cell(cells, "RU-MOW", 2022)["rank_text"] == "among the top 10 (2022)"


def test_the_flow_filter_applies(dataset):
    exports = _grid(dataset, "export")
    assert sorted(exports["year"].unique()) == [2024]
    assert dict(zip(exports["region"], exports["known"])) == {"RU-SMO": "none", "RU-BRY": "none", "RU-MOW": "none", "RU-TA": "exact"}
    assert _grid(dataset, "import").empty


def test_counts_per_year_and_per_district_add_up_the_cells(dataset):
    cells = _grid(dataset)
    by_year = coverage.counts(cells, "year")
    assert list(by_year.columns) == list(coverage.KINDS)
    assert by_year.loc[2023].to_dict() == {"exact": 1, "approx": 2, "partial": 0, "rank": 1, "none": 0}
    assert by_year.loc[2024].to_dict() == {"exact": 1, "approx": 0, "partial": 1, "rank": 0, "none": 2}
    by_district = coverage.counts(cells, "district")
    assert list(by_district.index) == ["Central Federal District", "FD-VOLGA"]  # the registry's order; a district it lacks last, by id
    assert by_district.loc["FD-VOLGA"].to_dict() == {"exact": 0, "approx": 0, "partial": 0, "rank": 1, "none": 2}
    assert by_district.to_numpy().sum() == by_year.to_numpy().sum() == len(cells)
    table = coverage.counts_table(cells, "year")
    assert list(table.columns) == ["Year", *words.known_labels().values()]


def test_rows_grouped_by_district_or_most_known_first(dataset):
    cells = _grid(dataset)

    def rows(order):
        placed = coverage.ordered(cells, order).drop_duplicates("region").sort_values("row")
        return list(placed["region"])

    assert rows("district") == ["RU-BRY", "RU-MOW", "RU-SMO", "RU-TA"]  # Central by name, then Volga
    assert rows("known") == ["RU-SMO", "RU-BRY", "RU-MOW", "RU-TA"]  # 3 full years; 1 and a partial; 1 and a rank; a rank


def test_each_cell_links_to_its_profile_for_that_year_when_the_profile_can_show_it(dataset):
    cells = coverage.ordered(_grid(dataset), "known")
    chart = coverage_chart(cells, "turnover", 7, 3, ({"RU-SMO", "RU-BRY"}, {2023, 2024}), "known", "http://dash.example/coverage")
    for spec in (chart.spec(), chart.export_spec()):
        jsonschema.Draft7Validator(load_schema()).validate(spec)
    links = [html.unescape(link) for link in re.findall(r'xlink:href="([^"]+)"', chart_svg(chart))]  # the exported SVG keeps them
    expected = {(region, year) for region in ("RU-SMO", "RU-BRY") for year in (2023, 2024)}  # not Moscow, Tatarstan, nor 2022
    assert {(parse_qs(urlsplit(link).query)["region"][0], int(parse_qs(urlsplit(link).query)["year"][0])) for link in links} == expected
    assert "http://dash.example/region?region=RU-SMO&flow=turnover&year=2023" in links
    assert chart.title == words.chart_title("turnover")
    assert chart.subtitle == ["Region × year, best published · 2022–2024"]  # one short line: the years the grid spans
    footer = chart.spec()["title"]["text"]
    assert " ".join(footer).endswith(words.source_line(7, 3)) and " ".join(footer).startswith(" ".join(chart.footnote)) and chart.footnote
    assert "Nothing published" in chart.spec()["encoding"]["color"]["scale"]["domain"]  # grey is named in the legend


def test_the_chart_sends_regions_and_known_cells_never_the_figures(dataset):
    many = pd.concat([dataset.figures] * 10_000, ignore_index=True)  # 110,000 figures, as many duplicates as you like
    cells = _grid(dataset)
    grown = coverage.grid(many, dataset.ranks, dataset.registry, "turnover")
    pd.testing.assert_frame_equal(grown, cells)
    spec = coverage_chart(coverage.ordered(grown, "district"), "turnover", len(many), 3, (set(), set())).spec()
    assert len(spec["datasets"]["figures"]) == cells["region"].nunique()
    assert len(spec["datasets"]["known"]) == (cells["known"] != "none").sum()
    assert len(json.dumps(spec)) < 20_000


def test_the_download_has_a_row_per_cell_headers_from_texts_and_no_formula(dataset):
    cells = _grid(dataset)
    table = pd.read_csv(io.BytesIO(coverage.download(cells)), keep_default_na=False)
    headers = words.tooltip_titles()
    assert list(table.columns) == list(headers.values())
    assert len(table) == len(cells)
    smolensk = table[(table[headers["region"]] == "RU-SMO") & (table[headers["year"]] == 2023)].iloc[0]
    assert (smolensk[headers["figure"]], smolensk[headers["known_text"]]) == ("$4.4bn", words.known_labels()["exact"])


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+1+cmd", "-2+3", "@SUM(A1)", "\tx"])
def test_a_cell_a_spreadsheet_would_evaluate_is_neutralised(text):
    assert neutralise(text) == "'" + text
    rows = list(csv.reader(io.StringIO(safe_csv(pd.DataFrame({text: [text, "Smolensk"], "n": [5, -2]})).decode())))
    assert rows == [["'" + text, "n"], ["'" + text, "5"], ["Smolensk", "-2"]]  # header and text cells; numbers stay numbers
    assert neutralise("Smolensk") == "Smolensk" and neutralise(-2) == -2  # numbers and plain text unchanged


def test_a_region_name_starting_a_formula_is_neutralised_in_the_download(write_dataset):
    data, geo = write_dataset(regions=REGIONS.replace("Bryansk Oblast,", "=cmd|' /C calc'!A0,", 1))
    dataset = load_dataset(data, geo)
    text = coverage.download(coverage.grid(dataset.figures, dataset.ranks, dataset.registry, "turnover")).decode()
    assert "'=cmd" in text and "\n=cmd" not in text and ",=cmd" not in text


def test_source_line_counts_agree_with_their_nouns():
    assert words.source_line(1, 1) == "Sources: data/figures.csv (1 published figure) and data/ranks.csv (1 rank statement)."
    assert words.source_line(12, 0) == "Sources: data/figures.csv (12 published figures) and data/ranks.csv (0 rank statements)."


# The page (AppTest) on the data above.


@pytest.fixture
def page(folders, monkeypatch):
    data, geo = folders
    monkeypatch.setenv("TURNOVER_DATA_DIR", str(data))
    monkeypatch.setenv("TURNOVER_GEO_DIR", str(geo))

    def open_page(**params):
        app = AppTest.from_file(ENTRY, default_timeout=TIMEOUT)
        for key, value in params.items():
            app.query_params[key] = value
        app.run()
        app.switch_page("views/coverage.py").run()
        assert not app.exception, [e.message for e in app.exception]
        return app

    return open_page


def _chart(app) -> tuple[dict, dict[str, pd.DataFrame]]:
    """The page's one chart: its spec, and its named datasets (Streamlit sends them apart, as Arrow)."""
    charts = [node for node in _walk(app.main) if node.type == "vega_lite_chart"]
    assert len(charts) == 1
    proto = charts[0].proto
    return json.loads(proto.spec), {d.name: pa.ipc.open_stream(d.data.data).read_pandas() for d in proto.datasets}


def _walk(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from _walk(child)


def test_the_page_draws_the_grid_its_counts_and_a_download(page):
    app = page(region="RU-SMO", year="2023")
    assert app.title[0].value == words.page_title()
    markdown = " ".join(m.value for m in app.markdown).replace("\\", "")
    assert words.chart_title("turnover") in markdown
    _, datasets = _chart(app)
    assert set(datasets["figures"]["region"]) == {"RU-SMO", "RU-BRY", "RU-MOW", "RU-TA"}
    by_year = app.dataframe[0].value.set_index("Year")
    assert by_year.loc[2024, words.known_labels()["partial"]] == 1
    assert app.dataframe[1].value.iloc[0, 0] == "Central Federal District"
    assert [b.label for b in app.get("download_button")] == [*_chart_downloads(), words.download_label()]


def _chart_downloads():
    from turnover.texts import pages

    return list(pages.download_labels().values())


def test_the_order_control_and_the_flow_filter_change_the_grid(page):
    app = page(flow="export")
    assert list(_chart(app)[1]["known"]["key"]) == ["RU-TA|2024"]
    app.segmented_control(key="coverage_order").set_value("known").run()
    captions = " ".join(c.value for c in app.caption).replace("\\", "")
    assert words.order_caption("known") in captions
    spec, datasets = _chart(app)
    assert datasets["figures"].sort_values("row")["region"].iloc[0] == "RU-TA"  # the only region with an export figure comes first
    assert "facet" not in spec


def test_briefing_view_shows_no_widget_on_the_coverage_page(page):
    app = page(briefing="1")
    assert main_widgets(app) == [("button", "Leave briefing view")]
    assert "facet" in _chart(app)[0]  # grouped by federal district


@pytest.mark.parametrize("script", ["views/coverage.py", "app/coverage.py"])
def test_the_page_script_and_its_glue_type_no_sentence(script):
    assert list(_typed_sentences(REPO_ROOT / script)) == []
