"""A problem found in an input file, reported as ``path:line: column: reason``."""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int  # 1-based line in the file; 0 when the problem concerns the whole file
    column: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.column or '-'}: {self.reason}"


def display_path(path: Path) -> str:
    """The path as a user typed it would look: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
