"""Chart specs built once and filled with data.

Building a layered Altair chart costs tens of milliseconds of deep copies and schema checks whatever its
data, and a chart of a region or year never seen before had to pay it on the click. A chart kind is
therefore built once (per language and whatever else changes its shape) from one builder function,
with blanks where its data-dependent values go; the Vega-Lite spec it gives is validated once, and each
view is that spec with its values set at the blanks' places.

The builder reads every data-dependent value from the ``Values`` it is given: ``v.number("first")``,
``v.text("unit")``, ``v.items("x_ticks")``, ``v.feature("fit")``. Built with ``Blanks``, each answer is a token that the
template finds in the spec and remembers the place of; built with ``Values(...)``, the same function
gives the chart for those values directly, which is how the tests prove a filled template right.
"""

import pickle
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import altair as alt

_TEXT = "\u2063blank:{}\u2063"  # invisible separators: never part of a real title or domain
_NUMBER_BASE = -1.23456789e12
_FEATURE_KEY = "\u2063blank"  # far outside any chart's values: money, years, pixels


class Values:
    """The data-dependent values of one view, handed to a chart builder."""

    def __init__(self, values: Mapping[str, Any]):
        self._values = values

    def number(self, name: str) -> float:
        return self._values[name]

    def text(self, name: str) -> str:
        return self._values[name]

    def items(self, name: str) -> list:
        return list(self._values[name])

    def numbers(self, name: str, size: int = 1) -> list:
        """A list where the schema wants ``size`` numbers or more (a projection's ``rotate``: 2 or 3)."""
        return list(self._values[name])

    def feature(self, name: str) -> dict:
        """A GeoJSON feature (a map projection's ``fit``)."""
        return self._values[name]


class Blanks(Values):
    """Stand-ins for the values while a template is built: each name gets a token of the right type."""

    def __init__(self):
        super().__init__({})
        self.tokens: dict[Any, tuple[str, str]] = {}  # token -> (name, "value" | "items" | "feature")

    def _token(self, name: str, token, replaces: str):
        self.tokens[token] = (name, replaces)
        return token

    def number(self, name: str) -> float:
        known = [t for t, (n, _) in self.tokens.items() if n == name and isinstance(t, float)]
        return known[0] if known else self._token(name, _NUMBER_BASE - len(self.tokens), "value")

    def text(self, name: str) -> str:
        return self._token(name, _TEXT.format(name), "value")

    def items(self, name: str) -> list:
        return [self._token(name, _TEXT.format(f"{name}[]"), "items")]

    def numbers(self, name: str, size: int = 1) -> list:
        return [self._token(name, _NUMBER_BASE - len(self.tokens) - 0.5, "items")] * size

    def feature(self, name: str) -> dict:
        token = self._token(name, _TEXT.format(f"{name}{{}}"), "feature")
        return {"type": "Feature", "properties": {_FEATURE_KEY: token}, "geometry": {"type": "Point", "coordinates": [0, 0]}}


@dataclass(frozen=True)
class SpecTemplate:
    """A validated Vega-Lite spec and, for each value name, the places it goes."""

    spec: dict
    places: dict[str, list[tuple]]

    @cached_property
    def _pickled(self) -> bytes:
        """The spec as pickle's bytes: unpickled, a deep copy at a tenth of ``copy.deepcopy``'s cost."""
        return pickle.dumps(self.spec, protocol=pickle.HIGHEST_PROTOCOL)

    def fill(self, values: Mapping[str, Any]) -> dict:
        """The spec for ``values`` (every name the builder read): a copy, the template itself is never changed."""
        spec = pickle.loads(self._pickled)
        for name, places in self.places.items():
            for path in places:
                _set(spec, path, list(values[name]) if isinstance(values[name], (list, tuple)) else values[name])
        return spec


def spec_template(build: Callable[[Values], alt.TopLevelMixin]) -> SpecTemplate:
    """Build the chart once with blanks, validate its spec against the Vega-Lite schema, and find the blanks."""
    blanks = Blanks()
    spec = build(blanks).to_dict(validate=True)
    places: dict[str, list[tuple]] = {}
    _find(spec, (), blanks.tokens, places)
    missing = {name for name, _ in blanks.tokens.values()} - set(places)
    if missing:
        raise ValueError(f"values read by the chart builder but not found in its spec: {sorted(missing)}")
    return SpecTemplate(spec, places)


def _find(node, path: tuple, tokens: dict, places: dict) -> None:
    if isinstance(node, dict):
        token = node.get("properties", {}).get(_FEATURE_KEY) if isinstance(node.get("properties"), dict) else None
        if token is not None:
            places.setdefault(tokens[token][0], []).append(path)
            return
        for key, value in node.items():
            _find(value, (*path, key), tokens, places)
    elif isinstance(node, list):
        if node and _is_token(node[0], tokens) and tokens[node[0]][1] == "items" and all(item == node[0] for item in node):
            places.setdefault(tokens[node[0]][0], []).append(path)
            return
        for i, value in enumerate(node):
            _find(value, (*path, i), tokens, places)
    elif _is_token(node, tokens):
        name, replaces = tokens[node]
        if replaces != "value":
            raise ValueError(f"the list value {name!r} ended up inside another value in the spec at {path}")
        places.setdefault(name, []).append(path)
    elif isinstance(node, str) and "\u2063blank:" in node:
        raise ValueError(f"a text value ended up inside a longer text in the spec at {path}: {node!r}")


def _is_token(node, tokens: dict) -> bool:
    return isinstance(node, (str, float)) and not isinstance(node, bool) and node in tokens


def _set(spec: dict, path: tuple, value) -> None:
    for key in path[:-1]:
        spec = spec[key]
    spec[path[-1]] = value
