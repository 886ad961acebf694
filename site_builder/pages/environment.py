"""The Jinja environment every page is rendered in: autoescaping on for every template, strict
undefined, and the formatting functions of the edition's language as globals and filters."""

from __future__ import annotations

import jinja2
import jinja2.bccache
import markupsafe

from site_builder.catalogue.jsonld import script_text
from site_builder.pages.editions import SOURCE_LANGUAGE, indicator_name
from site_builder.pages.formatting import (
    format_date,
    format_language,
    format_legal_basis,
    format_number,
    format_percent,
    format_period,
    format_plural,
    format_quantity,
    format_unit,
    format_value,
    is_web_url,
)
from site_builder.pages.language_marks import in_its_language, with_vietnamese_marked
from site_builder.pages.paths import indicator_path, page_url, province_path
from site_builder.pages.translations import Translations


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the life of the process, by template and source
    checksum (Jinja recompiles a template whose source changed). Each edition, and each rebuild
    of `site-builder serve`, makes its own environment; without this each compiled every template
    again (about 0.4 s)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()


def make_environment(t: Translations, templates: jinja2.BaseLoader | None = None) -> jinja2.Environment:
    """The Jinja environment of every page: autoescape on for all templates, strict undefined."""
    env = jinja2.Environment(
        loader=templates or jinja2.PackageLoader("site_builder", "templates"),
        autoescape=True,  # for every template, whatever its extension: .md pages carry HTML
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=COMPILED,
    )
    env.globals.update(
        t=t,
        is_web_url=is_web_url,
        province_url=lambda p: page_url(province_path(p)),
        indicator_url=lambda i: page_url(indicator_path(i.id)),
        page_url=page_url,
        indicator_name=lambda i: indicator_name(i, t),
        definition=lambda i: data_text(i, "definition", t),
        value_text=lambda fv: format_value(fv.figure.value, fv.figure.measure, fv.figure.qualifier, t),
        quantity=lambda fv: format_quantity(fv.figure.value, fv.figure.measure, fv.figure.qualifier, fv.indicator.unit, t),
        plural=lambda key, n, **params: format_plural(key, n, t, **params),
        unit_name=lambda unit: format_unit(unit, t),
        language_name=lambda code: format_language(code, t),
        data_text=lambda record, field, quoted_lang="en": data_text(record, field, t, quoted_lang),
        in_lang=lambda text, lang: in_its_language(text, lang, t.lang),
        tm=lambda key, **params: markupsafe.Markup(markupsafe.escape(t(key))).format(**params),
    )
    env.filters.update(
        num=lambda v: format_number(v, t),
        percent=lambda v: format_percent(v, t),
        date=lambda d: format_date(d, t),
        period=lambda f: format_period(f.period_start, f.period_end, t),
        size=lambda n: human_size(n, t),
        legal_basis=lambda text: format_legal_basis(text, t),
        ld_json=script_text,  # partials/jsonld.html: the page's schema.org Dataset, escaped for <script>
        code_spans=lambda text: code_spans(text, t.lang == SOURCE_LANGUAGE),
        vi_runs=with_vietnamese_marked,  # an English text's Vietnamese terms (a source's English title)
        # Text of the source language with Vietnamese names or terms in it (a chart's notes).
        vi_terms=lambda text: with_vietnamese_marked(text) if t.lang == SOURCE_LANGUAGE else markupsafe.escape(text),
    )
    env.tests["web_url"] = is_web_url
    return env


def data_text(record, field: str, t: Translations, quoted_lang: str = "en") -> markupsafe.Markup:
    """A data text (a figure's notes, a disagreement's explanation) in the edition's language: the
    column `<field>_<lang>` where the data has it (the words it quotes in single quotes from a
    source in `quoted_lang` marked), else the English column, marked lang="en"."""
    own = getattr(record, f"{field}_{t.lang}", "") or ""
    if own:
        return in_its_language(own, t.lang, t.lang, quoted_lang)
    return in_its_language(getattr(record, field) or "", SOURCE_LANGUAGE, t.lang)


def code_spans(text: str, english: bool = False) -> markupsafe.Markup:
    """Our own descriptions with `code` in backticks (a column's name, a value of the data):
    escaped, each backticked part in <code>, read as written in every language; in English text,
    the Vietnamese terms marked lang="vi"."""
    prose = with_vietnamese_marked if english else markupsafe.escape
    parts = str(text).split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: shown as it is
        return markupsafe.Markup(prose(text))
    return markupsafe.Markup("").join(
        markupsafe.Markup("<code>{}</code>").format(part) if i % 2 else prose(part) for i, part in enumerate(parts)
    )


def human_size(size: int, t: Translations) -> str:
    if size < 1024:
        return t("size.bytes", value=format_number(size, t))
    if size < 1024 * 1024:
        return t("size.kb", value=format_number(round(size / 1024, 1), t))
    return t("size.mb", value=format_number(round(size / 1024 / 1024, 1), t))
