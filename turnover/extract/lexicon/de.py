"""German word tables. Every pattern is a regex fragment, matched case-insensitively. German "Billion" is 10^12."""

# --- language detection and sentences -------------------------------------------------------------------------------
COMMON_WORDS = r"der|die|das|und|mit|im|dem|den|des|sich|zwischen|auf|nach|wurde|ist|einer|eine|über|Jahr"
LETTERS = r"[äöüß]"  # each counts twice towards German
NEVER_FINAL = {"nr", "ca", "bzw", "vgl", "inkl", "ggü", "zb", "ua"}
SCALE_ABBREVIATIONS = {"mio", "mrd", "tsd"}
CURRENCY_START = r"Dollar|Rubel|Euro"
CLAUSE_WORDS = r"und|während|aber|sowie"

# --- amounts --------------------------------------------------------------------------------------------------------
SCALE_WORDS = [(r"Tausend|Tsd\.?", "thousand"), (r"Millionen|Million|Mio\.?", "mn"), (r"Milliarden|Milliarde|Mrd\.?", "bn"),
               (r"Billionen|Billion|Bio\.?", "trn")]
CURRENCY_AFTER = [
    (r"(?:belarussische[nr]?|weißrussische[nr]?)\s+Rubel|BYN", "BYN"),
    (r"(?:russische[nr]?\s+)?Rubel|RUB", "RUB"),
    (r"US-Dollar|US\s+Dollar|Dollar|USD|US\$|\$", "USD"),
    (r"Euro|EUR|€", "EUR"),
]
NUMBER_WORDS = [(r"eineinhalb|anderthalb", "1.5"), (r"eine\s+halbe", "0.5"), (r"eine|einer|ein", "1"), (r"zwei", "2"), (r"drei", "3"),
                (r"vier", "4"), (r"fünf", "5"), (r"sechs", "6"), (r"sieben", "7"), (r"acht", "8"), (r"neun", "9"), (r"zehn", "10")]
AMOUNT_RANGE_WORDS = r"bis"
NOT_MONEY_UNITS = (r"Tonnen|Einwohner\w*|Menschen|Stück|Fahrzeuge|Liter|Barrel|Kubikmeter|Quadratmeter|Hektar|Arbeitsplätze|Touristen|"
                   r"Besucher")
GLUED_HALF = ""
BARE_SCALE_IS_ONE = False
PERCENT_WORDS = r"Prozent"

# --- periods --------------------------------------------------------------------------------------------------------
MONTH_NAMES = ["januar", "februar", "märz|maerz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"]
MONTH_COUNT_WORDS = ["ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"]
MONTH_RANGE_WORDS = r"bis"
MONTHS_RULES = [
    (r"(?:den\s+)?ersten\s+(?P<n>{counts})\s+Monat(?:e|en)?", "count"),
    (r"(?P<n>{counts})\s+Monat(?:e|en)\b", "count"),
    (r"(?:von\s+)?(?P<from>{months}){dash}(?P<to>{months})(?![a-zäöü])", "range"),
    (r"(?:im\s+)?(?:ersten|1\.)\s+Halbjahr|\bH1\b|\bHalbjahr\w*", "6"),
    (r"(?:im\s+)?(?:ersten|1\.|I\.)\s+Quartal|\bQ1\b", "3"),
    (r"(?:zweiten|dritten|vierten|2\.|3\.|4\.|II\.|III\.|IV\.)\s+Quartal|\bQ[234]\b|zweiten\s+Halbjahr|\bH2\b", "not_from_january"),
    (r"(?<=\bim\s)Januar", "1"),
]
RELATIVE_YEARS = [
    (r"(?:im\s+)?Vorjahreszeitraum|(?:im\s+)?(?:gleichen|selben|entsprechenden)\s+Zeitraum\s+(?:des\s+)?(?:Vorjahres|vergangenen\s+Jahres)|"
     r"ein\s+Jahr\s+(?:zuvor|früher)", -1, "year_before"),
    (r"(?:im\s+)?(?:gleichen|selben|diesem)\s+Zeitraum", 0, "same"),
    (r"(?:im\s+)?vorletzten\s+Jahr", -2, "absolute"),
    (r"(?:im\s+)?(?:vergangenen|letzten|abgelaufenen)\s+Jahr(?:es)?|vergangenes\s+Jahr|letztes\s+Jahr|(?:im\s+)?Vorjahr(?:es)?", -1, "absolute"),
    (r"(?:in\s+)?(?:diese[ms]|diesen|laufende[ns]?)\s+Jahr(?:es)?|seit\s+(?:Jahresbeginn|Anfang\s+des\s+Jahres)", 0, "this_year"),
]
COMPARISON_BEFORE = (r"(?<![\w])(?:gegenüber|im\s+Vergleich\s+zu|verglichen\s+mit|als|seit|bis|ab|vor|bis\s+zum|von)\s+"
                     r"(?:dem\s+|den\s+|der\s+)?(?:Vorjahr\s+|Jahr(?:e|es)?\s+|Zeitraum\s+)?$")

# --- regions --------------------------------------------------------------------------------------------------------
LOCATIVE = r"im|in der"
# Name words with case forms of their own ("des Gebiets Smolensk").
NAME_WORD_FORMS = {"gebiet": "gebiet(?:e?s)?"}

