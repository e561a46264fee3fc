"""App tests of every page through Streamlit's AppTest: defaults, filters, links in and out, bad links."""

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Widget

from turnover.paths import REPO_ROOT
from turnover.selection import PREFERENCES

TIMEOUT = 60
ENTRY = str(REPO_ROOT / "dashboard.py")


def run_page(page: str | None = None, **params) -> AppTest:
    app = AppTest.from_file(ENTRY, default_timeout=TIMEOUT)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    if page:
        app.switch_page(page).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def texts(app: AppTest) -> str:
    parts = [m.value for m in app.markdown] + [c.value for c in app.caption] + [t.value for t in app.title]
    parts += [f"{m.label} {m.value}" for m in app.metric] + [w.value for w in app.warning] + [i.value for i in app.info]
    return "\n".join(str(p) for p in parts).replace("\\", "")  # Markdown escapes of data text


def test_map_page_defaults_and_writes_filters_to_the_url():
    app = run_page()
    assert app.title[0].value.startswith("Belarus and the regions of Russia, ")
    year = app.sidebar.selectbox[1].value
    assert app.query_params["region"] == ["RU-SMO"] or app.query_params["region"] == "RU-SMO"
    assert str(year) in app.title[0].value
    assert "Trade turnover with Belarus by Russian region" in texts(app)


def test_region_link_opens_smolensk_with_the_seed_figures():
    app = run_page("views/region.py", region="RU-SMO", year="2023")
    page = texts(app)
    assert "Belarus – Smolensk Oblast" in page
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Full year 2023"] == "$4.4bn"
    assert metrics["Latest partial period (Jan–Sep 2024)"] == "$3.1bn"
    from turnover.aggregate import rank_in, ranking
    from turnover.dataset import load_dataset

    rank, ranked = rank_in(ranking(load_dataset().figures, 2023), "RU-SMO")  # computed from the same data the page reads
    assert metrics["Rank in 2023"] == f"{rank} of {ranked}"
    table = app.dataframe[0].value
    assert {"2023", "Jan–Sep 2024"} <= set(table["Period"])


def test_changing_region_and_year_updates_the_view_and_the_url():
    app = run_page("views/region.py", region="RU-SMO", year="2023")
    app.sidebar.selectbox[0].set_value("RU-TA").run()
    app.sidebar.selectbox[1].set_value(2022).run()
    assert not app.exception
    assert "Belarus – Republic of Tatarstan" in texts(app)
    assert dict(app.query_params)["region"] in ("RU-TA", ["RU-TA"])
    assert dict(app.query_params)["year"] in ("2022", ["2022"])
    table = app.dataframe[0].value
    tatarstan_2022 = table[(table["Period"] == "2022") & (table["Flow"] == "Trade turnover")]
    assert "$1bn" in set(tatarstan_2022["As published"])  # the seed figure, shown or as an alternative


def test_a_region_name_in_the_link_resolves():
    app = run_page("views/region.py", region="Gebiet Smolensk")
    assert "Belarus – Smolensk Oblast" in texts(app)


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"region": "RU-NOPE"}, "Unknown region 'RU-NOPE' in the link"),
        ({"year": "1850"}, "No figures for year '1850'"),
        ({"year": "twenty"}, "No figures for year 'twenty'"),
        ({"flow": "smuggling"}, "Unknown flow 'smuggling'"),
    ],
)
def test_a_bad_link_falls_back_with_a_visible_notice(params, notice):
    app = run_page("views/region.py", **params)
    assert any(notice in w.value.replace("\\", "") for w in app.warning), [w.value for w in app.warning]
    assert "Belarus – Smolensk Oblast" in texts(app)


def test_flow_filter_switches_to_exports():
    app = run_page("views/region.py", region="RU-TA", flow="export")
    assert "Belarusian exports" in texts(app)


def test_compare_page_shows_regions_districts_and_shares():
    app = run_page("views/compare.py", year="2023")
    page = texts(app)
    assert "regions compared" in page
    assert "by federal district, 2023" in page
    districts = app.dataframe[0].value
    assert "Central Federal District" in set(districts["Federal district"])
    from turnover.aggregate import district_totals
    from turnover.dataset import load_dataset

    dataset = load_dataset()
    expected = district_totals(dataset.figures, dataset.registry, 2023)  # computed from the same data the page reads
    shown = dict(zip(districts["Federal district"], districts["Regions with a figure"]))
    assert shown == {name: f"{n} of {m} region" + ("" if m == 1 else "s") for name, n, m in zip(expected["name"], expected["with_data"], expected["regions"])}


