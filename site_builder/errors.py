"""What every stage reports: a `Problem` in the data (file, line, sentence) and a `BuildError`
(a problem the user can fix, shown without a traceback)."""

from __future__ import annotations

from dataclasses import dataclass

PROBLEM_FORMATS = ("text", "github")


class BuildError(Exception):
    """A build problem explained as a sentence naming the file and the fix."""


class ValidationFailed(BuildError):
    """The data did not validate; `lines` are the validator's report, one problem each."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass(frozen=True, order=True)
class Problem:
    """One problem found in the data."""

    path: str  # relative to the project root: "datapackages/reform/figures.csv"
    line: int | None  # physical line in the file (1 = header); None for the whole file
    message: str  # a sentence: what is wrong and how to fix it
    field: str = ""
    rule: str = ""  # the error type that found it: "type-error", "reform-outside-lifetime" ...


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_problem(problem: Problem, style: str = "text") -> str:
    """`path:line: message`, or a GitHub Actions `::error` annotation."""
    if style == "github":
        props = [f"file={_github_escape(problem.path, True)}"]
        if problem.line:
            props.append(f"line={problem.line}")
        props.append(f"title={_github_escape(problem.field or 'data', True)}")
        return f"::error {','.join(props)}::{_github_escape(problem.message)}"
    if style != "text":
        raise ValueError(f"Unknown format {style!r}; use one of {', '.join(PROBLEM_FORMATS)}.")
    where = f"{problem.path}:{problem.line}" if problem.line else problem.path
    return f"{where}: {problem.message}"
