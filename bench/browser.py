"""Measurements in Debian's chromium (Playwright): first chart drawn, chart updated after a filter change, page weight."""

import base64
import time
from collections import Counter, defaultdict
from contextlib import contextmanager

from playwright.sync_api import sync_playwright
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from common import CHROMIUM, CHROMIUM_ARGS
from turnover.texts import pages

VIEWPORT = {"width": 1400, "height": 1000}
TIMEOUT = 120_000  # ms
SERVED_SHAPES = "/app/static/boundaries/"  # the static map's shapes, fetched once over HTTP (turnover/maps.py)
FOLIUM_FRAME = 'iframe[title="streamlit_folium.st_folium"]'

# Streamlit draws Vega-Lite charts as SVG; a chart is drawn once one of its data marks has an element.
FIRST_CHART = "() => document.querySelector('.vega-embed svg .role-mark > *') ? performance.now() : false"
# Every chart drawn (at least one unless ``anyCharts``), no element left stale from a previous run, the expected <h1> (if given).
ALL_CHARTS = """([heading, anyCharts]) => {
  const h1 = document.querySelector('h1');
  if (!h1 || (heading !== null && h1.textContent !== heading)) return false;
  if (document.querySelector('[data-stale="true"], [data-testid="stStatusWidget"]')) return false;
  const svgs = [...document.querySelectorAll('.vega-embed')].map(chart => chart.querySelector('svg'));
  if ((!svgs.length && !anyCharts) || !svgs.every(svg => svg && svg.querySelector('.role-mark > *'))) return false;
  const before = window.__charts || [];
  const changed = !before.length || svgs.some((svg, i) => !before[i] || before[i][0] !== svg || before[i][1] !== svg.innerHTML.length);
  return changed ? performance.now() : false;
}"""
SETTLED = "(heading) => document.querySelector('h1')?.textContent === heading || !document.querySelector('[data-stale=\"true\"]')"
REMEMBER_CHARTS = "() => { window.__charts = [...document.querySelectorAll('.vega-embed svg')].map(svg => [svg, svg.innerHTML.length]); }"
# The time of the user's last press (the click on an option), and of the frame after the last change inside a chart,
# in the page's own clock. A chart's time is taken when it changed, not when the benchmark's poll (behind a websocket
# wait, a settle check and Playwright's round trips) next looked at it.
PRESS_CLOCK = """
document.addEventListener('pointerdown', () => { window.__pressed = performance.now(); }, true);
new MutationObserver(records => {
  const inChart = node => (node.nodeType === 1 ? node : node.parentElement)?.closest('.vega-embed');
  if (records.some(record => inChart(record.target))) requestAnimationFrame(() => { window.__chartChanged = performance.now(); });
}).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
"""


@contextmanager
def chromium():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def first_view(browser, url: str) -> tuple[float, float]:
    """Seconds from navigation (a fresh context: empty cache, new session) to the first chart drawn, and to every chart drawn."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.goto(url, wait_until="commit", timeout=TIMEOUT)
        first = page.wait_for_function(FIRST_CHART, polling="raf", timeout=TIMEOUT).json_value()
        done = page.wait_for_function(ALL_CHARTS, arg=[None, False], polling="raf", timeout=TIMEOUT).json_value()
        return first / 1000, done / 1000
    finally:
        context.close()


def first_view_profile(browser, url: str) -> tuple[float, Counter, dict]:
    """``first_view``'s first chart with the page's JavaScript sampled from navigation to that chart: seconds, (function,
    script) -> microseconds (idle included: the main thread waiting for the network or the server), and the seconds
    from navigation to the first and last script runs' websocket messages and to the last script file fetched."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        profiler = context.new_cdp_session(page)
        profiler.send("Profiler.enable")
        profiler.send("Profiler.setSamplingInterval", {"interval": 250})
        events: dict = {}
        started = time.perf_counter()

        def frame(payload) -> None:
            if isinstance(payload, bytes):
                kind = message_kind(payload)
                events.setdefault("first message", time.perf_counter() - started)
                if kind == "script_finished":
                    events.setdefault("script finished", time.perf_counter() - started)

        def response(answer) -> None:
            if answer.request.resource_type == "script":
                events["last script fetched"] = time.perf_counter() - started

        page.on("websocket", lambda ws: ws.on("framereceived", frame))
        page.on("response", response)
        profiler.send("Profiler.start")
        page.goto(url, wait_until="commit", timeout=TIMEOUT)
        first = page.wait_for_function(FIRST_CHART, polling="raf", timeout=TIMEOUT).json_value()
        samples = cpu_profile_times(profiler.send("Profiler.stop")["profile"])
        return first / 1000, samples, events
    finally:
        context.close()


