"""The closed vocabularies of the data model (DESIGN.md §2).

The labels are English messages marked for translation (``N_``); texts/ translates them where they are shown.
"""

from turnover.i18n import N_

FLOWS = ("turnover", "export", "import")
CURRENCIES = ("USD", "RUB", "BYN")
SCALES = {"thousand": 1e3, "mn": 1e6, "bn": 1e9, "trn": 1e12}
QUALIFIERS = ("exact", "approx", "at_most", "at_least")
TOTAL_COVERAGES = ("goods", "goods_services")
SUBSET_COVERAGES = (
    "agri_food",
    "construction_goods",
    "petroleum_products",
    "machinery",
    "direct_deliveries",
    "partial_territory",
)
COVERAGES = TOTAL_COVERAGES + SUBSET_COVERAGES
STATS = ("", "BY", "RU")
LANGUAGES = ("en", "de", "ru", "be", "pl")
SOURCE_KINDS = (  # what sort of publisher a source is (data/CURATION.md, "Sources: URLs, headlines and kinds")
    "official_statistics",  # statistics offices, customs, the central bank
    "government",  # president, governments, ministries, regional governments, embassies, executive committees
    "news_agency",  # BelTA, TASS, RIA, Interfax, Sputnik, ...
    "media",  # newspapers, TV and radio sites, regional news sites
    "aggregator",  # city guides, reprint sites, directories, blogs, forums
    "video",  # video pages
)
KINDS = (
    "country",
    "federal_district",
    "oblast",
    "krai",
    "republic",
    "federal_city",
    "autonomous_oblast",
    "autonomous_okrug",
    "city",
)
FEDERAL_SUBJECT_KINDS = ("oblast", "krai", "republic", "federal_city", "autonomous_oblast", "autonomous_okrug")
FIRST_YEAR = 1991  # the first year Belarus and Russia traded as independent states

FLOW_LABELS = {"turnover": N_("Trade turnover"), "export": N_("Belarusian exports"), "import": N_("Belarusian imports")}
QUALIFIER_PHRASES = {"exact": "", "approx": N_("about {figure}"), "at_most": N_("almost {figure}"), "at_least": N_("over {figure}")}
COVERAGE_LABELS = {
    "goods": N_("goods"),
    "goods_services": N_("goods and services"),
    "agri_food": N_("agri-food products only"),
    "construction_goods": N_("construction goods only"),
    "petroleum_products": N_("petroleum products only"),
    "machinery": N_("machinery only"),
    "direct_deliveries": N_("direct deliveries only"),
    "partial_territory": N_("part of the territory only"),
}


def is_federal_subject(country: str, kind: str) -> bool:
    """A Russian federal subject: what the map draws and the ranking ranks.

    Not Russia itself, not a federal district, and not Crimea or Sevastopol (registered with their
    ISO codes under country UA: drawn neutral, never ranked).
    """
    return country == "RU" and kind in FEDERAL_SUBJECT_KINDS
