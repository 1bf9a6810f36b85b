"""spaCy components, registered as factories: each does one step on a Doc.

Each component reads and writes the article state kept in `doc._.chiso_state` (an Article);
the span groups doc.spans["figures"|"dates"|"documents"] are set for spaCy users. The
order in which they run is written once, in pipeline.py.
"""
from __future__ import annotations

import numpy
import regex
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from .. import checks, claims
from ..records import context, dates, document_links, documents, figures, officials
from ..records.article import Article, DateDraft, DocumentDraft, FigureDraft
from ..report.errors import error_entry
from ..patterns.matcher import DEFAULT_TIMEOUT, find_candidates, resolve
from ..records.numbers import MAX_DIGITS
from ..patterns.normal_form import Normalized
from ..patterns import load_patterns
from ..text.segment import ChisoTokenizer, split_sentences

if not Doc.has_extension("chiso_state"):
    Doc.set_extension("chiso_state", default=None)

_LONG_NUMBER = regex.compile(r"\d{%d,}" % (MAX_DIGITS + 1))
PRODUCTIONS = {**figures.PRODUCTIONS, **dates.PRODUCTIONS, **documents.PRODUCTIONS}


@registry.tokenizers("chiso.tokenizer.v1")
def create_tokenizer():
    def make(nlp):
        return ChisoTokenizer(nlp.vocab)
    return make


def _article(doc: Doc) -> Article:
    if doc._.chiso_state is None:
        doc._.chiso_state = Article(Normalized(doc.text, doc.text))
    return doc._.chiso_state


@Language.component("chiso_sentences")
def sentences(doc: Doc) -> Doc:
    """Abbreviation-aware sentence boundaries (segment.split_sentences) onto the tokens."""
    art = _article(doc)
    spans = split_sentences(art.text)       # art.text is doc.text, without joining every token again
    art.set_sentences(spans)
    # One array write instead of a property set per token (which re-checks the whole doc).
    if len(doc):
        offsets = doc.to_array([IDX]).astype("int64").reshape(-1)
        values = numpy.where(numpy.isin(offsets, [s for s, _ in spans]), 1, -1)
        values[0] = 1
        doc.from_array([SENT_START], values.astype("int64").reshape(-1, 1).astype("uint64"))
    return doc


def _is_span_rule(rule) -> bool:
    return not rule.produce.startswith(("context.", "official."))


@Language.factory("chiso_matches", default_config={"timeout": DEFAULT_TIMEOUT})
def make_matches(nlp: Language, name: str, timeout: float):
    rules = [r for r in load_patterns().rules if _is_span_rule(r)]

    def matches(doc: Doc) -> Doc:
        """Run every span rule, settle overlaps, keep the records the productions made."""
        art = _article(doc)
        if _LONG_NUMBER.search(art.text):
            art.errors.append(error_entry("E008", f"more than {MAX_DIGITS} digits"))
        candidates = find_candidates(art.text, rules, art.errors, timeout)
        art.accepted = resolve(candidates, PRODUCTIONS, art)
        for acc in art.accepted:
            for rec in acc.records:
                if isinstance(rec, FigureDraft):
                    art.figures.append(rec)
                elif isinstance(rec, DateDraft):
                    art.dates.append(rec)
                elif isinstance(rec, DocumentDraft):
                    art.documents.append(rec)
        art.figures.sort(key=lambda f: (f.q_start, f.start))
        dates.infer_years(art)
        document_links.share_issuers(art)
        document_links.share_mentions(art)
        _span_groups(doc, art)
        return doc

    return matches


def _span_groups(doc: Doc, art: Article) -> None:
    for key, records in (("figures", art.figures), ("dates", art.dates), ("documents", art.documents)):
        spans = []
        for rec in records:
            span = doc.char_span(rec.start, rec.end, alignment_mode="expand")
            if span is not None:
                spans.append(Span(doc, span.start, span.end, label=getattr(rec, "kind", key[:-1])))
        doc.spans[key] = spans


@Language.component("chiso_context")
def context_step(doc: Doc) -> Doc:
    """Qualifiers, changes and their reference years, years, links and subjects."""
    context.apply(_article(doc))
    return doc


@Language.factory("chiso_officials", default_config={"timeout": DEFAULT_TIMEOUT})
def make_officials(nlp: Language, name: str, timeout: float):
    rules = [r for r in load_patterns().rules if r.produce.startswith("official.")]

    def find_officials(doc: Doc) -> Doc:
        """People and bylines: their own rules, matched apart from the figures (a title
        such as "Chính ủy Quân khu 9" may hold a number that the figure rules excluded)."""
        art = _article(doc)
        candidates = find_candidates(art.text, rules, art.errors, timeout)
        accepted = resolve(candidates, officials.PRODUCTIONS, art)
        art.person_mentions = [m for acc in accepted for m in acc.records]
        art.officials = officials.merge(art, art.person_mentions)
        spans = []
        for m in art.person_mentions:
            if m.official is not None:
                span = doc.char_span(m.mention_start, m.mention_end, alignment_mode="expand")
                if span is not None:
                    spans.append(Span(doc, span.start, span.end, label="PER"))
        doc.spans["officials"] = spans
        return doc

    return find_officials


@Language.component("chiso_claims")
def claims_step(doc: Doc) -> Doc:
    """What each figure measures, its period and its scope: the claims the checker reads."""
    claims.annotate(_article(doc))
    return doc


@Language.component("chiso_checks")
def check_step(doc: Doc) -> Doc:
    """Redo the arithmetic the text states, with the stated precision's intervals."""
    art = _article(doc)
    art.checks = checks.run(art)
    return doc
