"""A ✗ is a slip. Genuine errors in print are slips of the pen or of the calculator: a
rounding or a truncation, a wrong or transposed digit (in the stated result or in one of
the figures it is computed from), a part left out of a total or counted twice, the
complement of a share, the wrong base (a change over the later value, not the earlier),
one unit off. A mismatch no slip explains ("13" where the
arithmetic gives 7, "75 triệu" for 1 triệu) is far more likely chiso's misreading of which
figures belong together than the paper's error: such a check is `unverifiable` with reason
`implausible_reading`, shown to the user, never ✗.

The bounds come from the shared gold's genuine errors (15 in 42 articles, 16 ✗; `python -m
extractor.quality.slips` lists them with the slip that explains each): 6 roundings or
truncations; 2 a wrong digit in the stated result (76 → 56, 71,2 → 71,4); 4 a wrong or
swapped digit in a figure the result comes from (280 → 208, twice; two inputs of a sum, of
a share); 3 near misses: in self-contained claims ("95/96 (91,35%)", "417 người (63,8
người/ngày)" in 7 days) up to 8.3% of the stated value, in claims whose figures chiso links
across a sentence (a sum of four parts) 2.9%; and one part larger than its whole (a bound,
a claim of its own). Each bound is set just above the largest near miss of its kind: a
linked claim that misses by more is likelier a whole misread (a share of the ballots
counted so far read as a share of all ballots) than a misprint. A one-digit figure ("gấp 3
lần") only slips by one.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Callable, Iterable

from ...records.article import Article, FigureDraft
from ..base import scale, stated_interval
from ..interval import rounds_to
from .verdicts import _exceeds

NEAR_SELF_CONTAINED = Decimal("0.10")   # a near miss of "a/b (c%)", "A%/B% (tăng C%)": within 10%
NEAR_LINKED = Decimal("0.03")           # of a sum, a share of a total, a change of a level: within 3%
# A rate is as self-contained: "417 người (63,8 người/ngày)" names its count's unit and its
# period ("trong 7 ngày"), and the gate has matched both.
SELF_CONTAINED = frozenset({"ratio", "pair_change", "year_over_year", "rate"})
HUNDRED = Decimal(100)

# The rules whose ✗ is a claim of its own rather than arithmetic that may have slipped: a
# part larger than its whole, a share above 100%, a share no whole count can give (GRIM).
EXEMPT = frozenset({"bound", "grim"})


def explain(art: Article, check) -> tuple[str | None, list[str]]:
    """The slip that explains an inconsistent check (or None), and the readings tried."""
    tried = ["as stated"]
    if check.severity == "rounding":
        return "rounding", tried
    reported, point = check.reported, check.computed
    target = check.target
    if reported is None or point is None or target is None:
        return None, tried
    decimals = target.decimals or 0
    factor = scale(art, target)
    shown, value = reported / factor, point / factor
    tried.append("one unit off")
    if abs(rounds_to(value, decimals) - shown) <= Decimal(10) ** -decimals:
        return "one_unit", tried
    tried.append("a wrong or transposed digit in the stated figure")
    if _digit_slip(shown, rounds_to(value, decimals), decimals):
        return "digit", tried
    if target.unit == "%" and check.rule in ("part_of_total", "ratio"):
        tried.append("the complement")
        if rounds_to(HUNDRED - value, decimals) == shown:
            return "complement", tried
    if check.extra.get("wrong_base") is not None:
        tried.append("the wrong base (the change over the later value)")
        if _holds(art, target, check.extra["wrong_base"]):
            return "wrong_base", tried
    algebra = check.extra.get("algebra")
    if algebra is not None:
        tried.append("a wrong or transposed digit in a figure it is computed from")
        if _input_slip(art, check, algebra):
            return "input_digit", tried
    if check.rule == "sum":
        tried.append("a part left out or counted twice")
        parts = check.figures[:-1]
        if any(_holds(art, target, point - p.value) or _holds(art, target, point + p.value) for p in parts):
            return "part_left_out", tried
    if check.rule == "sum" and _exceeds(check):
        # Parts that already exceed their whole are a claim of their own, as a bound is:
        # judged with the looser bound ("gồm … hơn 6.400 tỷ đồng, … hơn 1.800 tỷ đồng" of
        # "khoảng 7.779 tỷ đồng").
        tried.append("parts over their whole")
        if abs(point - reported) <= NEAR_SELF_CONTAINED * abs(reported):
            return "parts_exceed_whole", tried
    tried.append("near miss")
    linked = check.rule not in SELF_CONTAINED or check.evidence.get("link") == "unit_price"
    near = NEAR_LINKED if linked else NEAR_SELF_CONTAINED
    if reported != 0 and abs(point - reported) <= near * abs(reported):
        return "near_miss", tried
    return None, tried


def _holds(art: Article, target: FigureDraft, value: Decimal) -> bool:
    """Does `value` fall in the interval the stated figure stands for (as judge reads it)?"""
    factor = scale(art, target)
    return stated_interval(art, target, target.value / factor).contains(value / factor)


def _digits(value: Decimal, decimals: int) -> str:
    q = value.quantize(Decimal(10) ** -decimals) if decimals else value.quantize(Decimal(1))
    return str(abs(q)).replace(".", "")


def _digit_slip(shown: Decimal, wanted: Decimal, decimals: int) -> bool:
    """One digit wrong (two in a number of six digits or more, "391.790" for 341.770), or
    two neighbours swapped, between what is stated and what the arithmetic gives, both
    written to the stated decimals; needs two significant digits."""
    a, b = _digits(shown, decimals).lstrip("0"), _digits(wanted, decimals).lstrip("0")
    if len(a) < 2 or len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) <= (2 if len(a) >= 6 else 1):
        return True
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def variants(value: Decimal, decimals: int, factor: Decimal) -> Iterable[Decimal]:
    """The values a figure would have with one digit wrong or two neighbours swapped, as
    written (in its own scale and decimals); none for a figure of fewer than three digits,
    where a changed digit explains anything."""
    digits = _digits(value / factor, decimals)
    if len(digits.lstrip("0")) < 3:
        return
    step = Decimal(10) ** -decimals if decimals else Decimal(1)
    for i in range(len(digits)):
        for d in "0123456789":
            if d != digits[i]:
                yield Decimal(digits[:i] + d + digits[i + 1:]) * step * factor
        if i + 1 < len(digits) and digits[i] != digits[i + 1]:
            yield Decimal(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:]) * step * factor


def _input_slip(art: Article, check, algebra: tuple[list[FigureDraft], Callable]) -> bool:
    """A figure the result is computed from, with one digit wrong or swapped, makes the
    check hold: "giảm từ 401 xuống 208, giảm 121 (30,2%)" holds with 280."""
    inputs, formula = algebra
    target = check.target
    values = [f.value for f in inputs]
    for i, f in enumerate(inputs):
        for v in variants(f.value, f.decimals or 0, scale(art, f)):
            trial = values[:i] + [v] + values[i + 1:]
            try:
                point = formula(*trial)
            except (ArithmeticError, ValueError):
                continue
            if point is not None and _holds(art, target, point):
                return True
    return False
