"""Altair charts ready for a slide: a title, a one-line subtitle with unit and period, a footnote and a source line.

Full years are a line; partial years are separate, labelled points never joined to it; approximate
and bound figures ("about", "almost", "over") are drawn hollow and say so in the tooltip.
"""

import itertools
import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

import altair as alt
import numpy as np
import pandas as pd

from turnover.aggregate import basis_runs
from turnover.formatting import format_usd_mn, vega_number_locale
from turnover.labels import PLOT_HEIGHT, PLOT_WIDTH, wrap_to_width, end_label_offsets, nice_top, series_label_sets, text_width
from turnover.spectemplate import SpecTemplate, Values, spec_template
from turnover.texts import charts as words

PALETTE = "viridis"  # colour-blind safe, sequential, prints in grey
KIND_COLOURS = ["#1f5f8b", "#1f5f8b", "#1f5f8b", "#1f5f8b", "#d55e00", "#009E73", "#CC79A7"]  # Okabe–Ito: vermilion partial years, green / purple each side's statistics
KIND_SHAPES = ["circle", "circle", "square", "square", "diamond", "triangle-up", "triangle-down"]  # squares: converted from roubles, never joined to dollars
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]  # colour-blind safe
KIND_FILLS = ["#1f5f8b", "#ffffff", "#1f5f8b", "#ffffff", "#d55e00", "#009E73", "#CC79A7"]
TOOLTIP_FIELDS = ["region_name", "period", "shown", "conversion", "source_publisher", "source_published"]


def tooltip(lang: str = "en") -> list[alt.Tooltip]:
    titles = words.tooltip_titles(lang)
    return [alt.Tooltip(f"{name}:N", title=titles[name]) for name in TOOLTIP_FIELDS]


def source_line(figures: pd.DataFrame | Mapping[str, list], limit: int = 4, lang: str = "en") -> str:
    """``Sources: BelTA (2024-11-18); Interfax (2025-05-14); and 3 more`` for the figures drawn (a table, or its columns by name)."""
    cited: dict = {}
    for source, publisher, published in zip(*(list(figures[name]) for name in ("source_id", "source_publisher", "source_published"))):
        cited.setdefault(source, (publisher, published if isinstance(published, str) else None))
    newest = sorted(cited.values(), key=lambda pair: (pair[1] is not None, pair[1] or ""), reverse=True)  # undated last; ties keep the figures' order
    pairs = [(publisher, published or "") for publisher, published in newest]
    return words.source_line(pairs, any(figures["converted"]), lang, limit)


def _unit(largest: float, lang: str) -> tuple[float, str]:
    """The divisor and unit for figures up to ``largest`` US$ million (NaN: no figures)."""
    billions = largest >= 1000
    return (1000.0 if billions else 1.0), words.unit(billions, lang)


def _figure_kind(full_year: bool, approximate: bool, converted: bool, side: str, kinds: tuple[str, ...]) -> str:
    """A figure's point style; ``side``: the statistics ("BY" or "RU") when the figure is one of two sides' for its
    period, else blank. The first that applies wins, as in the legend's order read backwards: a side's statistics
    over partial over converted over approximate."""
    full, rough, roubles, roubles_rough, partial, belarusian, russian = kinds
    if side in ("RU", "BY"):
        return russian if side == "RU" else belarusian
    if not full_year:
        return partial
    if converted:
        return roubles_rough if approximate else roubles
    return rough if approximate else full


def _kind_styles(kinds: list[str], lang: str) -> dict[str, list]:  # pragma: no mutate block
    """The point style of each kind drawn (only those: the legend lists what the chart shows): the kinds and, by
    channel, their colours, shapes and fills."""
    drawn = set(kinds)
    present = [i for i, kind in enumerate(words.figure_kinds(lang)) if kind in drawn]
    styles = {"kinds": [words.figure_kinds(lang)[i] for i in present]}
    return styles | {name: [values[i] for i in present] for name, values in (("kind_colours", KIND_COLOURS), ("kind_shapes", KIND_SHAPES), ("kind_fills", KIND_FILLS))}


