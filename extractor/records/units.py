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

    @property
    def percentages(self) -> frozenset[str]:
        """A percentage and a change in percentage points."""
        return frozenset({self.percent, self.points})

    @property
    def no_measure(self) -> frozenset[str]:
        """The units that say how much, not of what: %, points, times."""
        return frozenset({self.percent, self.points, self.times})


@lru_cache(maxsize=1)
def units() -> Canonical:
    table = load_patterns().table("canonical_units")
    return Canonical(percent=table["percent"], points=table["points"], times=table["times"])
