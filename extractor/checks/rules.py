"""The checks, one function a rule; each returns the CheckDrafts it can make of an article.

ratio             a/b against its stated percent ("1.359/1.417 = 95,91%").
pair_change       "A%/B% (tăng|giảm C%)": A − B against C, points or relative.
two_values_change "từ X lên|xuống Y, tăng|giảm Z (P%)", and "V, tăng D (tăng P%)".
part_of_total     a part, its share, and a total stated in the sentence or the article.
sum               parts presented as the whole ("trong đó …", "số còn lại …", "Cụ thể, …").
bound             a part larger than its whole; a share ("chiếm") above 100%.
rate              "368 vụ (52,6 vụ/ngày)" in 7 days.
multiplier        "gấp X lần" against the two values it compares.
grim              "x% of N" must be reachable with a whole count (GRIM).
year_over_year    a change against a year the text gives no value for: unverifiable,
                  with the earlier value it implies.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import regex

from ..article import Article, FigureDraft
from ..patterns import load_patterns
from .base import CheckDraft, both, exact, interval, is_share, judge, number_text, same_family, scale, written
from .interval import Interval, stated

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


# --- ratio --------------------------------------------------------------------------

def ratio(art: Article) -> list[CheckDraft]:
    """A ratio with a stated percent: a/b × 100 against the percent, numerator and
    denominator taken as exact counts."""
    out = []
    for f in art.figures:
        if f.kind != "ratio" or f.value is None or not f.denominator:
            continue
        point = f.numerator / f.denominator * HUNDRED
        what = f"{number_text(f.numerator)}/{number_text(f.denominator)}"
        what_vi = f"{number_text(f.numerator, True)}/{number_text(f.denominator, True)}"
        out.append(judge("ratio", [f], f, point, Interval.point(point), what, what_vi, art, "%"))
    return out


# --- pair_change --------------------------------------------------------------------

def pair_change(art: Article) -> list[CheckDraft]:
    """"đạt 16,03%/16,37% (giảm 0,34% so với năm 2021)": the difference of the pair against
    the change, read as percentage points, then as a relative change."""
    out = []
    for c in art.figures:
        a = c.of
        if c.kind != "change" or a is None or a.pair_with is None:
            continue
        b = a.pair_with
        out.append(_points_or_relative("pair_change", [a, b, c], a, b, c, art))
    return out


def _points_or_relative(rule: str, figs, new: FigureDraft, old: FigureDraft, c: FigureDraft, art: Article,
                        allow_relative: bool = True) -> CheckDraft:
    sign = 1 if c.direction == "increase" else -1
    points = (new.value - old.value) * sign
    points_iv = (interval(art, new) - interval(art, old)).scale(Decimal(sign))
    first, second = (new, old) if sign > 0 else (old, new)
    what = f"{number_text(first.value)} − {number_text(second.value)}"
    what_vi = f"{number_text(first.value, True)} − {number_text(second.value, True)}"
    unit = " points" if c.unit == "điểm phần trăm" else ("%" if c.unit == "%" else "")
    by_points = judge(rule, figs, c, points, points_iv, what, what_vi, art, unit)
    if by_points.status == "consistent" or not allow_relative or c.unit != "%" or old.value == 0:
        by_points.extra["reading"] = "points"
        return by_points
    rel = points / old.value * HUNDRED
    rel_iv = (points_iv / interval(art, old)).scale(HUNDRED)
    by_relative = judge(rule, figs, c, rel, rel_iv, f"({what})/{number_text(old.value)}",
                        f"({what_vi})/{number_text(old.value, True)}", art, "%")
    if by_relative.status == "consistent":
        by_relative.message += " (read as a relative change; as percentage points it would be " + number_text(points) + ")"
        by_relative.message_vi += " (hiểu là thay đổi tương đối; nếu là điểm phần trăm thì là " + number_text(points, True) + ")"
        by_relative.extra["reading"] = "relative"
        return by_relative
    by_points.message += f"; read as a relative change it would be {number_text(rel)}%, which does not fit either"
    by_points.message_vi += f"; nếu hiểu là thay đổi tương đối thì là {number_text(rel, True)}%, cũng không khớp"
    return by_points


# --- two_values_change --------------------------------------------------------------

def two_values_change(art: Article) -> list[CheckDraft]:
    """Two values and the change between them: "giảm từ 401 xuống còn 208 đơn vị, giảm 121
    đơn vị (30,2%)"; and a value with its absolute and relative change: "thụ lý 38 nghìn vụ,
    tăng 3,9 nghìn vụ (tăng 11%)" (the earlier value is 38 − 3,9 nghìn)."""
    out = []
    figures = art.figures
    for i, f in enumerate(figures):
        # (a) a level range "từ X … lên|xuống Y" followed by its changes
        if f.rule == "level_range" and f.range_with is not None and f.range_with.start > f.start:
            old, new = f, f.range_with
            for c in _changes_after(art, new):
                if c.unit == new.unit or (c.unit in ("%", "điểm phần trăm") and new.unit == "%" and c.unit != "%"):
                    out.append(_difference("two_values_change", [old, new, c], new, old, c, art))
                elif c.unit == "%":
                    out.append(_points_or_relative("two_values_change", [old, new, c], new, old, c, art)
                               if new.unit == "%" else _relative("two_values_change", [old, new, c], new, old, c, art))
                    absolute = next((d for d in _changes_after(art, new) if d.unit == new.unit and d.end <= c.start), None)
                    if absolute is not None and new.unit != "%":
                        out.append(_share("part_of_total", [absolute, c, old], absolute, old, c, art))
        # (b) value, absolute change, relative change
        if f.kind == "change" and f.of is not None and f.of.kind in ("count", "money", "number") \
                and f.of.range_with is None and f.unit != "%" and same_family(f, f.of):
            rel = next((c for c in _changes_after(art, f) if c.unit == "%" and c.direction == f.direction), None)
            if rel is not None:
                v, d = f.of, f
                sign = 1 if d.direction == "increase" else -1
                earlier = v.value - sign * d.value
                if earlier > 0:
                    point = d.value / earlier * HUNDRED
                    iv = (interval(art, d) / (interval(art, v) - interval(art, d).scale(Decimal(sign)))).scale(HUNDRED)
                    op = "−" if sign > 0 else "+"
                    what, what_vi = both(lambda vi: f"{written(art, d, vi)}/({written(art, v, vi)} {op} {written(art, d, vi)})")
                    out.append(judge("two_values_change", [v, d, rel], rel, point, iv, what, what_vi, art, "%"))
    return out + _earlier_in_brackets(art)


