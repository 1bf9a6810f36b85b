"""Evidence before a ✗. A check may stay `inconsistent` only when every link it relies on
is established in the text; otherwise it becomes `unverifiable` with a reason, or, where
the figures were never a claim at all, it is dropped. Every check leaves here with its
`evidence`: the link, the cue, whether a list is complete, whether the measures agree.

The links, by rule:
- sum, bound (a part and its whole): one measure for the whole and every part (or a last
  part that gathers the rest, "… và 55 lao động khác"); the same period and scope; the
  whole not a threshold ("từ 1 tỷ USD trở lên", "trên 100 triệu"); for a sum, a complete
  list (not after "như", "chủ yếu", … nor ending in "…", "v.v."), except that parts which
  already exceed their whole are an error however many are missing.
- part_of_total: the part and the total of one measure, and the base the share names
  ("5,63% tổng số đại biểu") is the total's (where the text offers several totals, the
  share is inconsistent only if it fits none of them).
- multiplier: "A … gấp/bằng/tăng K lần so với … B": A before the multiple in its clause,
  B after the comparison word, both of one measure; else not a claim.
- rate, two_values_change: one measure for the count and the rate, the value and the change.
- ratio, pair_change, grim: self-contained ("a/b = c%", "A%/B% (tăng C%)").
"""
from __future__ import annotations

from decimal import Decimal

import regex

from ..records.article import Article, FigureDraft
from .base import scale as scale_of_text
from ..claims.cues import base_function_words, cues, measure_class, non_additive_units, opposite
from ..claims.measure import _same_frame, head, same_measure, state
from .sums import sum_check

SELF_CONTAINED = frozenset({"ratio", "pair_change", "grim", "year_over_year"})


def _is_rest(art: Article, f: FigureDraft) -> bool:
    return bool(cues()["rest"].match(art.text, f.end))


def _threshold(art: Article, whole: FigureDraft) -> bool:
    return whole.qualifier in ("over", "under") or bool(cues()["threshold_after"].match(art.text, whole.end))


def _partial(art: Article, parts: list[FigureDraft], whole: FigureDraft) -> str | None:
    """The cue that says a list names only some of its whole, or None."""
    first, last = min(p.start for p in parts), max(p.end for p in parts)
    lead_from = whole.end if whole.end <= first else max(0, first - 60)
    lead = art.text[lead_from:first]
    m = cues()["partial_words"].search(lead)
    if m:
        return m.group()
    _, sentence_end = art.sentence_span(last)
    tail = art.text[last:min(sentence_end, last + 40)]
    tail = tail.split(";")[0]
    m = cues()["partial_marks"].search(tail) or cues()["partial_marks"].search(art.text[first:last])
    return m.group() if m else None


def gate(art: Article, check) -> object | None:
    """The check with its evidence, downgraded to unverifiable where a link is missing;
    None where the figures make no claim at all."""
    rule = check.rule
    evidence = {"link": check.evidence.get("link", rule), **check.evidence}
    check.evidence = evidence
    if rule in SELF_CONTAINED:
        evidence.setdefault("complete", True)
        return check
    if any(_in_link_title(art, f) for f in check.figures):
        return None                    # "[Vụ 24 người nghi nhiễm HIV …]": another article's title
    if rule in ("sum", "bound") and any(_non_additive(f) for f in check.figures):
        return None                    # ages, scores: no part and whole
    if check.status == "inconsistent" and any(_compound(art, f) for f in check.figures):
        return _unverifiable(check, "number_misread", "an amount is written in two parts (\"960 tỷ 533 triệu\")",
                             "một số tiền được viết thành hai phần")
    handler = _GATES.get(rule)
    return handler(art, check, evidence) if handler else check


def _in_link_title(art: Article, f: FigureDraft) -> bool:
    s, _ = art.sentence_span(f.start)
    left = art.text[s:f.start]
    return left.count("[") > left.count("]")


def _non_additive(f: FigureDraft) -> bool:
    # "25 điểm" read as a count of places ("Trong 37 điểm ùn tắc, …") adds up; a score does not.
    return f.kind != "count" and bool(f.unit) and f.unit.lower() in non_additive_units()


_NEXT_AMOUNT = regex.compile(r"\G\s+\d")


def _compound(art: Article, f: FigureDraft) -> bool:
    """"336 tỷ 211 triệu đồng": a scaled amount followed at once by the rest of its number."""
    return f.kind in ("money", "count", "number") and bool(_NEXT_AMOUNT.match(art.text, f.end)) \
        and scale_of_text(art, f) != 1


def _unverifiable(check, reason: str, why: str, why_vi: str):
    if check.status == "inconsistent":
        check.status = "unverifiable"
        check.severity = None
        check.message = f"not checked: {why} (the arithmetic would be {check.message})"
        check.message_vi = f"không kiểm tra: {why_vi} (phép tính: {check.message_vi})"
    check.reason = reason
    return check


