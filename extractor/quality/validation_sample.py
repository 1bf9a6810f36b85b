"""The sample a never-read validation slice is measured with (issue 20): `chiso review
--validation-slice N --input ../shared/corpus/bench/crawl-2017-b.jsonl`.

The validation pool's README cuts it by line into slices of VALIDATION_SLICE articles (lines
1-500 are slice 1, ...). From slice N the sample takes at most one item of each section per
article (so that no article's habits weigh twice), then VALIDATION_QUOTAS of those at random,
seeded by N; and, for reading recall, RECALL_ARTICLES articles of the slice at random. The
entries have the shape of the hand reviews (review_records), so that `chiso review --records`
replays them. Not part of the pipeline: a tool over its output."""
from __future__ import annotations

import random
from itertools import islice
from typing import Iterable

from ..text.excerpt import around
from .review_records import SECTIONS, records_of

VALIDATION_SLICE = 500
VALIDATION_QUOTAS = {"officials": 80, "figures": 100, "documents": 30, "dates": 40}
RECALL_ARTICLES = 10


def slice_of(source: Iterable[tuple[str, str]], n: int) -> list[tuple[str, str]]:
    """Slice n (1-based) of the pool, in file order."""
    return list(islice(source, (n - 1) * VALIDATION_SLICE, n * VALIDATION_SLICE))


def draw_validation(source: Iterable[tuple[str, str]], n: int) -> list[dict]:
    from ..pipeline import extract

    pools: dict[str, list[dict]] = {s: [] for s in SECTIONS}
    for aid, text in slice_of(source, n):
        report = extract(text, aid).to_dict()
        pick = random.Random(f"{n}:{aid}")
        for section, items in records_of(report).items():
            if not items:
                continue
            start, end, record = pick.choice(items)
            _, sentence = around(text, start, end, reach=300)
            pools[section].append({"section": section, "id": aid, "span": [start, end],
                                   "text": text[start:end], "record": record, "sentence": sentence,
                                   "verdict": None, "why": None})
    rng = random.Random(n)
    chosen: list[dict] = []
    for section in SECTIONS:
        pool, k = pools[section], VALIDATION_QUOTAS[section]
        chosen += pool if len(pool) <= k else sorted(rng.sample(pool, k), key=pool.index)
    return chosen


def recall_articles(source: Iterable[tuple[str, str]], n: int) -> list[str]:
    """The ids of the slice's articles a reader reads whole for recall."""
    ids = [aid for aid, _ in slice_of(source, n)]
    return sorted(random.Random(f"recall:{n}").sample(ids, min(RECALL_ARTICLES, len(ids))))


def recall(reference: list[dict], source: Iterable[tuple[str, str]]) -> tuple[dict[str, tuple[int, int]], list[tuple]]:
    """How much of what a reader found chiso finds: a person when chiso names one whose name
    equals the reader's (or holds it: "Putin" in "Vladimir Putin" is not enough the other way
    round), a figure when one of chiso's figures overlaps the reader's text at its occurrence.
    Returns {section: (found, listed)} and the misses."""
    from ..pipeline import extract

    wanted = {a["id"]: a for a in reference}
    found = {"persons": [0, 0], "figures": [0, 0]}
    misses: list[tuple] = []
    for aid, text in source:
        a = wanted.get(aid)
        if a is None:
            continue
        report = extract(text, aid).to_dict()
        names = [o["name"].lower() for o in report["officials"]]
        spans = [(f["start"], f["end"]) for f in report["figures"]]
        for p in a.get("persons") or []:
            name = (p["name"] if isinstance(p, dict) else p).lower()
            found["persons"][1] += 1
            if any(n == name or name in n for n in names):
                found["persons"][0] += 1
            else:
                misses.append(("person", aid, name))
        for f in a.get("figures") or []:
            found["figures"][1] += 1
            at = _occurrence(text, f["text"], f.get("occurrence", 1))
            if at >= 0 and any(s < at + len(f["text"]) and at < e for s, e in spans):
                found["figures"][0] += 1
            else:
                misses.append(("figure", aid, f["text"]))
    return {k: (v[0], v[1]) for k, v in found.items()}, misses


def _occurrence(text: str, needle: str, k: int) -> int:
    at = -1
    for _ in range(k):
        at = text.find(needle, at + 1)
        if at < 0:
            break
    return at


__all__ = ["VALIDATION_SLICE", "VALIDATION_QUOTAS", "draw_validation", "recall", "recall_articles", "slice_of"]
