"""The working state of one article as it moves through the pipeline.

Records are drafts over the *normalised* text; `report.py` maps them back to the input.
"""
from __future__ import annotations

import bisect
import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..patterns.normal_form import Normalized


@dataclass(eq=False)
class FigureDraft:
    kind: str
    start: int
    end: int
    value: Decimal | None
    unit: str | None
    decimals: int | None
    rule: str
    qualifier: str | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    stated: tuple[int, int] | None = None
    direction: str | None = None
    reference_year: int | None = None
    of: "FigureDraft | None" = None
    range_with: "FigureDraft | None" = None
    pair_with: "FigureDraft | None" = None
    subject: str | None = None
    year: int | None = None
    sentence: int = 0
    # Where the number itself is written (context rules look around it, not the span).
    q_start: int = 0
    q_end: int = 0
    context_rules: set[str] = field(default_factory=set)
    # claims (extractor/claims): what it measures, the time it covers, where it belongs
    measure: str | None = None
    period: str | None = None
    period_in_sentence: bool = False
    scope: str | None = None
    # claims/roles.py: what the figure does in its clause (share, part, whole, rate, …)
    role: str | None = None


@dataclass(eq=False)
class DateDraft:
    start: int
    end: int
    value: datetime.date | None
    day: int
    month: int
    rule: str
    year_inferred: bool = False


@dataclass(eq=False)
class DocumentDraft:
    start: int
    end: int
    type: str
    number: str
    rule: str
    date: datetime.date | None = None
    issuer: str | None = None


@dataclass
class Article:
    normalized: Normalized
    sentences: list[tuple[int, int]] = field(default_factory=list)
    figures: list[FigureDraft] = field(default_factory=list)
    dates: list[DateDraft] = field(default_factory=list)
    documents: list[DocumentDraft] = field(default_factory=list)
    officials: list[Any] = field(default_factory=list)
    checks: list[Any] = field(default_factory=list)
    person_mentions: list[Any] = field(default_factory=list)
    accepted: list[Any] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list)
    _by_sentence: dict | None = None
    _by_sentence_n: int = -1
    _positions: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.normalized.text

    def set_sentences(self, spans: list[tuple[int, int]]) -> None:
        self.sentences = spans
        self._sentence_starts = [s for s, _ in spans]

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, pos) - 1)

    def figures_in_sentence(self, index: int) -> list[FigureDraft]:
        """The figures of one sentence (built once, after the figures are final)."""
        if self._by_sentence is None or self._by_sentence_n != len(self.figures):
            self._by_sentence = {}
            for f in self.figures:
                self._by_sentence.setdefault(f.sentence, []).append(f)
            self._by_sentence_n = len(self.figures)
            self._positions = {id(f): i for i, f in enumerate(self.figures)}
        return self._by_sentence.get(index, [])

    def figure_index(self, f: FigureDraft) -> int:
        self.figures_in_sentence(0)
        return self._positions.get(id(f), 0)

    def sentence_span(self, pos: int) -> tuple[int, int]:
        if not self.sentences:
            return 0, len(self.text)
        return self.sentences[self.sentence_index(pos)]
