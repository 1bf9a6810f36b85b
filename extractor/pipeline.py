"""The order of the steps, written once: text -> normalise -> sentences/tokens -> matches
-> records -> context -> report. `extract()` is the public entry point."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .article import Article
from .errors import error_entry
from .model import Report
from .normalize import normalize
from .report import build_report

# The spaCy components, in the order they run after the tokenizer.
STEPS = ("chiso_sentences", "chiso_matches", "chiso_context", "chiso_officials", "chiso_checks")


@lru_cache(maxsize=1)
def nlp() -> Language:
    pipeline = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "chiso.tokenizer.v1"}}})
    for name in STEPS:
        pipeline.add_pipe(name)
    return pipeline


def extract(text: str, id: str | None = None) -> Report:
    """Extract figures, documents and dates from one article's text."""
    art = run(text)
    return build_report(art, id)


def run(text: str) -> Article:
    """Run the pipeline and return the working state (for tests and debugging)."""
    if not isinstance(text, str):
        raise TypeError(f"extract() needs str, got {type(text).__name__}")
    normalized = normalize(text)
    pipeline = nlp()
    doc = pipeline.make_doc(normalized.text)
    doc._.chiso = Article(normalized)
    if not text.strip():
        doc._.chiso.errors.append(error_entry("E001"))
    for _name, proc in pipeline.pipeline:
        doc = proc(doc)
    return doc._.chiso
