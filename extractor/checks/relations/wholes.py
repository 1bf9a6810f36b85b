"""Relations of parts and wholes: a share of a whole, shares of one whole, a part over its whole."""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import regex

from ...claims.measure import same_measure
from ...claims.roles import amount, is_share, opens_a_breakdown, part_of
from ...patterns import load_patterns
from ...records.article import Article, FigureDraft
from ..base import CheckDraft, both, interval, judge, number_text, written
from ..interval import Interval
from ..reading import HUNDRED, _in_parentheses, _share
from ..sums import _bounds

_BACK = 2                     # sentences before the share's that may state its whole


def share_of_whole(art: Article, covered: set[int]) -> list[CheckDraft]:
    out = []
    for share in art.figures:
        if share.role != "share" or id(share) in covered or share.value is None or share.value > HUNDRED:
            continue
        part = part_of(art, share)
        if part is None or id(part) in covered:
            continue
        wholes = _wholes(art, part, share)
        if not wholes:
            continue
        verdicts = [_share("part_of_total", [part, share, w], part, w, share, art) for w in wholes]
        fits = [v for v in verdicts if v.status == "consistent"]
        here = [v for v, w in zip(verdicts, wholes) if w.sentence == share.sentence]
        joint = _joint_share(art, part, share, wholes) if not fits else None
        if joint is not None:
            out.append(joint)
            continue
        if fits:
            chosen = fits[0]
        elif len(here) == 1:
            chosen = here[0]          # "khai thác 15.760 chuyến, có 2.884 chuyến bị chậm, chiếm 19,3%"
        else:
            continue                  # several wholes, none fits: no claim a reader would name
        whole = chosen.figures[2]
        chosen.extra.update(candidates=len(wholes))
        chosen.evidence = {"link": "share_of_whole", "cue": _cue(art, part, share),
                           "whole": art.text[whole.start:whole.end], "wholes_tried": len(wholes)}
        out.append(chosen)
    return out


@lru_cache(maxsize=1)
def _joined():
    return load_patterns().compile(r"^[^,;:()\d%]{0,25}(?<![\p{L}\p{M}])(?P<joiner>{@part_joiners})(?![\p{L}\p{M}])[^,;:()\d%]{0,25}$")


def _joint_share(art: Article, part: FigureDraft, share: FigureDraft, wholes: list[FigureDraft]) -> CheckDraft | None:
    """"Số chuyến chậm 380 chuyến và hủy 10 chuyến, chiếm tỷ lệ gần 15%" of "khai thác 2.605
    chuyến": the share of two parts joined by "và" together. Said only where it holds (it
    is the charitable reading, tried when the last part alone fits no whole)."""
    before = [g for g in art.figures_in_sentence(part.sentence) if g.end <= part.start]
    joined = _joined().match(art.text[before[-1].end:part.start]) if before else None
    if not joined or not amount(before[-1]) or not same_measure(before[-1], part):
        return None
    first = before[-1]
    for whole in wholes:
        if whole is first or whole.value <= first.value + part.value:
            continue
        point = (first.value + part.value) / whole.value * HUNDRED
        iv = ((interval(art, first) + interval(art, part)) / interval(art, whole)).scale(HUNDRED)
        what, what_vi = both(lambda vi: f"({written(art, first, vi)} + {written(art, part, vi)})/{written(art, whole, vi)}")
        check = judge("part_of_total", [first, part, share, whole], share, point, iv, what, what_vi, art, "%")
        if check.status == "consistent":
            check.evidence = {"link": "share_of_whole", "cue": joined.group("joiner"), "whole": art.text[whole.start:whole.end],
                              "joint": True, "same_measure": True}
            return check
    return None


def _cue(art: Article, part: FigureDraft, share: FigureDraft) -> str:
    lo, hi = (part.end, share.start) if part.start < share.start else (share.end, part.start)
    return art.text[lo:hi].strip(" ,(")[:30]


def _wholes(art: Article, part: FigureDraft, share: FigureDraft) -> list[FigureDraft]:
    """The amounts that may be the whole: of the part's measure, larger than it, stated
    before it in its sentence or in the two sentences before (same paragraph), not an
    alternative, a threshold, a rate, a change or another share's part; nearest first."""
    paragraph = art.text.rfind("\n", 0, part.start) + 1
    first = min(part.start, share.start)
    pool = [g for g in art.figures
            if g is not part and g.end <= first and g.start >= paragraph
            and share.sentence - _BACK <= g.sentence <= share.sentence
            and g.role in ("level", "whole") and g.kind == part.kind and amount(g)
            and g.value > part.value and g.range_with is None and same_measure(g, part)
            and not _in_parentheses(art, g)]
    return pool[::-1]


