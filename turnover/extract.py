"""Candidate figures from a news text in English, German or Russian: rule-based, one table of regexes per language.

How a text is read (``extract_figures``):

1. It is split into sentences: at blank lines, and after '.', '!' or '?' unless the dot ends an abbreviation
   ("St.", "г. Москва", "Mrd." before "Rubel").
2. In each sentence the *mentions* are found, each with its position:
   - amounts: a number (decimal comma or dot, "half a", "eine", "полтора"), a scale ("billion", "Mrd.", "млн")
     and a currency ("$", "US-Dollar", "рублей"). A number followed by "%", "Prozent" or "процентов" never is an
     amount, nor is an amount followed by a unit ("тонн"), nor a change ("grew by $200 million", "вырос на ...");
   - periods: years ("in 2023", "за 2023 год"), relative years ("last year", "im vergangenen Jahr", "в прошлом
     году": need the publication date), months covered from January ("first nine months", "Januar–September",
     "в первом полугодии", "Q1"), and references back ("in the same period", "im Vorjahreszeitraum").
     Years after "compared with", "gegenüber", "по сравнению с", "since", "by" are comparisons or targets, not periods;
   - regions: every name in the registry (geo/regions.csv), Russian names in any grammatical case
     ("со Смоленской областью", "Брянщиной"), German "Gebiet"/"Gebiets"; Belarus and its oblasts are the home side
     and never a candidate's region;
   - flows: "trade"/"Handelsumsatz"/"товарооборот" (turnover); an export or import word is read with its direction
     ("exports to Belarus" are the region's exports, i.e. Belarus' imports);
   - qualifiers, just before the amount: "almost", "knapp", "почти" (at_most); "over", "mehr als", "свыше"
     (at_least); "about", "rund", "около" (approx);
   - signals: statistics named (Belarusian or Russian), goods and services, a food subset, a forecast or target,
     money that is not trade (investment, a contract).
3. Each amount takes its period, region and flow from its own clause first (a period written right after an amount
   belongs to it: "$1.0 billion in 2022 to $1.2 billion in 2023"), then from its sentence, then from the article so
   far (the previous figure's period and flow, the last region named), which ``flags`` then says.

It never invents a region or a year: what the text (or, for "last year", the publication date) does not give stays
blank and is named in ``flags``. The functions are pure; ``extract_figures`` is the entry point.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from turnover.regions import Registry, UnknownRegion, normalise_name

FIGURE_COLUMNS = ["region", "year", "months", "flow", "value", "currency", "scale", "qualifier", "coverage", "stats", "source_id", "note"]
COLUMNS = FIGURE_COLUMNS + ["sentence", "flags"]
REQUIRED = ("region", "year", "months", "flow", "value", "currency", "scale")

I = re.IGNORECASE


# ----------------------------------------------------------------------------------------------------------------
# The result
# ----------------------------------------------------------------------------------------------------------------


@dataclass
class Candidate:
    """One figure found in a text, in the data model's columns; blank where the text did not decide."""

    region: str = ""
    year: int | None = None
    months: int | None = None
    flow: str = ""
    value: str = ""
    currency: str = ""
    scale: str = ""
    qualifier: str = "exact"
    coverage: str = "goods"
    stats: str = ""
    source_id: str = ""
    note: str = ""
    sentence: str = ""
    flags: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Every column a figure needs is decided (a reviewer may still disagree with a flag)."""
        return all(getattr(self, name) not in ("", None) for name in REQUIRED)

    def row(self) -> dict[str, str]:
        """The candidate as CSV cells (the figure columns, ``sentence`` and ``flags`` joined by '; ')."""
        cells = {name: getattr(self, name) for name in FIGURE_COLUMNS + ["sentence"]}
        cells = {name: "" if value is None else str(value) for name, value in cells.items()}
        cells["flags"] = "; ".join(self.flags)
        return cells


# ----------------------------------------------------------------------------------------------------------------
# Language and sentences
# ----------------------------------------------------------------------------------------------------------------

_GERMAN_WORDS = re.compile(r"\b(der|die|das|und|mit|im|dem|den|des|sich|zwischen|auf|nach|wurde|ist|einer|eine|über|Jahr)\b")
_ENGLISH_WORDS = re.compile(r"\b(the|and|of|with|in|to|was|between|from|for|amounted|reached|trade|year)\b")


def detect_language(text: str) -> str:
    """'ru' when the text is mostly Cyrillic; otherwise 'de' or 'en' by counting common words."""
    letters = [ch for ch in text if ch.isalpha()]
    if letters and sum("\u0400" <= ch <= "\u04ff" for ch in letters) / len(letters) > 0.3:
        return "ru"
    german = len(_GERMAN_WORDS.findall(text)) + 2 * len(re.findall(r"[äöüß]", text))
    english = len(_ENGLISH_WORDS.findall(text))
    return "de" if german > english else "en"


@dataclass(frozen=True)
class Sentence:
    text: str
    paragraph: int


# A dot after one of these does not end a sentence (titles, "St. Petersburg", "ca.", dates "Jan. 5").
_NEVER_FINAL = {"st", "mr", "mrs", "ms", "dr", "gov", "no", "nr", "ca", "bzw", "vgl", "inkl", "ggü", "zb", "ua", "vs", "approx",
                "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ул", "им", "обл", "респ", "тел"}
# Abbreviated scales and currencies: the sentence ends there only if a capitalised word other than a currency follows.
_SCALE_ABBREVIATIONS = {"mln", "bn", "bln", "trln", "tn", "mio", "mrd", "tsd", "млн", "млрд", "трлн", "тыс", "руб", "долл", "дол"}
_CURRENCY_START = re.compile(r"(?:US|USD|Dollar|Rubel|Euro|EUR|RUB|BYN|\$|долл|руб|евро)", I)
_SENTENCE_END = re.compile(r"[.!?…]+[\"»”’)]*\s+")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their paragraph number; blank lines always separate, a short title line too."""
    result = []
    paragraphs = [p for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]
    widest = max((len(line) for line in text.splitlines()), default=0)
    for number, paragraph in enumerate(paragraphs):
        for block in _title_lines(paragraph, widest):
            for sentence in _split_block(block):
                cleaned = " ".join(sentence.split())
                if cleaned:
                    result.append(Sentence(cleaned, number))
    return result


def _title_lines(paragraph: str, widest: int) -> list[str]:
    """A line without final punctuation and clearly shorter than the text's width is a title: its own block."""
    lines = paragraph.split("\n")
    blocks, current = [], []
    for line in lines:
        current.append(line)
        stripped = line.strip()
        if stripped and not re.search(r"[.!?,;:\-–(]$", stripped) and len(stripped) < 0.6 * widest:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


def _split_block(block: str) -> list[str]:
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(block):
        before = block[start:match.start() + 1]
        after = block[match.end():]
        if not after or _continues(before, after):
            continue
        pieces.append(block[start:match.end()])
        start = match.end()
    pieces.append(block[start:])
    return pieces


def _continues(before: str, after: str) -> bool:
    """Whether the dot at the end of ``before`` is inside a sentence, judging by the word before and after it."""
    word = re.search(r"([\w.]+)[.!?…]*[\"»”’)]*$", before)
    last = word.group(1).rstrip(".").replace(".", "").lower() if word else ""
    next_char = after[0]
    if not (next_char.isupper() or next_char.isdigit() or next_char in "\"«„“'("):
        return True  # "млрд. рублей", "etc. and"
    if before.rstrip().endswith(("!", "?", "…")):
        return False
    if last in _NEVER_FINAL or (len(last) == 1 and last.isalpha() and last != "г"):
        return True  # "St. Petersburg", initials "A. Lukashenko"
    if last == "г":  # "г. Москва" (city) continues; "2024 г. Товарооборот" ends
        return not re.search(r"\d\s*г\.?\s*$", before)
    if last in _SCALE_ABBREVIATIONS and _CURRENCY_START.match(after):
        return True  # "25 Mrd. Rubel", "1,2 млрд. $"
    return False


