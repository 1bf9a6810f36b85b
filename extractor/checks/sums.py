"""Sums and bounds: sum (parts presented as the whole: "trong đó …", "số còn lại …",
"Cụ thể, …", "bao gồm"), bound (a part larger than its whole; a share above 100%)."""
from __future__ import annotations

from decimal import Decimal

import regex

from ..records.article import Article, FigureDraft
from .base import CheckDraft, both, interval, is_share, judge, number_text, same_family, written
from .interval import Interval
from .reading import HUNDRED, _Fake, _before, _best_total, _cues, _in_parentheses, _sentence_figures

_A_DIGIT = regex.compile(r"\d")


def sums(art: Article) -> list[CheckDraft]:
    """Parts presented as the whole against their total: "63 dự án, trong đó có 24 công
    trình … và 39 công trình …"; "… 106.376 tỷ đồng. Trong đó, thu BHXH là …; thu BHTN là
    …"; "475/583 thôn …, số còn lại 108 thôn"; "Cụ thể, …" sentences that break down the
    figures of the sentence before, part to total by their nouns. Not for "trong đó chủ
    yếu", "chính": those name the largest parts, not all of them."""
    out = []
    out += _breakdowns(art)
    out += _remainders(art)
    out += _detailed(art)
    out += _whole_first(art)
    out += _cumulative(art)
    return out


def _whole_first(art: Article) -> list[CheckDraft]:
    """"Trong 37 điểm ùn tắc, 25 điểm …, 2 điểm …, 10 điểm …": a clause that opens on its
    whole and names its parts after a comma, or after "có" ("…, trong số 13 chỉ tiêu được
    giao có 11 chỉ tiêu đạt, 2 chỉ tiêu xấp xỉ đạt"). Parts of the whole's own measure only,
    up to the clause's end (";" or the sentence's)."""
    out = []
    for i, (s, e) in enumerate(art.sentences):
        figs = art.figures_in_sentence(i)
        for k, whole in enumerate(figs):
            if whole.kind != "count" or whole.value is None or len(figs) - k < 3:
                continue
            clause_start = max(s, art.text.rfind(",", s, whole.start) + 1)
            if not _cues()["whole_opener"].match(art.text[clause_start:whole.start]):
                continue
            stop = art.text.find(";", whole.end, e)
            end = e if stop < 0 else stop
            parts = [g for g in figs[k + 1:] if g.start < end and g.kind == "count" and g.value is not None
                     and g.range_with is None and same_family(g, whole) and _depth(art, s, g.start) == 0]
            if len(parts) < 2:
                continue
            # the whole's noun runs up to the comma with no number in it, or up to "có"
            lead = art.text[whole.end:parts[0].start]
            comma = lead.find(",")
            if not (comma >= 0 and not _A_DIGIT.search(lead[:comma])) and not _cues()["parts_verb"].search(lead):
                continue
            out.append(sum_check(art, parts, whole, art.text[clause_start:whole.start].strip()))
    return out


def _cumulative(art: Article) -> list[CheckDraft]:
    """"Tính chung tổng vốn đăng ký và bổ sung là 453.569 tỷ đồng": a total of figures the
    sentences before name, each found by its words (the nearest earlier figure whose clause
    holds them); every named item must be found."""
    out = []
    cues = _cues()
    for i, (s, e) in enumerate(art.sentences):
        figs = art.figures_in_sentence(i)
        if not figs or figs[0].value is None or figs[0].kind not in ("count", "money"):
            continue
        total = figs[0]
        m = cues["cumulative"].match(art.text, s, total.start)
        if not m:
            continue
        items = [w for w in cues["item_joiner"].split(cues["total_words"].sub(" ", m.group("items"))) if w.strip()]
        if len(items) < 2:
            continue
        earlier = [g for g in art.figures if g.end <= s and g.sentence >= i - 3 and g.value is not None
                   and (g.kind == total.kind or g.kind == "change" and g.unit != "%")  # "bổ sung tăng 259.785 tỷ"
                   and same_family(g, total)][::-1]
        parts: list[FigureDraft] = []
        for item in items:
            words = " ".join(item.split()).lower()
            hit = next((g for g in earlier if g not in parts and words in _clause_before(art, g).lower()), None)
            if hit is None:
                break
            parts.append(hit)
        else:
            parts.sort(key=lambda g: g.start)
            out.append(sum_check(art, parts, total, m.group("opener")))
    return out


