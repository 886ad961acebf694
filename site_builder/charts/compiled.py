"""This process's compiled chart templates, by layout: each compiled by Altair (kinds.py) on first
use, or taken from what the chart cache kept. Apart from template.py, which kinds.py builds on,
so that importing the fill-in code never imports Altair or makes a cycle."""

from __future__ import annotations

from typing import Hashable

from site_builder.charts.template import Template, template_text


class Templates:
    """The templates of this process, by layout (any hashable value kinds.py knows how to draw):
    compiled on first use, Altair imported then, or taken from the texts a cache kept."""

    def __init__(self):
        self._templates: dict[Hashable, Template] = {}
        self._kept: dict[str, str] = {}  # repr(layout) -> text, from a cache
        self.compiled: dict[str, str] = {}  # repr(layout) -> text, compiled by this process

    def __getitem__(self, layout: Hashable) -> Template:
        template = self._templates.get(layout)
        if template is None:
            key = repr(layout)
            text = self._kept.get(key)
            if text is None:
                from site_builder.charts import kinds  # imports Altair: only when a layout is new

                text = self.compiled[key] = template_text(kinds.spec_dict(layout))
            template = self._templates[layout] = Template(text)
        return template

    def keep(self, texts: dict[str, str]) -> None:
        """Use these compiled texts (repr(layout) -> text: a cache's, a worker's) instead of compiling."""
        self._kept.update(texts)

    def texts(self) -> dict[str, str]:
        """Every compiled text known, to keep for the next build."""
        return {**self._kept, **self.compiled}


def every_template() -> dict[str, str]:
    """Every layout of every kind compiled (repr(layout) -> text): what a first build does in a
    process of its own beside validation (workers.py), so that it does not wait for Altair."""
    from site_builder.charts import kinds

    return {repr(layout): template_text(kinds.spec_dict(layout)) for layout in kinds.every_layout()}
