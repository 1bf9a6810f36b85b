"""The gates of linked figures: a share and the total it names (part_of_total), a multiple
and the two values it compares, a rate and its count, a change and its value."""
from __future__ import annotations

import regex

from ...claims.cues import base_function_words, cues, measure_class
from ...claims.measure import same_frame, head, same_measure
from ...records.article import Article, FigureDraft
from ...records.units import units
from ..reading import _cues as _reading
from .verdicts import _threshold, _unverifiable

_DEFINED_ACRONYM = regex.compile(r"\((\p{Lu}{2,})\)")
_CLAUSE_MARK = regex.compile(r"[,;)]")


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
    defined = {a.lower() for a in _DEFINED_ACRONYM.findall(art.text)}
    skip = unit | defined | base_function_words()
    words = [w for w in base.lower().split() if w not in skip][:5]
    if not words:
        return None
    near = art.text[max(0, total.start - 80):total.end + 60].lower()
    return m.group(1).strip() if not all(w in near for w in words) else None


# How many sentences before its share a total may stand: a share relates to what the text has
# just said ("… 4.210 xe. Dòng xe bán tải chiếm 47% tổng lượng tiêu thụ"), not to a figure of
# several sentences back ("90 tỷ đồng, chiếm 15% vốn điều lệ" against a payment of 450 tỷ).
_NEIGHBOURS = 2


def _share_gate(art: Article, check, evidence: dict):
    if evidence.get("joint"):          # relations._joint_share: two parts together, said only where it holds
        return check
    if evidence.get("link") == "complementary_shares":     # the whole is the parts' own sum
        evidence["same_measure"] = True
        return check
    part, share, total = check.figures
    if _reading()["target_after"].match(art.text, share.end) and check.status != "consistent":
        return None                    # "đạt 90,2% kế hoạch": of a target, not of the total found
        # (where it fits the total all the same, "18 chỉ tiêu đạt kế hoạch, đạt 64,3% kế hoạch" of 28, it stands)
    evidence["same_measure"] = same_measure(part, total) or total.end == 0
    if not evidence["same_measure"]:
        return _unverifiable(check, "unit_mismatch", "the part and the total count different things",
                             "phần và tổng không cùng đơn vị đo")
    if total.end and not same_frame(part, total):
        return _unverifiable(check, "period_mismatch", "the part and the total are of different periods or places",
                             "phần và tổng khác kỳ hoặc khác phạm vi")
    named = check.extra.get("named_base")     # a counted noun; money names what it is, not a unit
    if named and total.end and total.kind == "count" and (total.unit or "").split()[0].lower() != named \
            and head(total) != measure_class(named, named):
        return _unverifiable(check, "no_total", f"the share is of {named!r}, which the text does not state",
                             f"tỷ lệ tính trên {named!r}, bài không nêu số này")
    if _threshold(art, total):
        return _unverifiable(check, "threshold", "the total is a threshold", "tổng là một ngưỡng")
    if check.status == "inconsistent" and total.end and share.sentence - total.sentence > _NEIGHBOURS:
        return _unverifiable(check, "distant_total", "the total found is stated several sentences before the "
                             "share, which may be of another whole", "tổng được lấy ở cách xa tỷ lệ nhiều câu, "
                             "tỷ lệ có thể tính trên một tổng khác")
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
    if evidence.get("refers_back"):    # relations.back_multiple matched both terms: "…, tức là gấp K lần"
        return check
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
    if not compared or _CLAUSE_MARK.search(after[compared.end():]):
        return None                    # B must be the comparison's own term: "so với năm 2022 (568 người)"
    if not same_measure(first, second):
        return None
    evidence.update(link="multiplier", cue=art.text[m.start:m.end], same_measure=True, complete=True)
    return check


def _rate_gate(art: Article, check, evidence: dict):
    if evidence.get("link") == "unit_price":      # relations.unit_price matched currency and unit
        return check
    count, span, rate = check.figures
    evidence["same_measure"] = head(count) == (rate.unit or "").split("/")[0].split()[0].lower()
    if not evidence["same_measure"]:
        return None
    return check


def _change_gate(art: Article, check, evidence: dict):
    if evidence.get("link") == "change_of_level":     # relations.change_of_level matched the measures
        return check
    values = [f for f in check.figures if f.kind != "change" or f.unit not in units().percentages]
    measured = [f for f in values if f.unit is not None and f.unit not in units().no_measure]
    ok = all(same_measure(measured[0], f) for f in measured[1:]) if len(measured) > 1 else True
    evidence["same_measure"] = ok
    if not ok:
        return _unverifiable(check, "unit_mismatch", "the values and the change count different things",
                             "các giá trị và mức thay đổi không cùng đơn vị đo")
    return check
