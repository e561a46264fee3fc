"""A synthetic data set of N figures (1,000,000 by default) in the dashboard's CSV format, for the scale run.

Every Russian federal subject of geo/regions.csv × years (newest first, as many as N needs) × months 1..12 ×
the three flows × ten commodity groups. The data model has no commodity column, so each group is its
own source (``synth-<group>`` in sources.csv) and the key (region, year, months, flow, coverage, source_id)
stays unique; per slot one figure is displayed and nine are alternatives. One figure in ten is in roubles
(fx.csv has a rate for every year), one in eight approximate. Deterministic (seeded); written once per N.
"""

import csv
import itertools
import math
from pathlib import Path

import numpy as np
import pandas as pd

from common import REPO

GROUPS = ["food", "dairy", "meat", "machinery", "vehicles", "chemicals", "metals", "wood", "textiles", "other"]
SUBJECT_KINDS = {"oblast", "krai", "republic", "federal_city", "autonomous_oblast", "autonomous_okrug"}
LAST_YEAR = 2025


def russian_subjects() -> list[str]:
    with open(REPO / "geo" / "regions.csv", encoding="utf-8") as file:
        return [row["id"] for row in csv.DictReader(file) if row["country"] == "RU" and row["kind"] in SUBJECT_KINDS]


def generate(folder: Path, rows: int = 1_000_000, seed: int = 7) -> Path:
    """Write figures.csv, sources.csv and fx.csv into ``folder`` (skipped when a set of the same size is there)."""
    stamp = folder / "ROWS"
    if stamp.exists() and stamp.read_text().strip() == str(rows) and (folder / "figures.csv").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    regions = russian_subjects()
    per_year = len(regions) * 12 * 3 * len(GROUPS)
    years = list(range(LAST_YEAR, LAST_YEAR - math.ceil(rows / per_year), -1))
    grid = pd.DataFrame(
        itertools.islice(itertools.product(years, regions, range(1, 13), ("turnover", "export", "import"), GROUPS), rows),
        columns=["year", "region", "months", "flow", "group"],
    )
    rng = np.random.default_rng(seed)
    usd_mn = rng.lognormal(mean=3.0, sigma=1.5, size=len(grid)) * grid["months"] / 12
    roubles = rng.random(len(grid)) < 0.1
    rate = 30.0 + (grid["year"] - years[-1]) * 1.5
    figures = pd.DataFrame(
        {
            "region": grid["region"],
            "year": grid["year"],
            "months": grid["months"],
            "flow": grid["flow"],
            "value": np.where(roubles, usd_mn * rate, usd_mn).round(1).clip(0.1),
            "currency": np.where(roubles, "RUB", "USD"),
            "scale": "mn",
            "qualifier": np.where(rng.random(len(grid)) < 0.125, "approx", "exact"),
            "coverage": "goods",
            "stats": "BY",
            "source_id": "synth-" + grid["group"],
            "note": "",
        }
    )
    figures.to_csv(folder / "figures.csv", index=False)
    pd.DataFrame(
        {
            "id": [f"synth-{g}" for g in GROUPS],
            "publisher": "Synthetic benchmark",
            "title": [f"Synthetic figures, commodity group {g}" for g in GROUPS],
            "url": "",
            "published": str(LAST_YEAR),
            "language": "en",
            "kind": "aggregator",
        }
    ).to_csv(folder / "sources.csv", index=False)
    pd.DataFrame({"year": years, "currency": "RUB", "per_usd": [round(30.0 + (y - years[-1]) * 1.5, 2) for y in years], "source_id": "synth-other"}).to_csv(folder / "fx.csv", index=False)
    stamp.write_text(str(rows))
    return folder
