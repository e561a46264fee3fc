"""English interface words: the words of the English messages (the catalogue's msgids), less those that may
rightly appear on a Russian page because the data holds them (source titles, publishers, notes, codes)."""

import re
from functools import cache

from babel.messages.extract import extract_from_dir

from turnover import i18n
from turnover.dataset import load_dataset

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")  # four letters or more: "Full", "year", "Sources"; not "US", "Jan"


@cache
def interface_words() -> frozenset[str]:
    words = set()
    for _filename, _line, message, _comments, _context in extract_from_dir(i18n.LOCALE_DIR.parent, keywords={"_": None, "N_": None, "ngettext": (1, 2)}, comment_tags=()):
        for text in message if isinstance(message, tuple) else (message,):
            words |= {word.lower() for word in WORD.findall(re.sub(r"\{[^}]*\}", " ", text))}
    return frozenset(words - data_words())


@cache
def data_words() -> frozenset[str]:
    data = load_dataset()
    texts = [*data.sources.astype(str).to_numpy().ravel(), *data.figures["note"].astype(str), *data.figures["source_id"].astype(str)]
    return frozenset(word.lower() for text in texts for word in WORD.findall(text))


FILE_NAME = re.compile(r"[\w/.-]+\.(?:csv|geojson|png|svg|pptx)\b")  # data/figures.csv is a name, not a word


def english_in(text: str) -> list[str]:
    """The English interface words in ``text``, in order (file names left aside)."""
    known = interface_words()
    return [word for word in WORD.findall(FILE_NAME.sub(" ", text)) if word.lower() in known]
