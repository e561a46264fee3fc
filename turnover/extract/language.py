"""Which of the three languages a text is in."""

import re

from turnover.extract.lexicon import de, en

_GERMAN_WORDS = re.compile(rf"\b(?:{de.COMMON_WORDS})\b")
_ENGLISH_WORDS = re.compile(rf"\b(?:{en.COMMON_WORDS})\b")


def detect_language(text: str) -> str:
    """'ru' when the text is mostly Cyrillic; otherwise 'de' or 'en' by counting common words."""
    letters = [ch for ch in text if ch.isalpha()]
    if letters and sum("\u0400" <= ch <= "\u04ff" for ch in letters) / len(letters) > 0.3:
        return "ru"
    german = len(_GERMAN_WORDS.findall(text)) + 2 * len(re.findall(de.LETTERS, text))
    english = len(_ENGLISH_WORDS.findall(text))
    return "de" if german > english else "en"
