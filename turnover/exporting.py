"""Server-side PNG/SVG export of a chart with its title, subtitle and source line (vl-convert, offline).

The bundled DejaVu Sans (static/fonts) renders Russian names the same on every machine. Besides the
chart as it is downloaded, a slide takes the bare chart (its words set as slide text) as a sharp
picture, and a 1920 × 1080 PNG fills a 16:9 slide.
"""

import io
import json
import math
import re
import unicodedata
from functools import cache

import vl_convert as vlc
from PIL import Image

from turnover.charts import Framed
from turnover.labels import PLOT_WIDTH
from turnover.paths import REPO_ROOT

FONT = "DejaVu Sans"
EXPORT_WIDTH = PLOT_WIDTH  # the labels are placed for this width
SLIDE_PIXELS = (1920, 1080)


def file_slug(text: str, limit: int = 80) -> str:
    """A download's file name stem in the page's language: ``Смоленская область`` → ``смоленская-область``.

    Letters and digits of any script are kept (a Russian export keeps its Russian words); every run of
    other characters, dashes of any kind included, becomes one hyphen."""
    words = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[\W_]+", "-", words).strip("-")[:limit].strip("-") or "chart"


@cache
def _register_fonts() -> None:
    vlc.register_font_directory(str(REPO_ROOT / "static" / "fonts"))


def export_spec(framed: Framed) -> dict:
    """The chart's Vega-Lite spec with title and subtitle inside, a fixed width (a file has no container) and the bundled font."""
    return _for_file(framed.export_spec())


def picture_spec(framed: Framed) -> dict:
    """The chart alone, for a slide that sets its title, subtitle and source line as text: no words above or below it."""
    spec = dict(framed.spec())
    spec.pop("title", None)
    return _for_file(spec)


def _for_file(spec: dict) -> dict:
    spec = json.loads(json.dumps(spec).replace('"width": "container"', f'"width": {EXPORT_WIDTH}'))
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


def picture_png(framed: Framed, min_width: int = SLIDE_PIXELS[0]) -> bytes:
    """The bare chart (``picture_spec``) as a PNG at least ``min_width`` px wide: sharp on a projected slide."""
    _register_fonts()
    spec = picture_spec(framed)
    width, _ = _svg_size(vlc.vegalite_to_svg(spec))
    return vlc.vegalite_to_png(spec, scale=math.ceil(min_width / width * 100) / 100)


def slide_png(framed: Framed, size: tuple[int, int] = SLIDE_PIXELS) -> bytes:
    """The chart with title, subtitle and source line, as large as fits, centred on a white ``size`` PNG (16:9 by default)."""
    _register_fonts()
    spec = export_spec(framed)
    width, height = _svg_size(vlc.vegalite_to_svg(spec))
    scale = math.floor(min(size[0] / width, size[1] / height) * 100) / 100
    chart = Image.open(io.BytesIO(vlc.vegalite_to_png(spec, scale=scale))).convert("RGB")
    chart.thumbnail(size)  # a rounding pixel too many is trimmed by resampling, never cut off
    canvas = Image.new("RGB", size, "white")
    canvas.paste(chart, ((size[0] - chart.width) // 2, (size[1] - chart.height) // 2))
    out = io.BytesIO()
    canvas.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _svg_size(svg: str) -> tuple[float, float]:
    found = re.search(r'<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"', svg)
    return float(found.group(1)), float(found.group(2))
