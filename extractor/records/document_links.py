"""What the mentions of documents in one article tell about each other: a document listed right
after another shares its issuer, and one document cited twice is one document (its date and
issuer stated at one mention hold for the others); the date that opens the clause issuing a
document is its date. Runs once all of an article's citations and dates are read (the dates'
years inferred)."""
from __future__ import annotations

import datetime
from functools import lru_cache

import regex

from ..patterns import load_patterns
from .article import Article
from .documents import _issuer_codes_of, _named_by

_LIST_GAP = regex.compile(r"\s*(?:ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\s*)?(?:,|;|và)\s*")


def share_issuers(art: Article) -> None:
    """"Chính phủ đã đề ra tại Nghị quyết số 46/NQ-CP ngày 9/6/2017, Chỉ thị số 24/CT-TTg …":
    a document listed right after another, with no issuer of its own, shares the one before."""
    docs = sorted(art.documents, key=lambda d: d.start)
    for a, b in zip(docs, docs[1:]):
        if b.issuer is None and a.issuer is not None and _LIST_GAP.fullmatch(art.text, a.end, b.start):
            b.issuer = a.issuer
    # "Quyết định 2218/QĐ-TTg và Nghị định số 108/2014/NĐ-CP của Thủ tướng Chính phủ": a document
    # listed before another shares the issuer written after the list, where its own number's
    # code names that issuer ("Nghị định 15/2018/NĐ-CP và Thông tư 05/TT-BYT của Bộ Y tế" does not).
    for a, b in reversed(list(zip(docs, docs[1:]))):
        if a.issuer is None and b.issuer is not None and _LIST_GAP.fullmatch(art.text, a.end, b.start) \
                and _named_by(b.issuer, _issuer_codes_of(a.number)):
            a.issuer = b.issuer


def share_mentions(art: Article) -> None:
    """One document cited twice is one document: a mention with no date or issuer takes the
    one another mention of the same type and number states ("Quyết định số 12/QĐ-UBND ngày
    3/4/2016 của UBND tỉnh …" then "Quyết định 12/QĐ-UBND nêu rõ …"), unless the mentions
    state different ones."""
    groups: dict[tuple[str, str], list] = {}
    for d in art.documents:
        groups.setdefault((d.type, d.number), []).append(d)
    for docs in groups.values():
        if len(docs) < 2:
            continue
        for field in ("date", "issuer"):
            stated = {getattr(d, field) for d in docs} - {None}
            if len(stated) == 1:
                value = stated.pop()
                for d in docs:
                    if getattr(d, field) is None:
                        setattr(d, field, value)


def dates_opening_the_clause(art: Article) -> None:
    """"Chiều 14/5, Ban kỷ luật giải đấu đã có Quyết định số 58 về việc …": a date that opens the clause,
    set off by a comma, is the date of the document its verb of issuing governs, the year as
    inferred for that date. Not where the clause reports speech, holds another citation or a
    break (";", ":"), or cites the document ("theo", "tại")."""
    for doc in art.documents:
        if doc.date is None:
            doc.date = _opening_date(art, doc.start)


@lru_cache(maxsize=1)
def _cues() -> dict:
    p = load_patterns()
    return {
        "lead": p.compile(r"(?:\s*(?:{@date_lead_words})(?![\p{L}\p{M}])\s*)*"),
        "issuing": p.compile(r"(?<![\p{L}\p{M}])(?:{@issuing_verbs})\s+$"),
        "between": p.compile(r"(?<![\p{L}\p{M}])(?:{@speech_verbs})(?![\p{L}\p{M}])|[;:]"),
    }


_CLAUSE_MARK = regex.compile(r"[,;:\n]")
_COMMA = regex.compile(r"\s*,")
_REACH = 160        # characters from the date's comma to the citation: one clause


def _opening_date(art: Article, start: int) -> datetime.date | None:
    cues, text = _cues(), art.text
    s, _ = art.sentence_span(start)
    before = [d for d in art.dates if s <= d.start and d.end <= start]
    if not before or before[-1].value is None:
        return None
    date = before[-1]
    cut = max((m.end() for m in _CLAUSE_MARK.finditer(text, s, date.start)), default=s)
    comma = _COMMA.match(text, date.end)
    if not cues["lead"].fullmatch(text, cut, date.start) or not comma or start - comma.end() > _REACH:
        return None
    if cues["between"].search(text, comma.end(), start) or not cues["issuing"].search(text[comma.end():start]) \
            or any(comma.end() <= d.start < start for d in art.documents):
        return None
    return date.value
