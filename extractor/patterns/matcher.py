"""Step 3: run the span rules over the normalised text and settle who owns which characters.

Every span rule from patterns/ is run with a timeout. Candidates are taken in order of
priority, then length, then position; a candidate whose span overlaps one already taken
is dropped, and one whose production turns it down (returns None) frees its span for
the next candidate. The result is a list of accepted matches with their records.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

import regex

from ..report.errors import error_entry
from . import Rule

# A production turns a match into records (a list, possibly empty, for rules that only
# claim their span) or into None to turn the candidate down.
Production = Callable[["regex.Match[str]", Rule, Any], "list[Any] | None"]

DEFAULT_TIMEOUT = 2.0  # seconds per rule and text; a pathological input costs at most this


@dataclass
class Accepted:
    rule: Rule
    match: "regex.Match[str]"
    records: list[Any] = field(default_factory=list)

    @property
    def span(self) -> tuple[int, int]:
        return self.match.span()


class _Occupancy:
    """Non-overlapping [start, end) intervals, kept sorted for bisect look-ups."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        if i > 0 and self.ends[i - 1] > start:
            return False
        return not (i < len(self.starts) and self.starts[i] < end)

    def take(self, start: int, end: int) -> None:
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def find_candidates(text: str, rules: Iterable[Rule], errors: list[dict], timeout: float = DEFAULT_TIMEOUT):
    candidates = []
    for rule in rules:
        if rule.required is not None and not rule.required.search(text):
            continue                     # the text holds nothing this rule needs
        try:
            for m in rule.compiled.finditer(text, timeout=timeout):
                if m.end() > m.start():
                    candidates.append((rule, m))
        except TimeoutError:
            errors.append(error_entry("E003", f"rule {rule.name!r} ({rule.file})"))
    return candidates


def resolve(candidates, productions: dict[str, Production], context: Any) -> list[Accepted]:
    candidates.sort(key=lambda c: (-c[0].priority, c[1].start() - c[1].end(), c[1].start()))
    taken = _Occupancy()
    accepted: list[Accepted] = []
    for rule, m in candidates:
        start, end = m.span()
        if not taken.free(start, end):
            continue
        records = productions[rule.produce](m, rule, context)
        if records is None:
            continue
        taken.take(start, end)
        accepted.append(Accepted(rule, m, records))
    accepted.sort(key=lambda a: a.span)
    return accepted
