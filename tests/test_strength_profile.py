"""turnover/profile.py, the region profile's cards and notices: a change of whose statistics, the year the headline
falls back to, which published rank the rank card quotes, and the Russian profile.

Expected values are computed from the rows each test writes.
"""

import re

import pytest

from tests.conftest import HEADER, SOURCES
from tests.profile_data import write_profile_data
from turnover.aggregate import rank_in, ranking
from turnover.dataset import load_dataset
from turnover.i18n import gettext_for
from turnover.profile import key_figures
from turnover.ranks import published_ranks

RANKS_HEADER = "region,year,months,flow,rank,top,out_of,group_share_pct,group_share_qualifier,source_id,note\n"
PUBLISHED = {line.split(",")[0]: line.split(",")[4] for line in SOURCES.splitlines()[1:]}


def _summary(dataset, region, year, flow="turnover", lang="en"):
    ranks = published_ranks(dataset.ranks[dataset.ranks["region"] == region], dataset.sources)
    return key_figures(dataset.for_region(region), ranking(dataset.figures, year, flow), region, flow, year, lang,
                       ranking_of=lambda other: ranking(dataset.figures, other, flow), published=ranks)


def _cards(summary):
    return {card.label: (card.value, card.delta) for card in summary.cards}


def _dataset(write_dataset, rows: str, ranks: str | None = None):
    data, geo = write_dataset(figures=HEADER + rows)
    if ranks is not None:
        (data / "ranks.csv").write_text(RANKS_HEADER + ranks, encoding="utf-8")
    return load_dataset(data, geo)


STATS_CHANGE = "RU-SMO,2023,12,turnover,4.0,USD,bn,exact,goods,BY,belta-1,\nRU-SMO,2024,12,turnover,4.5,USD,bn,exact,goods,RU,interfax-1,\n"


def test_a_change_of_whose_statistics_is_not_compared_and_says_why(write_dataset):
    summary = _summary(_dataset(write_dataset, STATS_CHANGE), "RU-SMO", 2024)
    assert _cards(summary)["Full year 2024"] == ("$4.5bn", "not comparable with 2023")
    assert summary.notices == ["Full year 2024: not comparable: 2023 Belarusian statistics; 2024 Russian statistics"]


def test_a_card_not_compared_is_drawn_neutral_and_a_card_with_a_change_is_not(write_dataset):
    """Grey and without an arrow: "not comparable" is words, not a change."""
    not_compared = _summary(_dataset(write_dataset, STATS_CHANGE), "RU-SMO", 2024).cards[0]
    compared = _summary(_dataset(write_dataset, STATS_CHANGE.replace(",BY,", ",RU,")), "RU-SMO", 2024).cards[0]
    assert (not_compared.delta, not_compared.neutral) == ("not comparable with 2023", True)
    assert not_compared.help.endswith(" not comparable: 2023 Belarusian statistics; 2024 Russian statistics")  # the why, also in the card's help
    assert compared.delta == f"{(4.5 / 4.0 - 1) * 100:+.1f}% on 2023" and compared.neutral is False


def test_the_russian_profile_explains_in_russian(write_dataset):
    ru = gettext_for("ru")
    summary = _summary(_dataset(write_dataset, STATS_CHANGE).in_language("ru"), "RU-SMO", 2024, lang="ru")
    notices = summary.notices
    assert "2023" in summary.cards[0].delta and not re.search("[A-Za-z]", summary.cards[0].delta)  # "not comparable with 2023"
    assert len(notices) == 1 and ru("Belarusian statistics") in notices[0] and ru("Russian statistics") in notices[0]
    assert not re.search("[A-Za-z]", notices[0])  # not a word of English around them


def test_the_russian_profile_gives_the_change_on_the_year_before_in_russian(write_dataset):
    rows = "RU-SMO,2023,12,turnover,4.0,USD,bn,exact,goods,,belta-1,\nRU-SMO,2024,12,turnover,4.5,USD,bn,exact,goods,,interfax-1,\n"
    dataset = _dataset(write_dataset, rows)
    english, russian = (_summary(dataset.in_language(lang), "RU-SMO", 2024, lang=lang).cards[0].delta for lang in ("en", "ru"))
    assert english == "+12.5% on 2023"
    assert "12,5" in russian and "2023" in russian and not re.search("[A-Za-z]", russian)


