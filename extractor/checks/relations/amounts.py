"""Relations of amounts: a unit price, a change and the level it arrives at, a net
balance, a multiple that refers back."""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import regex

from ...claims.cues import currency
from ...claims.measure import same_measure
from ...claims.roles import amount
from ...patterns import load_patterns
from ...records.article import Article, FigureDraft
from ...records.units import units
from ..base import CheckDraft, both, interval, judge, number_text, written
from ..reading import HUNDRED, _earlier, _in_parentheses

_A_DIGIT = regex.compile(r"\d")
_IN_BRACKETS = regex.compile(r"\([^()]*\)")


@lru_cache(maxsize=1)
def _price_cues():
    p = load_patterns()
    return {"cue": p.compile(r"(?<![\p{L}\p{M}])(?:{@unit_price_cues})(?![\p{L}\p{M}])[^\d,;()]{0,15}$"),
            "conversions": p.lexicon("unit_conversions")}


def unit_price(art: Article, covered: set[int]) -> list[CheckDraft]:
    out = []
    conversions = _price_cues()["conversions"]
    for price in art.figures:
        if price.kind != "money" or not price.unit or "/" not in price.unit or price.value is None or id(price) in covered:
            continue
        money, per = price.unit.split("/", 1)
        per = per.strip().lower()
        s, _ = art.sentence_span(price.start)
        if per not in conversions or not _price_cues()["cue"].search(art.text[max(s, price.start - 40):price.start]):
            continue
        base, per_factor = conversions[per]
        here = [g for g in art.figures_in_sentence(price.sentence) if g.end <= price.start and g.value]
        amount = next((g for g in reversed(here) if g.kind == "money" and g.unit and "/" not in g.unit
                       and currency(g.unit) == currency(money)), None)
        quantity = next((g for g in reversed(here) if g.unit and g.unit.lower() in conversions
                         and conversions[g.unit.lower()][0] == base and g.kind in ("count", "number")), None)
        if amount is None or quantity is None:
            continue
        factor = Decimal(str(conversions[quantity.unit.lower()][1])) / Decimal(str(per_factor))
        point = amount.value / (quantity.value * factor)
        iv = interval(art, amount) / interval(art, quantity).scale(factor)
        what, what_vi = both(lambda vi: f"{written(art, amount, vi)}/{written(art, quantity, vi)}")
        check = judge("rate", [amount, quantity, price], price, point, iv, what, what_vi, art, f" {price.unit}")
        check.extra["algebra"] = ([amount, quantity], lambda a, q: a / (q * factor) if q else None)
        check.evidence = {"link": "unit_price", "cue": _price_cues()["cue"].search(
            art.text[max(s, price.start - 40):price.start]).group().strip(), "same_measure": True}
        out.append(check)
    return out


@lru_cache(maxsize=1)
def _change_cues():
    p = load_patterns()
    # "tăng 6 xu Mỹ, hay 0,1%": up to two words may finish the change's unit first
    return {"relative": p.compile(r"^\s*(?:[\p{L}\p{M}]+\s+){0,2}?(?:\(\s*[+-]?|,?\s*(?:{@relative_openers})(?![\p{L}\p{M}])\s*[+-]?)\s*$"),
            "new_level": p.compile(r"(?<![\p{L}\p{M}])(?:{@new_level_words})\s*$"),
            "subunits": p.lexicon("currency_subunits")}


def change_of_level(art: Article, covered: set[int]) -> list[CheckDraft]:
    """change / earlier level = relative change, the earlier level implied by the level the
    change arrives at: "tăng 11,3 USD, tương đương 0,9%, lên 1.232,1 USD/oz" (1.232,1 −
    11,3 = 1.220,8; 11,3/1.220,8 = 0,93%); "đạt 71.641 tỉ đồng, tăng 2.475 tỉ đồng tương
    đương 3,58%". The level is the amount after a new-level word ("lên", "xuống mức",
    "còn", "đạt") that follows the relative change in its clause, else the amount of the
    change's measure just before the change in its clause."""
    out = []
    cues = _change_cues()
    for d in art.figures:
        if d.kind != "change" or d.value is None or d.direction is None or id(d) in covered \
                or not d.unit or "%" in d.unit or d.unit in (units().times, units().points):
            continue
        sentence = art.figures_in_sentence(d.sentence)
        rel = next((g for g in sentence if g.start >= d.end), None)
        if rel is None or rel.unit != "%" or rel.value is None or id(rel) in covered \
                or rel.kind not in ("change", "percent") or not cues["relative"].match(art.text[d.end:rel.start]):
            continue
        level, factor = _arrived_level(art, d, rel, sentence)
        if level is None or id(level) in covered:
            continue
        sign = 1 if d.direction == "increase" else -1
        change = d.value * factor
        earlier = level.value - sign * change
        if earlier <= 0:
            continue
        point = change / earlier * HUNDRED
        d_iv = interval(art, d).scale(factor)
        iv = (d_iv / (interval(art, level) - d_iv.scale(Decimal(sign)))).scale(HUNDRED)
        op = "−" if sign > 0 else "+"
        def said(vi: bool) -> str:      # the change in the level's unit: "0,19" for "19 cent"
            return written(art, d, vi) if factor == 1 else number_text(change, vi)
        what, what_vi = both(lambda vi: f"{said(vi)}/({written(art, level, vi)} {op} {said(vi)})")
        check = judge("two_values_change", [d, rel, level] if level.start > d.start else [level, d, rel], rel, point, iv,
                      what, what_vi, art, "%")
        check.extra["algebra"] = ([level, d], lambda lv, ch: ch * factor / (lv - sign * ch * factor) * HUNDRED
                                  if lv - sign * ch * factor > 0 else None)
        check.extra["wrong_base"] = change / level.value * HUNDRED
        check.evidence = {"link": "change_of_level", "cue": art.text[d.end:rel.start].strip(" ,(+-") or "(",
                          "earlier": "implied", "same_measure": True}
        out.append(check)
    return out


