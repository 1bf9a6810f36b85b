"""What the rules read around a figure: the cue patterns (compiled once from
patterns/vi/checks.yaml), the figures of its sentence or before it, its descriptor words,
whether it sits in brackets; and the share a part is of its total."""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import regex

from ..patterns import load_patterns
from ..records.article import Article, FigureDraft
from .base import CheckDraft, both, interval, judge, number_text, written

_LEFT_CUT = regex.compile(r"[,;:()]\s")
_RIGHT_CUT = regex.compile(r"[,;:()]")
_WORDS_AND_NUMBERS = regex.compile(r"[\p{L}\p{M}\d]+")
_PHRASE_CUT = regex.compile(r"[,;.()]")


HUNDRED = Decimal(100)


@lru_cache(maxsize=1)
def _cues():
    p = load_patterns()
    return {
        "total_before": p.compile(r"(?:{@total_words})\s*$"),
        "total_words": p.compile(r"(?<![\p{L}\p{M}])(?:{@total_words})(?![\p{L}\p{M}])"),
        "breakdown": p.compile(r"(?<![\p{L}\p{M}])(?:{@breakdown_words})(?![\p{L}\p{M}])\s*[,:]?\s*"),
        "remaining": p.compile(r"(?:{@remaining_words})\s*$"),
        "share_base": p.compile(r"\G\s*(?:{@share_base_words})(?![\p{L}\p{M}])"),
        "by_category": p.compile(r"(?<![\p{L}\p{M}])(?:{@by_category_words})(?![\p{L}\p{M}])"),
        "bracketed_share": p.compile(r"\s*\(\s*(?:(?:{@share_verbs})\s+)?"),
        "share_verb": p.compile(r"(?:{@share_verbs})(?:\s+\p{Ll}+){0,3}?\s*(?:(?:{@share_approximators})\s+)?$"),
        "share_paren": p.compile(r"\(\s*(?:{@share_verbs})[^()]*$"),
        "named_total": p.compile(r"(?<![\p{L}\p{M}])(?:{@total_words})\s+(?P<head>[\p{L}\p{M}]+)"),
        "whole_opener": p.compile(r"\G\s*(?:{@whole_openers})\s+$", regex.VERSION1),
        "parts_verb": p.compile(r"(?<![\p{L}\p{M}])(?:{@parts_verbs})\s*$"),
        "cumulative": p.compile(r"\G[\s\p{P}]*(?P<opener>{@cumulative_openers})(?![\p{L}\p{M}])(?P<items>[^\d.;:]{3,120}?)"
                                r"(?:\s+(?:{@cumulative_fillers}))*\s*$"),
        "item_joiner": p.compile(r"\s*(?:,|(?<![\p{L}\p{M}])(?:{@item_joiners})(?![\p{L}\p{M}]))\s*"),
        "per_day": p.compile(r"\G\s*/\s*(?:{@rate_periods})\b"),
        # The ones below match case as written (no IGNORECASE), as they always have.
        "earlier_bracket": p.compile(r"\G[^;()]{0,60}?\(\s*(?:(?:{@year_words})\s+(?:19|20)\d\d\s*(?:{@bracket_value_verbs})?\s*)?", 0),
        # comparison_words (figures.yaml): "giảm 0,26 điểm so với năm 2022 (99,32%)"
        "comparison": p.compile(r"(?<![\p{L}\p{M}])(?:{@comparison_words})(?![\p{L}\p{M}])", 0),
        "named_noun": p.compile(r"\s*(?:(?:{@about_words})\s+)?(?:{@total_heads})\s+(?:(?:{@count_heads})\s+)?([\p{L}\p{M}]+)", 0),
        "total_phrase": p.compile(r"\s*(?:{@total_heads})\s+([\p{L}\p{M}]+(?:\s+[\p{L}\p{M}]+)?)", 0),
        "total_head": p.compile(r"(?:{@total_heads})", 0),
        "named_base": p.compile(r"\s*(?P<prefix>(?:(?:{@about_words})\s+)?(?:{@total_heads}|{@count_heads})\s+)?([\p{L}\p{M} ]{2,40}?)"
                                r"(?=[,.;)(]|\s+(?:{@base_enders})\b|$)", 0),
        "share_claim": p.compile(r"(?:{@share_claim_words})\s*(?:(?:{@share_claim_fillers})\s+)?$", 0),
        "share_claim_bare": p.compile(r"(?:{@share_claim_words})\s*$", 0),
        "target": p.compile(r"(?:{@target_words})", 0),
        "closing_joiner": p.compile(r",\s+(?:{@closing_joiners})\s", 0),
        "whole_quantifier": p.compile(r"(?<![\p{L}\p{M}])(?:{@whole_quantifiers})\s*$"),
        # "đạt 90,2% kế hoạch": a share of a target, which is no total the text states
        "target_after": p.compile(r"\G\s*(?:(?:{@target_words})(?![\p{L}\p{M}]))", 0),
        "detail_opener": p.compile(r"\s*(?:{@detail_openers})\s*,", 0),
        "bracket_share": p.compile(r"\(\s*(?:{@bracket_breakdown_words})[^()]*(?:{@share_markers})[^()]*$", 0),
        "base_counters": frozenset(p.lexicon("base_counters")),
    }


