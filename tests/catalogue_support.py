"""A stand-in Russian catalogue for a test: the test's own words, so what it asserts holds whatever the shipped catalogue says."""

from contextlib import contextmanager
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from turnover import i18n
from turnover.charts import chart_template


@contextmanager
def stand_in_catalogue(folder: Path, monkeypatch, entries: dict):
    """While in the block, Russian is ``entries`` only (English -> Russian; a plural as (singular, plural) ->
    its three forms); every other message falls back to English."""
    catalog = Catalog(locale="ru")
    for english, russian in entries.items():
        catalog.add(english, russian)
    target = folder / "ru" / "LC_MESSAGES"
    target.mkdir(parents=True)
    with open(target / f"{i18n.DOMAIN}.mo", "wb") as file:
        write_mo(file, catalog)
    monkeypatch.setattr(i18n, "LOCALE_DIR", folder)
    _forget_translations()
    try:
        yield
    finally:
        _forget_translations()


def _forget_translations() -> None:
    """The catalogues and what was built from them: chart templates hold their language's legend and tooltip words."""
    i18n.translator.cache_clear()
    chart_template.cache_clear()


def in_cyrillic(text: str) -> bool:
    """Whether ``text`` has a Cyrillic letter: a message rendered in Russian, not fallen back to English."""
    return any("а" <= letter.lower() <= "я" for letter in text)
