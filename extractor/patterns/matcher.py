"""Step 3: run the span rules over the normalised text and settle who owns which characters.

Every span rule from patterns/ is run with a timeout. Candidates are taken in order of
priority, then length, then position; a candidate whose span overlaps one already taken
is dropped, and one whose production turns it down (returns None) frees its span for
the next candidate. The result is a list of accepted matches with their records.
"""
from __future__ import annotations

import bisect
import re
import time
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
    starts: dict[tuple, list[int]] = {}      # each `starts` scanned once per text, shared by its rules
    for rule in rules:
        if rule.required is not None and not rule.required.search(text):
            continue                     # the text holds nothing this rule needs
        try:
            if rule.starts is None:
                found = rule.compiled.finditer(text, timeout=timeout)
            else:
                key = (rule.starts.pattern, rule.starts.flags)
                if key not in starts:
                    starts[key] = _start_positions(text, rule, timeout)
                found = _matches_at(rule.compiled, text, starts[key], timeout)
            for m in found:
                if m.end() > m.start():
                    candidates.append((rule, m))
        except TimeoutError:
            errors.append(error_entry("E003", f"rule {rule.name!r} ({rule.file})"))
    return candidates


# Characters that regex's case-blind matching takes for a letter whose lower case they are
# not (the long s, the dotless and dotted i): where one occurs, lower case would miss a start.
_CASES_APART = re.compile("[\u017f\u0131\u0130]")


def _start_positions(text: str, rule: Rule, timeout: float) -> list[int]:
    """Where rule.starts matches in TEXT. A rule that starts at a word scans the text for its
    words (in lower case, if the rule is case-blind): a superset of the starts, each then
    confirmed by `starts`."""
    scanned = _scanned(text, rule) if rule.start_words is not None else None
    if scanned is None:
        return [m.start() for m in rule.starts.finditer(text, timeout=timeout)]
    confirm = rule.starts.match
    return [m.start() for m in rule.start_words.finditer(scanned) if confirm(text, m.start())]


def _scanned(text: str, rule: Rule) -> str | None:
    """The text a rule's words are looked for in: as written for a rule that minds case,
    in lower case for a case-blind one; None where lower case would move or miss letters."""
    if not rule.starts.flags & regex.IGNORECASE:
        return text
    lower = text.lower()
    return lower if len(lower) == len(text) and not _CASES_APART.search(text) else None


def _matches_at(pattern: "regex.Pattern[str]", text: str, positions: list[int], timeout: float) -> list:
    """What pattern.finditer(text) finds, trying the pattern only at POSITIONS (every place
    a match can begin): the leftmost match from where the last one ended is the match at
    the first of those positions where the pattern matches. Lookbehinds see the whole text,
    as in finditer. One time limit for the whole text, as finditer has."""
    deadline = time.monotonic() + timeout
    found, end = [], 0
    for pos in positions:
        if pos < end:
            continue
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("regex timed out")
        m = pattern.match(text, pos, timeout=left)
        if m is None:
            continue
        if m.end() == m.start():
            # an empty match: finditer's own rules for what comes next; do not imitate them
            return list(pattern.finditer(text, timeout=timeout))
        found.append(m)
        end = m.end()
    return found


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
