"""A briefing slide in one click: a 16:9 PowerPoint with the chart's title, the chart as a sharp picture,
the key figures as editable text and the source line as a footnote (python-pptx).

Slide text is set in the template's theme font (Calibri, or its metric twin where PowerPoint is missing),
so it stays editable anywhere; the pictures carry the charts' own DejaVu Sans. Every word on a slide
comes from the caller: the chart's title, subtitle and source line from its
``Framed``, the key figures and the ranking as ``(label, value, note)`` or ``(rank, region, figure)`` items.
"""

import io

import pandas as pd
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from turnover.charts import Framed
from turnover.exporting import file_slug, picture_png
from turnover.texts.pages import slide_file_words

SLIDE_WIDTH, SLIDE_HEIGHT = Inches(13.333), Inches(7.5)  # 16:9
MARGIN = Inches(0.5)
BODY_TOP = Inches(1.55)
FOOTNOTE_TOP = Inches(6.75)
SIDE_WIDTH = Inches(3.5)  # the key figures or the ranking, right of the picture
INK, MUTED = RGBColor(0x1B, 0x1F, 0x24), RGBColor(0x55, 0x55, 0x55)
TITLE_ONLY = 5  # the default template's "Title Only" layout


def slide_file_name(subject: str, flow: str, period: str, extension: str = "pptx", lang: str = "en") -> str:
    """``belarus-smolensk-oblast-turnover-2023.pptx`` from ("Smolensk Oblast", "turnover", "2023"); in Russian
    ``беларусь-смоленская-область-товарооборот-2023.pptx``."""
    return f"{file_slug(slide_file_words(subject, flow, period, lang), limit=200)}.{extension}"


def key_figure_items(cards) -> list[tuple[str, str, str]]:
    """The region profile's cards (``profile.Card``) as (label, value, note) items: the note is the change, where there is one."""
    return [(card.label, card.value, card.delta or "") for card in cards]


def ranking_items(table: pd.DataFrame, limit: int = 10) -> list[tuple[str, str, str]]:
    """The first ``limit`` rows of an ``aggregate.ranking`` table as (rank, region, figure) items."""
    top = table.head(limit)
    return [(str(rank), name, shown) for rank, name, shown in zip(top["rank"], top["region_name"], top["shown"])]


def chart_slide(framed: Framed, figures: list[tuple[str, str, str]]) -> bytes:
    """A .pptx with one slide: title and subtitle, the chart as a picture, the key ``figures`` beside it, the source below."""
    deck, slide = _deck(framed)
    _picture(slide, framed, SLIDE_WIDTH - 2 * MARGIN - SIDE_WIDTH - Inches(0.2))
    top = BODY_TOP
    step = min(Inches(0.85), (FOOTNOTE_TOP - BODY_TOP) // max(len(figures), 1))
    for label, value, note in figures:
        box = slide.shapes.add_textbox(SLIDE_WIDTH - MARGIN - SIDE_WIDTH, top, SIDE_WIDTH, step)
        frame = box.text_frame
        frame.word_wrap = True
        _run(frame.paragraphs[0], label, 11, MUTED)
        _run(frame.add_paragraph(), value, 20, INK, bold=True)
        if note:
            _run(frame.add_paragraph(), note, 10, MUTED)
        top += step
    return _save(deck)


def map_slide(framed: Framed, ranking: list[tuple[str, str, str]], heading: tuple[str, str, str]) -> bytes:
    """A .pptx with one slide: title and subtitle, the map as a picture, the ranking beside it as a table (``heading`` its header row)."""
    deck, slide = _deck(framed)
    _picture(slide, framed, SLIDE_WIDTH - 2 * MARGIN - SIDE_WIDTH - Inches(0.2))
    rows = [heading, *ranking]
    row_height = min(Inches(0.42), (FOOTNOTE_TOP - BODY_TOP) // len(rows))
    shape = slide.shapes.add_table(len(rows), 3, SLIDE_WIDTH - MARGIN - SIDE_WIDTH, BODY_TOP, SIDE_WIDTH, row_height * len(rows))
    table = shape.table
    for column, width in enumerate((Inches(0.45), Inches(1.75), Inches(1.3))):
        table.columns[column].width = width
    for r, row in enumerate(rows):
        table.rows[r].height = row_height
        for c, text in enumerate(row):
            frame = table.cell(r, c).text_frame
            _run(frame.paragraphs[0], text, 10, INK, bold=r == 0)
    return _save(deck)


def _deck(framed: Framed):
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY])
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = MARGIN, Inches(0.3), SLIDE_WIDTH - 2 * MARGIN, Inches(0.7)
    title.text_frame.word_wrap = True
    heading = title.text_frame.paragraphs[0]
    heading.alignment = PP_ALIGN.LEFT
    _run(heading, framed.title, 26, INK, bold=True, replace=True)
    subtitle = slide.shapes.add_textbox(MARGIN, Inches(0.95), SLIDE_WIDTH - 2 * MARGIN, Inches(0.55)).text_frame
    subtitle.word_wrap = True
    _run(subtitle.paragraphs[0], " ".join(framed.subtitle), 12, MUTED)
    rules = Inches(0.22) if framed.footnote else 0  # the chart's footnote (its rules), one line above the source line
    if framed.footnote:
        _run(slide.shapes.add_textbox(MARGIN, FOOTNOTE_TOP, SLIDE_WIDTH - 2 * MARGIN, rules).text_frame.paragraphs[0], " ".join(framed.footnote), 10, MUTED)
    footnote = slide.shapes.add_textbox(MARGIN, FOOTNOTE_TOP + rules, SLIDE_WIDTH - 2 * MARGIN, SLIDE_HEIGHT - FOOTNOTE_TOP - rules - Inches(0.2)).text_frame
    footnote.word_wrap = True
    _run(footnote.paragraphs[0], framed.source, 10, MUTED)
    return deck, slide


def _picture(slide, framed: Framed, width: Emu) -> None:
    """The bare chart, as wide as ``width`` allows and no taller than the space between subtitle and footnote."""
    picture = slide.shapes.add_picture(io.BytesIO(picture_png(framed)), MARGIN, BODY_TOP, width=width)
    room = FOOTNOTE_TOP - BODY_TOP - Inches(0.1)
    if picture.height > room:
        picture.width, picture.height = int(picture.width * room / picture.height), room


def _run(paragraph, text: str, size: int, colour: RGBColor, bold: bool = False, replace: bool = False) -> None:
    if replace:
        paragraph.text = ""
    run = paragraph.add_run()
    run.text = text
    run.font.size, run.font.bold = Pt(size), bold
    run.font.color.rgb = colour


def _save(deck) -> bytes:
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