# ----------------------------------------------------------------------------------------------------------------
# Numbers and amounts
# ----------------------------------------------------------------------------------------------------------------

# Digits with thousands groups ("1,234.5", "1 234,5", "1.234") or a plain decimal ("4,4", "4.4").
NUMBER = r"\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"

# Scale words per language -> the data model's scale. German "Billion" is 10^12, English "billion" 10^9.
SCALE_WORDS = {
    "en": [(r"thousand|thsd|k", "thousand"), (r"millions?|mln|mn|m", "mn"), (r"billions?|bln|bn|b", "bn"), (r"trillions?|trln|tn", "trn")],
    "de": [(r"Tausend|Tsd\.?", "thousand"), (r"Millionen|Million|Mio\.?", "mn"), (r"Milliarden|Milliarde|Mrd\.?", "bn"), (r"Billionen|Billion|Bio\.?", "trn")],
    "ru": [(r"тыс(?:яч[аи]?|\.)?", "thousand"), (r"миллион(?:ами|ах|ов|а)?|млн\.?", "mn"), (r"миллиард(?:ами|ах|ов|а)?|млрд\.?", "bn"), (r"триллион(?:ами|ах|ов|а)?|трлн\.?", "trn")],
}
# Abbreviations allowed only right after a currency sign ("$500m", "$1.2b"), never after a bare number ("500 m").
_SIGN_ONLY_SCALES = {"m", "b", "k"}

# Currency words after the amount, longest first. BYN before RUB: "Belarusian roubles" are not Russian roubles.
CURRENCY_AFTER = {
    "en": [
        (r"Belarusian\s+(?:roubles?|rubles?)|BYN|BYR", "BYN"),
        (r"(?:Russian\s+)?(?:roubles?|rubles?)|RUB|RUR", "RUB"),
        (r"(?:(?:US|U\.S\.|American)\s+)?dollars?|USD|US\$|\$", "USD"),
        (r"euros?|EUR|€", "EUR"),
    ],
    "de": [
        (r"(?:belarussische[nr]?|weißrussische[nr]?)\s+Rubel|BYN", "BYN"),
        (r"(?:russische[nr]?\s+)?Rubel|RUB", "RUB"),
        (r"US-Dollar|US\s+Dollar|Dollar|USD|US\$|\$", "USD"),
        (r"Euro|EUR|€", "EUR"),
    ],
    "ru": [
        (r"белорусск(?:их|ий|ого)\s+рубл(?:ей|я|ь)|бел\.\s*руб\.?|BYN", "BYN"),
        (r"(?:российск(?:их|ий|ого)\s+)?рубл(?:ей|я|ь|ях)|руб\.?|RUB", "RUB"),
        (r"долл(?:ар(?:ов|а|ы)?)?\.?(?:\s+США)?|дол\.|USD|US\$|\$", "USD"),
        (r"евро|EUR|€", "EUR"),
    ],
}
CURRENCY_BEFORE = [(r"US\$|\$|USD", "USD"), (r"RUB", "RUB"), (r"BYN", "BYN"), (r"€|EUR", "EUR")]

# Numbers written as words before a scale ("half a billion", "eine Milliarde", "полтора миллиарда").
NUMBER_WORDS = {
    "en": [(r"one\s+and\s+a\s+half", "1.5"), (r"half\s+a", "0.5"), (r"a|one", "1"), (r"two", "2"), (r"three", "3"), (r"four", "4"), (r"five", "5"),
           (r"six", "6"), (r"seven", "7"), (r"eight", "8"), (r"nine", "9"), (r"ten", "10")],
    "de": [(r"eineinhalb|anderthalb", "1.5"), (r"eine\s+halbe", "0.5"), (r"eine|einer|ein", "1"), (r"zwei", "2"), (r"drei", "3"), (r"vier", "4"),
           (r"fünf", "5"), (r"sechs", "6"), (r"sieben", "7"), (r"acht", "8"), (r"neun", "9"), (r"zehn", "10")],
    "ru": [(r"полтора|полторы", "1.5"), (r"пол", "0.5"), (r"один|одна|одного", "1"), (r"два|две|двух", "2"), (r"три|тр[её]х", "3"),
           (r"четыре|четыр[её]х", "4"), (r"пять|пяти", "5"), (r"шесть|шести", "6"), (r"семь|семи", "7"), (r"восемь|восьми", "8"),
           (r"девять|девяти", "9"), (r"десять|десяти", "10")],
}

# A unit after an amount means it is not money ("2,5 млн тонн", "1 Million Einwohner").
NOT_MONEY_UNIT = re.compile(
    r"\s*(?:of\s+)?(?:tonnes?|tons?|t\b|people|inhabitants|residents|units|pieces|cars|vehicles|head|litres?|liters?|barrels?|cubic|square|"
    r"km|kilomet\w*|hectares?|jobs|visitors|tourists|doses|copies|kWh|"
    r"Tonnen|Einwohner\w*|Menschen|Stück|Fahrzeuge|Liter|Barrel|Kubikmeter|Quadratmeter|Hektar|Arbeitsplätze|Touristen|Besucher|"
    r"тонн\w*|т\.|т\b|человек|жител\w*|штук\w*|шт\.|единиц\w*|автомобил\w*|литр\w*|баррел\w*|кубометр\w*|куб\.|кв\.|гектар\w*|га\b|"
    r"рабочих\s+мест|турист\w*|голов\w*|экземпляр\w*|км\b|кВт)",
    I,
)
PERCENT_AFTER = re.compile(r"\s*(?:%|percent|per\s+cent|pct|Prozent|процент\w*|п\.\s*п\.)", I)


@dataclass
class Amount:
    start: int
    end: int
    value: str  # dot decimal, as published
    scale: str  # "" when no scale word and no thousands groups
    currency: str  # USD, RUB, BYN, EUR (not in the data model) or "" when not stated
    upper: str = ""  # the upper end of a range ("1.2–1.5 billion")


@lru_cache(maxsize=None)
def _amount_pattern(lang: str) -> re.Pattern:
    scales = "|".join(f"(?:{words})" for words, _ in SCALE_WORDS[lang])
    after = "|".join(f"(?:{words})" for words, _ in CURRENCY_AFTER[lang])
    before = "|".join(f"(?:{words})" for words, _ in CURRENCY_BEFORE)
    words = "|".join(f"(?:{w})" for w, _ in NUMBER_WORDS[lang])
    number = rf"(?P<num>{NUMBER})(?:\s*(?:[-–—]|to|bis|до)\s*(?P<upper>{NUMBER}))?"
    # Russian "полмиллиарда", "полмиллиона" glue the half to the scale.
    glued = r"(?P<glued>пол)(?=миллиард|миллион|триллион)" if lang == "ru" else r"(?P<glued>(?!x)x)"
    return re.compile(
        rf"(?<![\w.,])(?:(?P<pre>{before})\s?)?"
        rf"(?:{number}|{glued}|(?P<word>{words})(?=\s+(?:{scales})))"
        rf"(?:\s*(?P<scale>{scales})(?![\wа-яё]))?"
        rf"(?:\s*(?P<post>{after})(?![\wа-яё]))?",
        I,
    )


def _bare_scale_pattern(lang: str) -> re.Pattern | None:
    """Russian "миллиард долларов" with no number: one billion."""
    if lang != "ru":
        return None
    scales = "|".join(f"(?:{words})" for words, _ in SCALE_WORDS[lang][1:])
    after = "|".join(f"(?:{words})" for words, _ in CURRENCY_AFTER[lang])
    return re.compile(rf"(?<![\w\d.,])(?P<scale>{scales})\s+(?P<post>{after})(?![\wа-яё])", I)


