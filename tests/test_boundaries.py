"""The committed boundary file (geo/regions.geojson) and region registry (geo/regions.csv).

Checks the properties the map relies on and the source faults geo/build_boundaries.py fixes, on the
files as committed, so a rebuild from a different source release cannot silently undo a fix.
"""

import csv
import json
from pathlib import Path

import numpy as np
import pytest
import shapely
from shapely.geometry import shape

GEO = Path(__file__).resolve().parents[1] / "geo"
COLUMNS = ["id", "name_en", "name_ru", "name_de", "kind", "country", "federal_district", "aliases"]
KINDS = {"country", "federal_district", "oblast", "krai", "republic", "federal_city",
         "autonomous_oblast", "autonomous_okrug", "city"}
DISTRICTS = {"FD-CENTRAL", "FD-NORTHWESTERN", "FD-SOUTHERN", "FD-NORTH-CAUCASIAN", "FD-VOLGA",
             "FD-URAL", "FD-SIBERIAN", "FD-FAR-EASTERN"}

# The `region` names used by the research notes (/work/shared/research/facts.csv), copied here
# because CI does not have that folder. Each must resolve to an id by exact (casefolded) match.
RESEARCH_NAMES = """Altai Krai|Arkhangelsk Oblast|Astrakhan Oblast|Belgorod Oblast|Bryansk Oblast|Chelyabinsk Oblast|
Chuvash Republic|Far Eastern Federal District|Irkutsk Oblast|Ivanovo Oblast|Jewish Autonomous Oblast|Kaliningrad Oblast|
Kaluga Oblast|Kamchatka Krai|Kemerovo Oblast (Kuzbass)|Khabarovsk Krai|Kirov Oblast|Komi Republic|Kostroma Oblast|
Krasnodar Krai|Krasnoyarsk Krai|Kurgan Oblast|Kursk Oblast|Leningrad Oblast|Lipetsk Oblast|Magadan Oblast|
Moscow (city)|Moscow Oblast|Murmansk Oblast|Nizhny Novgorod Oblast|Novgorod Oblast|Novosibirsk Oblast|Omsk Oblast|
Orenburg Oblast|Oryol Oblast|Penza Oblast|Perm Krai|Primorsky Krai|Pskov Oblast|Republic of Bashkortostan|
Republic of Dagestan|Republic of Karelia|Republic of Khakassia|Republic of Mordovia|Republic of Tatarstan|
Rostov Oblast|Russia (national total)|Ryazan Oblast|Saint Petersburg|Sakha Republic (Yakutia)|Sakhalin Oblast|
Samara Oblast|Saratov Oblast|Siberian Federal District|Smolensk Oblast|Stavropol Krai|Sverdlovsk Oblast|
Tomsk Oblast|Tula Oblast|Tyumen Oblast|Tyva Republic|Udmurt Republic|Ulyanovsk Oblast|Vladimir Oblast|
Volgograd Oblast|Vologda Oblast|Voronezh Oblast|Yaroslavl Oblast""".replace("\n", "").split("|")


def norm(name: str) -> str:
    return name.casefold().replace("ё", "е")


@pytest.fixture(scope="module")
def registry() -> list[dict]:
    with open(GEO / "regions.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == COLUMNS
        return list(reader)


@pytest.fixture(scope="module")
def lookup(registry) -> dict[str, str]:
    """Normalised name -> id over every id, name and alias; fails on a name claimed by two ids."""
    names: dict[str, str] = {}
    for row in registry:
        for name in [row["id"], row["name_en"], row["name_ru"], row["name_de"], *row["aliases"].split("|")]:
            if name:
                assert names.setdefault(norm(name), row["id"]) == row["id"], f"{name!r}: {names[norm(name)]} and {row['id']}"
    return names


@pytest.fixture(scope="module")
def features() -> dict[str, dict]:
    collection = json.loads((GEO / "regions.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    ids = [f["properties"]["id"] for f in collection["features"]]
    assert len(ids) == len(set(ids)), "one feature per region"
    return {f["properties"]["id"]: f for f in collection["features"]}


@pytest.fixture(scope="module")
def geoms(features) -> dict:
    return {i: shape(f["geometry"]) for i, f in features.items()}


def polygons(geometry: dict) -> list:
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def signed_area(ring) -> float:
    x, y = np.asarray(ring, dtype=float).T
    return 0.5 * float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1]))


def test_file_is_small():
    assert (GEO / "regions.geojson").stat().st_size <= 400_000


def test_registry_rows(registry):
    ids = [r["id"] for r in registry]
    assert len(ids) == len(set(ids))
    by_id = {r["id"]: r for r in registry}
    assert {"RU", "BY"} <= set(ids) and DISTRICTS <= set(ids)
    assert {"BY-BR", "BY-HO", "BY-HR", "BY-MA", "BY-MI", "BY-VI", "BY-HM"} <= set(ids)
    for r in registry:
        assert r["kind"] in KINDS, r
        assert r["name_en"] and r["name_ru"] and r["name_de"], r
        subject = r["country"] == "RU" and r["kind"] not in ("country", "federal_district")
        assert (r["federal_district"] in DISTRICTS) if subject else r["federal_district"] == "", r
    assert {by_id[i]["country"] for i in ("UA-43", "UA-40")} == {"UA"}
    assert by_id["RU-MOW"]["kind"] == "federal_city" and by_id["RU-MOS"]["kind"] == "oblast"
    assert by_id["BY-HM"]["kind"] == "city" and by_id["BY-MI"]["kind"] == "oblast"


