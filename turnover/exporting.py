"""Server-side PNG/SVG export of a chart with its title, subtitle and source line (vl-convert, offline).

The bundled DejaVu Sans (static/fonts) renders Russian names the same on every machine.
"""

import json
from functools import cache

import vl_convert as vlc

from turnover.charts import Framed
from turnover.paths import REPO_ROOT

FONT = "DejaVu Sans"
EXPORT_WIDTH = 760


@cache
def _register_fonts() -> None:
    vlc.register_font_directory(str(REPO_ROOT / "static" / "fonts"))


def export_spec(framed: Framed) -> dict:
    """The chart's Vega-Lite spec with title and subtitle inside, a fixed width (a file has no container) and the bundled font."""
    spec = json.loads(json.dumps(framed.export_spec()).replace('"width": "container"', f'"width": {EXPORT_WIDTH}'))
    config = spec.setdefault("config", {})
    config["font"] = FONT
    config.setdefault("background", "white")
    return spec


def chart_png(framed: Framed, scale: float = 2.0) -> bytes:
    _register_fonts()
    return vlc.vegalite_to_png(export_spec(framed), scale=scale)


def chart_svg(framed: Framed) -> str:
    _register_fonts()
    return vlc.vegalite_to_svg(export_spec(framed))
