"""Benchmark of the dashboard: first view, interaction, weight, scale, many users, memory. See bench/README.md.

    python bench/run.py [--quick] [--profile] [--profile-browser] [--only first,interaction,weight,scale,users,memory] [--app-args "..."] [--reuse-app]

Prints a table of figures, each measured side by side with its baseline in the same run, and writes it
to bench/output/results.md (logs, profiles and raw numbers stay in bench/output/, gitignored).
"""

import argparse
import csv
import datetime as dt
import gzip
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

import streamlit
from playwright.sync_api import TimeoutError as PlaywrightTimeout

import common
from browser import Tab, choices, chromium, first_view, first_view_profile, summarise_first_views, weight
from common import APP, BENCH, ENTRY, OUT, Table, snapshot_app, kb, median, ms, pct, stop, streamlit_app, wait_healthy
from profiling import profiled, write_profile
from synth import generate
from app import prewarm
from turnover.texts import pages
from wsclient import Session, default_view, held_sessions, many_users, run_async, sidebar_choices, split_label

SECTIONS = ("first", "interaction", "weight", "scale", "users", "memory")
FIRST_PAGES = ["/", "/region?region=RU-SMO", "/coverage"]
WEIGHT_PAGES = [("/", False), ("/", True), ("/region?region=RU-SMO", False), ("/compare", False), ("/sources", False), ("/coverage", False)]
LANGUAGES = {"en": "English", "ru": "Русский"}  # ?lang= values and the sidebar control's options (each language's own name)
CLUSTER = {"front": 8650, "apps": (8651, 8652)}  # as in bench/nginx.conf
TARGET = {"first_ratio": 1.3, "rerun_p95": 0.060, "click_p95": 0.250, "rerun_p95_big": 0.250, "geometry": 300 * 1024, "users_p95": 1.0}


class Config:
    def __init__(self, quick: bool):
        self.quick = quick
        self.first_reps = 2 if quick else 7
        self.changes = 4 if quick else 20  # browser filter changes per page and language (region page and map page), at most one per region or year
        self.switches = 2 if quick else 10  # language switches per page (there and back counts two)
        self.rows = 100_000 if quick else 1_000_000
        self.scale_reruns = 6 if quick else 30  # light-client reruns per page and data set
        self.load_reps = 1 if quick else 2
        self.users_seconds = 15 if quick else 60


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), platform.processor())
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{dt.datetime.now().isoformat(timespec='minutes')}; nproc {os.cpu_count()}; {cpu}; load average {load} at start; Python {platform.python_version()}, Streamlit {streamlit.__version__}"


def warm(server, wait_for_build: bool = True) -> float | None:
    """One session run before measuring: imports, data loading and caches are not part of a rerun. With ``wait_for_build``,
    then wait for the app's background build of the pages (app/prewarm.py) and return its seconds:
    the figures are those of a server that has been up for a few seconds, not of one still building."""
    async def once():
        session = Session(server.url, "")
        await session.open("")
        await session.close()

    run_async(once())
    return server.prewarmed() if wait_for_build else None


# 1. First view ----------------------------------------------------------------------------------


def section_first(table: Table, browser, dash, bare, cfg: Config, profile_browser: bool) -> None:
    for server in (dash, bare):
        first_view(browser, server.url + "/")  # warm-up, not counted
    samples = {path: [] for path in FIRST_PAGES}
    baseline = []
    for rep in range(cfg.first_reps):
        for path in FIRST_PAGES:  # each dashboard view next to a bare one, the order swapped every repetition
            pair = [lambda: samples[path].append(first_view(browser, dash.url + path)), lambda: baseline.append(first_view(browser, bare.url + "/"))]
            for measure in pair if rep % 2 == 0 else reversed(pair):
                measure()
    bare_first = median([first for first, _ in baseline])
    table.add("1 first view", f"bare app: first chart (median of {len(baseline)})", ms(bare_first))
    for path, values in samples.items():
        first, done = median([f for f, _ in values]), median([d for _, d in values])
        ratio = first / bare_first
        table.add("1 first view", f"{path}: first chart / every chart drawn (median of {len(values)})", f"{ms(first)} / {ms(done)}")
        table.add("1 first view", f"{path}: ratio dashboard / bare (first chart)", f"{ratio:.2f}×", f"≤ {TARGET['first_ratio']}×", ratio <= TARGET["first_ratio"])
    if profile_browser:  # separate, sampled views: sampling slows the page, so these are not the figures above
        for name, url in [("bare", bare.url + "/"), *((path.strip("/").split("?")[0] or "map", dash.url + path) for path in FIRST_PAGES)]:
            write_profile(f"browser-first-{name}", summarise_first_views([first_view_profile(browser, url) for _ in range(cfg.first_reps)]))


