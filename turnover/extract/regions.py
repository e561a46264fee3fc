"""Regions named in a sentence: every name in the registry (geo/regions.csv), Russian names in any grammatical case
("со Смоленской областью", "Брянщиной"), German "Gebiet"/"Gebiets". Belarus and its oblasts are the home side; the
caller keeps them out of a candidate's region."""

import re
from dataclasses import dataclass

from turnover.extract.lexicon import any_language, de, ru
from turnover.regions import Registry, UnknownRegion, normalise_name

I = re.IGNORECASE
_NAME_SEPARATOR = r"[\s\-‐‑–—.'’]+"
_LOCATIVE = re.compile(rf"(?:\b(?:{any_language('LOCATIVE')})\s+)$", I)


def _word_pattern(word: str) -> str:
    """One word of a name: a Russian word as its stem with any case ending, German words with their own forms."""
    if re.fullmatch(r"[а-яё]+", word) and len(word) >= 4:
        stem = word
        for ending in ru.NAME_STRIP_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                stem = word[: -len(ending)]
                break
        return stem.replace("е", "[её]") + f"(?:{ru.NAME_CASE_ENDINGS})?"
    if word in de.NAME_WORD_FORMS:
        return de.NAME_WORD_FORMS[word]
    return re.escape(word).replace("е", "[её]")


@dataclass(frozen=True)
class RegionMention:
    start: int
    end: int
    region: str
    country: str  # RU, BY, UA
    kind: str  # the registry's kind (country, federal_district, oblast, city, ...)
    weak: bool  # a country or city named as a place ("in Russia", "talks in Moscow"), not as a partner


@dataclass
class RegionMatcher:
    patterns: list[tuple[re.Pattern, str]]  # (pattern, region id)
    table: object


_MATCHERS: dict[int, tuple[Registry, RegionMatcher]] = {}


def region_matcher(registry: Registry) -> RegionMatcher:
    """The name patterns of a registry, built once per registry object."""
    cached = _MATCHERS.get(id(registry))
    if cached is not None and cached[0] is registry:
        return cached[1]
    if len(_MATCHERS) > 8:
        _MATCHERS.clear()
    matcher = _build_matcher(registry)
    _MATCHERS[id(registry)] = (registry, matcher)
    return matcher


def _build_matcher(registry: Registry) -> RegionMatcher:
    patterns = []
    seen = set()
    for row in registry.table.itertuples():
        names = [row.name_en, row.name_ru, row.name_de, *str(row.aliases).split("|")]
        for name in filter(None, (str(n).strip() for n in names)):
            try:
                region_id = registry.resolve(name)  # resolved through the registry, so its aliases rule
            except UnknownRegion:
                continue
            words = normalise_name(name).split()
            if not words or (region_id, tuple(words)) in seen:
                continue
            seen.add((region_id, tuple(words)))
            body = _NAME_SEPARATOR.join(_word_pattern(w) for w in words)
            patterns.append((re.compile(rf"(?<![\wа-яё]){body}(?![\wа-яё])", I), region_id))
    return RegionMatcher(patterns, registry.table)


def find_regions(sentence: str, matcher: RegionMatcher) -> list[RegionMention]:
    """Every region named, longest name first where names overlap ("Gebiet Smolensk" over "Smolensk")."""
    hits = []
    for pattern, region_id in matcher.patterns:
        for match in pattern.finditer(sentence):
            hits.append((match.start(), -(match.end() - match.start()), match.end(), region_id))
    hits.sort()
    mentions, covered_until = [], -1
    table = matcher.table
    for start, _negative_length, end, region_id in hits:
        if start < covered_until:
            continue
        covered_until = end
        kind, country = table.at[region_id, "kind"], table.at[region_id, "country"]
        weak = kind in ("country", "federal_city", "city") and bool(_LOCATIVE.search(sentence[max(0, start - 8): start]))
        mentions.append(RegionMention(start, end, region_id, country, kind, weak))
    return mentions