@dataclass(frozen=True)
class Framed:
    """A chart with the words a slide needs: title and subtitle above it, the footnote and source line inside it, at the bottom.

    The subtitle is one short line, unit and period; the rules of reading the chart are in its legend entries
    and its ``footnote`` (short lines drawn above the source line). The page prints the title and subtitle as
    text above the chart (so the chart can fill its column); ``export_spec`` puts them into the image itself.

    The chart is its kind's ``layout`` (a builder reading its data-dependent values from a ``Values``, see
    turnover.spectemplate) with this view's ``values``: the page's spec fills the kind's template, built
    and validated once per ``variant`` (the language and whatever changes the chart's structure); an export
    builds the chart itself.
    """

    layout: Callable[..., alt.TopLevelMixin]
    values: dict
    title: str
    subtitle: list[str]
    datasets: dict[str, list] = field(default_factory=dict)  # large inline data, added after Altair (see spec)
    source: str = ""  # the source line, also drawn inside the chart; a slide sets it as a footnote
    footnote: list[str] = field(default_factory=list)  # drawn inside the chart above the source line
    labelled: bool = False  # values are written at pixel offsets placed for a plot PLOT_HEIGHT tall (see spec)
    variant: tuple = ()  # the language first (every kind's layout takes it first), then what changes the structure
    served: dict[str, dict] = field(default_factory=dict)  # dataset name -> the data the page loads it from instead (a file the app serves); exports carry it inline

    @property
    def chart(self) -> alt.TopLevelMixin:
        """The chart built with Altair for this view's values (what the template's spec is filled to equal)."""
        return _with_footer(self.layout, self.variant, Values(self.values))

    def spec(self) -> dict:
        """The Vega-Lite spec as drawn in the page: the kind's template filled with this view's values.

        Large data is named in the chart and attached here (Altair's schema check of the map's 92 inline
        geometries took seconds). The tests compare every kind's filled spec with the chart Altair builds.
        A ``served`` dataset, the chart's top-level data, is loaded by the browser from where it is served.
        """
        if "_spec" not in self.__dict__:  # built once: a cached view hands the same spec to every rerun
            spec = self._localised(self._with_datasets(chart_template(self.layout, self.variant).fill(self.values), self.served))
            if self.labelled:  # Streamlit would fit legend, axis and footer into the height, squeezing the plot under the labels
                spec["autosize"] = {"type": "fit-x", "contains": "padding"}
            self.__dict__["_spec"] = spec
        return self.__dict__["_spec"]

    def export_spec(self) -> dict:
        """The spec for a file: title and subtitle inside the image, above the chart."""
        titled = alt.vconcat(self.chart).properties(
            title=alt.TitleParams(self.title, subtitle=self.subtitle, anchor="start", fontSize=16, subtitleFontSize=12, subtitleColor="#444444")
        )
        return self._localised(self._with_datasets(titled.to_dict(validate=False)))

    def _localised(self, spec: dict) -> dict:
        """The spec with the language's number symbols for what Vega formats itself (ticks, legend labels)."""
        spec["config"] = {**spec.get("config", {}), "locale": {"number": vega_number_locale(self.variant[0])}}
        return spec

    def _with_datasets(self, spec: dict, served: dict[str, dict] | None = None) -> dict:
        served = served or {}
        if spec.get("data", {}).get("name") in served:
            spec["data"] = served[spec["data"]["name"]]
        inline = {name: data for name, data in self.datasets.items() if name not in served}
        if inline:
            spec.setdefault("datasets", {}).update(inline)
        return spec


def _with_footer(layout: Callable[..., alt.TopLevelMixin], variant: tuple, v: Values) -> alt.TopLevelMixin:
    footer = alt.TitleParams(v.items("footer"), orient="bottom", anchor="start", fontSize=FOOTER_SIZE, fontWeight="normal", color="#555555")
    return layout(v, *variant).properties(title=footer)


@cache
def chart_template(layout: Callable[..., alt.TopLevelMixin], variant: tuple) -> SpecTemplate:
    """A chart kind's spec, built and validated once per variant (a few per language), filled for every view."""
    return spec_template(lambda v: _with_footer(layout, variant, v))


def year_runs(figures: pd.DataFrame) -> pd.Series:
    """A label shared by each region's consecutive full years, so lines break where a year is missing."""
    ordered = figures.sort_values(["region", "year"])
    breaks = ordered.groupby("region")["year"].diff().ne(1)
    runs = breaks.cumsum()
    return (ordered["region"] + "-" + runs.astype(str)).reindex(figures.index)


