"""Published rank statements in a sentence: a place ("third among Russian regions", "auf Platz drei", "третье место")
or a group ("among the top ten importers", "unter den Top 10", "входит в десятку"), with "of 85 regions" when
stated, what it ranks (a buyer of Belarusian goods, a supplier, a trading partner) and, for a group, the share the
group is said to hold ("almost 73 % of Belarusian exports"). A percentage is never a rank."""

import re
from dataclasses import dataclass
from functools import lru_cache

from turnover.extract.amounts import PERCENT_AFTER, parse_number
from turnover.extract.lexicon import lexicon
from turnover.extract.signals import find_qualifier, is_change

I = re.IGNORECASE


@dataclass(frozen=True)
class RankStatement:
    start: int
    end: int
    rank: int | None = None
    top: int | None = None
    out_of: int | None = None
    share_pct: str = ""
    share_qualifier: str = ""
    flow: str = ""  # what is ranked when a word says so ("importers of Belarusian goods": export), else ""


@lru_cache(maxsize=None)
def _rules(lang: str) -> tuple[list[tuple[re.Pattern, int | None]], ...]:
    """The language's rank rules, top rules and group phrases with their placeholders filled in."""
    words_of = lexicon(lang)
    ordinal = "|".join(words_of.ORDINALS)
    cardinal = "|".join(f"(?:{word})" for word in words_of.CARDINALS)
    slots = {
        "{ord}": rf"(?<![\wа-яё])(?:(?:{ordinal}){words_of.ORDINAL_ENDING}|{words_of.ORDINAL_DIGITS})(?![\wа-яё])",
        "{stem}": f"(?:{ordinal})",
        "{n}": rf"(?:\d{{1,3}}|{cardinal})(?![\wа-яё])",
    }

    def compiled(rules):
        result = []
        for pattern, fixed in rules:
            for slot, text in slots.items():
                pattern = pattern.replace(slot, text)
            result.append((re.compile(pattern, I), fixed))
        return result

    return compiled(words_of.RANK_RULES), compiled(words_of.TOP_RULES), compiled(words_of.GROUP_PHRASES)


def _number(text: str, table: list[str], ending: str = "") -> int | None:
    """An ordinal or cardinal as written ("13th", "3.", "третье", "drei", "десяти") -> its number."""
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group(0))
    for number, word in enumerate(table, start=1):
        if re.fullmatch(f"(?:{word}){ending}", text, I):
            return number
    return None


def _read(match: re.Match, fixed: int | None, lang: str, sentence: str) -> int | None:
    """The number a rule's match states; None when it is a percentage ("top 10 %") or unreadable."""
    if fixed is not None:
        return fixed
    words_of = lexicon(lang)
    group = next(name for name in ("ord", "num", "n") if name in match.re.groupindex and match.group(name))
    if PERCENT_AFTER.match(sentence, match.end(group)):
        return None
    text = match.group(group)
    if group == "ord":  # "third", "13th", "dritten", "dritt" in "drittgrößter", "третье", "13-е"
        return _number(text, words_of.ORDINALS, f"(?:{words_of.ORDINAL_ENDING})?")
    return _number(text, words_of.CARDINALS)


def find_rank_statements(sentence: str, lang: str) -> list[RankStatement]:
    """Rank and top statements in the order they appear; a group ("в первой десятке") before a place in it."""
    rank_rules, top_rules, _ = _rules(lang)
    found: list[RankStatement] = []
    for rules, kind in ((top_rules, "top"), (rank_rules, "rank")):
        for pattern, fixed in rules:
            for match in pattern.finditer(sentence):
                if any(s.start < match.end() and match.start() < s.end for s in found):
                    continue
                number = _read(match, fixed, lang, sentence)
                if number is None or number < 1:
                    continue
                found.append(RankStatement(match.start(), match.end(), **{kind: number}))
    found.sort(key=lambda s: s.start)
    return [_details(statement, sentence, lang) for statement in found]


def _details(statement: RankStatement, sentence: str, lang: str) -> RankStatement:
    words_of = lexicon(lang)
    out_of = re.search(words_of.OUT_OF, sentence, I)
    flow = _nearest_flow_word(statement, sentence, lang)
    share_pct, share_qualifier = _group_share(statement, sentence, lang) if statement.top else ("", "")
    return RankStatement(statement.start, statement.end, statement.rank, statement.top, int(out_of.group("n")) if out_of else None,
                         share_pct, share_qualifier, flow)


def _nearest_flow_word(statement: RankStatement, sentence: str, lang: str) -> str:
    hits = [(abs(m.start() - statement.start), flow) for pattern, flow in lexicon(lang).RANK_FLOW_WORDS for m in re.finditer(pattern, sentence, I)]
    return min(hits)[1] if hits else ""


def _group_share(statement: RankStatement, sentence: str, lang: str) -> tuple[str, str]:
    """The share a top group holds, when the sentence says one ("almost 73 %" -> ('73', 'at_most'))."""
    if not re.search(lexicon(lang).SHARE_WORDS, sentence, I):
        return "", ""
    for match in re.finditer(r"(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)(?=\s*(?:%|\w))", sentence):
        if not PERCENT_AFTER.match(sentence, match.end()):
            continue
        before = sentence[max(0, match.start() - 80): match.start()]
        qualifier, qualifier_start = find_qualifier(before, lang)
        if is_change(before[:qualifier_start], lang):
            continue  # "grew by 8 %"
        return parse_number(match.group(1), lang), qualifier
    return "", ""


def find_group_share(sentence: str, lang: str) -> tuple[int, str, str] | None:
    """A top group named again with its share, in a sentence of its own ("The ten largest buyers together account for
    almost 73 %", "На долю первой десятки приходится почти 73%"): (group size, share, qualifier), or None."""
    for pattern, fixed in _rules(lang)[2]:
        for match in pattern.finditer(sentence):
            size = _read(match, fixed, lang, sentence)
            if size is None:
                continue
            share, qualifier = _group_share(RankStatement(match.start(), match.end(), top=size), sentence, lang)
            if share:
                return size, share, qualifier
    return None


def comparator_start(sentence: str, statement: RankStatement, lang: str) -> int:
    """Where the regions a rank is compared with begin ("after Moscow", "hinter Moskau", "после Москвы"), or the
    sentence's end."""
    match = re.compile(lexicon(lang).RANK_COMPARATORS, I).search(sentence, statement.end)
    return match.start() if match else len(sentence)
