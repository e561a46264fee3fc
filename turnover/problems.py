"""A problem found in an input file, reported as ``path:line: column: reason``, and the sentences that sum problems up.

A problem keeps its reason untranslated: ``message`` is an English gettext msgid (marked with ``N_`` where
the rule that finds it lives) with ``{named}`` placeholders, and ``params`` the data-derived values as
(name, value) pairs, so the dataclass stays frozen, hashable and orderable and each reader gets the reason
in their own language (``reason_in(lang)``); ``reason`` and ``str(problem)`` are the English text.
"""

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from turnover.i18n import N_, gettext_for
from turnover.texts.notices import validate_summary as validate_line

ERROR, WARNING = "error", "warning"
GOT = N_("{reason} (got {value!r})")  # a parameter named "got" is the offending value, shown after the reason


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int  # 1-based line in the file; 0 when the problem concerns the whole file
    column: str
    message: str  # the untranslated reason (a msgid), its placeholders filled from params
    severity: str = ERROR  # an error left the row (or file) out; a warning kept it and says what is odd
    params: tuple[tuple[str, object], ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.params, tuple):  # the problem cache stores params as JSON lists; tuples keep the problem hashable
            object.__setattr__(self, "params", tuple(tuple(pair) for pair in self.params))

    def reason_in(self, lang: str = "en") -> str:
        """The reason in ``lang``: the message through that language's catalogue, then its parameters filled in."""
        _ = gettext_for(lang)
        params = dict(self.params)
        text = _(self.message).format(**params) if params else _(self.message)
        return _(GOT).format(reason=text, value=params["got"]) if "got" in params else text

    @cached_property  # made once: the data set sorts its problems by it and validate prints it
    def reason(self) -> str:
        """The reason in English, as ``python -m turnover validate`` prints it."""
        return self.reason_in("en")

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
