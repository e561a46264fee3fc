"""Streamlit glue for the /curate page: the article and source form, two review tables (the figures and the published
ranks an article states), saving through ``add`` (``add_figure`` / ``add_rank``). Every word comes from texts/curation.

Nothing from the article is rendered as Markdown or HTML: the text stays in its text area, sentences and flags
are table cells, messages from ``add`` are shown in code blocks, and any other data text goes through ``plain``.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from app import loading
from app.guard import session_write_refusal
from app.widgets import plain
from turnover import paths
from turnover.add import add_figure, add_rank, add_rows, cell, refusal_line, source_id_for
from turnover.dataset import Dataset
from turnover.extract import FIGURE_COLUMNS, RANK_COLUMNS, candidates_frame, detect_language, ranks_frame, read_article
from turnover.texts import curation as words
from turnover.texts.curation import FIGURES, RANKS
from turnover.vocabulary import COVERAGES, CURRENCIES, FLOWS, LANGUAGES, QUALIFIERS, SCALES, SOURCE_KINDS, STATS

KEY = "curate_"  # prefix of this page's session keys


@dataclass(frozen=True)
class Kind:
    """What one review table holds and where its rows go: its columns, choices, order and ``add`` function."""

    name: str
    columns: list[str]  # the data file's columns
    select: dict[str, tuple]  # columns picked from a list
    integers: dict[str, tuple[int, int]]  # whole-number columns and their bounds
    order: list[str]  # the table's columns as shown
    add: Callable

    def key(self, what: str) -> str:
        """This table's session key for ``what`` (the figures' keys predate the ranks table and keep their names)."""
        return f"{KEY}{what}" if self.name == FIGURES else f"{KEY}{self.name}_{what}"


KINDS = {
    FIGURES: Kind(FIGURES, FIGURE_COLUMNS, {"flow": FLOWS, "currency": CURRENCIES, "scale": tuple(SCALES), "qualifier": QUALIFIERS,
                                            "coverage": COVERAGES, "stats": STATS},
                  {"year": (1991, 2100), "months": (1, 12)},
                  ["save", "region", "year", "months", "flow", "value", "currency", "scale", "qualifier", "flags", "sentence", "coverage",
                   "stats", "note", "status"], add_figure),
    RANKS: Kind(RANKS, RANK_COLUMNS, {"flow": FLOWS, "group_share_qualifier": QUALIFIERS},
                {"year": (1991, 2100), "months": (1, 12), "rank": (1, 100), "top": (1, 100), "out_of": (1, 100)},
                ["save", "region", "year", "months", "flow", "rank", "top", "out_of", "group_share_pct", "group_share_qualifier", "flags",
                 "sentence", "note", "status"], add_rank),
}


def page(lang: str = "en") -> None:
    """The whole /curate page, in ``lang``."""
    require_curation_mode(lang)
    data = loading.dataset()
    st.title(words.page_title(lang))
    st.caption(words.page_caption(lang))
    text, published, details = article_form(lang)
    extract_button(text, published, data, lang)
    details = source_caption(details, lang)
    for kind in KINDS.values():
        st.subheader(words.review_heading(kind.name, lang))
        edited = review_table(kind, lang)
        save_button(kind, edited, details, lang)
        show_outcome(kind, lang)


def require_curation_mode(lang: str = "en") -> None:
    """Stop the page unless curation is on and this session may write (its own page, allowed host, write token)."""
    if not paths.curation_enabled():
        st.error(words.curation_off(lang))
        st.stop()
    refusal = session_write_refusal()
    if refusal:
        st.error(plain(refusal))
        st.stop()


def article_form(lang: str = "en") -> tuple[str, dt.date | None, dict]:
    """The article text, its publication date and the source document's details (id may be blank)."""
    label, hint = words.form_labels(lang), words.form_placeholders(lang)
    text = st.text_area(label["text"], key=f"{KEY}text", height=220, placeholder=hint["text"])
    left, right = st.columns(2)
    published = left.date_input(label["published"], value=None, key=f"{KEY}published", min_value=dt.date(1991, 1, 1), max_value=dt.date.today(),
                                help=words.published_help(lang))
    language = right.selectbox(label["language"], LANGUAGES, index=None, key=f"{KEY}language", placeholder=hint["language"])
    publisher = left.text_input(label["publisher"], key=f"{KEY}publisher", placeholder=hint["publisher"])
    title = right.text_input(label["title"], key=f"{KEY}title", placeholder=hint["title"])
    url = left.text_input(label["url"], key=f"{KEY}url", placeholder=hint["url"])
    source_id = right.text_input(label["source_id"], key=f"{KEY}source_id", placeholder=hint["source_id"])
    kind = left.selectbox(label["kind"], SOURCE_KINDS, index=None, key=f"{KEY}kind", placeholder=hint["kind"])
    details = {
        "id": source_id.strip(),
        "publisher": publisher,
        "title": title,
        "url": url,
        "published": published.isoformat() if published else "",
        "language": language or (detect_language(text) if text.strip() else ""),
        "kind": kind or "",
    }
    return text, published, details


