"""Read an input file's bytes only when it is what it should be: a regular file, not a link, not too large.

Every file the app reads (the CSVs through ``csvfile.read_rows``, the boundary GeoJSON) comes through
``read_input``; whatever is wrong with it becomes one ``InputError`` whose message says why, in words a
person can act on, never a traceback.
"""

import errno
import os
import stat
from pathlib import Path

from turnover.i18n import N_


FILE_NOT_FOUND = N_("file not found")


class InputError(OSError):
    """The file cannot be used at all; ``str(error)`` is the reason in English, without the path; ``message``
    (a msgid) and ``params`` let it be read in another language (``Problem``)."""

    def __init__(self, message: str, **params):
        super().__init__(message.format(**params) if params else message)
        self.message, self.params = message, tuple(params.items())


def read_input(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``; ``InputError`` if it is missing, a link, not a regular file, unreadable or larger than ``max_bytes``."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        raise InputError(FILE_NOT_FOUND) from None
    except PermissionError:
        raise InputError(N_("file cannot be read (permission denied)")) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputError(N_("is a symbolic link; refused: a data file must be a regular file in its folder")) from None
        raise InputError(N_("file cannot be read ({why})"), why=error.strerror) from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(N_("is a directory, not a file"))
        if not stat.S_ISREG(info.st_mode):
            raise InputError(N_("is not a regular file (a device, pipe or socket); refused"))
        if info.st_size > max_bytes:
            raise InputError(N_("file is larger than {size}; refusing to read it"), size=_size(max_bytes))
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:  # grew while being read
            raise InputError(N_("file is larger than {size}; refusing to read it"), size=_size(max_bytes))
        return data
    except OSError as error:
        if isinstance(error, InputError):
            raise
        raise InputError(N_("file cannot be read ({why})"), why=str(error.strerror or error)) from None
    finally:
        os.close(descriptor)


def _size(size: int) -> str:
    return f"{size // 2**20:,} MB" if size >= 2**20 else f"{size:,} bytes"
