"""Sampling profiles of a running app with py-spy (``pip install py-spy``; used with ``--profile``), summarised per function."""

import re
import shutil
import signal
import subprocess
import sys
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from common import OUT

SCRIPT_THREAD = "script_runner.py"  # a sample belongs to a script run when this file is on its stack


def py_spy() -> str | None:
    beside = Path(sys.executable).parent / "py-spy"
    return str(beside) if beside.exists() else shutil.which("py-spy")


@contextmanager
def profiled(pid: int, name: str, enabled: bool):
    """Record ``pid`` with py-spy while the block runs; afterwards print where the script runs spent their time."""
    binary = py_spy() if enabled else None
    if binary is None:
        if enabled:
            print("  (py-spy not found: pip install py-spy to profile)")
        yield
        return
    output = OUT / f"profile-{name}.txt"
    recorder = subprocess.Popen([binary, "record", "--pid", str(pid), "--rate", "250", "--format", "raw", "--nonblocking", "--output", str(output)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield
    finally:
        recorder.send_signal(signal.SIGINT)
        recorder.wait(timeout=60)
        if output.exists():
            write_profile(name, summarise(output), f" (raw stacks: {output.relative_to(OUT.parent.parent)})")


def write_profile(name: str, text: str, note: str = "") -> None:
    """Keep a profile's summary in bench/output/profile-NAME-summary.txt and print it."""
    (OUT / f"profile-{name}-summary.txt").write_text(text)
    print(f"\n  profile of {name}{note}:\n" + text)


def _frame(text: str) -> str:
    """``altair_map (turnover/maps.py)`` from ``altair_map (/work/main/turnover/maps.py:57)``."""
    text = re.sub(r":\d+\)$", ")", text)
    return re.sub(r"\(.*?(site-packages/|/work/[^/]+/|lib/python3\.\d+/)", "(", text)


def summarise(path: Path, top: int = 30) -> str:
    """Inclusive share of the script-run samples per function (each function counted once per stack), largest first."""
    inclusive, leaves, total = Counter(), Counter(), 0
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if SCRIPT_THREAD not in stack or not count.isdigit():
            continue
        frames = [_frame(f) for f in stack.split(";")]
        total += int(count)
        for frame in set(frames):
            inclusive[frame] += int(count)
        leaves[frames[-1]] += int(count)
    if not total:
        return "    no samples in script runs\n"
    lines = [f"    {total} samples in script runs; inclusive share per function (frames on every stack left out):"]
    shown = [(f, n) for f, n in inclusive.most_common() if n < 0.97 * total][:top]
    lines += [f"    {100 * n / total:5.1f}%  {f}" for f, n in shown]
    lines.append("    self time (leaf frames):")
    lines += [f"    {100 * n / total:5.1f}%  {f}" for f, n in leaves.most_common(10)]
    return "\n".join(lines) + "\n"
