"""A page's canonical link (MkDocs writes it from site_url) names that page's own full address,
each edition's under its folder: the link check refuses any other, and checks it as a link,
never as a resource loaded from another host."""

from __future__ import annotations

import pytest

from site_builder.publish.link_check import check_site

SITE_URL = "https://example.org/data/"


def page_with_canonical(root, rel: str, href: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'<html><head><link rel="canonical" href="{href}"></head><body><p>x</p></body></html>', encoding="utf-8")


@pytest.mark.parametrize(
    ("rel", "href"),
    [
        ("index.html", "https://example.org/data/"),
        ("provinces/quang-ngai/index.html", "https://example.org/data/provinces/quang-ngai/"),
        ("vi/provinces/quang-ngai/index.html", "https://example.org/data/vi/provinces/quang-ngai/"),
    ],
)
def test_a_canonical_link_to_the_pages_own_address_passes(tmp_path, rel, href):
    page_with_canonical(tmp_path, rel, href)
    assert check_site(tmp_path, site_url=SITE_URL) == []


@pytest.mark.parametrize(
    ("rel", "href"),
    [
        ("vi/provinces/quang-ngai/index.html", "https://example.org/data/provinces/quang-ngai/"),  # the other edition
        ("provinces/quang-ngai/index.html", "https://example.org/data/provinces/lai-chau/"),  # another page
        ("provinces/quang-ngai/index.html", "http://example.org/data/provinces/quang-ngai/"),  # not https
        ("provinces/quang-ngai/index.html", "https://evil.example/data/provinces/quang-ngai/"),  # another host
        ("provinces/quang-ngai/index.html", "/data/provinces/quang-ngai/"),  # not a full address
        ("provinces/quang-ngai/index.html", "javascript:alert(1)"),
    ],
)
def test_a_canonical_link_to_any_other_address_is_reported(tmp_path, rel, href):
    page_with_canonical(tmp_path, rel, href)
    problems = check_site(tmp_path, site_url=SITE_URL)
    assert any("is not this page's address https://example.org/data/" in p for p in problems), problems


def test_a_canonical_link_without_a_site_url_to_check_it_by_is_reported(tmp_path):
    page_with_canonical(tmp_path, "index.html", "https://example.org/data/")
    assert any("no site_url" in p for p in check_site(tmp_path))


def test_other_links_that_only_name_an_address_are_links_not_resources(tmp_path):
    (tmp_path / "index.html").write_text(
        '<html><head><link rel="canonical" href="https://example.org/data/">'
        '<link rel="alternate" hreflang="vi" href="https://example.org/data/vi/"></head></html>',
        encoding="utf-8",
    )
    assert check_site(tmp_path, site_url=SITE_URL) == []
