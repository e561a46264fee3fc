"""The words of the /curate page: the article and source form, the two review tables (figures and published ranks),
the save buttons and what a save reports. Messages that ``add`` returns (a refused row's reasons) are data shown
as they come, in code blocks."""

from turnover.i18n import gettext_for, ngettext_for

FIGURES, RANKS = "figures", "ranks"  # the two kinds of row the page saves


def curation_off(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Curation is off. Start the dashboard with TURNOVER_CURATION=1 to add figures and ranks.")


def page_title(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Curate: figures and ranks from an article")


def page_caption(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _(
        "Paste a news text and its source; the figures and the published ranks found are listed for review. Saved rows "
        "are checked like `python -m turnover validate` and appended to data/figures.csv or data/ranks.csv (and the "
        "source to data/sources.csv)."
    )


def form_labels(lang: str = "en") -> dict[str, str]:
    """The article and source form's field labels, by field."""
    _ = gettext_for(lang)
    return {
        "text": _("Article text (English, German or Russian)"),
        "published": _("Published"),
        "language": _("Language"),
        "publisher": _("Publisher"),
        "title": _("Title (the article's headline)"),
        "url": _("Address (url)"),
        "source_id": _("Source id"),
        "kind": _("Source kind"),
    }


def form_placeholders(lang: str = "en") -> dict[str, str]:
    """What an empty field shows (examples and defaults), by field."""
    _ = gettext_for(lang)
    return {
        "text": _("Paste the news text here. It is read, never shown as formatted text."),
        "language": _("detect from the text"),
        "publisher": _("BelTA"),
        "title": _("Lukashenko meets the Governor of Smolensk Oblast"),
        "url": _("https://..."),
        "source_id": _("blank: suggested from publisher and date"),
        "kind": _("news_agency, media, government, ..."),
    }


def published_help(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Resolves 'last year', 'this year', 'в январе–сентябре'. Also the source's date.")


def extract_label(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Extract figures and ranks")


def no_text(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Paste an article first.")


def review_heading(kind: str, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Figures") if kind == FIGURES else _("Published ranks")


def nothing_extracted_yet(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Extract figures and ranks from an article to review them here.")


def nothing_found(kind: str, lang: str = "en") -> str:
    _ = gettext_for(lang)
    if kind == FIGURES:
        return _("No figures found in this text. Add one by hand in the table below if the text states one.")
    return _("No rank statements found in this text. Add one by hand in the table below if the text states one "
             "(a place such as 'third among Russian regions', or a group such as 'among the top ten').")


def column_labels(kind: str, lang: str = "en") -> dict[str, tuple[str, str]]:
    """(header, help) of each column of a review table; help is "" where the header says it all."""
    _ = gettext_for(lang)
    target = "data/figures.csv" if kind == FIGURES else "data/ranks.csv"
    shared = {
        "save": (_("Save"), _("Ticked rows are saved to {file}").format(file=target)),
        "region": (_("Region"), _("Region id or any name the registry knows; resolved on save")),
        "year": (_("Year"), ""),
        "months": (_("Months"), _("Months covered from January: 12 full year, 9 Jan–Sep")),
        "note": (_("Note"), ""),
        "flags": (_("Flags"), _("What the extractor could not decide, or took from elsewhere")),
        "sentence": (_("Sentence"), ""),
        "status": (_("Status"), ""),
    }
    if kind == FIGURES:
        return {
            **shared,
            "flow": (_("Flow"), ""),
            "value": (_("Value"), _("As published, dot decimal")),
            "currency": (_("Currency"), ""),
            "scale": (_("Scale"), ""),
            "qualifier": (_("Qualifier"), ""),
            "coverage": (_("Coverage"), ""),
            "stats": (_("Stats"), _("Whose statistics, where stated")),
        }
    return {
        **shared,
        "flow": (_("Flow"), _("What is ranked, from Belarus' side: 'importers of Belarusian goods' is export")),
        "rank": (_("Rank"), _("The place stated: 3 for 'third'. Give rank or top, not both")),
        "top": (_("Top"), _("The group stated: 10 for 'among the top ten'")),
        "out_of": (_("Out of"), _("How many regions it is ranked among, when stated")),
        "group_share_pct": (_("Group share, %"), _("The share the top group is said to hold ('almost 73%': 73)")),
        "group_share_qualifier": (_("Share stated as"), _("'almost 73%' is at_most")),
    }


def save_label(kind: str, count: int, lang: str = "en") -> str:
    ngettext = ngettext_for(lang)
    if kind == FIGURES:
        return ngettext("Save {count} ticked figure", "Save {count} ticked figures", count).format(count=count)
    return ngettext("Save {count} ticked rank", "Save {count} ticked ranks", count).format(count=count)


def source_id_given(source_id: str, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Source id: {source_id}").format(source_id=source_id)


def source_id_needed(lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("Give the source's publisher (or an address already in sources.csv) before saving.")


def source_id_suggested(source_id: str, known: bool, lang: str = "en") -> str:
    _ = gettext_for(lang)
    if known:
        return _("Source id: {source_id} (already in sources.csv, cited)").format(source_id=source_id)
    return _("Source id: {source_id} (new, written with the first saved row)").format(source_id=source_id)


def saved_status(line: int, lang: str = "en") -> str:
    """A saved row's status cell."""
    _ = gettext_for(lang)
    return _("saved: line {line}").format(line=line)


def refused_status(problems: list[str], lang: str = "en") -> str:
    """A refused row's status cell: ``add``'s reasons, as given."""
    _ = gettext_for(lang)
    return _("not saved: {reasons}").format(reasons="; ".join(problems))


def row_problem(row: int, problem: str, lang: str = "en") -> str:
    """One of ``add``'s reasons with the table row (counted from 1) it refused."""
    _ = gettext_for(lang)
    return _("row {row}: {problem}").format(row=row, problem=problem)


def add_note(note: str, lang: str = "en") -> str:
    _ = gettext_for(lang)
    return _("  note: {note}").format(note=note)


def saved(kind: str, count: int, lang: str = "en") -> str:
    ngettext = ngettext_for(lang)
    if kind == FIGURES:
        return ngettext("Saved {count} figure. It is on the other pages now.", "Saved {count} figures. They are on the other pages now.",
                        count).format(count=count)
    return ngettext("Saved {count} rank statement. It is on the region's profile now.",
                    "Saved {count} rank statements. They are on the regions' profiles now.", count).format(count=count)


def refused(count: int, lang: str = "en") -> str:
    ngettext = ngettext_for(lang)
    return ngettext("{count} problem: that row was not saved. Fix it in the table and save again.",
                    "{count} problems: those rows were not saved. Fix them in the table and save again.", count).format(count=count)
