"""Where things are drawn in an exported SVG: every text's box, the data points, lines and spans, in absolute pixels.

Text boxes are measured in the bundled DejaVu Sans (the font the export uses): the advance width of the
string, from 0.8 em above the baseline to 0.24 em below it.
"""

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache

import numpy as np
from PIL import ImageFont

from turnover.paths import REPO_ROOT

SVG = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True)
class Text:
    text: str
    box: tuple[float, float, float, float]  # left, top, right, bottom
    role: str  # the class of its mark group: role-mark for data labels, role-axis-label, role-title-text, ...


@dataclass
class Drawing:
    width: float
    height: float
    texts: list[Text]
    points: list[tuple[float, float]]  # data point centres
    lines: list[list[tuple[float, float]]]  # polylines of line marks and rules (spans)
    plots: list[tuple[float, float, float, float]]  # every plotting area's frame (left, top, right, bottom)


@cache
def _font(size: float, bold: bool) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(REPO_ROOT / "static" / "fonts" / name), size)


def _matrix(transform: str) -> np.ndarray:
    result = np.eye(3)
    for op, args in re.findall(r"(translate|rotate|scale)\(([^)]*)\)", transform or ""):
        values = [float(v) for v in re.split(r"[ ,]+", args.strip())]
        if op == "translate":
            step = np.array([[1, 0, values[0]], [0, 1, values[1] if len(values) > 1 else 0], [0, 0, 1]])
        elif op == "rotate":
            a = np.radians(values[0])
            step = np.array([[np.cos(a), -np.sin(a), 0], [np.sin(a), np.cos(a), 0], [0, 0, 1]])
        else:
            sy = values[1] if len(values) > 1 else values[0]
            step = np.diag([values[0], sy, 1.0])
        result = result @ step
    return result


def _apply(matrix: np.ndarray, x: float, y: float) -> tuple[float, float]:
    out = matrix @ np.array([x, y, 1.0])
    return float(out[0]), float(out[1])


def _text_boxes(element, matrix, role) -> list[Text]:
    size = float(element.get("font-size", "10px").removesuffix("px"))
    bold = element.get("font-weight") == "bold"
    anchor = element.get("text-anchor", "start")
    lines = [(0.0, element.text or "")] if not list(element) else []
    offset = 0.0
    for span in element.iter(f"{SVG}tspan"):
        offset += float(span.get("dy", 0))
        lines.append((offset, span.text or ""))
    texts = []
    for dy, line in lines:
        if not line.strip():
            continue
        width = _font(size, bold).getlength(line)
        left = {"start": 0.0, "middle": -width / 2, "end": -width}[anchor]
        corners = [_apply(matrix, x, y) for x in (left, left + width) for y in (dy - 0.8 * size, dy + 0.24 * size)]
        xs, ys = zip(*corners)
        texts.append(Text(line, (min(xs), min(ys), max(xs), max(ys)), role))
    return texts


def drawing(svg: str) -> Drawing:
    root = ET.fromstring(svg)
    found = Drawing(float(root.get("width")), float(root.get("height")), [], [], [], [])

    def walk(element, matrix, role):
        matrix = matrix @ _matrix(element.get("transform"))
        classes = element.get("class", "")
        if element.tag == f"{SVG}g" and classes.startswith("mark-"):
            role = classes
        if element.tag == f"{SVG}text":
            if element.get("opacity") == "0":  # an axis label Vega hid to avoid an overlap
                return
            found.texts.extend(_text_boxes(element, matrix, role.split()[1] if " " in role else role))
            return
        if element.tag == f"{SVG}path" and "background" in classes and "role-scope" in role:
            numbers = [float(n) for n in re.findall(r"-?[\d.]+", element.get("d", ""))]
            if len(numbers) >= 4 and numbers[2] > 0 and numbers[3] > 0:  # "M0,0h760v320h-760Z": a plotting area
                x, y = _apply(matrix, numbers[0], numbers[1])
                found.plots.append((x, y, x + numbers[2], y + numbers[3]))
        if "role-mark" in role:
            if element.tag == f"{SVG}path" and role.startswith("mark-symbol"):
                found.points.append(_apply(matrix, 0, 0))
            elif element.tag == f"{SVG}path" and role.startswith("mark-line"):
                numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", element.get("d", ""))]
                found.lines.append([_apply(matrix, x, y) for x, y in zip(numbers[::2], numbers[1::2])])
            elif element.tag == f"{SVG}line":
                found.lines.append([_apply(matrix, 0, 0), _apply(matrix, float(element.get("x2", 0)), float(element.get("y2", 0)))])
        for child in element:
            walk(child, matrix, role)

    walk(root, np.eye(3), "")
    return found