def _clause_before(art: Article, f: FigureDraft) -> str:
    """The text from the clause's start (a comma, semicolon, colon, bracket or the sentence's
    start) to the figure."""
    left = _before(art, f, 80)
    cut = max(left.rfind(c) for c in ",;:(")
    return left[cut + 1:]


def _breakdowns(art: Article) -> list[CheckDraft]:
    out = []
    cues = _cues()
    for m in cues["breakdown"].finditer(art.text):
        # "trong đó chủ yếu là …" names only the largest parts: the sum is still computed, and
        # claims/evidence.py lets it be consistent (the parts add up) but never inconsistent.
        s, e = art.sentence_span(m.start())
        sentence_start = art.text[s:m.start()].strip() == ""
        part_end = e
        listed = art.text[m.end() - 2:m.end() + 1].strip().startswith(":") or art.text[m.start():m.end()].rstrip().endswith(":")
        if not sentence_start and not listed:  # "gồm: a; b; c" lists through semicolons
            stop = art.text.find(";", m.end(), e)
            part_end = e if stop < 0 else stop
        # ", và 5 ca ho gà": a comma before "và" closes the breakdown, the list goes on outside it
        outer = _cues()["closing_joiner"].search(art.text, m.end(), part_end)
        if outer and not sentence_start:
            part_end = outer.start()
        # "(trong đó: Khối A là 358.608.484 triệu đồng, chiếm 83,1%; khối B là …)": a breakdown
        # in brackets has its parts at its own depth, up to the bracket's end, and its whole
        # just outside.
        depth = _depth(art, s, m.start())
        bracketed = depth > 0 and art.text[s:m.start()].rstrip().endswith("(")
        if bracketed:
            close = art.text.find(")", m.end(), e)
            part_end = min(part_end, close) if close >= 0 else part_end
        parts = [g for g in art.figures if m.end() <= g.start < part_end and g.kind in ("count", "money", "change", "number")
                 and _depth(art, s, g.start) == depth and g.range_with is None and g.value is not None]
        if sentence_start:
            whole_candidates = [g for g in art.figures if g.end <= m.start() and g.sentence == art.sentence_index(m.start()) - 1]
        else:
            whole_candidates = [g for g in art.figures if s <= g.start and g.end <= m.start()]
            if not whole_candidates and cues["total_words"].search(art.text[s:m.start()]):
                # "Tổng thu gồm …": the total was stated in the sentence before
                whole_candidates = [g for g in art.figures if g.sentence == art.sentence_index(m.start()) - 1]
        # A whole in this sentence stands at the breakdown's own depth; one in the sentence
        # before stands outside brackets ("… là 2.000 ha (cả tỉnh khoảng 2.050 ha). Trong đó, …":
        # the aside is not what the next sentence breaks down).
        here = art.sentence_index(m.start())
        whole_candidates = [g for g in whole_candidates
                            if (g.sentence == here and _depth(art, s, g.start) == (depth - 1 if bracketed else depth))
                            or (g.sentence != here and not _in_parentheses(art, g))]
        totals_named = [g for g in whole_candidates if cues["total_words"].search(_before(art, g, 60))]
        whole_candidates = totals_named or whole_candidates
        parts = [g for g in parts if not cues["total_before"].search(_before(art, g, 30))
                 and not cues["whole_quantifier"].search(_before(art, g, 12))]
        if len(parts) < 2:
            continue
        kind = parts[0].kind
        family = [g for g in parts if g.kind == kind and (same_family(g, parts[0]) or kind == "count")]
        if len(family) < 2:
            continue
        whole = next((g for g in reversed(whole_candidates) if g.kind == kind and g.unit != "%"
                      and g.value is not None and (same_family(g, family[0]) or kind == "count")), None)
        if whole is None or len(family) < 2:
            continue
        out.append(sum_check(art, family, whole, m.group().strip(" ,:")))
        out += _bounds(art, family, whole)
        out += _nested(art, family)
    return out


def _nested(art: Article, parts: list[FigureDraft]) -> list[CheckDraft]:
    """"Có 18 CCN đi vào hoạt động (10 CCN đã lấp đầy, 8 CCN …)": a part broken down in brackets."""
    out = []
    for whole in parts:
        close = art.text.find(")", whole.end)
        opener = art.text[whole.end:close].find("(")
        if close < 0 or opener < 0:
            continue
        start = whole.end + opener
        inner = [g for g in art.figures if start < g.start < close and g.kind == whole.kind and same_family(g, whole)]
        if len(inner) >= 2:
            out.append(sum_check(art, inner, whole, "("))
    return out


