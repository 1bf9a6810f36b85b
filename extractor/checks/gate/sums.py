"""The gates of parts and wholes (sum, bound): one measure, one frame, a complete list,
no unread number among the parts, no other whole the parts fit."""
from __future__ import annotations

from decimal import Decimal

import regex

from ...claims.cues import cues, opposite
from ...claims.measure import same_frame, same_measure, state
from ...records.article import Article, FigureDraft
from ..sums import sum_check
from .verdicts import _exceeds, _is_rest, _partial, _priced_share, _threshold, _unverifiable

_A_DIGIT = regex.compile(r"\d")
_NOT_DIGIT = regex.compile(r"\D")


def _sum_gate(art: Article, check, evidence: dict):
    if evidence.get("link") in ("shares_of_one_whole", "net_balance"):   # checks/relations matched the measures
        return check
    if evidence.get("link") == "remainder":     # "475/583 thôn …, số còn lại 108 thôn"
        evidence.update(complete=True, same_measure=True)
        return check
    *parts, whole = check.figures
    if len(parts) > 1 and any(p.value == whole.value and p.unit == whole.unit for p in parts):
        return None                      # "xe 4 bánh …, bao gồm … xe 4 bánh và 2 bánh": the whole named again, no breakdown
    rest = bool(parts) and _is_rest(art, parts[-1]) and same_measure(parts[-1], whole)
    unlike = [p for p in parts if not same_measure(p, whole)]
    evidence["same_measure"] = not unlike or rest
    if unlike and not rest:
        return _unverifiable(check, "unit_mismatch", "the parts and the whole count different things",
                             "các phần và tổng không cùng đơn vị đo")
    if not all(same_frame(p, whole) for p in parts):
        return _unverifiable(check, "period_mismatch", "the parts and the whole are of different periods or places",
                             "các phần và tổng khác kỳ hoặc khác phạm vi")
    if check.status == "inconsistent" and any(_compared(art, p) for p in parts):
        evidence["complete"] = False
        return _unverifiable(check, "compared_part", "a figure in the list is the other term of a comparison, not "
                             "one of its parts", "một số trong danh sách là vế so sánh, không phải một phần")
    prefix = _prefix_fits(art, check, parts) if check.status == "inconsistent" else 0
    if prefix:
        # What the text does establish: its first parts make the whole. Said as a check of
        # those parts, with the rest named as lying outside it.
        outside = [art.text[p.start:p.end] for p in parts[prefix:]]
        rest = ", ".join(map(repr, outside))
        fitted = sum_check(art, parts[:prefix], whole, evidence.get("cue"))
        fitted.evidence = {**evidence, "complete": False, "outside": outside}
        fitted.message += f"; the parts after them ({rest}) lie outside this whole"
        fitted.message_vi += f"; các phần sau ({rest}) nằm ngoài tổng này"
        return fitted
    other = _other_whole(art, check, whole) if check.status == "inconsistent" else None
    if other is not None:
        evidence["other_whole"] = art.text[other.start:other.end]
        return _unverifiable(check, "ambiguous_total", f"the parts add up to another figure the text states "
                             f"({art.text[other.start:other.end]!r})", "các phần cộng lại bằng một số khác trong bài")
    if check.status == "inconsistent" and _nested(art, parts, whole):
        evidence["complete"] = False
        return _unverifiable(check, "nested_subset", "the list breaks down one of its own parts, or its whole is "
                             "itself a part of another breakdown", "danh sách lồng nhau: có phần được chia nhỏ tiếp")
    if check.status == "inconsistent" and all(_priced_share(art, p) for p in parts):
        return _unverifiable(check, "parts_are_prices", "each part is the amount paid for a share of the whole, "
                             "not a part of it", "mỗi phần là số tiền trả cho một tỷ lệ của tổng, không phải một phần")
    if check.status == "inconsistent" and _net(art, whole, parts):
        return _unverifiable(check, "net_total", "the whole is a net figure: the parts have opposite signs",
                             "tổng là số ròng: các phần trái dấu nhau")
    if check.status == "inconsistent" and not _exceeds(check) and _unnumbered_item(art, parts):
        evidence["complete"] = False
        return _unverifiable(check, "partial_list", "the list goes on with an item the text gives no number for",
                             "danh sách còn một phần không có số liệu")
    if check.extra.get("beyond_sentence") and check.status == "inconsistent":
        evidence["complete"] = False
        return _unverifiable(check, "parts_across_sentences", "some parts come from later sentences, which may "
                             "break down something else", "một số phần nằm ở các câu sau, có thể thuộc tổng khác")
    if _threshold(art, whole):
        evidence["complete"] = False
        return _unverifiable(check, "threshold", "the whole is a threshold, not a total", "tổng là một ngưỡng, không phải tổng số")
    cue = _partial(art, parts, whole)
    short = check.status == "inconsistent" and not _exceeds(check)
    if cue is None and short and state(whole) is None and all(state(p) for p in parts):
        cue = "+".join(sorted({state(p) for p in parts}))    # delayed + cancelled of all flights: the rest were on time
    if cue is None and short and not _exhaustive(art, check, parts):
        cue = evidence.get("cue") or "breakdown"   # a breakdown word that does not say "all of it"
    if cue is None and short and _unread_number(art, check.figures, parts):
        evidence["complete"] = False
        return _unverifiable(check, "part_not_read", "a number in the list was not read as one of its parts",
                             "có số trong danh sách chưa được đọc là một phần")
    evidence["complete"] = cue is None
    if cue is None and check.status == "inconsistent" and _rounded_parts(art, parts, whole):
        return _unverifiable(check, "rounded_parts", "the parts are written round beside an exact whole, and "
                             "their rounding covers the gap", "các phần được làm tròn, độ làm tròn đủ bù chênh lệch")
    if cue is not None:
        evidence["partial_cue"] = cue
        if check.status == "inconsistent" and _exceeds(check):
            evidence["reading"] = "the parts listed already exceed the whole"
            return check
        return _unverifiable(check, "partial_list", f"the list names only some parts ({cue!r})",
                             f"danh sách chỉ nêu một số phần ({cue!r})")
    return check


