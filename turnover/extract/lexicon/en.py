"""English word tables. Every pattern is a regex fragment, matched case-insensitively."""

# --- language detection and sentences -------------------------------------------------------------------------------
COMMON_WORDS = r"the|and|of|with|in|to|was|between|from|for|amounted|reached|trade|year"
# A dot after one of these does not end a sentence (titles, "St. Petersburg", "ca.", dates "Jan. 5").
NEVER_FINAL = {"st", "mr", "mrs", "ms", "dr", "gov", "no", "ca", "vs", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
               "oct", "nov", "dec"}
SCALE_ABBREVIATIONS = {"mln", "bn", "bln", "trln", "tn"}
CURRENCY_START = r"US|USD|EUR|RUB|BYN|\$"
CLAUSE_WORDS = r"and|while|whereas|but"

# --- amounts --------------------------------------------------------------------------------------------------------
SCALE_WORDS = [(r"thousand|thsd|k", "thousand"), (r"millions?|mln|mn|m", "mn"), (r"billions?|bln|bn|b", "bn"), (r"trillions?|trln|tn", "trn")]
# Longest first; Belarusian roubles before roubles.
CURRENCY_AFTER = [
    (r"Belarusian\s+(?:roubles?|rubles?)|BYN|BYR", "BYN"),
    (r"(?:Russian\s+)?(?:roubles?|rubles?)|RUB|RUR", "RUB"),
    (r"(?:(?:US|U\.S\.|American)\s+)?dollars?|USD|US\$|\$", "USD"),
    (r"euros?|EUR|€", "EUR"),
]
NUMBER_WORDS = [(r"one\s+and\s+a\s+half", "1.5"), (r"half\s+a", "0.5"), (r"a|one", "1"), (r"two", "2"), (r"three", "3"), (r"four", "4"),
                (r"five", "5"), (r"six", "6"), (r"seven", "7"), (r"eight", "8"), (r"nine", "9"), (r"ten", "10")]
AMOUNT_RANGE_WORDS = r"to"
NOT_MONEY_UNITS = (r"tonnes?|tons?|t\b|people|inhabitants|residents|units|pieces|cars|vehicles|head|litres?|liters?|barrels?|cubic|square|"
                   r"km|kilomet\w*|hectares?|jobs|visitors|tourists|doses|copies|kWh")
GLUED_HALF = ""  # no "полмиллиарда" in English
BARE_SCALE_IS_ONE = False
PERCENT_WORDS = r"%|percent|per\s+cent|pct"

# --- periods --------------------------------------------------------------------------------------------------------
MONTH_NAMES = ["jan(?:uary|\\.)?", "feb(?:ruary|\\.)?", "mar(?:ch|\\.)?", "apr(?:il|\\.)?", "may", "june?", "july?", "aug(?:ust|\\.)?",
               "sep(?:t(?:ember)?)?\\.?", "oct(?:ober|\\.)?", "nov(?:ember|\\.)?", "dec(?:ember|\\.)?"]
