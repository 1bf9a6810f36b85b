"""What every gate reads: a check made unverifiable with its reason, and the shapes that
weaken a link (a compound amount, a non-additive unit, a figure in a link's title, a
last part that gathers the rest, a threshold whole, a partial list, parts over their whole)."""
from __future__ import annotations

import regex

from ...claims.cues import cues, match_after, non_additive_units
from ...records.article import Article, FigureDraft
from ..base import scale as scale_of_text


def _is_rest(art: Article, f: FigureDraft) -> bool:
    return bool(match_after(cues()["rest"], art.text, f.end))


def _threshold(art: Article, whole: FigureDraft) -> bool:
    return whole.qualifier in ("over", "under") or bool(match_after(cues()["threshold_after"], art.text, whole.end))


def _partial(art: Article, parts: list[FigureDraft], whole: FigureDraft) -> str | None:
    """The cue that says a list names only some of its whole, or None."""
    first, last = min(p.start for p in parts), max(p.end for p in parts)
    lead_from = whole.end if whole.end <= first else max(0, first - 60)
    lead = art.text[lead_from:first]
    m = cues()["partial_words"].search(lead)
    if m:
        return m.group()
    _, sentence_end = art.sentence_span(last)
    tail = art.text[last:min(sentence_end, last + 40)]
    tail = tail.split(";")[0]
    m = cues()["partial_marks"].search(tail) or cues()["partial_marks"].search(art.text[first:last])
    return m.group() if m else None


def _in_link_title(art: Article, f: FigureDraft) -> bool:
    s, _ = art.sentence_span(f.start)
    left = art.text[s:f.start]
    return left.count("[") > left.count("]")


def _non_additive(f: FigureDraft) -> bool:
    # "25 điểm" read as a count of places ("Trong 37 điểm ùn tắc, …") adds up; a score does not.
    return f.kind != "count" and bool(f.unit) and f.unit.lower() in non_additive_units()


_NEXT_AMOUNT = regex.compile(r"\G\s+\d")


def _compound(art: Article, f: FigureDraft) -> bool:
    """"336 tỷ 211 triệu đồng": a scaled amount followed at once by the rest of its number."""
    return f.kind in ("money", "count", "number") and bool(_NEXT_AMOUNT.match(art.text, f.end)) \
        and scale_of_text(art, f) != 1


def _unverifiable(check, reason: str, why: str, why_vi: str):
    if check.status == "inconsistent":
        check.status = "unverifiable"
        check.severity = None
        check.message = f"not checked: {why} (the arithmetic would be {check.message})"
        check.message_vi = f"không kiểm tra: {why_vi} (phép tính: {check.message_vi})"
    check.reason = reason
    return check


_CLAUSE_MARK = regex.compile(r"[,;:](?!\d)")      # not the decimal comma of "99,99%"


def _priced_share(art: Article, f: FigureDraft) -> bool:
    """"mua lại 99,99% vốn góp … với giá 532 tỷ đồng": an amount whose clause states, before
    it, the share it pays for."""
    s, _ = art.sentence_span(f.start)
    clause_start = max([m.end() for m in _CLAUSE_MARK.finditer(art.text, s, f.start)], default=s)
    return f.kind == "money" and any(g.kind == "percent" and clause_start <= g.start and g.end <= f.start
                                     for g in art.figures_in_sentence(f.sentence))


def _exceeds(check) -> bool:
    """A partial list can still be wrong: its parts together are more than the whole."""
    lo, hi = check.interval or (None, None)
    return check.computed is not None and hi is not None and check.extra.get("parts_low", check.computed) > hi
