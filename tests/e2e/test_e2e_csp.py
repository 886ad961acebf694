"""Every page type runs under its Content-Security-Policy with no violation: the theme's inline
scripts (allowed by hash), its bundle loaded on the first interaction, the interactive charts
(Vega's expression interpreter, no eval), Pagefind's WebAssembly search, the commune lookup and
the PNG a chart makes. And the policy is in force: a script injected into a page does not run."""

from __future__ import annotations

import re

import pytest
from local_server import SITE_PATH

pytestmark = pytest.mark.browser

# Every kind of page, in both editions.
PAGES = (
    "",
    "provinces/",
    "provinces/quang-ngai/",
    "provinces/former/",
    "provinces/former/kon-tum/",
    "indicators/",
    "indicators/commune-level-units/",
    "coverage/",
    "data/",
    "communes/",
    "contribute/",
    "about/",
)
# The 404 page links its scripts from site_url's path (it is served at any address): it is
# opened as GitHub Pages serves it, for an address below the site's path that is no page.
MISSING = "no-such-page/deeper/"
EDITIONS = ("", "vi/")
# Collects every violation the page reports, from before its first script runs.
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""
POLICY = re.compile(r"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+; ")


def watched(page) -> list[str]:
    """Console messages about the policy, for the page's whole life."""
    messages: list[str] = []
    page.add_init_script(WATCH_VIOLATIONS)
    page.on("console", lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None)
    return messages


def interact(page) -> None:
    """What a reader does first: move, scroll to the end (the theme's bundle loads, charts come
    into view), hover the first charts (Vega draws them)."""
    page.mouse.move(200, 200)
    page.mouse.wheel(0, 400)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    for chart in page.locator("figure.chart:not(.chart-deferred)").all()[:2]:
        chart.scroll_into_view_if_needed()
        chart.hover()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)


def violations(page, messages: list[str]) -> list[str]:
    return messages + page.evaluate("window.__violations")


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_type_runs_with_no_policy_violation(page, server, server_below_path, edition):
    messages = watched(page)
    addresses = [(path, server.url(edition + path)) for path in PAGES]
    for path, address in [*addresses, ("404.html", server_below_path.url(SITE_PATH + edition + MISSING))]:
        response = page.goto(address)
        assert response.status == (404 if path == "404.html" else 200), path
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert policy.count() == 1, path
        content = policy.get_attribute("content")
        assert POLICY.match(content) and "'unsafe-eval'" not in content and "base-uri 'none'" in content, (path, content)
        assert "object-src 'none'" in content and "form-action 'self'" in content
        assert page.evaluate("document.documentElement.classList.contains('js')"), path  # the inline script ran
        interact(page)
        assert page.evaluate("window.__md_theme_loaded === true"), path  # the theme's bundle ran
        assert violations(page, messages) == [], path


def test_an_interactive_chart_and_its_png_run_under_the_policy(page, server):
    messages = watched(page)
    page.goto(server.url("provinces/quang-ngai/"))
    figure = page.locator("figure.chart:not(.chart-deferred)").first
    figure.scroll_into_view_if_needed()
    figure.hover()
    page.wait_for_function("f => f.getAttribute('data-state') === 'interactive'", arg=figure.element_handle(), timeout=60_000)
    page.mouse.move(*_centre(figure.locator("svg").first.bounding_box()))  # a tooltip: Vega's expressions
    page.wait_for_function("f => f.querySelector('.chart-downloads button')", arg=figure.element_handle())
    with page.expect_download() as download:
        figure.locator(".chart-downloads button").first.click()
    assert download.value.suggested_filename.endswith(".png")
    assert violations(page, messages) == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_search_runs_pagefind_under_the_policy(page, server, edition):
    messages = watched(page)
    page.goto(server.url(edition))
    page.locator(".site-search .md-search__input").fill("Quảng Ngãi")  # Pagefind: WebAssembly
    page.wait_for_function("() => document.querySelector('.md-search-result__list').children.length > 0")
    assert violations(page, messages) == []


def test_the_search_without_its_worker_runs_pagefind_in_the_page_under_the_policy(page, server):
    # Pagefind runs its WebAssembly in a worker, which the page's policy does not reach; where the
    # worker fails it runs it in the page, which needs 'wasm-unsafe-eval'.
    messages = watched(page)
    page.route("**/pagefind-worker.js", lambda route: route.fulfill(status=404, body=""))
    page.goto(server.url(""))
    page.locator(".site-search .md-search__input").fill("Quảng Ngãi")
    page.wait_for_function("() => document.querySelector('.md-search-result__list').children.length > 0")
    assert violations(page, messages) == []


def test_the_commune_lookup_runs_under_the_policy(page, server):
    messages = watched(page)
    page.goto(server.url("communes/"))
    page.fill("#commune-query", "phuc xa")
    page.wait_for_function("() => document.querySelectorAll('#commune-results li').length > 0")
    assert violations(page, messages) == []


# A script of the site's own (served from its origin, so the policy lets it run) that tries
# what an injected script would: eval and new Function.
EVAL_PROBE = """
window.__ran.push("probe");
try { eval("window.__ran.push('eval')"); } catch (e) {}
try { new Function("window.__ran.push('function')")(); } catch (e) {}
"""


def test_a_script_put_into_a_page_does_not_run(page, server):
    messages = watched(page)
    page.route("**/probe.js", lambda route: route.fulfill(status=200, content_type="text/javascript", body=EVAL_PROBE))
    page.goto(server.url("about/"))
    ran = page.evaluate(
        """() => {
          window.__ran = [];
          const inline = document.createElement("script");
          inline.textContent = "window.__ran.push('inline')";
          document.body.appendChild(inline);
          const handler = document.createElement("img");
          handler.setAttribute("onerror", "window.__ran.push('handler')");
          handler.src = "does-not-exist.png";
          document.body.appendChild(handler);
          const link = document.createElement("a");
          link.href = "javascript:window.__ran.push('link')";
          document.body.appendChild(link);
          link.click();
          const probe = document.createElement("script");
          probe.src = "probe.js";
          document.body.appendChild(probe);
          return new Promise((resolve) => setTimeout(() => resolve(window.__ran), 1000));
        }"""
    )
    assert ran == ["probe"]  # the site's own file ran; nothing else did
    found = violations(page, messages)
    assert len([v for v in found if v.startswith(("script-src", "script-src-elem", "script-src-attr"))]) >= 4, found


def _centre(box: dict) -> tuple[float, float]:
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
