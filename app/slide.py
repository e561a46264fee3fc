"""The "Download slide" button of the region profile and the map: a PowerPoint made on click, none in briefing view."""

from collections.abc import Callable

import pandas as pd
import streamlit as st

from app import briefing
from turnover import slides
from turnover.charts import Framed
from turnover.profile import Summary
from turnover.texts import pages
from turnover.urlstate import Filters

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def region_button(chart: Framed, summary: Summary, name: str, chosen: Filters) -> None:
    """The region's series with its key figures beside it."""
    _button(lambda: slides.chart_slide(chart, slides.key_figure_items(summary.cards)), slides.slide_file_name(name, chosen.flow, str(chosen.year), lang=chosen.lang), "region_slide", chosen.lang)


def map_button(framed: Framed, table: pd.DataFrame, chosen: Filters) -> None:
    """The static map with the year's top ten beside it."""
    _button(
        lambda: slides.map_slide(framed, slides.ranking_items(table), pages.map_slide_heading(chosen.year, chosen.lang)),
        slides.slide_file_name(pages.map_slide_subject(chosen.lang), chosen.flow, str(chosen.year), lang=chosen.lang),
        "map_slide",
        chosen.lang,
    )


def _button(make: Callable[[], bytes], file_name: str, key: str, lang: str) -> None:
    if briefing.active():
        return
    st.download_button(pages.slide_download(lang), data=make, file_name=file_name, mime=PPTX, key=key, on_click="ignore",
                       icon=":material/slideshow:", help=pages.slide_download_help(lang))
