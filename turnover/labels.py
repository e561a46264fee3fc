"""Where a chart's value labels go: which points carry one, and on which side, so that no label touches
another label, the line, a point or the edge of the plotting area.

Pure geometry in the pixels of the plotting area (the export's PLOT_WIDTH × PLOT_HEIGHT, or a range of widths
for a chart as wide as the page's column: a placement then holds at both ends of the range), with text
widths measured in the bundled DejaVu Sans, the font the exports are drawn in. A label is placed by its
offset from its point (``dx``, ``dy`` to the alphabetic baseline, ``align``), which a Vega-Lite text
mark takes per datum; a label that fits nowhere is left out rather than drawn over something.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

import numpy as np
import pandas as pd
import shapely
from PIL import ImageFont

from turnover.extents import Extent, projector
from turnover.paths import REPO_ROOT

PLOT_WIDTH = 760  # the plotting area of an exported chart, px
PLOT_HEIGHT = 220  # as drawn in the page too (Framed.labelled): with legend, axis and footer a profile fits 1366 × 768 in briefing view
MAP_HEIGHT = 320  # the static map's plotting area (the page keeps it: Framed.labelled), so a briefing view of the map fits 1366 × 768
FONT_SIZE = 11
ASCENT, DESCENT = 0.80, 0.24  # of the font size, above and below the baseline (DejaVu: caps 0.73, descenders 0.24)
MARKER = 7.0  # half the side of the square kept clear around a point
STROKE = 2.5  # half the width kept clear along a line or a partial-year span
CLEARANCE = 2.0  # between a label and anything else
FEW_YEARS = 8  # up to this many full years, every one is labelled
CROWDED = 200  # markers: a chart with more (a synthetic region's, hundreds) tests its labels' tries all at once (numpy)
MOST_LABELS = 80  # value labels a series chart tries to place, most important first (a shipped region has under 40 candidates; a synthetic one thousands)
FONT_FILE = REPO_ROOT / "static" / "fonts" / "DejaVuSans.ttf"


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_FILE), size)


@cache
def text_width(text: str, size: int = FONT_SIZE) -> float:
    """The drawn width of ``text`` in DejaVu Sans at ``size`` px (a label is measured once, however often it is placed)."""
    return _font(size).getlength(text)


def wrap_to_width(text: str, width: float, size: int = FONT_SIZE) -> list[str]:
    """``text`` in rows of whole words, each at most ``width`` px wide in the chart's font (a longer word alone on its row).

    A row's width is the sum of its words' and spaces' widths: DejaVu Sans has no kerning across a space, so the sum is
    the measured width of the row (tests/test_labels.py), and each word is measured once, not each trial row."""
    rows: list[str] = []
    space, row_width = text_width(" ", size), 0.0
    for word in text.split():
        word_width = text_width(word, size)
        if rows and row_width + space + word_width <= width:
            rows[-1] = f"{rows[-1]} {word}"
            row_width += space + word_width
        else:
            rows.append(word)
            row_width = word_width
    return rows


@dataclass(frozen=True)
class Placement:
    """A label's text and where it sits relative to its point: ``dx``/``dy`` to the start of its baseline (per ``align``)."""

    text: str
    dx: float
    dy: float
    align: str  # "left", "center" or "right" of the anchor at (x + dx)


@dataclass(frozen=True)
class Candidate:
    """A point that wants a label, in pixels of the plotting area (y grows downwards)."""

    key: object
    x: float
    y: float
    text: str
    prefer_below: bool = False


@cache
def _offsets(prefer_below: bool) -> tuple[tuple[float, float, str], ...]:
    """Positions to try as (dx, dy, align), nearest first: above, below, the four diagonals, right, left; then further out."""
    rise = DESCENT * FONT_SIZE  # baseline above a box's bottom
    drop = ASCENT * FONT_SIZE  # baseline below a box's top
    middle = (ASCENT - DESCENT) / 2 * FONT_SIZE
    tries = []
    for gap in (MARKER + CLEARANCE, MARKER + 10, MARKER + 22, MARKER + 36):
        above, below = (0.0, -gap - rise, "center"), (0.0, gap + drop, "center")
        vertical = [below, above] if prefer_below else [above, below]
        diagonal = [(MARKER / 2, -gap - rise, "left"), (-MARKER / 2, -gap - rise, "right"), (MARKER / 2, gap + drop, "left"), (-MARKER / 2, gap + drop, "right")]
        if prefer_below:
            diagonal = diagonal[2:] + diagonal[:2]
        tries += vertical + diagonal + [(gap, middle, "left"), (-gap, middle, "right")]
    return tuple(tries)