def _sum_gate(art: Article, check, evidence: dict):
    if evidence.get("link") == "remainder":     # "475/583 thôn …, số còn lại 108 thôn"
        evidence.update(complete=True, same_measure=True)
        return check
    *parts, whole = check.figures
    rest = bool(parts) and _is_rest(art, parts[-1]) and same_measure(parts[-1], whole)
    unlike = [p for p in parts if not same_measure(p, whole)]
    evidence["same_measure"] = not unlike or rest
    if unlike and not rest:
        return _unverifiable(check, "unit_mismatch", "the parts and the whole count different things",
                             "các phần và tổng không cùng đơn vị đo")
    if not all(_same_frame(p, whole) for p in parts):
        return _unverifiable(check, "period_mismatch", "the parts and the whole are of different periods or places",
                             "các phần và tổng khác kỳ hoặc khác phạm vi")
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
        inside = art.text[start:m.start()]
        if inside.count("(") > inside.count(")"):
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
    for g in art.figures_in_sentence(whole.sentence) + art.figures_in_sentence(whole.sentence - 1):
        if g is whole or g in check.figures or g.value is None or not same_measure(g, whole):
            continue
        if abs(g.value - total) <= abs(total) / 1000:      # values are scaled: "1,5 tỷ" is 1500000000
            return g
    return None


_CLAUSE_MARK = regex.compile(r"[,;:](?!\d)")      # not the decimal comma of "99,99%"


def _nested(art: Article, parts: list[FigureDraft], whole: FigureDraft) -> bool:
    """"671 tàu, gồm 627 tàu cá và 44 tàu dịch vụ, trong đó 297 tàu vỏ gỗ …": a breakdown word
    among the parts (they are not siblings), or between the whole and an earlier figure of
    its measure in the sentence (the whole is a part of that one's breakdown)."""
    breakdown = cues()["breakdown"]
    first, last = min(p.start for p in parts), max(p.end for p in parts)
    if whole.end <= first:
        for m in breakdown.finditer(art.text, first, last):
            inside = art.text[first:m.start()]
            if inside.count("(") <= inside.count(")"):     # "(gồm 77 chiếc …)" details a part
                return True
    for g in art.figures_in_sentence(whole.sentence):
        if g.end <= whole.start and g is not whole and same_measure(g, whole) and breakdown.search(art.text, g.end, whole.start):
            return True
    return False


def _priced_share(art: Article, f: FigureDraft) -> bool:
    """"mua lại 99,99% vốn góp … với giá 532 tỷ đồng": an amount whose clause states, before
    it, the share it pays for."""
    s, _ = art.sentence_span(f.start)
    clause_start = max([m.end() for m in _CLAUSE_MARK.finditer(art.text, s, f.start)], default=s)
    return f.kind == "money" and any(g.kind == "percent" and clause_start <= g.start and g.end <= f.start
                                     for g in art.figures_in_sentence(f.sentence))


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
    return bool(cues()["closer"].search(tail)) and not regex.search(r"\d", tail)


def _base_named_elsewhere(art: Article, share: FigureDraft, total: FigureDraft) -> str | None:
    """The base a share names ("60,89% trong tổng số thí sinh dự thi cả 3 môn") when the
    words it names beyond the total's own noun are nowhere near the total; else None."""
    m = cues()["share_base"].match(art.text, share.end)
    if not m or not total.end:
        return None
    unit = set((total.unit or "").lower().split())
    # The country ("vốn FDI vào Việt Nam") and an abbreviation the article defines
    # ("(FDI)") name what the whole article is about, not a narrower base.
    base = cues()["whole_scope"].sub(" ", m.group(1))
    defined = {a.lower() for a in regex.findall(r"\((\p{Lu}{2,})\)", art.text)}
    skip = unit | defined | base_function_words()
    words = [w for w in base.lower().split() if w not in skip][:5]
    if not words:
        return None
    near = art.text[max(0, total.start - 80):total.end + 60].lower()
    return m.group(1).strip() if not all(w in near for w in words) else None


def _exhaustive(art: Article, check, parts: list[FigureDraft]) -> bool:
    """Parts presented as all of the whole: after "gồm", "cụ thể", or a list closed by "và"."""
    if cues()["exhaustive"].match(check.evidence.get("cue") or ""):
        return True
    return len(parts) >= 2 and bool(cues()["closer"].search(art.text, parts[-2].end, parts[-1].start))


def _exceeds(check) -> bool:
    """A partial list can still be wrong: its parts together are more than the whole."""
    lo, hi = check.interval or (None, None)
    return check.computed is not None and hi is not None and check.extra.get("parts_low", check.computed) > hi


