"""The displayed-figure rule in words, generated from the rule itself (selection.PREFERENCES)."""

from turnover.i18n import gettext_for, ngettext_for
from turnover.selection import PREFERENCES


def preference_order(lang: str = "en") -> str:
    """``exact over approximate, dollars over converted roubles, …, newest first``: every step, in order."""
    _ = gettext_for(lang)
    return _(", ").join(_(preference.description) for preference in PREFERENCES)


def displayed_rule(lang: str = "en") -> str:
    """The caption under a table of figures: which one is shown where sources give the same period."""
    _ = gettext_for(lang)
    return _("Shown: the figure used in charts where several sources give the same period ({order}). The others are listed as alternatives.").format(order=preference_order(lang))


def conflicts_caption(slots: int, lang: str = "en") -> str:
    """The caption of the Sources page's conflicts: how many region-periods disagree, and the rule that picks one."""
    ngettext = ngettext_for(lang)
    text = ngettext(
        "{count} region-period where sources give different figures; the one shown in charts is marked ({order}).",
        "{count} region-periods where sources give different figures; the one shown in charts is marked ({order}).",
        slots,
    )
    return text.format(count=slots, order=preference_order(lang))

