"""Shared helpers: paths, starting and stopping Streamlit servers, the timing log, statistics, the results table."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(1, str(REPO))  # the app's texts (turnover.texts.pages): widget labels and headings in each language
BENCH = REPO / "bench"
ENTRY = "serve.py"  # what `make run` serves: dashboard.py behind app/guard.py's PageGuard
OUT = BENCH / "output"  # gitignored: logs, profiles, results
APP = OUT / "app"  # the copy of the app that every server runs (see snapshot_app)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update"]


def snapshot_app() -> Path:
    """Copy the app (code, data, boundaries, static files, config) to ``APP``; every server of the run serves this copy.

    Edits made in the working tree during a run (a commit, a saved file) then change nothing halfway:
    a server that had imported the old modules would otherwise run the new page scripts against them.
    """
    shutil.rmtree(APP, ignore_errors=True)
    skip = shutil.ignore_patterns(".git", ".venv", "bench", "tests", "test-output", ".pytest_cache", "__pycache__", "node_modules", ".cache")
    shutil.copytree(REPO, APP, ignore=skip)
    return APP


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, timeout: float = 180, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{url}: the server exited with {process.returncode}")
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url}: not healthy after {timeout:.0f} s")


@dataclass
class Run:
    """One line of the timing log: a script run that ended at ``end`` (epoch) after ``seconds``."""

    end: float
    seconds: float
    page: str
    outcome: str


@dataclass
class Server:
    name: str
    port: int
    log: Path
    process: subprocess.Popen

    @property
    def url(self) -> str:
        return f"http://localhost:{self.port}"

    def runs(self, since: float = 0.0, until: float = float("inf")) -> list[Run]:
        """Script runs logged by the app (``TURNOVER_TIMING_LOG``) that ended between ``since`` and ``until``."""
        if not self.log.exists():
            return []
        runs = [Run(float(e), float(s), p, o) for e, s, p, o in (line.split() for line in self.log.read_text().splitlines() if line.strip())]
        return [run for run in runs if since <= run.end <= until]

    def prewarmed(self, timeout: float = 180) -> float | None:
        """Seconds the app's background build of every year's map page took (app/prewarm.py), once it has ended;
        None if none ended within ``timeout`` (turned off, or still building)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            built = [run.seconds for run in self.runs() if run.page == "prewarm"]
            if built:
                return built[0]
            time.sleep(0.25)
        return None

    def rss_mb(self) -> float:
        return rss_mb(self.process.pid)

    def cpu_seconds(self) -> float:
        """User + system CPU seconds the server process has used so far."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` in MB (``VmRSS``)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


EXTRA_ARGS: list[str] = []  # more `streamlit run` options for every server (run.py --app-args), to try a setting without editing the app


@contextmanager
def streamlit_app(script: str, name: str, port: int | None = None, env: dict | None = None, timeout: float = 300):
    """``streamlit run script`` in the app's copy (so its .streamlit/config.toml applies), with its own timing log."""
    OUT.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    log = OUT / f"timing-{name}.log"
    log.unlink(missing_ok=True)
    environment = {**os.environ, "TURNOVER_TIMING_LOG": str(log), **(env or {})}
    # No file watcher: edits in the working tree during a run must not reload the app's modules mid-measurement.
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port), "--server.headless", "true", "--server.fileWatcherType", "none", *EXTRA_ARGS]
    with open(OUT / f"server-{name}.out", "w") as output:
        process = subprocess.Popen(command, cwd=APP, env=environment, stdout=output, stderr=subprocess.STDOUT)
    server = Server(name, port, log, process)
    try:
        wait_healthy(server.url, timeout, process)
        yield server
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (linear interpolation between samples); NaN for no values."""
    return float(np.percentile(values, q)) if len(values) else float("nan")


def median(values: list[float]) -> float:
    return pct(values, 50)


def ms(seconds: float) -> str:
    return "n/a" if seconds != seconds else f"{seconds * 1000:,.0f} ms"


def kb(size: float) -> str:
    return "n/a" if size != size else f"{size / 1024:,.0f} KB"


@dataclass
class Table:
    """The results: one row per figure, with the target and whether it is met where there is one."""

    rows: list[tuple[str, str, str, str, str]] = field(default_factory=list)

    def add(self, section: str, figure: str, value: str, target: str = "", met: bool | None = None) -> None:
        status = "" if met is None else ("met" if met else "MISSED")
        self.rows.append((section, figure, value, target, status))
        print(f"  {section} | {figure}: {value} {('(target ' + target + ': ' + status + ')') if target else ''}", flush=True)

    def markdown(self) -> str:
        lines = ["| section | figure | value | target | status |", "| --- | --- | --- | --- | --- |"]
        lines += ["| " + " | ".join(cell.replace("|", "/") for cell in row) + " |" for row in self.rows]
        return "\n".join(lines)

    def text(self) -> str:
        header = ("section", "figure", "value", "target", "status")
        widths = [max(len(str(row[i])) for row in [header, *self.rows]) for i in range(5)]
        line = lambda row: "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip()
        return "\n".join([line(header), line(tuple("-" * w for w in widths)), *map(line, self.rows)])
