"""The Russian catalogue is complete and current, and numbers, periods and dates read the Russian way (CLDR via Babel)."""

import datetime as dt
import io
import string

import pytest
from babel.dates import format_date
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from turnover import i18n
from turnover.dataset import load_dataset
from turnover.formatting import format_published, format_usd_mn, with_qualifier
from turnover.paths import REPO_ROOT
from turnover.periods import date_label, period_label
from turnover.texts import profile, rules, tables

KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}  # as in i18n's docstring and `make messages`
RU_PO = i18n.LOCALE_DIR / "ru" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"


def _extracted() -> dict[str, tuple[str, ...]]:
    """Every message the code hands to ``_``, ``N_`` or ``ngettext``, by msgid: (msgid,) or (singular, plural)."""
    found = {}
    for _filename, _line, message, _comments, _context in extract_from_dir(i18n.LOCALE_DIR.parent, keywords=KEYWORDS, comment_tags=()):
        texts = message if isinstance(message, tuple) else (message,)
        found[texts[0]] = texts
    return found


def _catalogue():
    with open(RU_PO, "rb") as file:
        return read_po(file, locale="ru")


def _fields(text: str) -> list[str]:
    """The names of a message's placeholders, sorted: ``{shown:,}`` is ``shown`` (a translation may drop English digit grouping)."""
    return sorted(name for _literal, name, _spec, _conversion in string.Formatter().parse(text) if name is not None)


def test_every_message_in_the_code_has_a_current_russian_translation():
    catalogue = _catalogue()
    problems = []
    for msgid, texts in _extracted().items():
        message = catalogue.get(msgid)
        if message is None:
            problems.append(f"not in the catalogue (run make messages): {msgid!r}")
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = sorted(set(_fields(texts[0])) | set(_fields(texts[-1])))
        if message.fuzzy or not all(forms):
            problems.append(f"untranslated or fuzzy: {msgid!r}")
        elif len(texts) == 2 and len(forms) != 3:
            problems.append(f"not three Russian plural forms: {msgid!r}")
        problems += [f"placeholders differ: {msgid!r} -> {form!r}" for form in forms if form and sorted(set(_fields(form))) != wanted]
    assert problems == []


def test_the_catalogue_holds_no_message_the_code_no_longer_has():
    extracted = _extracted()
    assert [message.id for message in _catalogue() if message.id and (message.id if isinstance(message.id, str) else message.id[0]) not in extracted] == []


def test_the_committed_mo_is_the_compiled_po():
    compiled = io.BytesIO()
    write_mo(compiled, _catalogue())
    assert RU_PO.with_suffix(".mo").read_bytes() == compiled.getvalue()


def test_russian_is_offered():
    assert i18n.LANGUAGES[0] == "en" and "ru" in i18n.LANGUAGES


@pytest.mark.parametrize(("count", "noun"), [(1, "регион"), (3, "региона"), (17, "регионов"), (21, "регион"), (111, "регионов")])
def test_russian_plurals_follow_russian_rules(count, noun):
    ngettext = i18n.ngettext_for("ru")
    assert ngettext("{count} region", "{count} regions", count).format(count=count) == f"{count} {noun}"


def test_russian_money_uses_cldr_digits_and_russian_units():
    assert format_usd_mn(4400, "ru") == f"{format_decimal(4.4, locale='ru')} млрд долл."
    assert format_usd_mn(920.9, "ru") == f"{format_decimal(920.9, locale='ru')} млн долл."
    assert format_published(1234.5, "RUB", "mn", "ru") == f"{format_decimal(1234.5, locale='ru')} млн руб."
    assert format_published(12500, "USD", "thousand", "ru") == f"{format_decimal(12500, locale='ru')} тыс. долл."
    assert format_usd_mn(999.96, "ru") == "1 млрд долл."  # rounding still decides the unit


@pytest.mark.parametrize(("qualifier", "word"), [("approx", "около "), ("at_most", "почти "), ("at_least", "более "), ("exact", "")])
def test_russian_qualifiers(qualifier, word):
    figure = format_usd_mn(4400, "ru")
    assert with_qualifier(figure, qualifier, "ru") == word + figure


def test_a_change_is_signed_with_a_russian_decimal_comma():
    assert profile.change(12.34, "2022", "ru") == f"{format_decimal(12.3, format='+0.0', locale='ru')}\u00a0% к 2022"
    assert profile.change(-4, "2022") == "-4.0% on 2022"