def _depth(art: Article, start: int, pos: int) -> int:
    """How many brackets are open at `pos`, counted from `start` (a sentence's start)."""
    left = art.text[start:pos]
    return max(0, left.count("(") - left.count(")"))


def _remainders(art: Article) -> list[CheckDraft]:
    """"có 475/583 thôn … số còn lại 108 thôn": a + rest = b."""
    out = []
    for f in art.figures:
        if f.kind != "ratio" or not f.denominator:
            continue
        rest = next((g for g in _sentence_figures(art, f) if g.start > f.end and g.kind == "count"
                     and _cues()["remaining"].search(_before(art, g, 25))), None)
        if rest is None:
            continue
        point = f.numerator + rest.value
        check = judge("sum", [f, rest], _Fake(f.denominator), point, Interval.point(point),
                      f"{number_text(f.numerator)} + {number_text(rest.value)}",
                      f"{number_text(f.numerator, True)} + {number_text(rest.value, True)}", art)
        check.evidence = {"link": "remainder", "cue": _cues()["remaining"].search(_before(art, rest, 25)).group().strip()}
        out.append(check)
    return out


def _detailed(art: Article) -> list[CheckDraft]:
    """"… giảm 55 phòng, ban; giảm 35 trưởng phòng, ban. Cụ thể, ở khối A giảm 9 đầu mối
    phòng, ban …; ở khối B giảm 46 phòng ban …": parts matched to totals by their nouns."""
    out = []
    for i, (s, e) in enumerate(art.sentences):
        if not _cues()["detail_opener"].match(art.text, s, e) or i == 0:
            continue
        totals = [g for g in art.figures if g.sentence == i - 1 and g.kind in ("count", "change") and g.unit
                  and g.range_with is None and g.value is not None]
        para_end = art.text.find("\n", s)
        para_end = len(art.text) if para_end < 0 else para_end
        parts = [g for g in art.figures if s <= g.start < para_end and g.kind in ("count", "change") and g.unit
                 and g.range_with is None and g.value is not None]
        groups: dict[int, list[FigureDraft]] = {}
        for part in parts:
            best = _best_total(art, part, totals)
            if best is not None:
                groups.setdefault(id(best), []).append(part)
        for total in totals:
            members = groups.get(id(total), [])
            if len(members) >= 2:
                check = sum_check(art, members, total, art.text[s:e].split(",")[0].strip())
                # Sentences after the "Cụ thể" one may break down something else with the
                # same nouns; claims/evidence.py lets such a sum be consistent, not inconsistent.
                check.extra["beyond_sentence"] = any(g.start >= e for g in members)
                out.append(check)
    return out


def sum_check(art: Article, parts: list[FigureDraft], whole: FigureDraft, cue: str | None = None) -> CheckDraft:
    point = sum((g.value for g in parts), Decimal(0))
    iv = Interval.point(Decimal(0))
    for g in parts:
        iv = iv + interval(art, g)
    what, what_vi = both(lambda vi: " + ".join(written(art, g, vi) for g in parts))
    check = judge("sum", parts + [whole], whole, point, iv, what, what_vi, art)
    check.extra["parts_low"] = iv.lo
    check.extra["algebra"] = (parts, lambda *values: sum(values, Decimal(0)))
    check.evidence = {"link": "breakdown", "cue": cue}
    return check


def _bounds(art: Article, parts: list[FigureDraft], whole: FigureDraft) -> list[CheckDraft]:
    out = []
    for g in parts:
        if interval(art, g).lo > interval(art, whole).hi:
            out.append(CheckDraft(
                "bound", "inconsistent", [g, whole],
                f"the part {written(art, g)} is larger than the whole {written(art, whole)} it belongs to",
                f"phần {written(art, g, True)} lớn hơn cả tổng {written(art, whole, True)} mà nó thuộc về",
                reported=g.value, computed=whole.value, severity="error"))
    return out


def bound(art: Article) -> list[CheckDraft]:
    """A share that makes up more than the whole ("chiếm 120%")."""
    out = []
    for p in art.figures:
        if is_share(p) and p.value is not None and p.value > HUNDRED and _cues()["share_claim_bare"].search(_before(art, p, 15)):
            out.append(CheckDraft("bound", "inconsistent", [p],
                                  f"a share of {number_text(p.value)}% is more than the whole",
                                  f"tỷ lệ {number_text(p.value, True)}% lớn hơn cả tổng thể",
                                  reported=p.value, severity="error"))
    return out