FOOTER_SIZE = 10  # px, the footer's font
FOOTER_WIDTH = 335  # px a footnote's or source line's row takes at most: it fits a phone's 358 px chart and the narrowest chart beside another (the map page's ranking); Vega cuts a longer row with "…"


def footer_rows(footnote: list[str], source: str) -> list[str]:
    """The rows drawn under a chart: each footnote line, then the source line, wrapped by their drawn width (a Russian
    row of as many letters is wider than an English one)."""
    return [row for text in [*footnote, source] for row in wrap_to_width(text, FOOTER_WIDTH, FOOTER_SIZE)]


def framed(layout: Callable[..., alt.TopLevelMixin], values: dict, variant: tuple, title: str, subtitle: list[str], source: str, datasets: dict[str, list] | None = None, footnote: list[str] | None = None, labelled: bool = False) -> Framed:
    """A view of a chart kind: its ``layout`` and ``variant``, the view's values and words, the footer rows added."""
    values = {**values, "footer": footer_rows(footnote or [], source)}
    return Framed(layout, values, title, subtitle, datasets or {}, source, footnote or [], labelled, variant)


NAMED = alt.Data(name="figures")  # every chart reads its rows from a named dataset attached by Framed.spec


def named(data: pd.DataFrame, name: str = "figures") -> dict[str, list]:
    """The chart's rows as JSON-ready records, keyed by dataset name: the values pandas' ``to_json`` writes (NaN
    becomes null, a float has at most 10 decimals), read straight from the columns.

    Handing Altair a DataFrame makes it copy and re-serialise the data at every step of building a
    layered chart (a third of a second for a dozen rows); named data keeps chart building cheap.
    """
    return {name: _records({column: _json_values(data[column]) for column in data.columns})}


def _records(columns: dict[str, list]) -> list[dict]:
    """Rows as dicts of the columns' JSON-ready values, keys in the columns' order."""
    names = list(columns)
    return [dict(zip(names, row)) for row in zip(*columns.values())]


def _json_values(column: pd.Series) -> list:
    """A column's values as ``to_json`` writes them: numbers, truth values and text directly, anything else through pandas."""
    if (isinstance(column.dtype, np.dtype) and column.dtype.kind in "biuf") or isinstance(column.dtype, pd.StringDtype):
        return _json_ready(column.tolist())
    return json.loads(column.to_json(orient="values", date_format="iso"))


def _json_ready(values: list) -> list:
    """Plain Python values as JSON carries them: each float as ``_json_number`` has it, anything else as it is."""
    return [_json_number(value) if isinstance(value, float) else value for value in values]


def _json_number(value: float) -> float | None:
    """A float as pandas' ``to_json`` writes it (ultrajson's rounding to 10 decimals, beyond 1e16 or under 1e-15
    10 significant digits), read back; NaN and infinity as null. The charts' data always were these values."""
    if not math.isfinite(value):
        return None
    magnitude = abs(value)
    if magnitude > 1e16 - 1 or (magnitude and magnitude < 1e-15):
        return float(f"{value:.10g}")
    whole = int(magnitude)
    scaled = (magnitude - whole) * 1e10
    fraction = int(scaled)
    rest = scaled - fraction
    if rest > 0.5 or (rest == 0.5 and (fraction == 0 or fraction & 1)):  # ultrajson's tie rule
        fraction += 1
    if fraction >= 10**10:
        whole, fraction = whole + 1, 0
    number = float(f"{whole}.{fraction:010d}")
    return -number if value < 0 else number


def chart_data(figures: pd.DataFrame, *extra: str) -> pd.DataFrame:
    """Only the columns a chart encodes or shows in its tooltip: the spec stays small and quick to send."""
    return figures[[*TOOLTIP_FIELDS, "year", "full_year", "approximate", *extra]]


