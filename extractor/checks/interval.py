"""Intervals: what a number written with a given precision may stand for.

A stated "95,91" stands for anything in [95,905; 95,915) (statcheck's rule), "1,5 tỷ"
for [1,45; 1,55) tỷ, "13,1 triệu" for [13,05; 13,15) triệu. A count written as a whole
number ("1.359 chi ủy") is exact. A qualifier widens the interval: "hơn 2.000" is at
least 2.000, "khoảng 30 nghìn" is within 5% of it. Arithmetic on intervals is done in
Decimal, with the bounds kept closed (a point on the open end counts as inside: the
written digits cannot tell it apart).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

HUGE = Decimal("1e30")


@dataclass(frozen=True)
class Interval:
    lo: Decimal
    hi: Decimal

    @staticmethod
    def point(v: Decimal) -> "Interval":
        return Interval(v, v)

    def __add__(self, other: "Interval") -> "Interval":
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: "Interval") -> "Interval":
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __truediv__(self, other: "Interval") -> "Interval":
        if other.lo <= 0 <= other.hi:
            return Interval(-HUGE, HUGE)
        cands = [self.lo / other.lo, self.lo / other.hi, self.hi / other.lo, self.hi / other.hi]
        return Interval(min(cands), max(cands))

    def scale(self, k: Decimal) -> "Interval":
        a, b = self.lo * k, self.hi * k
        return Interval(min(a, b), max(a, b))

    def abs(self) -> "Interval":
        if self.lo >= 0:
            return self
        if self.hi <= 0:
            return Interval(-self.hi, -self.lo)
        return Interval(Decimal(0), max(-self.lo, self.hi))

    def meets(self, other: "Interval") -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def contains(self, v: Decimal) -> bool:
        return self.lo <= v <= self.hi

    @property
    def width(self) -> Decimal:
        return self.hi - self.lo


def half_unit(decimals: int | None, scale: Decimal = Decimal(1)) -> Decimal:
    return Decimal(5) * Decimal(10) ** (-(decimals or 0) - 1) * scale


def stated(value: Decimal, decimals: int | None, scale: Decimal = Decimal(1), *, exact: bool = False,
           qualifier: str | None = None) -> Interval:
    """The interval a written value stands for.

    Rounded to the written digits: value ± half a unit of the last digit. A qualifier
    reads as a rounding in one direction, by one unit of the last significant digit:
    "hơn 2.000" is in [2.000; 3.000), "trên 21,6 nghìn tỷ" in [21,6; 21,7) nghìn tỷ,
    "dưới 5%" in (4; 5], "khoảng 30 nghìn" within one unit either side."""
    half = Decimal(0) if exact else half_unit(decimals, scale)
    if qualifier in ("over", "under", "approx"):
        unit = _significant_unit(value, decimals, scale)
        if qualifier == "over":
            return Interval(value, value + unit)
        if qualifier == "under":
            return Interval(max(Decimal(0), value - unit), value)
        return Interval(value - unit, value + unit)
    return Interval(value - half, value + half)


def _significant_unit(value: Decimal, decimals: int | None, scale: Decimal) -> Decimal:
    if decimals:
        return Decimal(10) ** -decimals * scale
    written = (value / scale).to_integral_value()
    unit = Decimal(1)
    while written != 0 and written % 10 == 0:
        written /= 10
        unit *= 10
    return unit * scale


def rounds_to(value: Decimal, decimals: int) -> Decimal:
    q = Decimal(10) ** -decimals
    return value.quantize(q, rounding="ROUND_HALF_UP")


def truncates_to(value: Decimal, decimals: int) -> Decimal:
    q = Decimal(10) ** -decimals
    return value.quantize(q, rounding="ROUND_DOWN")


def fmt(value: Decimal, decimals: int = 4) -> str:
    """A number for a message: at most `decimals` decimals, no exponent."""
    v = value.quantize(Decimal(10) ** -decimals) if value == value else value
    text = format(v.normalize(), "f")
    return text
