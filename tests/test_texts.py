"""Every sentence comes from turnover/texts: plurals, source lines, the rule from its data, translation through gettext."""

import ast
import re

import pytest

from tests.catalogue_support import stand_in_catalogue
from turnover import selection
from turnover.paths import REPO_ROOT
from turnover.texts import charts, pages, rules


@pytest.mark.parametrize(("count", "text"), [(1, "1 Russian region with a published figure"), (3, "3 Russian regions with a published figure")])
def test_counts_agree_with_their_noun(count, text):
    assert text in pages.map_caption(2023, count)
    assert charts.regions_covered(count, count) == f"{count} of {count} region{'s' if count > 1 else ''}"


def test_the_source_line_names_sources_newest_first_and_says_how_many_more():
    cited = [(f"Publisher {i}", f"2024-0{9 - i}-01") for i in range(6)]
    line = charts.source_line(cited, converted=True, limit=4)
    assert line.startswith("Sources: Publisher 0 (2024-09-01); Publisher 1 (2024-08-01)")
    assert "Publisher 4" not in line and "and 2 more" in line and line.endswith("rouble figures converted at annual average rates.")
    assert charts.source_line(cited[:1], converted=False) == "Source: Publisher 0 (2024-09-01)."
    assert charts.source_line([("BelTA", "")], converted=False) == "Source: BelTA."


def test_the_rule_text_is_generated_from_the_rule_that_sorts(monkeypatch):
    order = rules.preference_order()
    assert order.split(", ") == [p.description for p in selection.PREFERENCES]
    assert "goods over goods-and-services" in rules.displayed_rule()
    monkeypatch.setattr(selection, "PREFERENCES", selection.PREFERENCES[::-1])
    monkeypatch.setattr(rules, "PREFERENCES", selection.PREFERENCES)
    assert rules.preference_order().startswith("newest first")


def test_a_catalogue_translates_sentences_and_plurals(tmp_path, monkeypatch):
    entries = {
        "Compare regions": "Сравнение регионов",
        ("{count} of {total} region", "{count} of {total} regions"): ("{count} из {total} региона", "{count} из {total} регионов", "{count} из {total} регионов"),
        "exact over approximate": "точные важнее приблизительных",
    }
    with stand_in_catalogue(tmp_path, monkeypatch, entries):
        assert pages.compare_title("ru") == "Сравнение регионов"
        assert charts.regions_covered(3, 5, "ru") == "3 из 5 регионов"
        assert rules.preference_order("ru").startswith("точные важнее приблизительных, dollars over")  # untranslated: English
        assert pages.compare_title("de") == "Compare regions"  # no catalogue: English


def test_every_message_in_texts_is_found_by_pybabel():
    """A string handed to any call in texts/ goes through ``_``, ``ngettext`` or ``N_``, the names extraction looks for."""
    for path in (REPO_ROOT / "turnover" / "texts").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and any(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args):
                assert isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext", "N_"), f"{path.name}:{node.lineno}"


TEXT_CALLS = {"title", "header", "subheader", "caption", "markdown", "info", "warning", "error", "success", "metric", "button",
              "download_button", "text_input", "multiselect", "selectbox", "radio", "toggle", "segmented_control", "expander", "Page",
              "text_area", "date_input", "CheckboxColumn", "TextColumn", "NumberColumn", "SelectboxColumn"}


def _words(argument) -> str:
    """The literal words in a call's argument: a string, or an f-string's fixed parts, without Markdown marks or icons."""
    parts = argument.values if isinstance(argument, ast.JoinedStr) else [argument]
    literal = "".join(part.value for part in parts if isinstance(part, ast.Constant) and isinstance(part.value, str))
    return re.sub(r":material/[a-z_]+:|[#*_`]", "", literal).strip()


