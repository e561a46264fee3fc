"""Streamlit glue for the /curate page: the article and source form, the review table, saving through ``add``.

Nothing from the article is rendered as Markdown or HTML: the text stays in its text area, sentences and flags
are table cells, messages from ``add`` are shown in code blocks, and any other data text goes through ``plain``.
"""

import datetime as dt

import pandas as pd
import streamlit as st

from app.guard import session_write_refusal
from app.widgets import plain
from turnover import paths
from turnover.access import curation_off_message
from turnover.add import add_rows, cell, source_id_for
from turnover.dataset import Dataset
from turnover.extract import FIGURE_COLUMNS, candidates_frame, detect_language, extract_figures
from turnover.vocabulary import COVERAGES, CURRENCIES, FLOWS, LANGUAGES, QUALIFIERS, SCALES, SOURCE_KINDS, STATS

SELECT_COLUMNS = {"flow": FLOWS, "currency": CURRENCIES, "scale": tuple(SCALES), "qualifier": QUALIFIERS, "coverage": COVERAGES}
KEY = "curate_"  # prefix of this page's session keys


def require_curation_mode() -> None:
    """Stop the page unless curation is on and this session may write (its own page, allowed host, write token)."""
    if not paths.curation_enabled():
        st.error(curation_off_message())
        st.stop()
    refusal = session_write_refusal()
    if refusal:
        st.error(plain(refusal))
        st.stop()


def article_form() -> tuple[str, dt.date | None, dict]:
    """The article text, its publication date and the source document's details (id may be blank)."""
    text = st.text_area("Article text (English, German or Russian)", key=f"{KEY}text", height=220,
                        placeholder="Paste the news text here. It is read, never shown as formatted text.")
    left, right = st.columns(2)
    published = left.date_input("Published", value=None, key=f"{KEY}published", min_value=dt.date(1991, 1, 1), max_value=dt.date.today(),
                                help="Resolves 'last year', 'this year', 'в январе–сентябре'. Also the source's date.")
    language = right.selectbox("Language", LANGUAGES, index=None, key=f"{KEY}language", placeholder="detect from the text")
    publisher = left.text_input("Publisher", key=f"{KEY}publisher", placeholder="BelTA")
    title = right.text_input("Title (the article's headline)", key=f"{KEY}title", placeholder="Lukaschenko trifft Gouverneur des Gebiets Smolensk")
    url = left.text_input("Address (url)", key=f"{KEY}url", placeholder="https://...")
    source_id = right.text_input("Source id", key=f"{KEY}source_id", placeholder="blank: suggested from publisher and date")
    kind = left.selectbox("Source kind", SOURCE_KINDS, index=None, key=f"{KEY}kind", placeholder="news_agency, media, government, ...")
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


def extract_button(text: str, published: dt.date | None, data: Dataset) -> None:
    if st.button("Extract figures", key=f"{KEY}extract", type="primary"):
        if not text.strip():
            st.warning("Paste an article first.")
            return
        frame = candidates_frame(extract_figures(text, data.registry, published))
        frame["status"] = ""
        st.session_state[f"{KEY}candidates"] = frame
        st.session_state[f"{KEY}version"] = st.session_state.get(f"{KEY}version", 0) + 1
        st.session_state.pop(f"{KEY}outcome", None)