def _sentence_figures(art: Article, f: FigureDraft) -> list[FigureDraft]:
    return art.figures_in_sentence(f.sentence)


def _earlier(art: Article, f: FigureDraft, window: int) -> list[FigureDraft]:
    """Up to `window` figures before `f`, nearest first (a total is stated near its parts;
    the bound keeps hostile articles with thousands of figures linear)."""
    i = art.figure_index(f)
    return art.figures[max(0, i - window):i][::-1]


def _before(art: Article, f: FigureDraft, width: int = 40) -> str:
    s, _ = art.sentence_span(f.start)
    return art.text[max(s, f.start - width):f.start]


def _descriptor_words(art: Article, f: FigureDraft) -> set[str]:
    """The words around a figure within its clause (what it is of: "xăng RON 92")."""
    s, e = art.sentence_span(f.start)
    left = _LEFT_CUT.split(art.text[max(s, f.start - 40):f.start])[-1]
    right = _RIGHT_CUT.split(art.text[f.end:min(e, f.end + 40)])[0]
    return {w.lower() for w in _WORDS_AND_NUMBERS.findall(left + " " + right) if len(w) > 1}


def _share(rule, figs, part, total, share, art) -> CheckDraft:
    point = part.value / total.value * HUNDRED
    iv = (interval(art, part) / interval(art, total)).scale(HUNDRED)
    what, what_vi = both(lambda vi: f"{written(art, part, vi)}/"
                                    f"{written(art, total, vi) if total.end else number_text(total.value, vi)}")
    check = judge(rule, figs, share, point, iv, what, what_vi, art, "%")
    check.extra["algebra"] = ([part, total], lambda p, t: p / t * HUNDRED if t else None)
    return check


def _in_parentheses(art: Article, f: FigureDraft) -> bool:
    s, _ = art.sentence_span(f.start)
    left = art.text[s:f.start]
    return left.count("(") > left.count(")")


class _Fake(FigureDraft):
    """A ratio's denominator standing as the stated total of a sum."""

    def __init__(self, value: Decimal):
        super().__init__(kind="count", start=0, end=0, value=value, unit="", decimals=0, rule="ratio")


def _noun_after(art: Article, f: FigureDraft) -> set[str]:
    """The words after a figure's number up to the next mark: what it counts ("dự án
    nhóm B"), to match a part with its total. _descriptor_words reads both sides instead."""
    text = art.text[f.q_end:f.q_end + 60]
    text = _PHRASE_CUT.split(text)[0]
    return {w.lower() for w in text.split() if w}


def _best_total(art: Article, part: FigureDraft, totals: list[FigureDraft]) -> FigureDraft | None:
    pd = _noun_after(art, part)
    best, best_score = None, None
    for t in totals:
        if t.kind != part.kind and {t.kind, part.kind} != {"count", "change"}:
            continue
        td = _noun_after(art, t)
        if not td or not (td <= pd or pd <= td) or (("phó" in td) != ("phó" in pd)):
            continue
        score = len(td ^ pd)
        if best_score is None or score < best_score:
            best, best_score = t, score
    return best
