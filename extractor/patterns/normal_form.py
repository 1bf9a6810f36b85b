"""Step 1: normalise the input text and keep a map back to the original offsets.

Everything downstream matches on the normalised text; every span in the report is
mapped back through `Normalized.span()` so that `original[start:end]` is exactly the
text the report quotes, whatever the input looked like (NFD, NBSP, fullwidth digits).

What normalisation does, and why:
- NFC, so that a precomposed "ệ" and "e + ̣ + ̂" match the same rules.
- One tone placement ("hòa", "thủy", "khỏe"): Vietnamese writes the tone of "oa",
  "oe", "uy" either on the first vowel (traditional, what the press mostly uses) or on
  the second ("hoà", "thuỷ"). The swap keeps the length, so offsets stay one-to-one.
- NBSP, thin and other Unicode spaces become " "; dash variants become "-"; fullwidth
  ASCII (digits, "％") becomes ASCII. All length-preserving.
- Zero-width characters and soft hyphens are dropped (they split words invisibly).

The character tables live in patterns/ (normalization.yaml); this module is the engine.
"""
from __future__ import annotations

import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import regex

from .files import normalization_table


@dataclass(frozen=True)
class _Tables:
    translate: dict[int, str]          # one char -> one char (length-preserving)
    drop: frozenset[str]               # chars removed entirely
    tone_pairs: dict[str, str]         # two-char vowel group -> canonical spelling
    tone_re: "regex.Pattern[str]"
    needs_work_re: "regex.Pattern[str]"


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    data = normalization_table()
    translate: dict[int, str] = {}
    for target, sources in data["replace"].items():
        for ch in sources:
            translate[ord(ch)] = target
    # Fullwidth ASCII block U+FF01..U+FF5E maps onto U+0021..U+007E.
    for cp in range(0xFF01, 0xFF5F):
        translate.setdefault(cp, chr(cp - 0xFEE0))
    drop = frozenset(data["drop"])
    tone_pairs = _tone_pairs(data["tone_placement"])
    # Only an open syllable ends in the group ("hoà", not "hoàng"), and after "q" the
    # "u" belongs to the consonant ("quý" is not a "uy" group).
    alternatives = "|".join(sorted((regex.escape(k) for k in tone_pairs), key=len, reverse=True))
    tone_re = regex.compile(rf"(?<![qQ])(?:{alternatives})(?!\p{{L}}|\p{{M}})")
    special = "".join(regex.escape(chr(c)) for c in translate) + "".join(regex.escape(c) for c in drop)
    needs_work_re = regex.compile(f"[{special}]" if special else r"(?!)")
    return _Tables(translate, drop, tone_pairs, tone_re, needs_work_re)


def _tone_pairs(spec: dict) -> dict[str, str]:
    """Build the map from "new style" groups (tone on the 2nd vowel) to canonical ones.

    spec: {"groups": ["oa", "oe", "uy"], "canonical": "first"}; tones are generated from
    the five combining tone marks, in both lower and upper case.
    """
    tones = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
    pairs: dict[str, str] = {}
    for group in spec["groups"]:
        first, second = group[0], group[1]
        for tone in tones:
            on_first = unicodedata.normalize("NFC", first + tone) + second
            on_second = first + unicodedata.normalize("NFC", second + tone)
            src, dst = (on_second, on_first) if spec["canonical"] == "first" else (on_first, on_second)
            for a, b in ((src, dst), (src.upper(), dst.upper()), (src[0].upper() + src[1:], dst[0].upper() + dst[1:])):
                pairs[a] = b
    return pairs


@dataclass(frozen=True)
class Normalized:
    """The normalised text and, for each of its characters, where it came from."""

    original: str
    text: str
    # text[i] came from original[starts[i]:ends[i]]. None means identity (nothing moved).
    starts: Sequence[int] | None = None
    ends: Sequence[int] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of `text` back to a span of `original`."""
        if self.starts is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def normalize(original: str) -> Normalized:
    """Normalise `original`; idempotent: normalize(normalize(x).text).text == normalize(x).text."""
    tables = _tables()
    composed = unicodedata.is_normalized("NFC", original)
    if composed and not tables.needs_work_re.search(original):
        text = tables.tone_re.sub(lambda m: tables.tone_pairs[m.group()], original)
        return Normalized(original, text)
    if composed and not any(ch in original for ch in tables.drop):
        # Only one-to-one replacements (NBSP, "–"): offsets stay the identity.
        translated = original.translate(tables.translate)
        if unicodedata.is_normalized("NFC", translated):
            return Normalized(original, tables.tone_re.sub(lambda m: tables.tone_pairs[m.group()], translated))
    groups = _single_chars(original) if composed else _nfc_groups(original)
    return _with_map(original, groups, tables)


def _single_chars(original: str):
    return ((i, i + 1) for i in range(len(original)))


def _nfc_groups(original: str):
    """Split into groups that NFC composes independently: a starter and its marks."""
    start = 0
    for i in range(1, len(original)):
        ch = original[i]
        if unicodedata.combining(ch) == 0 and not 0x1161 <= ord(ch) <= 0x11C2:
            # (Hangul medial vowels and finals are starters that still fuse backwards.)
            yield start, i
            start = i
    if original:
        yield start, len(original)


def _with_map(original: str, groups, tables: _Tables) -> Normalized:
    out: list[str] = []
    starts = array("i")
    ends = array("i")
    drop, translate = tables.drop, tables.translate
    for a, b in groups:
        piece = original[a:b]
        if b - a > 1:
            piece = unicodedata.normalize("NFC", piece)
        one_to_one = len(piece) == b - a
        for k, ch in enumerate(piece):
            if ch in drop:
                continue
            out.append(translate.get(ord(ch), ch))
            if one_to_one:
                starts.append(a + k)
                ends.append(a + k + 1)
            else:  # NFC fused the group: every char of it stands for the whole group
                starts.append(a)
                ends.append(b)
    text = "".join(out)
    # Tone placement last: it swaps two chars in place, so the map is unchanged.
    text = tables.tone_re.sub(lambda m: tables.tone_pairs[m.group()], text)
    return Normalized(original, text, starts, ends)
