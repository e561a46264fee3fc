"""Where the shipped data and boundaries live (overridable for tests and other deployments)."""

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def data_dir() -> Path:
    """The curated CSVs: ``$TURNOVER_DATA_DIR`` or ``data/`` in the repository."""
    return Path(os.environ.get("TURNOVER_DATA_DIR", REPO_ROOT / "data"))


def geo_dir() -> Path:
    """The region registry and boundaries: ``$TURNOVER_GEO_DIR`` or ``geo/`` in the repository."""
    return Path(os.environ.get("TURNOVER_GEO_DIR", REPO_ROOT / "geo"))


def curation_enabled() -> bool:
    """Curation mode (the /curate page that writes to data/) is off unless ``TURNOVER_CURATION=1``."""
    return os.environ.get("TURNOVER_CURATION", "").strip().lower() in ("1", "true", "yes", "on")
