"""The units records give to what is not a measure of its own — a percentage, percentage
points, a multiple — read from patterns/vi/units.yaml (canonical_units), so that the
engine compares units without writing any word of them."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..patterns import load_patterns


@dataclass(frozen=True)
class Canonical:
    percent: str
    points: str
    times: str
    percentages: frozenset[str]     # a percentage and a change in percentage points
    no_measure: frozenset[str]      # the units that say how much, not of what: %, points, times


@lru_cache(maxsize=1)
def units() -> Canonical:
    """Made once: the checker's loops ask for these sets on every figure."""
    table = load_patterns().table("canonical_units")
    percent, points, times = table["percent"], table["points"], table["times"]
    return Canonical(percent=percent, points=points, times=times,
                     percentages=frozenset({percent, points}), no_measure=frozenset({percent, points, times}))
