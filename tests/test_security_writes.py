"""Killed writes: at most one temporary file is left, the next write or start-up removes it, and it is never read
as data (issue 16, item 5). The writes are killed with SIGKILL while they hold their temporary file."""

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from turnover import writing
from turnover.dataset import load_dataset
from turnover.paths import REPO_ROOT

GEO = REPO_ROOT / "geo"
# A write that stops for good inside fsync: the moment a crash or a kill leaves a full temporary file behind.
STALLED_WRITE = """
import os, sys, time
from pathlib import Path
from turnover import writing
os.fsync = lambda descriptor: (print("writing", flush=True), time.sleep(3600))
writing.write_atomically(Path(sys.argv[1]), Path(sys.argv[2]).read_bytes())
"""


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", folder)
    return folder


def temporaries(folder: Path) -> list[Path]:
    return sorted(folder.glob(f".*{writing.TEMPORARY_SUFFIX}"))


def start_stalled_write(target: Path, content: Path) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", STALLED_WRITE, str(target), str(content)], cwd=REPO_ROOT,
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "writing"
    return process


def kill(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)


def test_killed_writes_leave_at_most_one_temporary_file_and_the_next_write_removes_it(data, tmp_path):
    target = data / "figures.csv"
    original = target.read_bytes()
    content = tmp_path / "new.csv"
    content.write_bytes(original + b"RU-SMO,2031,12,turnover,1,USD,bn,exact,goods,,belta-de-20241118,\n")
    for _ in range(5):
        kill(start_stalled_write(target, content))
        assert len(temporaries(data)) == 1, temporaries(data)
        assert target.read_bytes() == original  # the old file, whole
    writing.write_atomically(target, content.read_bytes())
    assert temporaries(data) == []
    assert target.read_bytes() == content.read_bytes()


def test_a_live_write_keeps_its_temporary_file_and_start_up_removes_a_dead_one(data, tmp_path):
    target = data / "sources.csv"
    content = tmp_path / "new.csv"
    content.write_bytes(target.read_bytes())
    writer = start_stalled_write(target, content)
    try:
        assert writing.remove_stale_temporaries(data) == []  # still writing: not touched
        assert len(temporaries(data)) == 1
    finally:
        kill(writer)
    assert len(writing.remove_stale_temporaries(data)) == 1  # what the app does for data/ at start-up
    assert temporaries(data) == []


def test_a_dead_write_is_never_read_as_data(data, tmp_path):
    target = data / "figures.csv"
    before = load_dataset(data, GEO)
    content = tmp_path / "new.csv"
    content.write_bytes(target.read_bytes() + b"RU-SMO,2031,12,turnover,1,USD,bn,exact,goods,,belta-de-20241118,\n")
    kill(start_stalled_write(target, content))
    assert temporaries(data)[0].read_bytes() == content.read_bytes()  # the whole new file is in the leftover
    after = load_dataset(data, GEO)
    assert len(after.figures) == len(before.figures) and after.problems == before.problems
    assert 2031 not in set(after.figures["year"])


def test_a_cleaner_racing_a_new_write_never_breaks_it(tmp_path):
    target = tmp_path / "x.csv"
    target.write_bytes(b"a\n")
    deadline = time.monotonic() + 1.0
    cleaner = subprocess.Popen([sys.executable, "-c", (
        "import sys, time\nfrom pathlib import Path\nfrom turnover import writing\n"
        f"end = time.monotonic() + 2\nwhile time.monotonic() < end: writing.remove_stale_temporaries(Path({str(tmp_path)!r}))\n")],
        cwd=REPO_ROOT)
    try:
        count = 0
        while time.monotonic() < deadline:
            writing.write_atomically(target, f"a\n{count}\n".encode())
            count += 1
        assert target.read_text() == f"a\n{count - 1}\n"
    finally:
        cleaner.wait(timeout=10)
    assert temporaries(tmp_path) == []