def series_chart(series: pd.DataFrame, region_name: str, flow: str, selected_year: int | None = None, lang: str = "en", counterparts: pd.DataFrame | None = None) -> Framed:
    """A region's figures over time: full years joined by a line; each partial year a separate, labelled span.

    Time runs continuously: a full year sits mid-year, a partial year is a bar across the months it
    covers (Jan–Sep 2024 spans three quarters of 2024), so the two never read as the same thing. Values
    are written beside their points (``labels.series_label_sets`` picks which and where, clear of each other,
    the line, the points and the edges), so a screenshot carries them. ``counterparts``: the figures of
    ``aggregate.both_sides``; those not in ``series`` are drawn as points of their side, off the line.
    """
    drawn = _drawn(series, counterparts)
    divisor, unit = _unit(max(drawn["usd_mn"], default=math.nan), lang)
    figures = _series_figures(drawn, series, divisor, lang)
    first, last = (min(figures["year"]), max(figures["year"])) if figures["year"] else (2000, 2001)
    y_top = nice_top(max(figures["amount"], default=0.0))
    figures.update(placement_columns(series_label_sets(figures, (first, last + 1), y_top, selected_year, LABEL_TIERS), range(len(figures["year"]))))
    styles = _kind_styles(figures["kind"], lang)
    entry = max(text_width(kind) for kind in styles["kinds"]) + 32  # px: symbol, label and the gap to the next column
    values = styles | {
        "first": first,
        "x_end": last + 1,
        "x_ticks": [y + 0.5 for y in range(first, last + 1)],
        "unit": unit,
        "y_top": y_top,
        "legend_columns": f"max(1, floor(width / {entry:.0f}))",
    }
    subtitle = [words.series_subtitle(unit, first, last, lang)]
    footnote = [words.series_footnote(not all(figures["full_year"]), lang)]
    datasets = {"figures": _records({name: _json_ready(items) for name, items in figures.items()})}
    return framed(_series_layout, values, (lang,), words.series_title(flow, region_name, lang), subtitle, source_line(drawn, lang=lang), datasets, footnote, labelled=True)


DRAWN_FIELDS = [*TOOLTIP_FIELDS, "year", "months", "usd_mn", "full_year", "approximate", "converted", "stats", "source_id"]


def _drawn(series: pd.DataFrame, counterparts: pd.DataFrame | None) -> dict[str, list]:
    """The columns of the figures a series chart draws: the series' figures, then those of ``counterparts`` not among
    them (lists picked, no tables joined). ``DRAWN_FIELDS``, each figure's row label (``index``), whether it is on
    the series' line (``on_line``) and whether it is one of two sides' statistics for its period (``side``)."""
    counterparts = series.iloc[0:0] if counterparts is None else counterparts
    others = (~counterparts.index.isin(series.index)).tolist()

    def column(values: list, counterpart_values: list) -> list:
        return values + [value for value, other in zip(counterpart_values, others) if other]

    drawn = {name: column(series[name].tolist(), counterparts[name].tolist()) for name in DRAWN_FIELDS}
    index = column(series.index.tolist(), counterparts.index.tolist())
    sided = set(counterparts.index.tolist())
    return drawn | {"index": index, "on_line": [True] * len(series) + [False] * sum(others), "side": [i in sided for i in index]}


def _series_figures(drawn: dict[str, list], series: pd.DataFrame, divisor: float, lang: str) -> dict[str, list]:
    """The series chart's columns, one item per figure drawn: what its tooltip shows, and where and how it is drawn
    (in plain lists: a handful of rows, read by the label placement and written as the chart's data)."""
    runs = basis_runs(series[series["full_year"]])
    run_of = dict(zip(runs.index, runs.tolist()))
    kinds = words.figure_kinds(lang)
    year, months, whole = drawn["year"], drawn["months"], drawn["full_year"]
    return {
        **{name: drawn[name] for name in [*TOOLTIP_FIELDS, "year", "full_year", "approximate"]},
        "amount": [usd_mn / divisor for usd_mn in drawn["usd_mn"]],
        "kind": [_figure_kind(full_year, rough, roubles, stats if side else "", kinds) for full_year, rough, roubles, stats, side in zip(whole, drawn["approximate"], drawn["converted"], drawn["stats"], drawn["side"])],
        "start": [float(y) for y in year],
        "end": [y + m / 12 for y, m in zip(year, months)],
        "middle": [y + m / 24 for y, m in zip(year, months)],
        "label": [shown if full_year else words.partial_label(period, shown, lang) for period, shown, full_year in zip(drawn["period"], drawn["shown"], whole)],
        "run": [run_of.get(i, "") for i in drawn["index"]],
        "on_line": drawn["on_line"],
    }


