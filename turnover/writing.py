"""Safe writes to data/: one writer at a time (a lock file), and a file is replaced whole or not at all.

``data_lock`` takes an exclusive ``fcntl.flock`` on ``data/.turnover.lock``: every ``add`` holds it from reading
the files to writing them, so concurrent adds see each other's rows and none is lost. ``write_atomically`` writes
the new content to a temporary file in the same folder, flushes and fsyncs it, then ``os.replace``s the target
(atomic on POSIX) and fsyncs the folder: a crash or a full disk at any point leaves either the old file or the new
one, never half of each, and the temporary file is removed on failure. ``write_together`` writes several files so
(a new source row and the figure or rank that cites it): when one fails, those already replaced get their old
content back.

A write that is killed (SIGKILL, power loss) cannot remove its temporary file, so each writer holds an exclusive
``flock`` on its own temporary file while it writes: a temporary file nobody holds belongs to a dead write, and
``remove_stale_temporaries`` deletes it. Every write does that for its target first, and the app does it for the
whole data folder at start-up, so a dead write leaves at most one temporary file, until the next write. The names
(``.figures.csv.<random>.tmp``) are hidden and end in ``.tmp``, so no loader ever reads one as data.
"""

import errno
import fcntl
import glob
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".turnover.lock"
TEMPORARY_SUFFIX = ".tmp"


class LockTimeout(TimeoutError):
    pass


@contextmanager
def data_lock(folder: Path, timeout: float = 30.0):
    """Hold the folder's write lock (waiting up to ``timeout`` seconds for another writer)."""
    path = Path(folder) / LOCK_NAME
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise LockTimeout(f"{path}: another writer has held the lock for {timeout:.0f} s; try again") from None
                time.sleep(0.02)
        try:
            yield
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        os.close(descriptor)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` all at once (temp file in the same folder + fsync + os.replace)."""
    path = Path(path)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    remove_stale_temporaries(path.parent, path.name)
    descriptor, temporary = _locked_temporary(path)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.chmod(temporary, mode)
            os.replace(temporary, path)  # still holding the lock: no cleaner takes a live write for a dead one
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def write_together(changes: list[tuple[Path, bytes, bytes]]) -> None:
    """Write each ``(path, old content, new content)`` atomically, in order; if one write fails, put the old content
    back in the files already written, then re-raise."""
    done = []
    try:
        for path, old, new in changes:
            write_atomically(path, new)
            done.append((path, old))
    except BaseException:
        for path, old in reversed(done):
            write_atomically(path, old)  # leave every file as it was
        raise


def remove_stale_temporaries(folder: Path, name: str | None = None) -> list[Path]:
    """Delete the temporary files of dead writes to ``name`` (to any file when None) in ``folder``; returns them.

    A live write holds the lock on its temporary file, so it is left alone."""
    removed = []
    for temporary in Path(folder).glob(f".{glob.escape(name) if name else '*'}.*{TEMPORARY_SUFFIX}"):
        try:
            descriptor = os.open(temporary, os.O_RDONLY)
        except OSError:
            continue  # gone already, or not ours to open
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # a live writer holds it
        else:
            temporary.unlink(missing_ok=True)
            removed.append(temporary)
        finally:
            os.close(descriptor)
    return removed


def _locked_temporary(path: Path) -> tuple[int, Path]:
    """A new temporary file beside ``path``, locked by this writer (made again if a cleaner took it first)."""
    while True:
        descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX)
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        try:
            if os.stat(name).st_ino == os.fstat(descriptor).st_ino:
                return descriptor, Path(name)
        except FileNotFoundError:
            pass  # a cleaner saw it unlocked in the instant before the lock and removed it
        os.close(descriptor)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems cannot fsync a directory; the rename is still atomic
    finally:
        os.close(descriptor)
