"""The closed vocabularies of the data model (DESIGN.md §2)."""

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
FIRST_YEAR = 1991  # the first year Belarus and Russia traded as independent states

FLOW_LABELS = {"turnover": "Trade turnover", "export": "Belarusian exports", "import": "Belarusian imports"}
QUALIFIER_WORDS = {"exact": "", "approx": "about", "at_most": "almost", "at_least": "over"}
COVERAGE_LABELS = {
    "goods": "goods",
    "goods_services": "goods and services",
    "agri_food": "agri-food products only",
    "construction_goods": "construction goods only",
    "petroleum_products": "petroleum products only",
    "machinery": "machinery only",
    "direct_deliveries": "direct deliveries only",
    "partial_territory": "part of the territory only",
}