@pytest.mark.parametrize(
    ("months", "width", "label"),
    [(9, "long", "январь–сентябрь 2024"), (9, "short", "янв.–сент. 2024"), (1, "long", "январь 2024"), (12, "long", "2024"), (12, "short", "2024")],
)
def test_russian_periods_use_stand_alone_month_names(months, width, label):
    assert period_label(2024, months, "ru", width) == label


def test_dates_are_long_in_russian_and_iso_in_english():
    assert date_label("2024-11-18", "ru") == format_date(dt.date(2024, 11, 18), format="long", locale="ru")
    assert date_label("2024-11-18", "ru").startswith("18 ноября 2024")
    assert date_label("2024-11-18") == "2024-11-18"
    assert date_label("", "ru") == ""


def test_texts_in_russian_take_their_numbers_and_words_from_the_catalogue():
    assert rules.preference_order("ru").startswith("точные прежде приблизительных")
    assert tables.conversion_note("295 млрд руб.", 92.57, "RUB", 2024, "ru") == f"пересчет из 295 млрд руб. по курсу {format_decimal(92.57, locale='ru')} RUB/USD (среднее за 2024 год)"


def test_a_data_set_in_russian_has_russian_display_columns_on_the_same_rows(write_dataset):
    header = "region,year,months,flow,value,currency,scale,qualifier,coverage,stats,source_id,note\n"
    rows = header + "RU-SMO,2023,12,turnover,4.4,USD,bn,approx,goods,,belta-1,\nRU-SMO,2024,9,turnover,220,RUB,bn,at_least,goods,,ria-1,\n"
    english = load_dataset(*write_dataset(figures=rows))
    russian = english.in_language("ru")
    assert english.in_language("en") is english and english.in_language("ru") is russian  # derived once per data set
    assert russian.in_language("en") is english and russian.in_language("ru") is russian
    assert russian.figures[["region", "year", "months", "usd_mn"]].equals(english.figures[["region", "year", "months", "usd_mn"]])
    by_months = russian.figures.set_index("months")
    assert by_months.at[12, "shown"] == "около " + format_usd_mn(4400, "ru") and by_months.at[12, "period"] == "2023"
    assert by_months.at[9, "period"] == "янв.–сент. 2024"
    assert by_months.at[9, "shown"] == "более " + format_usd_mn(220_000 / 92.57, "ru")
    assert by_months.at[9, "published_text"] == "220 млрд руб." and by_months.at[9, "conversion"].startswith("пересчет из 220 млрд руб.")
    assert set(russian.figures["region_name"]) == {"Смоленская область"}
    assert english.figures.set_index("months").at[9, "period"] == "Jan–Sep 2024"  # the English data set is untouched


def test_without_sources_file_the_russian_data_set_says_so_in_russian(write_dataset):
    data, geo = write_dataset()
    (data / "sources.csv").unlink()
    russian = load_dataset(data, geo).in_language("ru")
    assert set(russian.figures["source_publisher"]) == set(russian.figures["source_title"]) == {"источник отсутствует (не удалось прочитать sources.csv)"}


def test_a_russian_citation_dates_its_source_in_words():
    line = profile.citation("2023", "4,4 млрд долл.", "БелТА", "2024-11-18", "", "ru")
    assert line == f"2023: 4,4 млрд долл. (БелТА, {format_date(dt.date(2024, 11, 18), format='long', locale='ru')})"
    assert profile.citation("2023", "$4.4bn", "BelTA", "2024-11-18", "") == "2023: $4.4bn (BelTA, 2024-11-18)"


def test_the_coverage_grid_and_district_sums_name_regions_in_the_readers_language():
    from turnover import coverage
    from turnover.aggregate import district_totals

    data = load_dataset()
    table = data.registry.table
    cells = coverage.grid(data.figures, data.ranks, data.registry, "turnover", "ru")
    rows = cells.drop_duplicates("region").set_index("region")
    assert (rows["region_name"] == table.loc[rows.index, "name_ru"]).all()
    assert (rows["district_name"] == table.loc[table.loc[rows.index, "federal_district"], "name_ru"].to_numpy()).all()
    sums = district_totals(data.figures, data.registry, data.years[-2], "turnover", "ru").set_index("district")
    assert (sums["name"] == table.loc[sums.index, "name_ru"]).all()
