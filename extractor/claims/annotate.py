"""Measure, period and scope of every figure, from the text around it.

- measure: the counted noun as written, with the state the text gives it ("298 người"
  after "làm chết" is "người chết"; "1.062 chuyến bay bị hủy"); a percent or a change in
  percent measures what the figure it is about measures.
- period: the last period written in the figure's sentence before it ("6 tháng đầu năm
  2017, …"), else the last one earlier in its paragraph.
- scope: likewise, a place or organisation word ("cả nước", "toàn tỉnh").
Nothing is guessed from outside the article; where the text gives none, it is None.
"""
from __future__ import annotations

import bisect

from ..records.article import Article, FigureDraft
from ..records.units import units
from .cues import canonical_state, cues, match_after
from .roles import assign as assign_roles, clause_start



def annotate(art: Article) -> None:
    # A period or a scope counts only before a figure in its paragraph: only the
    # paragraphs that hold a figure are read.
    spans = _figure_paragraphs(art)
    # "so với năm 2021" names the year compared with, not the figure's own period.
    periods = [(m.start(), m.group()) for a, b in spans for m in cues()["period"].finditer(art.text, a, b)
               if not cues()["comparison_before"].search(art.text, max(0, m.start() - 25), m.start())]
    scopes = [(m.start(), m.group(1)) for a, b in spans for m in cues()["scope"].finditer(art.text, a, b)]
    for f in art.figures:
        f.measure = _own_measure(art, f)
    for f in art.figures:
        if f.measure is None and f.of is not None:
            f.measure = f.of.measure
        f.period, f.period_in_sentence = _last_before(art, f, periods)
        f.scope, _ = _last_before(art, f, scopes)
    assign_roles(art)


def _figure_paragraphs(art: Article) -> list[tuple[int, int]]:
    """The paragraphs that hold a figure, in order (a paragraph ends at a line break)."""
    spans: dict[int, int] = {}
    for f in art.figures:
        start = art.text.rfind("\n", 0, f.start) + 1
        if start not in spans:
            end = art.text.find("\n", f.start)
            spans[start] = len(art.text) if end < 0 else end
    return sorted(spans.items())


def _own_measure(art: Article, f: FigureDraft) -> str | None:
    if not f.unit or f.unit in (units().percent, units().times) or f.kind in ("percent",):
        return None
    after = match_after(cues()["state_after"], art.text, f.end)
    if after:
        return f"{f.unit} {canonical_state(after.group(1))}"
    states = list(cues()["state"].finditer(art.text, clause_start(art, f.start), f.start))
    if states:
        return f"{f.unit} {canonical_state(states[-1].group(1))}"
    return f.unit


def _last_before(art: Article, f: FigureDraft, marks: list[tuple[int, str]]) -> tuple[str | None, bool]:
    """The last mark before the figure in its paragraph, and whether it is in the figure's
    own sentence (the checker compares periods only then: a paragraph may change them)."""
    s, _ = art.sentence_span(f.start)
    paragraph = art.text.rfind("\n", 0, s) + 1
    last = bisect.bisect_left(marks, (f.start,)) - 1     # marks are in text order
    if last < 0 or marks[last][0] < paragraph:
        return None, False
    return marks[last][1], marks[last][0] >= s
