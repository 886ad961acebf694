"""The schema.org Dataset of each kind of page that presents data: a province (or the country),
an indicator, the data page. Text in the page's language, from the translations."""

from __future__ import annotations

from site_builder.catalogue.about import About, about_data
from site_builder.catalogue.jsonld import dataset, distribution, place
from site_builder.pages.paths import indicator_path, page_url, province_path
from site_builder.pages.translations import Translations


def about_of(context) -> About:
    """Who made and publishes the data (the catalogue stage's, else read from the descriptor)."""
    return context.about or about_data(context.descriptor or {}, context.site_name)


def facts_of(context, t: Translations) -> dict:
    """What every page's Dataset says of the build (pages.render.PageContext)."""
    return {
        "date": context.build_date,
        "release": context.release,
        "catalogue": t("catalogue.catalogue_name", site=context.site_name),
    }


def province_dataset(view, files: tuple, context, t: Translations) -> dict:
    """A province page's (or the country page's) figures; `files` its downloads, CSV first."""
    p = view.province
    figures = view.figures
    indicators = [fv.indicator.name_vi if t.lang == "vi" else fv.indicator.name_en for fv in figures]
    return dataset(
        name=t("catalogue.province_name", province=p.name_vi),
        description=t(
            "catalogue.country_description" if p.is_country else "catalogue.province_description",
            province=p.name_vi,
            name_en=p.name_en,
            count=len(figures),
            sources=len({fv.source.id for fv in figures}),
        ),
        page=page_url(province_path(p)),
        lang=t.lang,
        about=about_of(context),
        facts=facts_of(context, t),
        figures=figures,
        spatial=place(p, t("catalogue.country")),
        files=[distribution(d, name) for d, name in files if d is not None],
        keywords=indicators,
    )


def indicator_dataset(iv, files: tuple, context, t: Translations) -> dict:
    """An indicator page's figures, every place; `files` (CSV, metadata) at data/indicators/."""
    i = iv.indicator
    figures = iv.figures + iv.national
    name = i.name_vi if t.lang == "vi" else i.name_en
    definition = (i.definition_vi or i.definition) if t.lang == "vi" else i.definition
    return dataset(
        name=t("catalogue.indicator_name", indicator=name),
        description=t(
            "catalogue.indicator_description",
            definition=definition,
            count=len(figures),
            places=len({fv.province.id for fv in figures}),
            sources=len({fv.source.id for fv in figures}),
        ),
        page=page_url(indicator_path(i.id)),
        lang=t.lang,
        about=about_of(context),
        facts=facts_of(context, t),
        figures=figures,
        spatial={"@type": "Country", "name": t("catalogue.country")},
        files=[distribution(d, n) for d, n in files if d is not None],
        keywords=[name],
    )


def package_dataset(site, context, t: Translations) -> dict:
    """The data page: the whole reform package and every file of it, the units package's too."""
    descriptor = context.descriptor or {}
    description = descriptor.get("description_vi") if t.lang == "vi" else ""
    figures = [fv for iv in site.indicator_views for fv in iv.figures]
    keys = ("csv", "zip", "json")
    return dataset(
        name=(descriptor.get("title_vi") if t.lang == "vi" else "") or descriptor.get("title", context.site_name),
        description=description or descriptor.get("description", ""),
        page="data/",
        lang=t.lang,
        about=about_of(context),
        facts=facts_of(context, t),
        figures=figures,
        spatial={"@type": "Country", "name": t("catalogue.country")},
        files=[distribution(d) for d in context.downloads if d.kind in keys]
        + ([distribution(context.catalogue, t("catalogue.dcat_file"))] if context.catalogue else []),
        keywords=[i.name_vi if t.lang == "vi" else i.name_en for i in site.indicators],
        # Every source, each with its address, is in sources.csv and the DCAT catalogue: listing
        # them all here would add 10 KB to the page's first load.
        based_on=[{"@type": "CreativeWork", "name": t("catalogue.all_sources")}],
    )
