"""Read an input file's bytes only when it is what it should be: a regular file, not a link, not too large.

Every file the app reads (the CSVs through ``csvfile.read_rows``, the boundary GeoJSON) comes through
``read_input``; whatever is wrong with it becomes one ``InputError`` whose message says why, in words a
person can act on, never a traceback.
"""

import errno
import os
import stat
from pathlib import Path


class InputError(OSError):
    """The file cannot be used at all; ``str(error)`` is the reason, without the path."""


def read_input(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``; ``InputError`` if it is missing, a link, not a regular file, unreadable or larger than ``max_bytes``."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        raise InputError("file not found") from None
    except PermissionError:
        raise InputError("file cannot be read (permission denied)") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputError("is a symbolic link; refused: a data file must be a regular file in its folder") from None
        raise InputError(f"file cannot be read ({error.strerror})") from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError("is not a regular file (a device, pipe or socket); refused")
        if info.st_size > max_bytes:
            raise InputError(f"file is larger than {_size(max_bytes)}; refusing to read it")
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:  # grew while being read
            raise InputError(f"file is larger than {_size(max_bytes)}; refusing to read it")
        return data
    except OSError as error:
        if isinstance(error, InputError):
            raise
        raise InputError(f"file cannot be read ({error.strerror or error})") from None
    finally:
        os.close(descriptor)


def _size(size: int) -> str:
    return f"{size // 2**20:,} MB" if size >= 2**20 else f"{size:,} bytes"
