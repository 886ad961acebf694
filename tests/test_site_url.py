"""The site's full address (site_url in mkdocs.yml): what citations, figure links and chart
downloads give, each edition's own (the Vietnamese under vi/), and a clear stop when it is not a
web address."""

from __future__ import annotations

import pytest

from helpers import REPO
from site_builder.errors import BuildError
from site_builder.pages.editions import DEFAULT_SITE_URL, configured_site_url, load_editions
from site_builder.publish.mkdocs_config import read_base_config


def test_the_site_url_is_an_https_address_in_mkdocs_yml_with_a_default():
    base = read_base_config(REPO / "mkdocs.yml")
    assert base["site_url"].startswith("https://") and base["site_url"].endswith("/")
    assert configured_site_url(base) == base["site_url"]
    assert configured_site_url({}) == DEFAULT_SITE_URL
    assert configured_site_url({"site_url": "https://example.org/x"}) == "https://example.org/x/"


def test_each_edition_has_its_address_under_the_site_url():
    editions = {e.lang: e for e in load_editions()}
    assert editions["vi"].url("https://example.org/x/") == "https://example.org/x/vi/"
    assert editions["en"].url("https://example.org/x/") == "https://example.org/x/"


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "example.org/data/", "ftp://example.org/", "http://example.org/", "https://x.org/?a=1"]
)
def test_a_site_url_that_is_not_a_web_address_stops_the_build_with_the_fix(url):
    with pytest.raises(BuildError, match="site_url .* e.g. site_url: https://"):
        configured_site_url({"site_url": url})
