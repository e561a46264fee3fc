"""Safe writes to data/: one writer at a time (a lock file), and a file is replaced whole or not at all.

``data_lock`` takes an exclusive ``fcntl.flock`` on ``data/.turnover.lock``: every ``add`` holds it from reading
the files to writing them, so concurrent adds see each other's rows and none is lost. ``write_atomically`` writes
the new content to a temporary file in the same folder, flushes and fsyncs it, then ``os.replace``s the target
(atomic on POSIX) and fsyncs the folder: a crash or a full disk at any point leaves either the old file or the new
one, never half of each, and the temporary file is removed on failure.
"""

import errno
import fcntl
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".turnover.lock"


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
    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False)
    temporary = Path(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems cannot fsync a directory; the rename is still atomic
    finally:
        os.close(descriptor)
