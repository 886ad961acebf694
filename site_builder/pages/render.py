"""Render the generated pages: Markdown files whose bodies are HTML from Jinja templates.

Data never enters Markdown syntax: every value is written by a template with autoescaping
on, inside HTML blocks that Markdown passes through untouched, so a quote like
`<script>…</script>` or `[x](javascript:…)` shows as text. Only headings taken from the
translations file are Markdown (so they reach the table of contents).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import jinja2

from site_builder.catalogue.page_datasets import indicator_dataset, package_dataset, province_dataset
from site_builder.dataset.vocabulary import UNITS_PACKAGE
from site_builder.errors import BuildError
from site_builder.pages.chart_plan import ChartPlan
from site_builder.pages.communes import browse_page, convert_page, lookup_page
from site_builder.pages.context import OwnPageContext, PageContext
from site_builder.pages.dictionary import package_texts, resource_docs, resource_title
from site_builder.pages.editions import indicator_name
from site_builder.pages.environment import make_environment
from site_builder.pages.front_matter import front_matter
from site_builder.pages.page_cache import PageCache
from site_builder.pages.paths import COMMUNE_LOOKUP, indicator_path, page_url, province_path, root_of
from site_builder.pages.translations import Translations
from site_builder.views import Site


@dataclass(frozen=True)
class PageSpec:
    """One page to render: where, from which template, its title and its data."""

    md_path: str
    template: str
    title: str
    data: dict
    # Rendered from `data` and the page context alone (no `site`, no `charts`): the page cache may keep it.
    own_data_only: bool = False


def render_pages(
    site: Site,
    charts: dict,
    plan: ChartPlan,
    context: PageContext,
    t: Translations,
    env: jinja2.Environment | None = None,
    to_site_root: str = "",
    cache: PageCache | None = None,
) -> dict[str, str]:
    """Every generated page of one edition as {Markdown path: text}, in a stable order.
    `to_site_root` leads from the edition's root to the site's, where downloads and charts are.
    Pages rendered from their own data only are taken from `cache` when it has them."""
    env = env or make_environment(t)
    pages: dict[str, str] = {}
    for spec in page_specs(site, charts, plan, context, t):
        if spec.md_path in pages:
            raise BuildError(
                f"Two generated pages have the path {spec.md_path}; a province slug or an indicator id names an "
                "existing page (index, former ...) or another province: change it in the data."
            )
        key = cache.key(t.lang, spec, OwnPageContext.of(context), to_site_root) if cache and spec.own_data_only else None
        text = cache.get(key) if key else None
        if text is None:
            text = render_page(env, spec, site, charts, context, to_site_root)
            if key:
                cache.put(key, text)
        pages[spec.md_path] = text
    return pages


def render_page(
    env: jinja2.Environment, spec: PageSpec, site: Site, charts: dict, context: PageContext, to_site_root: str = ""
) -> str:
    root = root_of(spec.md_path)
    shared = {"ctx": OwnPageContext.of(context)} if spec.own_data_only else {"site": site, "charts": charts, "ctx": context}
    try:
        body = env.get_template(spec.template).render(
            root=root,
            site_root=root + to_site_root,
            page_path=page_url(spec.md_path),
            page_address=context.site_url + page_url(spec.md_path),
            **shared,
            **spec.data,
        )
    except jinja2.TemplateError as error:
        raise BuildError(f"site_builder/templates/{spec.template}: {error} (while rendering {spec.md_path}).") from None
    # The home page keeps the theme's default title (the site name alone).
    return front_matter(spec.title if spec.md_path != "index.md" else None) + body


def page_specs(site: Site, charts: dict, plan: ChartPlan, context: PageContext, t: Translations) -> Iterator[PageSpec]:
    """Every page of the site, in a stable order."""
    units_source = registry_title(context, t)
    yield PageSpec(
        "index.md",
        "home.md",
        context.site_name,
        {"chart": charts.get(plan.home), "maps": charts_for(plan.home_maps, charts), "units_source": units_source},
    )
    yield PageSpec("provinces/index.md", "provinces_index.md", t("nav.provinces"), {})
    yield PageSpec("provinces/former/index.md", "former_index.md", t("nav.former_provinces"), {})
    yield from commune_pages(site, t)
    yield from province_pages(site, charts, plan, context, t)
    yield PageSpec("indicators/index.md", "indicators_index.md", t("nav.indicators"), {})
    for iv in site.indicator_views:
        comparison_charts = list(zip(iv.comparisons, charts_for(plan.indicators.get(iv.indicator.id, ()), charts), strict=True))
        yield PageSpec(
            indicator_path(iv.indicator.id),
            "indicator.md",
            indicator_name(iv.indicator, t),
            {
                "iv": iv,
                "comparison_charts": comparison_charts,
                "data_files": (context.indicator_downloads or {}).get(iv.indicator.id, ()),
                "jsonld": indicator_dataset(iv, indicator_data_files(iv.indicator.id, context, t), context, t),
            },
        )
    yield PageSpec("coverage/index.md", "coverage.md", t("nav.coverage"), {})
    yield PageSpec("data/index.md", "data.md", t("nav.data"), data_page(site, context, t))


def province_pages(site: Site, charts: dict, plan: ChartPlan, context: PageContext, t: Translations) -> Iterator[PageSpec]:
    """A page per province, current and former, then the country's: each rendered from its own data."""
    province_files = context.province_downloads or {}
    unit_files = context.unit_downloads or {}
    units_source = registry_title(context, t)
    for view in site.current + site.former:
        page_charts = charts_for(plan.provinces.get(view.province.id, ()), charts)
        yield PageSpec(
            province_path(view.province),
            "province.md",
            view.province.name_vi,
            {
                "view": view,
                "units_chart": page_charts[0] if page_charts else None,
                "group_charts": list(zip(view.groups, page_charts[1:], strict=True)),
                "download": province_files.get(view.province.id),
                "units_download": unit_files.get(view.province.id),
                "units_source": units_source,
                "jsonld": province_dataset(view, province_data_files(view.province.id, context, t), context, t),
            },
            own_data_only=True,
        )
    if site.country is not None:
        view = site.country
        page_charts = charts_for(plan.provinces.get(view.province.id, ()), charts)
        yield PageSpec(
            province_path(view.province),
            "country.md",
            t("country.eyebrow"),
            {
                "view": view,
                "group_charts": list(zip(view.groups, page_charts[1:], strict=True)),
                "jsonld": province_dataset(view, country_data_files(view, context), context, t),
            },
            own_data_only=True,
        )