def parse_number(text: str, lang: str) -> str:
    """Digits as written -> a dot-decimal string; thousands separators dropped ("1,234.5" -> "1234.5", "4,4" -> "4.4")."""
    text = re.sub(r"[\u00a0\u202f ]", "", text)
    commas, dots = text.count(","), text.count(".")
    if commas and dots:  # the later one is the decimal mark
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        return text.replace(thousands, "").replace(decimal, ".")
    for mark in (",", "."):
        count = text.count(mark)
        if count > 1:
            return text.replace(mark, "")
        if count == 1:
            digits_after = len(text) - text.index(mark) - 1
            # "1,200" is 1200 in English; "1.234" is 1234 in German and Russian; otherwise a decimal mark.
            if digits_after == 3 and ((mark == "," and lang == "en") or (mark == "." and lang != "en")):
                return text.replace(mark, "")
            return text.replace(mark, ".")
    return text


def _scale_of(word: str, lang: str) -> str:
    for words, scale in SCALE_WORDS[lang]:
        if re.fullmatch(words, word, I):
            return scale
    return ""


def _currency_of(word: str, table) -> str:
    for words, code in table:
        if re.fullmatch(words, word.strip(), I):
            return code
    return ""


def _number_word(word: str, lang: str) -> str:
    for words, value in NUMBER_WORDS[lang]:
        if re.fullmatch(words, " ".join(word.split()), I):
            return value
    return ""


def _without_scale(value: str) -> tuple[str, str]:
    """A figure written out in full ("$920,000") in the largest scale that keeps it at least 1."""
    number = float(value)
    for scale, size in (("trn", 1e12), ("bn", 1e9), ("mn", 1e6), ("thousand", 1e3)):
        if number >= size:
            return _tidy(number / size), scale
    return value, ""


def _tidy(number: float) -> str:
    return f"{number:.6f}".rstrip("0").rstrip(".")


def find_amounts(sentence: str, lang: str) -> list[Amount]:
    """Money amounts: a number with a scale and/or a currency; percentages, units and bare numbers are not."""
    found = []
    for match in _amount_pattern(lang).finditer(sentence):
        pre, post, scale_word = match.group("pre"), match.group("post"), match.group("scale")
        if match.group("num"):
            value = parse_number(match.group("num"), lang)
        elif match.group("glued"):
            value = "0.5"
        elif match.group("word"):
            value = _number_word(match.group("word"), lang)
        else:
            continue
        scale = _scale_of(scale_word, lang) if scale_word else ""
        if scale_word and scale_word.lower() in _SIGN_ONLY_SCALES and not pre:
            scale, scale_word = "", None
            if not post:
                continue
        if not (pre or post or scale_word):
            continue
        after = sentence[match.end():]
        if PERCENT_AFTER.match(after) or NOT_MONEY_UNIT.match(after):
            continue
        if not scale_word and not (pre or post):
            continue
        currency = _currency_of(post, CURRENCY_AFTER[lang]) if post else _currency_of(pre, CURRENCY_BEFORE) if pre else ""
        if not scale:
            if "." not in value and float(value) < 1000:
                continue  # "$500": not a trade figure, or an exchange rate
            value, scale = _without_scale(value)
        upper = parse_number(match.group("upper"), lang) if match.group("upper") else ""
        end = match.end() if (post or scale_word) else match.end("num")
        found.append(Amount(match.start(), end, value, scale, currency, upper))
    bare = _bare_scale_pattern(lang)
    if bare:
        taken = [(a.start, a.end) for a in found]
        for match in bare.finditer(sentence):
            if any(s <= match.start() < e for s, e in taken):
                continue
            found.append(Amount(match.start(), match.end(), "1", _scale_of(match.group("scale"), lang), _currency_of(match.group("post"), CURRENCY_AFTER[lang])))
    return sorted(found, key=lambda a: a.start)


# ----------------------------------------------------------------------------------------------------------------
# Periods
# ----------------------------------------------------------------------------------------------------------------

