"""The region profile's cards: labels, values that are words, changes and their help lines."""

from turnover.formatting import format_change_pct
from turnover.i18n import gettext_for
from turnover.periods import date_label


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
    return _("Computed here: among the Russian regions with a full-year figure for {year} in these data.").format(year=year)


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
    """``+12.3% on 2022``; ``-4.0% on Jan–Sep 2023``; ``+12,3 % к 2022``."""
    _ = gettext_for(lang)
    return _("{change} on {before}").format(change=format_change_pct(change_pct, lang), before=before)


def like_for_like(period: str, change_text: str, lang: str = "en") -> str:
    """``Jan–Sep 2024 +6.5% on Jan–Sep 2023``, or why the two are not compared."""
    _ = gettext_for(lang)
    return _("{period} {change}").format(period=period, change=change_text)


def basis(period: str, aspects: list[str], converted: bool, coverage: str, stats: str, lang: str = "en", bound: bool = False) -> str:
    """``2023 in dollars``: a figure's period and its basis in the ``aspects`` (``selection.BASIS``, and ``bound``:
    whether it is a lower bound) that differ."""
    _ = gettext_for(lang)
    words = {
        "currency": _("converted from roubles") if converted else _("in dollars"),
        "coverage": _("goods and services") if coverage == "goods_services" else _("goods only"),
        "stats": _("Belarusian statistics") if stats == "BY" else _("Russian statistics"),
        "bound": _("a lower bound (over)") if bound else _("a stated figure"),
    }
    return _("{period} {basis}").format(period=period, basis=_(", ").join(words[a] for a in aspects))


def not_compared(before: str, lang: str = "en") -> str:
    """A card's short delta when the year before is on another basis: ``not comparable with 2023``."""
    _ = gettext_for(lang)
    return _("not comparable with {before}").format(before=before)


def card_notice(label: str, text: str, lang: str = "en") -> str:
    """The whole of what a card's short delta stands for, on a line under the cards: ``Full year 2024: not comparable: ...``."""
    _ = gettext_for(lang)
    return _("{label}: {text}").format(label=label, text=text)


def published_short(rank: int | None, top: int | None, lang: str = "en") -> str:
    """The rank card's short delta: ``published: 3rd``; ``published: top 10``."""
    _ = gettext_for(lang)
    if rank is not None:
        return _("published: {ordinal}").format(ordinal=ordinal(rank, lang))
    return _("published: top {top}").format(top=top)


def not_comparable(before: str, now: str, lang: str = "en") -> str:
    """``not comparable: 2023 in dollars, 2024 converted from roubles``."""
    _ = gettext_for(lang)
    return _("not comparable: {before}; {now}").format(before=before, now=now)


def known_value(year: int, shown: str, lang: str = "en") -> str:
    """The headline's value when the selected year has no figure: ``2022: almost $0.5bn``."""
    _ = gettext_for(lang)
    return _("{year}: {figure}").format(year=year, figure=shown)


def none_for(year: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("no figure published for {year}").format(year=year)


def known_help(year: int, shown: str, selected: int, citation_text: str, lang: str = "en") -> str:
    """``2022: almost $0.5bn — no figure published for 2024. 2022: almost $0.5bn (President, 2023-10-10)``."""
    _ = gettext_for(lang)
    return _("{known} — {none}. {citation}").format(known=known_value(year, shown, lang), none=none_for(selected, lang), citation=citation_text)


def not_ranked(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("not ranked here")


def published_rank(rank: int | None, top: int | None, out_of: int | None, flow: str, publisher: str, published: str, lang: str = "en") -> str:
    """``published: 3rd among Russian regions — Interfax, 2025-05-14``; ``published: among the top 10 importers of Belarusian goods — BelTA, 2023-04-12``."""
    _ = gettext_for(lang)
    if rank is not None:  # a place, not a top group
        place = _("{ordinal} among Russian regions").format(ordinal=ordinal(rank, lang))
        if out_of is not None:
            place = _("{ordinal} of {count} Russian regions").format(ordinal=ordinal(rank, lang), count=out_of)
    else:
        groups = {"export": _("among the top {top} importers of Belarusian goods"), "import": _("among the top {top} suppliers to Belarus")}
        place = groups.get(flow, _("among the top {top} trading partners of Belarus")).format(top=top)
    return _("published: {place} — {publisher}, {published}").format(place=place, publisher=publisher, published=date_label(published, lang))


def ordinal(number: int, lang: str = "en") -> str:
    """``1st``, ``2nd``, ``3rd``, ``11th``, ``22nd``."""
    _ = gettext_for(lang)
    other = _("{number}th")
    text = other if 10 <= number % 100 <= 20 else {1: _("{number}st"), 2: _("{number}nd"), 3: _("{number}rd")}.get(number % 10, other)
    return text.format(number=number)


def conflict(period: str, shown: str, publisher: str, part_period: str, part_shown: str, part_publisher: str, lang: str = "en") -> str:
    """A notice under the cards: a full year below a part of the same year, on the same basis."""
    _ = gettext_for(lang)
    return _("Conflict: the full year {period}, {figure} ({publisher}), is below {part_period}, {part_figure} ({part_publisher}), on the same basis; one of them is wrong.").format(
        period=period, figure=shown, publisher=publisher, part_period=part_period, part_figure=part_shown, part_publisher=part_publisher
    )


def side(stats: str, publisher: str, published_text: str, shown: str, converted: bool, lang: str = "en") -> str:
    """One side's figure: ``Belarusian statistics (news.by): about $2.8bn``; ``Russian statistics (Samara government): RUB 28.4bn ≈ $0.31bn``."""
    _ = gettext_for(lang)
    whose = _("Belarusian statistics") if stats == "BY" else _("Russian statistics")
    figure = _("{published} ≈ {figure}").format(published=published_text, figure=shown) if converted else shown
    return _("{whose} ({publisher}): {figure}").format(whose=whose, publisher=publisher, figure=figure)


def both_sides(period: str, belarusian: str, russian: str, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("{period}, both sides' statistics — {belarusian}; {russian}.").format(period=period, belarusian=belarusian, russian=russian)


def citation(period: str, shown: str, publisher: str, published: str, conversion: str, lang: str = "en") -> str:
    """A card's help line: ``2023: $4.4bn (BelTA, 2024-11-18)``, and the conversion when there was one; Russian dates in words."""
    _ = gettext_for(lang)
    text = _("{period}: {figure} ({publisher}, {published})").format(period=period, figure=shown, publisher=publisher, published=date_label(published, lang))
    return _("{citation}; {conversion}").format(citation=text, conversion=conversion) if conversion else text