def summarise_first_views(views: list[tuple[float, Counter, dict]], top: int = 12) -> str:
    """Per view, on average: the first chart, the main thread's busy and idle time until it, when the server's messages
    came and when the last script file arrived; then the busy time's shares per script and function."""
    count = len(views)
    times: Counter = Counter()
    for _, samples, _ in views:
        times.update(samples)
    idle = sum(t for (function, _), t in times.items() if function == "(idle)") / count / 1000
    busy = sum(t for (function, _), t in times.items() if function != "(idle)") / count / 1000
    events: dict[str, list[float]] = defaultdict(list)
    for _, _, seen in views:
        for name, seconds in seen.items():
            events[name].append(seconds)
    when = "; ".join(f"{name} {1000 * sum(values) / len(values):,.0f} ms" for name, values in sorted(events.items(), key=lambda item: sum(item[1]) / len(item[1])))
    head = [f"    {count} first views: first chart {1000 * sum(first for first, _, _ in views) / count:,.0f} ms after navigation; "
            f"main thread busy {busy:,.0f} ms, idle {idle:,.0f} ms (waiting for the network or the server)", f"    after navigation: {when}"]
    return "\n".join(head) + "\n" + summarise_cpu_profile(Counter({key: t / count for key, t in times.items()}), top).replace("press to drawn", "navigation to first chart, per view")


class Tab:
    """One open page of the app whose finished script runs are counted from its websocket frames."""

    def __init__(self, browser, url: str, profile: bool = False):
        self.context = browser.new_context(viewport=VIEWPORT)
        self.page = self.context.new_page()
        self.profiler = self.context.new_cdp_session(self.page) if profile else None
        self.samples: Counter = Counter()  # (function, script) -> microseconds of the page's JavaScript thread, press to drawn
        self.page.add_init_script(PRESS_CLOCK)
        self.finished = 0
        self.absorbed = 0  # choices the app ignored (made once more, as a user would)
        self.polled: list[float] = []  # seconds from the click to the poll that found the charts drawn (the measure before 2026-12-01)
        self.page.on("websocket", lambda ws: ws.on("framereceived", self._frame))
        self.page.goto(url, timeout=TIMEOUT)
        self.page.wait_for_function(ALL_CHARTS, arg=[None, False], polling="raf", timeout=TIMEOUT)

    def _frame(self, payload) -> None:
        if isinstance(payload, bytes) and message_kind(payload) == "script_finished":
            self.finished += 1

    def close(self) -> None:
        self.context.close()

    def choose(self, label: str, option: str, heading: str) -> float:
        """Choose ``option`` in the sidebar selectbox labelled ``label``; seconds from the click to the updated chart drawn."""

        def pick():
            self.page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has=self.page.get_by_text(label, exact=True)).click()
            self.page.keyboard.type(option)
            self._profile_from_here()
            self.page.get_by_role("option", name=option, exact=True).click()

        return self._timed(pick, option, heading)

    def switch(self, option: str, heading: str) -> float:
        """Click the sidebar option shown as ``option`` (e.g. the language "Русский"); seconds from the click to the page redrawn."""

        def pick():
            self._profile_from_here()
            self.sidebar_option(option).click()

        return self._timed(pick, option, heading)

    def _profile_from_here(self) -> None:
        """Start sampling the page's JavaScript (when profiling): from the press on, not while the option is typed."""
        if self.profiler:
            self.profiler.send("Profiler.enable")
            self.profiler.send("Profiler.setSamplingInterval", {"interval": 250})
            self.profiler.send("Profiler.start")

    def _profile_to_here(self) -> None:
        if self.profiler:
            self.samples.update(cpu_profile_times(self.profiler.send("Profiler.stop")["profile"]))

    def browser_profile(self) -> str:
        """Where the page's main thread spent the time from each press to its chart drawn, by script and function."""
        return summarise_cpu_profile(self.samples)

    def sidebar_option(self, text: str):
        return self.page.locator('[data-testid="stSidebar"]').get_by_text(text, exact=True)

    def _timed(self, pick, option: str, heading: str) -> float:
        for _ in range(2):
            self.page.evaluate(REMEMBER_CHARTS)
            runs = self.finished
            pick()
            wait_until(self.page, lambda: self.finished > runs)
            self.page.wait_for_function(SETTLED, arg=heading, polling="raf", timeout=TIMEOUT)
            self.page.wait_for_timeout(50)
            if self.page.locator("h1").first.text_content() == heading:
                polled = self.page.wait_for_function(ALL_CHARTS, arg=[heading, False], polling="raf", timeout=TIMEOUT).json_value()
                pressed, changed = self.page.evaluate("[window.__pressed, window.__chartChanged]")
                self.polled.append((polled - pressed) / 1000)
                self._profile_to_here()
                return ((changed if changed is not None and changed > pressed else polled) - pressed) / 1000
            self.absorbed += 1  # the run finished showing the old view: the app ignored the choice
            if self.profiler:
                self.profiler.send("Profiler.stop")  # that press's samples are not a choice's
        raise RuntimeError(f"choosing {option!r} did not show {heading!r}")


