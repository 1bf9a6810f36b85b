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

By family: sums (sum, bound), links (part_of_total, multiplier, rate, changes); what
they share in verdicts.
"""
from __future__ import annotations

from ...records.article import Article
from .links import _change_gate, _multiplier_gate, _rate_gate, _share_gate
from .slips import EXEMPT, explain
from .sums import _bound_gate, _sum_gate
from .verdicts import _compound, _in_link_title, _non_additive, _unverifiable


SELF_CONTAINED = frozenset({"ratio", "pair_change", "grim", "year_over_year"})


def gate(art: Article, check) -> object | None:
    """The check with its evidence, downgraded to unverifiable where a link is missing or
    where no slip explains its mismatch; None where the figures make no claim at all."""
    checked = _links(art, check)
    if checked is None or checked.status != "inconsistent" or checked.rule in EXEMPT:
        return checked
    slip, tried = explain(art, checked)
    checked.evidence["readings_tried"] = tried
    if slip is None:
        return _unverifiable(checked, "implausible_reading", "no slip of the pen explains the mismatch, so the "
                             "figures are more likely misread together than misprinted",
                             "không lỗi in ấn nào giải thích được chênh lệch, nhiều khả năng các số không liên quan như đã hiểu")
    checked.evidence["slip"] = slip
    return checked


def _links(art: Article, check) -> object | None:
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


_GATES = {"sum": _sum_gate, "bound": _bound_gate, "part_of_total": _share_gate, "multiplier": _multiplier_gate,
          "rate": _rate_gate, "two_values_change": _change_gate}
