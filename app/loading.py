"""Cached loading: the data set and the boundary files, reloaded when a file changes (the data set on a new day too)."""

import datetime as dt
import gc
import hashlib
import threading
from pathlib import Path

import streamlit as st

from turnover import paths
from turnover.boundaries import BoundaryError, load_boundaries
from turnover.dataset import Dataset, load_dataset


def _signature(*folders: Path) -> str:
    """Today's date and a digest of the input files' paths and modification times: a saved figure reloads the data
    without a restart, and so does a new day (a figure refused while its period had not ended is shown once it has).

    A short text, not the tuple of stamps: every cached call of a run hashes it (0.2 ms for the tuple, 15 calls a run)."""
    stamps: list = [dt.date.today().isoformat()]
    for folder in folders:
        for path in sorted([*folder.glob("*.csv"), *folder.glob("*.geojson")]):
            try:
                stamps.append((str(path), path.stat().st_mtime_ns))
            except FileNotFoundError:  # replaced at this very moment by an atomic write: the next run sees it
                continue
    return f"{stamps[0]}:{hashlib.blake2b(repr(stamps[1:]).encode(), digest_size=16).hexdigest()}"


_this_run = threading.local()  # the signature read at the start of the script run on this thread (``start_run``)


def start_run() -> None:
    """Read the input files' signature for this script run (dashboard.py, first thing): every view of the run keys on
    it, and each look costs a directory listing and a stat per file (four to six views a run, each a system call that
    hands the interpreter lock to the server's event loop). A file saved during the run is seen by the next one."""
    data_dir, geo_dir = paths.data_dir(), paths.geo_dir()
    _this_run.signature = (data_dir, geo_dir, _signature(data_dir, geo_dir))


def _run_signature(data_dir: Path, geo_dir: Path) -> str:
    """This run's signature, or one read now (outside a script run, or for other folders)."""
    held = getattr(_this_run, "signature", None)
    if held is not None and held[:2] == (data_dir, geo_dir):
        return held[2]
    return _signature(data_dir, geo_dir)


@st.cache_resource(show_spinner=False, max_entries=4)
def _cached_dataset(*, data_dir: str, geo_dir: str, signature: str) -> Dataset:
    gc.unfreeze()  # a data set loaded before (files changed, a new day) is let go of: its cycles are collectable again
    data = load_dataset(Path(data_dir), Path(geo_dir))
    gc.collect()
    gc.freeze()  # the data set lives until the files change: full collections (150 ms at a million figures) skip it
    return data


def dataset(lang: str = "en") -> Dataset:
    return loaded(lang)[0]


def loaded(lang: str = "en") -> tuple[Dataset, str]:
    """The data set with its display words in ``lang`` and the signature of the files it came from (the key of
    every cached view; a view that holds words keys on the language too)."""
    data_dir, geo_dir = paths.data_dir(), paths.geo_dir()
    signature = _run_signature(data_dir, geo_dir)
    return _cached_dataset(data_dir=str(data_dir), geo_dir=str(geo_dir), signature=signature).in_language(lang), signature


@st.cache_resource(show_spinner=False, max_entries=2)
def _cached_boundaries(*, path: str, signature: tuple) -> dict | BoundaryError:
    try:
        return load_boundaries(Path(path))
    except BoundaryError as error:
        return error


def boundaries(name: str) -> dict:
    """A boundary GeoJSON from geo/; raises BoundaryError (shown by the map page) when missing or broken."""
    path = paths.geo_dir() / name
    signature = (path.stat().st_mtime_ns,) if path.exists() else ()
    loaded = _cached_boundaries(path=str(path), signature=signature)
    if isinstance(loaded, BoundaryError):
        raise loaded
    return loaded
