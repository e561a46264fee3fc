"""The /curate page through AppTest, on a temporary copy of data/: paste, review, fix, save, see it elsewhere; figures
and published rank statements."""

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from turnover.dataset import load_dataset
from turnover.paths import REPO_ROOT
from turnover.texts import curation as words

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
    # AppTest has no browser page, so no Host, Origin or write token: these tests are about curating, and
    # stand in for a session of the dashboard's own page (tests/test_security_*.py test the refusal itself)
    monkeypatch.setattr("app.curation.session_write_refusal", lambda: None)
    return folder


def line_of(path: Path, row: str) -> int:
    """The 1-based line of ``row`` in ``path`` (computed from the file written, never a count of the shipped data)."""
    return path.read_text(encoding="utf-8").splitlines().index(row) + 1


def open_curate(lang: str = "en") -> AppTest:
    app = AppTest.from_file(ENTRY, default_timeout=TIMEOUT)
    app.query_params["lang"] = lang
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def fill(app: AppTest, text: str = ARTICLE, publisher: str = "Test Agency", published: dt.date = dt.date(2025, 2, 14)) -> AppTest:
    app.text_area(key="curate_text").input(text)
    app.date_input(key="curate_published").set_value(published)
    app.text_input(key="curate_publisher").input(publisher)
    app.text_input(key="curate_title").input("Tambov and Belarus trade")
    app.selectbox(key="curate_kind").set_value("news_agency")
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


def test_paste_review_save_and_the_region_page_shows_it(data):
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
    assert [s.value for s in app.success] == ["Saved 1 figure. It is on the other pages now."]
    written = app.code[0].value
    source_row = "test-agency-20250214,Test Agency,Tambov and Belarus trade,https://example.org/tambov,2025-02-14,en,news_agency"
    figure_row = "RU-TAM,2024,12,export,201.5,USD,mn,exact,goods,,test-agency-20250214,year inferred from 'last year' in article of 2025-02-14"
    figure_line = line_of(data / "figures.csv", figure_row)
    assert f"sources.csv:{line_of(data / 'sources.csv', source_row)}: {source_row}" in written
    assert f"figures.csv:{figure_line}: {figure_row}" in written

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
    assert app.error and "2 problems: those rows were not saved" in app.error[0].value
    problems = app.code[0].value
    assert "row 1: " in problems and "figures.csv: value: value is not a number" in problems
    assert "row 2: " in problems and "region: unknown region 'Atlantis'" in problems
    assert (data / "figures.csv").read_bytes() == before
    assert (data / "sources.csv").read_bytes() == (REPO_ROOT / "data" / "sources.csv").read_bytes()


def test_errors_from_add_are_shown_in_the_pages_language(data):
    from turnover.i18n import gettext_for
    from turnover.texts.notices import UNKNOWN_REGION

    app = fill(open_curate("ru"))
    editor_key = app.data_editor[0].key
    app.session_state[editor_key] = {"edited_rows": {1: {"region": "Atlantis"}}, "added_rows": [], "deleted_rows": []}
    app.run()
    app.button(key="curate_save").click().run()
    assert not app.exception
    russian, english = (gettext_for(lang)(UNKNOWN_REGION).split("{")[0] for lang in ("ru", "en"))
    assert russian != english
    shown = "\n".join(block.value for block in app.code)  # what was saved, then what was not and why
    assert f"region: {russian}'Atlantis'" in shown and english not in shown


def test_a_figure_typed_by_hand_is_saved_and_a_second_save_is_a_duplicate(data):
    app = fill(open_curate(), text="Nothing to see here.")
    assert app.data_editor[0].value.empty
    editor_key = app.data_editor[0].key
    row = {"save": True, "region": "Gebiet Tambow", "year": 2023, "months": 12, "flow": "turnover", "value": "280", "currency": "USD",
           "scale": "mn", "qualifier": "approx", "coverage": "goods", "stats": ""}
    app.session_state[editor_key] = {"edited_rows": {}, "added_rows": [row], "deleted_rows": []}
    app.run()
    app.button(key="curate_save").click().run()
    assert [s.value for s in app.success] == ["Saved 1 figure. It is on the other pages now."]
    figure_row = "RU-TAM,2023,12,turnover,280,USD,mn,approx,goods,,test-agency-20250214,"
    assert figure_row in app.code[0].value

    editor_key = app.data_editor[0].key  # the same row again: refused as already recorded
    app.session_state[editor_key] = {"edited_rows": {0: {"save": True}}, "added_rows": [], "deleted_rows": []}
    app.run()
    app.button(key="curate_save").click().run()
    assert f"already recorded at line {line_of(data / 'figures.csv', figure_row)} " in app.code[0].value


def test_article_text_is_never_rendered_as_markdown_or_html(data):
    article = "Trade between Belarus and Tambov Oblast amounted to $310.5 million last year, **the governor** <script>alert(1)</script> [said](http://evil.example)."
    app = fill(open_curate(), text=article, publisher="<i>Agency</i> *bold*")
    (sentence,) = app.data_editor[0].value["sentence"]
    assert sentence == article  # kept verbatim in a table cell
    rendered = [m.value for m in app.markdown] + [c.value for c in app.caption] + [e.value for e in app.error] + [i.value for i in app.info]
    for text in rendered:
        assert "<script>" not in text and "**the governor**" not in text and "](http" not in text
        assert "<i>" not in text and "*bold*" not in text  # the publisher, in the source id caption, is escaped


RANK_ARTICLE = (
    "Smolensk Oblast ranks third among Russian regions in trade with Belarus in 2024, the governor told a briefing in Minsk. "
    "Bryansk Oblast is among the top ten importers of Belarusian goods."
)


