"""App tests of the map page's own controls and their link parameters: lower bounds, earlier years, map style, extent."""

import pytest

from tests.test_app import run_page, texts
from turnover.aggregate import map_figures
from turnover.dataset import load_dataset
from turnover.texts import pages


def params(app) -> dict:
    return {key: app.query_params[key] for key in app.query_params}


def bounds_caption(app) -> bool:
    return "as a lower bound" in texts(app)


def test_partial_years_are_lower_bounds_by_default_and_bounds_0_turns_them_off():
    year = 2024
    figures = load_dataset().figures
    bounded = int((map_figures(figures, year)["basis"] == "bound").sum())
    app = run_page(year=str(year))
    assert pages.map_bounds_caption(bounded, year) in texts(app)
    assert app.toggle(key="map_bounds").value is True
    assert "bounds" not in params(app)  # the default stays out of the link
    off = run_page(year=str(year), bounds="0")
    assert not bounds_caption(off)
    assert off.toggle(key="map_bounds").value is False
    assert off.query_params["bounds"] in ("0", ["0"])


def test_turning_bounds_off_writes_it_to_the_link():
    app = run_page(year="2024")
    app.toggle(key="map_bounds").set_value(False).run()
    assert not bounds_caption(app)
    assert app.query_params["bounds"] in ("0", ["0"])


def test_tolerance_counts_the_years_shown_and_is_kept_in_the_link():
    year, tolerance = 2024, 2
    table = map_figures(load_dataset().figures, year, tolerance=tolerance)
    counts = list(table["year"].value_counts().sort_index(ascending=False).items())
    app = run_page(year=str(year), tolerance=str(tolerance))
    assert pages.map_years_caption(counts) in texts(app)
    assert app.number_input(key="map_tolerance").value == tolerance
    assert app.query_params["tolerance"] in (str(tolerance), [str(tolerance)])
    app.number_input(key="map_tolerance").set_value(0).run()
    assert pages.map_years_caption(counts) not in texts(app)
    assert "tolerance" not in params(app)


def test_interactive_map_and_extent_come_from_the_link_and_survive_a_visit_to_a_profile():
    app = run_page(map="interactive", extent="far_east")
    assert app.get("segmented_control")[0].value == "interactive"
    assert app.selectbox(key="map_extent").value == "far_east"
    app.switch_page("views/region.py").run()
    assert "Belarus – Smolensk Oblast" in texts(app)
    app.switch_page("views/map.py").run()
    assert app.get("segmented_control")[0].value == "interactive"
    assert app.query_params["map"] in ("interactive", ["interactive"])
    assert app.query_params["extent"] in ("far_east", ["far_east"])


def test_choosing_an_extent_writes_it_to_the_link():
    app = run_page()
    app.selectbox(key="map_extent").set_value("russia").run()
    assert not app.exception
    assert app.query_params["extent"] in ("russia", ["russia"])


@pytest.mark.parametrize(("name", "value"), [("bounds", "yes"), ("tolerance", "9"), ("map", "leaflet"), ("extent", "mars")])
def test_a_bad_map_parameter_gives_a_notice_and_the_default(name, value):
    app = run_page(**{name: value})
    assert any(value in w.value for w in app.warning)
    assert name not in params(app)  # the default, which stays out of the link
