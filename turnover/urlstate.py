"""Filters (region, year, flow, briefing) read from and written to the page address, so a link reproduces a view.

A bad parameter never raises: it falls back to the default and yields a notice the page shows.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from turnover.regions import Registry, UnknownRegion
from turnover.vocabulary import FLOWS

DEFAULT_REGION = "RU-SMO"
DEFAULT_FLOW = "turnover"


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


def parse_filters(params: Mapping[str, str], registry: Registry, regions: list[str], years: list[int], fallback_year: int) -> tuple[Filters, list[str]]:
    """Filters from query parameters, with a notice for each value that could not be used."""
    notices = []
    region = DEFAULT_REGION if DEFAULT_REGION in regions else regions[0]
    raw_region = params.get("region", "").strip()
    if raw_region:
        try:
            resolved = registry.resolve(raw_region)
        except UnknownRegion as error:
            hint = ", ".join(f"{name} ({rid})" for name, rid in error.suggestions)
            notices.append(f"Unknown region {raw_region!r} in the link; showing {registry.name(region)}. Closest known: {hint}.")
        else:
            if resolved in regions:
                region = resolved
            else:
                notices.append(f"No figures for {registry.name(resolved)} ({resolved}); showing {registry.name(region)}.")

    year = fallback_year
    raw_year = params.get("year", "").strip()
    if raw_year:
        if raw_year.isdigit() and int(raw_year) in years:
            year = int(raw_year)
        else:
            notices.append(f"No figures for year {raw_year!r} (data covers {min(years)}–{max(years)}); showing {year}.")

    flow = DEFAULT_FLOW
    raw_flow = params.get("flow", "").strip()
    if raw_flow:
        if raw_flow in FLOWS:
            flow = raw_flow
        else:
            notices.append(f"Unknown flow {raw_flow!r}; expected one of {', '.join(FLOWS)}; showing {flow}.")

    briefing = params.get("briefing", "").strip().lower() in ("1", "true", "yes")
    return Filters(region, year, flow, briefing), notices
