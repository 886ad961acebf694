"""A problem found in the data, and how it is printed."""

from __future__ import annotations

from dataclasses import dataclass

FORMATS = ("text", "github")


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the project root: "datapackages/reform/figures.csv"
    line: int | None  # physical line in the file (1 = header); None for the whole file
    message: str  # a sentence: what is wrong and how to fix it
    field: str = ""


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
        raise ValueError(f"Unknown format {style!r}; use one of {', '.join(FORMATS)}.")
    where = f"{problem.path}:{problem.line}" if problem.line else problem.path
    return f"{where}: {problem.message}"
