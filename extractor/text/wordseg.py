"""Word segmentation with underthesea, on short fragments only.

A counted noun may span several syllables ("xe máy", "phương tiện", "ô tô"). The
lexicon in patterns/units.yaml covers the common ones; for the rest, underthesea's
CRF word segmenter (bundled with the package, no download) is run on the few syllables
after the number. Running it on whole articles would cost as much as the rest of the
pipeline several times over (see `make bench`); on fragments it costs ~0.1 ms each and
the fragments repeat, so results are cached.
"""
from __future__ import annotations

from functools import lru_cache

import regex

_FRAGMENT = regex.compile(r"[\p{L}\p{M}]+(?:[ ][\p{L}\p{M}]+){0,3}")
_LETTERS = regex.compile(r"[\p{L}\p{M}]+")


@lru_cache(maxsize=1)
def _segmenter():
    from underthesea import word_tokenize  # imported late: it costs ~0.5 s

    return word_tokenize


@lru_cache(maxsize=8192)
def _first_word(fragment: str) -> str:
    words = _segmenter()(fragment)
    return words[0] if words else ""


def first_word_end(text: str, pos: int) -> int | None:
    """End of the first (possibly multi-syllable) word at `pos`, or None if none."""
    m = _FRAGMENT.match(text, pos)
    if not m:
        return None
    word = _first_word(m.group())
    if word and text.startswith(word, pos):
        return pos + len(word)
    first = _LETTERS.match(text, pos)        # at pos: a slice of the text would copy the rest of it
    return first.end() if first else None


def clear_cache() -> None:
    _first_word.cache_clear()
    _first_tag.cache_clear()
    proper_noun_spans.cache_clear()


def _tagger():
    from .postag import pos_tagger   # underthesea's tagger, its features made faster

    return pos_tagger()


@lru_cache(maxsize=4096)
def _first_tag(fragment: str) -> str:
    tags = _tagger()(fragment)
    return tags[0][1] if tags else ""


def is_noun(text: str, pos: int) -> bool:
    """Does a noun start at `pos`? underthesea's POS tagger on a short fragment (~0.4 ms);
    used only where a decimal number is followed by a word the lexicon does not know."""
    m = _FRAGMENT.match(text, pos)
    return bool(m) and _first_tag(m.group()) in ("N", "Nc", "Nu", "Ny", "Nb")


@lru_cache(maxsize=512)
def proper_noun_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the tokens underthesea's POS tagger marks Np in a sentence.

    Run only on sentences that need it (a foreign-looking name after a rank or an
    honorific); the tagger costs ~1 ms a sentence."""
    spans = []
    pos = 0
    for token, tag in _tagger()(sentence):
        at = sentence.find(token, pos)
        if at < 0:
            continue
        pos = at + len(token)
        if tag == "Np":
            spans.append((at, pos))
    return tuple(spans)
