"""The dashboard with each input file broken in each way (the cases of test_reliability): no traceback, the problem in
its panel, and every page that can still work still works."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import FIGURES, UNDATED
from tests.test_reliability import CASES, FAILURES, break_input, expected_figures
from turnover.paths import REPO_ROOT

ENTRY = str(REPO_ROOT / "dashboard.py")


def run_app(monkeypatch, data, geo, page: str | None = None) -> AppTest:
    monkeypatch.setenv("TURNOVER_DATA_DIR", str(data))
    monkeypatch.setenv("TURNOVER_GEO_DIR", str(geo))
    app = AppTest.from_file(ENTRY, default_timeout=60)
    app.run()
    if page:
        app.switch_page(page).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def panel(app: AppTest) -> str:
    return " ".join(e.label for e in app.expander).replace("\\", "")


@pytest.mark.parametrize(("name", "failure"), CASES)
def test_a_broken_input_file_shows_in_the_panel_and_the_pages_that_can_work_do(tmp_path, monkeypatch, write_dataset, name, failure):
    data, geo, _ = break_input(tmp_path, monkeypatch, write_dataset, name, failure)
    _, csv_reason, geo_reason = FAILURES[failure]
    reason = geo_reason if name.endswith(".geojson") else csv_reason

    app = run_app(monkeypatch, data, geo)

    assert "input problem" in panel(app)
    listed = app.expander[0].dataframe[0].value
    assert any(file.endswith(name) and reason in text for file, text in zip(listed["file"], listed["reason"])), listed
    if expected_figures(name, failure) == 0:
        assert any("No figure could be loaded" in e.value for e in app.error)
        return
    assert app.title[0].value.startswith("Belarus and the regions of Russia")
    map_broken = name == "regions-overview.geojson" and failure != "missing_column"
    assert any("The map cannot be drawn" in e.value for e in app.error) == map_broken
    region = run_app(monkeypatch, data, geo, "views/region.py")
    assert "Smolensk Oblast" in region.title[0].value + " ".join(m.value for m in region.markdown).replace("\\", "")


def test_many_problems_show_the_first_ones_a_count_and_a_report(monkeypatch, write_dataset):
    bad = "".join(f"RU-SMO,2021,13,turnover,{n},USD,bn,exact,goods,,belta-1,\n" for n in range(1, 1001))
    data, geo = write_dataset(figures=FIGURES + bad)
    app = run_app(monkeypatch, data, geo)
    assert "1,000 input problems" in panel(app)
    assert len(app.expander[0].dataframe[0].value) == 200
    assert "The first 200 of 1,000 problems are listed; download the report for all of them." in [c.value for c in app.expander[0].caption]
    assert app.expander[0].get("download_button")


def test_a_linked_undated_file_is_not_offered_and_the_page_says_why(tmp_path, monkeypatch, write_dataset):
    data, geo = write_dataset()
    elsewhere = tmp_path / "secret.csv"
    elsewhere.write_text(UNDATED)
    (data / "undated.csv").unlink()
    (data / "undated.csv").symlink_to(elsewhere)
    app = run_app(monkeypatch, data, geo, "views/sources.py")
    labels = [b.proto.label for b in app.get("download_button")]
    assert "Download undated.csv" not in labels and "Download figures.csv" in labels
    assert any("undated.csv is not offered for download: is a symbolic link" in c.value.replace("\\", "") for c in app.caption)
