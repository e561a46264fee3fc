"""The region profile's cards: labels, values that are words, changes and their help lines."""

from turnover.i18n import gettext_for


def full_year_label(year: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Full year {year}").format(year=year)


def rank_label(year: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Rank in {year}").format(year=year)


def rank_value(rank: int, ranked: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("{rank} of {count}").format(rank=rank, count=ranked)


def rank_help(year: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Among Russian regions with a full-year figure for {year}.").format(year=year)


def no_figure(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("no figure")


def no_figure_help(year: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("No full-year figure for {year}; choose another year.").format(year=year)


def latest_full_year_label(year: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Latest full year ({year})").format(year=year)


def peak_label(year: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Peak full year ({year})").format(year=year)


def latest_partial_label(period: str, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Latest partial period ({period})").format(period=period)


def change(change_pct: float, before: str, lang: str = "en") -> str:
    """``+12.3% on 2022``; ``-4.0% on Jan–Sep 2023`` (number formatting stays English until the Russian work)."""
    _ = gettext_for(lang)
    return _("{change} on {before}").format(change=f"{change_pct:+.1f}%", before=before)


def like_for_like(period: str, change_pct: float, before: str, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("{period} {change}").format(period=period, change=change(change_pct, before, lang))


def citation(period: str, shown: str, publisher: str, published: str, conversion: str, lang: str = "en") -> str:
    """A card's help line: ``2023: $4.4bn (BelTA, 2024-11-18)``, and the conversion when there was one."""
    _ = gettext_for(lang)
    text = _("{period}: {figure} ({publisher}, {published})").format(period=period, figure=shown, publisher=publisher, published=published)
    return _("{citation}; {conversion}").format(citation=text, conversion=conversion) if conversion else text
