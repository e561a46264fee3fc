"""The word tables of each language the extractor reads: one module per language, the same names in each."""

from types import ModuleType

from turnover.extract.lexicon import de, en, ru

LANGUAGES: dict[str, ModuleType] = {"en": en, "de": de, "ru": ru}


def lexicon(lang: str) -> ModuleType:
    """The word tables of ``lang`` ('en', 'de' or 'ru')."""
    return LANGUAGES[lang]


def any_language(name: str) -> str:
    """One table's patterns of every language joined into one alternation (for text that mixes languages:
    "25 Mrd. Rubel" in a Russian article, "%" anywhere)."""
    return "|".join(f"(?:{getattr(module, name)})" for module in LANGUAGES.values())
