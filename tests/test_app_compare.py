"""The compare page keeps its regions (in the session and the address) and gives each region one colour."""

import json

from tests.test_app import run_page


def compare_spec(app) -> dict:
    """The compare chart's Vega-Lite spec: the page's first chart."""
    return json.loads(app.get("vega_lite_chart")[0].proto.spec)


def colour_of(spec: dict) -> dict[str, str]:
    scale = spec["layer"][0]["encoding"]["color"]["scale"] if "layer" in spec else spec["encoding"]["color"]["scale"]
    return dict(zip(scale["domain"], scale["range"]))


def picker(app):
    return next(m for m in app.multiselect if m.key == "compare_regions")


def test_chosen_regions_survive_year_flow_and_region_changes_and_stay_in_the_url():
    app = run_page("views/compare.py", year="2023", compare="RU-SMO,RU-MOW")
    assert picker(app).value == ["RU-SMO", "RU-MOW"]
    picker(app).set_value(["RU-SMO", "RU-MOW", "RU-TA"]).run()
    app.sidebar.selectbox[1].set_value(2022).run()
    app.sidebar.radio[0].set_value("export").run()
    app.sidebar.selectbox[0].set_value("RU-BRY").run()
    assert not app.exception
    assert picker(app).value == ["RU-SMO", "RU-MOW", "RU-TA"]
    assert app.query_params["compare"] in ("RU-SMO,RU-MOW,RU-TA", ["RU-SMO,RU-MOW,RU-TA"])


def test_a_bad_compare_link_leaves_out_what_it_cannot_use_and_says_so():
    app = run_page("views/compare.py", compare="RU-SMO,RU-NOPE,ru-mow,RU-SMO")
    assert picker(app).value == ["RU-SMO"]
    warnings = " ".join(w.value for w in app.warning).replace("\\", "")  # Markdown escapes
    assert "RU-NOPE" in warnings and "ru-mow" in warnings


def test_each_region_keeps_its_colour_whatever_else_is_chosen():
    first = colour_of(compare_spec(run_page("views/compare.py", year="2023", compare="RU-SMO,RU-MOW")))
    second = colour_of(compare_spec(run_page("views/compare.py", year="2023", compare="RU-TA,RU-MOW,RU-SMO")))
    assert set(first) == {"Smolensk Oblast", "Moscow"} and len(second) == 3
    assert {name: second[name] for name in first} == first
    assert first["Smolensk Oblast"] != first["Moscow"]
