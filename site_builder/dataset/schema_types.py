"""Cell text to Python values, as the package's Table Schema declares each field.

The loader runs after validation, so a cell that does not fit its type is not expected here;
if one slips through, ValueError names the field and the value.
"""

from __future__ import annotations

# Table Schema's defaults for a boolean field without trueValues/falseValues.
TRUE_VALUES = ("true", "True", "TRUE", "1")
FALSE_VALUES = ("false", "False", "FALSE", "0")


def cast_cell(field: dict, text: str):
    """The value of one cell: int, float, bool, or the text itself (dates stay ISO text, so a
    partial date like 2024-10 sorts with full ones); None for an empty cell of a typed field."""
    kind = field.get("type", "string")
    if kind in ("string", "date", "any") or not isinstance(kind, str):
        return text
    if not text.strip():
        return None
    if kind == "integer":
        return int(text)
    if kind == "number":
        return float(text)
    if kind == "boolean":
        if text in field.get("trueValues", TRUE_VALUES):
            return True
        if text in field.get("falseValues", FALSE_VALUES):
            return False
        raise ValueError(f"{field['name']} \"{text}\" is not a boolean")
    return text


def typed_row(fields: list[dict], row: dict[str, str]) -> dict:
    """A row of text cells as typed values, one per schema field."""
    typed = {}
    for field in fields:
        try:
            typed[field["name"]] = cast_cell(field, row.get(field["name"], ""))
        except ValueError:
            raise ValueError(f"{field['name']} \"{row.get(field['name'], '')}\" is not a valid {field.get('type')}") from None
    return typed
