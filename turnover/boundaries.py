"""The simplified region boundaries (geo/regions.geojson, made by geo/build_boundaries.py).

A boundary file is read through ``inputfile.read_input`` (regular file, size limit) and checked feature
by feature: a feature the maps could not draw (not an object, no ``properties.id``, no polygon geometry)
is left out and reported, and the rest is drawn. A file that is not a GeoJSON FeatureCollection at all
raises ``BoundaryError``, which stops only the maps.
"""

import json
from pathlib import Path

from turnover.i18n import N_
from turnover.inputfile import FILE_NOT_FOUND, InputError, read_input
from turnover.problems import Problem, display_path
from turnover.regions import Registry
from turnover.texts import notices as words

BOUNDARY_FILES = ("regions.geojson", "regions-overview.geojson")
MAX_BYTES = 64 * 2**20
GEOMETRIES = ("Polygon", "MultiPolygon")


class BoundaryError(RuntimeError):
    """The boundary file cannot be drawn at all: ``problem`` says which file and why (its reason untranslated, as
    every ``Problem``'s), ``first`` why its first feature was left out when none could be drawn. ``str(error)`` is
    the English text; ``in_language(lang)`` the reader's."""

    def __init__(self, problem: Problem, first: Problem | None = None):
        self.problem, self.first = problem, first
        super().__init__(self.in_language("en"))

    def in_language(self, lang: str) -> str:
        return words.boundary_error(self.problem.path, self.problem.reason_in(lang), self.first.reason_in(lang) if self.first else None, lang)


def load_boundaries(path: Path) -> dict:
    """The GeoJSON FeatureCollection, each feature with properties id, name_en, name_ru, country; unusable features left out."""
    collection, _ = _read(path)
    return collection


def check_boundaries(path: Path, registry: Registry) -> list[Problem]:
    """Every feature is drawable and has an id the registry knows; reported as problems rather than raised."""
    shown = display_path(path)
    try:
        collection, problems = _read(path)
    except BoundaryError as error:
        return [error.problem]
    for number, feature in enumerate(collection["features"], start=1):
        region_id = feature["properties"]["id"]
        if region_id not in registry.table.index:
            problems.append(Problem(shown, 0, "id", N_("feature {number} has id {region_id!r}, not in regions.csv"), params=(("number", number), ("region_id", region_id))))
    return problems


def _read(path: Path) -> tuple[dict, list[Problem]]:
    shown = display_path(path)
    try:
        collection = json.loads(read_input(path, MAX_BYTES).decode("utf-8"))
    except InputError as error:
        missing = error.message == FILE_NOT_FOUND
        raise BoundaryError(Problem(shown, 0, "", N_("boundary file not found; rebuild it with python geo/build_boundaries.py") if missing else error.message, params=error.params)) from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise BoundaryError(Problem(shown, 0, "", N_("boundary file is not valid GeoJSON ({detail})"), params=(("detail", str(error)[:200]),))) from None
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection" or not isinstance(collection.get("features"), list):
        raise BoundaryError(Problem(shown, 0, "", N_("boundary file is not a GeoJSON FeatureCollection (its top level must be an object with a list of features)")))
    kept, problems = [], []
    for number, feature in enumerate(collection["features"], start=1):
        unusable = _unusable(feature)
        if unusable:
            message, params = unusable
            problems.append(Problem(shown, 0, "features", message, params=(("number", number), *params)))
        else:  # the maps show a region's names: a feature without them is named by its id
            kept.append({**feature, "properties": {"name_en": feature["properties"]["id"], "name_ru": "", **feature["properties"]}})
    if not kept:
        raise BoundaryError(Problem(shown, 0, "features", N_("boundary file has no feature the maps can draw")), problems[0] if problems else None)
    return {**collection, "features": kept}, problems


def _unusable(feature) -> tuple[str, tuple] | None:
    """Why a feature cannot be drawn (a message and its parameters besides the feature's number), or None when it can."""
    if not isinstance(feature, dict):
        return N_("feature {number} is not an object; left out of the maps"), ()
    properties = feature.get("properties")
    if not isinstance(properties, dict) or not isinstance(properties.get("id"), str) or not properties["id"]:
        return N_("feature {number} has no properties.id; left out of the maps"), ()
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict) or geometry.get("type") not in GEOMETRIES or not isinstance(geometry.get("coordinates"), list):
        return N_("feature {number} ({region_id}) has no Polygon or MultiPolygon geometry; left out of the maps"), (("region_id", properties["id"]),)
    return None