def ranks_editor(app: AppTest):
    """The published ranks' table: the editor whose columns include ``rank``."""
    (editor,) = [e for e in app.data_editor if "rank" in e.value.columns]
    return editor


def test_rank_statements_are_reviewed_saved_to_ranks_csv_and_shown_on_the_region_page(data):
    # published after every source of the copy's statements on Smolensk 2024, so the rank card cites this one
    app = fill(open_curate(), text=RANK_ARTICLE, published=dt.date(2026, 6, 20))
    assert [h.value for h in app.subheader] == [words.review_heading("figures"), words.review_heading("ranks")]
    table = ranks_editor(app).value
    assert list(table["region"]) == ["RU-SMO", "RU-BRY"]
    assert list(table["rank"]) == [3, pd.NA] and list(table["top"]) == [pd.NA, 10]
    assert list(table["year"]) == [2024, 2024] and list(table["flow"]) == ["turnover", "export"]
    assert table["sentence"][0].startswith("Smolensk Oblast ranks third")
    assert list(table["save"]) == [True, False]  # Bryansk's year comes from the sentence before: flagged, left to the reviewer
    assert table["flags"][1]

    ranks_before = (data / "ranks.csv").read_bytes()
    figures_before = (data / "figures.csv").read_bytes()
    app.button(key="curate_ranks_save").click().run()
    assert not app.exception, [e.message for e in app.exception]
    assert [s.value for s in app.success] == [words.saved("ranks", 1)]
    rank_row = "RU-SMO,2024,12,turnover,3,,,,,test-agency-20260620,"
    assert (data / "ranks.csv").read_bytes() == ranks_before + rank_row.encode() + b"\n"
    assert (data / "figures.csv").read_bytes() == figures_before
    assert f"ranks.csv:{line_of(data / 'ranks.csv', rank_row)}: {rank_row}" in app.code[0].value
    assert "test-agency-20260620,Test Agency," in (data / "sources.csv").read_text(encoding="utf-8")
    table = ranks_editor(app).value
    assert list(table["status"]) == [words.saved_status(line_of(data / "ranks.csv", rank_row)), ""]

    # the same statement again is refused by add's duplicate-key check, and nothing is written
    app.session_state[ranks_editor(app).key] = {"edited_rows": {0: {"save": True}}, "added_rows": [], "deleted_rows": []}
    app.run()
    app.button(key="curate_ranks_save").click().run()
    assert "duplicate rank statement" in app.code[-1].value and app.error
    assert (data / "ranks.csv").read_bytes() == ranks_before + rank_row.encode() + b"\n"

    ranks = load_dataset(data, REPO_ROOT / "geo").ranks
    saved = ranks[ranks["source_id"] == "test-agency-20260620"]
    assert list(zip(saved["region"], saved["year"], saved["rank"])) == [("RU-SMO", 2024, 3)]

    # the region page's rank card names the published rank and its source
    app.switch_page("views/region.py").run()
    app.sidebar.selectbox[0].set_value("RU-SMO").run()
    assert not app.exception, [e.message for e in app.exception]
    page_text = " ".join(e.value.replace("\\", "") for e in [*app.markdown, *app.caption] if isinstance(e.value, str))
    assert "published: 3rd among Russian regions — Test Agency, 2026-06-20" in page_text


def test_a_rank_typed_by_hand_is_checked_like_validate(data):
    app = fill(open_curate(), text="Nothing to see here.")
    assert ranks_editor(app).value.empty
    row = {"save": True, "region": "Gebiet Smolensk", "year": 2023, "months": 12, "flow": "export", "rank": 3, "top": 10}
    app.session_state[ranks_editor(app).key] = {"edited_rows": {}, "added_rows": [row], "deleted_rows": []}
    app.run()
    before = (data / "ranks.csv").read_bytes()
    app.button(key="curate_ranks_save").click().run()
    assert not app.exception
    assert app.error and app.error[0].value == words.refused(1)
    assert "row 1: " in app.code[0].value and "rank: give either rank" in app.code[0].value
    assert (data / "ranks.csv").read_bytes() == before


# --- the page's words (turnover/texts/curation.py) ------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 2])
def test_counts_agree_with_their_noun(count):
    noun = {1: ("figure", "rank", "problem: that row"), 2: ("figures", "ranks", "problems: those rows")}[count]
    assert words.save_label("figures", count) == f"Save {count} ticked {noun[0]}"
    assert words.save_label("ranks", count) == f"Save {count} ticked {noun[1]}"
    assert words.refused(count).startswith(f"{count} {noun[2]} ")
    assert words.saved("ranks", count).startswith(f"Saved {count} rank statement{'s' if count > 1 else ''}. ")


def test_every_column_of_both_review_tables_has_a_header_and_the_save_help_names_its_file():
    from app.curation import KINDS

    for name, kind in KINDS.items():
        labels = words.column_labels(name)
        assert set(kind.order) <= set(labels), set(kind.order) - set(labels)
        assert labels["save"][1].endswith(f"data/{name}.csv")
    assert words.column_labels("ranks")["rank"][0] == "Rank" and "rank" not in words.column_labels("figures")


def test_the_source_caption_says_whether_the_source_is_new():
    assert words.source_id_suggested("x-1", known=True) == "Source id: x-1 (already in sources.csv, cited)"
    assert words.source_id_suggested("x-1", known=False) == "Source id: x-1 (new, written with the first saved row)"
    assert words.refused_status(["a: b", "c: d"]) == "not saved: a: b; c: d"
    assert words.row_problem(2, "a: b") == "row 2: a: b"
