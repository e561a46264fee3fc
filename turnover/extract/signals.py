"""Words around an amount that change what it is: a qualifier just before it ("almost", "knapp", "почти"), a change
rather than a level ("grew by"), money that is not trade, forecast wording, whose statistics, the coverage, and
where a clause ends."""

import re

from turnover.extract.lexicon import any_language, lexicon

I = re.IGNORECASE
# A clause ends at these (a period written after an amount belongs to it only up to the next clause).
CLAUSE_BREAK = re.compile(rf"[;:()]|,|\s[–—-]\s|\b(?:{any_language('CLAUSE_WORDS')})\b", I)
_STOP_WORDS = any_language("STOP_WORDS")


def find_qualifier(before: str, lang: str) -> tuple[str, int]:
    """The qualifier ending the text ``before`` an amount, and where it starts (len(before) when none)."""
    best = ("exact", len(before))
    for words, qualifier, verb in lexicon(lang).QUALIFIERS:
        filler = rf"(?:\s+(?!(?:{_STOP_WORDS})\b)[^\s\d.,;:()]+){{0,4}}" if verb else ""
        match = re.search(rf"(?<![\wа-яё])(?:{words}){filler}\s*$", before, I)
        if match and match.start() < best[1]:
            best = (qualifier, match.start())
    return best


def is_change(before: str, lang: str) -> bool:
    """The amount after ``before`` is a change on a level ("grew by $200 million", "вырос на ...")."""
    return bool(re.search(lexicon(lang).CHANGE_BEFORE, before, I))


def is_not_trade(clause: str, lang: str) -> bool:
    """Money that is not trade: investment, a price, a contract, a budget."""
    return bool(re.search(lexicon(lang).NOT_TRADE, clause, I))


def is_forecast(text: str, lang: str) -> bool:
    return bool(re.search(lexicon(lang).FORECAST, text, I))


def whose_statistics(sentence: str, lang: str) -> str:
    """'BY' or 'RU' when the sentence names whose statistics it quotes, else ''."""
    words_of = lexicon(lang)
    for side, words in (("BY", words_of.STATS_BY), ("RU", words_of.STATS_RU)):
        if re.search(words, sentence, I):
            return side
    return ""


def coverage_of(sentence: str, clause: str, lang: str) -> str:
    """'goods_services', 'services' (not in the data model), 'agri_food' or '' (goods, the default)."""
    words_of = lexicon(lang)
    if re.search(words_of.GOODS_AND_SERVICES, sentence, I):
        return "goods_services"
    if re.search(words_of.SERVICES_ONLY, clause, I):
        return "services"
    if re.search(words_of.AGRI_FOOD, clause, I):
        return "agri_food"
    return ""
