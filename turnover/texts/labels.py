"""The data model's words as a reader sees them."""

from turnover.i18n import N_, gettext_for
from turnover.vocabulary import COVERAGE_LABELS, FLOW_LABELS

QUALIFIER_TEXT = {"exact": N_("exact"), "approx": N_("approximate"), "at_most": N_("at most (almost)"), "at_least": N_("at least (over)")}
STATS_TEXT = {"BY": N_("Belarusian"), "RU": N_("Russian"), "": ""}
STATUS_TEXT = {True: N_("shown"), False: N_("alternative")}
SOURCE_KIND_TEXT = {
    "official_statistics": N_("official statistics"),
    "government": N_("government"),
    "news_agency": N_("news agency"),
    "media": N_("media"),
    "aggregator": N_("aggregator"),
    "video": N_("video"),
    "": "",
}


def _translated(mapping: dict, lang: str) -> dict:
    _ = gettext_for(lang)
    return {key: _(text) if text else "" for key, text in mapping.items()}


def flow_labels(lang: str = "en") -> dict[str, str]:
    """``{"turnover": "Trade turnover", ...}``."""
    return _translated(FLOW_LABELS, lang)


def flow_label(flow: str, lang: str = "en") -> str:
    return flow_labels(lang)[flow]


def coverage_labels(lang: str = "en") -> dict[str, str]:
    return _translated(COVERAGE_LABELS, lang)


def qualifier_labels(lang: str = "en") -> dict[str, str]:
    return _translated(QUALIFIER_TEXT, lang)


def stats_labels(lang: str = "en") -> dict[str, str]:
    return _translated(STATS_TEXT, lang)


def source_kind_labels(lang: str = "en") -> dict[str, str]:
    """What sort of publisher a source is (data/sources.csv ``kind``)."""
    return _translated(SOURCE_KIND_TEXT, lang)


def status_labels(lang: str = "en") -> dict[bool, str]:
    """``shown`` for the displayed figure of its slot, ``alternative`` for the others."""
    return _translated(STATUS_TEXT, lang)


def yes_label(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("yes")


def cited_source(publisher: str, published: str, lang: str = "en") -> str:
    """``BelTA (2024-11-18)``; the publisher alone when the date is unknown."""
    _ = gettext_for(lang)
    return _("{publisher} ({published})").format(publisher=publisher, published=published) if published else publisher