def test_sources_page_lists_every_figure_and_filters():
    app = run_page("views/sources.py")
    table = app.dataframe[0].value
    assert len(table) >= 300
    app.text_input(key="sources_query").input("Smolensk").run()
    narrowed = app.dataframe[0].value
    assert 0 < len(narrowed) < len(table)
    assert set(narrowed["Region"]) == {"Smolensk Oblast"}
    assert len(app.get("download_button")) >= 3


def main_widgets(app: AppTest) -> list[tuple[str, str]]:
    """Every input widget and button on the page itself (the sidebar is hidden in briefing view), as (type, label)."""

    def walk(node):
        for child in getattr(node, "children", {}).values():
            yield child
            yield from walk(child)

    return [(node.type, getattr(node, "label", "")) for node in walk(app.main) if isinstance(node, Widget)]


@pytest.mark.parametrize(
    ("page", "heading"),
    [
        (None, "Trade turnover with Belarus by Russian region, 2023"),
        ("views/region.py", "Trade turnover: Belarus – Smolensk Oblast"),
        ("views/compare.py", "Trade turnover with Belarus: regions compared"),
        ("views/sources.py", "Sources and data"),
    ],
)
def test_briefing_view_shows_no_widget_on_any_page_but_the_way_back(page, heading):
    app = run_page(page, region="RU-SMO", year="2023", briefing="1")
    assert main_widgets(app) == [("button", "Leave briefing view")]
    assert heading in texts(app)
    assert dict(app.query_params)["briefing"] in ("1", ["1"])
    app.button(key="leave_briefing").click().run()
    assert len(main_widgets(app)) > 1  # back to the normal view: its widgets return
    assert "briefing" not in dict(app.query_params)


def test_a_bad_link_notice_goes_once_the_user_changes_a_filter():
    app = run_page("views/region.py", region="RU-NOPE")
    assert any("Unknown region 'RU-NOPE'" in w.value.replace("\\", "") for w in app.warning)
    app.sidebar.selectbox(key="region").set_value("RU-TA").run()
    assert "Belarus – Republic of Tatarstan" in texts(app)
    assert not [w.value for w in app.warning]
    app.switch_page("views/compare.py").run()  # nor does it come back on another page
    assert not [w.value for w in app.warning]


def test_the_rule_under_the_region_table_and_on_the_sources_page_is_the_rule_applied():
    for page in ("views/region.py", "views/sources.py"):
        captions = [c.value.replace("\\", "") for c in run_page(page, region="RU-SMO").caption]
        rule = next(c for c in captions if PREFERENCES[0].description in c)
        positions = [rule.index(p.description) for p in PREFERENCES]  # every step, in the order applied
        assert positions == sorted(positions), rule


def test_a_corrupt_boundary_file_stops_only_the_map(tmp_path, monkeypatch):
    import shutil

    geo = tmp_path / "geo"
    shutil.copytree(REPO_ROOT / "geo", geo)
    (geo / "regions-overview.geojson").write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    monkeypatch.setenv("TURNOVER_GEO_DIR", str(geo))
    app = run_page()
    assert any("The map cannot be drawn" in e.value and "not valid GeoJSON" in e.value.replace("\\", "") for e in app.error)
    assert "Trade turnover with Belarus by Russian region" in texts(app)  # the ranking beside it still works
    region = run_page("views/region.py", region="RU-SMO", year="2023")
    assert {m.label: m.value for m in region.metric}["Full year 2023"] == "$4.4bn"


def test_a_figure_for_a_month_not_yet_over_appears_on_the_running_app_once_the_month_is_over(monkeypatch, write_dataset):
    """The server keeps the loaded data set; a new day reloads it, so a figure refused as "not ended yet" shows when it has."""
    import datetime as dt

    from tests.conftest import FIGURES
    from turnover.texts import tables

    now = dt.date.today()
    data, geo = write_dataset(figures=FIGURES + f"RU-BRY,{now.year},{now.month},turnover,888.2,USD,mn,exact,goods,,old-1,\n")
    monkeypatch.setenv("TURNOVER_DATA_DIR", str(data))
    monkeypatch.setenv("TURNOVER_GEO_DIR", str(geo))
    app = run_page("views/region.py", region="RU-BRY")
    usd = tables.provenance_headers("en")["usd_mn"]
    shown = lambda: [value for table in app.dataframe if usd in table.value.columns for value in table.value[usd]]  # the table of sources
    assert shown() and 888.2 not in shown()

    class NextMonth(dt.date):
        @classmethod
        def today(cls):
            return now + dt.timedelta(days=32)

    monkeypatch.setattr(dt, "date", NextMonth)
    app.run()
    assert 888.2 in shown()
