"""A text cut into sentences: at blank lines, after a title line, and after '.', '!' or '?' unless the dot ends an
abbreviation ("St.", "г. Москва", "Mrd." before "Rubel")."""

import re
from dataclasses import dataclass

from turnover.extract.lexicon import LANGUAGES, any_language

I = re.IGNORECASE


@dataclass(frozen=True)
class Sentence:
    text: str
    paragraph: int


# A dot after one of these does not end a sentence.
_NEVER_FINAL = set().union(*(module.NEVER_FINAL for module in LANGUAGES.values()))
# Abbreviated scales and currencies: the sentence ends there only if a capitalised word other than a currency follows.
_SCALE_ABBREVIATIONS = set().union(*(module.SCALE_ABBREVIATIONS for module in LANGUAGES.values()))
_CURRENCY_START = re.compile(rf"(?:{any_language('CURRENCY_START')})", I)
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
