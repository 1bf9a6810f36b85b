"""The order of the steps, written once: text -> normalise -> sentences/tokens -> matches
-> records -> context -> report. `extract()` is the public entry point."""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Iterator
from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from ..records.article import Article
from ..report.errors import error_entry
from ..report.model import Report
from ..patterns.normal_form import normalize
from ..text.inputs import HTML_SUFFIXES, read_bytes, read_text
from ..report.model import ErrorEntry
from .build import build_report
from .parts import JsonSections, PartMerger

# The spaCy components, in the order they run after the tokenizer.
STEPS = ("chiso_sentences", "chiso_matches", "chiso_context", "chiso_officials", "chiso_claims", "chiso_checks")


@lru_cache(maxsize=1)
def nlp() -> Language:
    pipeline = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "chiso.tokenizer.v1"}}})
    for name in STEPS:
        pipeline.add_pipe(name)
    return pipeline


def warm() -> None:
    """Load everything the pipeline loads lazily (spaCy, the word segmenter and tagger,
    the rules, the checker) by extracting the warm-up text once. Workers call this before
    their first article, so that no article's time limit pays for the loading."""
    from ..patterns import load_patterns

    extract(load_patterns().table("warm_up"))


# Longer articles are cut into parts of about this many characters, at line breaks, so
# that time stays linear and memory bounded (a 10 MB article is ~50 parts).
CHUNK = 200_000


def extract(text: str | bytes | os.PathLike, id: str | None = None, html: bool = False) -> Report:
    """Extract figures, officials, documents, dates and checks from one article.

    `text` may be in a legacy encoding (TCVN3, VNI: converted, and said so in `errors`)
    or, with html=True, an HTML page (its text is extracted). Spans then index the
    converted or extracted text, which the report carries as `source_text`.

    Bytes and paths are read as `chiso extract FILE` reads a file: the encoding found
    (BOMs, UTF-16, legacy Vietnamese), a path's name as the default id, HTML by its
    suffix (.html, .htm). NotText is raised for what is not text (a PDF, an image)."""
    if isinstance(text, str):
        return _extract_decoded(read_text(text, html_input=html), id)
    if isinstance(text, (bytes, bytearray, memoryview)):
        return extract_bytes(bytes(text), id, html)
    if isinstance(text, os.PathLike):
        path = Path(text)
        return extract_bytes(path.read_bytes(), id if id is not None else path.stem,
                             html or path.suffix.lower() in HTML_SUFFIXES)
    raise TypeError(f"extract() takes the article as str, bytes or a path (os.PathLike), "
                    f"not {type(text).__name__}; for many articles use extractor.interfaces.batch.run_batch or chiso batch")


def extract_bytes(raw: bytes, id: str | None = None, html: bool = False) -> Report:
    """Like extract(), from bytes: BOMs, UTF-16, bad UTF-8 bytes and legacy encodings handled."""
    if not isinstance(raw, (bytes, bytearray, memoryview)):
        raise TypeError(f"extract_bytes() takes bytes, not {type(raw).__name__}; extract() takes str, bytes or a path")
    return _extract_decoded(read_bytes(raw, html_input=html), id)


def _extract_decoded(decoded, id: str | None) -> Report:
    source = decoded.text
    if len(source) > CHUNK:
        starts = _part_starts(source)
        merger = PartMerger(id)
        for part, shift in _part_reports(source, starts, id):
            merger.add(part, shift)
        return _finish(merger.merged, decoded, len(starts))
    return _finish(build_report(run(source), id), decoded, 1)


def _finish(report: Report, decoded, parts: int) -> Report:
    """What the whole article adds to its report: the decoding's errors, the parts' count
    (E009), the text the spans index."""
    source = decoded.text
    if parts > 1:
        report.errors.append(ErrorEntry(**error_entry("E009", f"{parts} parts")))
    report.errors[:0] = [ErrorEntry(**e) for e in decoded.errors]
    report._text = source
    if decoded.offsets != "input":
        report.offsets = decoded.offsets
        report.source_text = source
    return report