def test_the_russian_profile_names_both_sides_in_russian(write_dataset):
    ru = gettext_for("ru")
    dataset = load_dataset(*write_profile_data(write_dataset)).in_language("ru")
    both = _summary(dataset, "RU-TA", 2024, lang="ru").notices[-1]
    assert ru("Belarusian statistics") in both and ru("Russian statistics") in both
    assert "statistics" not in both


def test_a_year_without_a_figure_falls_back_to_the_nearest_earlier_full_year_else_the_latest(write_dataset):
    rows = "".join(f"RU-SMO,{year},12,turnover,{value},USD,bn,exact,goods,,old-1,\n" for year, value in [(2019, 3.5), (2021, 4.1), (2023, 4.4)])
    dataset = _dataset(write_dataset, rows)
    assert _cards(_summary(dataset, "RU-SMO", 2022))["Full year 2022"] == ("2021: $4.1bn", "no figure published for 2022")
    assert "Rank in 2021" in _cards(_summary(dataset, "RU-SMO", 2022))
    assert _cards(_summary(dataset, "RU-SMO", 2018))["Full year 2018"] == ("2023: $4.4bn", "no figure published for 2018")


def test_without_the_other_years_ranking_the_fallback_year_has_no_rank_card(write_dataset):
    dataset = _dataset(write_dataset, "RU-SMO,2021,12,turnover,4.1,USD,bn,exact,goods,,old-1,\n")
    summary = key_figures(dataset.for_region("RU-SMO"), ranking(dataset.figures, 2022), "RU-SMO", "turnover", 2022)
    assert [card.label for card in summary.cards] == ["Full year 2022", "Latest full year (2021)", "Peak full year (2021)"]


def test_the_rank_card_quotes_the_newest_full_year_statement_of_the_flow(write_dataset):
    """A partial year's, another flow's and another year's statements are not the year's rank; of two sources the newer is quoted."""
    rows = "RU-SMO,2023,12,turnover,4.4,USD,bn,exact,goods,,old-1,\nRU-BRY,2023,12,turnover,0.9,USD,bn,exact,goods,,old-1,\n"
    ranks = ("RU-SMO,2023,12,turnover,5,,,,,old-1,\nRU-SMO,2023,12,turnover,2,,,,,belta-1,\nRU-SMO,2023,9,turnover,1,,,,,interfax-1,\n"
             "RU-SMO,2023,12,export,1,,,,,interfax-1,\nRU-SMO,2022,12,turnover,1,,,,,interfax-1,\n")
    dataset = _dataset(write_dataset, rows, ranks)
    summary = _summary(dataset, "RU-SMO", 2023)
    rank, ranked = rank_in(ranking(dataset.figures, 2023), "RU-SMO")
    newest = max(["old-1", "belta-1"], key=PUBLISHED.get)
    assert _cards(summary)["Rank in 2023"] == (f"{rank} of {ranked}", "published: 2nd")
    assert summary.notices == [f"Rank in 2023: published: 2nd among Russian regions — BelTA, {PUBLISHED[newest]}"]


def test_a_published_rank_alone_still_gives_a_rank_card(write_dataset):
    """Russia's own total is not ranked among the regions; a statement about its place still shows."""
    ranks = "RU,2023,12,turnover,,10,,,,belta-1,\n"
    dataset = _dataset(write_dataset, "RU,2023,12,turnover,50,USD,bn,exact,goods,,old-1,\n", ranks)
    assert _cards(_summary(dataset, "RU", 2023))["Rank in 2023"] == ("not ranked here", "published: top 10")


RANKED = "RU-SMO,2023,12,turnover,4.4,USD,bn,exact,goods,,old-1,\nRU-SMO,2023,12,export,2.5,USD,bn,exact,goods,,old-1,\n"
STATED = "RU-SMO,2023,12,turnover,2,,85,,,belta-1,\nRU-SMO,2023,12,export,,10,,,,ria-1,\n"


@pytest.mark.parametrize(("flow", "said"), [
    ("turnover", f"published: 2nd of 85 Russian regions — BelTA, {PUBLISHED['belta-1']}"),
    ("export", f"published: among the top 10 importers of Belarusian goods — RIA Novosti, {PUBLISHED['ria-1']}"),  # the flow's own words for a group
])
def test_a_published_rank_says_out_of_how_many_and_what_group_of_the_flow(write_dataset, flow, said):
    summary = _summary(_dataset(write_dataset, RANKED, STATED), "RU-SMO", 2023, flow)
    assert summary.notices == [f"Rank in 2023: {said}"]


