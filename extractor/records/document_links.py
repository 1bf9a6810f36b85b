"""What the mentions of documents in one article tell about each other: a document listed right
after another shares its issuer, and one document cited twice is one document (its date and
issuer stated at one mention hold for the others). Runs once all of an article's citations are read."""
from __future__ import annotations

import regex

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
