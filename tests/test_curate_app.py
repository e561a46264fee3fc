"""The /curate page through AppTest, on a temporary copy of data/: paste, review, fix, save, see it elsewhere."""

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from turnover.dataset import load_dataset
from turnover.paths import REPO_ROOT

TIMEOUT = 90
ENTRY = str(REPO_ROOT / "dashboard.py")
PAGE = "views/curate.py"
ARTICLE = (
    "Trade between Belarus and Tambov Oblast amounted to $310.5 million last year, the governor said. "
    "Exports from Belarus made up about $200 million. The <b>sides</b> agreed to [meet](http://evil.example) again. "
    "The new plant will cost $15 million."
)


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", folder)
    monkeypatch.setenv("TURNOVER_DATA_DIR", str(folder))
    monkeypatch.setenv("TURNOVER_GEO_DIR", str(REPO_ROOT / "geo"))
    monkeypatch.setenv("TURNOVER_CURATION", "1")
    return folder


def open_curate() -> AppTest:
    app = AppTest.from_file(ENTRY, default_timeout=TIMEOUT)
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def fill(app: AppTest, text: str = ARTICLE, publisher: str = "Test Agency") -> AppTest:
    import datetime as dt

    app.text_area(key="curate_text").input(text)
    app.date_input(key="curate_published").set_value(dt.date(2025, 2, 14))
    app.text_input(key="curate_publisher").input(publisher)
    app.text_input(key="curate_title").input("Belarus–Tambov Oblast trade: 2024")
    app.text_input(key="curate_url").input("https://example.org/tambov")
    app.button(key="curate_extract").click().run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def test_page_is_off_without_curation_mode(data, monkeypatch):
    monkeypatch.setenv("TURNOVER_CURATION", "0")
    app = AppTest.from_file(ENTRY, default_timeout=TIMEOUT)
    app.run()
    with pytest.raises(Exception):
        app.switch_page(PAGE).run()  # not registered: no such page


def _next_line(path: Path) -> int:
    """The line number a row appended to ``path`` gets (the file ends with a newline)."""
    return path.read_bytes().count(b"\n") + 1


def test_paste_review_save_and_the_region_page_shows_it(data):
    figure_line, source_line = _next_line(data / "figures.csv"), _next_line(data / "sources.csv")
    app = fill(open_curate())
    table = app.data_editor[0].value
    assert list(table["region"]) == ["RU-TAM", "RU-TAM"]  # the plant's cost is not trade
    assert list(table["value"]) == ["310.5", "200"]
    assert list(table["flow"]) == ["turnover", "export"]
    assert list(table["year"]) == [2024, 2024]
    assert list(table["save"]) == [True, True]
    assert any("Source id: test-agency-20250214 (new" in c.value.replace("\\", "") for c in app.caption)

    # the reviewer corrects the export figure and leaves the turnover figure unticked
    editor_key = app.data_editor[0].key
    app.session_state[editor_key] = {"edited_rows": {0: {"save": False}, 1: {"value": "201.5", "qualifier": "exact"}}, "added_rows": [], "deleted_rows": []}
    app.run()
    app.button(key="curate_save").click().run()
    assert not app.exception, [e.message for e in app.exception]
    assert [s.value for s in app.success] == ["Saved 1 figure(s). They are on the other pages now."]
    written = app.code[0].value
    assert f"sources.csv:{source_line}: test-agency-20250214,Test Agency,Belarus–Tambov Oblast trade: 2024,https://example.org/tambov,2025-02-14,en" in written
    assert f"figures.csv:{figure_line}: RU-TAM,2024,12,export,201.5,USD,mn,exact,goods,,test-agency-20250214,year inferred from 'last year' in article of 2025-02-14" in written

    figures = load_dataset(data, REPO_ROOT / "geo").figures
    saved = figures[figures["source_id"] == "test-agency-20250214"]
    assert list(zip(saved["region"], saved["flow"], saved["value"])) == [("RU-TAM", "export", 201.5)]

    # the row shows its status and is no longer ticked
    table = app.data_editor[0].value
    assert list(table["status"]) == ["", f"saved: line {figure_line}"] and not table["save"].any()

    # without a restart the region page lists the new figure and its source
    app.switch_page("views/region.py").run()
    app.sidebar.selectbox[0].set_value("RU-TAM").run()
    app.sidebar.radio[0].set_value("export").run()
    assert not app.exception, [e.message for e in app.exception]
    provenance = app.dataframe[-1].value
    assert "Test Agency" in " ".join(provenance.astype(str).to_numpy().ravel())


def test_errors_from_add_are_shown_and_nothing_is_written(data):
    before = (data / "figures.csv").read_bytes()
    app = fill(open_curate())
    editor_key = app.data_editor[0].key
    app.session_state[editor_key] = {"edited_rows": {0: {"value": "3,1"}, 1: {"region": "Atlantis"}}, "added_rows": [], "deleted_rows": []}
    app.run()
    app.button(key="curate_save").click().run()
    assert not app.exception
    assert app.error and "2 problem(s)" in app.error[0].value
    problems = app.code[0].value
    assert "row 1: " in problems and "figures.csv: value: value is not a number" in problems
    assert "row 2: " in problems and "region: unknown region 'Atlantis'" in problems
    assert (data / "figures.csv").read_bytes() == before
    assert (data / "sources.csv").read_bytes() == (REPO_ROOT / "data" / "sources.csv").read_bytes()


def test_a_figure_typed_by_hand_is_saved_and_a_second_save_is_a_duplicate(data):
    figure_line = _next_line(data / "figures.csv")
    app = fill(open_curate(), text="Nothing to see here.")
    assert app.data_editor[0].value.empty
    editor_key = app.data_editor[0].key
    row = {"save": True, "region": "Gebiet Tambow", "year": 2023, "months": 12, "flow": "turnover", "value": "280", "currency": "USD",
           "scale": "mn", "qualifier": "approx", "coverage": "goods", "stats": ""}
    app.session_state[editor_key] = {"edited_rows": {}, "added_rows": [row], "deleted_rows": []}
    app.run()
    app.button(key="curate_save").click().run()
    assert [s.value for s in app.success] == ["Saved 1 figure(s). They are on the other pages now."]
    assert "RU-TAM,2023,12,turnover,280,USD,mn,approx,goods,,test-agency-20250214," in app.code[0].value

    editor_key = app.data_editor[0].key  # the same row again: refused as already recorded
    app.session_state[editor_key] = {"edited_rows": {0: {"save": True}}, "added_rows": [], "deleted_rows": []}
    app.run()
    app.button(key="curate_save").click().run()
    assert f"already recorded at line {figure_line}" in app.code[0].value


def test_article_text_is_never_rendered_as_markdown_or_html(data):
    article = "Trade between Belarus and Tambov Oblast amounted to $310.5 million last year, **the governor** <script>alert(1)</script> [said](http://evil.example)."
    app = fill(open_curate(), text=article, publisher="<i>Agency</i> *bold*")
    (sentence,) = app.data_editor[0].value["sentence"]
    assert sentence == article  # kept verbatim in a table cell
    rendered = [m.value for m in app.markdown] + [c.value for c in app.caption] + [e.value for e in app.error] + [i.value for i in app.info]
    for text in rendered:
        assert "<script>" not in text and "**the governor**" not in text and "](http" not in text
        assert "<i>" not in text and "*bold*" not in text  # the publisher, in the source id caption, is escaped