def _series_layout(v: Values, lang: str) -> alt.LayerChart:  # pragma: no mutate block
    """The series chart's layers: the full years' line, the partial years' spans, the points and the value labels."""
    x = alt.X(
        "middle:Q",
        title=None,
        scale=alt.Scale(domain=[v.number("first"), v.number("x_end")], nice=False, zero=False),
        axis=alt.Axis(values=v.items("x_ticks"), labelExpr="floor(datum.value)", grid=False, ticks=False),
    )
    y = alt.Y("amount:Q", title=v.text("unit"), scale=alt.Scale(domain=[0, v.number("y_top")], nice=False))  # fixed, so the labels' placement holds
    legend = alt.Legend(title=None, orient="top", columns=alt.ExprRef(v.text("legend_columns")), gridAlign="all", labelLimit=0)
    kinds = v.items("kinds")
    base = alt.Chart(NAMED).encode(x=x, y=y)
    line = base.transform_filter("datum.full_year && datum.on_line").mark_line(color=KIND_COLOURS[0], strokeWidth=2).encode(detail="run:N")
    spans = base.transform_filter("!datum.full_year && datum.on_line").mark_rule(color=KIND_COLOURS[2], strokeWidth=4, opacity=0.6).encode(x="start:Q", x2="end:Q")
    points = base.mark_point(size=90, strokeWidth=2, opacity=1).encode(
        color=alt.Color("kind:N", scale=alt.Scale(domain=kinds, range=v.items("kind_colours")), legend=legend),
        shape=alt.Shape("kind:N", scale=alt.Scale(domain=kinds, range=v.items("kind_shapes")), legend=legend),
        fill=alt.Fill("kind:N", scale=alt.Scale(domain=kinds, range=v.items("kind_fills")), legend=legend),
        tooltip=tooltip(lang),
    )
    placed = {name: alt.ExprRef(for_width(name)) for name in ("dx", "dy", "align")}
    labels = (
        base.transform_filter(f"isValid({for_width('align')})")
        .mark_text(**placed, baseline="alphabetic", fontSize=11)
        .encode(text="label:N", color=alt.condition("datum.full_year", alt.value(KIND_COLOURS[0]), alt.value(KIND_COLOURS[2])))
    )
    return (line + spans + points + labels).properties(width="container", height=PLOT_HEIGHT)


LABEL_WIDTHS = (300, 400, 520, 640, PLOT_WIDTH)  # plot widths (px) from which on a set of label placements holds: a phone's, page columns', the export's
WIDEST = 1400  # the widest plot the last set is checked at (a full-width column on a large screen)
LABEL_TIERS = list(zip(LABEL_WIDTHS, [*LABEL_WIDTHS[1:], WIDEST]))  # each set's range of widths: placed clear at both ends


def placement_columns(sets: list[dict], keys) -> dict[str, list]:
    """The label placements of each tier (``LABEL_TIERS``) as data columns ``dx``, ``dy``, ``align`` (numbered but the
    widest) for the rows ``keys`` (None where a label does not fit); ``for_width`` picks the drawn width's set."""
    columns: dict[str, list] = {}
    for tier, placed in enumerate(sets):
        at = [placed.get(key) for key in keys]
        for name in ("dx", "dy", "align"):
            columns[f"{name}{_tier_suffix(tier)}"] = [None if placement is None else getattr(placement, name) for placement in at]
    return columns


def for_width(name: str) -> str:
    """A Vega expression: the label placement ``name`` (dx, dy or align) for the drawn plot's width (Vega's ``width``
    signal): the set for the widest of LABEL_WIDTHS the plot holds, placed clear at that width and the next, so a
    chart as wide as its container keeps its labels clear at any width from 300 px on."""
    tier = " : ".join(f"width >= {width} ? {tier}" for tier, width in reversed(list(enumerate(LABEL_WIDTHS))) if tier) + " : 0"
    return f"[{', '.join(f'datum.{name}{_tier_suffix(tier)}' for tier in range(len(LABEL_WIDTHS)))}][{tier}]"


def _tier_suffix(tier: int) -> str:
    """The columns of the export's placements (the widest set) are plain ``dx``, ``dy``, ``align``; narrower sets are numbered."""
    return "" if tier == len(LABEL_WIDTHS) - 1 else str(tier)


