"""A problem found in an input file, reported as ``path:line: column: reason``, and the sentences that sum problems up."""

from dataclasses import dataclass
from pathlib import Path

from turnover.texts.notices import validate_summary as validate_line

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int  # 1-based line in the file; 0 when the problem concerns the whole file
    column: str
    reason: str
    severity: str = ERROR  # an error left the row (or file) out; a warning kept it and says what is odd

    def __str__(self) -> str:
        marker = "warning: " if self.severity == WARNING else ""
        return f"{self.path}:{self.line}: {self.column or '-'}: {marker}{self.reason}"


def display_path(path: Path) -> str:
    """The path as a user typed it would look: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (OSError, RuntimeError, ValueError):
        return str(path)


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity != WARNING]


def validate_summary(problems: list[Problem], summary: str) -> tuple[str, bool]:
    """The last line ``validate`` prints, and whether it is a failure (any error; warnings alone pass)."""
    refused = len(errors(problems))
    return validate_line(refused, len(problems) - refused, summary), bool(refused)
