"""The steps, each a function on the article state (an Article), and each registered as a
spaCy component that runs it on a Doc.

`article_steps()` is what extract() runs: the Article alone, no Doc. The components read and
write the same state, kept in `doc._.chiso_state`, and also set what only a spaCy user
reads: sentence starts on the tokens, the span groups doc.spans["figures"|"dates"|
"documents"|"officials"]. The order in which they run is written once, in steps.py.
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


def sentence_step(art: Article) -> None:
    """Abbreviation-aware sentence boundaries (segment.split_sentences)."""
    art.set_sentences(split_sentences(art.text))


@Language.component("chiso_sentences")
def sentences(doc: Doc) -> Doc:
    """The sentence boundaries, and onto the tokens."""
    art = _article(doc)
    sentence_step(art)
    _sentence_starts(doc, [start for start, _ in art.sentences])
    return doc


def _sentence_starts(doc: Doc, starts: list[int]) -> None:
    # One array write instead of a property set per token (which re-checks the whole doc).
    if len(doc):
        offsets = doc.to_array([IDX]).astype("int64").reshape(-1)
        values = numpy.where(numpy.isin(offsets, starts), 1, -1)
        values[0] = 1
        doc.from_array([SENT_START], values.astype("int64").reshape(-1, 1).astype("uint64"))


def _is_span_rule(rule) -> bool:
    return not rule.produce.startswith(("context.", "official."))


def match_step(rules: list, timeout: float):
    def matches(art: Article) -> None:
        """Run every span rule, settle overlaps, keep the records the productions made."""
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
        document_links.dates_opening_the_clause(art)
        document_links.share_mentions(art)

    return matches


def _on_doc(step, span_groups):
    """A step as a spaCy component: run on the Doc's Article, then its span groups set."""
    def component(doc: Doc) -> Doc:
        art = _article(doc)
        step(art)
        span_groups(doc, art)
        return doc

    return component


@Language.factory("chiso_matches", default_config={"timeout": DEFAULT_TIMEOUT})
def make_matches(nlp: Language, name: str, timeout: float):
    return _on_doc(match_step(span_rules(), timeout), _span_groups)


def span_rules() -> list:
    return [r for r in load_patterns().rules if _is_span_rule(r)]


def official_rules() -> list:
    return [r for r in load_patterns().rules if r.produce.startswith("official.")]


def _char_spans(doc: Doc, places) -> list[Span]:
    """Spans on the Doc's tokens for (start, end, label) character places (widened to whole
    tokens; a place no token covers is left out)."""
    spans = []
    for start, end, label in places:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            spans.append(Span(doc, span.start, span.end, label=label))
    return spans


def _span_groups(doc: Doc, art: Article) -> None:
    for key, records in (("figures", art.figures), ("dates", art.dates), ("documents", art.documents)):
        doc.spans[key] = _char_spans(doc, ((r.start, r.end, getattr(r, "kind", key[:-1])) for r in records))


def context_step(art: Article) -> None:
    """Qualifiers, changes and their reference years, years, links and subjects."""
    context.apply(art)


@Language.component("chiso_context")
def context_component(doc: Doc) -> Doc:
    context_step(_article(doc))
    return doc


def official_step(rules: list, timeout: float):
    def find_officials(art: Article) -> None:
        """People and bylines: their own rules, matched apart from the figures (a title
        such as "Chính ủy Quân khu 9" may hold a number that the figure rules excluded)."""
        candidates = find_candidates(art.text, rules, art.errors, timeout)
        accepted = resolve(candidates, officials.PRODUCTIONS, art)
        art.person_mentions = [m for acc in accepted for m in acc.records]
        art.officials = officials.merge(art, art.person_mentions)

    return find_officials


def _official_spans(doc: Doc, art: Article) -> None:
    doc.spans["officials"] = _char_spans(doc, ((m.mention_start, m.mention_end, "PER")
                                               for m in art.person_mentions if m.official is not None))


@Language.factory("chiso_officials", default_config={"timeout": DEFAULT_TIMEOUT})
def make_officials(nlp: Language, name: str, timeout: float):
    return _on_doc(official_step(official_rules(), timeout), _official_spans)


def claims_step(art: Article) -> None:
    """What each figure measures, its period and its scope: the claims the checker reads."""
    claims.annotate(art)


@Language.component("chiso_claims")
def claims_component(doc: Doc) -> Doc:
    claims_step(_article(doc))
    return doc


def check_step(art: Article) -> None:
    """Redo the arithmetic the text states, with the stated precision's intervals."""
    art.checks = checks.run(art)


@Language.component("chiso_checks")
def check_component(doc: Doc) -> Doc:
    check_step(_article(doc))
    return doc


def article_steps(timeout: float = DEFAULT_TIMEOUT) -> list:
    """The steps on the Article alone, in the order of STEPS: what extract() runs. The
    spaCy components above call the same functions and also put sentences and span groups
    on a Doc, which only a spaCy user needs (building the Doc's tokens costs a fifth of
    the time)."""
    return [sentence_step, match_step(span_rules(), timeout), context_step,
            official_step(official_rules(), timeout), claims_step, check_step]
