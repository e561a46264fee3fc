"""A problem found in an input file, reported as ``path:line: column: reason``, and the sentences that sum problems up."""

from dataclasses import dataclass
from pathlib import Path

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


def _count(number: int, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


def problems_summary(problems: list[Problem]) -> str:
    """One line for the panel's title: how many rows or files were left out and how many warnings."""
    refused = len(errors(problems))
    warned = len(problems) - refused
    parts = []
    if refused:
        parts.append(_count(refused, "input problem", "input problems") + ": rows or files left out; every other row is shown")
    if warned:
        parts.append(_count(warned, "warning", "warnings") + " on rows that were kept")
    return "; ".join(parts)


def shown_problems_caption(total: int, shown: int) -> str:
    """Under the panel's table: how much of the list is on screen and where the rest is."""
    if total <= shown:
        return f"All {_count(total, 'problem', 'problems')} listed."
    return f"The first {shown:,} of {total:,} problems are listed; download the report for all of them."


def validate_summary(problems: list[Problem], summary: str) -> tuple[str, bool]:
    """The last line ``validate`` prints, and whether it is a failure (any error; warnings alone pass)."""
    refused = len(errors(problems))
    warned = len(problems) - refused
    if refused:
        return f"{refused} problem(s)" + (f" and {warned} warning(s)" if warned else "") + f"; the good rows: {summary}", True
    return "OK: " + summary + (f" ({warned} warning(s) above)" if warned else ""), False


def no_figures_message(data_dir: Path) -> str:
    """The dashboard's stop notice when no figure survived the checks."""
    return f"No figure could be loaded from {data_dir}; the problems found are listed below (the pages need at least one figure)."
