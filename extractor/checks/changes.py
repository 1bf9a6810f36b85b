"""Changes: pair_change ("A%/B% (tăng C%)"), two_values_change ("từ X lên Y, tăng Z (P%)"),
continued_change ("V, tăng D (tăng P%)"), and year_over_year (a change against a year the
text gives no value for: unverifiable, with the earlier value it implies)."""
from __future__ import annotations

from decimal import Decimal

import regex

from ..records.article import Article, FigureDraft
from ..records.units import units
from .base import CheckDraft, both, interval, judge, number_text, same_family, written
from .reading import HUNDRED, _cues, _descriptor_words, _earlier, _in_parentheses, _sentence_figures, _share

_CLAUSE_CUT = regex.compile(r"[,;()]")


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
    unit = " points" if c.unit == units().points else ("%" if c.unit == units().percent else "")
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
                if c.unit == new.unit or (c.unit in units().percentages and new.unit == units().percent and c.unit != units().percent):
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
                    check = judge("two_values_change", [v, d, rel], rel, point, iv, what, what_vi, art, "%")
                    check.extra["algebra"] = ([v, d], _implied_relative(sign))
                    check.extra["wrong_base"] = d.value / v.value * HUNDRED
                    out.append(check)
    return out + _earlier_in_brackets(art)


def continued_change(art: Article) -> list[CheckDraft]:
    """A level, then — in a later sentence of its paragraph — its absolute and relative change: "cả nước xảy ra 9.593 vụ TNGT … So với cùng kỳ năm 2016,
    giảm 636 vụ (giảm 6,22%)"; "55,959 USD/thùng xăng RON 92 … giá xăng RON 92 giảm 2,158
    USD/thùng (tương đương 3,7%)". The level is the earlier figure of the change's measure;
    where several are, the one whose words the change repeats. The earlier value is implied
    (level ∓ change), and the relative change is checked against it."""
    out = []
    for d in art.figures:
        if d.kind != "change" or d.value is None or (d.unit is None or d.unit in units().no_measure) \
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
        check.extra["algebra"] = ([level, d], _implied_relative(sign))
        check.extra["wrong_base"] = d.value / level.value * HUNDRED
        check.evidence = {"link": "change", "cue": _comparison_cue(art, d), "earlier": "implied"}
        out.append(check)
    return out


def _implied_relative(sign: int):
    """A level and its change give the relative change: d / (level ∓ d)."""
    def formula(level, d):
        earlier = level - sign * d
        return d / earlier * HUNDRED if earlier > 0 else None
    return formula


def _comparison_cue(art: Article, d: FigureDraft) -> str | None:
    """"So với cùng kỳ năm 2016": the comparison the change's sentence makes, as written."""
    from ..claims.cues import cues

    s, e = art.sentence_span(d.start)
    m = cues()["comparison"].search(art.text, s, e)
    return _CLAUSE_CUT.split(art.text[m.start():e])[0].strip() if m else None


def _relative_after(art: Article, d: FigureDraft) -> FigureDraft | None:
    """The relative change right after an absolute one: "(giảm 6,22%)", "(tương đương 3,7%)"."""
    return next((g for g in _sentence_figures(art, d) if g.start > d.end and g.start - d.end <= 25
                 and g.unit == "%" and g.kind in ("change", "percent") and g.direction in (None, d.direction)
                 and "(" in art.text[d.end:g.start]), None)


def _level_for(art: Article, d: FigureDraft) -> FigureDraft | None:
    from ..claims.measure import same_measure   # the claims layer's measure, not the unit alone

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


def _earlier_in_brackets(art: Article) -> list[CheckDraft]:
    """"đạt 99,06%, giảm 0,26 điểm phần trăm so với năm 2022 (99,32%)", "87 vụ, tăng 17 vụ so
    với cùng kỳ năm 2022 (70 vụ)": the earlier value is given in brackets after the change."""
    cues = _cues()
    out = []
    for c in art.figures:
        a = c.of
        if c.kind != "change" or a is None or a.value is None or c.value is None or a.pair_with is not None \
                or c.unit == units().times:
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
        if any(c.end <= g.start < bracket.end() for g in art.figures_in_sentence(c.sentence)):
            continue                  # "giảm 33,8% so với cùng kỳ, tỷ lệ … đạt 71% (161 vụ)": the bracket is the 71%'s
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
    check = judge(rule, figs, c, point, iv, what, what_vi, art,
                  f" {c.unit}" if c.unit and c.unit != "%" else "")
    check.extra["algebra"] = ([new, old], lambda n, o: (n - o) * sign)
    return check


def _relative(rule, figs, new, old, c, art) -> CheckDraft:
    sign = 1 if c.direction == "increase" else -1
    point = (new.value - old.value) * sign / old.value * HUNDRED
    iv = ((interval(art, new) - interval(art, old)).scale(Decimal(sign)) / interval(art, old)).scale(HUNDRED)
    first, second = (new, old) if sign > 0 else (old, new)
    what, what_vi = both(lambda vi: f"({written(art, first, vi)} − {written(art, second, vi)})/{written(art, old, vi)}")
    check = judge(rule, figs, c, point, iv, what, what_vi, art, "%")
    check.extra["algebra"] = ([new, old], lambda n, o: (n - o) * sign / o * HUNDRED if o else None)
    check.extra["wrong_base"] = (new.value - old.value) * sign / new.value * HUNDRED if new.value else None
    return check


def year_over_year(art: Article, covered: set[int]) -> list[CheckDraft]:
    """A change against a year the text gives no value for ("95,91% (tăng 0,14% so với năm
    2021)"): unverifiable, with the earlier value it implies — as points and as a relative
    change — for later cross-article checks."""
    out = []
    for c in art.figures:
        a = c.of
        if c.kind != "change" or a is None or id(c) in covered or c.value is None or a.value is None:
            continue
        if c.unit not in units().percentages or a.unit != units().percent and a.kind != "ratio":
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
