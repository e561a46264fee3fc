"""What a first visit costs the library: every region's and every year's view built cold, without Streamlit.

    python bench/views.py [--lang en,ru] [--repeat 1] [--profile]

Builds, for every region with figures (region page) and every year with figures (map page), in each language,
what app/memo.py builds on a first visit: the key figures, the series chart (with its filled spec) and the table
of sources; the map table, the year's published top groups, the ranking chart and the static map. Each build
starts from empty caches (only the data set and the boundaries are loaded before), so the figures are what a
region or year nobody has opened costs. Prints p50 / p95 per part and per view in milliseconds; ``--profile``
adds cProfile's 30 most expensive functions (cumulative). Compare before and after in the same load.
"""

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import pandas as pd  # noqa: E402

from turnover import paths, profile  # noqa: E402
from turnover.aggregate import both_sides, map_figures, ranking, region_series  # noqa: E402
from turnover.boundaries import load_boundaries  # noqa: E402
from turnover.charts import ranking_chart, series_chart  # noqa: E402
from turnover.dataset import load_dataset  # noqa: E402
from turnover.extents import DEFAULT_EXTENT, named_extent  # noqa: E402
from turnover.maps import altair_map  # noqa: E402
from turnover.provenance import provenance_table  # noqa: E402
from turnover.top_groups import top_groups  # noqa: E402

OVERVIEW = "regions-overview.geojson"  # what both maps draw (views/map.py)
FLOW = "turnover"


def timed(parts: dict, name: str, build):
    started = time.perf_counter()
    result = build()
    parts[name] = parts.get(name, 0.0) + time.perf_counter() - started
    return result


def region_view(data, region: str, year: int, lang: str, rankings: dict) -> dict:
    """app/memo.region_view's three parts for one region and year (the year rankings are computed beforehand, as the
    memo shares them across regions)."""
    parts: dict = {}
    figures = data.for_region(region)

    def cards():
        return profile.key_figures(figures, rankings[year], region, FLOW, year, lang, ranking_of=rankings.__getitem__, published=data.published_ranks_of(region))

    def chart():
        series = region_series(figures, region, FLOW)
        if series.empty:
            return None
        framed = series_chart(series, data.registry.name(region, lang), FLOW, selected_year=year, lang=lang, counterparts=both_sides(figures, region, FLOW))
        return framed.spec()

    timed(parts, "cards", cards)
    timed(parts, "chart", chart)
    timed(parts, "table", lambda: provenance_table(figures, lang))
    return parts


def year_view(data, collection: dict, extent, year: int, lang: str) -> dict:
    """app/memo's map page parts for one year (shipped map options: lower bounds on, no earlier years)."""
    parts: dict = {}
    table = timed(parts, "map table", lambda: map_figures(data.for_year(year), year, FLOW, True, 0))
    groups = timed(parts, "top groups", lambda: top_groups(data.ranks, data.sources, year, FLOW))
    timed(parts, "ranking chart", lambda: ranking_chart(table, year, FLOW, lang=lang, since=year).spec())
    timed(parts, "static map", lambda: altair_map(collection, table, year, FLOW, extent=extent, lang=lang, since=year, groups=groups).spec())
    return parts


def summary(label: str, samples: list[dict]) -> None:
    def q(values: list[float]) -> str:
        ordered = sorted(values)
        return f"{statistics.median(ordered) * 1000:6.1f} / {ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000:6.1f}"

    names = list(dict.fromkeys(name for sample in samples for name in sample))
    print(f"{label} ({len(samples)} views), ms p50 / p95:")
    for name in names:
        print(f"  {name:14s} {q([sample.get(name, 0.0) for sample in samples])}")
    print(f"  {'whole view':14s} {q([sum(sample.values()) for sample in samples])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en,ru")
    parser.add_argument("--repeat", type=int, default=1, help="times each view is built (each time cold)")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    base = load_dataset(paths.data_dir(), paths.geo_dir())
    collection = load_boundaries(paths.geo_dir() / OVERVIEW)
    extent = named_extent(base.registry.table, collection, DEFAULT_EXTENT)
    totals = base.figures[base.figures["total"] & (base.figures["flow"] == FLOW)]
    regions = sorted(set(totals.loc[totals["region"].str.startswith("RU-"), "region"]))
    years = sorted(set(totals["year"]))
    profiler = cProfile.Profile() if args.profile else None
    for lang in args.lang.split(","):
        data = base.in_language(lang)
        rankings = {year: ranking(data.for_year(year), year, FLOW) for year in range(min(years) - 1, max(years) + 2)}
        region_view(data, regions[0], years[-1], lang, rankings)  # imports and chart templates: not a first visit's cost
        year_view(data, collection, extent, years[-1], lang)
        if profiler:
            profiler.enable()
        region_samples = [region_view(data, region, year, lang, rankings) for _ in range(args.repeat) for region in regions for year in (years[-2], years[-6])]
        year_samples = [year_view(data, collection, extent, year, lang) for _ in range(args.repeat) for year in years]
        if profiler:
            profiler.disable()
        summary(f"region page, ?lang={lang}, {len(regions)} regions × 2 years", region_samples)
        summary(f"map page, ?lang={lang}, {len(years)} years", year_samples)
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