def continued_change(art: Article) -> list[CheckDraft]:
    """A level, then — in a later sentence of its paragraph — its absolute and relative change: "cả nước xảy ra 9.593 vụ TNGT … So với cùng kỳ năm 2016,
    giảm 636 vụ (giảm 6,22%)"; "55,959 USD/thùng xăng RON 92 … giá xăng RON 92 giảm 2,158
    USD/thùng (tương đương 3,7%)". The level is the earlier figure of the change's measure;
    where several are, the one whose words the change repeats. The earlier value is implied
    (level ∓ change), and the relative change is checked against it."""
    out = []
    for d in art.figures:
        if d.kind != "change" or d.value is None or d.unit in (None, "%", "điểm phần trăm", "lần") \
                or d.of is not None and same_family(d, d.of) or d.direction is None:
            continue
        rel = _relative_after(art, d)
        if rel is None:
            continue
        level = _level_for(art, d)
        if level is None:
            continue
        sign = 1 if d.direction == "increase" else -1
        earlier = level.value - sign * d.value
        if earlier <= 0:
            continue
        point = d.value / earlier * HUNDRED
        iv = (interval(art, d) / (interval(art, level) - interval(art, d).scale(Decimal(sign)))).scale(HUNDRED)
        op = "−" if sign > 0 else "+"
        what, what_vi = both(lambda vi: f"{written(art, d, vi)}/({written(art, level, vi)} {op} {written(art, d, vi)})")
        check = judge("two_values_change", [level, d, rel], rel, point, iv, what, what_vi, art, "%")
        check.evidence = {"link": "change", "cue": _comparison_cue(art, d), "earlier": "implied"}
        out.append(check)
    return out


def _comparison_cue(art: Article, d: FigureDraft) -> str | None:
    """"So với cùng kỳ năm 2016": the comparison the change's sentence makes, as written."""
    from ..claims.cues import cues

    s, e = art.sentence_span(d.start)
    m = cues()["comparison"].search(art.text, s, e)
    return regex.split(r"[,;()]", art.text[m.start():e])[0].strip() if m else None


