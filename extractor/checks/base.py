"""What every check shares: reading a figure as an interval, judging a computed value
against a stated one, and writing the verdict in English and Vietnamese."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..records.article import Article, FigureDraft
from ..records.numbers import scale_of
from ..records.units import units
from .interval import Interval, fmt, rounds_to, stated, truncates_to


@dataclass(eq=False)
class CheckDraft:
    rule: str
    status: str
    figures: list[FigureDraft]
    message: str
    message_vi: str
    reported: Decimal | None = None
    computed: Decimal | None = None
    interval: tuple[Decimal, Decimal] | None = None
    severity: str | None = None
    extra: dict = field(default_factory=dict)
    evidence: dict = field(default_factory=dict)   # how the text links the figures (claims/evidence.py)
    reason: str | None = None                      # why an unverifiable claim cannot be decided
    target: FigureDraft | None = None              # the stated figure the arithmetic is compared with


def scale(art: Article, f: FigureDraft, partner: bool = True) -> Decimal:
    """The scale words written with a figure ("21,6 nghìn tỷ" -> 10^12), or its range partner's
    ("7,5 - 15 triệu đồng": the 7,5 is in millions too)."""
    factor = Decimal(1)
    for word in art.text[f.q_start:f.end].split()[1:]:
        s = scale_of(word.strip(",.;"))
        if s:
            factor *= s
    if factor == 1 and partner and f.range_with is not None:
        return scale(art, f.range_with, partner=False)
    return factor


_COUNTED_TIME = ("ngày", "tuần", "tháng", "năm", "giờ")


def exact(art: Article, f: FigureDraft) -> bool:
    """A whole count written in full ("1.359 chi ủy", "130.000 đồng", "7 ngày") is exact."""
    if f.decimals or f.qualifier is not None or scale(art, f) != 1:
        return False
    if f.kind == "number":
        return f.unit in _COUNTED_TIME
    return f.kind in ("count", "money", "change") and f.unit not in units().no_measure


def interval(art: Article, f: FigureDraft) -> Interval:
    return stated(f.value, f.decimals, scale(art, f), exact=exact(art, f), qualifier=f.qualifier)


def stated_interval(art: Article, f: FigureDraft, shown: Decimal) -> Interval:
    """The interval a stated figure stands for, its number `shown` in the scale of its own
    words ("106.376" of "106.376 tỷ"). A ratio's qualifier ("khoảng 476.158/2.029.202")
    speaks of its counts, not of its percent."""
    return stated(shown, f.decimals or 0, Decimal(1), exact=exact(art, f),
                  qualifier=None if f.kind == "ratio" else f.qualifier)


def number_text(value: Decimal, vi: bool = False, places: int = 4) -> str:
    """A number for a message, in one notation per language: "106,466.5" in English,
    "106.466,5" in Vietnamese (thousands grouped, at most `places` decimals)."""
    text = fmt(value, places)
    sign = "-" if text.startswith("-") else ""
    whole, _, frac = text.lstrip("-").partition(".")
    grouped = f"{int(whole):,}" if whole.isdigit() else whole
    if vi:
        return sign + grouped.replace(",", ".") + ("," + frac if frac else "")
    return sign + grouped + ("." + frac if frac else "")


def written(art: Article, f: FigureDraft, vi: bool = False) -> str:
    """A figure's number with its scale word: in Vietnamese as the text writes it
    ("75.105 tỷ", "12,5 nghìn tỷ"), in English in English notation ("75,105 tỷ")."""
    label = scale_label(art, f)
    if vi and f.q_end > f.q_start:
        number = art.text[f.q_start:f.q_end].split()[0]
    else:
        factor = scale(art, f)
        number = number_text(f.value / factor if label else f.value, vi)
    return f"{number} {label}".strip() if label and label not in number else number


def both(render) -> tuple[str, str]:
    """A phrase in English and in Vietnamese from one template: `render(vi)`."""
    return render(False), render(True)


def scale_label(art: Article, f: FigureDraft) -> str:
    words = [w for w in art.text[f.q_start:f.end].split()[1:] if scale_of(w.strip(",.;"))]
    if not words and f.range_with is not None:
        words = [w for w in art.text[f.range_with.q_start:f.range_with.end].split()[1:] if scale_of(w.strip(",.;"))]
    return " ".join(words)


def judge(rule: str, figures: list[FigureDraft], reported: FigureDraft, point: Decimal, computed: Interval,
          what: str, what_vi: str, art: Article, unit: str = "") -> CheckDraft:
    """Compare a computed value with a stated one, given the stated precision.

    Consistent when the exact arithmetic lands in the stated value's interval; still
    consistent, and said so, when only the inputs' own rounding makes it land there.
    Otherwise inconsistent: severity `rounding` when the miss is within one unit of the
    last written digit (truncated instead of rounded, or a slip in the last digit),
    `error` beyond that."""
    d = reported.decimals or 0
    shown = reported.value
    factor = scale(art, reported)
    if factor != 1:
        # Say it in the figure's own scale: "106466 tỷ", not 106466000000000.
        point, computed = point / factor, Interval(computed.lo / factor, computed.hi / factor)
        shown = shown / factor
        unit = f" {scale_label(art, reported)}{unit}"
    target = stated_interval(art, reported, shown)
    p_en, p_vi = number_text(point), number_text(point, vi=True)
    r_en, r_vi = number_text(shown), number_text(shown, vi=True)
    common = dict(reported=reported.value, computed=point * factor, interval=(target.lo * factor, target.hi * factor),
                  target=reported)
    if target.contains(point):
        return CheckDraft(rule, "consistent", figures,
                          f"{what} = {p_en}{unit}, which rounds to the stated {r_en}{unit}",
                          f"{what_vi} = {p_vi}{unit}, làm tròn đúng bằng {r_vi}{unit} đã nêu", **common)
    if computed.meets(target):
        lo, hi = number_text(computed.lo), number_text(computed.hi)
        return CheckDraft(rule, "consistent", figures,
                          f"{what} = {p_en}{unit}, which rounds to {number_text(rounds_to(point, d))}{unit}, not the "
                          f"stated {r_en}{unit}; consistent only because the inputs are rounded too: with them "
                          f"anywhere in their intervals the result spans [{lo}; {hi}]{unit}",
                          f"{what_vi} = {p_vi}{unit}, làm tròn thành {number_text(rounds_to(point, d), vi=True)}{unit}, "
                          f"không phải {r_vi}{unit}; chỉ khớp vì các số đầu vào cũng đã làm tròn "
                          f"(kết quả có thể từ {number_text(computed.lo, vi=True)} đến {number_text(computed.hi, vi=True)}{unit})",
                          **common)
    unit_of_last = Decimal(10) ** -d
    # A rounding miss needs a rounded figure (an exact count is right or wrong) with more
    # than one significant digit ("3 lần" for 2 is no slip of the last digit).
    rounded = not exact(art, reported) and len(shown.normalize().as_tuple().digits) > 1
    if rounded and truncates_to(point, d) == shown and point >= 0:
        why, why_vi, severity = "the stated figure is truncated, not rounded", "số đã nêu bị cắt bớt chứ không làm tròn", "rounding"
    elif rounded and abs(point - shown) <= unit_of_last:
        why, why_vi, severity = "a slip in the last digit", "lệch ở chữ số cuối", "rounding"
    else:
        why, why_vi, severity = f"off by {number_text(point - shown)}{unit}", f"chênh {number_text(point - shown, vi=True)}{unit}", "error"
    return CheckDraft(rule, "inconsistent", figures,
                      f"{what} = {p_en}{unit}, which rounds to {number_text(rounds_to(point, d))}{unit}, not the stated "
                      f"{r_en}{unit} ({why})",
                      f"{what_vi} = {p_vi}{unit}, làm tròn thành {number_text(rounds_to(point, d), vi=True)}{unit}, "
                      f"không phải {r_vi}{unit} như đã nêu ({why_vi})", severity=severity, **common)


def same_family(a: FigureDraft, b: FigureDraft) -> bool:
    """Two figures that measure the same sort of thing: money in one currency, counts of
    things (the same head noun), numbers with one unit."""
    if a.kind == "money" or b.kind == "money":
        return _currency(a) is not None and _currency(a) == _currency(b)
    if a.unit is None or b.unit is None or "%" in (a.unit or "") or "%" in (b.unit or ""):
        return False
    return a.unit.split()[0].lower() == b.unit.split()[0].lower()


def _currency(f: FigureDraft) -> str | None:
    if f.unit is None:
        return None
    head = f.unit.split("/")[0]
    return head if head in ("đồng", "USD", "EUR", "euro", "Euro", "yên", "nhân dân tệ") else None


def is_share(f: FigureDraft) -> bool:
    return f.kind == "percent" and f.unit == "%" and f.pair_with is None and f.range_with is None
