"""Every source says what kind of publisher it is; a bad or missing kind is named, as validate names any column."""

import os
import subprocess
import sys

import pytest

from tests.conftest import FIGURES, SOURCES
from turnover.add import AddError, add_figure
from turnover.dataset import load_dataset
from turnover.paths import REPO_ROOT
from turnover.vocabulary import SOURCE_KINDS

OLD_HEADER = "id,publisher,title,url,published,language\n"


def _validate(data, geo) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "turnover", "validate", "--data", str(data), "--geo", str(geo)],
                          capture_output=True, text=True, cwd=data.parent, env={**os.environ, "PYTHONPATH": str(REPO_ROOT)}, timeout=120)


def test_every_kind_is_accepted_and_kept(write_dataset):
    rows = "".join(f"src-{n},Publisher {n},Headline {n},https://example.org/{n},2024,en,{kind}\n" for n, kind in enumerate(SOURCE_KINDS))
    data, geo = write_dataset(sources=SOURCES + rows)
    dataset = load_dataset(data, geo)
    assert dataset.problems == []
    assert [dataset.sources.loc[f"src-{n}", "kind"] for n in range(len(SOURCE_KINDS))] == list(SOURCE_KINDS)
    assert dataset.sources.loc["belta-1", "kind"] == "news_agency"


@pytest.mark.parametrize("kind", ["city_guide", "", "News_Agency"])
def test_an_unknown_or_blank_kind_is_reported_on_its_line_and_the_other_sources_stay(write_dataset, kind):
    bad_line = SOURCES.count("\n") + 1
    data, geo = write_dataset(sources=SOURCES + f"guide-1,Kazan city guide,Trade news,https://example.org/g,2024,ru,{kind}\n")
    result = _validate(data, geo)
    assert result.returncode == 1
    assert f"data/sources.csv:{bad_line}: kind: unknown kind; expected {', '.join(SOURCE_KINDS)}" in result.stdout
    dataset = load_dataset(data, geo)
    assert "guide-1" not in dataset.sources.index and "belta-1" in dataset.sources.index
    assert len(dataset.figures) == FIGURES.count("\n") - 1  # every figure still cites a known source


def test_a_file_without_the_kind_column_is_named_not_guessed(write_dataset):
    old = OLD_HEADER + "".join(line.rsplit(",", 1)[0] + "\n" for line in SOURCES.splitlines()[1:])
    data, geo = write_dataset(sources=old)
    result = _validate(data, geo)
    assert result.returncode == 1
    assert "data/sources.csv:1: kind: header lacks this column; no row of the file was read" in result.stdout


def test_a_new_source_needs_a_kind_and_nothing_is_written_without_one(write_dataset):
    data, geo = write_dataset()
    before = (data / "sources.csv").read_bytes()
    figure = {"region": "RU-BRY", "year": "2022", "value": "1.2", "currency": "USD", "scale": "bn", "source_id": "new-1"}
    source = {"publisher": "Bryansk News", "title": "Trade with Belarus grew", "url": "https://example.org/b", "published": "2023", "language": "ru"}
    with pytest.raises(AddError) as refused:
        add_figure(figure, source, data, geo)
    assert any("kind" in problem for problem in str(refused.value).splitlines())
    assert (data / "sources.csv").read_bytes() == before

    add_figure(figure, {**source, "kind": "media"}, data, geo)
    assert (data / "sources.csv").read_text(encoding="utf-8").endswith("new-1,Bryansk News,Trade with Belarus grew,https://example.org/b,2023,ru,media\n")

