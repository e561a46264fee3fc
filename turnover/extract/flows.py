"""Flow words in a sentence: "trade"/"Handelsumsatz"/"товарооборот" (turnover); an export or import word is read
with its direction ("exports to Belarus" are the region's exports, i.e. Belarus' imports)."""

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from turnover.extract.lexicon import lexicon
from turnover.extract.signals import CLAUSE_BREAK

I = re.IGNORECASE
GAP = r"(?:\s+[\w'’-]+){0,3}?"  # up to three words between an export word and its direction


@dataclass(frozen=True)
class FlowMention:
    start: int
    end: int
    flow: str  # turnover | export | import | bare_export | bare_import
    # Whose "exports" the phrase speaks of: "BY" ("Belarusian exports"), "region" ("exports to Belarus"), "" (none).
    perspective: str = ""


@lru_cache(maxsize=None)
def _flow_patterns(lang: str) -> list[tuple[re.Pattern, str, str]]:
    """(pattern, flow, perspective). Directional phrases first (their words must not be read again as bare
    'exports'), then bare export/import words, then trade words."""
    words_of = lexicon(lang)
    belarus, belarusian = words_of.BELARUS, words_of.BELARUSIAN
    export, import_ = words_of.EXPORT_WORD, words_of.IMPORT_WORD
    to, from_ = words_of.TO_FROM
    w = r"(?<![\wа-яё])"
    rules = [
        # "Belarusian exports", "belarussische Exporte", "белорусский экспорт", "экспорт белорусской продукции"
        (rf"{w}(?:{belarusian})\s+(?:{export})", "export", "BY"),
        (rf"{w}(?:{belarusian})\s+(?:{import_})", "import", "BY"),
        (rf"{w}(?:{export})\s+(?:of\s+)?(?:{belarusian})", "export", "BY"),
        (rf"{w}(?:{import_})\s+(?:of\s+)?(?:{belarusian})", "export", "region"),  # the region imports Belarusian goods
        (rf"{w}(?:{words_of.BELARUS_EXPORTED})", "export", "BY"),
        (rf"{w}(?:{words_of.BELARUS_IMPORTED})", "import", "BY"),
        # direction by preposition: exports to Belarus = the region's exports = Belarus' imports, and so on
        (rf"{w}(?:{export}){GAP}\s+(?:{to})\s+(?:{belarus})", "import", "region"),
        (rf"{w}(?:{export}){GAP}\s+(?:{from_})\s+(?:{belarus})", "export", "BY"),
        (rf"{w}(?:{import_}){GAP}\s+(?:{from_})\s+(?:{belarus})", "export", "region"),
        (rf"{w}(?:{import_}){GAP}\s+(?:{to})\s+(?:{belarus})", "import", "BY"),
        (rf"{w}(?:{export}){GAP}\s+(?:{to})\s+(?!{belarus})\w", "export", "BY"),
        (rf"{w}(?:{import_}){GAP}\s+(?:{from_})\s+(?!{belarus})\w", "import", "BY"),
        (rf"{w}(?:{export})(?![\wа-яё])", "bare_export", ""),
        (rf"{w}(?:{import_})(?![\wа-яё])", "bare_import", ""),
        (rf"{w}(?:{words_of.TURNOVER_WORDS})(?![\wа-яё])", "turnover", ""),
    ]
    return [(re.compile(pattern, I), flow, perspective) for pattern, flow, perspective in rules]


def find_flows(sentence: str, lang: str) -> list[FlowMention]:
    taken, found = [], []
    for pattern, flow, perspective in _flow_patterns(lang):
        for match in pattern.finditer(sentence):
            if any(not (match.end() <= s or match.start() >= e) for s, e in taken):
                continue
            taken.append((match.start(), match.end()))
            found.append(FlowMention(match.start(), match.end(), flow, perspective))
    return sorted((_direction_later(sentence, m, lang) for m in found), key=lambda m: m.start)


def _direction_later(sentence: str, mention: FlowMention, lang: str) -> FlowMention:
    """A bare export/import word whose direction comes later in its clause, past the amount:
    "Tatarstan exported goods worth $190 million to Belarus" (the region's export: Belarus' import)."""
    if mention.flow not in ("bare_export", "bare_import"):
        return mention
    end = CLAUSE_BREAK.search(sentence, mention.end)
    rest = sentence[mention.end: end.start() if end else len(sentence)][:120]
    words_of = lexicon(lang)
    to, from_ = words_of.TO_FROM
    towards = re.search(rf"(?<![\wа-яё])(?:{to})\s+(?:{words_of.BELARUS})", rest, I)
    away = re.search(rf"(?<![\wа-яё])(?:{from_})\s+(?:{words_of.BELARUS})", rest, I)
    export_word = mention.flow == "bare_export"
    if towards and not away:
        return replace(mention, flow="import", perspective="region" if export_word else "BY")
    if away and not towards:
        return replace(mention, flow="export", perspective="BY" if export_word else "region")
    return mention
