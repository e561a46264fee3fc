"""One home per concept: the federal subject, the displayed total, the alternatives' slot, money's edges."""

import pytest

from tests.conftest import FIGURES, REGIONS
from turnover.add import add_figure
from turnover.aggregate import federal_subjects, ranking
from turnover.dataset import load_dataset
from turnover.formatting import format_usd_mn
from turnover.selection import slot_key

CRIMEA = "UA-43,Crimea,Крым,Krim,republic,UA,,Republic of Crimea\n"


def test_crimea_and_the_national_total_are_never_ranked_as_federal_subjects(write_dataset):
    data, geo = write_dataset(figures=FIGURES + "UA-43,2023,12,turnover,9,USD,bn,exact,goods,,old-1,\n", regions=REGIONS + CRIMEA)
    dataset = load_dataset(data, geo)
    ranked = set(ranking(dataset.figures, 2023)["region"])
    assert ranked == {"RU-SMO", "RU-BRY", "RU-MOW"}  # UA-43 has the largest figure, RU the national one: neither ranked
    assert set(dataset.federal_subjects) == {"RU-SMO", "RU-BRY", "RU-MOW"}
    subjects = federal_subjects(dataset.registry.table)
    assert not subjects["UA-43"] and not subjects["RU"] and not subjects["FD-CENTRAL"] and subjects["RU-TA"]


def test_goods_and_goods_and_services_compete_for_one_slot_everywhere(write_dataset):
    services = "RU-BRY,2023,12,turnover,950,USD,mn,exact,goods_services,BY,belta-1,\n"
    data, geo = write_dataset(figures=FIGURES + services)
    figures = load_dataset(data, geo).figures
    bryansk = figures[(figures["region"] == "RU-BRY") & (figures["year"] == 2023)]
    assert list(bryansk["alternatives"]) == [1, 1] and bryansk["displayed"].sum() == 1
    rows = bryansk.astype(str).to_dict("records")
    assert slot_key(rows[0]) == slot_key(rows[1])


def test_add_counts_a_goods_and_services_figure_as_an_alternative(write_dataset):
    data, geo = write_dataset(figures=FIGURES + "RU-BRY,2022,12,turnover,950,USD,mn,exact,goods_services,BY,belta-1,\n")
    result = add_figure({"region": "RU-BRY", "year": "2022", "value": "900", "currency": "USD", "scale": "mn", "source_id": "old-1"}, None, data, geo)
    assert any(note.reason.startswith("1 figure(s) from other sources") for note in result.notes), result.notes


@pytest.mark.parametrize(
    ("usd_mn", "text"),
    [(4400, "$4.4bn"), (920.9, "$920.9m"), (999.94, "$999.9m"), (999.96, "$1bn"), (0.04, "$0.04m"), (0.0456, "$0.046m"), (0.1, "$0.1m"), (0, "$0m")],
)
def test_money_rounds_into_the_right_unit_and_never_shows_a_published_figure_as_zero(usd_mn, text):
    assert format_usd_mn(usd_mn) == text


def test_a_figure_just_under_a_billion_reads_as_a_billion_on_the_page(write_dataset):
    data, geo = write_dataset(figures=FIGURES.replace("RU-BRY,2023,12,turnover,900,USD,mn,approx", "RU-BRY,2023,12,turnover,999.96,USD,mn,exact"))
    figures = load_dataset(data, geo).figures
    assert figures.loc[figures["region"] == "RU-BRY", "shown"].tolist() == ["$1bn"]
