"""The map page's controls (lower bounds, earlier years, map style, extent), kept in the page address.

They are read from the address on the map's first run in a session and then kept in the session, so the
map style and the rest survive a visit to a region's profile (whose address does not carry them). Every
map run writes them back to the address (only those that differ from the defaults).
"""

import streamlit as st

from app import loading
from turnover.aggregate import MAX_TOLERANCE
from turnover.extents import EXTENT_DISTRICTS, Extent, named_extent
from turnover.texts import pages
from turnover.urlstate import MAP_PARAMS, MAP_STYLES, MapOptions, param, parse_map_options

BOUNDARIES = "regions-overview.geojson"  # both maps draw the coarser copy (geo/SOURCES.md)
KEY = "map_options"
NOTICES = "map_notices"
WIDGETS = {"bounds": "map_bounds", "tolerance": "map_tolerance", "style": "map_style", "extent": "map_extent"}


def chosen() -> MapOptions:
    """The options from the address on the session's first map run, else the session's."""
    state = st.session_state
    if KEY not in state:
        params = st.query_params.to_dict()
        state[KEY] = parse_map_options(params)[0]
        state[NOTICES] = (state[KEY], {name: param(params, name) for name in MAP_PARAMS})
    return state[KEY]


def notices(options: MapOptions, lang: str) -> list[str]:
    """Notices about bad map parameters in ``lang``, while the options are still the ones the link gave
    (the link's map parameters are kept, so a switch of language rewords the notices)."""
    explained, given = st.session_state.get(NOTICES, (None, {}))
    return parse_map_options(given, lang)[1] if options == explained else []


def controls(options: MapOptions, lang: str) -> MapOptions:
    """The style switch and the options' widgets, seeded from ``options``; the options they give."""
    state = st.session_state
    for field, key in WIDGETS.items():
        if key not in state:
            state[key] = getattr(options, field)
    label, helps, styles, extents = pages.map_control_labels(lang), pages.map_control_help(lang), pages.map_styles(lang), pages.extent_names(lang)
    style = st.segmented_control(pages.map_style_label(lang), list(MAP_STYLES), key=WIDGETS["style"], format_func=styles.get, label_visibility="collapsed", help=pages.map_style_help(lang))
    left, middle, right = st.columns(3)
    extent = left.selectbox(label["extent"], list(EXTENT_DISTRICTS), key=WIDGETS["extent"], format_func=extents.get, help=helps["extent"])
    tolerance = middle.number_input(label["tolerance"], 0, MAX_TOLERANCE, step=1, key=WIDGETS["tolerance"], help=helps["tolerance"])
    bounds = right.toggle(label["bounds"], key=WIDGETS["bounds"], help=helps["bounds"])
    return MapOptions(bool(bounds), int(tolerance), style or options.style, extent)


def keep(options: MapOptions) -> None:
    """Remember the options for the session and add them to the address the filters wrote."""
    st.session_state[KEY] = options
    st.query_params.update(options.as_params())


def extent(collection_name: str, collection: dict, name: str) -> Extent:
    """A named extent of a boundary file (up to a second to compute), cached per file and name."""
    data, signature = loading.loaded()
    return _extent(_regions=data.registry.table, _collection=collection, collection_name=collection_name, signature=signature, name=name)


@st.cache_resource(max_entries=16, show_spinner=False)
def _extent(*, _regions, _collection: dict, collection_name: str, signature: str, name: str) -> Extent:
    return named_extent(_regions, _collection, name)
