"""Translations: every sentence a user reads passes through ``gettext_for(lang)`` (texts/).

English is the source language: its messages are the msgids themselves. Other languages are gettext
catalogues under turnover/locale/<lang>/LC_MESSAGES/turnover.mo, made with pybabel; a language without
a catalogue falls back to English. Messages are found by the name of the call, so texts/ always binds
``_ = gettext_for(lang)`` / ``ngettext = ngettext_for(lang)`` before calling them:

    pybabel extract --no-default-keywords -k _ -k N_ -k ngettext:1,2 -o turnover/locale/turnover.pot turnover/
    pybabel init|update -D turnover -i turnover/locale/turnover.pot -d turnover/locale -l ru
    pybabel compile -D turnover -d turnover/locale
"""

import gettext
from functools import cache
from pathlib import Path

DOMAIN = "turnover"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("en", "ru")  # languages offered, English first; one without a catalogue yet shows English


def N_(message: str) -> str:
    """Mark a message for extraction where it is defined as data; it is translated where it is shown."""
    return message


@cache
def translator(lang: str = "en") -> gettext.NullTranslations:
    """The catalogue for ``lang`` (English and unknown languages: the source strings themselves)."""
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True)


def gettext_for(lang: str = "en"):
    """``_`` for ``lang``: ``_("Map")``."""
    return translator(lang).gettext


def ngettext_for(lang: str = "en"):
    """``ngettext`` for ``lang``: ``ngettext("{count} region", "{count} regions", count)``."""
    return translator(lang).ngettext
