"""Named map extents: which regions a map frames, their bounding box and the conic projection that fits them.

The regions that trade most with Belarus are in the west (Smolensk, Bryansk, Pskov, Moscow, St
Petersburg): all of Russia leaves them a few pixels each, European Russia with Belarus makes them large.
Bounds and fits use each region's mainland (its largest polygon), so Franz Josef Land or Novaya Zemlya do
not stretch the frame; longitudes west of 0° count as east of 180° (Chukotka's tip), as Leaflet draws them.
"""

import math
from dataclasses import dataclass

import pandas as pd
import shapely
from shapely.geometry import shape

# extent -> federal districts (and "BY": Belarus' regions) whose regions it frames; "russia" frames every feature
EXTENT_DISTRICTS = {
    "europe": ("FD-CENTRAL", "FD-NORTHWESTERN", "FD-SOUTHERN", "FD-NORTH-CAUCASIAN", "FD-VOLGA", "BY"),
    "russia": (),
    "urals_siberia": ("FD-URAL", "FD-SIBERIAN"),
    "far_east": ("FD-FAR-EASTERN",),
}
DEFAULT_EXTENT = "europe"


@dataclass(frozen=True)
class Extent:
    """What a map frames: ``regions`` (ids), ``bounds`` (west, south, east, north in degrees, east may exceed 180),
    the conic projection fitted to them (``rotate``, ``parallels``, ``fit``: a GeoJSON feature of hull points) and
    ``anchors``: each framed region's (lon, lat) where its label's dot goes, a point surely inside its mainland."""

    name: str
    regions: frozenset[str]
    bounds: tuple[float, float, float, float]
    rotate: tuple[float, float, float]
    parallels: tuple[float, float]
    fit: dict
    anchors: dict[str, tuple[float, float]]


def extent_regions(regions: pd.DataFrame, name: str) -> frozenset[str]:
    """The region ids an extent frames, from the registry table (indexed by id, with ``federal_district`` and ``country``).

    "russia" is every federal subject and Belarus' regions; the others, their federal districts' subjects
    (and Belarus' regions where "BY" is listed).
    """
    districts = EXTENT_DISTRICTS[name]
    belarus = regions.index[(regions["country"] == "BY") & (regions["kind"] != "country")]
    subjects = regions.index[regions["federal_district"].fillna("") != ""]
    if not districts:
        return frozenset(subjects) | frozenset(belarus)
    chosen = regions.index[regions["federal_district"].isin(districts)]
    return frozenset(chosen) | (frozenset(belarus) if "BY" in districts else frozenset())


def _east(geometry):
    """Longitudes below 0° moved by +360°, so a region across 180° is one piece."""
    return shapely.transform(geometry, lambda xy: xy + [[360.0, 0.0]] * (xy[:, :1] < 0))


def mainland(geometry: dict):
    """A region's largest polygon (shapely), longitudes shifted east of 180° where negative, so pieces split at 180° join."""
    shaped = shapely.union_all(shapely.make_valid(_east(shape(geometry))))
    parts = list(getattr(shaped, "geoms", [shaped]))
    return max(parts, key=lambda part: part.area)


def _features(collection: dict, regions: frozenset[str]) -> list[dict]:
    return [f for f in collection["features"] if f["properties"]["id"] in regions]


def make_extent(collection: dict, regions: frozenset[str], name: str = "") -> Extent:
    """The extent of ``regions`` as drawn by the boundary ``collection`` (features keyed by ``properties.id``)."""
    mainlands = {f["properties"]["id"]: mainland(f["geometry"]) for f in _features(collection, regions)}
    if not mainlands:
        raise ValueError(f"no boundary feature for the regions of extent {name!r}")
    union = shapely.GeometryCollection(list(mainlands.values()))
    west, south, east, north = union.bounds
    hull = shapely.segmentize(union.convex_hull.exterior, 2.0)  # points along the edges: a conic bends them
    points = [[round(x - 360 if x > 180 else x, 2), round(y, 2)] for x, y in hull.coords[:-1]]
    span = north - south
    return Extent(
        name=name,
        regions=regions,
        bounds=(round(west, 3), round(south, 3), round(east, 3), round(north, 3)),
        rotate=(-round((west + east) / 2, 1), 0.0, 0.0),
        parallels=(round(south + span / 6, 1), round(north - span / 6, 1)),
        fit={"type": "Feature", "properties": {}, "geometry": {"type": "MultiPoint", "coordinates": points}},
        anchors={region: _label_anchor(shaped) for region, shaped in mainlands.items()},
    )


def named_extent(regions: pd.DataFrame, collection: dict, name: str = DEFAULT_EXTENT) -> Extent:
    """One of EXTENT_DISTRICTS' extents, from the registry table and the boundary collection."""
    return make_extent(collection, extent_regions(regions, name), name)


def leaflet_bounds(extent: Extent) -> list[list[float]]:
    """``[[south, west], [north, east]]`` for Leaflet's fitBounds."""
    west, south, east, north = extent.bounds
    return [[south, west], [north, east]]


def project(extent: Extent, lon: float, lat: float, width: float, height: float) -> tuple[float, float]:
    """Where a point falls on a map of ``width`` × ``height`` px drawn with the extent's projection and fit,
    as Vega draws it (d3's conicEqualArea, rotated and fitted to the fit points, centred)."""
    return projector(extent)(lon, lat, width, height)


def projector(extent: Extent):
    """``project`` for one extent, its fit's projected bounds worked out once (labels are placed at several widths)."""
    raw = _conic(extent)
    xs, ys = zip(*(raw(x, y) for x, y in extent.fit["geometry"]["coordinates"]))
    left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)

    def at(lon: float, lat: float, width: float, height: float) -> tuple[float, float]:
        scale = min(width / (right - left), height / (bottom - top))
        x, y = raw(lon, lat)
        return (width - scale * (right + left)) / 2 + scale * x, (height - scale * (bottom + top)) / 2 + scale * y

    return at


def _conic(extent: Extent):
    """d3.geoConicEqualArea's raw projection with y pointing down (d3 flips it), after the extent's rotation."""
    phi0, phi1 = (math.radians(p) for p in extent.parallels)
    n = (math.sin(phi0) + math.sin(phi1)) / 2
    c = 1 + math.sin(phi0) * (2 * n - math.sin(phi0))
    r0 = math.sqrt(c) / n

    def raw(lon: float, lat: float) -> tuple[float, float]:
        lam = math.radians((lon + extent.rotate[0] + 180) % 360 - 180)
        r = math.sqrt(c - 2 * n * math.sin(math.radians(lat))) / n
        return r * math.sin(lam * n), -(r0 - r * math.cos(lam * n))

    return raw


def _label_anchor(mainland_shape) -> tuple[float, float]:
    """(lon, lat) of a point surely inside a region's mainland (shapely, longitudes east of 180° where shifted)."""
    point = mainland_shape.representative_point()
    return round(point.x - 360 if point.x > 180 else point.x, 3), round(point.y, 3)
