"""Render the generated pages: Markdown files whose bodies are HTML from Jinja templates.

Data never enters Markdown syntax: every value is written by a template with autoescaping
on, inside HTML blocks that Markdown passes through untouched, so a quote like
`<script>…</script>` or `[x](javascript:…)` shows as text. Only headings taken from the
translations file are Markdown (so they reach the table of contents).

Links inside HTML blocks are not rewritten by MkDocs, so pages link with final relative
URLs (`use_directory_urls: true`); `site_builder.publish.link_check` verifies every one after the
MkDocs build.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import PurePosixPath

import jinja2

from site_builder.pages.chart_plan import ChartPlan
from site_builder.views import ProvinceView, Site
from site_builder.errors import BuildError
from site_builder.pages.formatting import (
    format_date,
    format_number,
    format_period,
    format_value,
    is_web_url,
    page_title,
)
from site_builder.dataset.model import Province
from site_builder.pages.translations import Translations


@dataclass(frozen=True)
class PageContext:
    """What every page may show besides its own data."""

    build_date: str
    site_name: str
    repository_url: str
    licence_name: str
    licence_url: str
    citation: str = ""
    descriptor: dict | None = None  # the parsed datapackage.json, for the data dictionary
    downloads: tuple = ()  # site_builder.downloads.Download, in write order
    province_downloads: dict | None = None  # province id -> ProvinceFile of its figures CSV


@dataclass(frozen=True)
class ProvinceFile:
    """A province's own figures CSV under data/provinces/."""

    name: str
    path: str
    size: int
    sha256: str


def page_url(md_path: str) -> str:
    """The site-relative URL of a page with `use_directory_urls`: provinces/x.md -> provinces/x/."""
    path = PurePosixPath(md_path)
    stem = path.with_suffix("")
    if stem.name == "index":
        parent = str(stem.parent)
        return "" if parent == "." else parent + "/"
    return f"{stem}/"


def root_of(md_path: str) -> str:
    """The relative prefix from a page's URL back to the site root ("../../" for provinces/x/)."""
    return "../" * page_url(md_path).count("/")


def province_path(province: Province) -> str:
    """The Markdown path of a province's page."""
    return f"provinces/{province.slug}.md" if province.is_current else f"provinces/former/{province.slug}.md"


def indicator_path(indicator_id: str) -> str:
    return f"indicators/{indicator_id}.md"


def make_environment(t: Translations, templates: jinja2.BaseLoader | None = None) -> jinja2.Environment:
    """The Jinja environment of every page: autoescape on for all templates, strict undefined."""
    env = jinja2.Environment(
        loader=templates or jinja2.PackageLoader("site_builder", "templates"),
        autoescape=True,  # for every template, whatever its extension: .md pages carry HTML
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        t=t,
        is_web_url=is_web_url,
        province_url=lambda p: page_url(province_path(p)),
        indicator_url=lambda i: page_url(indicator_path(i.id)),
        page_url=page_url,
        value_text=lambda fv: format_value(fv.figure.value, fv.figure.measure, fv.figure.qualifier, t),
    )
    env.filters.update(
        num=lambda v: format_number(v, t),
        date=lambda d: format_date(d, t),
        period=lambda f: format_period(f.period_start, f.period_end, t),
        size=lambda n: human_size(n, t),
    )
    env.tests["web_url"] = is_web_url
    return env


def human_size(size: int, t: Translations) -> str:
    if size < 1024:
        return t("size.bytes", value=format_number(size, t))
    if size < 1024 * 1024:
        return t("size.kb", value=format_number(round(size / 1024, 1), t))
    return t("size.mb", value=format_number(round(size / 1024 / 1024, 1), t))


def render_pages(site: Site, charts: dict, plan: ChartPlan, context: PageContext, t: Translations,
                 env: jinja2.Environment | None = None) -> dict[str, str]:
    """Every generated page as {Markdown path: text}, in a stable order."""
    env = env or make_environment(t)
    pages: dict[str, str] = {}
    indicators_by_id = {i.id: i for i in site.indicators}
    province_files = context.province_downloads or {}

    def render(md_path: str, template: str, title: str, **data) -> None:
        try:
            body = env.get_template(template).render(
                root=root_of(md_path), page_path=page_url(md_path), site=site, ctx=context, charts=charts,
                indicators_by_id=indicators_by_id, **data
            )
        except jinja2.TemplateError as error:
            raise BuildError(f"site_builder/templates/{template}: {error} (while rendering {md_path}).") from None
        # The home page keeps the theme's default title (the site name alone).
        pages[md_path] = front_matter(title if md_path != "index.md" else None) + body

    def chart_list(ids) -> list:
        missing = [i for i in ids if i and i not in charts]
        if missing:
            raise BuildError(f"The chart renderer returned no chart for {', '.join(missing)}; check site_builder.charts.render_charts.")
        return [charts[i] if i else None for i in ids]

    render("index.md", "home.md", context.site_name, chart=charts.get(plan.home))
    render("provinces/index.md", "provinces_index.md", t("nav.provinces"))
    render("provinces/former/index.md", "former_index.md", t("nav.former_provinces"))
    for view in site.current + site.former:
        ids = plan.provinces.get(view.province.id, ())
        page_charts = chart_list(ids)
        render(
            province_path(view.province),
            "province.md",
            view.province.name_vi,
            view=view,
            units_chart=page_charts[0] if page_charts else None,
            group_charts=list(zip(view.groups, page_charts[1:])),
            download=province_files.get(view.province.id),
        )
    render("indicators/index.md", "indicators_index.md", t("nav.indicators"))
    for iv in site.indicator_views:
        render(indicator_path(iv.indicator.id), "indicator.md", iv.indicator.name_en, iv=iv,
               comparison_charts=list(zip(iv.comparisons, chart_list(plan.indicators.get(iv.indicator.id, ())))))
    render("coverage.md", "coverage.md", t("nav.coverage"))
    descriptor = context.descriptor or {"resources": []}
    render(
        "data.md",
        "data.md",
        t("nav.data"),
        descriptor=descriptor,
        citation=context.citation,
        resource_titles={r["name"]: r.get("title", r["name"]) for r in descriptor.get("resources", [])},
        province_files=[(v, province_files[v.province.id]) for v in site.current + site.former if v.province.id in province_files],
    )
    return pages


def front_matter(title: str | None) -> str:
    """YAML front matter: the page title (JSON quoting is valid YAML and escapes everything), and
    the theme's left sidebar hidden, as the tabs carry the navigation and tables need the width."""
    lines = ["---"]
    if title is not None:
        lines.append(f"title: {json.dumps(page_title(title), ensure_ascii=False)}")
    lines += ["hide:", "  - navigation", "---", "", ""]
    return "\n".join(lines)


def figure_rows_for(view: ProvinceView, figure_rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """The raw figure rows a province page shows (its own and its predecessors'), in file order."""
    ids = set(view.province_ids)
    return [row for row in figure_rows if row.get("province_id") in ids]

