"""Relations as templates over roles (claims/roles.py) and measures, searched over a
sentence and the two before it in its paragraph; never over a sentence's shape.

share_of_whole  part / whole = share: a share and its part, against every earlier amount
                of the part's measure larger than it ("Đoàn kiểm tra 512 cơ sở, phát hiện
                203 cơ sở vi phạm (chiếm 39,6%)"; "bán được 4.210 xe. … chiếm 47% …,
                tương đương 1.979 xe"). Charitable: consistent when one whole fits; ✗ only
                against the one whole the share's own sentence offers.
shares_whole    Σ shares = 100%: a list of shares of one whole ("phổ thông chiếm 41%, sơ
                cấp 22%, trung cấp 15%, cao đẳng trở lên 22%"); said only when it holds (a
                list may leave out what it does not name).
unit_price      amount / quantity = price: "thu hoạch 12.000 tấn, doanh thu 360 tỷ đồng,
                tức khoảng 30.000 đồng/kg", the quantity converted to the price's unit.
change_of_level change / (level ∓ change) = relative change: "tăng 11,3 USD, tương đương
                0,9%, lên 1.232,1 USD/oz".
net_balance     net = inflow − outflow: "xuất khẩu 8,1 tỷ USD … nhập khẩu 7,5 tỷ USD …
                xuất siêu 0,6 tỷ USD"; "mua vào … bán ra … bán ròng".
back_multiple   larger = K × smaller, the multiple referring back: "bán được 3.038 tỷ đồng,
                thu về 16.112 tỷ đồng, tức là gấp 5,3 lần giá trị vốn bán ra".
part_over_whole part ≤ whole: a whole broken down after it, whose first part alone is more
                ("điều trị nội trú 2.860 lượt, trong đó có 3.015 lượt …"): a bound.

Each takes the article and the figures other rules have already checked, so that a claim
is judged once.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import regex

from ..claims.cues import currency
from ..claims.measure import same_measure
from ..claims.roles import _amount, is_share, part_of
from ..patterns import load_patterns
from ..records.article import Article, FigureDraft
from ..claims.roles import opens_a_breakdown
from .base import CheckDraft, both, interval, judge, number_text, written
from .sums import _bounds
from .interval import Interval
from .reading import HUNDRED, _in_parentheses, _share

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


_JOINED = regex.compile(r"^[^,;:()\d%]{0,25}(?<![\p{L}\p{M}])và(?![\p{L}\p{M}])[^,;:()\d%]{0,25}$")


def _joint_share(art: Article, part: FigureDraft, share: FigureDraft, wholes: list[FigureDraft]) -> CheckDraft | None:
    """"Số chuyến chậm 380 chuyến và hủy 10 chuyến, chiếm tỷ lệ gần 15%" of "khai thác 2.605
    chuyến": the share of two parts joined by "và" together. Said only where it holds (it
    is the charitable reading, tried when the last part alone fits no whole)."""
    before = [g for g in art.figures_in_sentence(part.sentence) if g.end <= part.start]
    if not before or not _amount(before[-1]) or not same_measure(before[-1], part) \
            or not _JOINED.match(art.text[before[-1].end:part.start]):
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
            check.evidence = {"link": "share_of_whole", "cue": "và", "whole": art.text[whole.start:whole.end],
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
            and g.role in ("level", "whole") and g.kind == part.kind and _amount(g)
            and g.value > part.value and g.range_with is None and same_measure(g, part)
            and not _in_parentheses(art, g)]
    return pool[::-1]


def shares_whole(art: Article, covered: set[int]) -> list[CheckDraft]:
    out = []
    percents: dict[int, int] = {}
    for f in art.figures:
        if f.kind == "percent":
            percents[f.sentence] = percents.get(f.sentence, 0) + 1
    for i in (i for i, n in sorted(percents.items()) if n >= 2):      # a list needs two shares
        for run in _share_lists(art, i):
            if not run or any(id(f) in covered for f in run):
                continue
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
                or not d.unit or "%" in d.unit or d.unit in ("lần", "điểm phần trăm"):
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
        if not regex.search(r"\d", gap) and _change_cues()["new_level"].search(gap.rstrip(" :")):
            factor = _change_factor(d, after)
            if factor is not None:
                return after, factor
    s, _ = art.sentence_span(d.start)
    before = [g for g in sentence if g.end <= d.start and g.value and g.kind in ("count", "money", "number")
              and not _in_parentheses(art, g) and g.range_with is None]
    for g in reversed(before):
        between = art.text[g.end:d.start]
        if ";" in between or len(regex.sub(r"\([^()]*\)", "", between)) > 40:
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
                if last and _amount(f):
                    sides[id(f)] = last[-1]
        for net in art.figures:
            side = sides.get(id(net))
            if side not in ("net_in", "net_out") or id(net) in covered:
                continue
            paragraph = art.text.rfind("\n", 0, net.start) + 1
            earlier = [g for g in _before_in(art, net, paragraph) if same_measure(g, net)]
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


def _before_in(art: Article, f: FigureDraft, paragraph: int) -> list[FigureDraft]:
    """The figures before `f` in its paragraph, at most three sentences back, nearest first."""
    i = art.figure_index(f)
    return [g for g in art.figures[max(0, i - 40):i][::-1] if g.start >= paragraph and g.sentence >= f.sentence - 3]


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
        if m.unit != "lần" or m.value is None or id(m) in covered:
            continue
        sentence = art.figures_in_sentence(m.sentence)
        before = [g for g in sentence if g.end <= m.start]
        if not before or not _amount(before[-1]) or id(before[-1]) in covered:
            continue
        larger = before[-1]
        if not _multiple_cue().match(art.text, larger.end, m.q_start or m.start):
            continue
        smaller = [g for g in before[:-1][::-1] if _amount(g) and same_measure(g, larger) and g.value
                   and g.value < larger.value and id(g) not in covered]
        verdicts = []
        for g in smaller:
            what, what_vi = both(lambda vi, g=g: f"{written(art, larger, vi)}/{written(art, g, vi)}")
            check = judge("multiplier", [g, larger, m], m, larger.value / g.value, interval(art, larger) / interval(art, g),
                          what, what_vi, art, " lần")
            check.extra["algebra"] = ([g, larger], lambda a, b: b / a if a else None)
            check.evidence = {"link": "multiplier", "cue": art.text[larger.end:m.end].strip(" ,"), "same_measure": True,
                              "complete": True}
            verdicts.append(check)
        fits = [v for v in verdicts if v.status == "consistent"]
        if fits or len(verdicts) == 1:
            out.append((fits or verdicts)[0])
    return out


@lru_cache(maxsize=1)
def _right_after_breakdown():
    return load_patterns().compile(r"(?<![\p{L}\p{M}])(?:{@breakdown_words})(?![\p{L}\p{M}])[^,;()]{0,20}$")
