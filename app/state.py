"""Cached data, the shared filters (sidebar widgets kept in the URL) and briefing mode.

The filters are read from the address once per browser session, then the sidebar widgets own them and
every run writes them back to the address, so a copied link always reproduces the view.
"""

from pathlib import Path

import streamlit as st

from turnover import paths
from turnover.aggregate import years_with_data
from turnover.boundaries import BoundaryError, load_boundaries
from turnover.dataset import Dataset, load_dataset
from turnover.urlstate import Filters, default_year, parse_filters
from turnover.vocabulary import FLOW_LABELS, FLOWS


def _signature(*folders: Path) -> tuple:
    """Modification times of the input files: a saved figure reloads the data without a restart."""
    return tuple((str(f), f.stat().st_mtime_ns) for folder in folders for f in sorted(folder.glob("*")) if f.is_file())


@st.cache_resource(show_spinner=False, max_entries=4)
def _cached_dataset(data_dir: str, geo_dir: str, signature: tuple) -> Dataset:
    return load_dataset(Path(data_dir), Path(geo_dir))


def dataset() -> Dataset:
    data_dir, geo_dir = paths.data_dir(), paths.geo_dir()
    return _cached_dataset(str(data_dir), str(geo_dir), _signature(data_dir, geo_dir))


@st.cache_resource(show_spinner=False, max_entries=2)
def _cached_boundaries(path: str, signature: tuple) -> dict | BoundaryError:
    try:
        return load_boundaries(Path(path))
    except BoundaryError as error:
        return error


def boundaries() -> dict:
    """The boundary GeoJSON; raises BoundaryError (shown by the map page) when missing or broken."""
    path = paths.geo_dir() / "regions.geojson"
    signature = (path.stat().st_mtime_ns,) if path.exists() else ()
    loaded = _cached_boundaries(str(path), signature)
    if isinstance(loaded, BoundaryError):
        raise loaded
    return loaded


def sidebar_filters(data: Dataset) -> tuple[Filters, list[str]]:
    """Region, year and flow in the sidebar, seeded from the URL on the session's first run."""
    figures = data.figures
    regions = sorted(figures["region"].unique(), key=data.registry.name)
    counts = figures[figures["full_year"] & figures["region"].str.startswith("RU-")].groupby("year")["region"].nunique().to_dict()
    years = sorted(set(years_with_data(figures)) | set(counts), reverse=True)
    state = st.session_state
    if "filters_seeded" not in state:
        parsed, notices = parse_filters(st.query_params.to_dict(), data.registry, regions, years, default_year(counts or {years[0]: 1}))
        state.update(region=parsed.region, year=parsed.year, flow=parsed.flow, briefing=parsed.briefing, notices=notices, filters_seeded=True)
    if "pending_region" in state:  # a click on the map asked for this region before the widgets existed
        state.region = state.pop("pending_region")
    with st.sidebar:
        st.selectbox("Region", regions, key="region", format_func=lambda rid: f"{data.registry.name(rid)} ({rid})")
        st.selectbox("Year", years, key="year")
        st.radio("Flow", FLOWS, key="flow", format_func=lambda flow: FLOW_LABELS[flow], horizontal=False)
        st.toggle("Briefing view", key="briefing", help="Hides the sidebar and menus for a clean screenshot; the link keeps ?briefing=1.")
    filters = Filters(state.region, int(state.year), state.flow, bool(state.briefing))
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
    if st.session_state.get("briefing"):
        st.button("Leave briefing view", key="leave_briefing", on_click=lambda: st.session_state.update(briefing=False), type="tertiary")


def current_filters() -> Filters:
    state = st.session_state
    return Filters(state.region, int(state.year), state.flow, bool(state.briefing))