def extract_button(text: str, published: dt.date | None, data: Dataset, lang: str = "en") -> None:
    """Read the article once: its figures and its rank statements each fill their review table."""
    if st.button(words.extract_label(lang), key=f"{KEY}extract", type="primary"):
        if not text.strip():
            st.warning(words.no_text(lang))
            return
        reading = read_article(text, data.registry, published)
        for kind, frame in ((KINDS[FIGURES], candidates_frame(reading.figures)), (KINDS[RANKS], ranks_frame(reading.ranks))):
            frame["status"] = ""
            _replace_table(kind, frame)
            st.session_state.pop(kind.key("outcome"), None)


def _replace_table(kind: Kind, frame: pd.DataFrame) -> None:
    """Show ``frame`` in a fresh editor (a new widget key drops the edits made to the old one)."""
    st.session_state[kind.key("candidates")] = frame
    st.session_state[kind.key("version")] = st.session_state.get(kind.key("version"), 0) + 1


def review_table(kind: Kind, lang: str = "en") -> pd.DataFrame | None:
    """The candidates in an editable table (rows can be added for a figure or rank the extractor missed)."""
    frame = st.session_state.get(kind.key("candidates"))
    if frame is None:
        st.caption(words.nothing_extracted_yet(lang))
        return None
    if frame.empty:
        st.info(words.nothing_found(kind.name, lang))
    shown = frame.copy()
    for column in kind.select:
        shown[column] = shown[column].replace("", None)
    labels = words.column_labels(kind.name, lang)
    config = {"save": st.column_config.CheckboxColumn(labels["save"][0], help=labels["save"][1], default=False)}
    for column in kind.order[1:]:
        title, help_text = labels[column]
        if column in kind.select:
            config[column] = st.column_config.SelectboxColumn(title, options=list(kind.select[column]), help=help_text or None)
        elif column in kind.integers:
            low, high = kind.integers[column]
            config[column] = st.column_config.NumberColumn(title, min_value=low, max_value=high, step=1, format="%d", help=help_text or None)
        else:
            config[column] = st.column_config.TextColumn(title, help=help_text or None, width="large" if column == "sentence" else None)
    version = st.session_state.get(kind.key("version"), 0)
    return st.data_editor(shown, key=kind.key(f"editor_{version}"), column_config=config, column_order=kind.order, num_rows="dynamic",
                          hide_index=True, disabled=["flags", "sentence", "status"], width="stretch")


def source_caption(details: dict, lang: str = "en") -> dict:
    """Fill in the source id when blank and say whether the document is new or already a source."""
    details = dict(details)
    if details["id"]:
        st.caption(plain(words.source_id_given(details["id"], lang)))
        return details
    if not (details["publisher"] or details["url"]):
        st.caption(words.source_id_needed(lang))
        return details
    source_id, known = source_id_for(details)
    details["id"] = source_id
    st.caption(plain(words.source_id_suggested(source_id, known, lang)))
    return details


def save_button(kind: Kind, edited: pd.DataFrame | None, details: dict, lang: str = "en") -> None:
    """Save the ticked rows through ``add``, each on its own; each row's status says where it went or why not."""
    if edited is None:
        return
    ticked = edited[edited["save"].fillna(False).astype(bool)] if not edited.empty else edited
    if not st.button(words.save_label(kind.name, len(ticked), lang), key=kind.key("save"), disabled=ticked.empty):
        return
    rows = [{name: cell(row.get(name)) for name in kind.columns if name != "source_id"} for row in ticked.to_dict("records")]
    outcomes = add_rows(rows, details, add=kind.add)
    updated = edited.copy()
    lines, problems = [], []
    for outcome, index in zip(outcomes, ticked.index):
        if outcome.result is not None:
            lines += outcome.result.lines()
            updated.at[index, "save"] = False
            updated.at[index, "status"] = words.saved_status(outcome.result.line, lang)
            lines += [words.add_note(note.reason_in(lang), lang) for note in outcome.result.notes]
        else:
            reasons = [refusal_line(problem, lang) for problem in outcome.problems]
            updated.at[index, "status"] = words.refused_status(reasons, lang)
            problems += [words.row_problem(index + 1, reason, lang) for reason in reasons]
    _replace_table(kind, updated.reset_index(drop=True))
    st.session_state[kind.key("outcome")] = {"saved": sum(o.result is not None for o in outcomes), "lines": lines, "problems": problems}
    st.rerun()  # the sidebar and other pages pick up the new rows (the data cache keys on file times)


def show_outcome(kind: Kind, lang: str = "en") -> None:
    outcome = st.session_state.get(kind.key("outcome"))
    if not outcome:
        return
    if outcome["saved"]:
        st.success(words.saved(kind.name, outcome["saved"], lang))
        st.code("\n".join(outcome["lines"]), language=None)
    if outcome["problems"]:
        st.error(words.refused(len(outcome["problems"]), lang))
        st.code("\n".join(outcome["problems"]), language=None)