# 2. Interaction ---------------------------------------------------------------------------------


def charted(data_dir: Path) -> dict[str, set[str]]:
    """Russian regions with a total-trade turnover figure (their profile draws a chart) and the years of such figures, read from the CSV itself."""
    with open(data_dir / "figures.csv", encoding="utf-8") as file:
        rows = [row for row in csv.DictReader(file) if row["region"].startswith("RU-") and row["flow"] == "turnover" and row["coverage"] in ("goods", "goods_services")]
    return {"region": {row["region"] for row in rows}, "map": {row["year"] for row in rows}}


START = {"region": ("/region", "RU-SMO"), "map": ("/", "2023")}  # each interaction page opens on this region or year


def unseen(dash, shipped: Path, cfg: Config) -> dict[tuple[str, str], list[str]]:
    """Per (page, language): regions (region page) or years (map page) nobody has opened on this server yet.

    Left out: the views opened before the interaction run (the default view, RU-SMO, 2023); the two
    languages get disjoint halves, so even the language-independent caches are cold at every choice.
    """
    default_region, default_year = run_async(default_view(dash.url))
    drawn = charted(shipped)
    seen = {default_region, default_year, *(start for _, start in START.values())}
    lists = {lang: run_async(sidebar_choices(dash.url, lang)) for lang in LANGUAGES}
    picked = {}
    for page, index in (("region", 0), ("map", 1)):
        key = (lambda label: split_label(label)[1]) if page == "region" else str
        ids = [key(option) for option in lists["en"][index] if key(option) not in seen and key(option) in drawn[page]]
        for n, lang in enumerate(LANGUAGES):
            mine = set(ids[n :: len(LANGUAGES)][: cfg.changes])
            picked[page, lang] = [option for option in lists[lang][index] if key(option) in mine]
    return picked


def light_client_changes(table: Table, shipped: Path, cfg: Config, profile: bool, built: bool = True) -> None:
    """Region and year changes never seen, made by the light client on a server of their own (every view cold): the
    server's time for a first visit without Chromium drawing the previous view on the same two cores.

    ``built``: the server has built every year's map page and every region's profile in the background
    (app/prewarm.py, as served); without, the rows time a view's first build."""
    drawn = charted(shipped)
    off = "" if built else ", background build off (TURNOVER_PREWARM=0): a view's first build"
    with streamlit_app(ENTRY, "dashboard-light" if built else "dashboard-cold", env=None if built else {"TURNOVER_PREWARM": "0"}) as server:
        warm(server, wait_for_build=built)
        lists = {lang: run_async(sidebar_choices(server.url, lang)) for lang in LANGUAGES}
        for page, index, key in (("region", 0, lambda label: split_label(label)[1]), ("map", 1, str)):
            path, start = START[page]
            ids = [key(option) for option in lists["en"][index] if key(option) != start and key(option) in drawn[page]]
            for n, lang in enumerate(LANGUAGES):
                mine = set(ids[n :: len(LANGUAGES)][: 2 * cfg.changes])
                options = [option for option in lists[lang][index] if key(option) in mine]

                async def change() -> float:
                    session = Session(server.url, path.strip("/"), lang=lang)
                    await session.open(f"{'region' if page == 'region' else 'year'}={start}&lang={lang}")
                    since = time.time()
                    for option in options:
                        await session.choose("region" if page == "region" else "year", option)
                    await session.close()
                    return since

                with profiled(server.process.pid, f"light-{page}-{lang}{'' if built else '-cold'}", profile):
                    since = run_async(change())
                runs = [run.seconds for run in server.runs(since) if run.page == page]
                what = "region" if page == "region" else "year"
                table.add(
                    "2 interaction",
                    f"{page} page, {what} change never seen before, ?lang={lang}, light client on a server of its own (no browser drawing){off}: server rerun p50 / p95 ({len(runs)} reruns)",
                    f"{ms(pct(runs, 50))} / {ms(pct(runs, 95))}",
                    f"p95 ≤ {ms(TARGET['rerun_p95'])}",
                    pct(runs, 95) <= TARGET["rerun_p95"],
                )


