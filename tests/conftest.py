"""Small, hand-written data sets in a temporary folder, so each test states exactly what it feeds in."""

import os
import sys
from pathlib import Path

import pytest
import vl_convert
from playwright.sync_api import sync_playwright

from tests.browser_support import Watched, launch
from turnover.boundaries import load_boundaries
from turnover.dataset import load_dataset
from turnover.paths import geo_dir

os.environ.setdefault("TURNOVER_PREWARM", "0")  # no background builds of every year (app/prewarm.py) in the page tests and the servers they start; tests/test_prewarm.py turns it on

REGIONS = """id,name_en,name_ru,name_de,kind,country,federal_district,aliases
RU,Russia,Россия,Russland,country,RU,,Russian Federation|Russia (national total)
FD-CENTRAL,Central Federal District,Центральный федеральный округ,Zentraler Föderationskreis,federal_district,RU,,Central FD
RU-SMO,Smolensk Oblast,Смоленская область,Gebiet Smolensk,oblast,RU,FD-CENTRAL,Smolensk Region|Smolenskaya oblast|Smolensk
RU-BRY,Bryansk Oblast,Брянская область,Gebiet Brjansk,oblast,RU,FD-CENTRAL,Bryansk Region|Bryansk
RU-MOW,Moscow,Москва,Moskau,federal_city,RU,FD-CENTRAL,Moscow (city)|City of Moscow
RU-TA,Republic of Tatarstan,Республика Татарстан,Republik Tatarstan,republic,RU,FD-VOLGA,Tatarstan
"""
SOURCES = """id,publisher,title,url,published,language,kind
belta-1,BelTA,Lukashenko meets Smolensk governor,,2024-11-18,de,news_agency
ria-1,RIA Novosti,Anokhin on trade with Belarus,https://ria.ru/x.html,2024-11-18,ru,news_agency
interfax-1,Interfax,Smolensk 2024 trade,https://www.interfax-russia.ru/y,2025-05-14,ru,news_agency
old-1,BelTA,Older statement,https://eng.belta.by/z,2023-05-30,en,news_agency
cbr,Bank of Russia,Official exchange rates,https://www.cbr.ru/,2025-01-01,ru,official_statistics
"""
FX = """year,currency,per_usd,source_id
2023,RUB,85.25,cbr
2024,RUB,92.57,cbr
"""
HEADER = "region,year,months,flow,value,currency,scale,qualifier,coverage,stats,source_id,note\n"
FIGURES = HEADER + """RU-SMO,2023,12,turnover,4.4,USD,bn,exact,goods,,belta-1,
RU-SMO,2024,9,turnover,3.1,USD,bn,exact,goods,,belta-1,
RU-SMO,2024,9,turnover,220,RUB,bn,at_least,goods,,ria-1,
RU-SMO,2024,12,turnover,295,RUB,bn,exact,goods,,interfax-1,
RU-SMO,2022,12,turnover,4.9,USD,bn,approx,goods,,old-1,
RU-BRY,2023,12,turnover,900,USD,mn,approx,goods,,old-1,
RU-MOW,2023,12,turnover,5,USD,bn,at_least,goods,,old-1,
RU,2023,12,turnover,50,USD,bn,approx,goods,,old-1,
"""

UNDATED = """region,period_text,value,currency,scale,qualifier,flow,coverage,source_id,note
RU-SMO,"annual level, stated Nov 2024",4,USD,bn,approx,turnover,goods,belta-1,
"""
BOUNDARIES = (
    '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": "RU-SMO", "name_en": "Smolensk Oblast", '
    '"name_ru": "Смоленская область", "country": "RU"}, "geometry": {"type": "Polygon", "coordinates": [[[31, 54], [31, 56], [35, 56], [35, 54], [31, 54]]]}}]}'
)


MUTATION_RUN = Path(__file__).resolve().parents[1].name == "mutants"  # mutmut runs the tests from its copy, mutants/


CLEARED_FOR: set[tuple[int, str]] = set()  # (process, mutant) whose caches were cleared since the mutant was set


@pytest.fixture(autouse=True)
def no_results_from_before_the_mutant_in_a_mutation_run():
    """In a mutation run, the package's cached results (chart templates, text widths …) are cleared: before each test of
    mutmut's own runs, and before a mutant's first test in the child that tests it. mutmut tests each mutant in a child
    forked from a process that ran the tests once, so a result cached there was made by the unmutated code and would hide
    the mutant; and in that first run it links a function to the tests that call it, so a cached function would be linked
    to the first test that called it only. Within a mutant's child every result is the mutant's: its later tests keep
    them (a chart template is built and checked against the Vega-Lite schema once, not for every test)."""
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    if MUTATION_RUN and ("__mutmut_" not in mutant or (os.getpid(), mutant) not in CLEARED_FOR):
        CLEARED_FOR.add((os.getpid(), mutant))
        for module in [module for name, module in sys.modules.items() if name == "turnover" or name.startswith("turnover.")]:
            for value in list(vars(module).values()):
                if not isinstance(value, type) and callable(getattr(value, "cache_clear", None)):  # a cache, not its class
                    value.cache_clear()
    yield


@pytest.fixture(autouse=True)
def no_drawing_in_a_mutation_run(monkeypatch):
    """In a mutation run (`make mutation`), a test that draws a chart with vl-convert is skipped where it draws: vl-convert's
    runtime, started in mutmut's parent process, hangs in the forked children that test each mutant. Elsewhere nothing changes."""
    if not MUTATION_RUN:
        return
    for name in [name for name in dir(vl_convert) if name.startswith(("vegalite_to_", "vega_to_", "svg_to_"))]:
        monkeypatch.setattr(vl_convert, name, lambda *args, **kwargs: pytest.skip("vl-convert does not run in mutmut's forked children"))


@pytest.fixture
def write_dataset(tmp_path: Path):
    """Write a data/ and geo/ pair under tmp_path (both boundary files too); any file's text can be replaced. Returns (data, geo)."""

    def write(figures: str = FIGURES, sources: str = SOURCES, fx: str = FX, regions: str = REGIONS, undated: str = UNDATED, boundaries: str = BOUNDARIES) -> tuple[Path, Path]:
        data, geo = tmp_path / "data", tmp_path / "geo"
        data.mkdir(exist_ok=True)
        geo.mkdir(exist_ok=True)
        files = [(data, "figures.csv", figures), (data, "sources.csv", sources), (data, "fx.csv", fx), (data, "undated.csv", undated), (geo, "regions.csv", regions)]
        files += [(geo, "regions.geojson", boundaries), (geo, "regions-overview.geojson", boundaries)]
        for folder, name, text in files:
            if text is not None:
                (folder / name).write_text(text, encoding="utf-8")
        return data, geo

    return write


@pytest.fixture(scope="session")
def browser():
    """One headless Debian chromium for all browser tests."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def watched(browser):
    """A fresh page that records requests, console errors and dialogs."""
    page = Watched(browser)
    yield page
    page.page.close()


@pytest.fixture(scope="module")
def shipped():
    """The shipped data set (a test file may define its own ``shipped``)."""
    return load_dataset()


@pytest.fixture(scope="module")
def overview():
    """The coarser boundary file both maps draw."""
    return load_boundaries(geo_dir() / "regions-overview.geojson")