def figure_labels(table: pd.DataFrame, lang: str = "en") -> list[str]:
    """Each figure of an ``aggregate.map_figures`` table as the map and ranking write it: a lower bound with its period, an earlier year with its year."""
    plain = [format_usd_mn(value, lang) for value in table["usd_mn"].tolist()]
    rows = zip(*(table[name].tolist() for name in ("basis", "shown")), plain, *(table[name].tolist() for name in ("period", "year", "qualifier")))
    return [words.map_figure_label(b, s, p, period, y, q, lang) for b, s, p, period, y, q in rows]


LABEL_SHARE = 0.65  # at most this share of a ranking's width is kept right of the longest bar for its label
LABEL_SIZE, SMALLEST_LABEL = 11, 8  # px: a ranking's value labels, made smaller (down to the smallest) in a plot too narrow for them
BAR_HEIGHT = 19  # px a ranking bar: twenty bars, the map and both source lines fit 1366 × 768 in briefing view
BASIS_COLOURS = {"full": "#1f5f8b", "bound": "#d55e00", "earlier": "#8c8c8c"}  # partial years in vermilion, as on the series chart


@cache
def _ranking_templates(lang: str) -> None:
    """Both variants of the ranking in ``lang`` (with and without marked bars) built at its first ranking, once per process."""
    for marked in (False, True):
        chart_template(_ranking_layout, (lang, marked))


def ranking_chart(table: pd.DataFrame, year: int, flow: str, limit: int = 20, lang: str = "en", since: int | None = None) -> Framed:
    """The regions with the largest figures (``aggregate.map_figures``), as labelled horizontal bars.

    A partial year standing as a lower bound and an earlier full year each have a colour of their own (named
    in the legend) and say so in their label; approximate or bound figures are lighter (said in the footnote).
    """
    _ranking_templates(lang)
    top = table.head(limit)
    divisor, unit = _unit(top["usd_mn"].max(), lang)
    markings = words.map_markings(lang)
    column = {name: top[name].tolist() for name in [*TOOLTIP_FIELDS, "year", "full_year", "approximate", "basis", "usd_mn"]}
    data = {name: column[name] for name in [*TOOLTIP_FIELDS, "year", "full_year", "approximate", "basis"]} | {
        "amount": [usd_mn / divisor for usd_mn in column["usd_mn"]],
        "label": figure_labels(top, lang),
        "lighter": [rough or basis == "bound" for rough, basis in zip(column["approximate"], column["basis"])],
        "marking": [markings.get(basis) for basis in column["basis"]],
    }
    used = [b for b in BASIS_COLOURS if b in set(column["basis"])]
    room = max((text_width(label, LABEL_SIZE) for label in data["label"]), default=0) + 12  # px right of the longest bar for its label
    largest = max(data["amount"], default=1.0)
    values = {
        "x_domain": f"[0, {largest} * width / max(width - {room:.0f}, width * {1 - LABEL_SHARE})]",  # labels inside the frame, bars still bars
        "label_size": _label_size(data["amount"], data["label"], largest, room),
        "markings": [markings[b] for b in used],
        "marking_colours": [BASIS_COLOURS[b] for b in used],
        "regions": column["region_name"],
        "unit": unit,
        "height": max(120, BAR_HEIGHT * len(top)),
    }
    subtitle = [words.ranking_subtitle(unit, year, lang, since)]
    footnote = [words.ranking_footnote(len(top), len(table), any(data["lighter"]), lang)]
    datasets = {"figures": _records({name: _json_ready(items) for name, items in data.items()})}
    return framed(_ranking_layout, values, (lang, used != ["full"]), words.ranking_title(flow, year, lang), subtitle, source_line(top, lang=lang), datasets, footnote)


def _label_size(amounts: list[float], labels: list[str], largest: float, room: float) -> str:  # pragma: no mutate block
    """A Vega expression of the plot's ``width``: the ranking labels' font size, ``LABEL_SIZE`` unless a label would reach
    past the frame after its bar (a Russian lower bound's label in a page column), then as large as the tightest one
    allows, down to ``SMALLEST_LABEL``. A bar ends at its share of ``max(width - room, width × (1 − LABEL_SHARE))``."""
    bars = f"max(width - {room:.0f}, width * {1 - LABEL_SHARE})"
    fits = [f"{LABEL_SIZE} * (width - {amount / largest if largest else 0.0:.4f} * {bars} - 12) / {text_width(label, LABEL_SIZE):.1f}" for amount, label in zip(amounts, labels) if label]
    return f"max({SMALLEST_LABEL}, min({', '.join([str(LABEL_SIZE), *fits])}))"