def section_interaction(table: Table, browser, dash, shipped: Path, cfg: Config, profile: bool, profile_browser: bool) -> None:
    for (page, lang), options in unseen(dash, shipped, cfg).items():
        path, start = START[page]
        tab = Tab(browser, f"{dash.url}{path}?{'region' if page == 'region' else 'year'}={start}&lang={lang}", profile=profile_browser)
        since, cpu = time.time(), dash.cpu_seconds()
        with profiled(dash.process.pid, f"interaction-{page}-{lang}", profile):
            seconds = [tab.choose(*choice) for choice in choices(page, options, lang)]
        cpu = dash.cpu_seconds() - cpu
        if profile_browser:
            write_profile(f"browser-{page}-{lang}", tab.browser_profile())
        server = [run.seconds for run in dash.runs(since) if run.page == page]
        tab.close()
        what = f"{'region' if page == 'region' else 'year'} change never seen before, ?lang={lang}"
        table.add(
            "2 interaction",
            f"{page} page, {what}: server rerun p50 / p95 ({len(server)} reruns); server CPU per rerun",
            f"{ms(pct(server, 50))} / {ms(pct(server, 95))}; {ms(cpu / max(len(server), 1))}",
            f"p95 ≤ {ms(TARGET['rerun_p95'])}",
            pct(server, 95) <= TARGET["rerun_p95"],
        )
        table.add(
            "2 interaction",
            f"{page} page, {what}: click to updated chart drawn p50 / p95 ({len(seconds)} changes; in brackets: to the poll that saw it, the measure before 2026-12-01)",
            f"{ms(pct(seconds, 50))} / {ms(pct(seconds, 95))} ({ms(pct(tab.polled, 50))} / {ms(pct(tab.polled, 95))})",
            f"p95 ≤ {ms(TARGET['click_p95'])}",
            pct(seconds, 95) <= TARGET["click_p95"],
        )
        table.add("2 interaction", f"{page} page, ?lang={lang}: choices the app ignored (made again)", f"{tab.absorbed} of {len(seconds) + tab.absorbed}", "0", tab.absorbed == 0)
    light_client_changes(table, shipped, cfg, profile)
    light_client_changes(table, shipped, cfg, profile, built=False)
    for page in START:
        language_switch(table, browser, dash, page, cfg)


def present(locator, seconds: float = 20) -> bool:
    """Whether the element shows up within ``seconds`` (the sidebar may come after the first chart on a loaded machine)."""
    try:
        locator.first.wait_for(timeout=seconds * 1000)
        return True
    except PlaywrightTimeout:
        return False


