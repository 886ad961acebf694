"""Who made and publishes the data, and under which licence: read once from the reform package's
descriptor (`contributors` with their roles, `licenses`), for the JSON-LD and the catalogue."""

from __future__ import annotations

from dataclasses import dataclass

CREATOR_ROLES = ("author", "creator")


@dataclass(frozen=True)
class Agent:
    name: str
    url: str = ""  # an https address, or "" (then the site itself)


@dataclass(frozen=True)
class About:
    creators: tuple[Agent, ...]
    publisher: Agent
    licence_url: str
    licence_name: str


def roles(contributor: dict) -> list[str]:
    """A Frictionless contributor's roles: `roles` (v2) or `role` (v1)."""
    return [str(r) for r in (contributor.get("roles") or [contributor.get("role", "")])]


def about_data(descriptor: dict, site_name: str) -> About:
    """The creators (contributors with the role author or creator), the publisher (the role
    publisher) and the licence; the site itself stands in for any that is missing."""
    site = Agent(site_name)
    contributors = [c for c in descriptor.get("contributors") or [] if isinstance(c, dict) and c.get("title")]

    def agent(c: dict) -> Agent:
        path = str(c.get("path") or "")
        return Agent(str(c["title"]), path if path.startswith("https://") else "")

    creators = tuple(agent(c) for c in contributors if set(CREATOR_ROLES) & set(roles(c))) or (site,)
    publisher = next((agent(c) for c in contributors if "publisher" in roles(c)), site)
    licence = (descriptor.get("licenses") or [{}])[0]
    return About(creators, publisher, str(licence.get("path", "")), str(licence.get("title") or licence.get("name", "")))