def test_the_russian_rank_card_and_its_notice_are_in_russian(write_dataset):
    summary = _summary(_dataset(write_dataset, RANKED, STATED).in_language("ru"), "RU-SMO", 2023, lang="ru")
    card = next(card for card in summary.cards if card.neutral)
    assert "2023" in card.label and "2" in card.delta and "85" in summary.notices[0]
    for text in (card.label, card.value, card.delta, summary.notices[0].replace("BelTA", "")):
        assert not re.search("[A-Za-z]", text), text


def test_the_rank_card_is_neutral_and_its_help_names_the_year_in_the_readers_language(write_dataset):
    dataset = _dataset(write_dataset, RANKED, STATED)
    for lang in ("en", "ru"):
        summary = _summary(dataset.in_language(lang), "RU-SMO", 2023, lang=lang)
        card = summary.cards[1]
        assert card.neutral is True and "2023" in card.label and "2023" in card.help
        assert (lang == "en") is bool(re.search("[A-Za-z]", card.help))
        citing = summary.cards[0].help  # the full year's card cites its source's date, in words in Russian
        assert ("2023-05-30" in citing) is (lang == "en")


def test_a_conflict_of_another_flow_is_not_the_profiles(write_dataset):
    rows = RANKED + "RU-SMO,2023,9,export,3.0,USD,bn,exact,goods,,ria-1,\n"  # exports: the full year below Jan–Sep
    dataset = _dataset(write_dataset, rows)
    assert not [n for n in _summary(dataset, "RU-SMO", 2023, "turnover").notices if n.startswith("Conflict")]
    assert [n for n in _summary(dataset, "RU-SMO", 2023, "export").notices if n.startswith("Conflict")]


def test_the_russian_profile_states_a_conflict_in_russian(write_dataset):
    rows = RANKED + "RU-SMO,2023,9,export,3.0,USD,bn,exact,goods,,ria-1,\n"
    notices = _summary(_dataset(write_dataset, rows).in_language("ru"), "RU-SMO", 2023, "export", lang="ru").notices
    conflicts = [n for n in notices if "BelTA" in n and "RIA Novosti" in n]  # the two figures' publishers
    assert len(conflicts) == 1 and not re.search("[A-Za-z]", conflicts[0].replace("BelTA", "").replace("RIA Novosti", ""))


def test_each_period_both_sides_publish_gets_its_own_line_oldest_first(write_dataset):
    rows = "".join(f"RU-TA,{year},12,turnover,{value},USD,bn,exact,goods,{stats},{source},\n"
                   for year, value, stats, source in [(2022, 3.0, "BY", "belta-1"), (2022, 3.1, "RU", "interfax-1"), (2023, 3.5, "BY", "belta-1"), (2023, 3.6, "RU", "interfax-1")])
    notices = _summary(_dataset(write_dataset, rows), "RU-TA", 2023).notices
    both = [notice for notice in notices if "both sides" in notice]
    assert both == ["2022, both sides' statistics — Belarusian statistics (BelTA): $3bn; Russian statistics (Interfax): $3.1bn.",
                    "2023, both sides' statistics — Belarusian statistics (BelTA): $3.5bn; Russian statistics (Interfax): $3.6bn."]


def test_the_profile_of_a_region_read_from_the_whole_table_is_that_regions_alone(write_dataset):
    rows = "RU-SMO,2023,12,turnover,4.4,USD,bn,exact,goods,,old-1,\nRU-BRY,2023,12,turnover,0.9,USD,bn,exact,goods,,old-1,\nRU-BRY,2024,12,turnover,1.2,USD,bn,exact,goods,,old-1,\n"
    dataset = _dataset(write_dataset, rows)
    whole = key_figures(dataset.figures, ranking(dataset.figures, 2023), "RU-SMO", "turnover", 2023)
    alone = key_figures(dataset.for_region("RU-SMO"), ranking(dataset.figures, 2023), "RU-SMO", "turnover", 2023)
    assert whole == alone and _cards(whole)["Latest full year (2023)"][0] == "$4.4bn"


def test_the_fallback_card_is_neutral_cites_its_figure_and_speaks_russian(write_dataset):
    dataset = _dataset(write_dataset, "RU-SMO,2021,12,turnover,4.1,USD,bn,exact,goods,,old-1,\n")
    english = _summary(dataset, "RU-SMO", 2022).cards[0]
    assert english.neutral and english.help == f"2021: $4.1bn — no figure published for 2022. 2021: $4.1bn (BelTA, {PUBLISHED['old-1']})"
    russian = _summary(dataset.in_language("ru"), "RU-SMO", 2022, lang="ru").cards[0]
    assert russian.neutral and "2021" in russian.value and "2022" in russian.label and "2022" in russian.delta
    for text in (russian.label, russian.value, russian.delta, russian.help.replace("BelTA", "")):
        assert not re.search("[A-Za-z]", text), text