def test_feature_ids_and_registry_match(registry, features):
    known = {r["id"]: r for r in registry}
    assert set(features) <= set(known)
    subjects = {r["id"] for r in registry if r["country"] == "RU" and r["kind"] not in ("country", "federal_district")}
    assert subjects <= set(features)
    assert len(subjects) == 83
    for i, f in features.items():
        assert f["properties"] == {"id": i, "name_en": known[i]["name_en"], "name_ru": known[i]["name_ru"],
                                   "country": known[i]["country"]}
    assert features["UA-43"]["properties"]["country"] == features["UA-40"]["properties"]["country"] == "UA"


def test_moscow_city_is_mow_and_lies_in_the_oblast(geoms, features):
    city, oblast = geoms["RU-MOW"], geoms["RU-MOS"]
    assert city.area * 10 < oblast.area
    outer = max(getattr(oblast, "geoms", [oblast]), key=lambda p: p.area).exterior
    assert shapely.box(*outer.bounds).contains(city)
    assert features["RU-MOW"]["properties"]["name_ru"] == "Москва"
    assert features["RU-MOS"]["properties"]["name_ru"] == "Московская область"


def test_minsk_city_is_hm_and_lies_in_the_oblast(geoms, features):
    assert geoms["BY-HM"].area * 10 < geoms["BY-MI"].area
    assert shapely.Polygon(geoms["BY-MI"].exterior).contains(geoms["BY-HM"])
    assert features["BY-HM"]["properties"]["name_en"] == "Minsk"


def test_altai_krai_is_not_named_altai_republic(features, geoms):
    props = features["RU-ALT"]["properties"]
    assert "republic" not in props["name_en"].casefold() and "республика" not in props["name_ru"].casefold()
    assert props["name_en"] == "Altai Krai"
    assert geoms["RU-ALT"].intersects(geoms["RU-NVS"])  # only the Krai borders Novosibirsk Oblast
    assert not geoms["RU-AL"].intersects(geoms["RU-NVS"])


def test_unnamed_island_is_gone(features):
    assert not any(i.startswith("RU-X") or "~" in i for i in features)


def test_exterior_rings_clockwise_holes_counter_clockwise(features):
    for i, f in features.items():
        for polygon in polygons(f["geometry"]):
            assert signed_area(polygon[0]) < 0, f"{i}: exterior ring is counter-clockwise"
            assert all(signed_area(hole) > 0 for hole in polygon[1:]), f"{i}: hole is clockwise"


def test_longitudes_stay_in_range(geoms):
    west, south, east, north = shapely.GeometryCollection(list(geoms.values())).bounds
    assert -180 <= west and east <= 180 and 40 < south and north < 82


def test_neighbours_do_not_overlap(geoms):
    ids, values = list(geoms), list(geoms.values())
    tree = shapely.STRtree(values)
    left, right = tree.query(values, predicate="intersects")
    touching = [(a, b) for a, b in zip(left, right) if a < b]
    assert len(touching) > 150  # neighbours really are found
    for a, b in touching:
        assert shapely.intersection(values[a], values[b]).area < 1e-6, f"{ids[a]} overlaps {ids[b]}"


def test_names_and_aliases_unique(lookup):
    assert lookup[norm("Moscow")] == "RU-MOW"
    assert lookup[norm("Minsk")] == "BY-HM"
    assert lookup[norm("Moscow Oblast")] == "RU-MOS"


@pytest.mark.parametrize("name", RESEARCH_NAMES)
def test_research_names_resolve(lookup, name):
    assert norm(name) in lookup


def test_research_names_resolve_to_the_right_ids(lookup):
    expected = {"Moscow (city)": "RU-MOW", "Moscow Oblast": "RU-MOS", "Altai Krai": "RU-ALT",
                "Kemerovo Oblast (Kuzbass)": "RU-KEM", "Russia (national total)": "RU",
                "Siberian Federal District": "FD-SIBERIAN", "Sakha Republic (Yakutia)": "RU-SA",
                "Saint Petersburg": "RU-SPE", "Leningrad Oblast": "RU-LEN"}
    assert {name: lookup[norm(name)] for name in expected} == expected


def test_overview_copy_has_the_same_regions_is_small_and_wound_for_vega(features):
    overview = json.loads((GEO / "regions-overview.geojson").read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["id"] for f in overview} == set(features)
    assert (GEO / "regions-overview.geojson").stat().st_size <= 200_000
    for f in overview:
        for polygon in polygons(f["geometry"]):
            assert signed_area(polygon[0]) < 0, f"{f['properties']['id']}: exterior ring is counter-clockwise"