def _relative_after(art: Article, d: FigureDraft) -> FigureDraft | None:
    """The relative change right after an absolute one: "(giảm 6,22%)", "(tương đương 3,7%)"."""
    return next((g for g in _sentence_figures(art, d) if g.start > d.end and g.start - d.end <= 25
                 and g.unit == "%" and g.kind in ("change", "percent") and g.direction in (None, d.direction)
                 and "(" in art.text[d.end:g.start]), None)


def _level_for(art: Article, d: FigureDraft) -> FigureDraft | None:
    from ..claims.evidence import same_measure   # the claims layer's measure, not the unit alone

    paragraph = art.text.rfind("\n", 0, d.start) + 1
    # A level in the change's own sentence ("tăng 5,32 điểm (+4,79%), đạt 116,35 điểm") is
    # two_values_change's; this rule reads the sentences before it.
    if any(g.kind != "change" and g.value is not None and same_measure(g, d) for g in _sentence_figures(art, d)):
        return None
    pool = [g for g in _earlier(art, d, 60) if g.start >= paragraph and d.sentence - 3 <= g.sentence < d.sentence
            and g.kind in ("count", "money", "number") and g.value is not None and g.range_with is None
            and not _in_parentheses(art, g) and same_measure(g, d)]
    if not pool:
        return None
    if len(pool) == 1:
        return pool[0]
    said = _descriptor_words(art, d)
    scored = sorted(((len(said & _descriptor_words(art, g)), i, g) for i, g in enumerate(pool)),
                    key=lambda t: (-t[0], t[1]))
    best, second = scored[0], scored[1]
    return best[2] if best[0] > 0 and best[0] > second[0] else None


def _descriptor_words(art: Article, f: FigureDraft) -> set[str]:
    """The words around a figure within its clause (what it is of: "xăng RON 92")."""
    s, e = art.sentence_span(f.start)
    left = regex.split(r"[,;:()]\s", art.text[max(s, f.start - 40):f.start])[-1]
    right = regex.split(r"[,;:()]", art.text[f.end:min(e, f.end + 40)])[0]
    return {w.lower() for w in regex.findall(r"[\p{L}\p{M}\d]+", left + " " + right) if len(w) > 1}


def _earlier_in_brackets(art: Article) -> list[CheckDraft]:
    """"đạt 99,06%, giảm 0,26 điểm phần trăm so với năm 2022 (99,32%)", "87 vụ, tăng 17 vụ so
    với cùng kỳ năm 2022 (70 vụ)": the earlier value is given in brackets after the change."""
    cues = _cues()
    out = []
    for c in art.figures:
        a = c.of
        if c.kind != "change" or a is None or a.value is None or c.value is None or a.pair_with is not None \
                or c.unit == "lần":
            continue
        _, e = art.sentence_span(c.start)
        stop = art.text.find(";", c.end, e)
        end = e if stop < 0 else stop
        bracket = cues["earlier_bracket"].match(art.text, c.end, end)
        if not bracket or not cues["comparison"].search(art.text, c.end, bracket.end()):
            continue
        b = next((g for g in art.figures if g.start == bracket.end() and g.value is not None), None)
        if b is None or not (b.unit == a.unit or same_family(a, b)):
            continue
        changes = [c] + [d for d in _changes_after(art, c) if d.end <= b.start and d.direction == c.direction]
        for d in changes:
            if d.unit == "%" and a.unit != "%":
                out.append(_relative("two_values_change", [a, d, b], a, b, d, art))
            elif a.unit == "%":
                out.append(_points_or_relative("two_values_change", [a, d, b], a, b, d, art))
            else:
                out.append(_difference("two_values_change", [a, d, b], a, b, d, art))
    return out


def _changes_after(art: Article, f: FigureDraft) -> list[FigureDraft]:
    """The changes that follow a figure in its clause (up to ';' or the sentence end)."""
    _, e = art.sentence_span(f.start)
    stop = art.text.find(";", f.end, e)
    end = e if stop < 0 else stop
    return [c for c in art.figures_in_sentence(f.sentence) if c.kind == "change" and f.end <= c.start < end]


def _difference(rule, figs, new, old, c, art) -> CheckDraft:
    sign = 1 if c.direction == "increase" else -1
    point = (new.value - old.value) * sign
    iv = (interval(art, new) - interval(art, old)).scale(Decimal(sign))
    first, second = (new, old) if sign > 0 else (old, new)
    what, what_vi = both(lambda vi: f"{written(art, first, vi)} − {written(art, second, vi)}")
    return judge(rule, figs, c, point, iv, what, what_vi, art,
                 f" {c.unit}" if c.unit and c.unit != "%" else "")


