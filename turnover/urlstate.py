"""Filters (region, year, flow, briefing, language) read from and written to the page address, so a link reproduces a view.

A bad parameter never raises: it falls back to the default and yields a notice the page shows. Links are
parsed strictly and cheaply, whoever wrote them: every value is cut to ``MAX_PARAM`` characters before any
lookup, a year is ASCII digits only (``str.isdigit`` also accepts "²", which ``int`` refuses), and a notice
quotes at most ``QUOTED`` characters of what was given, with control characters escaped.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from turnover.aggregate import MAX_TOLERANCE
from turnover.extents import DEFAULT_EXTENT, EXTENT_DISTRICTS
from turnover.i18n import LANGUAGES
from turnover.regions import Registry, UnknownRegion
from turnover.texts import notices as words
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
MAP_PARAMS = ("bounds", "tolerance", "map", "extent")  # the map page's own parameters (MapOptions.as_params)


@dataclass(frozen=True)
class Filters:
    region: str
    year: int
    flow: str
    briefing: bool = False
    lang: str = LANGUAGES[0]

    def as_params(self) -> dict[str, str]:
        """Region, year and flow always; briefing and language only when not the default."""
        params = {"region": self.region, "year": str(self.year), "flow": self.flow}
        if self.briefing:
            params["briefing"] = "1"
        if self.lang != LANGUAGES[0]:
            params["lang"] = self.lang
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


def _choice(params: Mapping[str, str], name: str, default, read: Callable[[str], object], notice: Callable[[str], str], notices: list[str]):
    """The value of parameter ``name`` as ``read`` gives it (None: not usable), else ``default``; a bad value
    adds ``notice(quoted value)`` to ``notices``."""
    raw = param(params, name)
    if not raw:
        return default
    value = read(raw)
    if value is None:
        notices.append(notice(quoted(raw)))
        return default
    return value


def _one_of(choices) -> Callable[[str], str | None]:
    return lambda raw: raw if raw in choices else None


def parse_language(params: Mapping[str, str]) -> tuple[str, list[str]]:
    """The language of ``?lang=`` (English by default), with a notice, in English, when the value is not offered."""
    notices: list[str] = []
    default = LANGUAGES[0]
    lang = _choice(params, "lang", default, _one_of(LANGUAGES), lambda given: words.unknown_choice("lang", given, list(LANGUAGES), default, default), notices)
    return lang, notices


def parse_filters(params: Mapping[str, str], registry: Registry, regions: list[str], years: list[int], fallback_year: int) -> tuple[Filters, list[str]]:
    """Filters from query parameters, with a notice for each value that could not be used, in the link's language."""
    lang, notices = parse_language(params)
    region = DEFAULT_REGION if DEFAULT_REGION in regions else regions[0]
    raw_region = param(params, "region")
    if raw_region:
        try:
            resolved = registry.resolve(raw_region)
        except UnknownRegion as error:
            closest = [(registry.name(rid, lang), rid) for _name, rid in error.suggestions]
            notices.append(words.unknown_region(quoted(raw_region), registry.name(region, lang), closest, lang))
        else:
            if resolved in regions:
                region = resolved
            else:
                notices.append(words.region_without_figures(registry.name(resolved, lang), resolved, registry.name(region, lang), lang))

    def year_notice(given: str) -> str:
        return words.unknown_year(given, min(years), max(years), fallback_year, lang)

    year = _choice(params, "year", fallback_year, lambda raw: int(raw) if YEAR.fullmatch(raw) and int(raw) in years else None, year_notice, notices)
    flow = _choice(params, "flow", DEFAULT_FLOW, _one_of(FLOWS), lambda given: words.unknown_choice("flow", given, list(FLOWS), DEFAULT_FLOW, lang), notices)
    briefing = param(params, "briefing").lower() in ("1", "true", "yes")
    return Filters(region, year, flow, briefing, lang), notices


def parse_compare(params: Mapping[str, str], choices: list[str], lang: str = "en") -> tuple[list[str] | None, list[str]]:
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
    notices = [words.compare_link([quoted(r) for r in refused], dropped, MAX_COMPARED, lang)] if refused or dropped else []
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


def parse_map_options(params: Mapping[str, str], lang: str = "en") -> tuple[MapOptions, list[str]]:
    """The map page's options from query parameters, with a notice for each value that could not be used."""
    notices: list[str] = []
    default = MapOptions()
    bounds = _choice(params, "bounds", default.bounds, {"0": False, "1": True}.get, lambda given: words.unknown_bounds(given, lang), notices)
    tolerance = _choice(
        params, "tolerance", default.tolerance, lambda raw: int(raw) if DIGIT.fullmatch(raw) and int(raw) <= MAX_TOLERANCE else None,
        lambda given: words.unknown_tolerance(given, MAX_TOLERANCE, default.tolerance, lang), notices,
    )
    style = _choice(params, "map", default.style, _one_of(MAP_STYLES), lambda given: words.unknown_choice("map", given, list(MAP_STYLES), default.style, lang), notices)
    extent = _choice(params, "extent", default.extent, _one_of(EXTENT_DISTRICTS), lambda given: words.unknown_choice("extent", given, list(EXTENT_DISTRICTS), default.extent, lang), notices)
    return MapOptions(bounds, tolerance, style, extent), notices