# --- flows ----------------------------------------------------------------------------------------------------------
BELARUS = r"Belarus|Weißrussland|die\s+Republik\s+Belarus"
BELARUSIAN = r"belarussische[nrs]?|weißrussische[nrs]?"
EXPORT_WORD = r"Export\w*|Ausfuhr\w*|Lieferung\w*|exportiert\w*"
IMPORT_WORD = r"Import\w*|Einfuhr\w*|importiert\w*"
BELARUS_EXPORTED = r"Belarus\s+exportierte"
BELARUS_IMPORTED = r"Belarus\s+importierte"
TO_FROM = (r"nach|in\s+die|in\s+das|in\s+den", r"aus")
TURNOVER_WORDS = r"Außenhandel\w*|Handel\w*|Warenumsatz\w*|Warenverkehr\w*|Warenaustausch\w*|Umsatz\w*|Güteraustausch\w*"

# --- qualifiers and other signals -----------------------------------------------------------------------------------
QUALIFIERS = [
    (r"fast|knapp|beinahe|nahezu|weniger\s+als|unter|bis\s+zu|an\s+die", "at_most", False),
    (r"mehr\s+als|über|mindestens|gut|über\s+die", "at_least", False),
    (r"überstieg|übertraf|überschritt|übersteigt|übertrifft|überstiegen", "at_least", True),
    (r"rund|etwa|circa|ca\.|ungefähr|annähernd|schätzungsweise|geschätzte|geschätzt|um\s+die", "approx", False),
]
STOP_WORDS = r"und|aber|während|betrug|erreichte"
CHANGE_BEFORE = r"(?:\bum|\bZuwachs\s+von|\bPlus\s+von|\bAnstieg\s+um|\bÜberschuss\s+von|\bDefizit\s+von)\s*$"
NOT_TRADE = (r"\b(?:Investition\w*|investier\w*|Kosten|kostet\w*|Kredit\w*|Budget\w*|Preis\w*|Vertr(?:a|ä)g\w*|Projekt\w*|Werk\w*|Gewinn\w*|BIP|"
             r"Produktion\w*|Schulden|Steuer\w*|Gehalt\w*|Förder\w*)\b")
FORECAST = r"\b(?:soll\w*|wird|werden|könnte\w*|erwart\w*|Prognose\w*|plan\w*|Ziel\w*|anstreb\w*|steigern|bis\s+20\d\d)\b"
STATS_BY = r"belarussische[nr]?\s+(?:Statistik|Angaben|Daten)|Belstat"
STATS_RU = r"russische[nr]?\s+(?:Statistik|Angaben|Daten|Zoll\w*)|Rosstat"
GOODS_AND_SERVICES = r"Waren\s+und\s+Dienstleistungen"
AGRI_FOOD = r"\b(?:Agrar\w*|Lebensmittel\w*|Nahrungsmittel\w*|Milch\w*)"
SERVICES_ONLY = r"\bDienstleistungshandel\w*|Handel\s+mit\s+Dienstleistungen"

# --- ranks ----------------------------------------------------------------------------------------------------------
ORDINALS = ["erst", "zweit", "dritt", "viert", "fünft", "sechst", "siebt", "acht", "neunt", "zehnt", "elft", "zwölft", "dreizehnt", "vierzehnt",
            "fünfzehnt", "sechzehnt", "siebzehnt", "achtzehnt", "neunzehnt", "zwanzigst"]
ORDINAL_ENDING = r"e[nrms]?"
ORDINAL_DIGITS = r"\d{1,3}\."
# "Top Ten" is said in English too.
CARDINALS = ["eins|eine[nm]?", "zwei", "drei|three", "vier", "fünf|five", "sechs", "sieben", "acht", "neun", "zehn|ten", "elf", "zwölf", "dreizehn",
             "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn", "zwanzig|twenty"]
RANK_RULES = [
    (r"\b(?:Platz|Rang)\s+(?P<num>{n})\b", None),
    (r"(?P<ord>{ord})\s+(?:Platz|Stelle|Rang|Position)\b", None),
    (r"\b(?P<ord>{stem})(?:größt|wichtigst|bedeutendst)\w*", None),
    (r"\b(?:Spitzenreiter|an\s+der\s+Spitze|führt\s+die\s+(?:Rangliste|Liste))\b", 1),
    (r"\b(?:größte[rs]?|wichtigste[rs]?)\s+(?:[\w-]+\s+){0,3}?unter\s+den\s+(?:russischen\s+Regionen|Regionen\s+Russlands)", 1),
]
TOP_RULES = [
    (r"\bTop[-\s]?(?P<n>{n})\b", None),
    (r"\b(?:zu|unter)\s+den\s+(?P<n>{n})\s+(?:größten|wichtigsten|führenden|bedeutendsten|stärksten)\b", None),
]
OUT_OF = r"\b(?:von|unter|aus)\s+(?:allen\s+|den\s+)?(?P<n>\d{2,3})\s+(?:russischen\s+)?(?:Regionen|Föderationssubjekten|Subjekten)\b"
SHARE_WORDS = r"\b(?:Anteil\w*|entfall\w*|zusammen|vereinen)\b"
RANK_FLOW_WORDS = [
    (r"\b(?:Abnehmer\w*|Käufer\w*|Absatzm(?:a|ä)rkt\w*|Importeur\w*)", "export"),
    (r"\b(?:Lieferant\w*|Zulieferer\w*)", "import"),
    (r"\bHandelspartner\w*", "turnover"),
]
RANK_COMPARATORS = r"\b(?:hinter|nach|vor)\b"
GROUP_PHRASES = [
    (r"\b(?P<n>{n})\s+(?:größten|wichtigsten|führenden|bedeutendsten)\b", None),
    (r"\bTop[-\s]?(?P<n>{n})\b", None),
]
