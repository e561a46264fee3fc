"""What used to be decided inside page scripts, now in the library: map clicks, conflict counts, the shares caption."""

from tests.conftest import FIGURES
from turnover.aggregate import national_shares
from turnover.compare import national_total_caption
from turnover.dataset import load_dataset
from turnover.maps import clicked_region
from turnover.provenance import conflict_count, conflicts
from turnover.texts import pages

KNOWN = {"RU-SMO", "RU-BRY"}


def _click(region: str | None) -> dict:
    return {"last_active_drawing": {"type": "Feature", "properties": {"id": region}}}


def test_a_click_on_a_region_with_a_profile_opens_it():
    assert clicked_region(_click("RU-BRY"), KNOWN) == "RU-BRY"


def test_no_click_or_an_unknown_shape_opens_nothing():
    assert clicked_region(None, KNOWN) is None
    assert clicked_region({"last_active_drawing": None}, KNOWN) is None
    assert clicked_region(_click("BY-MI"), KNOWN) is None
    assert clicked_region({"last_active_drawing": {"properties": None}}, KNOWN) is None


def test_conflicts_are_counted_per_slot_even_when_two_slots_read_alike(write_dataset):
    subset = (
        "RU-SMO,2024,9,turnover,0.5,USD,bn,exact,agri_food,,belta-1,\n"
        "RU-SMO,2024,9,turnover,0.7,USD,bn,exact,agri_food,,interfax-1,\n"
    )
    data, geo = write_dataset(figures=FIGURES + subset)
    figures = load_dataset(data, geo).figures
    table = conflicts(figures)
    assert table["Slot"].nunique() == 1  # total trade and agri-food of Jan–Sep 2024 read the same in the table…
    assert conflict_count(figures) == 2  # …and are two conflicts


def test_agreeing_sources_are_no_conflict(write_dataset):
    agree = "RU-BRY,2023,12,turnover,0.9,USD,bn,exact,goods,,belta-1,\n"
    data, geo = write_dataset(figures=FIGURES.replace("RU-SMO,2024,9,turnover,220,RUB,bn,at_least,goods,,ria-1,\n", "") + agree)
    assert conflict_count(load_dataset(data, geo).figures) == 0


def test_the_shares_caption_names_the_national_total_or_is_absent(write_dataset):
    data, geo = write_dataset()
    figures = load_dataset(data, geo).figures
    caption = national_total_caption(national_shares(figures, 2023), 2023)
    assert caption.startswith("National total 2023: about $50bn (BelTA, 2023-05-30).")
    assert national_total_caption(national_shares(figures, 2022), 2022) is None
    shares = national_shares(figures, 2023)
    first = shares.iloc[0]
    assert national_total_caption(shares, 2023, "ru") == pages.national_total(2023, first["national_shown"], first["national_source"], "ru") != caption
    assert national_total_caption(shares.iloc[:1], 2023) == caption  # a year with one region's share has its caption too