def _bound_gate(art: Article, check, evidence: dict):
    if len(check.figures) == 1:        # "chiếm 120%": a share above the whole
        evidence.update(link="share", complete=True)
        return check
    part, whole = check.figures[0], check.figures[-1]
    evidence["same_measure"] = same_measure(part, whole)
    if not evidence["same_measure"]:
        return None                    # no part and whole at all: nothing to say
    if check.status == "inconsistent" and _nested(art, [part], whole):
        return _unverifiable(check, "nested_subset", "the whole is itself a part of another breakdown",
                             "tổng này lại là một phần của một phép chia khác")
    if check.status == "inconsistent" and _priced_share(art, part):
        return _unverifiable(check, "parts_are_prices", "the part is the amount paid for a share of the whole",
                             "phần là số tiền trả cho một tỷ lệ của tổng")
    if _net(art, whole, [part]):
        return _unverifiable(check, "net_total", "the whole is a net figure: a part of the other sign offsets it",
                             "tổng là số ròng: có phần trái dấu bù trừ")
    if not _same_frame(part, whole):
        return _unverifiable(check, "period_mismatch", "the part and the whole are of different periods or places",
                             "phần và tổng khác kỳ hoặc khác phạm vi")
    if _threshold(art, whole):
        return _unverifiable(check, "threshold", "the whole is a threshold, not a total", "tổng là một ngưỡng")
    return check


def _share_gate(art: Article, check, evidence: dict):
    if evidence.get("link") == "complementary_shares":     # the whole is the parts' own sum
        evidence["same_measure"] = True
        return check
    part, share, total = check.figures
    evidence["same_measure"] = same_measure(part, total) or total.end == 0
    if not evidence["same_measure"]:
        return _unverifiable(check, "unit_mismatch", "the part and the total count different things",
                             "phần và tổng không cùng đơn vị đo")
    if total.end and not _same_frame(part, total):
        return _unverifiable(check, "period_mismatch", "the part and the total are of different periods or places",
                             "phần và tổng khác kỳ hoặc khác phạm vi")
    named = check.extra.get("named_base")     # a counted noun; money names what it is, not a unit
    if named and total.end and total.kind == "count" and (total.unit or "").split()[0].lower() != named \
            and head(total) != measure_class(named, named):
        return _unverifiable(check, "no_total", f"the share is of {named!r}, which the text does not state",
                             f"tỷ lệ tính trên {named!r}, bài không nêu số này")
    if _threshold(art, total):
        return _unverifiable(check, "threshold", "the total is a threshold", "tổng là một ngưỡng")
    elsewhere = _base_named_elsewhere(art, share, total)
    if elsewhere and check.status == "inconsistent":
        return _unverifiable(check, "no_total", f"the share is of {elsewhere!r}, which is not the total found",
                             f"tỷ lệ tính trên {elsewhere!r}, không phải tổng đã tìm thấy")
    if share.value is not None and share.value < 100 and total.value is not None and part.value is not None \
            and total.value <= part.value:
        return _unverifiable(check, "no_total", "the figure taken as the total is not larger than its part",
                             "số được lấy làm tổng không lớn hơn phần của nó")
    return check


_MULTIPLE = regex.compile(r"[\d.,]+\s*lần")


def _multiplier_gate(art: Article, check, evidence: dict):
    a, b, m = check.figures
    first, second = sorted((a, b), key=lambda f: f.start)
    s, _ = art.sentence_span(m.start)
    before_multiple = art.text[first.end:m.start]
    if not cues()["multiplier_verb"].search(art.text[max(s, m.start - 20):m.q_start or m.start]) \
            and not cues()["multiplier_verb"].search(art.text[max(s, m.start - 20):m.start]):
        return None
    # A: the last figure of that measure before the multiple, in its clause.
    if first.end > m.start or ";" in before_multiple or any(
            g.start > first.end and g.end <= m.start and same_measure(g, first) for g in art.figures_in_sentence(m.sentence)):
        return None
    # B: after the comparison word that follows the multiple, before the clause ends.
    after = art.text[m.end:second.start] if second.start > m.end else None
    if after is None or ";" in after or len(after) > 80:
        return None
    compared = cues()["comparison"].search(after)
    if not compared or regex.search(r"[,;)]", after[compared.end():]):
        return None                    # B must be the comparison's own term: "so với năm 2022 (568 người)"
    if not same_measure(first, second):
        return None
    evidence.update(link="multiplier", cue=art.text[m.start:m.end], same_measure=True, complete=True)
    return check


def _rate_gate(art: Article, check, evidence: dict):
    count, span, rate = check.figures
    evidence["same_measure"] = head(count) == (rate.unit or "").split("/")[0].split()[0].lower()
    if not evidence["same_measure"]:
        return None
    return check


def _change_gate(art: Article, check, evidence: dict):
    values = [f for f in check.figures if f.kind != "change" or f.unit not in ("%", "điểm phần trăm")]
    measured = [f for f in values if f.unit not in (None, "%", "điểm phần trăm", "lần")]
    ok = all(same_measure(measured[0], f) for f in measured[1:]) if len(measured) > 1 else True
    evidence["same_measure"] = ok
    if not ok:
        return _unverifiable(check, "unit_mismatch", "the values and the change count different things",
                             "các giá trị và mức thay đổi không cùng đơn vị đo")
    return check


_GATES = {"sum": _sum_gate, "bound": _bound_gate, "part_of_total": _share_gate, "multiplier": _multiplier_gate,
          "rate": _rate_gate, "two_values_change": _change_gate}