def _relative(rule, figs, new, old, c, art) -> CheckDraft:
    sign = 1 if c.direction == "increase" else -1
    point = (new.value - old.value) * sign / old.value * HUNDRED
    iv = ((interval(art, new) - interval(art, old)).scale(Decimal(sign)) / interval(art, old)).scale(HUNDRED)
    first, second = (new, old) if sign > 0 else (old, new)
    what, what_vi = both(lambda vi: f"({written(art, first, vi)} − {written(art, second, vi)})/{written(art, old, vi)}")
    return judge(rule, figs, c, point, iv, what, what_vi, art, "%")


def _share(rule, figs, part, total, share, art) -> CheckDraft:
    point = part.value / total.value * HUNDRED
    iv = (interval(art, part) / interval(art, total)).scale(HUNDRED)
    what, what_vi = both(lambda vi: f"{written(art, part, vi)}/"
                                    f"{written(art, total, vi) if total.end else number_text(total.value, vi)}")
    return judge(rule, figs, share, point, iv, what, what_vi, art, "%")


# --- part_of_total ------------------------------------------------------------------

def part_of_total(art: Article) -> list[CheckDraft]:
    """A share ("chiếm 71,4% tổng nợ đóng", "đạt tỷ lệ 16%") of a part stated just before
    it, against a total the text states: in the sentence after "tổng số", as the whole a
    "Trong đó" clause breaks down, as the denominator of "x/97 xã" for "tổng số xã", or as
    an earlier figure the share names ("99% số người tham gia BHXH"). Where several totals
    are possible, the share is consistent if one of them fits."""
    out = []
    for p in art.figures:
        if not is_share(p) or p.value is None or p.value > HUNDRED:
            continue
        part = _part_for(art, p)
        if part is None:
            continue
        totals = [t for t in _totals_for(art, p, part) if t.value and t.value > 0 and t is not part]
        # A share inside a breakdown ("… (trong đó: … khối địa phương là 18.705.823 triệu đồng,
        # chiếm 33,2%)") is of the whole that breakdown breaks down, unless the sentence
        # names its total ("trên tổng số …").
        whole = _breakdown_whole(art, part)
        named_here = any(t.sentence == p.sentence and _cues()["total_before"].search(_before(art, t, 30)) for t in totals)
        names_base = bool(_cues()["share_base"].match(art.text, p.end))
        if whole is not None and same_family(whole, part) and whole is not part and not named_here and not names_base:
            totals = [whole]
        if not totals:
            continue
        verdicts = [_share("part_of_total", [part, p, t], part, t, p, art) for t in totals]
        chosen = next((v for v in verdicts if v.status == "consistent"), None) or verdicts[0]
        chosen.extra.update(candidates=len(totals), named_base=_named_noun(art, p))
        chosen.evidence = {"link": "share", "cue": _before(art, p, 25).split()[-1] if _before(art, p, 25).split() else None}
        out.append(chosen)
    return out


def _part_for(art: Article, p: FigureDraft) -> FigureDraft | None:
    left = _before(art, p, 60)
    cues = _cues()
    if not (cues["share_verb"].search(left) or left.rstrip().endswith("(") or cues["share_paren"].search(left)):
        return None
    noun = _named_noun(art, p)
    candidates = [g for g in _sentence_figures(art, p)
                  if g.end <= p.start and g.kind in ("count", "money") and g.value is not None]
    if noun:                              # "chiếm 8% về tổng số vụ": the part counted in "vụ"
        named = [g for g in candidates if (noun == "tiền" and g.kind == "money")
                 or (g.unit and g.unit.split()[0].lower() == noun)]
        candidates = named or candidates
    named_total = False
    for g in reversed(candidates):
        if cues["total_before"].search(_before(art, g, 30)):
            named_total = True
            continue                      # "trên tổng số 10.480 thí sinh" is the total, not the part
        between = art.text[g.end:p.start]
        # "2.000 đó là số cơ sở vi phạm … trong tổng số 21.364 cơ sở … (chiếm 9%)": a part,
        # its total, then the share may run longer
        if len(between) > (200 if named_total else 120) or "%" in between and not cues["share_paren"].search(art.text[g.end:p.start]):
            return None
        return g
    return None


