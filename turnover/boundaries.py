"""The simplified region boundaries (geo/regions.geojson, made by geo/build_boundaries.py)."""

import json
from pathlib import Path

from turnover.problems import Problem, display_path
from turnover.regions import Registry


class BoundaryError(RuntimeError):
    """The boundary file is missing or unreadable; the message says which file and why."""


def load_boundaries(path: Path) -> dict:
    """The GeoJSON FeatureCollection, each feature with properties id, name_en, name_ru, country."""
    shown = display_path(path)
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BoundaryError(f"{shown}: boundary file not found; rebuild it with python geo/build_boundaries.py") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BoundaryError(f"{shown}: boundary file is not valid GeoJSON ({error})") from None
    if not isinstance(collection, dict) or not isinstance(collection.get("features"), list):
        raise BoundaryError(f"{shown}: boundary file is not a GeoJSON FeatureCollection")
    return collection


def check_boundaries(path: Path, registry: Registry) -> list[Problem]:
    """Every feature has an id the registry knows; reported as problems rather than raised."""
    shown = display_path(path)
    try:
        collection = load_boundaries(path)
    except BoundaryError as error:
        return [Problem(shown, 0, "", str(error).removeprefix(f"{shown}: "))]
    problems = []
    for number, feature in enumerate(collection["features"], start=1):
        region_id = (feature.get("properties") or {}).get("id")
        if region_id not in registry.table.index:
            problems.append(Problem(shown, 0, "id", f"feature {number} has id {region_id!r}, not in regions.csv"))
    return problems
