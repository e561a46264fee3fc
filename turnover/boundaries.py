"""The simplified region boundaries (geo/regions.geojson, made by geo/build_boundaries.py).

A boundary file is read through ``inputfile.read_input`` (regular file, size limit) and checked feature
by feature: a feature the maps could not draw (not an object, no ``properties.id``, no polygon geometry)
is left out and reported, and the rest is drawn. A file that is not a GeoJSON FeatureCollection at all
raises ``BoundaryError``, which stops only the maps.
"""

import json
from pathlib import Path

from turnover.inputfile import InputError, read_input
from turnover.problems import Problem, display_path
from turnover.regions import Registry
from turnover.texts import notices as words

BOUNDARY_FILES = ("regions.geojson", "regions-overview.geojson")
MAX_BYTES = 64 * 2**20
GEOMETRIES = ("Polygon", "MultiPolygon")


class BoundaryError(RuntimeError):
    """The boundary file is missing or unreadable; the message says which file and why."""


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
        return [Problem(shown, 0, "", str(error).removeprefix(f"{shown}: "))]
    for number, feature in enumerate(collection["features"], start=1):
        region_id = feature["properties"]["id"]
        if region_id not in registry.table.index:
            problems.append(Problem(shown, 0, "id", f"feature {number} has id {region_id!r}, not in regions.csv"))
    return problems


def _read(path: Path) -> tuple[dict, list[Problem]]:
    shown = display_path(path)
    try:
        collection = json.loads(read_input(path, MAX_BYTES).decode("utf-8"))
    except InputError as error:
        raise BoundaryError(words.boundary_unreadable(shown, str(error), missing=str(error) == "file not found")) from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise BoundaryError(words.boundary_not_json(shown, str(error)[:200])) from None
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection" or not isinstance(collection.get("features"), list):
        raise BoundaryError(words.boundary_not_collection(shown))
    kept, problems = [], []
    for number, feature in enumerate(collection["features"], start=1):
        reason = _unusable(feature)
        if reason:
            problems.append(Problem(shown, 0, "features", f"feature {number} {reason}; left out of the maps"))
        else:  # the maps show a region's names: a feature without them is named by its id
            kept.append({**feature, "properties": {"name_en": feature["properties"]["id"], "name_ru": "", **feature["properties"]}})
    if not kept:
        raise BoundaryError(words.boundary_nothing_drawable(shown, problems[0].reason if problems else None))
    return {**collection, "features": kept}, problems


def _unusable(feature) -> str:
    """Why a feature cannot be drawn, or "" when it can."""
    if not isinstance(feature, dict):
        return "is not an object"
    properties = feature.get("properties")
    if not isinstance(properties, dict) or not isinstance(properties.get("id"), str) or not properties["id"]:
        return "has no properties.id"
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict) or geometry.get("type") not in GEOMETRIES or not isinstance(geometry.get("coordinates"), list):
        return f"({properties['id']}) has no Polygon or MultiPolygon geometry"
    return ""