def _named_noun(art: Article, p: FigureDraft) -> str | None:
    m = _cues()["named_noun"].match(art.text[p.end:p.end + 30])
    return m.group(1).lower() if m else None


def _totals_for(art: Article, p: FigureDraft, part: FigureDraft) -> list[FigureDraft]:
    """Every total the text offers for a share, most likely first."""
    cues = _cues()
    found: list[FigureDraft] = []

    def add(items):
        for g in items:
            if g is not part and g not in found and g.value is not None and g.value > 0:
                found.append(g)

    add(g for g in _sentence_figures(art, p) if g is not part and g.kind == part.kind
        and same_family(g, part) and cues["total_before"].search(_before(art, g, 30)))
    after = art.text[p.end:p.end + 50]
    # The whole a "Trong đó" clause breaks down, when the share names it: "chiếm 11,67%
    # tổng số vi phạm" of "186.420 trường hợp vi phạm".
    whole = _breakdown_whole(art, part)
    total_phrase = cues["total_phrase"].match(after)
    if whole is not None and same_family(whole, part) and total_phrase \
            and total_phrase.group(1) in art.text[whole.end - len(whole.unit or ""):whole.end + 30]:
        add([whole])
    named = cues["named_base"].match(after)
    # "đạt 8,7% dự toán" is a share of a target the text does not state; only "tổng số …",
    # "số …" or a share after "chiếm" names a whole to look for.
    chiem = cues["share_claim"].search(_before(art, p, 25))
    if named and (named.group("prefix") or chiem) and not cues["target"].match(named.group(2)):
        phrase = named.group(2).strip()
        noun = phrase.split()[-1] if phrase else ""
        # "chiếm 75,2% tổng số xã": the denominator of "82/97 xã" elsewhere
        dens = [g for g in art.figures if g.kind == "ratio" and g.denominator and noun
                and art.text[g.end:g.end + 12].strip().startswith(noun)]
        if dens and cues["total_head"].search(after[:12]) and part.kind == "count":
            add([_Fake(dens[0].denominator)])
        # "99% số người tham gia BHXH", "75,9% tổng kim ngạch": the figure that follows
        # those words earlier on
        words = phrase.split()
        key = " ".join(words[1:]) if len(words) > 2 and words[0] in cues["base_counters"] else (phrase if len(words) >= 2 else None)
        if key:
            hits = []
            earlier = _earlier(art, part, 300)[::-1]
            for occurrence in regex.finditer(regex.escape(key), art.text[max(0, part.start - 20000):part.start]):
                at = occurrence.end() + max(0, part.start - 20000)
                nxt = next((g for g in earlier if g.start >= at and same_family(g, part)), None)
                if nxt is not None and nxt.start - at < 80:
                    hits.append(nxt)
            add(hits[::-1])
        # "chiếm 43,8% tổng vốn FDI vào Việt Nam": a figure stated anywhere in the article
        # right after "tổng vốn …", larger than the part.
        if named.group("prefix") and cues["total_words"].match(named.group("prefix").strip()) and words:
            add(_named_totals(art, part, words[0]))
    if cues["total_words"].search(after[:15]):
        add(g for g in _earlier(art, part, 300) if g.kind == part.kind
            and same_family(g, part) and cues["total_words"].search(_before(art, g, 60).split(",")[-1]))
        add(g for g in _sentence_figures(art, p) if g.start > p.end and g.kind == part.kind and g.kind == "count"
            and g.value is not None and g.value > part.value)
    return found


def _named_totals(art: Article, part: FigureDraft, head: str) -> list[FigureDraft]:
    """Figures the text introduces as a total of `head` ("tổng vốn đăng ký … là 1,58 tỷ
    USD"), anywhere in the article: the first figure after "tổng (số) vốn" in its sentence,
    within 80 characters, of the part's family and larger than it."""
    return [g for g in _introduced_totals(art).get(head.lower(), [])
            if g is not part and same_family(g, part) and g.value is not None and g.value > part.value]


def _introduced_totals(art: Article) -> dict[str, list[FigureDraft]]:
    """Head noun -> the figures introduced as its total; one pass over the article, kept on
    it (a share asks for it once per share)."""
    cached = getattr(art, "_named_totals", None)
    if cached is not None and cached[0] == len(art.figures):
        return cached[1]
    by_head: dict[str, list[FigureDraft]] = {}
    for m in _cues()["named_total"].finditer(art.text):
        nxt = next((g for g in art.figures_in_sentence(art.sentence_index(m.start())) if g.start >= m.end()), None)
        if nxt is not None and nxt.start - m.end() <= 80:
            by_head.setdefault(m.group("head").lower(), []).append(nxt)
    art._named_totals = (len(art.figures), by_head)
    return by_head


