"""The compiled cues of patterns/vi/claims.yaml, built once."""
from __future__ import annotations

from functools import lru_cache

import regex

from ..patterns import load_patterns

_B = r"(?<![\p{L}\p{M}])"      # no letter before
_E = r"(?![\p{L}\p{M}])"       # no letter after


# The cues read right after a figure ("\G\s*(…)") are matched within this reach of the
# whitespace that follows it, not against all the text after it: before matching, regex
# looks for a pattern's required literal in everything from the position on, so an
# unbounded match costs the length of the text, and a 200,000-character part paid that
# for every figure. No cue phrase is near this long.
_REACH = 200
_SPACE = regex.compile(r"\s*")


def match_after(pattern: "regex.Pattern[str]", text: str, pos: int):
    """PATTERN.match(text, pos), for a pattern that reads whitespace then a short cue."""
    return pattern.match(text, pos, min(len(text), _SPACE.match(text, pos).end() + _REACH))


@lru_cache(maxsize=1)
def cues() -> dict[str, "regex.Pattern[str]"]:
    p = load_patterns()
    return {
        "period": p.compile(r"{period}", regex.IGNORECASE | regex.VERBOSE),
        "state_after": p.compile(rf"\G\s*({{@measure_states}}){_E}"),
        "state": p.compile(rf"{_B}({{@measure_states}}){_E}"),
        "scope": p.compile(rf"{_B}({{@scope_words}}){_E}"),
        "partial_words": p.compile(rf"{_B}(?:{{@partial_list_words}}){_E}"),
        "partial_marks": p.compile(r"(?:{@partial_list_marks})"),
        "rest": p.compile(rf"\G\s*(?:{{@rest_words}}){_E}"),
        "threshold_after": p.compile(rf"\G\s*(?:{{@threshold_after}}){_E}"),
        "multiplier_verb": p.compile(rf"{_B}(?:{{@multiplier_verbs}})\s*$"),
        "breakdown": p.compile(rf"{_B}(?:{{@breakdown_words}}){_E}"),
        "exhaustive": p.compile(rf"^\s*(?:{{@exhaustive_breakdown_words}}){_E}"),
        "closer": p.compile(rf"{_B}(?:{{@list_closers}}){_E}"),
        "share_base": p.compile(r"\G\s*{share_base}([^,.;:()]{1,60})"),
        "whole_scope": p.compile(rf"{_B}(?:{{@whole_scope_names}}){_E}"),
        "signs": p.compile(rf"{_B}(?:{{@opposite_signs}}){_E}"),
        "comparison": p.compile(rf"{_B}(?:{{@comparison_words}}){_E}"),
        "comparison_before": p.compile(rf"{_B}(?:{{@comparison_words}})(?:\s+\p{{L}}+){{0,3}}\s*$"),
        "compared_before": p.compile(rf"{_B}(?:{{@compared_with_words}})\s+$"),
    }


def measure_class(noun: str, fallback: str) -> str:
    """The class of a counted noun ("dự án" and "công trình" count the same things)."""
    classes = load_patterns().lexicon("measure_classes")
    return classes.get(noun) or classes.get(fallback) or fallback


def currency(unit: str) -> str | None:
    """The currency a unit is written in ("tỷ đồng" -> "đồng", "triệu USD" -> "usd"), or None."""
    unit = unit.split("/")[0].lower().strip()
    return next((c for c in _currencies() if unit == c or unit.endswith(" " + c)), None)


@lru_cache(maxsize=1)
def _currencies() -> list[str]:
    return sorted(load_patterns().words("currencies"), key=len, reverse=True)


@lru_cache(maxsize=1)
def non_additive_units() -> frozenset[str]:
    return load_patterns().words("non_additive_units")


@lru_cache(maxsize=1)
def base_function_words() -> frozenset[str]:
    return load_patterns().words("base_function_words")


def opposite(word: str) -> str:
    return load_patterns().lexicon("opposite_signs")[word.lower()]


def canonical_state(written: str) -> str:
    return load_patterns().lexicon("measure_states")[written.lower()]