def test_a_region_with_partial_years_only_says_it_has_no_full_year_figure(write_dataset):
    dataset = _dataset(write_dataset, "RU-SMO,2023,9,turnover,3.1,USD,bn,exact,goods,,old-1,\n")
    card = _summary(dataset, "RU-SMO", 2023).cards[0]
    assert (card.label, card.delta) == ("Full year 2023", None) and "2023" in card.help
    russian = _summary(dataset.in_language("ru"), "RU-SMO", 2023, lang="ru").cards[0]
    assert "2023" in russian.help and not re.search("[A-Za-z]", russian.label + russian.help)


def test_the_fallback_years_rank_card_quotes_that_years_statement_of_the_flow(write_dataset):
    rows = "RU-SMO,2021,12,turnover,4.1,USD,bn,exact,goods,,old-1,\nRU-BRY,2021,12,turnover,0.9,USD,bn,exact,goods,,old-1,\nRU-SMO,2021,12,export,2.0,USD,bn,exact,goods,,old-1,\n"
    ranks = "RU-SMO,2021,12,turnover,4,,,,,belta-1,\nRU-SMO,2021,12,export,9,,,,,ria-1,\n"
    summary = _summary(_dataset(write_dataset, rows, ranks), "RU-SMO", 2022)
    rank, ranked = rank_in(ranking(_dataset(write_dataset, rows, ranks).figures, 2021), "RU-SMO")
    assert _cards(summary)["Rank in 2021"] == (f"{rank} of {ranked}", "published: 4th")
    assert summary.notices == [f"Rank in 2021: published: 4th among Russian regions — BelTA, {PUBLISHED['belta-1']}"]


def test_the_latest_and_peak_cards_cite_their_figures_and_speak_russian(write_dataset):
    rows = "RU-SMO,2021,12,turnover,4.9,USD,bn,exact,goods,,old-1,\nRU-SMO,2023,12,turnover,4.4,USD,bn,exact,goods,,belta-1,\n"
    dataset = _dataset(write_dataset, rows)
    cards = {card.label: card for card in _summary(dataset, "RU-SMO", 2023).cards}
    assert cards["Latest full year (2023)"].help == f"2023: $4.4bn (BelTA, {PUBLISHED['belta-1']})"
    assert cards["Peak full year (2021)"].help == f"2021: $4.9bn (BelTA, {PUBLISHED['old-1']})"
    russian = _summary(dataset.in_language("ru"), "RU-SMO", 2023, lang="ru").cards[-2:]
    assert ["2023" in russian[0].label, "2021" in russian[1].label] == [True, True]
    for card in russian:
        assert card.help and not re.search("[A-Za-z]", card.label + card.help.replace("BelTA", "")), card


def test_the_russian_partial_year_card_and_like_for_like_line_are_in_russian(write_dataset):
    rows = "RU-SMO,2023,9,turnover,3.0,USD,bn,exact,goods,,old-1,\nRU-SMO,2024,9,turnover,3.3,USD,bn,exact,goods,,old-1,\n"
    summary = _summary(_dataset(write_dataset, rows).in_language("ru"), "RU-SMO", 2024, lang="ru")
    partial = summary.cards[-1]
    assert "2024" in partial.label and "10" in summary.like_for_like[-1]  # +10 % on the same months of 2023
    for text in (partial.label, summary.like_for_like[-1]):
        assert not re.search("[A-Za-z]", text), text


def test_a_year_without_a_figure_shows_the_latest_known_one_in_russian(write_dataset):
    rows = "RU-SMO,2021,12,turnover,4.9,USD,bn,exact,goods,,old-1,\nRU-BRY,2023,12,turnover,0.9,USD,bn,exact,goods,,old-1,\n"
    summary = _summary(_dataset(write_dataset, rows).in_language("ru"), "RU-SMO", 2023, lang="ru")
    first = summary.cards[0]
    assert "2021" in first.value and first.value != _summary(_dataset(write_dataset, rows), "RU-SMO", 2023).cards[0].value
    assert not re.search("[A-Za-z]", first.value), first.value