MONTH_COUNT_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
MONTH_RANGE_WORDS = r"to|through|till|until"
# (pattern, how to read it): 'count' = group n months; 'range' = January to group 'to'; 'not_from_january'; a number = fixed.
# {counts}, {months} and {dash} stand for the month counts, the month names and a range dash.
MONTHS_RULES = [
    (r"(?:the\s+)?first\s+(?P<n>{counts})\s+months", "count"),
    (r"(?P<n>{counts})\s+months\s+(?:of|in)\b", "count"),
    (r"(?P<from>{months}){dash}(?P<to>{months})(?![a-z])", "range"),
    (r"(?:the\s+)?first\s+half(?:\s+of\s+the\s+year)?|\bH1\b|\b1H\b|\bhalf[- ]year\b", "6"),
    (r"(?:the\s+)?first\s+quarter|\bQ1\b|\b1Q\b", "3"),
    (r"(?:the\s+)?(?:second|third|fourth)\s+quarter|\bQ[234]\b|(?:the\s+)?second\s+half|\bH2\b", "not_from_january"),
    (r"(?<=\bin\s)january", "1"),
]
# (pattern, offset from the publication year, kind). Longer phrases first.
RELATIVE_YEARS = [
    (r"(?:in\s+|over\s+|during\s+)?the\s+same\s+period\s+(?:of\s+|in\s+)?(?:the\s+)?(?:last|previous|prior)\s+year|a\s+year\s+(?:earlier|ago|before)|"
     r"the\s+(?:previous|prior)\s+year'?s?\s+(?:same\s+)?period", -1, "year_before"),
    (r"(?:in|for|over|during)\s+(?:the\s+)?same\s+period|(?:in|for|over|during)\s+(?:this|that|the)\s+period|over\s+the\s+period", 0, "same"),
    (r"the\s+year\s+before\s+last", -2, "absolute"),
    (r"(?:in\s+|for\s+|during\s+)?(?:last|the\s+past|the\s+previous)\s+year", -1, "absolute"),
    (r"(?:in\s+|for\s+)?(?:this|the\s+current)\s+year|since\s+the\s+(?:beginning|start)\s+of\s+the\s+year|year[- ]to[- ]date", 0, "this_year"),
]
# Words right before a year that make it a comparison or a target, not the figure's period.
COMPARISON_BEFORE = (r"(?<![\w])(?:compared\s+(?:with|to)|versus|vs\.?|than(?:\s+in)?|on|over|from|since|against|relative\s+to|before|until|till|"
                     r"by|to|up\s+from|down\s+from)\s+(?:the\s+)?(?:same\s+period\s+(?:of|in)\s+)?(?:the\s+year\s+)?$")

# --- regions --------------------------------------------------------------------------------------------------------
# A country or city after these is a place ("talks in Moscow"), not a partner.
LOCATIVE = r"in|at"

# --- flows ----------------------------------------------------------------------------------------------------------
BELARUS = r"Belarus|Byelorussia|the\s+Republic\s+of\s+Belarus"
BELARUSIAN = r"Belarusian|Belarus(?:'s|’s|'|’)"
EXPORT_WORD = r"exports?|exported|exporting|supplies|deliveries|shipments|sales"
IMPORT_WORD = r"imports?|imported|importing"
BELARUS_EXPORTED = r"Belarus\s+exported"
BELARUS_IMPORTED = r"Belarus\s+imported"
TO_FROM = (r"to|into", r"from")
TURNOVER_WORDS = r"trade(?:\s+turnover)?|turnover|commerce|trading|trade\s+volume"

# --- qualifiers and other signals -----------------------------------------------------------------------------------
# (words, qualifier, is a verb). Verbs ("exceeded") may stand a few words before the amount; adverbs may not.
QUALIFIERS = [
    (r"almost|nearly|close\s+to|just\s+(?:under|below|shy\s+of)|under|less\s+than|up\s+to|not\s+quite|approaching|nearing", "at_most", False),
    (r"approached|neared", "at_most", True),
    (r"more\s+than|over|above|in\s+excess\s+of|upwards\s+of|at\s+least|well\s+over|just\s+over|beyond", "at_least", False),
    (r"exceeded|exceeding|exceeds|surpassed|surpassing|topped|topping", "at_least", True),
    (r"about|around|approximately|roughly|some|circa|ca\.|approx\.|an\s+estimated|estimated\s+at|an\s+estimate\s+of", "approx", False),
]
# Words a qualifying verb does not reach past.
STOP_WORDS = r"and|but|while|reached|amounted"
# A change, not a level: "grew by $200 million".
CHANGE_BEFORE = (r"(?:\b(?:grew|rose|increased|went\s+up|climbed|jumped|fell|dropped|declined|decreased|shrank|slipped|up|down|added|gained|lost|"
                 r"grow|rise|increase)\b[^.;]{0,40}\bby|\b(?:increase|growth|rise|decrease|decline|drop|gain|fall|surplus|deficit)\s+of)\s*$")
# Money that is not trade.
NOT_TRADE = (r"\b(?:invest\w*|costs?|costing|loans?|credits?|budget\w*|prices?|contracts?|deals?|projects?|plants?|salar\w*|wages?|capital|funds?|"
             r"subsid\w*|grants?|revenue|profits?|GDP|GRP|output|production|taxe?s?|debts?)\b")