def language_switch(table: Table, browser, dash, page: str, cfg: Config) -> None:
    """Switch the language in the sidebar there and back (English → Русский → English …): server rerun and click to redrawn.

    The page opens on its interaction start view, which that run opened in both languages: this times the switch, not a first visit.
    """
    path, start = START[page]
    region_name = lambda lang: split_label(next(o for o in run_async(sidebar_choices(dash.url, lang))[0] if o.endswith(f"({start})")))[0]
    heading = {lang: pages.region_title(region_name(lang), lang) if page == "region" else pages.map_title(int(start), lang) for lang in LANGUAGES}
    tab = Tab(browser, f"{dash.url}{path}?{'region' if page == 'region' else 'year'}={start}")
    try:
        if not present(tab.sidebar_option(LANGUAGES["ru"])):
            table.add("2 interaction", f"{page} page, language switch", f"skipped: no {LANGUAGES['ru']!r} option in the sidebar")
            return
        if heading["en"] == heading["ru"]:
            table.add("2 interaction", f"{page} page, language switch", "skipped: the page heading is the same in both languages (no Russian catalogue)")
            return
        since = time.time()
        targets = ["ru", "en"] * (cfg.switches // 2)
        seconds = [tab.switch(LANGUAGES[lang], heading[lang]) for lang in targets]
        server = [run.seconds for run in dash.runs(since) if run.page == page]
    finally:
        tab.close()
    table.add(
        "2 interaction",
        f"{page} page, language switch (both views opened before): server rerun p50 / p95 ({len(server)} reruns); click to page redrawn p50 / p95 ({len(seconds)} switches)",
        f"{ms(pct(server, 50))} / {ms(pct(server, 95))}; {ms(pct(seconds, 50))} / {ms(pct(seconds, 95))}",
    )


# 3. Weight --------------------------------------------------------------------------------------


def describe_weight(result: dict) -> str:
    http, ws = result["http"], result["ws"]
    total = sum(http.values()) + sum(ws.values())
    return f"{kb(total)} = HTTP {kb(sum(http.values()))} (scripts {kb(http.get('Script', 0))}, fonts {kb(http.get('Font', 0))}) + websocket {kb(sum(ws.values()))}"


def section_weight(table: Table, browser, dash, bare) -> None:
    for path in sorted((APP / "geo").glob("*.geojson")):
        raw = path.read_bytes()
        table.add("3 weight", f"boundary file geo/{path.name} (gzip)", f"{kb(len(raw))} ({kb(len(gzip.compress(raw)))})")
    table.add("3 weight", "bare app /", describe_weight(weight(browser, bare.url + "/")))
    with ExitStack() as stack:
        front = None
        if cluster_ready(table, "3 weight"):
            stack.enter_context(cluster())
            front = f"http://127.0.0.1:{CLUSTER['front']}"
        for path, interactive in WEIGHT_PAGES:
            weigh_page(table, browser, dash.url, path, interactive)
            if front and not interactive:  # nginx gzips the JavaScript and CSS Streamlit sends uncompressed
                table.add("3 weight", f"{path} through nginx (gzip on)", describe_weight(weight(browser, front + path)))
    shutil.copy(BENCH / "gzip_serve.py", APP)
    with streamlit_app("gzip_serve.py", "gzip") as compressing:
        warm(compressing)
        for server, how in ((dash, "serve.py"), (compressing, "bench/gzip_serve.py: serve.py + Starlette's GZipMiddleware")):
            cpu = server.cpu_seconds()
            result = weight(browser, server.url + "/")
            table.add("3 weight", f"/ from {how}; server CPU for the view", f"{describe_weight(result)}; {ms(server.cpu_seconds() - cpu)}")


def weigh_page(table: Table, browser, url: str, path: str, interactive: bool) -> None:
    """A first-time visitor's bytes for one page straight from Streamlit, and the map's geometry on the wire."""
    result = weight(browser, url + path, interactive)
    label = path + (" with the interactive map" if interactive else "")
    table.add("3 weight", label, describe_weight(result))
    geometry = result["ws"].get("map_folium" if interactive else "map_altair")
    if geometry:
        shapes = 0 if interactive else result["shapes"]  # the static map's shapes come once over HTTP
        geometry += shapes
        kind = "Folium (streamlit_folium component)" if interactive else f"Altair (vega_lite_chart element + {kb(shapes)} of shapes fetched once)"
        table.add("3 weight", f"map geometry on the wire: {kind}", kb(geometry), f"≤ {kb(TARGET['geometry'])}", geometry <= TARGET["geometry"])
    if interactive:
        table.add("3 weight", "Folium map document (iframe HTML)", kb(result["folium_document"]))
    (OUT / f"weight-{path.strip('/').split('?')[0] or 'map'}{'-interactive' if interactive else ''}.json").write_text(json.dumps(result, indent=1))


# 4. Scale ---------------------------------------------------------------------------------------

LOAD = """
import json, sys, time
from pathlib import Path
started = time.perf_counter()
from turnover.dataset import load_dataset
imported = time.perf_counter()
data = load_dataset(Path(sys.argv[1]))
done = time.perf_counter()
rss = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmRSS'))
print(json.dumps({"import": imported - started, "load": done - imported, "rows": len(data.figures), "problems": len(data.problems), "rss_mb": rss / 1024}))
"""


def cold_load(folder: Path, parquet_cache: bool) -> dict:
    """``load_dataset`` in a fresh process (no Streamlit cache): seconds, rows and memory.

    Without ``parquet_cache`` the library's on-disk cache of large data sets (``<data>/.cache``) is removed first.
    """
    if not parquet_cache:
        shutil.rmtree(folder / ".cache", ignore_errors=True)
    result = subprocess.run([sys.executable, "-c", LOAD, str(folder)], cwd=APP, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


async def rerun_side_by_side(servers: list, page: str, reruns: int) -> None:
    """A session on ``page`` on each server; change the region (region page) or the year (map page), server after server."""
    sessions = []
    for server in servers:
        session = Session(server.url, "" if page == "map" else page)
        sessions.append((session, *await sidebar_choices(server.url)))
        await session.open("region=RU-SMO&year=2023")
    for i in range(reruns):
        for session, regions, years in sessions:
            if page == "region":
                await session.choose("region", regions[(7 * i + 1) % len(regions)])
            else:
                await session.choose("year", years[(i + 1) % min(len(years), 10)])
    for session, _, _ in sessions:
        await session.close()


def section_scale(table: Table, dash, shipped: Path, cfg: Config, profile: bool) -> None:
    folder = generate(BENCH / "data", cfg.rows)
    label = f"{cfg.rows:,} figures"
    loads = {"shipped": [], label: [], f"{label}, Parquet cache warm": []}
    for _ in range(cfg.load_reps):
        loads["shipped"].append(cold_load(shipped, False))
        loads[label].append(cold_load(folder, False))
        loads[f"{label}, Parquet cache warm"].append(cold_load(folder, True))
    for name, results in loads.items():
        table.add("4 scale", f"cold load_dataset, {name} ({results[0]['rows']:,} rows): median of {len(results)}, process memory", f"{ms(median([r['load'] for r in results]))}, {results[-1]['rss_mb']:,.0f} MB")
    shutil.rmtree(folder / ".cache", ignore_errors=True)
    started = time.monotonic()
    with streamlit_app(ENTRY, "dashboard-big", env={"TURNOVER_DATA_DIR": str(folder)}) as big:
        warm(big, wait_for_build=False)
        table.add("4 scale", f"app start to first page served, {label} (data load in the app, no Parquet cache)", f"{time.monotonic() - started:,.1f} s; server memory {big.rss_mb():,.0f} MB (shipped: {dash.rss_mb():,.0f} MB)")
        if cfg.rows <= prewarm.MOST_DATA_FIGURES:
            built = big.prewarmed()
            table.add("4 scale", f"background build of the years' map pages and the regions' profiles after the first page, {label} (stops after {prewarm.BUDGET:.0f} s); server memory after it", f"{built:.1f} s; {big.rss_mb():,.0f} MB" if built is not None else "did not end within 3 min")
        else:
            table.add("4 scale", f"background build, {label}", f"none: a data set of over {prewarm.MOST_DATA_FIGURES:,} figures is not built ahead")
        for page in ("map", "region"):
            since = time.time()
            with profiled(big.process.pid, f"rerun-big-{page}", profile):
                run_async(rerun_side_by_side([dash, big], page, cfg.scale_reruns))
            for server, name, target in ((dash, "shipped data", TARGET["rerun_p95"]), (big, label, TARGET["rerun_p95_big"])):
                runs = [run.seconds for run in server.runs(since) if run.page == page]
                table.add("4 scale", f"{name}, {page} page: server rerun p50 / p95 ({len(runs)} reruns, light client)", f"{ms(pct(runs, 50))} / {ms(pct(runs, 95))}", f"p95 ≤ {ms(target)}", pct(runs, 95) <= target)


# 5. Many users ----------------------------------------------------------------------------------


def report_users(table: Table, where: str, users: int, seconds: float, servers: list) -> float:
    since, started, cpu = time.time(), time.monotonic(), sum(server.cpu_seconds() for server in servers)
    load = many_users(servers[0].url if len(servers) == 1 else f"http://127.0.0.1:{CLUSTER['front']}", users, seconds, seed=users, cookies=len(servers) > 1)
    cpu = sum(server.cpu_seconds() for server in servers) - cpu
    runs = {server.name: [run.seconds for run in server.runs(since) if run.page != "prewarm"] for server in servers}
    server_runs = [s for values in runs.values() for s in values]
    split = " + ".join(str(len(values)) for values in runs.values())
    (OUT / f"users-{where}-{users}-errors.txt").write_text("\n".join(load.errors))
    table.add(
        "5 many users",
        f"{where}, {users} sessions × {seconds:.0f} s: client p50 / p95; server p95 ({split} runs)",
        f"{ms(pct(load.seconds, 50))} / {ms(load.p95())}; {ms(pct(server_runs, 95))}",
        "p95 < 1 s" if users == 30 else "",
        load.p95() < TARGET["users_p95"] if users == 30 else None,
    )
    table.add(
        "5 many users",
        f"{where}, {users} sessions: errors; views with another session's filters; ignored choices; server CPU per run; client CPU",
        f"{len(load.errors)}; {load.foreign}; {load.absorbed}; {ms(cpu / max(len(server_runs), 1))}; {100 * load.cpu / (time.monotonic() - started):.0f}% of a core",
        "0; 0" if users == 30 else "",
        (not load.errors and not load.foreign) if users == 30 else None,
    )
    for view in load.foreign_views:
        print(f"  a view not of its session's choice: chose {view[0]} {view[1]}; query string {view[2]!r}; heading {view[3]!r}")
    return load.p95()


@contextmanager
def cluster():
    """Two app processes and nginx (bench/nginx.conf) on the ports the config names."""
    prefix = OUT / "nginx"
    (prefix / "tmp").mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        apps = [stack.enter_context(streamlit_app(ENTRY, f"cluster-{port}", port=port)) for port in CLUSTER["apps"]]
        nginx = subprocess.Popen(["nginx", "-p", str(prefix), "-c", str(BENCH / "nginx.conf"), "-e", str(prefix / "error.log")], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        stack.callback(stop, nginx)
        wait_healthy(f"http://127.0.0.1:{CLUSTER['front']}", 30, nginx)
        for app in apps:
            warm(app)
        yield apps


def section_users(table: Table, dash, cfg: Config, profile: bool) -> None:
    with profiled(dash.process.pid, "users-30", profile):
        p95 = {30: report_users(table, "1 process", 30, cfg.users_seconds, [dash])}
    # How many sessions one process holds: from 30 go down (or up) a level at a time until p95 crosses 1 s.
    levels = [] if cfg.quick else ([20, 10, 5, 2] if p95[30] >= TARGET["users_p95"] else [45, 60, 90])
    for users in levels:
        p95[users] = report_users(table, "1 process", users, 30, [dash])
        if (p95[users] < TARGET["users_p95"]) == (p95[30] >= TARGET["users_p95"]):
            break
    held = max((users for users, value in p95.items() if value < TARGET["users_p95"]), default=0)
    table.add("5 many users", "sessions one process holds with client p95 < 1 s (levels run)", f"{held or 'fewer than ' + str(min(p95))} (levels {sorted(p95)})")
    table.add("5 many users", "server memory after the 30-session run (this process served every section before)", f"{dash.rss_mb():,.0f} MB")
    if cluster_ready(table, "5 many users"):
        with cluster() as apps:
            report_users(table, "nginx + 2 processes", 30, cfg.users_seconds, apps)


def cluster_ready(table: Table, section: str) -> bool:
    """nginx is installed and the cluster's ports are free; else a row says why the nginx figures are skipped."""
    if not shutil.which("nginx"):
        table.add(section, "nginx in front of 2 processes", "skipped: nginx not installed (apt-get install nginx-light)")
        return False
    if any(port_in_use(port) for port in (CLUSTER["front"], *CLUSTER["apps"])):
        table.add(section, "nginx in front of 2 processes", f"skipped: a port of {CLUSTER} is in use")
        return False
    return True


def port_in_use(port: int) -> bool:
    import socket

    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


# 6. Memory --------------------------------------------------------------------------------------


def section_memory(table: Table, cfg: Config) -> None:
    """Resident memory of a fresh server: after start, after 30 concurrent sessions, and per session held open."""
    with streamlit_app(ENTRY, "memory") as server:
        warm(server)
        started = server.rss_mb()
        many_users(server.url, 30, cfg.users_seconds, seed=6)
        after_users = settled_rss(server)
        held = {}
        run_async(held_sessions(server.url, [10, 40], lambda count: held.__setitem__(count, settled_rss(server))))
    table.add("6 memory", "server RSS after start (one session run and the background build of the pages) / after 30 concurrent sessions changing filters", f"{started:,.0f} MB / {after_users:,.0f} MB")
    per_session = (held[40] - held[10]) / 30
    table.add("6 memory", "server RSS with 10 / 40 sessions held open; per extra session ((40 − 10) / 30)", f"{held[10]:,.0f} MB / {held[40]:,.0f} MB; {per_session * 1024:,.0f} KB")


def settled_rss(server) -> float:
    """The server's RSS once it has had a moment to finish the runs in flight."""
    time.sleep(2)
    return server.rss_mb()


# ------------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a short smoke run: fewer repetitions, 100,000 synthetic figures")
    parser.add_argument("--profile", action="store_true", help="record the app with py-spy during the interaction, scale and 30-user runs")
    parser.add_argument("--profile-browser", action="store_true", help="sample the page's JavaScript from each press to its chart drawn in the interaction run, and from navigation to the first chart in extra first views (its own run: the sampling slows the browser and so the figures)")
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated sections among {','.join(SECTIONS)}")
    parser.add_argument("--app-args", default="", help='more `streamlit run` options for every server, e.g. "--runner.postScriptGC false"')
    parser.add_argument("--reuse-app", action="store_true", help="serve the copy of the app the previous run made (bench/output/app), e.g. to compare --app-args on the same code")
    args = parser.parse_args()
    common.EXTRA_ARGS[:] = shlex.split(args.app_args)
    only = set(args.only.split(","))
    cfg = Config(args.quick)
    OUT.mkdir(parents=True, exist_ok=True)
    header = machine() + (f"; app options: {args.app_args}" if args.app_args else "")
    print(header, flush=True)
    table = Table()
    shipped = (APP if args.reuse_app and APP.exists() else snapshot_app()) / "data"
    with ExitStack() as stack:
        browser = stack.enter_context(chromium())
        dash = stack.enter_context(streamlit_app(ENTRY, "dashboard"))
        bare = stack.enter_context(streamlit_app(str(BENCH / "bare_app.py"), "bare"))
        built = warm(dash)
        warm(bare, wait_for_build=False)
        table.add("2 interaction", "background build of every year's map page and every region's profile in both languages after the first page (app/prewarm.py), shipped data", f"{built:.1f} s" if built is not None else "did not end within 3 min")
        if "first" in only:
            section_first(table, browser, dash, bare, cfg, args.profile_browser)
        if "interaction" in only:
            section_interaction(table, browser, dash, shipped, cfg, args.profile, args.profile_browser)
        if "weight" in only:
            section_weight(table, browser, dash, bare)
        if "scale" in only:
            section_scale(table, dash, shipped, cfg, args.profile)
        if "users" in only:
            section_users(table, dash, cfg, args.profile)
        if "memory" in only:
            section_memory(table, cfg)
    report = f"{header}\n\n{table.text()}\n"
    print("\n" + report)
    (OUT / "results.md").write_text(f"Benchmark ({'quick' if cfg.quick else 'full'} run): {header}\n\n{table.markdown()}\n")


if __name__ == "__main__":
    main()
