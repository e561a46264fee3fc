"""Optional server-side timing of each script run, for the benchmark (bench/run.py).

Set ``TURNOVER_TIMING_LOG=/path/file`` to append one line per run: ``<epoch> <seconds> <page> <outcome>``.
Off by default; costs nothing when off.
"""

import os
import time
from contextlib import contextmanager


@contextmanager
def timed_run():
    """Time the block; the caller may set ``run["page"]`` on the yielded dict once it knows the page."""
    path = os.environ.get("TURNOVER_TIMING_LOG")
    run = {"page": "-"}
    if not path:
        yield run
        return
    started = time.perf_counter()
    outcome = "ok"
    try:
        yield run
    except BaseException as error:  # a rerun or page switch interrupts the run: still timed, then re-raised
        outcome = type(error).__name__
        raise
    finally:
        with open(path, "a", encoding="utf-8") as log:
            log.write(f"{time.time():.3f} {time.perf_counter() - started:.6f} {run['page']} {outcome}\n")
