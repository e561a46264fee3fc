"""What the million-figure set's largest region costs the library on a first visit, without Streamlit.

    python bench/big_region.py [--rows 1000000] [--repeat 20] [--lang en] [--profile]

Builds the synthetic set once (bench/synth.py, written to bench/data like bench/run.py's scale section), loads
it, and builds app/memo.region_view's three parts for its largest region from empty view caches, as a region
change on the synthetic server does: the key figures, the series chart (with its filled spec) and the table of
sources. The year rankings are built once beforehand, as the app caches them across regions. Prints p50 / p95 per
part and for the whole view in milliseconds, wall and CPU time; ``--profile`` adds cProfile's 30 most expensive functions.
"""

import argparse
import cProfile
import pstats
import statistics
import time

from common import BENCH, REPO
from synth import generate

from turnover import profile
from turnover.aggregate import both_sides, ranking, region_series
from turnover.charts import series_chart
from turnover.dataset import load_dataset
from turnover.provenance import provenance_table
from turnover.texts import tables

FLOW = "turnover"
YEAR = 2023  # the year the scale run's region changes keep (bench/run.py opens region=RU-SMO&year=2023)


def region_view(data, region: str, year: int, lang: str, rankings: dict) -> dict:
    """The seconds each part of app/memo.region_view takes for ``region`` and ``year``, caches cold."""
    figures = data.for_region(region)
    parts = {}

    def cards():
        return profile.key_figures(figures, rankings[year], region, FLOW, year, lang, ranking_of=rankings.__getitem__, published=data.published_ranks_of(region))

    def chart():
        series = region_series(figures, region, FLOW)
        return None if series.empty else series_chart(series, data.registry.name(region, lang), FLOW, selected_year=year, lang=lang, counterparts=both_sides(figures, region, FLOW)).spec()

    def table():
        return provenance_table(figures, lang).drop(columns=tables.provenance_headers(lang)["region"])

    for name, build in (("cards", cards), ("chart", chart), ("table", table)):
        started, cpu = time.perf_counter(), time.process_time()
        build()
        parts[name] = time.perf_counter() - started
        parts[f"{name} CPU"] = time.process_time() - cpu
    return parts


def report(samples: list[dict]) -> None:
    def q(values: list[float]) -> str:
        ordered = sorted(values)
        return f"{statistics.median(ordered) * 1000:6.1f} / {ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000:6.1f}"

    print(f"{len(samples)} views, ms p50 / p95 (CPU: this process's processor time, steadier on a busy machine):")
    for cpu in ("", " CPU"):
        for name in ("cards", "chart", "table"):
            print(f"  {name + cpu:14s} {q([sample[name + cpu] for sample in samples])}")
        print(f"  {'whole view' + cpu:14s} {q([sum(sample[name + cpu] for name in ('cards', 'chart', 'table')) for sample in samples])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    data = load_dataset(generate(BENCH / "data", args.rows), REPO / "geo").in_language(args.lang)
    sizes = data.figures["region"].value_counts()
    region = sizes.index[0]
    rankings = {year: ranking(data.for_year(year), year, FLOW) for year in range(YEAR - 2, YEAR + 2)}
    print(f"{region}: {sizes.iloc[0]:,} figures, year {YEAR}, ?lang={args.lang}")
    region_view(data, region, YEAR, args.lang, rankings)  # imports, templates and the fonts: not a first visit's cost
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    samples = [region_view(data, region, YEAR, args.lang, rankings) for _ in range(args.repeat)]
    if profiler:
        profiler.disable()
    report(samples)
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
