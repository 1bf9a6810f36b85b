"""Step 2: sentences and tokens.

Sentences: a line break always ends one; ".", "!", "?" and "…" end one when followed by
space and a capital, a digit or an opening quote, unless the word before the dot is an
abbreviation from patterns/segmentation.yaml ("TP.", "PGS.TS.") or an initial ("A.").

Tokens: a lossless regex tokenizer (numbers with their separators stay whole, words are
syllables, every other non-space char is a token) wrapped as a spaCy tokenizer, so that
`doc.text == text` for any input. Figures are matched on characters, not tokens: word
segmenters split "1.359/1.417" and "15/2020/NĐ-CP" in unhelpful places.
"""
from __future__ import annotations

from functools import lru_cache

import regex
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..patterns import load_patterns

_TOKEN = regex.compile(r"\d+(?:[.,]\d+)*|[\p{L}\p{M}]+|[^\s]")
_BOUNDARY = regex.compile(r"\n|[.!?…]+[\"”’)\]]*(?=\s)|[!?]+[\"”’)\]]*$")
_NEXT_STARTS = regex.compile(r"\s*[\p{Lu}\d\"“‘(\[–-]")
_WORD_BEFORE_DOT = regex.compile(r"(\S+)\.$")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(load_patterns().lexicon("abbreviations"))


def _is_abbreviation(word_with_dot: str) -> bool:
    """'TP.', 'PGS.TS.', 'A.' (an initial) keep the sentence going."""
    abbreviations = _abbreviations()
    if word_with_dot in abbreviations:
        return True
    core = word_with_dot.lstrip("(“\"‘")
    if len(core) == 2 and core[0].isupper():
        return True                                   # an initial: "A."
    parts = [p + "." for p in core[:-1].split(".")]
    return len(parts) > 1 and all(p in abbreviations or (len(p) == 2 and p[0].isupper()) for p in parts)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans [start, end) over `text`, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if m.group() != "\n":
            if not _NEXT_STARTS.match(text, end) and end < len(text):
                continue
            if m.group().startswith(".") and len(m.group().rstrip("\"”’)]")) == 1:
                before = _WORD_BEFORE_DOT.search(text, max(0, m.start() - 40), m.start() + 1)
                if before and _is_abbreviation(before.group(1) + "."):
                    continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


# What may stand before a sentence's first word: spaces, quotes, an opening bracket, a dash.
OPENING_MARKS = " \t\n\"“”'(-–—"


def opening_text(text: str, sentence_start: int, pos: int) -> str:
    """What stands in the sentence before `pos`, opening marks left out: "" when the
    mention at `pos` opens its sentence ("Tháng 7/2016, …", "– Ông A, …")."""
    return text[sentence_start:pos].strip(OPENING_MARKS)


MAX_SENTENCE = 3000   # a "sentence" longer than this is a list or garbage: cut it at ";" or ","


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = max(text.rfind(";", start, start + MAX_SENTENCE), text.rfind(",", start, start + MAX_SENTENCE))
        cut = cut + 1 if cut > start else start + MAX_SENTENCE
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


def tokenize(text: str) -> tuple[list[str], list[bool]]:
    """Words and trailing-space flags such that Doc(words, spaces).text == text."""
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        start = m.start()
        if start != pos:                 # most gaps are one space: set the flag inline
            if start - pos == 1 and text[pos] == " " and words and not spaces[-1]:
                spaces[-1] = True
            else:
                _gap(text[pos:start], words, spaces)
        words.append(m.group())
        spaces.append(False)
        pos = m.end()
    _gap(text[pos:], words, spaces)
    return words, spaces


def _gap(gap: str, words: list[str], spaces: list[bool]) -> None:
    """Whitespace between tokens: one space is a flag, anything else a whitespace token."""
    if not gap:
        return
    if words and gap[0] == " " and not spaces[-1]:
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)


class ChisoTokenizer:
    """A spaCy tokenizer built on `tokenize`; serialisation has no state to save."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words, spaces = tokenize(text)
        return Doc(self.vocab, words=words, spaces=spaces)

    def to_bytes(self, **_kwargs) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_kwargs) -> "ChisoTokenizer":
        return self

    def to_disk(self, _path, **_kwargs) -> None:
        return None

    def from_disk(self, _path, **_kwargs) -> "ChisoTokenizer":
        return self
