"""Cached data, the shared filters (sidebar widgets kept in the URL) and briefing mode.

The filters are read from the address once per browser session, then the sidebar widgets own them and
every run writes them back to the address, so a copied link always reproduces the view.
"""

from pathlib import Path

import streamlit as st

from turnover import paths
from turnover.boundaries import BoundaryError, load_boundaries
from turnover.dataset import Dataset, load_dataset
from turnover.urlstate import Filters, default_year, parse_filters
from turnover.vocabulary import FLOW_LABELS, FLOWS


def _signature(*folders: Path) -> tuple:
    """Modification times of the input files: a saved figure reloads the data without a restart."""
    stamps = []
    for folder in folders:
        for path in sorted([*folder.glob("*.csv"), *folder.glob("*.geojson")]):
            try:
                stamps.append((str(path), path.stat().st_mtime_ns))
            except FileNotFoundError:  # replaced at this very moment by an atomic write: the next run sees it
                continue
    return tuple(stamps)


@st.cache_resource(show_spinner=False, max_entries=4)
def _cached_dataset(data_dir: str, geo_dir: str, signature: tuple) -> Dataset:
    return load_dataset(Path(data_dir), Path(geo_dir))


def dataset() -> Dataset:
    return loaded()[0]


def loaded() -> tuple[Dataset, tuple]:
    """The data set and the signature of the files it came from (the key of every cached view)."""
    data_dir, geo_dir = paths.data_dir(), paths.geo_dir()
    signature = _signature(data_dir, geo_dir)
    return _cached_dataset(str(data_dir), str(geo_dir), signature), signature


@st.cache_resource(show_spinner=False, max_entries=2)
def _cached_boundaries(path: str, signature: tuple) -> dict | BoundaryError:
    try:
        return load_boundaries(Path(path))
    except BoundaryError as error:
        return error


def boundaries(name: str) -> dict:
    """A boundary GeoJSON from geo/; raises BoundaryError (shown by the map page) when missing or broken."""
    path = paths.geo_dir() / name
    signature = (path.stat().st_mtime_ns,) if path.exists() else ()
    loaded = _cached_boundaries(str(path), signature)
    if isinstance(loaded, BoundaryError):
        raise loaded
    return loaded


def sidebar_filters(data: Dataset) -> tuple[Filters, list[str]]:
    """Region, year and flow in the sidebar, seeded from the URL on the session's first run."""
    regions, years, counts = data.regions, data.years, data.subjects_per_year
    state = st.session_state
    if "chosen_filters" not in state:  # the session's first run: the address decides
        parsed, notices = parse_filters(st.query_params.to_dict(), data.registry, regions, years, default_year(counts or {years[0]: 1}))
        state.chosen_filters = parsed
        state.notices = notices
    chosen = state.chosen_filters
    if "pending_region" in state:  # a click on the map chose this region: set before the widget is drawn
        state.region = state.pop("pending_region")
    # Keyed widgets keep one identity whatever their options (Streamlit 1.67), so a quick second choice
    # is never lost; the index only seeds a widget the session has not drawn yet. Their values are not
    # written through session state on the first run (a fresh server then reset them to the first option).
    with st.sidebar:
        region = st.selectbox("Region", regions, index=_position(regions, chosen.region), key="region", format_func=lambda rid: f"{data.registry.name(rid)} ({rid})")
        year = st.selectbox("Year", years, index=_position(years, chosen.year), key="year")
        flow = st.radio("Flow", FLOWS, index=_position(list(FLOWS), chosen.flow), key="flow", format_func=lambda flow: FLOW_LABELS[flow])
        briefing = st.toggle("Briefing view", value=chosen.briefing, key="briefing", help="Hides the sidebar and menus for a clean screenshot; the link keeps ?briefing=1.")
    filters = Filters(region, int(year), flow, bool(briefing))
    state.chosen_filters = filters
    st.query_params.from_dict(filters.as_params())
    return filters, state.notices


BRIEFING_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stElementToolbar"] {display: none !important;}
.block-container {padding-top: 1.5rem !important;}
</style>
"""


def apply_briefing_mode(filters: Filters) -> None:
    """In briefing view, hide every widget and menu (fixed CSS, no data in it) and offer a way back."""
    if not filters.briefing:
        return
    st.markdown(BRIEFING_CSS, unsafe_allow_html=True)


def leave_briefing_button() -> None:
    if current_filters().briefing:
        st.button("Leave briefing view", key="leave_briefing", on_click=_leave_briefing, type="tertiary")


def _leave_briefing() -> None:
    st.session_state.briefing = False


def current_filters() -> Filters:
    return st.session_state.chosen_filters


def _position(options: list, value) -> int:
    return options.index(value) if value in options else 0