def _breakdown_whole(art: Article, part: FigureDraft) -> FigureDraft | None:
    """The whole a "trong đó"/"Trong đó," clause holding `part` breaks down."""
    cues = _cues()
    s, e = art.sentence_span(part.start)
    marker = None
    for m in cues["breakdown"].finditer(art.text, s, part.start):
        marker = m
    if marker is None:
        return None
    sentence_start = art.text[s:marker.start()].strip() == ""
    if sentence_start:
        idx = art.sentence_index(marker.start()) - 1
        pool = [g for g in art.figures if g.sentence == idx]
    else:
        pool = [g for g in art.figures if s <= g.start and g.end <= marker.start()]
    return next((g for g in reversed(pool) if g.kind == part.kind and same_family(g, part)
                 and not _in_parentheses(art, g)), None)


def complementary_shares(art: Article) -> list[CheckDraft]:
    """Parts each with its share in brackets, the shares making up the whole: "43.461 (chiếm
    66,06%), … 22.337 (chiếm 33,94%)" — the whole is the parts' sum, and each share is
    checked against it. Needs at least two parts of one family in one sentence, and shares
    whose intervals reach 100% together."""
    out = []
    cues = _cues()
    for i in range(len(art.sentences)):
        pairs = []
        for share in art.figures_in_sentence(i):
            if not is_share(share) or share.value is None:
                continue
            part = next((g for g in reversed(art.figures_in_sentence(i)) if g.end <= share.start
                         and g.kind in ("count", "money", "number") and g.value and g.range_with is None), None)
            if part is None or not cues["bracketed_share"].fullmatch(art.text, part.end, share.start) \
                    or not regex.match(r"\s*\)", art.text[share.end:share.end + 3]):
                continue
            pairs.append((part, share))
        first = pairs[0][0] if pairs else None
        if len(pairs) < 2 or not all(p.kind == first.kind and (p.unit == first.unit or same_family(first, p))
                                     for p, _ in pairs[1:]):
            continue
        shares = Interval.point(Decimal(0))
        for _, s in pairs:
            shares = shares + interval(art, s)
        if not shares.contains(HUNDRED):
            continue
        whole = sum((p.value for p, _ in pairs), Decimal(0))
        whole_iv = Interval.point(Decimal(0))
        for p, _ in pairs:
            whole_iv = whole_iv + interval(art, p)
        for part, share in pairs:
            others = [p for p, _ in pairs if p is not part]
            point = part.value / whole * HUNDRED
            iv = (interval(art, part) / whole_iv).scale(HUNDRED)
            what, what_vi = both(lambda vi: f"{written(art, part, vi)}/({' + '.join(written(art, p, vi) for p, _ in pairs)})")
            check = judge("part_of_total", [part, share] + others, share, point, iv, what, what_vi, art, "%")
            check.evidence = {"link": "complementary_shares", "cue": "(" + art.text[part.end:share.start].strip(" (") + "…%)",
                              "complete": True}
            out.append(check)
    return out


def by_category(art: Article) -> list[CheckDraft]:
    """"… 15.492 doanh nghiệp được cấp phép thành lập mới … Nếu phân theo loại hình doanh
    nghiệp thành lập mới thì Công ty TNHH một thành viên chiếm tỷ trọng cao nhất (58,3%) với
    9.034 doanh nghiệp; … chiếm 28,9% với 4.486 doanh nghiệp; …": a sentence that breaks an
    earlier figure down by category, one part and its share a clause. The whole is the
    earlier figure of the parts' measure whose words the sentence repeats; each share is
    checked against it, and the parts' sum too."""
    from ..claims.evidence import same_measure

    out = []
    for i, (s, e) in enumerate(art.sentences):
        cue = _cues()["by_category"].search(art.text, s, e)
        if cue is None:
            continue
        pairs = []
        for a, b in _clauses(art, cue.end(), e):
            inside = [g for g in art.figures_in_sentence(i) if a <= g.start < b and g.value is not None]
            parts = [g for g in inside if g.kind in ("count", "money") and g.range_with is None]
            shares = [g for g in inside if is_share(g)]
            if len(parts) == 1 and len(shares) == 1:
                pairs.append((parts[0], shares[0]))
        if len(pairs) < 2 or not all(same_measure(pairs[0][0], p) for p, _ in pairs[1:]):
            continue
        wholes = _category_wholes(art, i, cue, pairs)
        if not wholes:
            continue
        for part, share in pairs:
            verdicts = [_share("part_of_total", [part, share, w], part, w, share, art) for w in wholes]
            chosen = next((v for v in verdicts if v.status == "consistent"), None) or verdicts[0]
            chosen.extra.update(candidates=len(wholes))
            chosen.evidence = {"link": "by_category", "cue": cue.group()}
            out.append(chosen)
        if len(wholes) == 1:
            out.append(sum_check(art, [p for p, _ in pairs], wholes[0], cue.group()))
    return out


