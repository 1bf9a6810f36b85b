"""`nlp.add_pipe("chiso")`: chiso's report on any Vietnamese spaCy pipeline.

The component reads `doc.text` and calls `extract()` on it, so it works on characters and
never depends on the tokens the user's pipeline made (pyvi words, whitespace tokens or
anything else); only at the end are the report's character spans mapped onto those tokens.

What it sets:
- `doc._.chiso`: the `Report`, equal to what `extract(doc.text)` returns.
- `doc.spans["chiso"]` (config `spans_key`): one span a record, labelled FIGURE_<KIND>,
  OFFICIAL (one span a mention), DOCUMENT or DATE. `span.id_` leads back to the record:
  the record's id ("f3", "p1", "d2"); dates have no id in the report, so a date's span
  carries its position in `report.dates` ("0", "1" ...). `span._.chiso_record` returns the
  record itself. The group's `attrs` say what the spans index and how many records could
  not be placed on tokens.

Where a record starts or ends inside a token, its span takes the whole token (config
`alignment_mode`, default "expand"; "strict" skips such records instead, "contract" keeps
the tokens inside). The record's exact characters stay in the report.

The report is kept as a `Report` everywhere, also after `nlp.pipe(texts, n_process=2)` and
in a DocBin: spaCy sends documents between processes as msgpack, which cannot write a
pydantic model, so this module teaches srsly's msgpack to write a Report as its exact JSON
(and its text) and to read it back as a Report. A process reads it back as a Report once
this module is imported (adding the pipe, or loading a pipeline that has it, does that);
elsewhere it stays the plain dict {"__chiso_report__": <JSON>, "text": ...}.
"""
from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Iterator

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..report.model import Report
from ..pipeline import extract

EXTENSION = "chiso"
RECORD_EXTENSION = "chiso_record"
DEFAULT_SPANS_KEY = "chiso"
ALIGNMENT_MODES = ("expand", "strict", "contract")
OFFICIAL, DOCUMENT, DATE = "OFFICIAL", "DOCUMENT", "DATE"
_FIGURE = "FIGURE_"
# The key under which a Report travels in msgpack; unlikely in anyone else's data.
_MSGPACK_KEY = "__chiso_report__"


# --- the component ------------------------------------------------------------------

class ChisoComponent:
    """A plain class (not a closure) so that the pipeline pickles: `nlp.pipe(n_process=...)`
    with the spawn start method sends the components to the workers by pickle. It holds no
    model of its own: extract() keeps chiso's private pipeline cached per process."""

    def __init__(self, name: str = "chiso", spans_key: str = DEFAULT_SPANS_KEY,
                 alignment_mode: str = "expand"):
        # Checked here, at add_pipe, rather than on the first doc by char_span.
        if alignment_mode not in ALIGNMENT_MODES:
            raise ValueError(f"alignment_mode must be one of {ALIGNMENT_MODES}, not {alignment_mode!r}")
        self.name = name
        self.spans_key = spans_key
        self.alignment_mode = alignment_mode

    def __call__(self, doc: Doc) -> Doc:
        report = extract(doc.text)
        doc._.set(EXTENSION, report)
        spans, unmapped = _spans(doc, report, self.alignment_mode)
        doc.spans[self.spans_key] = spans
        group = doc.spans[self.spans_key]
        # SpanGroup attrs survive Doc.to_bytes, so the note reaches n_process callers too.
        group.attrs["offsets"] = report.offsets
        group.attrs["unmapped"] = unmapped
        if report.offsets != "input":
            group.attrs["note"] = (f"offsets are {report.offsets!r}: the report's spans index "
                                   "report.source_text, not doc.text, so no spans were set")
        return doc


@Language.factory("chiso", default_config={"spans_key": DEFAULT_SPANS_KEY, "alignment_mode": "expand"})
def make_chiso(nlp: Language, name: str, spans_key: str, alignment_mode: str) -> ChisoComponent:
    """The factory spaCy calls for add_pipe("chiso"); also reachable through the
    `spacy_factories` entry point, so no import of extractor is needed first."""
    return ChisoComponent(name, spans_key, alignment_mode)


# --- records to spans ---------------------------------------------------------------

def _spans(doc: Doc, report: Report, alignment_mode: str = "expand") -> tuple[list[Span], int]:
    """The spans of every record that maps onto the doc's tokens, and how many did not.

    Spans are only set when the report indexes doc.text: after a legacy-encoding or
    mojibake conversion they index report.source_text, and spans cut from doc.text at
    those offsets would show the wrong characters."""
    records = list(_records(report))
    if report.offsets != "input":
        return [], len(records)
    spans = []
    for start, end, label, record_id in records:
        # A record may start or end inside a token: pyvi joins syllables into words and
        # whitespace tokens keep their punctuation (a figure before a comma ends inside a token).
        span = doc.char_span(start, end, label=label, alignment_mode=alignment_mode, span_id=record_id)
        if span is not None:
            spans.append(span)
    return spans, len(records) - len(spans)


def _records(report: Report) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, label, id) for every record, in the report's order."""
    for figure in report.figures:
        yield figure.start, figure.end, _FIGURE + figure.kind.upper(), figure.id
    for official in report.officials:
        for mention in official.mentions:
            yield mention.start, mention.end, OFFICIAL, official.id
    for document in report.documents:
        yield document.start, document.end, DOCUMENT, document.id
    for index, date in enumerate(report.dates):
        yield date.start, date.end, DATE, str(index)


def record_of(span: Span) -> Any:
    """The report's record a span stands for (a Figure, Official, Document or DateItem),
    or None when the doc has no report or the span is not one of the component's."""
    report = span.doc._.get(EXTENSION)
    if not isinstance(report, Report):
        return None
    label, key = span.label_, span.id_
    if label == DATE:
        return report.dates[int(key)] if key.isdigit() and int(key) < len(report.dates) else None
    if label.startswith(_FIGURE):
        pool = report.figures
    else:
        pool = {OFFICIAL: report.officials, DOCUMENT: report.documents}.get(label, [])
    return next((record for record in pool if record.id == key), None)


# --- the report through msgpack -----------------------------------------------------

def _encode_report(obj: Any, chain=None) -> Any:
    """srsly msgpack encoder: a Report as its exact JSON (numbers digit for digit) and the
    text its spans index, which the JSON contract leaves out."""
    if isinstance(obj, Report):
        return {_MSGPACK_KEY: obj.to_json(), "text": obj.text}
    return obj if chain is None else chain(obj)


def _decode_report(obj: Any, chain=None) -> Any:
    """srsly msgpack decoder: the Report back from what _encode_report wrote."""
    if isinstance(obj, dict) and _MSGPACK_KEY in obj:
        return report_from_json(obj[_MSGPACK_KEY], obj.get("text"))
    return obj if chain is None else chain(obj)


def report_from_json(data: str, text: str | None = None) -> Report:
    """A Report from `Report.to_json()`; numbers are read as Decimal so none loses a digit."""
    report = Report.model_validate(json.loads(data, parse_float=Decimal))
    report._text = text
    return report


def _register() -> None:
    """Register the extensions and the msgpack hooks once, whoever imported us first
    (the entry point, a worker process, a test)."""
    if not Doc.has_extension(EXTENSION):
        Doc.set_extension(EXTENSION, default=None)
    if not Span.has_extension(RECORD_EXTENSION):
        Span.set_extension(RECORD_EXTENSION, getter=record_of)
    srsly.msgpack_encoders.register("chiso_report", func=_encode_report)
    srsly.msgpack_decoders.register("chiso_report", func=_decode_report)


_register()
