"""Language cells hold ISO 639-1 codes."""

from __future__ import annotations

import attrs

from site_builder.validate.checks.base import ReformCellError, ReformCheck
from site_builder.validate.checks.rule import Columnar, Fault, Rule

# ISO 639-1: the two-letter language codes.
LANGUAGES = frozenset(
    """
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo
es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki
kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr
nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th
ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu""".split()
)


# The fix every problem of this rule gives (its RULE declares it).
FIX = "use two lower-case letters such as vi, en, pl, nl"


class LanguageCodeError(ReformCellError):
    type = "reform-language-code"
    title = "Unknown language code"


@attrs.define(kw_only=True, repr=False)
class language_codes(ReformCheck):
    """Language cells hold a lower-case ISO 639-1 code (en, vi, pl, nl ...)."""

    type = "reform-language-codes"
    Errors = [LanguageCodeError]
    resource_name = "sources"
    fields: tuple = ("language", "translated_from")

    def check_row(self, row, cells):
        for name in self.fields:
            text = cells.get(name, "")
            if text and text not in LANGUAGES:
                yield LanguageCodeError.from_row(
                    row,
                    field_name=name,
                    note=(f'{name} "{text}" is not an ISO 639-1 language code; {FIX}.'),
                )


def _english(rows):
    rows[0]["language"] = "english"


RULE = Rule(
    error=LanguageCodeError,
    fix=FIX,
    check=language_codes,
    columnar=Columnar(elsewhere="sources.csv only"),
    fault=Fault("reform", "sources", _english),
    explains_the_value=True,
)
