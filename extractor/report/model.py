"""The report model: typed records, the JSON contract (../shared/spec/OUTPUT.md), its JSON Schema.

Field names are defined here once; the CLI, the evaluator and the tests read them from
these models. Values are `Decimal` inside and JSON numbers outside. `to_json()` writes
every number with its exact digits, in ordinary notation ("1500000000", "95.91",
"33.33333333333333333333333333"): read it back with `json.loads(s, parse_float=Decimal)`
to keep them. `to_dict()` gives JSON-ready Python values (an integral value as an int,
any other as the nearest float).
"""
from __future__ import annotations

import simplejson
from decimal import Decimal
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, PrivateAttr

SCHEMA_VERSION = 1


def _json_number(value: Decimal) -> int | float:
    if value == value.to_integral_value():
        return int(value)
    return float(value)


# In "json" mode (to_dict, the schema) a number; in "python" mode the Decimal itself,
# which to_json writes digit for digit.
JsonNumber = Annotated[Decimal, PlainSerializer(_json_number, return_type=Union[int, float], when_used="json")]


class _Digits(Decimal):
    """A Decimal that simplejson writes in ordinary notation, never with an exponent."""

    def __str__(self) -> str:
        return format(self, "f")


def _exact(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else _Digits(value)
    if isinstance(value, dict):
        return {k: _exact(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_exact(v) for v in value]
    return value

FigureKind = Literal["percent", "ratio", "change", "count", "money", "number"]
Qualifier = Literal["approx", "over", "under"]
Direction = Literal["increase", "decrease"]
Status = Literal["consistent", "inconsistent", "unverifiable"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Span(_Record):
    start: int = Field(description="offset of the first character, in the text as given")
    end: int = Field(description="offset after the last character (exclusive)")


# Fields that only one kind of figure carries; other kinds leave them out of their JSON.
_KIND_FIELDS = {
    "ratio": ("numerator", "denominator", "stated"),
    "change": ("direction", "reference_year", "of"),
}


class Figure(_Record):
    """A quantity the article states. Fields a kind does not use are left out of its JSON."""

    id: str
    kind: FigureKind
    text: str = Field(description="the text exactly as given: input[start:end]")
    start: int
    end: int
    value: Optional[JsonNumber] = Field(description="scaled value; a ratio's stated percent, or null")
    unit: Optional[str] = None
    decimals: Optional[int] = Field(default=None, description="decimals written in the number")
    qualifier: Optional[Qualifier] = None
    subject: Optional[str] = Field(default=None, description="the noun phrase the figure is about, where cheap to find")
    year: Optional[int] = Field(default=None, description="the year the text sets for the figure")
    sentence: int = Field(description="index of the sentence, from 0 (as the CLI, the CSV and the page count them)")
    rule: str = Field(description="name of the pattern rule that produced the figure")
    # ratio
    numerator: Optional[JsonNumber] = None
    denominator: Optional[JsonNumber] = None
    stated: Optional[Span] = Field(default=None, description="ratio: where its stated percent is written")
    # change
    direction: Optional[Direction] = None
    reference_year: Optional[int] = None
    of: Optional[str] = Field(default=None, description="change: id of the figure the change is about")
    # ranges ("7,5 - 15 triệu đồng"): the other end
    range_with: Optional[str] = None
    # claims: as written, where the text gives them; never guessed from outside the article
    measure: Optional[str] = Field(default=None, description="what the figure counts or measures: 'người chết', 'chuyến bay bị hủy'")
    period: Optional[str] = Field(default=None, description="the time it covers, as written: '6 tháng đầu năm 2017'")
    scope: Optional[str] = Field(default=None, description="the place or organisation it belongs to: 'cả nước'")

    def to_dict(self, mode: str = "json") -> dict[str, Any]:
        data = self.model_dump(mode=mode)
        for kind, names in _KIND_FIELDS.items():
            if self.kind != kind:
                for name in names:
                    data.pop(name, None)
        if data.get("stated") is None:
            data.pop("stated", None)
        if data.get("range_with") is None:
            data.pop("range_with", None)
        return data


class Official(_Record):
    id: str
    name: str
    rank: Optional[str] = None
    honorific: Optional[str] = None
    titles: list[str] = Field(default_factory=list, description="title segments, verbatim, merged across mentions")
    organizations: list[str] = Field(default_factory=list, description="organisations named in the titles, abbreviations expanded")
    mentions: list[Span] = Field(default_factory=list, description="every mention: rank or honorific and name")


class Document(_Record):
    id: str
    type: str
    number: str
    date: Optional[str] = Field(default=None, description="ISO date of issue, where the text gives it")
    issuer: Optional[str] = None
    text: str
    start: int
    end: int


class DateItem(_Record):
    text: str
    value: str = Field(description="ISO date")
    start: int
    end: int
    year_inferred: bool = Field(default=False, description="the text wrote no year; the article's only year was used")


class Check(_Record):
    id: str
    rule: str
    status: Status
    figures: list[str]
    reported: Optional[JsonNumber] = None
    computed: Optional[JsonNumber] = None
    interval: Optional[list[JsonNumber]] = None
    severity: Optional[Literal["rounding", "error"]] = None
    message: str
    message_vi: Optional[str] = None
    evidence: Optional[dict[str, Any]] = Field(
        default=None, description="how the text relates the figures: link, cue, complete, same_measure …")
    reason: Optional[str] = Field(default=None, description="unverifiable: why (no_total, partial_list, unit_mismatch …)")
    sentence: Optional[int] = Field(default=None, description="index, from 0, of the sentence the verdict is read from (the last one it uses); "
                                    "the CLI, the CSV and the page count sentences the same way")


class ErrorEntry(_Record):
    code: str
    message: str


class Report(_Record):
    schema_version: Literal[1] = SCHEMA_VERSION
    id: Optional[str] = None
    offsets: Literal["input", "converted", "extracted"] = Field(
        default="input", description="what the spans index: the input as given, or the text chiso converted "
                                     "(legacy encoding) or extracted (HTML) from it, which is then in source_text")
    source_text: Optional[str] = Field(default=None, description="the text the spans index, when it is not the input")
    figures: list[Figure] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)
    dates: list[DateItem] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)
    errors: list[ErrorEntry] = Field(default_factory=list)
    # The text the spans index (the input, or source_text), for showing verdicts in place;
    # not part of the contract.
    _text: Optional[str] = PrivateAttr(default=None)

    @property
    def text(self) -> str | None:
        return self._text

    def to_dict(self, mode: str = "json") -> dict[str, Any]:
        """The contract as Python values ("json" mode: numbers as int/float; "python":
        numbers as Decimal)."""
        data = self.model_dump(mode=mode)
        data["figures"] = [f.to_dict(mode) for f in self.figures]
        if data.get("source_text") is None:
            data.pop("source_text", None)
        return data

    def to_json(self, pretty: bool = False) -> str:
        """The contract as JSON, every number with its exact digits."""
        return exact_json(self.to_dict("python"), pretty)


def exact_json(value: Any, pretty: bool = False) -> str:
    """A report, or a part of one (a record's dict), as JSON the way to_json writes it."""
    return simplejson.dumps(_exact(value), ensure_ascii=False, use_decimal=True, indent=2 if pretty else None)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of what `Report.to_dict()` returns (serialisation mode)."""
    schema = Report.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://chiso.invalid/report.schema.json"
    schema["title"] = f"chiso report (schema_version {SCHEMA_VERSION})"
    return schema
