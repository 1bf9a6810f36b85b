"""What a figure measures, as the checker compares it: the head it counts (a currency, a
class of counted noun), the state it is in, and whether two figures share a frame
(period and scope). A part and its whole, a value and its change, must agree here
before a check may call their arithmetic wrong."""
from __future__ import annotations

from ..records.article import FigureDraft
from ..records.units import units
from .cues import currency, measure_class


def head(f: FigureDraft) -> str | None:
    """What the figure counts: the currency ("tỷ đồng" and "đồng" are one), or the class of
    its counted noun ("dự án" and "công trình"), else the noun's first word."""
    if not f.unit or f.unit in units().no_measure:
        return None
    unit, _, per = f.unit.partition("/")          # "USD/thùng" and "USD/tấn" are two measures
    money = currency(unit)
    base = "money:" + money if money else measure_class(unit.lower(), unit.split()[0].lower() if unit.split() else unit)
    return f"{base}/{per.strip().lower()}" if per else base


def state(f: FigureDraft) -> str | None:
    if not f.measure or not f.unit or f.measure == f.unit:
        return None
    return f.measure[len(f.unit):].strip() or None


def same_measure(a: FigureDraft, b: FigureDraft) -> bool:
    """One thing counted: the same head noun (or currency), and no two different states."""
    if head(a) is None or head(a) != head(b):
        return False
    sa, sb = state(a), state(b)
    return sa is None or sb is None or sa == sb


def same_frame(a: FigureDraft, b: FigureDraft) -> bool:
    """The same period and scope, where both are set (periods: where each figure's own
    sentence states one). In one sentence a list may break its whole down by period
    ("giao tháng 8/2013 …, năm 2014 …"): only another sentence can speak of another period."""
    if a.sentence == b.sentence:
        return True
    periods = a.period_in_sentence and b.period_in_sentence and a.period != b.period
    return not periods and (a.scope is None or b.scope is None or a.scope.lower() == b.scope.lower())