def review_table() -> pd.DataFrame | None:
    """The candidates in an editable table (rows can be added for a figure the extractor missed)."""
    frame = st.session_state.get(f"{KEY}candidates")
    if frame is None:
        st.caption("Extract figures from an article to review them here.")
        return None
    if frame.empty:
        st.info("No figures found in this text. Add one by hand in the table below if the text states one.")
    shown = frame.copy()
    for column in SELECT_COLUMNS:
        shown[column] = shown[column].replace("", None)
    config = {
        "save": st.column_config.CheckboxColumn("Save", help="Ticked rows are saved to data/figures.csv", default=False),
        "region": st.column_config.TextColumn("Region", help="Region id or any name the registry knows; resolved on save"),
        "year": st.column_config.NumberColumn("Year", min_value=1991, max_value=2100, step=1, format="%d"),
        "months": st.column_config.NumberColumn("Months", min_value=1, max_value=12, step=1, format="%d", help="Months covered from January: 12 full year, 9 Jan–Sep"),
        "value": st.column_config.TextColumn("Value", help="As published, dot decimal"),
        "stats": st.column_config.SelectboxColumn("Stats", options=list(STATS), help="Whose statistics, where stated"),
        "note": st.column_config.TextColumn("Note"),
        "flags": st.column_config.TextColumn("Flags", disabled=True, help="What the extractor could not decide, or took from elsewhere"),
        "sentence": st.column_config.TextColumn("Sentence", disabled=True, width="large"),
        "status": st.column_config.TextColumn("Status", disabled=True),
    }
    for column, options in SELECT_COLUMNS.items():
        config[column] = st.column_config.SelectboxColumn(column.capitalize(), options=list(options))
    version = st.session_state.get(f"{KEY}version", 0)
    order = ["save", "region", "year", "months", "flow", "value", "currency", "scale", "qualifier", "flags", "sentence", "coverage", "stats", "note", "status"]
    return st.data_editor(shown, key=f"{KEY}editor_{version}", column_config=config, column_order=order, num_rows="dynamic",
                          hide_index=True, disabled=["flags", "sentence", "status"], width="stretch")


def source_caption(details: dict) -> dict:
    """Fill in the source id when blank and say whether the document is new or already a source."""
    details = dict(details)
    if details["id"]:
        st.caption(plain(f"Source id: {details['id']}"))
        return details
    if not (details["publisher"] or details["url"]):
        st.caption("Give the source's publisher (or an address already in sources.csv) before saving.")
        return details
    source_id, known = source_id_for(details)
    details["id"] = source_id
    state = "already in sources.csv, cited" if known else "new, written with the first saved figure"
    st.caption(plain(f"Source id: {source_id} ({state})"))
    return details


def save_button(edited: pd.DataFrame | None, details: dict) -> None:
    if edited is None:
        return
    ticked = edited[edited["save"].fillna(False).astype(bool)] if not edited.empty else edited
    if not st.button(f"Save {len(ticked)} ticked figure(s)", key=f"{KEY}save", disabled=ticked.empty):
        return
    rows = [{name: cell(row.get(name)) for name in FIGURE_COLUMNS if name != "source_id"} for row in ticked.to_dict("records")]
    outcomes = add_rows(rows, details)
    updated = edited.copy()
    lines, problems = [], []
    for outcome, index in zip(outcomes, ticked.index):
        if outcome.result is not None:
            lines += outcome.result.lines()
            updated.at[index, "save"] = False
            updated.at[index, "status"] = f"saved: line {outcome.result.line}"
            lines += [f"  note: {note}" for note in outcome.result.notes]
        else:
            updated.at[index, "status"] = "not saved: " + "; ".join(outcome.problems)
            problems += [f"row {index + 1}: {problem}" for problem in outcome.problems]
    st.session_state[f"{KEY}candidates"] = updated.reset_index(drop=True)
    st.session_state[f"{KEY}version"] = st.session_state.get(f"{KEY}version", 0) + 1
    st.session_state[f"{KEY}outcome"] = {"saved": sum(o.result is not None for o in outcomes), "lines": lines, "problems": problems}
    st.rerun()  # the sidebar and other pages pick up the new rows (the data cache keys on file times)


def show_outcome() -> None:
    outcome = st.session_state.get(f"{KEY}outcome")
    if not outcome:
        return
    if outcome["saved"]:
        st.success(f"Saved {outcome['saved']} figure(s). They are on the other pages now.")
        st.code("\n".join(outcome["lines"]), language=None)
    if outcome["problems"]:
        st.error(f"{len(outcome['problems'])} problem(s): those rows were not saved. Fix them in the table and save again.")
        st.code("\n".join(outcome["problems"]), language=None)