def _arrived_level(art: Article, d: FigureDraft, rel: FigureDraft, sentence: list[FigureDraft]):
    """The level a change arrives at, and the factor that puts the change in its unit."""
    _, e = art.sentence_span(d.start)
    stop = art.text.find(";", rel.end, e)
    end = e if stop < 0 else stop
    after = next((g for g in sentence if g.start >= rel.end and g.start < end), None)
    if after is not None and after.value and after.start - rel.end <= 45:
        gap = art.text[rel.end:after.start]
        if not _A_DIGIT.search(gap) and _change_cues()["new_level"].search(gap.rstrip(" :")):
            factor = _change_factor(d, after)
            if factor is not None:
                return after, factor
    s, _ = art.sentence_span(d.start)
    before = [g for g in sentence if g.end <= d.start and g.value and g.kind in ("count", "money", "number")
              and not _in_parentheses(art, g) and g.range_with is None]
    for g in reversed(before):
        between = art.text[g.end:d.start]
        if ";" in between or len(_IN_BRACKETS.sub("", between)) > 40:
            break
        factor = _change_factor(d, g)
        if factor is not None:
            return g, factor
    return None, Decimal(1)


def _change_factor(d: FigureDraft, level: FigureDraft) -> Decimal | None:
    """1 where the change and the level measure one thing ("USD" and "USD/oz" are one
    currency; "điểm" and "điểm"), the subunit's worth where the change is in a smaller
    unit ("19 cent" of "45,83 USD/thùng"), None otherwise."""
    if not level.unit or not d.unit:
        return None
    lv = level.unit.split("/")[0].strip().lower()
    ch = d.unit.split("/")[0].strip().lower()
    lc, cc = currency(lv), currency(ch)
    if lc and cc:
        return Decimal(1) if lc == cc else None
    sub = _change_cues()["subunits"].get(ch.split()[0]) if ch.split() else None
    if sub and lc == sub[0]:
        return Decimal(str(sub[1]))
    return Decimal(1) if not lc and not cc and lv.split()[:1] == ch.split()[:1] else None