def province_data_files(province_id: str, context: PageContext, t: Translations) -> tuple:
    """A province page's downloads as (Download, name): its figures, their metadata, its units."""
    return (
        ((context.province_downloads or {}).get(province_id), t("catalogue.figures_file")),
        ((context.province_metadata or {}).get(province_id), t("catalogue.metadata_file")),
        ((context.unit_downloads or {}).get(province_id), t("catalogue.units_file")),
    )


def indicator_data_files(indicator_id: str, context: PageContext, t: Translations) -> tuple:
    files = (context.indicator_downloads or {}).get(indicator_id, (None, None))
    return ((files[0], t("catalogue.figures_file")), (files[1], t("catalogue.metadata_file")))


def country_data_files(view, context: PageContext) -> tuple:
    """The country page has no file of its own: the CSV of each indicator it shows figures of."""
    ids = sorted({fv.indicator.id for fv in view.figures})
    return tuple(((context.indicator_downloads or {}).get(i, (None,))[0], "") for i in ids)


def commune_pages(site: Site, t: Translations) -> Iterator[PageSpec]:
    """ "Find your commune", the bulk conversion and the browsing by former province (pages/communes.py)."""
    yield PageSpec("communes/index.md", "communes.md", t("communes.title"), lookup_page(site, t, COMMUNE_LOOKUP + "/"))
    yield PageSpec(
        "communes/convert/index.md", "communes_convert.md", t("communes.convert.title"), convert_page(t, COMMUNE_LOOKUP + "/")
    )
    yield PageSpec("communes/browse/index.md", "communes_browse.md", t("communes.browse.title"), browse_page(site))


def data_page(site: Site, context: PageContext, t: Translations) -> dict:
    """The data page's downloads (each with its label), province files and dictionary."""
    descriptor = context.descriptor or {"resources": []}
    others = context.other_descriptors or {}
    package = descriptor.get("name", "")
    titles = {("", r["name"]): resource_title(package, r, t.text) for r in descriptor.get("resources", [])}
    titles.update(
        {(name, r["name"]): resource_title(name, r, t.text) for name, d in others.items() for r in d.get("resources", [])}
    )
    province_files = context.province_downloads or {}
    unit_files = context.unit_downloads or {}

    def label(d) -> str:
        kind = t(f"download.kind.{d.kind}") if t.has(f"download.kind.{d.kind}") else d.description
        package = getattr(d, "package", "")
        text = f"{titles[package, d.resource]} · {kind}" if d.resource and (package, d.resource) in titles else kind
        return f"{package_texts(others[package], t.text)['title']} · {text}" if package in others and not d.resource else text

    shown = site.current + site.former
    return {
        "downloads": [(d, label(d)) for d in context.downloads],
        "citation": context.citation,
        "resources": resource_docs(descriptor, t.text),
        "other_resources": [
            (name, package_texts(d, t.text)["title"], resource_docs(d, t.text)) for name, d in sorted(others.items())
        ],
        "units_package": package_texts(others[UNITS_PACKAGE], t.text) if UNITS_PACKAGE in others else None,
        "province_files": [(v, province_files[v.province.id]) for v in shown if v.province.id in province_files],
        "unit_files": [(v, unit_files[v.province.id]) for v in shown if v.province.id in unit_files],
        "province_checksums": context.province_checksums,
        "jsonld": package_dataset(site, context, t),
        "releases": context.releases,
        # The data page's examples use the indicator with the most figures.
        "example_indicator": max(site.indicator_views, key=lambda iv: len(iv.figures)).indicator.id
        if site.indicator_views
        else "",
    }


def registry_title(context: PageContext, t: Translations) -> str:
    """The title of the registry the units package was imported from ("" without the package)."""
    units = (context.other_descriptors or {}).get(UNITS_PACKAGE) or {}
    return package_texts(units, t.text)["source"] if units else ""


def charts_for(ids, charts: dict) -> list:
    """The rendered charts of a page by id ("" stands for a chart the page has no data for)."""
    missing = [i for i in ids if i and i not in charts]
    if missing:
        raise BuildError(
            f"The chart renderer returned no chart for {', '.join(missing)}; check site_builder.charts.render_charts."
        )
    return [charts[i] if i else None for i in ids]
