"""The sentence a span stands in, and its line: for people reading a verdict (`chiso check`,
`chiso review`), so that two identical figures can be told apart."""
from __future__ import annotations

import regex

_END = regex.compile(r"[.!?…](?=\s)|\n")


def around(text: str, start: int, end: int, reach: int = 400) -> tuple[int, str]:
    """(line number from 1, the sentence or sentences holding text[start:end])."""
    lo = max(start - reach, 0)
    for m in _END.finditer(text, lo, start):
        lo = m.end()
    hi = min(end + reach, len(text))
    m = _END.search(text, end, hi)
    if m:
        hi = m.end()
    return text.count("\n", 0, start) + 1, text[lo:hi].strip()