@lru_cache(maxsize=1)
def _net_cues():
    """One alternation a net relation (patterns/vi/claims.yaml, tables.net_relations): every
    phrase named by the side it stands for, longest first, so that "mua ròng" is the net and
    not the inflow "mua", and "xuất nhập khẩu" neither flow."""
    p = load_patterns()
    out = []
    for relation in p.table("net_relations"):
        sides = [(w, side) for side in ("inflow", "outflow", "net_in", "net_out", "blockers") for w in relation[side]]
        sides.sort(key=lambda t: -len(t[0]))
        names = {f"s{k}": side for k, (_, side) in enumerate(sides)}
        alternation = "|".join(f"(?P<s{k}>{regex.escape(w).replace(chr(92) + ' ', chr(92) + 's+')})"
                               for k, (w, _) in enumerate(sides))
        out.append((p.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{alternation})(?![\p{{L}}\p{{M}}])"), names))
    return out


@lru_cache(maxsize=1)
def _net_words():
    """Per relation, its net words alone: most articles name none and skip the marking."""
    p = load_patterns()
    return [p.compile(r"(?<![\p{L}\p{M}])(?:" + "|".join(regex.escape(w).replace("\\ ", "\\s+")
                                                    for w in r["net_in"] + r["net_out"]) + r")(?![\p{L}\p{M}])")
            for r in p.table("net_relations")]


def _side_marks(art: Article, s: int, e: int, pattern, names) -> list[tuple[int, str]]:
    return [(m.start(), names[m.lastgroup]) for m in pattern.finditer(art.text, s, e)]


def net_balance(art: Article, covered: set[int]) -> list[CheckDraft]:
    """net = inflow − outflow: "xuất khẩu 8,1 tỷ USD … nhập khẩu 7,5 tỷ USD … xuất siêu 0,6
    tỷ USD"; "mua vào … 361,38 tỷ đồng … bán ra … 356,45 tỷ đồng … mua ròng 4,93 tỷ đồng".
    Each figure stands for the flow the last cue before it in its sentence names; the net
    takes the nearest inflow and outflow of its measure before it, in its paragraph, at most
    three sentences back."""
    out = []
    for (pattern, names), nets in zip(_net_cues(), _net_words()):
        if not nets.search(art.text):
            continue                  # no net figure named: nothing to mark
        sides: dict[int, str] = {}
        for i, (s, e) in enumerate(art.sentences):
            marks = _side_marks(art, s, e, pattern, names)
            for f in art.figures_in_sentence(i):
                last = [side for at, side in marks if at < f.start]
                if last and amount(f):
                    sides[id(f)] = last[-1]
        for net in art.figures:
            side = sides.get(id(net))
            if side not in ("net_in", "net_out") or id(net) in covered:
                continue
            paragraph = art.text.rfind("\n", 0, net.start) + 1
            # the nearest first, in its paragraph, at most three sentences back
            earlier = [g for g in _earlier(art, net, 40) if g.start >= paragraph and g.sentence >= net.sentence - 3
                       and same_measure(g, net)]
            inflow = next((g for g in earlier if sides.get(id(g)) == "inflow"), None)
            outflow = next((g for g in earlier if sides.get(id(g)) == "outflow"), None)
            if inflow is None or outflow is None or id(inflow) in covered or id(outflow) in covered:
                continue
            sign = Decimal(1) if side == "net_in" else Decimal(-1)
            point = (inflow.value - outflow.value) * sign
            iv = (interval(art, inflow) - interval(art, outflow)).scale(sign)
            first, second = (inflow, outflow) if sign > 0 else (outflow, inflow)
            what, what_vi = both(lambda vi: f"{written(art, first, vi)} − {written(art, second, vi)}")
            figures = sorted([inflow, outflow], key=lambda g: g.start) + [net]
            check = judge("sum", figures, net, point, iv, what, what_vi, art, f" {net.unit}" if net.kind != "money" else "")
            check.extra["algebra"] = ([inflow, outflow], lambda a, b: (a - b) * sign)
            check.evidence = {"link": "net_balance", "cue": side, "complete": True, "same_measure": True}
            out.append(check)
    return out


@lru_cache(maxsize=1)
def _multiple_cue():
    return load_patterns().compile(
        r"\G\s*,?\s*(?:{@back_multiple_openers})\s+(?:{@multiplier_verbs})\s*$")


def back_multiple(art: Article, covered: set[int]) -> list[CheckDraft]:
    """larger = K × smaller, the multiple after the larger amount and referring back: "bán
    được 3.038 tỷ đồng, thu về 16.112 tỷ đồng, tức là gấp 5,2 lần giá trị vốn bán ra".
    The smaller is an earlier amount of the larger's measure in the sentence: consistent
    when one fits; judged against it when it is the only one."""
    out = []
    for m in art.figures:
        if m.unit != units().times or m.value is None or id(m) in covered:
            continue
        sentence = art.figures_in_sentence(m.sentence)
        before = [g for g in sentence if g.end <= m.start]
        if not before or not amount(before[-1]) or id(before[-1]) in covered:
            continue
        larger = before[-1]
        if not _multiple_cue().match(art.text, larger.end, m.q_start or m.start):
            continue
        smaller = [g for g in before[:-1][::-1] if amount(g) and same_measure(g, larger) and g.value
                   and g.value < larger.value and id(g) not in covered]
        verdicts = []
        for g in smaller:
            what, what_vi = both(lambda vi, g=g: f"{written(art, larger, vi)}/{written(art, g, vi)}")
            check = judge("multiplier", [g, larger, m], m, larger.value / g.value, interval(art, larger) / interval(art, g),
                          what, what_vi, art, " " + units().times)
            check.extra["algebra"] = ([g, larger], lambda a, b: b / a if a else None)
            check.evidence = {"link": "multiplier", "cue": art.text[larger.end:m.end].strip(" ,"), "same_measure": True,
                              "complete": True, "refers_back": True}
            verdicts.append(check)
        fits = [v for v in verdicts if v.status == "consistent"]
        if fits or len(verdicts) == 1:
            out.append((fits or verdicts)[0])
    return out