def _part_reports(source: str, starts: list[int], id: str | None):
    """Each part's report and where the part starts, one part at a time."""
    for a, b in zip(starts, starts[1:] + [len(source)]):
        yield build_report(run(source[a:b]), id), a


def extract_json(text: str | bytes | os.PathLike, id: str | None = None, html: bool = False) -> tuple[str, list[str]]:
    """extract(...).to_json() and the report's error codes, the same bytes, in a fraction
    of the memory for a long article: each part's records are written out as JSON as the
    part is done, and the part's objects let go (a 10 MB article of dense figures holds
    some 100 MB of JSON text instead of ~800 MB of objects)."""
    if isinstance(text, str):
        decoded = read_text(text, html_input=html)
    elif isinstance(text, (bytes, bytearray, memoryview)):
        decoded = read_bytes(bytes(text), html_input=html)
    elif isinstance(text, os.PathLike):
        path = Path(text)
        decoded = read_bytes(path.read_bytes(), html_input=html or path.suffix.lower() in HTML_SUFFIXES)
        id = id if id is not None else path.stem
    else:
        raise TypeError(f"extract_json() takes the article as str, bytes or a path, not {type(text).__name__}")
    pieces, codes = _json_pieces(decoded, id)
    return "".join(pieces), codes


def write_json(raw: bytes, out, id: str | None = None, html: bool = False) -> list[str]:
    """extract_bytes(raw).to_json() written to OUT (a text stream) piece by piece, so that a
    long article's report never exists as one string; returns the error codes."""
    pieces, codes = _json_pieces(read_bytes(raw, html_input=html), id)
    for piece in pieces:
        out.write(piece)
    return codes


def _json_pieces(decoded, id: str | None) -> tuple[list[str] | Iterator[str], list[str]]:
    if len(decoded.text) <= CHUNK:
        report = _extract_decoded(decoded, id)
        return [report.to_json()], [e.code for e in report.errors]
    starts = _part_starts(decoded.text)
    merger, sections = PartMerger(id), JsonSections()
    for part, shift in _part_reports(decoded.text, starts, id):
        merger.add(part, shift)
        sections.take(merger.merged)     # the part's figures, documents, dates, checks as JSON
    head = _finish(merger.merged, decoded, len(starts))
    return sections.pieces(head), [e.code for e in head.errors]


def _part_starts(text: str) -> list[int]:
    starts = [0]
    while len(text) - starts[-1] > CHUNK:
        cut = text.rfind("\n", starts[-1] + CHUNK // 2, starts[-1] + CHUNK)
        if cut < 0:
            cut = text.rfind(". ", starts[-1] + CHUNK // 2, starts[-1] + CHUNK)
            cut = cut + 1 if cut >= 0 else starts[-1] + CHUNK
        starts.append(cut + 1 if text[cut:cut + 1] == "\n" else cut)
    return starts


@lru_cache(maxsize=1)
def _steps() -> tuple:
    from .components import article_steps

    return tuple(article_steps())


def run(text: str) -> Article:
    """Run the steps and return the working state (for tests and debugging). The same
    steps as nlp()'s components, on the Article alone: no spaCy Doc is built."""
    if not isinstance(text, str):
        raise TypeError(f"run() takes str, not {type(text).__name__}; extract() reads bytes and paths")
    art = Article(normalize(text))
    if not text.strip():
        art.errors.append(error_entry("E001"))
    for step in _steps():
        step(art)
    return art


def run_doc(text: str):
    """The pipeline as spaCy components on a Doc (sentences and span groups on the tokens)."""
    normalized = normalize(text)
    pipeline = nlp()
    doc = pipeline.make_doc(normalized.text)
    doc._.chiso_state = Article(normalized)
    if not text.strip():
        doc._.chiso_state.errors.append(error_entry("E001"))
    for _name, proc in pipeline.pipeline:
        doc = proc(doc)
    return doc