def _typed_sentences(path):
    """Words typed into a Streamlit call that shows text, in a page script or glue module (markup and icons allowed)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in TEXT_CALLS:
            positional = node.args[:1] if node.func.attr != "Page" else []  # a Page's first argument is its script
            for argument in [*positional, *(k.value for k in node.keywords if k.arg in ("label", "title", "help", "body"))]:
                if re.search(r"[A-Za-z]{2}", _words(argument)):
                    yield f"{path.name}:{node.lineno}: {_words(argument)}"


@pytest.mark.parametrize("script", ["dashboard.py", "views/map.py", "views/region.py", "views/compare.py", "views/sources.py", "views/coverage.py", "app/filters.py", "app/briefing.py", "app/widgets.py", "app/slide.py", "app/mapoptions.py", "app/comparison.py",
                                    "views/curate.py", "app/curation.py"])
def test_page_scripts_and_glue_type_no_sentence(script):
    assert list(_typed_sentences(REPO_ROOT / script)) == []


def test_map_link_notices_come_from_texts_and_one_parser_checks_every_option():
    from turnover.aggregate import MAX_TOLERANCE
    from turnover.extents import EXTENT_DISTRICTS
    from turnover.texts import notices
    from turnover.urlstate import MAP_STYLES, MapOptions, parse_map_options, quoted

    given = {"bounds": "2", "tolerance": str(MAX_TOLERANCE + 1), "map": "satellite", "extent": "moon"}
    options, found = parse_map_options(given)
    default = MapOptions()
    assert options == default
    assert found == [
        notices.unknown_bounds(quoted("2")),
        notices.unknown_tolerance(quoted(given["tolerance"]), MAX_TOLERANCE, default.tolerance),
        notices.unknown_choice("map", quoted("satellite"), list(MAP_STYLES), default.style),
        notices.unknown_choice("extent", quoted("moon"), list(EXTENT_DISTRICTS), default.extent),
    ]
    assert "'satellite'" in found[2] and ", ".join(MAP_STYLES) in found[2]
    good = {"bounds": "0", "tolerance": str(MAX_TOLERANCE), "map": MAP_STYLES[-1], "extent": list(EXTENT_DISTRICTS)[-1]}
    assert parse_map_options(good) == (MapOptions(False, MAX_TOLERANCE, MAP_STYLES[-1], list(EXTENT_DISTRICTS)[-1]), [])


@pytest.mark.parametrize(("refused", "warned"), [(0, 0), (0, 1), (2, 0), (1, 3)])
def test_the_validate_line_counts_problems_and_warnings_with_their_nouns(refused, warned):
    from turnover.problems import ERROR, WARNING, Problem, validate_summary

    problems = [Problem("f.csv", n, "", "bad", ERROR) for n in range(refused)] + [Problem("f.csv", n, "", "odd", WARNING) for n in range(warned)]
    line, failed = validate_summary(problems, "10 figures")
    assert failed == (refused > 0)
    assert line.endswith("10 figures" + (f" ({warned} warning{'s' * (warned > 1)} above)" if warned and not refused else ""))
    if refused:
        assert line.startswith(f"{refused} problem{'s' * (refused > 1)}")
        assert (f"and {warned} warning" in line) == bool(warned)
    else:
        assert line.startswith("OK: ")


def test_unknown_region_and_boundary_messages_say_what_and_where(tmp_path):
    from turnover.boundaries import BoundaryError, load_boundaries
    from turnover.regions import UnknownRegion

    error = UnknownRegion("Smolenks", [("Smolensk Oblast", "RU-SMO"), ("Moscow", "RU-MOW")])
    assert str(error) == "unknown region 'Smolenks'; closest known names: Smolensk Oblast (RU-SMO); Moscow (RU-MOW)"
    missing = tmp_path / "none.geojson"
    with pytest.raises(BoundaryError, match=r"none\.geojson: boundary file not found; rebuild it with python geo/build_boundaries\.py"):
        load_boundaries(missing)
    broken = tmp_path / "broken.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [{"properties": {}}]}', encoding="utf-8")
    with pytest.raises(BoundaryError, match=r"broken\.geojson: boundary file has no feature the maps can draw \(feature 1 "):
        load_boundaries(broken)