FORECAST = (r"\b(?:will|would|could|should|expect\w*|forecast\w*|plan\w*|target\w*|aim\w*|goals?|projected|projection|hope\w*|intend\w*|"
            r"to\s+(?:reach|bring|increase|raise|double|grow)|by\s+20\d\d)\b")
STATS_BY = r"Belarusian\s+statistic\w*|Belstat|Belarusian\s+data|National\s+Statistical\s+Committee"
STATS_RU = r"Russian\s+statistic\w*|Rosstat|Russian\s+customs|Federal\s+Customs\s+Service|Russian\s+data"
GOODS_AND_SERVICES = r"goods\s+and\s+services"
AGRI_FOOD = r"\b(?:agricultur\w*|agri-?food|food\w*|dairy|agro\w*)\b"
SERVICES_ONLY = r"\b(?:services\s+trade|trade\s+in\s+services)\b"

# --- ranks ----------------------------------------------------------------------------------------------------------
# Ordinals (stems, before ORDINAL_ENDING) and cardinals in order from one. In the rules, {ord} stands for an ordinal,
# {stem} for an ordinal's stem ("dritt" in "drittgrößter"), {n} for a cardinal or digits.
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
            "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"]
ORDINAL_ENDING = ""
ORDINAL_DIGITS = r"\d{1,3}(?:st|nd|rd|th)"
CARDINALS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
             "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
# (pattern, fixed rank or None to read it from the group 'ord' or 'num')
RANK_RULES = [
    (r"(?P<ord>{ord})\s*(?:place|position|spot)\b", None),
    (r"(?P<ord>{ord})\s+(?:among|(?:out\s+)?of\s+\d{2,3}\s)", None),
    (r"(?P<ord>{ord})[-\s]+(?:largest|biggest|most\s+important|leading)\b", None),
    (r"\b(?:rank(?:s|ed|ing)?|came|comes|placed|finished)\s+(?:the\s+)?(?P<ord>{ord})\b", None),
    (r"\b(?:is|was|remains|remained|stands|stood)\s+(?P<ord>{ord})(?=\s*[,;.]|\s+(?:in|on|by|after|behind|with)\b)", None),
    (r"\b(?:the\s+)?(?:largest|biggest|leading)\s+(?:[\w-]+\s+){0,5}?among\s+(?:the\s+)?(?:Russian\s+regions|regions\s+of\s+Russia)", 1),
]
# (pattern, fixed group size or None to read it from the group 'n')
TOP_RULES = [
    (r"\btop[-\s]?(?P<n>{n})\b", None),
    (r"\b(?:among|one\s+of|in)\s+the\s+(?P<n>{n})\s+(?:largest|biggest|leading|main|most\s+important|top)\b", None),
]
OUT_OF = r"\b(?:of|out\s+of|among)\s+(?:all\s+)?(?:the\s+)?(?P<n>\d{2,3})\s+(?:Russian\s+)?(?:regions|federal\s+subjects|subjects)\b"
# Words saying a top group holds a share ("the top ten account for almost 73 % of Belarusian exports to Russia").
SHARE_WORDS = r"\b(?:account\w*\s+for|share|together|combined|make\s+up|made\s+up)\b"
# What a rank is a rank of, when the rank's sentence says it with a word of its own.
RANK_FLOW_WORDS = [
    (r"\b(?:importers?|buyers?|consumers?|markets?)\s+(?:of|for)\s+Belarusian", "export"),
    (r"\b(?:suppliers?|exporters?)\s+(?:\w+\s+){0,2}?to\s+Belarus", "import"),
    (r"\b(?:trading|trade)\s+partners?", "turnover"),
]
# Regions after these are what the ranked region is compared with ("third, after Moscow and St. Petersburg").
RANK_COMPARATORS = r"\b(?:after|behind|ahead\s+of|following|second\s+only\s+to|trailing)\b"
# A top group named again in a later sentence that gives its share ("The ten largest buyers account for 73 %").
GROUP_PHRASES = [
    (r"\b(?P<n>{n})\s+(?:largest|biggest|leading|main)\b", None),
    (r"\btop[-\s]?(?P<n>{n})\b", None),
]
