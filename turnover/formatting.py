"""Money as a briefing writes it: ``$4.4bn``, ``almost $0.5bn``, ``RUB 295bn``."""

import math

from turnover.vocabulary import QUALIFIER_WORDS


def format_usd_mn(usd_mn: float) -> str:
    """``$4.4bn`` from 4400, ``$920.9m`` from 920.9, ``$12.3m``; at most four significant digits.

    Rounding decides the unit (999.96 is ``$1bn``, never ``$1,000m``), and a published non-zero figure
    never reads as zero: below $0.1m it keeps two significant digits (0.04 is ``$0.04m``).
    """
    if round(usd_mn, 1) >= 1000:
        return f"${_trim(usd_mn / 1000, 2)}bn"
    if 0 < usd_mn < 0.1:
        return f"${_trim(usd_mn, 1 - math.floor(math.log10(usd_mn)))}m"
    return f"${_trim(usd_mn, 1)}m"


def format_published(value: float, currency: str, scale: str) -> str:
    """The figure as published: ``$4.4bn``, ``RUB 295bn``, ``$920.9m``."""
    unit = {"thousand": "k", "mn": "m"}.get(scale, scale)
    number = _trim(value, 3)
    return f"${number}{unit}" if currency == "USD" else f"{currency} {number}{unit}"


def with_qualifier(text: str, qualifier: str) -> str:
    """``almost $0.5bn`` for at_most, ``over $1bn`` for at_least, ``about $4.9bn`` for approx."""
    word = QUALIFIER_WORDS[qualifier]
    return f"{word} {text}" if word else text


def _trim(number: float, decimals: int) -> str:
    text = f"{number:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