def _kept_clear(x: float, y: float, dx: float, dy: float, align: str, width: float) -> tuple[float, float, float, float]:
    """The (left, top, right, bottom) box a label ``width`` px wide, placed at (``dx``, ``dy``, ``align``) from its
    point, keeps clear of everything else: its text's box in the font's metrics and the clearance around it (numbers,
    or arrays of them element-wise: ``_boxes``).

    Kept in this order of operations: a box on the nearest ring ends exactly at its own marker's edge, so whether
    it touches is decided in the last bit of these sums, and the placements must not change with a rewrite."""
    anchor = x + dx
    left = anchor if align == "left" else anchor - width / 2 if align == "center" else anchor - width
    baseline = y + dy
    return left - CLEARANCE, baseline - ASCENT * FONT_SIZE - CLEARANCE, left + width + CLEARANCE, baseline + DESCENT * FONT_SIZE + CLEARANCE


@cache
def _offset_columns(prefer_below: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``_offsets`` as arrays: every try's dx, dy and align."""
    return tuple(np.array(column) for column in zip(*_offsets(prefer_below)))


def _boxes(candidates: list[Candidate]) -> np.ndarray:
    """Every candidate's ``_kept_clear`` box at each of its ``_offsets``, as an array (candidates × offsets × 4): the
    same sums, made element-wise for all the tries of one ``align`` at once."""
    below = np.array([candidate.prefer_below for candidate in candidates], dtype=bool)[:, None]
    dx, dy, aligns = (np.where(below, when_below, when_above) for when_above, when_below in zip(_offset_columns(False), _offset_columns(True)))
    x, y, width = (np.broadcast_to(np.array(values, dtype=float)[:, None], dx.shape) for values in ([c.x for c in candidates], [c.y for c in candidates], [text_width(c.text) for c in candidates]))
    boxes = np.empty((*dx.shape, 4))
    for align in ("left", "center", "right"):
        chosen = aligns == align
        boxes[chosen] = np.stack(_kept_clear(x[chosen], y[chosen], dx[chosen], dy[chosen], align, width[chosen]), axis=-1)
    return boxes


@lru_cache(maxsize=256)
def _drawn_width(line: tuple[tuple[float, float], ...]) -> shapely.Polygon:
    """A line's drawn width as shapely draws it: a buffer with round caps and joins (a lone point's: a disc)."""
    return shapely.LineString(line).buffer(STROKE) if len(line) > 1 else shapely.Point(line[0]).buffer(STROKE)


STRIP = 40  # px: the width of the strips a scene files its markers and segments in (Scene.columns)
EDGE = 0.1  # px: how far shapely's polygon of a line's drawn width may lie from the exact one (arcs drawn as chords, the line simplified)


@dataclass(frozen=True)
class Scene:
    """What a chart draws at one width, in pixels: the candidates wanting a label, every marker (``points``) and every
    polyline (``lines``: the series' runs, the partial-year spans).

    A label must not touch a marker's square or a line's drawn width, as shapely draws it (``LineString.buffer``).
    The test is exact geometry on plain numbers, one box at a time (``touches``) or many at once (``touching``: a
    synthetic region's chart has hundreds of markers and segments); only a box within ``EDGE`` of a line's drawn
    edge, where shapely's polygon and the exact shape may part, asks shapely (a scene serves two ranges of widths,
    and each label tries up to 32 places).
    """

    candidates: list[Candidate]
    points: list[tuple[float, float]]
    lines: list[list[tuple[float, float]]]
    width: float
    _options: dict = field(default_factory=dict, init=False, repr=False, compare=False)  # by height: see ``options``

    @cached_property
    def segments(self) -> list[tuple]:
        """Each line's segments (a single point's line: one of length zero) as (bounds with room for the line's width, ends, line)."""
        room = STROKE + EDGE
        segments = []
        for number, line in enumerate(self.lines):
            for (ax, ay), (bx, by) in zip(line, line[1:]) if len(line) > 1 else [(line[0], line[0])]:
                segments.append((min(ax, bx) - room, min(ay, by) - room, max(ax, bx) + room, max(ay, by) + room, ax, ay, bx, by, number))
        return segments

    @cached_property
    def columns(self) -> tuple[dict[int, list], dict[int, list]]:
        """The markers and the segments by vertical strip of ``STRIP`` px that their kept-clear extent reaches (a
        series of thousands of figures has thousands of markers: a label then looks at those near it only)."""
        points: dict[int, list] = {}
        for x, y in self.points:
            for strip in range(math.floor((x - MARKER) / STRIP), math.floor((x + MARKER) / STRIP) + 1):
                points.setdefault(strip, []).append((x, y))
        segments: dict[int, list] = {}
        for segment in self.segments:
            for strip in range(math.floor(segment[0] / STRIP), math.floor(segment[2] / STRIP) + 1):
                segments.setdefault(strip, []).append(segment)
        return points, segments

    def touches(self, box: tuple[float, float, float, float]) -> bool:
        """Whether a (left, top, right, bottom) box shares a point with a marker or a line as drawn."""
        left, top, right, bottom = box
        points, segments = self.columns
        strips = range(math.floor(left / STRIP), math.floor(right / STRIP) + 1)
        for x, y in (point for strip in strips for point in points.get(strip, ())):
            if x - MARKER <= right and left <= x + MARKER and y - MARKER <= bottom and top <= y + MARKER:
                return True
        for segment in (segment for strip in strips for segment in segments.get(strip, ())):
            low_x, low_y, high_x, high_y = segment[:4]
            if low_x <= right and left <= high_x and low_y <= bottom and top <= high_y and self._touches_segment(box, segment):
                return True
        return False

    @cached_property
    def _by_x(self) -> tuple[np.ndarray, np.ndarray, float]:
        """The markers (x, y) and the ``segments`` (as rows of arrays, built from the lines at once) sorted from left
        to right, and the widest segment's extent."""
        markers = np.array(self.points, dtype=float).reshape(-1, 2)
        sizes = np.array([len(line) for line in self.lines], dtype=int)
        ends = np.array([point for line in self.lines for point in line], dtype=float).reshape(-1, 2)
        per_line = np.maximum(sizes - 1, 1)  # a single point's line: one segment of length zero
        first = np.arange(per_line.sum()) - np.repeat(np.cumsum(per_line) - per_line, per_line) + np.repeat(np.cumsum(sizes) - sizes, per_line)
        a, b = ends[first], ends[first + (np.repeat(sizes, per_line) > 1)]
        room = STROKE + EDGE
        segments = np.column_stack([np.minimum(a, b) - room, np.maximum(a, b) + room, a, b, np.repeat(np.arange(len(sizes)), per_line)])
        markers, segments = (rows[np.argsort(rows[:, 0], kind="stable")] for rows in (markers, segments))
        return markers, segments, float((segments[:, 2] - segments[:, 0]).max(initial=0.0))

    def touching(self, boxes: np.ndarray) -> np.ndarray:
        """``touches`` for each row of ``boxes`` (boxes × 4), all at once: each box is compared only with the markers and
        segments whose extent across meets its own (found by bisection from left to right), and the exact distance is
        computed only for a segment whose bounds it meets."""
        left, top, right, bottom = boxes.T
        markers, segments, widest = self._by_x
        x, y = markers.T
        box, near = _windows(np.searchsorted(x + MARKER, left, "left"), np.searchsorted(x - MARKER, right, "right"))
        hit = np.zeros(len(boxes), dtype=bool)
        hit[box[(y[near] - MARKER <= bottom[box]) & (top[box] <= y[near] + MARKER)]] = True
        low_x, low_y, high_x, high_y = segments[:, :4].T
        clear = np.flatnonzero(~hit)
        box, near = _windows(np.searchsorted(low_x, left[clear] - widest - 1.0, "left"), np.searchsorted(low_x, right[clear], "right"))
        box = clear[box]
        meets = (left[box] <= high_x[near]) & (low_y[near] <= bottom[box]) & (top[box] <= high_y[near])
        for number, segment in zip(box[meets].tolist(), near[meets].tolist()):
            if not hit[number] and self._touches_segment(tuple(boxes[number].tolist()), segments[segment].tolist()):
                hit[number] = True
        return hit

    def _touches_segment(self, box: tuple[float, float, float, float], segment: Sequence) -> bool:
        """Whether a box meets the drawn width of one of ``segments`` (whose bounds it meets)."""
        *_, ax, ay, bx, by, number = segment
        distance = _box_to_segment(box, ax, ay, bx, by)
        return distance < STROKE - EDGE or (distance <= STROKE + EDGE and _drawn_width(tuple(self.lines[int(number)])).intersects(shapely.box(*box)))

    def options(self, height: float) -> tuple[np.ndarray, np.ndarray]:
        """Every candidate's kept-clear box at each of its offsets (candidates × offsets × 4, ``_boxes``) and whether it
        is inside the ``width`` × ``height`` area (as ``_inside``) and touches nothing drawn. Built once per height:
        neighbouring ranges of widths share a scene."""
        if height not in self._options:
            boxes = _boxes(self.candidates)
            left, top, right, bottom = (boxes[..., side] for side in range(4))
            free = (left > 0) & (top > 0) & (right < self.width) & (bottom < height)
            free[free] = ~self.touching(boxes[free])
            self._options[height] = boxes, free
        return self._options[height]


def _windows(starts: np.ndarray, stops: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every (query, item) pair with the item's position in the query's window ``starts[query]:stops[query]``."""
    counts = np.maximum(stops - starts, 0)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    return np.repeat(np.arange(len(counts)), counts), offsets + np.repeat(starts, counts)


def _box_to_segment(box: tuple[float, float, float, float], ax: float, ay: float, bx: float, by: float) -> float:
    """The shortest distance between a (left, top, right, bottom) box and the segment from (ax, ay) to (bx, by), 0 where they meet."""
    left, top, right, bottom = box
    if _crosses(box, ax, ay, bx, by):
        return 0.0
    ends = [math.hypot(max(left - x, 0.0, x - right), max(top - y, 0.0, y - bottom)) for x, y in ((ax, ay), (bx, by))]
    corners = [_point_to_segment(x, y, ax, ay, bx, by) for x in (left, right) for y in (top, bottom)]
    return min(*ends, *corners)


def _crosses(box: tuple[float, float, float, float], ax: float, ay: float, bx: float, by: float) -> bool:
    """Whether the segment has a point inside the box or on its edge (Liang–Barsky clipping)."""
    left, top, right, bottom = box
    dx, dy = bx - ax, by - ay
    enter, leave = 0.0, 1.0
    for step, room in ((-dx, ax - left), (dx, right - ax), (-dy, ay - top), (dy, bottom - ay)):
        if step == 0:
            if room < 0:
                return False
        elif step < 0:
            enter = max(enter, room / step)
        else:
            leave = min(leave, room / step)
        if enter > leave:
            return False
    return True


def _point_to_segment(x: float, y: float, ax: float, ay: float, bx: float, by: float) -> float:
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else min(max(((x - ax) * dx + (y - ay) * dy) / length, 0.0), 1.0)
    return math.hypot(x - ax - t * dx, y - ay - t * dy)


KEY_LABELS = 5  # the first candidates (a series' newest partial year and key years, a map's largest partners) may move a label placed before them


def place_labels(scenes: list[Scene], height: float) -> dict:
    """Each candidate's label placement, by key, in the candidates' order of priority; those that fit nowhere are left out.

    ``scenes``: the same chart at one or more widths (the same candidates, in the same order). A placement is
    taken only if in every scene its label stays inside the ``width`` × ``height`` area and clear of every
    point, line and label placed before it. One of the first ``KEY_LABELS`` candidates that fits nowhere may move
    a single label placed before it that alone stands in its way, to another place of that label's that is free,
    so both are written. A crowded chart (``CROWDED``) has all its tries tested at once.
    """
    tries = _TriedAtOnce(scenes, height) if len(scenes[0].points) > CROWDED else _TriedInTurn(scenes, height)
    chosen: dict[int, int] = {}  # candidate's position -> its offset
    taken: dict[int, list[tuple]] = {}  # candidate's position -> its box in each scene
    for position in range(len(tries.groups)):
        others = _by_scene(taken, len(scenes))
        offset = next((offset for offset in range(tries.count) if tries.fits(position, offset, others)), None)
        if offset is None and position < KEY_LABELS:
            offset = _made_room(position, tries, chosen, taken)
        if offset is not None:
            chosen[position] = offset
            taken[position] = tries.boxes(position, offset)
    return {tries.groups[p][0].key: Placement(tries.groups[p][0].text, *_offsets(tries.groups[p][0].prefer_below)[o]) for p, o in chosen.items()}


def _made_room(position: int, tries: "_TriedInTurn", chosen: dict[int, int], taken: dict[int, list[tuple]]) -> int | None:
    """The first offset of the candidate at ``position`` where only one placed label is in its way and that label has
    another free place (moved there, in ``chosen`` and ``taken``); None if there is none."""
    nothing = [[] for _ in tries.scenes]
    for offset in range(tries.count):
        if not tries.fits(position, offset, nothing):
            continue
        boxes = tries.boxes(position, offset)
        in_the_way = [other for other, placed in taken.items() if any(_overlaps(box, [placed[scene]]) for scene, box in enumerate(boxes))]
        if len(in_the_way) != 1:
            continue
        other = in_the_way[0]
        around = _by_scene({p: placed for p, placed in taken.items() if p != other} | {position: boxes}, len(boxes))
        for moved in range(tries.count):
            if moved != chosen[other] and tries.fits(other, moved, around):
                chosen[other], taken[other] = moved, tries.boxes(other, moved)
                return offset
    return None


def _by_scene(taken: dict[int, list[tuple]], scenes: int) -> list[list[tuple]]:
    """The placed labels' boxes, per scene."""
    return [[placed[scene] for placed in taken.values()] for scene in range(scenes)]


class _TriedInTurn:
    """A candidate's tries: the label's box in each scene, and whether it fits (inside the area, clear of the labels
    placed and of what is drawn), computed when asked, scene by scene."""

    def __init__(self, scenes: list[Scene], height: float):
        self.scenes, self.height = scenes, height
        self.groups = list(zip(*(scene.candidates for scene in scenes)))  # each candidate in every scene
        self.count = len(_offsets(False))
        self._clear: dict[tuple[int, int, int], bool] = {}  # (position, offset, scene) -> touching nothing drawn

    def _try(self, position: int, offset: int) -> tuple[float, float, str, float]:
        """The try's (dx, dy, align) and the label's width."""
        candidate = self.groups[position][0]
        return (*_offsets(candidate.prefer_below)[offset], text_width(candidate.text))

    def boxes(self, position: int, offset: int) -> list[tuple]:
        dx, dy, align, width = self._try(position, offset)
        return [_kept_clear(candidate.x, candidate.y, dx, dy, align, width) for candidate in self.groups[position]]

    def fits(self, position: int, offset: int, others: list[list[tuple]]) -> bool:
        dx, dy, align, width = self._try(position, offset)
        for number, (scene, candidate, placed) in enumerate(zip(self.scenes, self.groups[position], others)):
            box = _kept_clear(candidate.x, candidate.y, dx, dy, align, width)
            if not _inside(box, scene.width, self.height) or _overlaps(box, placed):
                return False
            key = (position, offset, number)
            if key not in self._clear:  # asked again when a label is moved to make room
                self._clear[key] = not scene.touches(box)
            if not self._clear[key]:
                return False
        return True


class _TriedAtOnce(_TriedInTurn):
    """The same answers from every try's box and verdict made beforehand (``Scene.options``): no Python loop over the
    hundreds of markers and the thousands of tries of a synthetic region's chart."""

    def __init__(self, scenes: list[Scene], height: float):
        super().__init__(scenes, height)
        self.options = [scene.options(height) for scene in scenes]
        self.free = np.logical_and.reduce([free for _, free in self.options])

    def boxes(self, position: int, offset: int) -> list[tuple]:
        return [tuple(boxes[position, offset].tolist()) for boxes, _ in self.options]

    def fits(self, position: int, offset: int, others: list[list[tuple]]) -> bool:
        return bool(self.free[position, offset]) and not any(_overlaps(box, placed) for box, placed in zip(self.boxes(position, offset), others))


def _inside(box: tuple[float, float, float, float], width: float, height: float) -> bool:
    """Whether a label's box is inside the plotting area (the clearance too: the drawn glyphs may reach a little past
    the font's metrics)."""
    left, top, right, bottom = box
    return left > 0 and top > 0 and right < width and bottom < height


def _overlaps(box: tuple[float, float, float, float], others: list[tuple]) -> bool:
    """Whether a label's box shares any point with one of ``others`` (edges included, as shapely's ``intersects``)."""
    left, top, right, bottom = box
    for other_left, other_top, other_right, other_bottom in others:
        if left <= other_right and other_left <= right and top <= other_bottom and other_top <= bottom:
            return True
    return False


def nice_top(largest: float, headroom: float = 1.12) -> float:
    """A round upper end for a value axis starting at zero, with room above the largest value for its label."""
    if not largest or largest <= 0 or math.isnan(largest):
        return 1.0
    target = largest * headroom
    power = 10 ** math.floor(math.log10(target))
    return next(step * power for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if step * power >= target)


def labelled_years(years: list[int], amounts: list[float], selected_year: int | None) -> list[int]:
    """Which full years (oldest first, with their ``amounts``) carry their value, most important first: all of them
    when there are few, else the selected year, the last, the peak and the first."""
    if not years:
        return []
    peak = years[amounts.index(max(amounts))]
    order = [selected_year, years[-1], peak, years[0], *reversed(years)] if len(years) <= FEW_YEARS else [selected_year, years[-1], peak, years[0]]
    return list(dict.fromkeys(year for year in order if year in years))


def series_label_sets(figures: Mapping[str, list], x_domain: tuple[float, float], y_top: float, selected_year: int | None, tiers: list[tuple[float, ...]], height: float = PLOT_HEIGHT) -> list[dict[int, Placement]]:
    """The series chart's labels for each range of widths in ``tiers`` (the ends of a range of widths the chart may
    be drawn at): per range, the placement of each labelled figure by its position, clear of everything at each width.

    ``figures``: the chart's columns, one item per figure: ``middle`` (x), ``amount`` (y), ``start`` and ``end`` (a
    partial year's span), ``full_year``, ``year``, ``run`` (consecutive full years of one basis share it; blank for a
    full year drawn off the line, such as the other side's statistics, labelled after the key years) and ``label``
    (the text). Every partial year is labelled (its period is in its label), the latest first, and the full years
    ``labelled_years`` picks; when space runs out, older partial years and the other full years give way.
    """
    year, amount, middle, label, run_of = figures["year"], figures["amount"], figures["middle"], figures["label"], figures["run"]
    start, end, full_year = figures["start"], figures["end"], figures["full_year"]

    full = sorted((i for i, whole in enumerate(full_year) if whole and run_of[i] != ""), key=year.__getitem__)
    partial = sorted((i for i, whole in enumerate(full_year) if not whole), key=lambda i: (year[i], start[i], end[i]))
    runs: dict[str, list[int]] = {}
    for i in full:
        runs.setdefault(run_of[i], []).append(i)

    def lower_than_neighbours(i: int) -> bool:
        run = runs[run_of[i]]
        position = run.index(i)
        neighbours = [amount[j] for j in run[max(position - 1, 0) : position + 2] if j != i]
        return bool(neighbours) and amount[i] < sum(neighbours) / len(neighbours)

    newest_partial = partial[::-1]
    apart = [i for i, whole in enumerate(full_year) if whole and run_of[i] == ""]  # full years off the line (the other side's statistics)
    by_year = {year[i]: i for i in full}
    years = [(by_year[y], lower_than_neighbours(by_year[y])) for y in labelled_years([year[i] for i in full], [amount[i] for i in full], selected_year)]
    key_years = min(len(years), 4)  # the selected, last, peak and first years come before older partial years
    wanted = [(i, False) for i in newest_partial[:1]] + years[:key_years] + [(i, False) for i in apart] + [(i, False) for i in newest_partial[1:]] + years[key_years:]
    wanted = wanted[:MOST_LABELS]  # a synthetic region has thousands of candidates: the most important are tried

    ys = (height - np.array(amount, dtype=float) / y_top * height).tolist()
    middles, starts, ends = (np.array(values, dtype=float) for values in (middle, start, end))

    def scene(width: float) -> Scene:
        def px(x: np.ndarray) -> list[float]:
            return ((x - x_domain[0]) / (x_domain[1] - x_domain[0]) * width).tolist()

        xs, start_xs, end_xs = px(middles), px(starts), px(ends)
        candidates = [Candidate(i, xs[i], ys[i], label[i], below) for i, below in wanted]
        lines = [[(xs[i], ys[i]) for i in run] for run in runs.values()]
        lines += [[(start_xs[i], ys[i]), (end_xs[i], ys[i])] for i in partial]
        return Scene(candidates, list(zip(xs, ys)), lines, width)

    scenes = {width: scene(width) for width in sorted({width for widths in tiers for width in widths})}  # neighbouring ranges share a width
    return [place_labels([scenes[width] for width in widths], height) for widths in tiers]


def end_label_offsets(ends: list[float], height: float = PLOT_HEIGHT, size: int = FONT_SIZE) -> list[float]:
    """Vertical positions (px, text middles) for labels at the ends of several lines: each as near its line's
    end as it can be, no two closer than a line of text, all inside the plot's height."""
    step = size * (ASCENT + DESCENT) + CLEARANCE
    order = sorted(range(len(ends)), key=lambda i: ends[i])
    low, high = step / 2, height - step / 2
    spread = [min(max(ends[i], low), high) for i in order]
    for k in range(1, len(spread)):  # push down from the top
        spread[k] = max(spread[k], spread[k - 1] + step)
    overflow = spread[-1] - high if spread else 0
    if overflow > 0:  # then back up from the bottom
        spread[-1] = high
        for k in range(len(spread) - 2, -1, -1):
            spread[k] = min(spread[k], spread[k + 1] - step)
    result = [0.0] * len(ends)
    for k, i in enumerate(order):
        result[i] = spread[k]
    return result


def map_label_sets(table: pd.DataFrame, extent: Extent, anchors: dict[str, tuple[float, float]], tiers: list[tuple[float, ...]], limit: int = 5, height: float = MAP_HEIGHT) -> tuple[pd.DataFrame, list[dict[str, Placement]]]:
    """The year's largest partners within the extent, each labelled with its name and figure beside a dot, no two
    touching, placed for each range of widths in ``tiers`` as ``series_label_sets`` does (clear at each width of the
    range): the fitted map is smaller in a narrower column, its dots closer, so fewer labels fit there.

    ``table``: a ranking (largest first) with ``region``, ``region_name`` and ``shown``; ``anchors``: region id
    -> (lon, lat) of its dot. Returns the labels that fit in some range (``region``, ``lon``, ``lat``, ``label``, in
    rank order) and, per range, their placements by region (a label that does not fit there is left out).
    """
    top = table[table["region"].isin(extent.regions) & table["region"].isin(anchors.keys())].head(limit)
    regions = list(top["region"])
    texts = [f"{name}: {shown}" for name, shown in zip(top["region_name"], top["shown"])]  # an empty year's columns are not text

    at = projector(extent)

    def scene(width: float) -> Scene:
        spots = [at(*anchors[region], width, height) for region in regions]
        return Scene([Candidate(region, x, y, text) for region, (x, y), text in zip(regions, spots, texts)], spots, [], width)

    scenes = {width: scene(width) for width in sorted({width for widths in tiers for width in widths})}
    sets = [place_labels([scenes[width] for width in widths], height) for widths in tiers]
    rows = [(region, *anchors[region], text) for region, text in zip(regions, texts) if any(region in placed for placed in sets)]
    return pd.DataFrame(rows, columns=["region", "lon", "lat", "label"]), sets
