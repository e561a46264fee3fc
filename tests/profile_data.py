"""A small data set with each basis case the region profile must keep apart (shared by the rule and app tests)."""

from tests.conftest import HEADER, SOURCES

PROFILE_SOURCES = SOURCES + "tatgov,Tatarstan government,Trade with Belarus,https://tatarstan.ru/b,2025-07-01,ru,government\n"
PROFILE_FIGURES = HEADER + """RU-SMO,2023,12,turnover,4.4,USD,bn,exact,goods,,belta-1,
RU-SMO,2024,9,turnover,3.1,USD,bn,exact,goods,,belta-1,
RU-SMO,2024,12,turnover,295,RUB,bn,exact,goods,,interfax-1,
RU-TA,2023,12,turnover,3.2,USD,bn,at_least,goods,BY,belta-1,
RU-TA,2024,12,turnover,2.8,USD,bn,approx,goods,BY,belta-1,
RU-TA,2024,12,turnover,28.4,RUB,bn,exact,goods,RU,tatgov,
RU-BRY,2022,12,turnover,0.5,USD,bn,at_most,goods,,old-1,
RU-MOW,2022,12,turnover,5,USD,bn,exact,goods,,old-1,
RU-MOW,2023,12,turnover,5,USD,bn,exact,goods,,old-1,
RU-MOW,2023,9,turnover,6,USD,bn,exact,goods,,ria-1,
RU,2023,12,turnover,50,USD,bn,exact,goods,,old-1,
RU,2024,12,turnover,60,USD,bn,exact,goods_services,,old-1,
""" + "".join(f"FD-CENTRAL,{year},12,turnover,{year - 2000},USD,bn,exact,goods,,old-1,\n" for year in range(2008, 2022))  # many years: not all labelled
PROFILE_RANKS = """region,year,months,flow,rank,top,out_of,group_share_pct,group_share_qualifier,source_id,note
RU-SMO,2024,12,turnover,3,,,,,interfax-1,3rd among Russian regions
RU-TA,2024,12,turnover,,10,,,,tatgov,top ten partners
"""


def write_profile_data(write_dataset):
    """The data set written under tmp_path, ranks.csv included: (data, geo)."""
    data, geo = write_dataset(figures=PROFILE_FIGURES, sources=PROFILE_SOURCES)
    (data / "ranks.csv").write_text(PROFILE_RANKS, encoding="utf-8")
    return data, geo
