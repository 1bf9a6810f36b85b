"""What the API answers besides the report itself: the request bodies, the checks view
(/v1/check), the error body, health and version. The report keeps its contract
(extractor.report.model.Report); these models only wrap it or select from it."""
from __future__ import annotations

from typing import Literal, Optional

import simplejson
from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

from ..report.model import SCHEMA_VERSION, Check, ErrorEntry, Report, _exact

Lang = Literal["en", "vi"]


class ExtractRequest(BaseModel):
    # strict: "html": 0 or "text": 5 is a mistake to report, not a value to coerce
    model_config = ConfigDict(extra="forbid", strict=True)
    text: str = Field(description="the article: plain text, or an HTML page with html=true")
    id: Optional[str] = Field(default=None, max_length=500, description="put into the report as its id")
    html: bool = Field(default=False, description="the text is an HTML page: its article text is extracted")


class CheckRequest(ExtractRequest):
    lang: Optional[Lang] = Field(default=None, description="language of the messages; "
                                                            "default: from Accept-Language, else en")


class CsvRequest(ExtractRequest):
    table: Literal["figures", "checks"] = "figures"


class CheckView(Check):
    """A check of the report with its `message` in the language asked (no message_vi)."""
    message_vi: SkipJsonSchema[None] = Field(default=None, exclude=True)


class Summary(BaseModel):
    consistent: int
    inconsistent: int
    unverifiable: int


class ChecksResponse(BaseModel):
    schema_version: Literal[1] = SCHEMA_VERSION
    id: Optional[str] = None
    lang: Lang
    summary: Summary
    checks: list[CheckView]
    figures: list[dict] = Field(description="the figures the checks use, as in the report")
    errors: list[ErrorEntry]


class ErrorDetail(BaseModel):
    status: int
    code: str = Field(description="too_large, invalid_request, timeout, not_text, not_found, internal …")
    message: str
    details: Optional[list[dict]] = None


class ErrorBody(BaseModel):
    error: ErrorDetail


class Health(BaseModel):
    status: Literal["ok"]
    workers: int
    busy: int


class Version(BaseModel):
    chiso: str
    schema_version: int
    python: str
    spacy: str
    fastapi: str


class DecodedText(BaseModel):
    text: str
    errors: list[ErrorEntry]


def checks_view(report: Report, lang: str) -> str:
    """The checks of a report with their messages in `lang`, and the figures they use;
    JSON with exact digits."""
    data = report.to_dict("python")
    used = {fid for c in report.checks for fid in c.figures}
    checks = []
    for c in data["checks"]:
        vi = c.pop("message_vi")
        if lang == "vi" and vi:
            c["message"] = vi
        checks.append(c)
    view = {
        "schema_version": SCHEMA_VERSION, "id": report.id, "lang": lang,
        "summary": {s: sum(1 for c in report.checks if c.status == s)
                    for s in ("consistent", "inconsistent", "unverifiable")},
        "checks": checks,
        "figures": [f for f in data["figures"] if f["id"] in used],
        "errors": data["errors"],
    }
    return simplejson.dumps(_exact(view), ensure_ascii=False, use_decimal=True)


def language(explicit: Optional[str], accept_language: Optional[str]) -> str:
    """`lang` if given, else the first of vi/en the Accept-Language header prefers, else en."""
    if explicit:
        return explicit
    best, best_q = "en", 0.0
    for part in (accept_language or "").split(","):
        tag, _, params = part.strip().partition(";")
        base = tag.strip().lower().split("-")[0]
        if base not in ("vi", "en"):
            continue
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if q > best_q:
            best, best_q = base, q
    return best
