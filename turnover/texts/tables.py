"""Table headers, by the column they name, so a table's builder and the page that configures it agree."""

from turnover.formatting import format_number
from turnover.i18n import gettext_for


def provenance_headers(lang: str = "en") -> dict[str, str]:
    """Every figure with its provenance (region profile and Sources page)."""
    _ = gettext_for(lang)
    return {
        "region": _("Region"),
        "period": _("Period"),
        "flow": _("Flow"),
        "published": _("As published"),
        "qualifier": _("Qualifier"),
        "usd_mn": _("US$ million"),
        "coverage": _("Coverage"),
        "stats": _("Statistics"),
        "status": _("Status"),
        "publisher": _("Publisher"),
        "kind": _("Kind of source"),
        "date": _("Published"),
        "title": _("Title"),
        "link": _("Link"),
        "note": _("Note"),
    }


def source_title(title: str, lang: str = "en") -> str:
    """A source's title cell: the article's headline as is; a curator's label (``[...]``) said to be one."""
    if not (title[:1] == "[" and title[-1:] == "]"):
        return title
    _ = gettext_for(lang)
    return _("no headline found; curator's label: {label}").format(label=title[1:-1])


def conversion_note(published: str, rate: float, currency: str, year: int, lang: str = "en") -> str:
    """``converted from RUB 295bn at 92.57 RUB/USD (2024 average)``: how a figure not in dollars became one."""
    _ = gettext_for(lang)
    return _("converted from {published} at {rate} {currency}/USD ({year} average)").format(published=published, rate=format_number(rate, 2, lang), currency=currency, year=year)


def link_text(lang: str = "en") -> str:
    """What a link cell reads."""
    _ = gettext_for(lang)
    return _("open")


def conflict_headers(lang: str = "en") -> dict[str, str]:
    _ = gettext_for(lang)
    return {"slot": _("Slot"), "figure": _("Figure"), "published": _("As published"), "status": _("Status"), "stats": _("Statistics"), "source": _("Source")}


def conflict_slot(region: str, period: str, flow: str, lang: str = "en") -> str:
    """``Smolensk Oblast, Jan–Sep 2024, Trade turnover``: one region-period where sources disagree."""
    _ = gettext_for(lang)
    return _("{region}, {period}, {flow}").format(region=region, period=period, flow=flow)


def district_headers(lang: str = "en") -> dict[str, str]:
    _ = gettext_for(lang)
    return {
        "name": _("Federal district"),
        "sum": _("Sum of regions with a figure"),
        "covered": _("Regions with a figure"),
        "approximate": _("Includes approximate figures"),
        "published": _("Published district figure"),
    }


def share_headers(lang: str = "en") -> dict[str, str]:
    _ = gettext_for(lang)
    return {"rank": _("Rank"), "region": _("Region"), "figure": _("Figure"), "share": _("Share of national total"), "source": _("Source")}


def severity_word(severity: str, lang: str = "en") -> str:
    """A problem's severity as the panel and the report name it: an error left its row out, a warning kept it."""
    _ = gettext_for(lang)
    return {"error": _("error"), "warning": _("warning")}.get(severity, severity)


def problem_headers(lang: str = "en") -> dict[str, str]:
    """The data-problems panel: one row per input row left out."""
    _ = gettext_for(lang)
    return {"path": _("file"), "line": _("line"), "column": _("column"), "severity": _("severity"), "reason": _("reason")}
