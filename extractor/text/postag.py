"""underthesea's POS tagger (its CRF model, its feature templates, its word segmenter), with
the features computed the fast way: each template is parsed once, not once per word and
template, and the columns are not rebuilt for every feature. The features, and so the
tags, are underthesea's own (tests/test_postag.py compares them with `pos_tag` itself);
only the time differs, and the tagger is most of what names cost (see `make bench`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# underthesea's template syntax: T[i] or T[i,j], an optional [column], an optional .function
_TEMPLATE = re.compile(r"T\[(?P<index1>\-?\d+)(\,(?P<index2>\-?\d+))?\](\[(?P<column>.*)\])?(\.(?P<function>.*))?")


@dataclass(frozen=True)
class _Template:
    prefix: str                   # "T[-1].lower="
    first: int
    last: int | None              # the end of a range T[i,j], else None
    column: int
    function: str | None


def _parse(syntax: str) -> _Template:
    m = _TEMPLATE.match(syntax)
    column = m.group("column")
    last = m.group("index2")
    return _Template(f"{syntax}=", int(m.group("index1")), int(last) if last else None,
                     int(column) if column else 0, m.group("function"))


class PosTagger:
    """pos_tag(sentence) -> [(word, tag)], as underthesea.pos_tag with its default model."""

    def __init__(self) -> None:
        from underthesea import word_tokenize
        from underthesea.pipeline.pos_tag import tagged_feature
        from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

        predictor = CRFPOSTagPredictor.Instance()
        self._segment = word_tokenize
        self._model = predictor.model
        self._templates = tuple(_parse(t) for t in predictor.transformer.template)
        self._functions = {"lower": tagged_feature.text_lower, "istitle": tagged_feature.text_istitle,
                           "isallcap": tagged_feature.text_isallcap, "isdigit": tagged_feature.text_isdigit,
                           "is_in_dict": tagged_feature.text_is_in_dict}

    def features(self, words: list[str]) -> list[list[str]]:
        """underthesea's features of each word (the second column is its placeholder tag "X")."""
        n = len(words)
        columns = (words, ["X"] * n)
        functions = self._functions
        rows = []
        for i in range(n):
            row = []
            for t in self._templates:
                a = i + t.first
                if a < 0:
                    row.append(t.prefix + "BOS")
                    continue
                if a >= n:
                    row.append(t.prefix + "EOS")
                    continue
                if t.last is not None:
                    if i + t.last >= n:
                        row.append(t.prefix + "EOS")
                        continue
                    word = " ".join(columns[t.column][a:i + t.last + 1])
                else:
                    word = columns[t.column][a]
                value = functions[t.function](word) if t.function is not None else word
                row.append(f"{t.prefix}{value}")
            rows.append(row)
        return rows

    def __call__(self, sentence: str) -> list[tuple[str, str]]:
        words = self._segment(sentence)
        return list(zip(words, self._model.tag(self.features(words))))


@lru_cache(maxsize=1)
def pos_tagger() -> PosTagger:
    return PosTagger()
