"""Filters (region, year, flow, briefing) read from and written to the page address, so a link reproduces a view.

A bad parameter never raises: it falls back to the default and yields a notice the page shows. Links are
parsed strictly and cheaply, whoever wrote them: every value is cut to ``MAX_PARAM`` characters before any
lookup, a year is ASCII digits only (``str.isdigit`` also accepts "²", which ``int`` refuses), and a notice
quotes at most ``QUOTED`` characters of what was given, with control characters escaped.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from turnover.aggregate import MAX_TOLERANCE
from turnover.extents import DEFAULT_EXTENT, EXTENT_DISTRICTS
from turnover.regions import Registry, UnknownRegion
from turnover.texts.pages import compare_link_notice
from turnover.vocabulary import FLOWS

DEFAULT_REGION = "RU-SMO"
DEFAULT_FLOW = "turnover"
MAX_PARAM = 200  # characters of a query value read at all; no region name, year or flow is near this long
QUOTED = 40  # characters of a bad value a notice repeats
YEAR = re.compile(r"[0-9]{1,4}")  # ASCII digits only
REGION_ID = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")  # an ISO 3166-2 subdivision code, ASCII only
MAX_COMPARED = 8  # regions on the compare chart: one Okabe–Ito colour each
DIGIT = re.compile(r"[0-9]")  # one ASCII digit: a tolerance in years
MAP_STYLES = ("static", "interactive")


@dataclass(frozen=True)
class Filters:
    region: str
    year: int
    flow: str
    briefing: bool = False

    def as_params(self) -> dict[str, str]:
        params = {"region": self.region, "year": str(self.year), "flow": self.flow}
        if self.briefing:
            params["briefing"] = "1"
        return params


def default_year(years_with_figures: Mapping[int, int]) -> int:
    """The latest year for which at least a quarter of the best-covered year's regions have a figure."""
    best = max(years_with_figures.values())
    return max(year for year, count in years_with_figures.items() if count * 4 >= best)


def quoted(value: str) -> str:
    """A short, escaped quotation of a value from a link: at most ``QUOTED`` characters, control characters
    and invisible formatting characters shown as escapes, an ellipsis when cut."""
    shown = repr(value[:QUOTED])
    return shown + "…" if len(value) > QUOTED else shown


def param(params: Mapping[str, str], name: str) -> str:
    """One query value, cut to ``MAX_PARAM`` characters and stripped (a repeated key gives its last value)."""
    value = params.get(name, "")
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else ""
    return str(value)[:MAX_PARAM].strip()


def parse_filters(params: Mapping[str, str], registry: Registry, regions: list[str], years: list[int], fallback_year: int) -> tuple[Filters, list[str]]:
    """Filters from query parameters, with a notice for each value that could not be used."""
    notices = []
    region = DEFAULT_REGION if DEFAULT_REGION in regions else regions[0]
    raw_region = param(params, "region")
    if raw_region:
        try:
            resolved = registry.resolve(raw_region)
        except UnknownRegion as error:
            hint = ", ".join(f"{name} ({rid})" for name, rid in error.suggestions)
            notices.append(f"Unknown region {quoted(raw_region)} in the link; showing {registry.name(region)}. Closest known: {hint}.")
        else:
            if resolved in regions:
                region = resolved
            else:
                notices.append(f"No figures for {registry.name(resolved)} ({resolved}); showing {registry.name(region)}.")

    year = fallback_year
    raw_year = param(params, "year")
    if raw_year:
        if YEAR.fullmatch(raw_year) and int(raw_year) in years:
            year = int(raw_year)
        else:
            notices.append(f"No figures for year {quoted(raw_year)} (data covers {min(years)}–{max(years)}); showing {year}.")

    flow = DEFAULT_FLOW
    raw_flow = param(params, "flow")
    if raw_flow:
        if raw_flow in FLOWS:
            flow = raw_flow
        else:
            notices.append(f"Unknown flow {quoted(raw_flow)}; expected one of {', '.join(FLOWS)}; showing {flow}.")

    briefing = param(params, "briefing").lower() in ("1", "true", "yes")
    return Filters(region, year, flow, briefing), notices


def parse_compare(params: Mapping[str, str], choices: list[str]) -> tuple[list[str] | None, list[str]]:
    """The regions of ``?compare=RU-SMO,RU-MOW`` (None when the link has none), in the link's order, without
    repeats, at most ``MAX_COMPARED``; ids that are malformed or have no figures are left out with a notice."""
    raw = param(params, "compare")
    if not raw:
        return None, []
    picked, refused = [], []
    for part in raw.split(","):
        region = part.strip()
        if region and REGION_ID.fullmatch(region) and region in choices:
            if region not in picked:
                picked.append(region)
        elif region:
            refused.append(region)
    dropped = picked[MAX_COMPARED:]
    notices = [compare_link_notice([quoted(r) for r in refused], dropped, MAX_COMPARED)] if refused or dropped else []
    return picked[:MAX_COMPARED], notices


@dataclass(frozen=True)
class MapOptions:
    """The map page's own controls: partial years as lower bounds, earlier years' tolerance, map style, extent."""

    bounds: bool = True
    tolerance: int = 0
    style: str = MAP_STYLES[0]
    extent: str = DEFAULT_EXTENT

    def as_params(self) -> dict[str, str]:
        """Only what differs from the defaults, so a plain link stays short."""
        default, params = MapOptions(), {}
        if self.bounds != default.bounds:
            params["bounds"] = "1" if self.bounds else "0"
        if self.tolerance != default.tolerance:
            params["tolerance"] = str(self.tolerance)
        if self.style != default.style:
            params["map"] = self.style
        if self.extent != default.extent:
            params["extent"] = self.extent
        return params


def parse_map_options(params: Mapping[str, str]) -> tuple[MapOptions, list[str]]:
    """The map page's options from query parameters, with a notice for each value that could not be used."""
    notices, default = [], MapOptions()
    bounds = default.bounds
    raw = param(params, "bounds")
    if raw:
        if raw in ("0", "1"):
            bounds = raw == "1"
        else:
            notices.append(f"Unknown bounds {quoted(raw)}; expected 0 or 1; showing partial years as lower bounds.")
    tolerance = default.tolerance
    raw = param(params, "tolerance")
    if raw:
        if DIGIT.fullmatch(raw) and int(raw) <= MAX_TOLERANCE:
            tolerance = int(raw)
        else:
            notices.append(f"Unknown tolerance {quoted(raw)}; expected 0 to {MAX_TOLERANCE} years; showing {tolerance}.")
    style = default.style
    raw = param(params, "map")
    if raw:
        if raw in MAP_STYLES:
            style = raw
        else:
            notices.append(f"Unknown map {quoted(raw)}; expected one of {', '.join(MAP_STYLES)}; showing {style}.")
    extent = default.extent
    raw = param(params, "extent")
    if raw:
        if raw in EXTENT_DISTRICTS:
            extent = raw
        else:
            notices.append(f"Unknown extent {quoted(raw)}; expected one of {', '.join(EXTENT_DISTRICTS)}; showing {extent}.")
    return MapOptions(bounds, tolerance, style, extent), notices