def shares_whole(art: Article, covered: set[int]) -> list[CheckDraft]:
    out = []
    percents: dict[int, int] = {}
    for f in art.figures:
        if f.kind == "percent":
            percents[f.sentence] = percents.get(f.sentence, 0) + 1
    said: set[frozenset[int]] = set()
    for i in (i for i, n in sorted(percents.items()) if n >= 2):      # a list needs two shares
        for run in _share_lists(art, i):
            key = frozenset(id(f) for f in run)
            if not run or key in said or any(id(f) in covered for f in run):
                continue                # one list is said once, whichever way it was found
            said.add(key)
            total = Interval.point(Decimal(0))
            for f in run:
                total = total + interval(art, f)
            if not total.contains(HUNDRED):
                continue
            point = sum((f.value for f in run), Decimal(0))
            what, what_vi = both(lambda vi: " + ".join(written(art, f, vi) + "%" for f in run))
            check = CheckDraft("sum", "consistent", list(run),
                               f"{what} = {number_text(point)}%, which makes up the whole (100%)"
                               + ("" if point == HUNDRED else " within the rounding of the shares"),
                               f"{what_vi} = {number_text(point, True)}%, đủ 100% của tổng thể"
                               + ("" if point == HUNDRED else " trong phạm vi làm tròn"),
                               reported=HUNDRED, computed=point, interval=(total.lo, total.hi))
            check.evidence = {"link": "shares_of_one_whole", "cue": art.text[run[0].start - 10:run[0].start].strip(),
                              "complete": True, "same_measure": True}
            out.append(check)
    return out


_LIST_GAP = regex.compile(r"^\s*(?:[,;]|\s(?=\p{L}))\s*[^\d%();:.]{1,40}$")


def _share_lists(art: Article, i: int) -> list[list[FigureDraft]]:
    """Runs of three or more shares in a sentence: a share (after a share verb), then
    percents each after a short label, the gaps holding no other number."""
    runs, current = [], []
    for f in art.figures_in_sentence(i):
        is_percent = f.kind == "percent" and f.unit == "%" and f.value is not None and f.pair_with is None \
            and f.range_with is None
        if current and is_percent and _LIST_GAP.match(art.text[current[-1].end:f.start]):
            current.append(f)
            continue
        if len(current) >= 3:
            runs.append(current)
        current = [f] if is_percent and is_share(art, f) else []
    if len(current) >= 3:
        runs.append(current)
    return runs + [_parallel_shares(art, i)]


def _parallel_shares(art: Article, i: int) -> list[FigureDraft]:
    """The shares of a sentence whose parts count one thing: "13 người, chiếm 72%, …; 3
    người, tương đương 17%, …; 2 người, chiếm 11%" (empty unless there are two or more and
    every share of the sentence is one of them)."""
    shares = [f for f in art.figures_in_sentence(i) if f.role == "share" and f.value is not None]
    parts = [part_of(art, f) for f in shares]
    if len(shares) < 2 or any(p is None for p in parts) or not all(same_measure(parts[0], p) for p in parts[1:]):
        return []
    return shares



def part_over_whole(art: Article, covered: set[int]) -> list[CheckDraft]:
    out = []
    for whole in art.figures:
        if whole.role != "whole" or id(whole) in covered or not opens_a_breakdown(art, whole):
            continue
        part = next((g for g in art.figures_in_sentence(whole.sentence) if g.start > whole.end), None)
        if part is None or id(part) in covered or part.role != "part" or part.value is None:
            continue
        between = art.text[whole.end:part.start]
        if ";" in between or len(between) > 40 or not _right_after_breakdown().search(between):
            continue                  # the part right after its breakdown word, in its clause
        for check in _bounds(art, [part], whole):
            check.evidence = {"link": "breakdown", "cue": art.text[whole.end:part.start].strip(" ,(:")[:20]}
            out.append(check)
    return out



@lru_cache(maxsize=1)
def _right_after_breakdown():
    return load_patterns().compile(r"(?<![\p{L}\p{M}])(?:{@breakdown_words})(?![\p{L}\p{M}])[^,;()]{0,20}$")