# A number standing on its own: not part of a code ("Su-30MKI"), a date ("20/1") or a year.
_DIGITS = regex.compile(r"(?<![\p{L}\d/.,-])(?!(?:19|20)\d\d(?!\d))\d+(?:[.,]\d+)*(?![\p{L}\d/-])")


def _unread_number(art: Article, figures: list[FigureDraft], parts: list[FigureDraft]) -> bool:
    """A number inside the list (up to the end of its clause) that is no figure of the check:
    a part chiso did not read ("… Hóa học 4 bài và Toán 3 bài")."""
    start = min(p.start for p in parts)
    _, sentence_end = art.sentence_span(start)
    end = art.text.find(";", max(p.end for p in parts), sentence_end)
    end = sentence_end if end < 0 else end
    spans = [(f.start, f.end) for f in figures]
    spans += [m.span() for m in cues()["period"].finditer(art.text, start, end)]   # "vào tháng 8.2015"
    for m in _DIGITS.finditer(art.text, start, end):
        if _in_brackets(art.text, start, m.start()):
            continue                   # a part's own details: "(gồm 77 chiếc …)", "(8583 đến 8586)"
        if not any(a <= m.start() < b for a, b in spans):
            return True
    return False


def _prefix_fits(art: Article, check, parts: list[FigureDraft]) -> int:
    """How many leading parts add up to the whole within its rounding ("… 311,5 tỷ đồng và
    cuối cùng là nợ lãi với số tiền 1.428 tỷ đồng…": the first three are the 9.920,8), or 0."""
    if not check.interval or len(parts) < 3:
        return 0
    lo, hi = check.interval
    total = Decimal(0)
    for n, p in enumerate(parts[:-1], start=1):
        total += p.value
        if n >= 2 and lo <= total <= hi:
            return n
    return 0