def _clauses(art: Article, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start] + [start + m.end() for m in regex.finditer(";", art.text[start:end])] + [end]
    return list(zip(cuts[:-1], cuts[1:]))


def _category_wholes(art: Article, i: int, cue, pairs) -> list[FigureDraft]:
    """The earlier figures (three sentences back, same paragraph) the category sentence may
    break down: of the parts' measure, larger than every part, best matched by words."""
    from ..claims.evidence import same_measure

    first = pairs[0][0]
    paragraph = art.text.rfind("\n", 0, art.sentences[i][0]) + 1
    largest = max(p.value for p, _ in pairs)
    pool = [g for j in range(max(0, i - 3), i) for g in art.figures_in_sentence(j)
            if g.start >= paragraph and g.kind == first.kind and g.value is not None and g.value > largest
            and not _in_parentheses(art, g) and same_measure(g, first)]
    if not pool:
        return []
    said = {w.lower() for w in regex.findall(r"[\p{L}\p{M}]+", art.text[cue.end():cue.end() + 60].split(",")[0])}
    said |= _descriptor_words(art, first)
    scored = [(len(said & _descriptor_words(art, g)), g) for g in pool]
    best = max(score for score, _ in scored)
    return [g for score, g in scored if score == best and best > 0]


# --- sum ----------------------------------------------------------------------------

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
    """"Trong 37 điểm ùn tắc, 25 điểm …, 2 điểm …, 10 điểm …": a sentence that opens on its
    whole and names its parts after the comma. Parts of the whole's own measure only."""
    out = []
    for i, (s, e) in enumerate(art.sentences):
        figs = art.figures_in_sentence(i)
        if len(figs) < 3 or figs[0].kind != "count" or figs[0].value is None:
            continue
        whole = figs[0]
        if not _cues()["whole_opener"].match(art.text[s:whole.start]):
            continue
        # "Trong 37 điểm ùn tắc, …": the whole's noun runs up to the comma, with no number in it
        clause = art.text[whole.end:e]
        comma = clause.find(",")
        if comma < 0 or regex.search(r"\d", clause[:comma]):
            continue
        parts = [g for g in figs[1:] if g.kind == "count" and g.value is not None and g.range_with is None
                 and same_family(g, whole) and _depth(art, s, g.start) == 0]
        if len(parts) >= 2:
            out.append(sum_check(art, parts, whole, art.text[s:whole.start].strip()))
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
        whole_candidates = [g for g in whole_candidates if _depth(art, s, g.start) == (depth - 1 if bracketed else depth)
                            or g.sentence != art.sentence_index(m.start()) and not _in_parentheses(art, g)]
        totals_named = [g for g in whole_candidates if cues["total_words"].search(_before(art, g, 60))]
        whole_candidates = totals_named or whole_candidates
        parts = [g for g in parts if not cues["total_before"].search(_before(art, g, 30))]
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


def _in_parentheses(art: Article, f: FigureDraft) -> bool:
    s, _ = art.sentence_span(f.start)
    left = art.text[s:f.start]
    return left.count("(") > left.count(")")


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


class _Fake(FigureDraft):
    """A ratio's denominator standing as the stated total of a sum."""

    def __init__(self, value: Decimal):
        super().__init__(kind="count", start=0, end=0, value=value, unit="", decimals=0, rule="ratio")


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


def _descriptor(art: Article, f: FigureDraft) -> set[str]:
    text = art.text[f.q_end:f.q_end + 60]
    text = regex.split(r"[,;.()]", text)[0]
    return {w.lower() for w in text.split() if w}