def _ranking_layout(v: Values, lang: str, legend: bool) -> alt.LayerChart:  # pragma: no mutate block
    """Bars in the table's order, coloured by what each figure is (a legend only when more than full years are drawn), and their labels."""
    colour = alt.Color("marking:N", scale=alt.Scale(domain=v.items("markings"), range=v.items("marking_colours")), legend=alt.Legend(title=None, orient="bottom", direction="vertical", labelLimit=0) if legend else None)
    y = alt.Y("region_name:N", sort=v.items("regions"), title=None)  # the table's order: a field sort is dropped in a layer
    bars = alt.Chart(NAMED).mark_bar().encode(
        y=y,
        x=alt.X("amount:Q", title=v.text("unit"), scale=alt.Scale(domain=alt.ExprRef(v.text("x_domain")), nice=False)),
        color=colour,
        opacity=alt.condition("datum.lighter", alt.value(0.55), alt.value(1.0)),
        tooltip=tooltip(lang),
    )
    text = alt.Chart(NAMED).mark_text(align="left", dx=4, fontSize=alt.ExprRef(v.text("label_size")), color="#1b1f24").encode(y=y, x="amount:Q", text="label:N")
    return (bars + text).properties(width="container", height=v.number("height"))


def region_colours(regions: list[str], order: list[str]) -> dict[str, str]:
    """Each region's colour, never one another chosen region has (up to eight): the Okabe–Ito colour at its position in
    ``order`` (the registry; regions missing from it follow it), so a region keeps its colour whatever else is chosen
    and in whatever order; where chosen regions share that colour (eight colours, 90 regions), the first of them in
    ``order`` keeps it and the others take, in that order, the colours no chosen region has."""
    positions = {region: i for i, region in enumerate([*order, *sorted(set(regions) - set(order))])}
    chosen = sorted(set(regions), key=positions.__getitem__)
    preferred = {region: OKABE_ITO[positions[region] % len(OKABE_ITO)] for region in chosen}
    colours: dict[str, str] = {}
    for region in chosen:
        if preferred[region] not in colours.values():
            colours[region] = preferred[region]
    free = itertools.cycle([colour for colour in OKABE_ITO if colour not in colours.values()] or OKABE_ITO)  # past eight, colours repeat
    colours |= {region: next(free) for region in chosen if region not in colours}
    return {region: colours[region] for region in regions}


def compare_chart(figures: pd.DataFrame, flow: str, order: list[str] | None = None, lang: str = "en") -> Framed:
    """Several regions' full-year series side by side (partial years are left to each region's profile), each
    region in its fixed colour (``region_colours`` by its position in ``order``, the registry's ids); approximate
    and bound figures are hollow points and say "about", "almost" or "over" in the end label."""
    full = figures[figures["full_year"]]
    names = full.drop_duplicates("region").sort_values("region")
    colours = region_colours(list(names["region"]), order or [])
    divisor, unit = _unit(full["usd_mn"].max(), lang)
    data = chart_data(full).assign(amount=full["usd_mn"] / divisor, run=year_runs(full))
    first, last = (int(data["year"].min()), int(data["year"].max())) if len(data) else (None, None)
    data, x_domain, y_top = _with_end_labels(data)
    values = {
        "regions": list(names["region_name"]),
        "region_colours": [colours[r] for r in names["region"]],
        "x_domain": x_domain,
        "years": list(range(first, last + 1)) if first is not None and last is not None else [],
        "unit": unit,
        "y_top": y_top,
    }
    subtitle = [words.compare_subtitle(unit, first, last, lang)]
    footnote = [words.compare_footnote(bool(full["approximate"].any()), lang)]
    return framed(_compare_layout, values, (lang,), words.compare_title(flow, lang), subtitle, source_line(full, lang=lang), named(data), footnote, labelled=True)