def _other_whole(art: Article, check, whole: FigureDraft) -> FigureDraft | None:
    """A figure of the whole's measure, in its sentence or the one before, that the parts
    do add up to: the list breaks that one down ("671 tàu … vỏ gỗ 297, vỏ sắt 352 …")."""
    total = check.computed
    if total is None:
        return None
    *parts, _ = check.figures
    rounding = sum(_written_step(art, p) for p in parts) / 2
    for g in art.figures_in_sentence(whole.sentence) + art.figures_in_sentence(whole.sentence - 1):
        if g is whole or g in check.figures or g.value is None or not same_measure(g, whole):
            continue
        # within a thousandth (values are scaled: "1,5 tỷ" is 1500000000), and within what the
        # figures as written may have been rounded by: 1.500,25 + 700,40 ha is 5 ha off 2.195,65
        # ha, which no rounding of numbers given to the hundredth explains
        if abs(g.value - total) <= min(abs(total) / 1000, rounding + _written_step(art, g) / 2):
            return g
    return None


def _written_step(art: Article, f: FigureDraft) -> Decimal:
    """The unit of the last digit a figure is written to, in its value's scale: 0,01 for
    "452.055,37 ha", 100000000 for "1,5 tỷ đồng"."""
    digits = _NOT_DIGIT.sub("", art.text[f.q_start:f.q_end])
    if not digits or f.value is None or int(digits) == 0:
        return Decimal(0)
    written = Decimal(int(digits)).scaleb(-(f.decimals or 0))
    return abs(f.value / written).scaleb(-(f.decimals or 0))


def _nested(art: Article, parts: list[FigureDraft], whole: FigureDraft) -> bool:
    """"671 tàu, gồm 627 tàu cá và 44 tàu dịch vụ, trong đó 297 tàu vỏ gỗ …": a breakdown word
    among the parts (they are not siblings), or between the whole and an earlier figure of
    its measure in the sentence (the whole is a part of that one's breakdown)."""
    breakdown = cues()["breakdown"]
    first, last = min(p.start for p in parts), max(p.end for p in parts)
    if whole.end <= first:
        for m in breakdown.finditer(art.text, first, last):
            if not _in_brackets(art.text, first, m.start()):     # "(gồm 77 chiếc …)" details a part
                return True
    for g in art.figures_in_sentence(whole.sentence):
        if g.end <= whole.start and g is not whole and same_measure(g, whole) and breakdown.search(art.text, g.end, whole.start):
            return True
    return False


def _net(art: Article, whole: FigureDraft, parts: list[FigureDraft]) -> bool:
    """Words of both signs ("lỗ" and "lãi") in the clause that breaks the whole down."""
    _, end = art.sentence_span(max(p.end for p in parts))
    words = {m.group().lower() for m in cues()["signs"].finditer(art.text, min([whole.start] + [p.start for p in parts]), end)}
    return any(opposite(w) in words for w in words)


def _unnumbered_item(art: Article, parts: list[FigureDraft]) -> bool:
    """"gồm 2 nước …, 4 nước … cùng thị trường phát triển Singapore": a list closer after
    the last numbered part, before the clause ends, opens an item with no number."""
    last = max(parts, key=lambda p: p.end)
    _, sentence_end = art.sentence_span(last.start)
    stop = art.text.find(";", last.end, sentence_end)
    tail = art.text[last.end:sentence_end if stop < 0 else stop]
    tail = tail.split("(")[0]
    return bool(cues()["closer"].search(tail)) and not _A_DIGIT.search(tail)


def _exhaustive(art: Article, check, parts: list[FigureDraft]) -> bool:
    """Parts presented as all of the whole: after "gồm", "cụ thể", or a list closed by "và"."""
    if cues()["exhaustive"].match(check.evidence.get("cue") or ""):
        return True
    return len(parts) >= 2 and bool(cues()["closer"].search(art.text, parts[-2].end, parts[-1].start))


def _compared(art: Article, f: FigureDraft) -> bool:
    """"… vượt qua 38 bàn của mùa trước": the figure is what the whole is compared with."""
    return bool(cues()["compared_before"].search(art.text[max(0, f.start - 25):f.start]))


