"""A light Streamlit client that speaks the websocket protocol (no browser), and the many-users load run.

One ``Session`` is one browser tab as the server sees it: it connects to ``/_stcore/stream``, sends a
``rerun_script`` BackMsg (query string, page, widget states) and reads ForwardMsgs until
``script_finished``. The sidebar widgets are found by label (``pages.filter_labels(lang)``, the app's own
texts, so this works in every language) in the deltas of the last run, so a filter change sends the same
widget state a browser sends: the widget's id and the chosen option's label.
"""

import asyncio
import random
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState, ContextInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect

from common import pct
from turnover.texts import pages

TIMEOUT = 60.0  # seconds for one run before it counts as an error
THINK = (1.0, 3.0)  # seconds a simulated user waits between two filter changes (uniform)


class RunError(RuntimeError):
    pass


def split_label(label: str) -> tuple[str, str]:
    """("Smolensk Oblast", "RU-SMO") from the Region option "Smolensk Oblast (RU-SMO)"."""
    name, rid = label.rsplit(" (", 1)
    return name, rid.rstrip(")")


QUERY_PARAM = {"region": lambda option: ("region", split_label(option)[1]), "year": lambda option: ("year", option)}


@dataclass
class Session:
    url: str  # http://host:port of the app or of the proxy
    page: str  # "" (map) or "region", "compare", "sources"
    cookie: str | None = None
    lang: str = "en"  # the language of the labels the widgets are found by; the query string carries ``lang=``
    widgets: dict = field(default_factory=dict)  # label -> Selectbox/Radio proto of the last run
    query: str = ""
    h1: str = ""
    page_hash: str = ""
    ws: object = None
    absorbed: int = 0  # choices the app ignored and that were made again

    async def open(self, query: str) -> float:
        headers = {"Cookie": self.cookie} if self.cookie else {}
        ws_url = self.url.replace("http://", "ws://") + "/_stcore/stream"
        self.ws = await connect(ws_url, subprotocols=["streamlit"], additional_headers=headers, max_size=None, compression=None, open_timeout=TIMEOUT)
        self.query = query
        return await self._rerun([])

    async def close(self) -> None:
        await self.ws.close()

    async def choose(self, key: str, option: str) -> list[float]:
        """Pick ``option`` in the sidebar filter ``key`` ("region" or "year"), as a browser does; the client-side seconds of each run.

        A choice the app ignores (its query string still shows the old value: see bench/README.md,
        "absorbed") is made once more, as a user would; ``absorbed`` counts those.
        """
        label = pages.filter_labels(self.lang)[key]
        widget = self.widgets[label]
        if option not in widget.options:
            raise RunError(f"{option!r} is not an option of {label}")
        param, value = QUERY_PARAM[key](option)
        times = [await self._rerun([WidgetState(id=widget.id, string_value=option)])]
        if filters_of(self.query).get(param) != value:
            self.absorbed += 1
            times.append(await self._rerun([WidgetState(id=self.widgets[label].id, string_value=option)]))
        return times

    def options(self, key: str) -> list[str]:
        return list(self.widgets[pages.filter_labels(self.lang)[key]].options)

    def selected(self, key: str) -> str:
        """The option the sidebar filter ``key`` shows after the last run."""
        widget = self.widgets[pages.filter_labels(self.lang)[key]]
        return widget.options[widget.default]

    async def _rerun(self, states: list[WidgetState]) -> float:
        state = ClientState(query_string=self.query, page_name=self.page if not self.page_hash else "", page_script_hash=self.page_hash)
        state.widget_states.widgets.extend(states)
        state.context_info.CopyFrom(ContextInfo(timezone="UTC", timezone_offset=0, locale="en-US", url=f"{self.url}/{self.page}", color_scheme="light"))
        started = time.perf_counter()
        await self.ws.send(BackMsg(rerun_script=state).SerializeToString())
        await asyncio.wait_for(self._read_run(), TIMEOUT)
        return time.perf_counter() - started

    async def _read_run(self) -> None:
        while True:
            data = await self.ws.recv()
            msg = ForwardMsg()
            msg.ParseFromString(data)
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self.widgets, self.h1 = {}, ""
            elif kind == "navigation":
                self.page_hash = msg.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                self._element(msg.delta.new_element)
            elif kind == "script_finished":
                if msg.script_finished not in (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
                    raise RunError(f"script finished with status {msg.script_finished}")
                return

    def _element(self, element) -> None:
        kind = element.WhichOneof("type")
        if kind in ("selectbox", "radio"):
            widget = getattr(element, kind)
            self.widgets[widget.label] = widget
        elif kind == "heading" and element.heading.tag == "h1" and not self.h1:
            self.h1 = element.heading.body
        elif kind == "exception":
            raise RunError(f"exception in the app: {element.exception.type}: {element.exception.message}")


def filters_of(query: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(query).items()}


@dataclass
class Load:
    """What the simulated users saw: client-side run times, errors, and views showing another session's filters."""

    seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    foreign: int = 0  # runs whose query string or heading was not this session's own choice
    foreign_views: list = field(default_factory=list)  # the first few: (chosen region, year, query string, heading)
    absorbed: int = 0
    cpu: float = 0.0  # CPU seconds the client itself used (all sessions run in one thread)

    def p95(self) -> float:
        return pct(self.seconds, 95)


async def simulated_user(number: int, url: str, choices: tuple[list[str], list[str]], deadline: float, load: Load, rng: random.Random, cookie: str | None) -> None:
    """One user: opens the map or a region profile from a link with its own filters, then changes region or year until ``deadline``."""
    regions, years = choices
    session = Session(url, "region" if number % 2 else "", cookie)
    region, year = regions[number % len(regions)], years[number % min(len(years), 8)]
    try:
        await asyncio.sleep(rng.uniform(0, THINK[1]))  # users arrive spread over a few seconds
        load.seconds.append(await session.open(f"region={split_label(region)[1]}&year={year}&flow=turnover"))
        check_own_view(session, region, year, load)
        while True:
            await asyncio.sleep(rng.uniform(*THINK))
            if time.monotonic() >= deadline:
                break
            if rng.random() < 0.5:
                region = rng.choice(regions)
                load.seconds += await session.choose("region", region)
            else:
                year = rng.choice(years)
                load.seconds += await session.choose("year", year)
            check_own_view(session, region, year, load)
    except Exception as error:  # a timeout, a closed connection, an exception in the app: an error the user sees
        load.errors.append(f"user {number}: {type(error).__name__}: {error}")
    finally:
        load.absorbed += session.absorbed
        if session.ws is not None:
            await session.ws.close()


def check_own_view(session: Session, region: str, year: str, load: Load) -> None:
    """The page came back with this session's own filters: in its query string and in its heading."""
    name, rid = split_label(region)
    shown = filters_of(session.query)
    drawn = re.sub(r"\\(.)", r"\1", session.h1)  # the page writes data's text escaped for Markdown (app/widgets.plain): "Sakha Republic \(Yakutia\)"
    heading = drawn == (pages.region_title(name, session.lang) if session.page == "region" else pages.map_title(int(year), session.lang))
    if shown.get("region") != rid or shown.get("year") != year or not heading:
        load.foreign += 1
        if len(load.foreign_views) < 5:
            load.foreign_views.append((rid, year, session.query, session.h1))


async def sidebar_choices(url: str, lang: str = "en") -> tuple[list[str], list[str]]:
    """The Russian regions and the years offered in the sidebar (labels in ``lang``)."""
    session = Session(url, "", lang=lang)
    await session.open(f"lang={lang}")
    await session.close()
    return [label for label in session.options("region") if "(RU-" in label], session.options("year")


async def default_view(url: str) -> tuple[str, str]:
    """The region id and the year a visitor without filters in the link is shown."""
    session = Session(url, "")
    await session.open("")
    await session.close()
    return split_label(session.selected("region"))[1], session.selected("year")


async def held_sessions(url: str, levels: list[int], measure) -> None:
    """Open sessions and keep them open: at each of ``levels`` (total open sessions), ``measure(open_count)``.

    Each session opens a map or region page on a view from a short list, so the app's view caches fill
    with the first sessions and the growth between levels is what a session itself holds.
    """
    regions, years = await sidebar_choices(url)
    sessions = []
    try:
        for level in levels:
            while len(sessions) < level:
                n = len(sessions)
                session = Session(url, "region" if n % 2 else "")
                sessions.append(session)
                await session.open(f"region={split_label(regions[n % 3])[1]}&year={years[n % 3]}")
            measure(len(sessions))
    finally:
        for session in sessions:
            if session.ws is not None:
                await session.ws.close()


async def _many_users(url: str, users: int, seconds: float, seed: int, cookies: bool) -> Load:
    load = Load()
    cpu = time.thread_time()
    choices = await sidebar_choices(url)
    deadline = time.monotonic() + seconds
    await asyncio.gather(
        *(simulated_user(n, url, choices, deadline, load, random.Random(seed * 1000 + n), f"turnover_backend=bench-{seed}-{n}" if cookies else None) for n in range(users))
    )
    load.cpu = time.thread_time() - cpu
    return load


def run_async(coroutine):
    """``asyncio.run`` in a thread of its own: Playwright's sync API keeps an event loop running in the main thread."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def many_users(url: str, users: int, seconds: float, seed: int = 1, cookies: bool = False) -> Load:
    """``users`` concurrent sessions changing filters for ``seconds`` (each with its own sticky cookie when ``cookies``)."""
    return run_async(_many_users(url, users, seconds, seed, cookies))
