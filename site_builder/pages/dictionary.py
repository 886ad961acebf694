"""The data dictionary of the data page, prepared from datapackage.json: each resource with
its fields, types, constraints and keys as plain text the template only lays out. Titles and
descriptions are in the edition's language: `translate(context, english)` is the edition's
Translations.text, the contexts those the catalogs extract (catalogs.data_descriptions)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Translate = Callable[[str, str], str]


def as_written(context: str, english: str) -> str:
    return english


@dataclass(frozen=True)
class FieldDoc:
    name: str
    type: str  # "string (uri)"
    required: bool
    constraints: tuple[tuple[str, str], ...]  # (name, value as text), sorted by name
    description: str


@dataclass(frozen=True)
class ForeignKeyDoc:
    fields: str
    resource: str
    reference_fields: str


@dataclass(frozen=True)
class ResourceDoc:
    name: str
    title: str
    path: str
    description: str
    fields: tuple[FieldDoc, ...]
    primary_key: str  # "" when the resource has none
    foreign_keys: tuple[ForeignKeyDoc, ...]


def as_text(value) -> str:
    """A descriptor value as text: a list as "a, b"."""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def field_doc(field: dict, translate: Translate = as_written, where: str = "") -> FieldDoc:
    constraints = field.get("constraints") or {}
    kind = field.get("type") or "string"
    return FieldDoc(
        name=field["name"],
        type=f"{kind} ({field['format']})" if field.get("format") else kind,
        required=bool(constraints.get("required")),
        constraints=tuple(
            (k, as_text(v)) for k, v in sorted(constraints.items(), key=lambda kv: kv[0].lower()) if k != "required"
        ),
        description=translate(f"{where}/{field['name']}", field.get("description", "")),
    )


def package_texts(descriptor: dict, translate: Translate = as_written) -> dict:
    """A package's title, first licence (name, address) and first source's title, translated."""
    name = descriptor.get("name", "")
    licence = (descriptor.get("licenses") or [{}])[0]
    source = (descriptor.get("sources") or [{}])[0]
    return {
        "title": translate(f"data:{name}#title", descriptor["title"]) if descriptor.get("title") else name,
        "licence_name": translate(f"data:{name}#license/{licence.get('name')}", licence["title"])
        if licence.get("title")
        else licence.get("name", ""),
        "licence_url": licence.get("path", ""),
        "source": translate(f"data:{name}#source/0", source["title"]) if source.get("title") else "",
    }


def resource_title(package: str, resource: dict, translate: Translate = as_written) -> str:
    title = resource.get("title")
    return translate(f"data:{package}/{resource['name']}#title", title) if title else resource["name"]


def resource_docs(descriptor: dict, translate: Translate = as_written) -> tuple[ResourceDoc, ...]:
    """Every resource of the descriptor, in its order."""
    docs = []
    package = descriptor.get("name", "")
    for resource in descriptor.get("resources", []):
        schema = resource.get("schema") or {}
        where = f"data:{package}/{resource['name']}"
        docs.append(
            ResourceDoc(
                name=resource["name"],
                title=resource_title(package, resource, translate),
                path=resource.get("path", ""),
                description=translate(where, resource.get("description", "")),
                fields=tuple(field_doc(f, translate, where) for f in schema.get("fields", [])),
                primary_key=as_text(schema.get("primaryKey") or ""),
                foreign_keys=tuple(
                    ForeignKeyDoc(as_text(fk["fields"]), fk["reference"]["resource"], as_text(fk["reference"]["fields"]))
                    for fk in schema.get("foreignKeys", [])
                ),
            )
        )
    return tuple(docs)