def _best_total(art: Article, part: FigureDraft, totals: list[FigureDraft]) -> FigureDraft | None:
    pd = _descriptor(art, part)
    best, best_score = None, None
    for t in totals:
        if t.kind != part.kind and {t.kind, part.kind} != {"count", "change"}:
            continue
        td = _descriptor(art, t)
        if not td or not (td <= pd or pd <= td) or (("phó" in td) != ("phó" in pd)):
            continue
        score = len(td ^ pd)
        if best_score is None or score < best_score:
            best, best_score = t, score
    return best


def sum_check(art: Article, parts: list[FigureDraft], whole: FigureDraft, cue: str | None = None) -> CheckDraft:
    point = sum((g.value for g in parts), Decimal(0))
    iv = Interval.point(Decimal(0))
    for g in parts:
        iv = iv + interval(art, g)
    what, what_vi = both(lambda vi: " + ".join(written(art, g, vi) for g in parts))
    check = judge("sum", parts + [whole], whole, point, iv, what, what_vi, art)
    check.extra["parts_low"] = iv.lo
    check.evidence = {"link": "breakdown", "cue": cue}
    return check


# --- bound --------------------------------------------------------------------------

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


# --- rate ---------------------------------------------------------------------------

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
        out.append(judge("rate", [count, span, r], r, point, iv, f"{number_text(count.value)}/{number_text(span.value)}",
                         f"{number_text(count.value, True)}/{number_text(span.value, True)}", art, f" {r.unit}"))
    return out


# --- multiplier ---------------------------------------------------------------------

def multiplier(art: Article) -> list[CheckDraft]:
    """"A … tăng gấp K lần so với … (B)": A the last quantity before the multiple, B the
    first of the same family after it; the quotient against K. (claims/evidence.py then
    asks that the text really compares the two.)"""
    out = []
    for m in art.figures:
        if m.unit != "lần" or m.value is None:
            continue
        values = [g for g in _sentence_figures(art, m) if g.kind in ("count", "money", "number") and g is not m
                  and g.value and g.unit != "lần" and g.range_with is None]
        before = [g for g in values if g.end <= m.start]
        if not before:
            continue
        a = before[-1]
        b = next((g for g in values if g.start >= m.end and same_family(a, g)), None)
        if b is None:
            continue
        point = a.value / b.value
        what, what_vi = both(lambda vi: f"{written(art, a, vi)}/{written(art, b, vi)}")
        out.append(judge("multiplier", [a, b, m], m, point, interval(art, a) / interval(art, b),
                         what, what_vi, art, " lần"))
    return out


# --- grim ---------------------------------------------------------------------------

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


# --- year_over_year -----------------------------------------------------------------

def year_over_year(art: Article, covered: set[int]) -> list[CheckDraft]:
    """A change against a year the text gives no value for ("95,91% (tăng 0,14% so với năm
    2021)"): unverifiable, with the earlier value it implies — as points and as a relative
    change — for later cross-article checks."""
    out = []
    for c in art.figures:
        a = c.of
        if c.kind != "change" or a is None or id(c) in covered or c.value is None or a.value is None:
            continue
        if c.unit not in ("%", "điểm phần trăm") or a.unit != "%" and a.kind != "ratio":
            continue
        sign = 1 if c.direction == "increase" else -1
        points = a.value - sign * c.value
        base = 1 + sign * c.value / HUNDRED
        if base <= 0:      # "giảm 100%" and beyond: no earlier value makes that a relative change
            continue
        relative = a.value / base
        when = str(c.reference_year) if c.reference_year else "the period compared with"
        when_vi = f"năm {c.reference_year}" if c.reference_year else "kỳ so sánh"
        out.append(CheckDraft(
            "year_over_year", "unverifiable", [a, c],
            f"the text gives no value for {when}; the change implies {number_text(points, places=2)}% then "
            f"(as percentage points) or {number_text(relative, places=2)}% (as a relative change)",
            f"bài không nêu số liệu {when_vi}; mức thay đổi này ngụ ý khi đó là {number_text(points, True, 2)}% "
            f"(theo điểm phần trăm) hoặc {number_text(relative, True, 2)}% (theo tỷ lệ tương đối)",
            reported=c.value, computed=points, extra={"implied_points": points, "implied_relative": relative},
            reason="no_earlier_value", evidence={"link": "change", "cue": f"so với {when_vi}", "earlier": "implied"}))
    return out
