"""Rates and multiples: rate ("368 vụ (52,6 vụ/ngày)" in 7 days), multiplier ("gấp X lần"
against the two values it compares), grim ("x% of N" reachable with a whole count)."""
from __future__ import annotations

from decimal import Decimal

from ..records.article import Article
from ..records.units import units
from .base import CheckDraft, both, exact, interval, is_share, judge, number_text, same_family, written
from .interval import stated
from .reading import HUNDRED, _before, _cues, _sentence_figures


def rate(art: Article) -> list[CheckDraft]:
    """"trong 7 ngày … 368 vụ (52,6 vụ/ngày)": a stated rate against count / duration."""
    out = []
    for r in art.figures:
        if r.kind != "number" or not r.unit or "/" not in r.unit or r.value is None:
            continue
        per = r.unit.split("/")[-1]
        count = next((g for g in reversed(_sentence_figures(art, r)) if g.end <= r.start and g.kind == "count"
                      and g.unit and g.unit.split()[0] == r.unit.split("/")[0].split()[0]), None)
        span = next((g for g in _sentence_figures(art, r) if g.kind == "number" and g.unit == per and g.value), None)
        if count is None or span is None:
            continue
        point = count.value / span.value
        iv = interval(art, count) / interval(art, span)
        check = judge("rate", [count, span, r], r, point, iv, f"{number_text(count.value)}/{number_text(span.value)}",
                      f"{number_text(count.value, True)}/{number_text(span.value, True)}", art, f" {r.unit}")
        check.extra["algebra"] = ([count, span], lambda c, t: c / t if t else None)
        out.append(check)
    return out


def multiplier(art: Article) -> list[CheckDraft]:
    """"A … tăng gấp K lần so với … (B)": A the last quantity before the multiple, B the
    first of the same family after it; the quotient against K. (claims/evidence.py then
    asks that the text really compares the two.)"""
    out = []
    for m in art.figures:
        if m.unit != units().times or m.value is None:
            continue
        values = [g for g in _sentence_figures(art, m) if g.kind in ("count", "money", "number") and g is not m
                  and g.value and g.unit != units().times and g.range_with is None]
        before = [g for g in values if g.end <= m.start]
        if not before:
            continue
        a = before[-1]
        b = next((g for g in values if g.start >= m.end and same_family(a, g)), None)
        if b is None:
            continue
        point = a.value / b.value
        what, what_vi = both(lambda vi: f"{written(art, a, vi)}/{written(art, b, vi)}")
        check = judge("multiplier", [a, b, m], m, point, interval(art, a) / interval(art, b),
                      what, what_vi, art, " " + units().times)
        check.extra["algebra"] = ([a, b], lambda x, y: x / y if y else None)
        out.append(check)
    return out


def grim(art: Article) -> list[CheckDraft]:
    """GRIM: "có 56 đơn vị (trong đó nữ chiếm 85,3%)" — is there a whole count k with
    k/56 rounding to 85,3%? Too large an N cannot tell (every share is reachable)."""
    out = []
    for p in art.figures:
        if not is_share(p) or p.value is None:
            continue
        left = _before(art, p, 80)
        # "có 1.600 CNVCLĐ (trong đó tỉ lệ nữ chiếm 85%)": N is the whole the share is of.
        if not _cues()["bracket_share"].search(left):
            continue
        n = next((g for g in reversed(_sentence_figures(art, p)) if g.end <= p.start and g.kind == "count"
                  and exact(art, g)), None)
        if n is None or n.value <= 0 or p.value > HUNDRED:
            continue
        target = stated(p.value, p.decimals, Decimal(1))
        lo_k, hi_k = target.lo * n.value / HUNDRED, target.hi * n.value / HUNDRED
        reachable = int(hi_k) >= lo_k.to_integral_value(rounding="ROUND_CEILING")
        if hi_k - lo_k >= 1:
            status, msg, msg_vi = ("unverifiable",
                                   f"{number_text(p.value)}% of {number_text(n.value)}: every share at this precision is reachable with a whole count, so GRIM cannot tell",
                                   f"{number_text(p.value, True)}% của {number_text(n.value, True)}: với độ chính xác này tỷ lệ nào cũng đạt được, không kiểm tra được")
        elif reachable:
            k = lo_k.to_integral_value(rounding="ROUND_CEILING")
            status, msg, msg_vi = ("consistent", f"{number_text(k)}/{number_text(n.value)} = {number_text(k / n.value * HUNDRED)}%, which rounds to the stated {number_text(p.value)}%",
                                   f"{number_text(k, True)}/{number_text(n.value, True)} = {number_text(k / n.value * HUNDRED, True)}%, làm tròn đúng bằng {number_text(p.value, True)}%")
        else:
            status, msg, msg_vi = ("inconsistent", f"no whole count out of {number_text(n.value)} gives {number_text(p.value)}% (k would have to lie in [{number_text(lo_k)}; {number_text(hi_k)}])",
                                   f"không có số nguyên nào trên {number_text(n.value, True)} cho ra {number_text(p.value, True)}%")
        out.append(CheckDraft("grim", status, [n, p], msg, msg_vi, reported=p.value,
                              severity="error" if status == "inconsistent" else None,
                              reason="too_coarse" if status == "unverifiable" else None,
                              evidence={"link": "grim", "cue": "trong đó"}))
    return out