def _compare_layout(v: Values, lang: str) -> alt.LayerChart:  # pragma: no mutate block
    """One line per region in its colour, its points (hollow when approximate) and its name and last value at its end."""
    scale = alt.Scale(domain=v.items("regions"), range=v.items("region_colours"))
    base = alt.Chart(NAMED).encode(
        x=alt.X("year:Q", title=None, scale=alt.Scale(domain=alt.ExprRef(v.text("x_domain")), nice=False), axis=alt.Axis(format="d", values=v.items("years"))),
        y=alt.Y("amount:Q", title=v.text("unit"), scale=alt.Scale(domain=[0, v.number("y_top")], nice=False)),
        color=alt.Color("region_name:N", title=None, scale=scale, legend=None),  # each line is named at its end
    )
    ends = base.transform_filter("isValid(datum.end_label)").mark_text(align="left", baseline="middle", dx=8, fontSize=11).encode(y="end_y:Q", text="end_label:N")
    points = base.mark_point(size=60, filled=True, strokeWidth=2, opacity=1).encode(
        stroke=alt.Stroke("region_name:N", scale=scale, legend=None),
        fill=alt.condition("datum.approximate", alt.value("#ffffff"), alt.Fill("region_name:N", scale=scale, legend=None)),
        tooltip=tooltip(lang),
    )
    return (base.mark_line().encode(detail="run:N") + points + ends).properties(width="container", height=PLOT_HEIGHT)


def _with_end_labels(data: pd.DataFrame) -> tuple[pd.DataFrame, str, float]:
    """Each region's last full year labelled with its name and value (``end_label``, at height ``end_y``, spread so
    no two touch), and the axes' domains: the years plus room on the right for the widest label.

    The room is in pixels, so the x domain is a Vega expression (its text) of the drawn ``width``: on a
    phone's 300 px plot the labels stay inside the frame as they do in the 760 px export.
    """
    y_top = nice_top(data["amount"].max()) if len(data) else 1.0
    if data.empty:
        return data.assign(end_label=None, end_y=None), "[2000, 2001]", y_top
    last = data.sort_values("year").groupby("region_name").tail(1)
    text = last["region_name"] + " " + last["shown"]
    middles = end_label_offsets([PLOT_HEIGHT * (1 - a / y_top) for a in last["amount"]])
    data = data.join(pd.DataFrame({"end_label": text, "end_y": [(1 - m / PLOT_HEIGHT) * y_top for m in middles]}, index=last.index))
    first, final = float(data["year"].min()), float(data["year"].max())
    room = max(text_width(t) for t in text) + 16  # px right of the last point
    span = max(final - first, 1.0)
    start = first - span * 0.02
    return data, f"[{start}, {final} + {final - start} * {room:.1f} / max(width - {room:.1f}, 1)]", y_top


def district_chart(table: pd.DataFrame, year: int, flow: str, figures: pd.DataFrame, lang: str = "en") -> Framed:
    """Federal-district sums of the regions with data, each bar saying how many regions it covers."""
    covered = [words.regions_covered(int(n), int(m), lang) for n, m in zip(table["with_data"], table["regions"])]
    data = table.assign(amount=table["usd_mn"] / 1000, coverage=covered)
    values = {"unit": words.unit(True, lang), "height": max(120, 30 * len(data))}
    subtitle = [words.district_subtitle(year, lang)]
    return framed(_district_layout, values, (lang,), words.district_title(flow, year, lang), subtitle, source_line(figures, lang=lang), named(data), [words.district_footnote(lang)])


def _district_layout(v: Values, lang: str) -> alt.LayerChart:  # pragma: no mutate block
    """A bar per district, largest first, with how many of its regions it covers."""
    titles = words.district_tooltip_titles(lang)
    bars = alt.Chart(NAMED).mark_bar(color="#3b8bb3").encode(
        y=alt.Y("name:N", sort="-x", title=None),
        x=alt.X("amount:Q", title=v.text("unit")),
        tooltip=[alt.Tooltip("name:N", title=titles["name"]), alt.Tooltip("amount:Q", title=titles["amount"], format=".2f"), alt.Tooltip("coverage:N", title=titles["coverage"])],
    )
    text = bars.mark_text(align="left", dx=4, fontSize=11).encode(text="coverage:N")
    return (bars + text).properties(width="container", height=v.number("height"))