MONTH_NAMES = {
    "en": ["jan(?:uary|\\.)?", "feb(?:ruary|\\.)?", "mar(?:ch|\\.)?", "apr(?:il|\\.)?", "may", "june?", "july?", "aug(?:ust|\\.)?",
           "sep(?:t(?:ember)?)?\\.?", "oct(?:ober|\\.)?", "nov(?:ember|\\.)?", "dec(?:ember|\\.)?"],
    "de": ["januar", "februar", "märz|maerz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
    # Russian month stems take any case ending: январь, января, январе; май, мая, мае.
    "ru": ["январ[ьяею]", "феврал[ьяею]", "март[аеу]?", "апрел[ьяею]", "ма[йяею]", "июн[ьяею]", "июл[ьяею]", "август[аеу]?",
           "сентябр[ьяею]", "октябр[ьяею]", "ноябр[ьяею]", "декабр[ьяею]"],
}
MONTH_COUNT_WORDS = {
    "en": ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"],
    "de": ["ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"],
    "ru": ["од(?:ин|ного)", "дв(?:а|ух)", "тр(?:и|[её]х)", "четыр(?:е|[её]х)", "пят(?:ь|и)", "шест(?:ь|и)", "сем(?:ь|и)", "вос(?:емь|ьми)",
           "девят(?:ь|и)", "десят(?:ь|и)", "одиннадцат(?:ь|и)", "двенадцат(?:ь|и)"],
}
_RANGE_DASH = r"\s*(?:[-–—]|to|through|till|until|bis|по)\s*"


@dataclass
class Period:
    start: int
    end: int
    year: int | None = None
    months: int | None = None
    kind: str = "absolute"  # absolute | same (the period just named) | year_before (that period a year earlier)
    note: str = ""
    flags: tuple[str, ...] = ()
    has_year: bool = False  # the mention itself names (or resolves) a year
    has_months: bool = False  # the mention itself says which months


def _count(word: str, lang: str) -> int | None:
    if word.isdigit():
        number = int(word)
        return number if 1 <= number <= 12 else None
    for number, pattern in enumerate(MONTH_COUNT_WORDS[lang], start=1):
        if re.fullmatch(pattern, word, I):
            return number
    return None


def _month_index(word: str, lang: str) -> int | None:
    for number, pattern in enumerate(MONTH_NAMES[lang], start=1):
        if re.fullmatch(pattern, word, I):
            return number
    return None


@lru_cache(maxsize=None)
def _months_patterns(lang: str) -> list[tuple[re.Pattern, str]]:
    """(pattern, how to read it): 'count' = group n months; 'range' = from January to group 'to'; a number = fixed."""
    counts = "|".join(MONTH_COUNT_WORDS[lang]) + r"|\d{1,2}"
    months = "|".join(f"(?:{m})" for m in MONTH_NAMES[lang])
    rules = {
        "en": [
            (rf"(?:the\s+)?first\s+(?P<n>{counts})\s+months", "count"),
            (rf"(?P<n>{counts})\s+months\s+(?:of|in)\b", "count"),
            (rf"(?P<from>{months}){_RANGE_DASH}(?P<to>{months})(?![a-z])", "range"),
            (r"(?:the\s+)?first\s+half(?:\s+of\s+the\s+year)?|\bH1\b|\b1H\b|\bhalf[- ]year\b", "6"),
            (r"(?:the\s+)?first\s+quarter|\bQ1\b|\b1Q\b", "3"),
            (r"(?:the\s+)?(?:second|third|fourth)\s+quarter|\bQ[234]\b|(?:the\s+)?second\s+half|\bH2\b", "not_from_january"),
            (r"(?<=\bin\s)january", "1"),
        ],
        "de": [
            (rf"(?:den\s+)?ersten\s+(?P<n>{counts})\s+Monat(?:e|en)?", "count"),
            (rf"(?P<n>{counts})\s+Monat(?:e|en)\b", "count"),
            (rf"(?:von\s+)?(?P<from>{months}){_RANGE_DASH}(?P<to>{months})(?![a-zäöü])", "range"),
            (r"(?:im\s+)?(?:ersten|1\.)\s+Halbjahr|\bH1\b|\bHalbjahr\w*", "6"),
            (r"(?:im\s+)?(?:ersten|1\.|I\.)\s+Quartal|\bQ1\b", "3"),
            (r"(?:zweiten|dritten|vierten|2\.|3\.|4\.|II\.|III\.|IV\.)\s+Quartal|\bQ[234]\b|zweiten\s+Halbjahr|\bH2\b", "not_from_january"),
            (r"(?<=\bim\s)Januar", "1"),
        ],
        "ru": [
            (rf"(?P<n>{counts})(?:-?т?и)?\s+месяц(?:ев|а|ы)?", "count"),
            (rf"(?:с\s+)?(?P<from>{months}){_RANGE_DASH}(?P<to>{months})(?![а-яё])", "range"),
            (r"(?:перв\w+|I|1-?м?)\s+полугоди\w*|\bполугоди[еяи]\w*|\bполгода\b", "6"),
            (r"(?:перв\w+|I|1-?м?)\s+квартал\w*", "3"),
            (r"(?:втор\w+|трет\w+|четв[её]рт\w+|II|III|IV|[234]-?м?)\s+квартал\w*|втор\w+\s+полугоди\w*", "not_from_january"),
            (r"(?<=\bв\s)январе|(?<=\bза\s)январь", "1"),
        ],
    }[lang]
    return [(re.compile(pattern, I), how) for pattern, how in rules]


# Relative years: (pattern, offset from the publication year, kind). Longer phrases first.
RELATIVE_YEARS = {
    "en": [
        (r"(?:in\s+|over\s+|during\s+)?the\s+same\s+period\s+(?:of\s+|in\s+)?(?:the\s+)?(?:last|previous|prior)\s+year|a\s+year\s+(?:earlier|ago|before)|"
         r"the\s+(?:previous|prior)\s+year'?s?\s+(?:same\s+)?period", -1, "year_before"),
        (r"(?:in|for|over|during)\s+(?:the\s+)?same\s+period|(?:in|for|over|during)\s+(?:this|that|the)\s+period|over\s+the\s+period", 0, "same"),
        (r"the\s+year\s+before\s+last", -2, "absolute"),
        (r"(?:in\s+|for\s+|during\s+)?(?:last|the\s+past|the\s+previous)\s+year", -1, "absolute"),
        (r"(?:in\s+|for\s+)?(?:this|the\s+current)\s+year|since\s+the\s+(?:beginning|start)\s+of\s+the\s+year|year[- ]to[- ]date", 0, "this_year"),
    ],
    "de": [
        (r"(?:im\s+)?Vorjahreszeitraum|(?:im\s+)?(?:gleichen|selben|entsprechenden)\s+Zeitraum\s+(?:des\s+)?(?:Vorjahres|vergangenen\s+Jahres)|ein\s+Jahr\s+(?:zuvor|früher)", -1, "year_before"),
        (r"(?:im\s+)?(?:gleichen|selben|diesem)\s+Zeitraum", 0, "same"),
        (r"(?:im\s+)?vorletzten\s+Jahr", -2, "absolute"),
        (r"(?:im\s+)?(?:vergangenen|letzten|abgelaufenen)\s+Jahr(?:es)?|vergangenes\s+Jahr|letztes\s+Jahr|(?:im\s+)?Vorjahr(?:es)?", -1, "absolute"),
        (r"(?:in\s+)?(?:diese[ms]|diesen|laufende[ns]?)\s+Jahr(?:es)?|seit\s+(?:Jahresbeginn|Anfang\s+des\s+Jahres)", 0, "this_year"),
    ],
    "ru": [
        (r"(?:за\s+|в\s+)?аналогичн\w+\s+период\w*\s+прошл\w+\s+года|годом\s+ранее|год\s+назад", -1, "year_before"),
        (r"(?:за\s+|в\s+)?(?:этот|тот\s+же|этом|том\s+же|указанный|указанном)\s+период\w*|за\s+аналогичный\s+период", 0, "same"),
        (r"(?:в\s+|за\s+)?позапрошл\w+\s+год\w*", -2, "absolute"),
        (r"(?:по\s+итогам\s+)?(?:в\s+|за\s+)?(?:прошл|минувш|предыдущ)\w+\s+год\w*", -1, "absolute"),
        (r"(?:в\s+|за\s+)?(?:этом|текущем|нынешнем|этого|текущего|нынешнего)\s+год\w*|с\s+начала\s+(?:этого\s+|текущего\s+)?года", 0, "this_year"),
    ],
}

# Words right before a year that make it a comparison or a target, not the figure's period.
COMPARISON_BEFORE = {
    "en": r"(?<![\w])(?:compared\s+(?:with|to)|versus|vs\.?|than(?:\s+in)?|on|over|from|since|against|relative\s+to|before|until|till|by|to|up\s+from|down\s+from)\s+(?:the\s+)?(?:same\s+period\s+(?:of|in)\s+)?(?:the\s+year\s+)?$",
    "de": r"(?<![\w])(?:gegenüber|im\s+Vergleich\s+zu|verglichen\s+mit|als|seit|bis|ab|vor|bis\s+zum|von)\s+(?:dem\s+|den\s+|der\s+)?(?:Vorjahr\s+|Jahr(?:e|es)?\s+|Zeitraum\s+)?$",
    "ru": r"(?<![\w])(?:по\s+сравнению\s+с|в\s+сравнении\s+с|относительно|против|к\s+уровню|чем\s+в|с|со|до|к|начиная\s+с|по\s+отношению\s+к)\s+(?:аналогичн\w+\s+период\w*\s+)?$",
}
# A day before a month name makes it a date ("20 November 2024", "20. November", "20 ноября").
_DATE_BEFORE = re.compile(r"\d{1,2}\.?\s*$")


def find_periods(sentence: str, lang: str, published: dt.date | None) -> tuple[list[Period], list[str]]:
    """The periods named in a sentence, and notes on what was ignored (year ranges)."""
    taken: list[tuple[int, int]] = []
    notes: list[str] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    months_found: list[Period] = []
    for pattern, how in _months_patterns(lang):
        for match in pattern.finditer(sentence):
            if not free(match.start(), match.end()):
                continue
            if how == "count":
                months = _count(match.group("n"), lang)
            elif how == "range":
                first, last = _month_index(match.group("from"), lang), _month_index(match.group("to"), lang)
                months = last if first == 1 else None
                if first != 1:
                    months_found.append(Period(match.start(), match.end(), flags=("months do not start in January: not representable",), has_months=True))
                    taken.append((match.start(), match.end()))
                    continue
            elif how == "not_from_january":
                months_found.append(Period(match.start(), match.end(), flags=(f"period '{match.group(0)}' does not start in January: not representable",), has_months=True))
                taken.append((match.start(), match.end()))
                continue
            else:
                months = int(how)
            if months and not (how == "1" and _DATE_BEFORE.search(sentence[: match.start()].rstrip())):
                months_found.append(Period(match.start(), match.end(), months=months, has_months=True))
                taken.append((match.start(), match.end()))

    years_found: list[Period] = []
    for match in re.finditer(r"(?<![\d.,])((?:19|20)\d\d)(?:\s*[-–—/]\s*(?:(?:19|20)\d\d|\d\d)|\s+(?:and|und|и|or|oder|или)\s+(?:19|20)\d\d)(?![\d%])", sentence):
        taken.append((match.start(), match.end()))
        notes.append(f"year range {match.group(0)} ignored")
    for pattern, offset, kind in RELATIVE_YEARS[lang]:
        for match in re.finditer(rf"(?<![\w]){pattern}(?![\w])", sentence, I):
            if not free(match.start(), match.end()):
                continue
            taken.append((match.start(), match.end()))
            phrase = " ".join(match.group(0).split())
            if kind in ("same", "year_before"):
                years_found.append(Period(match.start(), match.end(), kind=kind, note=phrase))
                continue
            if published is None:
                years_found.append(Period(match.start(), match.end(), flags=(f"year: '{phrase}' needs the publication date (--published)",), has_year=True,
                                          months=None if kind == "this_year" else 12))
                continue
            year = published.year + offset
            if kind == "this_year":
                years_found.append(Period(match.start(), match.end(), year=year, has_year=True, note=f"year from '{phrase}' in article of {published.isoformat()}"))
            else:
                years_found.append(Period(match.start(), match.end(), year=year, months=12, has_year=True,
                                          note=f"year inferred from '{phrase}' in article of {published.isoformat()}"))
    for match in re.finditer(r"(?<![\d.,$€])((?:19|20)\d\d)(?![\d%]|[.,]\d)", sentence):
        if not free(match.start(), match.end()):
            continue
        before = sentence[max(0, match.start() - 40): match.start()]
        if re.search(COMPARISON_BEFORE[lang], before, I):
            continue
        if _is_date(sentence, match.start(), lang):
            continue
        year = int(match.group(1))
        years_found.append(Period(match.start(), match.end(), year=year, months=12, has_year=True))
        taken.append((match.start(), match.end()))
    return _merge(sentence, months_found, years_found, published), notes


def _is_date(sentence: str, start: int, lang: str) -> bool:
    """A year inside a date: "20 November 2024", "November 20, 2024", "20.11.2024", "20 ноября 2024 года"."""
    before = sentence[max(0, start - 25): start]
    months = "|".join(f"(?:{m})" for m in MONTH_NAMES[lang])
    if re.search(r"\d{1,2}[./]\d{1,2}[./]$", before):
        return True
    if re.search(rf"\d{{1,2}}\.?\s+(?:{months})\w*\s+$", before, I):
        return True
    return bool(re.search(rf"(?:{months})\w*\s+\d{{1,2}},\s*$", before, I))


def _merge(sentence: str, months_found: list[Period], years_found: list[Period], published: dt.date | None) -> list[Period]:
    """Join a months mention to the year next to it ("first nine months of 2024"); resolve lone months."""
    years = sorted(years_found, key=lambda p: p.start)
    used: set[int] = set()
    merged = []
    for months in sorted(months_found, key=lambda p: p.start):
        partner = None
        for index, year in enumerate(years):
            if index in used or not year.has_year:
                continue
            gap = sentence[months.end: year.start] if year.start >= months.end else sentence[year.end: months.start]
            after = year.start >= months.end
            if len(gap) <= (16 if after else 6) and not re.search(r"[,;:()]", gap) and not re.search(r"\d", gap):
                partner = index
                break
        if partner is not None:
            used.add(partner)
            year = years[partner]
            merged.append(Period(min(months.start, year.start), max(months.end, year.end), year.year, months.months, "absolute", year.note,
                                 months.flags + year.flags, has_year=True, has_months=True))
        else:
            merged.append(months)
    merged += [year for index, year in enumerate(years) if index not in used]
    result = []
    for period in sorted(merged, key=lambda p: p.start):
        if period.kind == "absolute" and period.has_months and not period.has_year and period.months:
            period = _year_from_publication(period, published)
        elif period.kind == "absolute" and period.has_year and not period.has_months and period.months is None and not period.flags:
            period = replace(period, flags=period.flags + ("months: 'this year' without the months covered",))
        result.append(period)
    return result


def _year_from_publication(period: Period, published: dt.date | None) -> Period:
    """"в январе–сентябре" with no year: the latest such period complete at publication."""
    if published is None:
        return replace(period, flags=period.flags + ("year: not stated (give --published to resolve it)",))
    year = published.year if published.month > period.months else published.year - 1
    return replace(period, year=year, has_year=True, note=f"year from the publication date ({published.isoformat()})",
                   flags=period.flags + (f"year {year} taken from the publication date",))


# ----------------------------------------------------------------------------------------------------------------
# Regions
# ----------------------------------------------------------------------------------------------------------------

# Russian endings that a name's words take in other cases (Смоленская -> Смоленской, область -> областью).
_RU_STRIP = ("ая", "яя", "ий", "ый", "ой", "ое", "ее", "ие", "ые", "а", "я", "ь", "й", "о", "е", "ы", "и", "у")
_RU_ENDINGS = ("ами|ями|ого|его|ому|ему|ыми|ими|ой|ей|ою|ею|ом|ем|ём|ам|ям|ах|ях|ая|яя|ий|ый|ое|ее|ые|ие|ую|юю|ым|им|ых|их|ью|"
               "а|я|ы|и|е|у|ю|ь|й|о")
_NAME_SEPARATOR = r"[\s\-‐‑–—.'’]+"


def _word_pattern(word: str) -> str:
    if re.fullmatch(r"[а-яё]+", word) and len(word) >= 4:
        stem = word
        for ending in _RU_STRIP:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                stem = word[: -len(ending)]
                break
        return stem.replace("е", "[её]") + f"(?:{_RU_ENDINGS})?"
    if word == "gebiet":
        return "gebiet(?:e?s)?"
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


_LOCATIVE = re.compile(r"(?:\b(?:in|at|im|in der|в|во|на)\s+)$", I)


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


# ----------------------------------------------------------------------------------------------------------------
# Flows, qualifiers and other signals
# ----------------------------------------------------------------------------------------------------------------

BELARUS = {
    "en": r"Belarus|Byelorussia|the\s+Republic\s+of\s+Belarus",
    "de": r"Belarus|Weißrussland|die\s+Republik\s+Belarus",
    "ru": r"Беларус(?:ь|и|ью)|Белорусси(?:я|и|ю)|Республик(?:у|и|а)\s+Беларусь|РБ",
}
BELARUSIAN = {"en": r"Belarusian|Belarus(?:'s|’s|'|’)", "de": r"belarussische[nrs]?|weißrussische[nrs]?", "ru": r"белорусск\w+"}
EXPORT_WORD = {"en": r"exports?|exported|exporting|supplies|deliveries|shipments|sales", "de": r"Export\w*|Ausfuhr\w*|Lieferung\w*|exportiert\w*",
               "ru": r"экспорт\w*|поставк\w+|поставил\w*|вывоз\w*|экспортировал\w*"}
IMPORT_WORD = {"en": r"imports?|imported|importing", "de": r"Import\w*|Einfuhr\w*|importiert\w*", "ru": r"импорт\w*|ввоз\w*|импортировал\w*"}
TO_FROM = {"en": (r"to|into", r"from"), "de": (r"nach|in\s+die|in\s+das|in\s+den", r"aus"), "ru": (r"в|во", r"из|с")}
TURNOVER_WORDS = {
    "en": r"trade(?:\s+turnover)?|turnover|commerce|trading|trade\s+volume",
    "de": r"Außenhandel\w*|Handel\w*|Warenumsatz\w*|Warenverkehr\w*|Warenaustausch\w*|Umsatz\w*|Güteraustausch\w*",
    "ru": r"товарооборот\w*|внешнеторгов\w+\s+оборот\w*|оборот\w*|торговл\w*|торгов\w*",
}
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
    belarus, belarusian = BELARUS[lang], BELARUSIAN[lang]
    export, import_ = EXPORT_WORD[lang], IMPORT_WORD[lang]
    to, from_ = TO_FROM[lang]
    w = r"(?<![\wа-яё])"
    rules = [
        # "Belarusian exports", "belarussische Exporte", "белорусский экспорт", "экспорт белорусской продукции"
        (rf"{w}(?:{belarusian})\s+(?:{export})", "export", "BY"),
        (rf"{w}(?:{belarusian})\s+(?:{import_})", "import", "BY"),
        (rf"{w}(?:{export})\s+(?:of\s+)?(?:{belarusian})", "export", "BY"),
        (rf"{w}(?:{import_})\s+(?:of\s+)?(?:{belarusian})", "export", "region"),  # the region imports Belarusian goods
        (rf"{w}(?:Belarus|Беларусь)\s+(?:exported|exportierte|экспортировала|поставила)", "export", "BY"),
        (rf"{w}(?:Belarus|Беларусь)\s+(?:imported|importierte|импортировала)", "import", "BY"),
        # direction by preposition: exports to Belarus = the region's exports = Belarus' imports, and so on
        (rf"{w}(?:{export}){GAP}\s+(?:{to})\s+(?:{belarus})", "import", "region"),
        (rf"{w}(?:{export}){GAP}\s+(?:{from_})\s+(?:{belarus})", "export", "BY"),
        (rf"{w}(?:{import_}){GAP}\s+(?:{from_})\s+(?:{belarus})", "export", "region"),
        (rf"{w}(?:{import_}){GAP}\s+(?:{to})\s+(?:{belarus})", "import", "BY"),
        (rf"{w}(?:{export}){GAP}\s+(?:{to})\s+(?!{belarus})\w", "export", "BY"),
        (rf"{w}(?:{import_}){GAP}\s+(?:{from_})\s+(?!{belarus})\w", "import", "BY"),
        (rf"{w}(?:{export})(?![\wа-яё])", "bare_export", ""),
        (rf"{w}(?:{import_})(?![\wа-яё])", "bare_import", ""),
        (rf"{w}(?:{TURNOVER_WORDS[lang]})(?![\wа-яё])", "turnover", ""),
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
    to, from_ = TO_FROM[lang]
    towards = re.search(rf"(?<![\wа-яё])(?:{to})\s+(?:{BELARUS[lang]})", rest, I)
    away = re.search(rf"(?<![\wа-яё])(?:{from_})\s+(?:{BELARUS[lang]})", rest, I)
    export_word = mention.flow == "bare_export"
    if towards and not away:
        return replace(mention, flow="import", perspective="region" if export_word else "BY")
    if away and not towards:
        return replace(mention, flow="export", perspective="BY" if export_word else "region")
    return mention


# Qualifiers right before an amount. Verbs ("exceeded", "превысил") may stand a few words away; adverbs may not.
QUALIFIERS = {
    "en": [
        (r"almost|nearly|close\s+to|just\s+(?:under|below|shy\s+of)|under|less\s+than|up\s+to|not\s+quite|approaching|nearing", "at_most", False),
        (r"approached|neared", "at_most", True),
        (r"more\s+than|over|above|in\s+excess\s+of|upwards\s+of|at\s+least|well\s+over|just\s+over|beyond", "at_least", False),
        (r"exceeded|exceeding|exceeds|surpassed|surpassing|topped|topping", "at_least", True),
        (r"about|around|approximately|roughly|some|circa|ca\.|approx\.|an\s+estimated|estimated\s+at|an\s+estimate\s+of", "approx", False),
    ],
    "de": [
        (r"fast|knapp|beinahe|nahezu|weniger\s+als|unter|bis\s+zu|an\s+die", "at_most", False),
        (r"mehr\s+als|über|mindestens|gut|über\s+die", "at_least", False),
        (r"überstieg|übertraf|überschritt|übersteigt|übertrifft|überstiegen", "at_least", True),
        (r"rund|etwa|circa|ca\.|ungefähr|annähernd|schätzungsweise|geschätzte|geschätzt|um\s+die", "approx", False),
    ],
    "ru": [
        (r"почти|менее|меньше|не\s+более|не\s+больше|без\s+малого|чуть\s+менее|чуть\s+меньше", "at_most", False),
        (r"приблизил\w*\s+к|приближа\w+\s+к|подош[её]л\s+к|подошла\s+к", "at_most", True),
        (r"более\s+чем|более|свыше|больше|не\s+менее|не\s+меньше|чуть\s+более|чуть\s+больше", "at_least", False),
        (r"превысил\w*|превыша\w+|превзош[её]л|превзошла", "at_least", True),
        (r"около|порядка|примерно|приблизительно|ориентировочно|в\s+районе|почти\s+около", "approx", False),
    ],
}
_STOP_WORDS = r"and|but|while|und|aber|während|и|а|но|тогда|составил\w*|достиг\w*|reached|amounted|betrug|erreichte"


def find_qualifier(before: str, lang: str) -> tuple[str, int]:
    """The qualifier ending the text ``before`` an amount, and where it starts (len(before) when none)."""
    best = ("exact", len(before))
    for words, qualifier, verb in QUALIFIERS[lang]:
        filler = rf"(?:\s+(?!(?:{_STOP_WORDS})\b)[^\s\d.,;:()]+){{0,4}}" if verb else ""
        match = re.search(rf"(?<![\wа-яё])(?:{words}){filler}\s*$", before, I)
        if match and match.start() < best[1]:
            best = (qualifier, match.start())
    return best


# A change, not a level: "grew by $200 million", "um 200 Millionen", "вырос на 25 млн долларов".
CHANGE_BEFORE = {
    "en": r"(?:\b(?:grew|rose|increased|went\s+up|climbed|jumped|fell|dropped|declined|decreased|shrank|slipped|up|down|added|gained|lost|grow|rise|increase)\b[^.;]{0,40}\bby|"
          r"\b(?:increase|growth|rise|decrease|decline|drop|gain|fall|surplus|deficit)\s+of)\s*$",
    "de": r"(?:\bum|\bZuwachs\s+von|\bPlus\s+von|\bAnstieg\s+um|\bÜberschuss\s+von|\bDefizit\s+von)\s*$",
    "ru": r"(?:\b(?:вырос\w*|увелич\w*|снизил\w*|сократил\w*|уменьшил\w*|прибавил\w*|подрос\w*|упал\w*|возрос\w*|рост\w*)\b[^.;]{0,40}\bна|\bприрост\w*(?:\s+\w+){0,2}|\bсальдо\w*(?:\s+\w+){0,3})\s*$",
}
# Money that is not trade; such an amount is left out unless a trade word stands in its own clause.
NOT_TRADE = {
    "en": r"\b(?:invest\w*|costs?|costing|loans?|credits?|budget\w*|prices?|contracts?|deals?|projects?|plants?|salar\w*|wages?|capital|funds?|subsid\w*|grants?|revenue|profits?|GDP|GRP|output|production|taxe?s?|debts?)\b",
    "de": r"\b(?:Investition\w*|investier\w*|Kosten|kostet\w*|Kredit\w*|Budget\w*|Preis\w*|Vertr(?:a|ä)g\w*|Projekt\w*|Werk\w*|Gewinn\w*|BIP|Produktion\w*|Schulden|Steuer\w*|Gehalt\w*|Förder\w*)\b",
    "ru": r"(?<![\wа-яё])(?:инвестиц\w*|инвестир\w*|вложен\w*|стоимост\w*|кредит\w*|бюджет\w*|цен[аыу]\w*|контракт\w*|проект\w*|завод\w*|прибыл\w*|выручк\w*|ВРП|ВВП|производств\w*|налог\w*|долг\w*|зарплат\w*|капитал\w*|субсиди\w*)",
}
FORECAST = {
    "en": r"\b(?:will|would|could|should|expect\w*|forecast\w*|plan\w*|target\w*|aim\w*|goals?|projected|projection|hope\w*|intend\w*|to\s+(?:reach|bring|increase|raise|double|grow)|by\s+20\d\d)\b",
    "de": r"\b(?:soll\w*|wird|werden|könnte\w*|erwart\w*|Prognose\w*|plan\w*|Ziel\w*|anstreb\w*|steigern|bis\s+20\d\d)\b",
    "ru": r"(?<![\wа-яё])(?:планир\w*|план\w*|прогноз\w*|ожида\w*|будет|может|должен|должна|довести|нарастить|цел[ьи]\w*|к\s+20\d\d\s+году|превысит|составит|достигнет)",
}
STATS = {
    "BY": {"en": r"Belarusian\s+statistic\w*|Belstat|Belarusian\s+data|National\s+Statistical\s+Committee",
           "de": r"belarussische[nr]?\s+(?:Statistik|Angaben|Daten)|Belstat",
           "ru": r"белорусск\w+\s+статистик\w*|Белстат\w*|Национальн\w+\s+статистическ\w+\s+комитет\w*|белорусск\w+\s+данн\w+"},
    "RU": {"en": r"Russian\s+statistic\w*|Rosstat|Russian\s+customs|Federal\s+Customs\s+Service|Russian\s+data",
           "de": r"russische[nr]?\s+(?:Statistik|Angaben|Daten|Zoll\w*)|Rosstat",
           "ru": r"российск\w+\s+статистик\w*|Росстат\w*|ФТС|Федеральн\w+\s+таможенн\w+\s+служб\w*|российск\w+\s+таможн\w+|российск\w+\s+данн\w+"},
}
GOODS_AND_SERVICES = {"en": r"goods\s+and\s+services", "de": r"Waren\s+und\s+Dienstleistungen", "ru": r"товар\w*\s+и\s+услуг\w*"}
AGRI_FOOD = {"en": r"\b(?:agricultur\w*|agri-?food|food\w*|dairy|agro\w*)\b", "de": r"\b(?:Agrar\w*|Lebensmittel\w*|Nahrungsmittel\w*|Milch\w*)",
             "ru": r"(?<![\wа-яё])(?:сельхоз\w*|сельскохозяйств\w*|продовольств\w*|аграрн\w*|агропромышлен\w*|молочн\w*|пищев\w*)"}
SERVICES_ONLY = {"en": r"\b(?:services\s+trade|trade\s+in\s+services)\b", "de": r"\bDienstleistungshandel\w*|Handel\s+mit\s+Dienstleistungen",
                 "ru": r"(?<![\wа-яё])(?:торговл\w+\s+услуг\w*|экспорт\w*\s+услуг\w*|импорт\w*\s+услуг\w*)"}
# A clause ends at these (a period written after an amount belongs to it only up to the next clause).
CLAUSE_BREAK = re.compile(r"[;:()]|,|\s[–—-]\s|\b(?:and|while|whereas|but|und|während|aber|sowie|и|а|но|тогда\s+как)\b", I)


# ----------------------------------------------------------------------------------------------------------------
# Putting it together
# ----------------------------------------------------------------------------------------------------------------


@dataclass
class _Context:
    """What the article has said so far: the last figure's period and flow, the regions named, whose export is 'export'."""

    period: tuple[int | None, int | None] | None = None
    period_note: str = ""
    flow: str = ""
    region: str = ""  # the last region named that is not a country
    country: str = ""  # the last country named (RU), used when no region was
    perspective: str = ""  # "BY" when a bare "exports" means Belarus' exports, "region" when the region's


def extract_figures(text: str, registry: Registry, published: dt.date | str | None = None) -> list[Candidate]:
    """Candidate figures in a news text, in the order they appear. Pure: reads nothing but its arguments."""
    if isinstance(published, str):
        published = dt.date.fromisoformat(published) if published.strip() else None
    lang = detect_language(text)
    matcher = region_matcher(registry)
    context = _Context()
    candidates: list[Candidate] = []
    for sentence in split_sentences(text):
        candidates += _sentence_figures(sentence.text, lang, matcher, published, context)
    return _flag_repeats(candidates)


def _sentence_figures(sentence: str, lang: str, matcher: RegionMatcher, published, context: _Context) -> list[Candidate]:
    amounts = find_amounts(sentence, lang)
    periods, period_notes = find_periods(sentence, lang, published)
    periods = [p for p in periods if not any(a.start < p.end and p.start < a.end for a in amounts)]
    regions = [r for r in find_regions(sentence, matcher) if r.country != "BY"]
    flows = find_flows(sentence, lang)
    owners, trailing = _period_owners(sentence, amounts, periods)
    leading = [p for p in periods if id(p) not in trailing]  # periods that open a clause may serve the whole sentence
    stats = next((side for side, words in STATS.items() if re.search(words[lang], sentence, I)), "")
    masked_sentence = _mask_periods(sentence, periods)
    result = []
    previous_end = 0
    last_currency = ""
    for index, amount in enumerate(amounts):
        clause = sentence[previous_end: amount.start]
        clause_start = previous_end
        previous_end = amount.end
        next_start = amounts[index + 1].start if index + 1 < len(amounts) else len(sentence)
        tail = CLAUSE_BREAK.search(sentence, amount.end, next_start)
        scope = sentence[clause_start: tail.start() if tail else next_start]  # the amount's clause, both sides
        before = sentence[max(0, amount.start - 80): amount.start]
        masked = masked_sentence[max(0, amount.start - 80): amount.start]
        qualifier, qualifier_start = find_qualifier(masked, lang)
        if re.search(CHANGE_BEFORE[lang], before[:qualifier_start], I):
            continue  # a change on the year before, not a level
        flow_mention = _flow_for(amount, flows, clause_start, sentence)
        clause_flows = [f for f in flows if clause_start <= f.start < amount.start]
        if re.search(NOT_TRADE[lang], clause, I) and not clause_flows:
            continue
        if flow_mention is None and not context.flow:
            continue  # no trade word in the sentence nor before it: not a trade figure
        candidate = Candidate(value=amount.value, scale=amount.scale, qualifier=qualifier, stats=stats, sentence=sentence)
        flags = candidate.flags
        _set_currency(candidate, amount, last_currency)
        last_currency = amount.currency or last_currency
        _set_flow(candidate, flow_mention, flows, context)
        _set_period(candidate, owners.get(index, []), leading, amount, context, published)
        _set_region(candidate, amount, regions, context, clause, lang)
        _set_coverage(candidate, sentence, clause, lang)
        for note in period_notes:
            flags.append(note)
        if re.search(FORECAST[lang], scope, I):
            flags.append("a forecast or target? (future or plan wording)")
        if amount.upper:
            candidate.note = _join(candidate.note, f"range {amount.value}–{amount.upper} published; lower bound kept")
            if candidate.qualifier == "exact":
                candidate.qualifier = "at_least"
        result.append(candidate)
        context.period = (candidate.year, candidate.months)
        context.period_note = candidate.note
        if candidate.flow:
            context.flow = candidate.flow
    for mention in regions:  # the article's region for the sentences that follow
        if mention.kind == "country":
            context.country = mention.region
        elif not mention.weak:
            context.region = mention.region
    _update_perspective(flows, context)
    return result


def _mask_periods(sentence: str, periods: list[Period]) -> str:
    """Periods replaced by a placeholder word of the same length, so "überstieg im Jahr 2022 eine Milliarde" keeps its verb."""
    chars = list(sentence)
    for period in periods:
        length = period.end - period.start
        chars[period.start: period.end] = list(("P" * length))
    return "".join(chars)


def _period_owners(sentence: str, amounts: list[Amount], periods: list[Period]) -> tuple[dict[int, list[Period]], set[int]]:
    """Which amount each period belongs to: the amount right before it in the same clause ("$400m in Q1": a
    trailing period, that amount's alone), else the next amount. Returns the owners and the trailing periods' ids."""
    owners: dict[int, list[Period]] = {}
    trailing: set[int] = set()
    for period in periods:
        previous = max((i for i, a in enumerate(amounts) if a.end <= period.start), default=None)
        following = min((i for i, a in enumerate(amounts) if a.start >= period.end), default=None)
        owner = None
        if previous is not None:
            gap = sentence[amounts[previous].end: period.start]
            if len(gap) <= 30 and not CLAUSE_BREAK.search(gap):
                owner = previous
                trailing.add(id(period))
        if owner is None and following is not None:
            owner = following
        if owner is not None:
            owners.setdefault(owner, []).append(period)
    return owners, trailing


def _set_period(candidate: Candidate, own: list[Period], periods: list[Period], amount: Amount, context: _Context, published) -> None:
    flags = candidate.flags
    chosen = None
    if own:
        chosen = min(own, key=lambda p: abs(p.start - amount.start))
    else:
        sentence_level = [p for p in periods if p.kind == "absolute"]
        distinct = {(p.year, p.months) for p in sentence_level}
        if len(distinct) == 1:
            chosen = sentence_level[0]
        elif len(distinct) > 1:
            flags.append("period: several in the sentence, none next to the amount")
            return
    if chosen is None or chosen.kind in ("same", "year_before"):
        if context.period is None:
            flags.append("year and months: not stated")
            return
        year, months = context.period
        if chosen is not None and chosen.kind == "year_before":
            year = year - 1 if year else None
            candidate.note = _join(candidate.note, f"period from '{chosen.note}'")
        elif chosen is None:
            flags.append("period taken from an earlier sentence")
        candidate.year, candidate.months = year, months
        if context.period_note.startswith("year inferred") or context.period_note.startswith("year from"):
            candidate.note = _join(candidate.note, context.period_note)
    else:
        candidate.year, candidate.months = chosen.year, chosen.months
        candidate.note = _join(candidate.note, chosen.note)
        flags.extend(chosen.flags)
    if candidate.year is None and not any(f.startswith("year") for f in flags):
        flags.append("year: not stated")
    if candidate.months is None and not any("months" in f or "January" in f for f in flags):
        flags.append("months: not stated")
    if published is not None and candidate.year is not None:
        if candidate.year > published.year:
            flags.append(f"year {candidate.year} is after the publication date")
        elif candidate.year == published.year and candidate.months == 12:
            candidate.months = None
            flags.append(f"months: {candidate.year} was not over when published (year to date?)")
        elif candidate.year == published.year and candidate.months and candidate.months >= published.month:
            flags.append(f"months: Jan–{candidate.months} {candidate.year} was not over when published")


def _flow_for(amount: Amount, flows: list[FlowMention], clause_start: int, sentence: str) -> FlowMention | None:
    """The flow word nearest before the amount in its clause; else just after it in the same clause ("davon
    entfielen 300 Millionen Dollar auf belarussische Exporte"); else the nearest before it in the sentence."""
    before = [f for f in flows if f.end <= amount.start]
    in_clause = [f for f in before if f.start >= clause_start]
    if in_clause:
        return in_clause[-1]
    after = [f for f in flows if f.start >= amount.end and not CLAUSE_BREAK.search(sentence[amount.end: f.start])]
    if after:
        return after[0]
    return before[-1] if before else None


def _set_flow(candidate: Candidate, mention: FlowMention | None, flows: list[FlowMention], context: _Context) -> None:
    if mention is None:
        candidate.flow = context.flow
        candidate.flags.append("flow taken from an earlier sentence")
        return
    if mention.flow in ("turnover", "export", "import"):
        candidate.flow = mention.flow
        return
    # A bare "imports" after "exports from Belarus" speaks from Belarus' side; after "Smolensk's exports to
    # Belarus", from the region's. With no such phrase before it in the article, it is left blank.
    word = "export" if mention.flow == "bare_export" else "import"
    earlier = [f.perspective for f in flows if f.perspective and f.end <= mention.start]
    perspective = earlier[-1] if earlier else context.perspective
    if perspective == "BY":
        candidate.flow = word
    elif perspective == "region":
        candidate.flow = "import" if word == "export" else "export"
    else:
        candidate.flags.append(f"flow: '{word}' without saying whose (Belarus' or the region's)")


def _update_perspective(flows: list[FlowMention], context: _Context) -> None:
    """Remember whose 'exports' the article talks about, from its last phrase with a direction."""
    for mention in flows:
        if mention.perspective:
            context.perspective = mention.perspective


def _set_region(candidate: Candidate, amount: Amount, regions: list[RegionMention], context: _Context, clause: str, lang: str) -> None:
    flags = candidate.flags
    strong = [r for r in regions if not r.weak]
    subjects = [r for r in strong if r.kind != "country"]
    chosen = None
    before = [r for r in strong if r.end <= amount.start]
    if before:
        chosen = before[-1]
        if chosen.kind == "country" and subjects:
            chosen = min(subjects, key=lambda r: abs(r.start - amount.start))
    elif strong:
        chosen = min(strong, key=lambda r: abs(r.start - amount.start))
    if chosen is not None:
        candidate.region = chosen.region
        others = sorted({r.region for r in strong} - {chosen.region})
        if others and any(r.kind != "country" for r in strong if r.region in others):
            flags.append("region: the sentence also names " + ", ".join(others))
        return
    inherited = context.region or context.country
    if not inherited:
        weak = [r for r in regions if r.weak]
        if weak:
            flags.append("region: only named as a place (" + ", ".join(sorted({r.region for r in weak})) + ")")
        flags.append("region: not named")
        return
    candidate.region = inherited
    flags.append("region taken from an earlier sentence")


def _set_currency(candidate: Candidate, amount: Amount, previous: str = "") -> None:
    """The amount's currency; "120,3 млн долларов, в том числе экспорт – 90,1 млн" takes the one before it."""
    if amount.currency in ("USD", "RUB", "BYN"):
        candidate.currency = amount.currency
    elif not amount.currency and previous in ("USD", "RUB", "BYN"):
        candidate.currency = previous
        candidate.flags.append("currency taken from the amount before it")
    elif amount.currency:
        candidate.flags.append(f"currency: {amount.currency} is not in the data model (USD, RUB, BYN)")
    else:
        candidate.flags.append("currency: not stated")


def _set_coverage(candidate: Candidate, sentence: str, clause: str, lang: str) -> None:
    if re.search(GOODS_AND_SERVICES[lang], sentence, I):
        candidate.coverage = "goods_services"
    elif re.search(SERVICES_ONLY[lang], clause, I):
        candidate.coverage = ""
        candidate.flags.append("coverage: services only, not in the data model")
    elif re.search(AGRI_FOOD[lang], clause, I):
        candidate.coverage = "agri_food"
        candidate.flags.append("coverage: agri-food products only?")


def _flag_repeats(candidates: list[Candidate]) -> list[Candidate]:
    """Drop a figure the article repeats word for word; flag two values for one key (one source, one figure)."""
    kept: list[Candidate] = []
    for candidate in candidates:
        key = (candidate.region, candidate.year, candidate.months, candidate.flow, candidate.coverage)
        same = [k for k in kept if (k.region, k.year, k.months, k.flow, k.coverage) == key and all(key[:4])]
        if any((k.value, k.currency, k.scale) == (candidate.value, candidate.currency, candidate.scale) for k in same):
            continue
        if same:
            message = "another figure for the same region, period and flow in this article (a conversion? the add step keeps one per source)"
            candidate.flags.append(message)
            for other in same:
                if message not in other.flags:
                    other.flags.append(message)
        kept.append(candidate)
    return kept


def _join(first: str, second: str) -> str:
    return "; ".join(part for part in (first, second) if part)


def candidates_to_rows(candidates: list[Candidate], source_id: str = "") -> list[dict[str, str]]:
    rows = []
    for candidate in candidates:
        row = candidate.row()
        if source_id:
            row["source_id"] = source_id
        rows.append(row)
    return rows


def candidates_frame(candidates: list[Candidate]):
    """A table for review (the /curate page): ``save`` ticked where every needed column is decided and nothing
    suggests a forecast, then the figure columns (year and months as nullable integers), ``flags`` and ``sentence``."""
    import pandas as pd

    rows = []
    for candidate in candidates:
        row = candidate.row()
        del row["source_id"]
        forecast = any("forecast" in flag for flag in candidate.flags)
        rows.append({"save": candidate.complete and not forecast, **row})
    columns = ["save"] + [c for c in COLUMNS if c != "source_id"]
    frame = pd.DataFrame(rows, columns=columns)
    for name in ("year", "months"):
        frame[name] = pd.to_numeric(frame[name].replace("", None), errors="coerce").astype("Int64")
    frame["save"] = frame["save"].astype(bool)
    return frame