def cpu_profile_times(profile: dict) -> Counter:
    """(function, script file) -> microseconds sampled in it, from a Chrome DevTools CPU profile."""
    frames = {node["id"]: node["callFrame"] for node in profile["nodes"]}
    times: Counter = Counter()
    for node, delta in zip(profile["samples"], profile["timeDeltas"][1:] + [0]):
        frame = frames[node]
        times[frame["functionName"] or "(anonymous)", frame["url"].rsplit("/", 1)[-1] or "(browser)"] += delta
    return times


def summarise_cpu_profile(times: Counter, top: int = 15) -> str:
    """Shares of the busy time (idle left out) per script file and per function: (program) is the browser's own work
    (style, layout, paint), the file names are Streamlit's front-end chunks (react-dom, styled-components …; Vega is in embed)."""
    busy = {key: t for key, t in times.items() if key[0] != "(idle)"}
    total = sum(busy.values()) or 1
    scripts: Counter = Counter()
    for (_, script), t in busy.items():
        scripts[script] += t
    lines = [f"    {total / 1000:,.0f} ms busy on the page's main thread, press to drawn; share per script:"]
    lines += [f"    {100 * t / total:5.1f}%  {script}" for script, t in scripts.most_common(top)]
    lines.append("    per function (self time):")
    lines += [f"    {100 * t / total:5.1f}%  {function} ({script})" for (function, script), t in Counter(busy).most_common(top)]
    return "\n".join(lines) + "\n"


def wait_until(page, condition) -> None:
    """Let Playwright deliver events (websocket frames, CDP) until ``condition()`` holds."""
    deadline = time.monotonic() + TIMEOUT / 1000
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not finish a run in time")
        page.wait_for_timeout(10)


def message_kind(payload: bytes) -> str:
    msg = ForwardMsg()
    msg.ParseFromString(payload)
    kind = msg.WhichOneof("type")
    if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
        element = msg.delta.new_element
        kind = element.WhichOneof("type")
        if kind == "vega_lite_chart" and '"geoshape"' in element.vega_lite_chart.spec:
            return "map_altair"
        if kind == "component_instance" and "folium" in element.component_instance.component_name:
            return "map_folium"
    return kind


def weight(browser, url: str, interactive_map: bool = False) -> dict:
    """Bytes received for one page view in a fresh context: HTTP on the wire by resource type, websocket payloads by element."""
    context = browser.new_context(viewport=VIEWPORT)
    http, ws, kinds, served, shapes = defaultdict(int), defaultdict(int), {}, set(), {"bytes": 0}
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")

        def response(event):
            kinds[event["requestId"]] = event["type"]
            if SERVED_SHAPES in event["response"]["url"]:
                served.add(event["requestId"])

        def finished(event):
            http[kinds.get(event["requestId"], "Other")] += event["encodedDataLength"]
            if event["requestId"] in served:
                shapes["bytes"] += event["encodedDataLength"]

        def frame(event):
            binary = event["response"]["opcode"] == 2
            data = base64.b64decode(event["response"]["payloadData"]) if binary else event["response"]["payloadData"].encode()
            ws[message_kind(data) if binary else "text"] += len(data)

        cdp.on("Network.responseReceived", response)
        cdp.on("Network.loadingFinished", finished)
        cdp.on("Network.webSocketFrameReceived", frame)
        page.goto(url, timeout=TIMEOUT)
        wait_until(page, lambda: ws.get("script_finished"))
        page.wait_for_function(ALL_CHARTS, arg=[None, True], polling="raf", timeout=TIMEOUT)
        result = {}
        if interactive_map:
            page.get_by_role("radio", name="Interactive map").click()
            folium = page.frame_locator(FOLIUM_FRAME)
            folium.locator("path.leaflet-interactive").first.wait_for(state="attached", timeout=TIMEOUT)
            result["folium_document"] = folium.locator("html").evaluate("html => html.outerHTML.length")
        page.wait_for_timeout(1500)  # late requests (fonts, icons)
        result.update(http=dict(http), ws=dict(ws), shapes=shapes["bytes"])  # shapes: also in http, under their request type
        return result
    finally:
        context.close()


def choices(page: str, options: list[str], lang: str) -> list[tuple[str, str, str]]:
    """The interaction run's choices, one per option: (sidebar selectbox label, option label, expected <h1>), in ``lang``.

    ``options`` are region option labels ("Name (ID)") on the region page, years on the map page; each is
    chosen once, so every choice shows a view the session has not seen.
    """
    labels = pages.filter_labels(lang)
    if page == "region":
        return [(labels["region"], label, pages.region_title(label.rsplit(" (", 1)[0], lang)) for label in options]
    return [(labels["year"], year, pages.map_title(int(year), lang)) for year in options]
