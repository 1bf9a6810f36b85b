"""The pipeline: the order of the steps, written once, and the entry points.

Takes an article (text, bytes or a path) and gives its Report. `steps` holds the order
(text → normal form → sentences → matches → records → context → officials →
claims → checks) and the chunking of long articles; `components` registers each step as
a spaCy factory; `parts` makes one report of a long article's parts; `build` turns the working state (records.article.Article) into the
report of the contract. Everything below (text, patterns, records, claims, checks)
is called from here; nothing below imports this package."""
from .steps import CHUNK, STEPS, extract, extract_bytes, extract_json, nlp, run, run_doc, warm, write_json

__all__ = ["CHUNK", "STEPS", "extract", "extract_bytes", "extract_json", "nlp", "run", "run_doc", "warm", "write_json"]
