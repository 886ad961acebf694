"""The typed model of the reform data: plain frozen dataclasses, one per resource.

Field names are the package's column names: the loader fills each record from the row typed
by the schema (dataset/schema_types.py). Dates stay ISO strings (YYYY, YYYY-MM or YYYY-MM-DD)
because figures carry partial dates and string order is date order for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    id: str
    kind: str
    title: str
    publisher: str
    url: str
    published: str
    language: str
    translated_from: str = ""
    republished_by: str = ""
    original_url: str = ""  # a translation's original, in translated_from (url is the translation's own)
    version: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Province:
    id: str
    gso_code: str
    name_vi: str
    name_en: str
    slug: str
    type: str
    valid_from: str
    valid_to: str
    source_id: str

    @property
    def is_current(self) -> bool:
        """True for the 34 units that exist since 1 July 2025 (no end date), not the country."""
        return not self.valid_to and not self.is_country

    @property
    def is_country(self) -> bool:
        """True for the whole of Vietnam (id vn), the place of national figures."""
        return self.type == "country"


@dataclass(frozen=True)
class Succession:
    predecessor_id: str
    successor_id: str
    effective: str
    kind: str  # "merged" or "continued"
    unit_share: float | None
    legal_basis: str
    source_id: str


@dataclass(frozen=True)
class UnitResolution:
    """The Standing Committee's resolution that arranged a current province's commune-level units."""

    province_id: str  # p34-..
    resolution: str  # the number as the source writes it; "" when it gives none
    adopted: str
    source_id: str
    quote: str  # verbatim, in the source's language
    notes: str
    notes_vi: str = ""  # our Vietnamese translation of notes ("" where not translated yet)


@dataclass(frozen=True)
class UnitCount:
    province_id: str
    as_of: str
    districts: int | None
    communes: int
    wards: int
    townships: int | None
    special_zones: int | None
    total: int
    source_id: str


@dataclass(frozen=True)
class Indicator:
    id: str
    name_en: str
    name_vi: str
    unit: str
    level: str
    definition: str
    fewer_is_streamlined: bool | None
    definition_vi: str = ""
    theme: str = "other"  # agencies, party, public-services, staff, territory, procedures, other
    core: bool = False  # one of the comparable indicators, compared across provinces on its page


@dataclass(frozen=True)
class Figure:
    id: str
    province_id: str
    area: str
    indicator_id: str
    measure: str
    value: float
    qualifier: str
    period_start: str
    period_end: str
    source_id: str
    quote: str
    quote_en: str = ""
    notes: str = ""
    status: str = "result"  # result, plan, target or cumulative (vocabulary.STATUSES)
    # Our Vietnamese translations of area and notes ("" where not translated yet); never of a quote.
    area_vi: str = ""
    notes_vi: str = ""

    def __post_init__(self):
        # An empty cell is a result (the builder's own fixtures are built without validation).
        if not self.status:
            object.__setattr__(self, "status", "result")


@dataclass(frozen=True)
class Disagreement:
    id: str
    province_id: str
    indicator_id: str
    figure_ids: tuple[str, ...]
    stated_value: float | None
    registry_value: float | None
    registry_source_id: str
    explanation: str
    explanation_vi: str = ""  # our Vietnamese translation ("" where not translated yet)

    def __post_init__(self):
        # The column holds figure ids separated by spaces.
        if isinstance(self.figure_ids, str):
            object.__setattr__(self, "figure_ids", tuple(self.figure_ids.split()))


@dataclass(frozen=True)
class ChangelogEntry:
    """One release of the data: a heading (version and date) and its items, as plain text."""

    heading: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class District:
    """A district-level unit on 30 June 2025 (the level was abolished on 1 July 2025)."""

    code: str
    name: str
    full_name: str
    type: str  # rural_district / urban_district / town / city
    province_id: str  # p63-..


@dataclass(frozen=True)
class FormerUnit:
    """A commune-level unit on 30 June 2025."""

    code: str  # 5-digit GSO code
    name: str
    full_name: str
    type: str  # commune / ward / township
    district_code: str
    province_id: str  # p63-..


@dataclass(frozen=True)
class CurrentUnit:
    """A commune-level unit since 1 July 2025."""

    code: str
    name: str
    full_name: str
    type: str  # commune / ward / special_zone
    province_id: str  # p34-..
    area_km2: float | None = None


@dataclass(frozen=True)
class UnitLink:
    """Where a former unit went: one row per (former unit, current unit). A district without
    commune-level units (some islands) has an empty former_code and its district code."""

    former_code: str
    former_district_code: str
    current_code: str
    divided: bool | None  # the former unit went to several current ones
    is_main: bool | None  # this current unit took the main part (None: the source does not say)


@dataclass(frozen=True)
class Units:
    """The units package: districts and commune-level units on each side of the reform."""

    districts: tuple[District, ...] = ()
    former: tuple[FormerUnit, ...] = ()
    current: tuple[CurrentUnit, ...] = ()
    links: tuple[UnitLink, ...] = ()


@dataclass(frozen=True)
class Dataset:
    """Everything the loader read, typed; each tuple in file order."""

    sources: tuple[Source, ...]
    provinces: tuple[Province, ...]  # the 63 former and 34 current provinces, not the country
    successions: tuple[Succession, ...]
    unit_counts: tuple[UnitCount, ...]
    indicators: tuple[Indicator, ...]
    figures: tuple[Figure, ...]
    disagreements: tuple[Disagreement, ...]
    changelog: tuple[ChangelogEntry, ...] = ()
    units: Units = Units()
    country: Province | None = None  # the row of provinces.csv for Vietnam as a whole (vn)
    unit_resolutions: tuple[UnitResolution, ...] = ()


@dataclass(frozen=True)
class RawPackage:
    """The package as files say it, for the downloads: descriptor and rows of raw cell text."""

    descriptor: dict = field(hash=False, compare=False)
    tables: dict = field(hash=False, compare=False)  # resource name -> list[dict[str, str]]
    others: dict = field(default_factory=dict, hash=False, compare=False)  # other packages by name: units -> RawPackage
