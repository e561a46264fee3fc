"""The region registry (geo/regions.csv) and resolving any name a source uses to a region id."""

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz, process

from turnover.problems import Problem, display_path
from turnover.i18n import N_
from turnover.texts.notices import UNKNOWN_REGION, closest_names, unknown_region_name
from turnover.validate import check_unique, read_table


MAX_NAME = 100  # characters of an unknown name compared with the known ones: the longest known name is far shorter


class UnknownRegion(LookupError):
    """A name that matches no region; carries the closest known names so a person can pick."""

    def __init__(self, name: str, suggestions: list[tuple[str, str]]):
        self.name = name
        self.suggestions = suggestions
        super().__init__(unknown_region_name(name, suggestions))


def normalise_name(name: str) -> str:
    """Case, accents on ё, dashes, punctuation and spacing do not distinguish region names."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("ё", "е")
    text = re.sub(r"[\u2010-\u2015\-]+", " ", text)
    text = re.sub(r"[\"'«»“”„().,]+", " ", text)
    return " ".join(text.split())


@dataclass
class Registry:
    table: pd.DataFrame  # indexed by id
    names: dict[str, str]  # normalised name -> id
    _names_by_language: dict[str, dict[str, str]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def resolve(self, name: str) -> str:
        """The id of the region called ``name`` in English, German or Russian; ``UnknownRegion`` if none."""
        key = normalise_name(name)
        if key in self.names:
            return self.names[key]
        if name.strip() in self.table.index:
            return name.strip()
        raise UnknownRegion(name, self.closest(name))

    def why_unknown(self, name: str) -> tuple[str, str]:
        """Why ``name`` is not accepted as a region id, as a message with placeholders ``{name}`` and ``{detail}``
        and the detail: the id it means, or the closest known names."""
        try:
            return N_("region must be a region id: {name!r} is {detail}"), self.resolve(name)
        except UnknownRegion as error:
            return UNKNOWN_REGION, closest_names(error.suggestions)

    def closest(self, name: str, limit: int = 3) -> list[tuple[str, str]]:
        """The known regions whose names are nearest ``name``; only its first ``MAX_NAME`` characters are compared,
        so the search takes about the same time whatever is given (100,000 characters took 16 s before)."""
        keys = list(self.names)
        found = process.extract(normalise_name(name[:MAX_NAME]), keys, scorer=fuzz.WRatio, limit=limit * 3)
        seen, result = set(), []
        for key, _score, _ in found:
            region_id = self.names[key]
            if region_id not in seen:
                seen.add(region_id)
                result.append((self.table.at[region_id, "name_en"], region_id))
        return result[:limit]

    def name(self, region_id: str, lang: str = "en") -> str:
        """The region's name in ``lang`` (the registry's ``name_<lang>`` column, English when it has none), else the id."""
        return self.names_in(lang).get(region_id, region_id)

    def names_in(self, lang: str) -> dict[str, str]:
        """Every region's name in ``lang`` by id, read from the table once per language (the sidebar names every
        region on every run)."""
        if lang not in self._names_by_language:
            english = self.table["name_en"]
            column = f"name_{lang}"
            own = self.table[column] if column in self.table.columns else english
            self._names_by_language[lang] = {
                region_id: named if isinstance(named, str) and named else fallback
                for region_id, named, fallback in zip(self.table.index, own, english)
            }
        return self._names_by_language[lang]

    def members(self, district_id: str) -> list[str]:
        """The ids of the federal subjects in a federal district."""
        return list(self.table.index[self.table["federal_district"] == district_id])


def load_registry(path: Path) -> tuple[Registry, list[Problem]]:
    table, problems = read_table(path, "regions")
    shown = display_path(path)
    table, repeats = check_unique(table, ["id"], shown, N_("duplicate region id: same {key} as line {first}"))
    problems += repeats
    names: dict[str, str] = {}
    for row in table.itertuples():
        candidates = [row.id, row.name_en, row.name_ru, row.name_de, *str(row.aliases).split("|")]
        for candidate in filter(None, (c.strip() for c in candidates)):
            key = normalise_name(candidate)
            if names.setdefault(key, row.id) != row.id:
                problems.append(Problem(shown, int(row.line), "aliases", N_("name {name!r} already means {region}"), params=(("name", candidate), ("region", names[key]))))
    return Registry(table.set_index("id", drop=False), names), problems
