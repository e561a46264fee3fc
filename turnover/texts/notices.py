"""Notices and error messages about input that could not be used: a link's bad parameters, an unknown
region name, a broken boundary file, and the summary line of ``python -m turnover validate``.

Values quoted from a link arrive already quoted and escaped (``urlstate.quoted``); these functions only
place them in a sentence.
"""

from turnover.i18n import N_, gettext_for, ngettext_for


def unknown_region(given: str, showing: str, closest: list[tuple[str, str]], lang: str = "en") -> str:
    """A ``?region=`` that names no region: what is shown instead and the closest known names with their ids."""
    _ = gettext_for(lang)
    hint = ", ".join(_("{name} ({region})").format(name=name, region=region) for name, region in closest)
    return _("Unknown region {given} in the link; showing {showing}. Closest known: {hint}.").format(given=given, showing=showing, hint=hint)


def region_without_figures(name: str, region: str, showing: str, lang: str = "en") -> str:
    """A ``?region=`` that is known but has no figure."""
    _ = gettext_for(lang)
    return _("No figures for {name} ({region}); showing {showing}.").format(name=name, region=region, showing=showing)


def unknown_year(given: str, first: int, last: int, showing: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("No figures for year {given} (data covers {first}–{last}); showing {showing}.").format(given=given, first=first, last=last, showing=showing)


def unknown_choice(option: str, given: str, choices: list[str], showing: str, lang: str = "en") -> str:
    """A link parameter that must be one of ``choices`` (``option``: flow, map, extent or lang)."""
    _ = gettext_for(lang)
    messages = {
        "flow": _("Unknown flow {given}; expected one of {choices}; showing {showing}."),
        "map": _("Unknown map {given}; expected one of {choices}; showing {showing}."),
        "extent": _("Unknown extent {given}; expected one of {choices}; showing {showing}."),
        "lang": _("Unknown language {given}; expected one of {choices}; showing {showing}."),
    }
    return messages[option].format(given=given, choices=", ".join(choices), showing=showing)


def unknown_bounds(given: str, lang: str = "en") -> str:
    """A ``?bounds=`` other than 0 or 1: the default, partial years as lower bounds, is shown."""
    _ = gettext_for(lang)
    return _("Unknown bounds {given}; expected 0 or 1; showing partial years as lower bounds.").format(given=given)


def unknown_tolerance(given: str, most: int, showing: int, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Unknown tolerance {given}; expected 0 to {most} years; showing {showing}.").format(given=given, most=most, showing=showing)


def compare_link(refused: list[str], dropped: list[str], cap: int, lang: str = "en") -> str:
    """Why regions of a ``?compare=`` link are not compared: unknown ids (already quoted), or more than ``cap``."""
    ngettext = ngettext_for(lang)
    parts = []
    if refused:
        parts.append(ngettext("Unknown region {ids} in the compare link; left out.", "Unknown regions {ids} in the compare link; left out.", len(refused)).format(ids=", ".join(refused)))
    if dropped:
        parts.append(ngettext("At most {cap} regions are compared; {ids} was left out.", "At most {cap} regions are compared; {ids} were left out.", len(dropped)).format(cap=cap, ids=", ".join(dropped)))
    return " ".join(parts)


UNKNOWN_REGION = N_("unknown region {name!r}; closest known names: {detail}")  # also a data problem's reason (Registry.why_unknown)

def unknown_region_name(name: str, closest: list[tuple[str, str]], lang: str = "en") -> str:
    """A region name in a data file that matches no region (``regions.UnknownRegion``), with the closest known names."""
    return gettext_for(lang)(UNKNOWN_REGION).format(name=name, detail=closest_names(closest, lang))


def closest_names(closest: list[tuple[str, str]], lang: str = "en") -> str:
    """The closest known names offered for an unknown one: "Smolensk Oblast (RU-SMO); Moscow (RU-MOW)"."""
    _ = gettext_for(lang)
    return "; ".join(_("{name} ({region})").format(name=known, region=region) for known, region in closest)


def boundary_error(path: str, reason: str, first: str | None, lang: str = "en") -> str:
    """Why a boundary file cannot be drawn at all (``reason``), with why its first feature was left out (``first``)
    when none of its features could be drawn; both already in ``lang``."""
    _ = gettext_for(lang)
    if first:
        return _("{path}: {reason} ({detail})").format(path=path, reason=reason, detail=first)
    return _("{path}: {reason}").format(path=path, reason=reason)


def validate_summary(refused: int, warned: int, summary: str, lang: str = "en") -> str:
    """The last line ``validate`` prints: the problems (rows left out) and warnings (rows kept), then what was loaded."""
    _, ngettext = gettext_for(lang), ngettext_for(lang)
    warnings = ngettext("{count} warning", "{count} warnings", warned).format(count=warned)
    if refused:
        problems = ngettext("{count} problem", "{count} problems", refused).format(count=refused)
        if warned:
            return _("{problems} and {warnings}; the good rows: {summary}").format(problems=problems, warnings=warnings, summary=summary)
        return _("{problems}; the good rows: {summary}").format(problems=problems, summary=summary)
    if warned:
        return _("OK: {summary} ({warnings} above)").format(summary=summary, warnings=warnings)
    return _("OK: {summary}").format(summary=summary)
