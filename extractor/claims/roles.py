"""The role of every figure in its clause, read from its local syntax alone:

- share        a percent a share verb or a bracket introduces ("chiếm 39,6%", "(47%)");
- part         the amount such a share is of: the last count or sum of money before it in
               its clause, or the one restating it ("47% …, tương đương 1.979 xe");
- whole        an amount named as a total ("tổng số 512 cơ sở") or broken down after it
               ("1.200 tỷ đồng, trong đó …"), or the first amount of a clause whose later
               part shares its measure;
- change, rate an amount of change; an amount per unit ("52,6 vụ/ngày", "30.000 đồng/kg");
- alternative  after "hoặc": never a part or a whole of anything;
- threshold    "từ 100 tỷ đồng trở lên", "hơn 100 triệu": a bound, not an amount;
- level        anything else.

Relations (checks/relations/) are templates over these roles and the figures' measures,
searched over a sentence and its neighbours; they never ask for a sentence's shape. The
words are data: patterns/vi/claims.yaml (alternative_words, restatement_words), with
examples in tables.claims_examples.roles.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..patterns import load_patterns
from ..records.article import Article, FigureDraft
from .cues import cues, match_after, non_additive_units
from .measure import same_measure

_STRONG_BREAK = regex.compile(r"[;:]|%")
_AFTER_COMMA = regex.compile(r"(?<=,)")

_CLAUSE = regex.compile(r"[,;:](?!\d)|[()]")       # not the decimal comma of "1,5"


@lru_cache(maxsize=1)
def _role_cues():
    p = load_patterns()
    return {
        "alternative": p.compile(r"(?<![\p{L}\p{M}])(?:{@alternative_words})(?![\p{L}\p{M}])[^,;:()\d]{0,25}$"),
        # "đạt 71% (161 vụ; …)": a bracket opened right after the share holds its part
        "restate_bracket": p.compile(r"\G\s*\(\s*(?:(?:{@restatement_words})\s+)?$"),
        "restate": p.compile(r"\G\s*\)?\s*,?\s*(?:{@restatement_words})(?![\p{L}\p{M}])\s*(?:(?:{@share_approximators})\s+)?$"),
        "share_verb": p.compile(r"(?:{@share_role_verbs})(?:\s+\p{Ll}+){0,3}?\s*(?:(?:{@share_approximators})\s+)?$"),
        # "1.430 người tham gia, tương đương 64%": an amount, then the share it is
        "restated_share": p.compile(r"\d[^,;:()]*,\s*(?:{@restatement_words})(?![\p{L}\p{M}])\s*(?:(?:{@share_approximators})\s+)?$"),
        "total_before": p.compile(r"(?<![\p{L}\p{M}])(?:{@total_words})(?:\s+\p{Ll}+){0,2}\s*(?:là|đạt|:)?\s*$"),
        "breakdown_after": p.compile(r"\G[^;.()]{0,30}?[,(]\s*(?:{@breakdown_words})(?![\p{L}\p{M}])"),
    }


def assign(art: Article) -> None:
    """Give every figure of the article its role."""
    for f in art.figures:
        f.role = _role(art, f)
    for f in art.figures:
        if f.role == "share":
            part = part_of(art, f)
            if part is not None and part.role == "level":
                part.role = "part"
    for f in art.figures:
        if f.role == "level" and opens_a_breakdown(art, f):
            f.role = "whole"
    for f in art.figures:
        if f.role == "whole":       # what a whole breaks down into, after it in its sentence
            for g in art.figures_in_sentence(f.sentence):
                if g.start > f.end and g.role == "level" and amount(g) and same_measure(g, f):
                    g.role = "part"
        elif f.role == "part":      # the first amount of the part's measure before it is its whole
            earlier = [g for g in art.figures_in_sentence(f.sentence) if g.end <= f.start and amount(g)
                       and same_measure(g, f) and g.value is not None and f.value is not None and g.value > f.value]
            if earlier and earlier[0].role == "level":
                earlier[0].role = "whole"


def clause_start(art: Article, pos: int) -> int:
    """Where the clause holding `pos` starts: after the last comma, semicolon, colon or
    bracket of its sentence before it (not the decimal comma of "1,5"), else the sentence's start."""
    s, _ = art.sentence_span(pos)
    return max((m.end() for m in _CLAUSE.finditer(art.text, s, pos)), default=s)


def _clause_left(art: Article, f: FigureDraft) -> str:
    return art.text[clause_start(art, f.start):f.start]


def _role(art: Article, f: FigureDraft) -> str:
    c = _role_cues()
    if f.kind == "change":
        return "change"
    if c["alternative"].search(_clause_left(art, f)):
        return "alternative"
    if f.unit and "/" in f.unit:
        return "rate"
    if f.qualifier in ("over", "under") or match_after(cues()["threshold_after"], art.text, f.end):
        return "threshold"
    if is_share(art, f):
        return "share"
    s, _ = art.sentence_span(f.start)
    if c["total_before"].search(art.text[max(s, f.start - 40):f.start]):
        return "whole"
    return "level"


def is_share(art: Article, f: FigureDraft) -> bool:
    """A percent a share verb or a bracket right after an amount introduces."""
    if f.kind != "percent" or f.unit != "%" or f.pair_with is not None or f.range_with is not None:
        return False
    s, _ = art.sentence_span(f.start)
    left = art.text[max(s, f.start - 40):f.start]
    return bool(_role_cues()["share_verb"].search(left) or _role_cues()["restated_share"].search(left)) \
        or left.rstrip().endswith("(")


def part_of(art: Article, share: FigureDraft) -> FigureDraft | None:
    """The amount a share is of: the last count or money before it in its clause (a
    bracket counts as its clause's end: "203 cơ sở vi phạm (chiếm 39,6%)"), else the one
    that restates it right after ("chiếm 47% …, tương đương 1.979 xe"; "đạt 71% (161 vụ)")."""
    s, e = art.sentence_span(share.start)
    figures = art.figures_in_sentence(share.sentence)
    before = [g for g in figures if g.end <= share.start and amount(g)]
    if before:
        g = before[-1]
        between = art.text[g.end:share.start]
        if not _STRONG_BREAK.search(between) and len(between) <= 80 and between.count(",") <= 1:
            return g
    after = [g for g in figures if g.start >= share.end and amount(g)]
    if after:
        g = after[0]
        gap = art.text[share.end:g.start]
        words = _AFTER_COMMA.split(gap, maxsplit=1)
        if len(gap) <= 60 and _role_cues()["restate"].match(art.text, share.end + len(gap) - len(words[-1]), g.start):
            return g
        if _role_cues()["restate_bracket"].match(art.text, share.end, g.start):
            return g
    return None


def amount(g: FigureDraft) -> bool:
    """A count, a sum of money, or a quantity in an additive unit ("165.000 tấn", "12 ha"):
    what may be a part or a whole. Not an age, a score or a duration."""
    if g.value is None or g.range_with is not None or (g.unit and "/" in g.unit):
        return False
    if g.kind == "number":
        return bool(g.unit) and g.unit.lower() not in non_additive_units() and g.unit not in _time_units()
    return g.kind in ("count", "money")


@lru_cache(maxsize=1)
def _time_units() -> frozenset[str]:
    return load_patterns().words("time_units")


def opens_a_breakdown(art: Article, f: FigureDraft) -> bool:
    return amount(f) and bool(_role_cues()["breakdown_after"].match(art.text, f.end))