def _round_step(art: Article, f: FigureDraft) -> Decimal:
    """How far a figure written round may have been rounded: 10 for "5.130", 100 for "2.600"
    (in its value's scale); 0 for one that is not written round ("8.217", "3,95")."""
    digits = _NOT_DIGIT.sub("", art.text[f.q_start:f.q_end])
    zeros = len(digits) - len(digits.rstrip("0"))
    if f.decimals or not zeros or zeros == len(digits):
        return Decimal(0)
    return _written_step(art, f).scaleb(zeros)


def _rounded_parts(art: Article, parts: list[FigureDraft], whole: FigureDraft) -> bool:
    """"doanh thu 8.217 tỷ đồng, trong đó 5.130 tỷ đồng và 3.090 tỷ đồng": parts all written
    round (to tens or more) beside a whole that is not were rounded; a gap within half their
    steps is their rounding, not an error."""
    steps = [_round_step(art, p) for p in parts]
    if not steps or min(steps) == 0 or _round_step(art, whole) >= min(steps) or whole.value is None:
        return False
    return abs(sum(p.value for p in parts) - whole.value) <= sum(steps) / 2


def _crossed(art: Article, part: FigureDraft, whole: FigureDraft) -> bool:
    """"1,5 triệu người nhập học, hệ chính quy gồm 600.000 người và hệ từ xa bao gồm chừng 4
    triệu người": another breakdown word between the whole and the part's own (the part
    belongs to another subject); "5 gói hàng, trong đó có 3 hộp nhựa đựng 60 gói": a count of
    another measure between the breakdown word and the part (the part details that one).
    Words and figures in brackets are asides ("(bao gồm cả tiền lãi 12 tỷ đồng)")."""
    if whole.end > part.start:
        return False
    text = art.text
    cues_between = [m for m in cues()["breakdown"].finditer(text, whole.end, part.start)
                    if not _in_brackets(text, whole.end, m.start())]
    if len(cues_between) > 1:
        return True
    after = cues_between[-1].end() if cues_between else whole.end
    return any(after <= g.start and g.end <= part.start and g.kind in ("count", "number", "money")
               and not same_measure(g, whole) and not _in_brackets(text, after, g.start)
               for g in art.figures_in_sentence(whole.sentence))


def _in_brackets(text: str, start: int, pos: int) -> bool:
    """Is POS inside a bracket opened after START?"""
    between = text[start:pos]
    return between.count("(") > between.count(")")


def _bound_gate(art: Article, check, evidence: dict):
    if len(check.figures) == 1:        # "chiếm 120%": a share above the whole
        evidence.update(link="share", complete=True)
        return check
    part, whole = check.figures[0], check.figures[-1]
    evidence["same_measure"] = same_measure(part, whole)
    if not evidence["same_measure"]:
        return None                    # no part and whole at all: nothing to say
    if check.status == "inconsistent" and _crossed(art, part, whole):
        return None                    # the part belongs to another subject or item
    if check.status == "inconsistent" and _nested(art, [part], whole):
        return _unverifiable(check, "nested_subset", "the whole is itself a part of another breakdown",
                             "tổng này lại là một phần của một phép chia khác")
    if check.status == "inconsistent" and _priced_share(art, part):
        return _unverifiable(check, "parts_are_prices", "the part is the amount paid for a share of the whole",
                             "phần là số tiền trả cho một tỷ lệ của tổng")
    if _net(art, whole, [part]):
        return _unverifiable(check, "net_total", "the whole is a net figure: a part of the other sign offsets it",
                             "tổng là số ròng: có phần trái dấu bù trừ")
    if not same_frame(part, whole):
        return _unverifiable(check, "period_mismatch", "the part and the whole are of different periods or places",
                             "phần và tổng khác kỳ hoặc khác phạm vi")
    if _threshold(art, whole):
        return _unverifiable(check, "threshold", "the whole is a threshold, not a total", "tổng là một ngưỡng")
    return check
