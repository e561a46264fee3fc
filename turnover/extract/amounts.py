"""Money amounts in a sentence: a number (decimal comma or dot, "half a", "eine", "полтора"), a scale ("billion",
"Mrd.", "млн") and a currency ("$", "US-Dollar", "рублей"). A number followed by "%", "Prozent" or "процентов" never
is an amount, nor is an amount followed by a unit ("тонн")."""

import re
from dataclasses import dataclass
from functools import lru_cache

from turnover.extract.lexicon import any_language, lexicon

I = re.IGNORECASE

# Digits with thousands groups ("1,234.5", "1 234,5", "1.234") or a plain decimal ("4,4", "4.4").
NUMBER = r"\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
CURRENCY_BEFORE = [(r"US\$|\$|USD", "USD"), (r"RUB", "RUB"), (r"BYN", "BYN"), (r"€|EUR", "EUR")]
# Abbreviations allowed only right after a currency sign ("$500m", "$1.2b"), never after a bare number ("500 m").
_SIGN_ONLY_SCALES = {"m", "b", "k"}
# Units and percentages are recognised in every language: articles quote each other.
NOT_MONEY_UNIT = re.compile(rf"\s*(?:of\s+)?(?:{any_language('NOT_MONEY_UNITS')})", I)
PERCENT_AFTER = re.compile(rf"\s*(?:{any_language('PERCENT_WORDS')})", I)


@dataclass
class Amount:
    start: int
    end: int
    value: str  # dot decimal, as published
    scale: str  # "" when no scale word and no thousands groups
    currency: str  # USD, RUB, BYN, EUR (not in the data model) or "" when not stated
    upper: str = ""  # the upper end of a range ("1.2–1.5 billion")


def _alternatives(table) -> str:
    return "|".join(f"(?:{words})" for words, _ in table)


@lru_cache(maxsize=None)
def _amount_pattern(lang: str) -> re.Pattern:
    words_of = lexicon(lang)
    scales, after, before = _alternatives(words_of.SCALE_WORDS), _alternatives(words_of.CURRENCY_AFTER), _alternatives(CURRENCY_BEFORE)
    words = _alternatives(words_of.NUMBER_WORDS)
    number = rf"(?P<num>{NUMBER})(?:\s*(?:[-–—]|{any_language('AMOUNT_RANGE_WORDS')})\s*(?P<upper>{NUMBER}))?"
    glued = rf"(?P<glued>{words_of.GLUED_HALF or '(?!x)x'})"
    return re.compile(
        rf"(?<![\w.,])(?:(?P<pre>{before})\s?)?"
        rf"(?:{number}|{glued}|(?P<word>{words})(?=\s+(?:{scales})))"
        rf"(?:\s*(?P<scale>{scales})(?![\wа-яё]))?"
        rf"(?:\s*(?P<post>{after})(?![\wа-яё]))?",
        I,
    )


@lru_cache(maxsize=None)
def _bare_scale_pattern(lang: str) -> re.Pattern | None:
    """A scale word and a currency with no number ("миллиард долларов"): one of that scale, where the language says so."""
    words_of = lexicon(lang)
    if not words_of.BARE_SCALE_IS_ONE:
        return None
    scales = _alternatives(words_of.SCALE_WORDS[1:])
    return re.compile(rf"(?<![\w\d.,])(?P<scale>{scales})\s+(?P<post>{_alternatives(words_of.CURRENCY_AFTER)})(?![\wа-яё])", I)


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


def _lookup(word: str, table) -> str:
    """The value of the first (pattern, value) row of ``table`` that ``word`` matches in full, or ""."""
    word = " ".join(word.split())
    for pattern, value in table:
        if re.fullmatch(pattern, word, I):
            return value
    return ""


def _without_scale(value: str) -> tuple[str, str]:
    """A figure written out in full ("$920,000") in the largest scale that keeps it at least 1."""
    number = float(value)
    for scale, size in (("trn", 1e12), ("bn", 1e9), ("mn", 1e6), ("thousand", 1e3)):
        if number >= size:
            return f"{number / size:.6f}".rstrip("0").rstrip("."), scale
    return value, ""


def find_amounts(sentence: str, lang: str) -> list[Amount]:
    """Money amounts: a number with a scale and/or a currency; percentages, units and bare numbers are not."""
    words_of = lexicon(lang)
    found = []
    for match in _amount_pattern(lang).finditer(sentence):
        pre, post, scale_word = match.group("pre"), match.group("post"), match.group("scale")
        if match.group("num"):
            value = parse_number(match.group("num"), lang)
        elif match.group("glued"):
            value = "0.5"
        else:
            value = _lookup(match.group("word"), words_of.NUMBER_WORDS)
        scale = _lookup(scale_word, words_of.SCALE_WORDS) if scale_word else ""
        if scale_word and scale_word.lower() in _SIGN_ONLY_SCALES and not pre:
            scale, scale_word = "", None
        if not (pre or post or scale_word):
            continue
        after = sentence[match.end():]
        if PERCENT_AFTER.match(after) or NOT_MONEY_UNIT.match(after):
            continue
        currency = _lookup(post, words_of.CURRENCY_AFTER) if post else _lookup(pre, CURRENCY_BEFORE) if pre else ""
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
            found.append(Amount(match.start(), match.end(), "1", _lookup(match.group("scale"), words_of.SCALE_WORDS),
                                _lookup(match.group("post"), words_of.CURRENCY_AFTER)))
    return sorted(found, key=lambda a: a.start)
