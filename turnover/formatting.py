"""Money as a briefing writes it: ``$4.4bn``, ``almost $0.5bn``, ``RUB 295bn``; ``4,4 млрд долл.`` in Russian.

The rounding is decided here (the same in every language); Babel gives the language's CLDR separators (``1,234.5``
/ ``1 234,5``) and the unit words are messages (``${number}bn`` is ``{number} млрд долл.`` in Russian).
"""

import math
from functools import cache

from babel.numbers import get_decimal_symbol, get_group_symbol

from turnover.i18n import N_, gettext_for
from turnover.vocabulary import QUALIFIER_PHRASES

USD_UNITS = {"thousand": N_("${number}k"), "mn": N_("${number}m"), "bn": N_("${number}bn"), "trn": N_("${number}trn")}
OTHER_UNITS = {  # a figure published in another currency: the currency's code comes in {currency}
    "thousand": N_("{currency} {number}k"),
    "mn": N_("{currency} {number}m"),
    "bn": N_("{currency} {number}bn"),
    "trn": N_("{currency} {number}trn"),
}
CURRENCY_NAMES = {"RUB": N_("RUB"), "BYN": N_("BYN")}


def format_usd_mn(usd_mn: float, lang: str = "en") -> str:
    """``$4.4bn`` from 4400, ``$920.9m`` from 920.9, ``$12.3m``; at most four significant digits.

    Rounding decides the unit (999.96 is ``$1bn``, never ``$1,000m``), and a published non-zero figure
    never reads as zero: below $0.1m it keeps two significant digits (0.04 is ``$0.04m``).
    """
    if round(usd_mn, 1) >= 1000:
        scale, number = "bn", format_number(usd_mn / 1000, 2, lang)
    else:
        scale, number = "mn", format_number(usd_mn, 1 - math.floor(math.log10(usd_mn)) if 0 < usd_mn < 0.1 else 1, lang)
    return gettext_for(lang)(USD_UNITS[scale]).format(number=number)


def format_published(value: float, currency: str, scale: str, lang: str = "en") -> str:
    """The figure as published: ``$4.4bn``, ``RUB 295bn``, ``$920.9m``."""
    _ = gettext_for(lang)
    number = format_number(value, 3, lang)
    if currency == "USD":
        return _(USD_UNITS[scale]).format(number=number)
    name = _(CURRENCY_NAMES[currency]) if currency in CURRENCY_NAMES else currency
    return _(OTHER_UNITS[scale]).format(currency=name, number=number)


def with_qualifier(text: str, qualifier: str, lang: str = "en") -> str:
    """``almost $0.5bn`` for at_most, ``over $1bn`` for at_least, ``about $4.9bn`` for approx."""
    phrase = QUALIFIER_PHRASES[qualifier]
    return gettext_for(lang)(phrase).format(figure=text) if phrase else text


def format_share(share_pct: float, qualifier: str, lang: str = "en") -> str:
    """A share with its marking: ``12.3%``, ``over 8.8%``; Russian ``12,3 %``. Trailing zeros dropped, as in ``format_number``."""
    return with_qualifier(gettext_for(lang)("{pct}%").format(pct=format_number(share_pct, 1, lang)), qualifier, lang)


def format_change_pct(change_pct: float, lang: str = "en") -> str:
    """A signed change with one decimal: ``+12.3%``; ``-4%`` is ``-4.0%``; Russian ``+12,3 %``."""
    _ = gettext_for(lang)
    return _("{pct}%").format(pct=f"{change_pct:+,.1f}".translate(_separators(lang)))


def format_number(number: float, decimals: int, lang: str = "en") -> str:
    """``number`` rounded to at most ``decimals`` decimals, trailing zeros dropped, with the language's CLDR symbols.

    Python lays out the digits (rounding the float as it always did, so every language shows the same digits)
    and CLDR gives the separators: ``1,234.5`` / ``1 234,5``. Digits grouped by three, as CLDR's English and
    Russian patterns group them. Not ``babel.numbers.format_decimal`` per figure: that is about fifty times
    slower, and a large data set formats hundreds of thousands of distinct figures when it loads.
    """
    text = f"{number:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.translate(_separators(lang))


@cache
def vega_number_locale(lang: str) -> dict:
    """The language's number symbols as Vega formats numbers it lays out itself (axis ticks, legend labels): CLDR's
    decimal and group symbols, digits grouped by three, as ``format_number`` writes them (Russian ``1\u00a0000``)."""
    return {"decimal": get_decimal_symbol(locale=lang), "thousands": get_group_symbol(locale=lang), "grouping": [3], "currency": ["", ""]}


@cache
def _separators(lang: str) -> dict[int, str]:
    symbols = vega_number_locale(lang)
    return str.maketrans({",": symbols["thousands"], ".": symbols["decimal"]})
