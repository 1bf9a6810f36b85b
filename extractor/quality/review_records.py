"""`chiso review --records`: a fixed random sample of what chiso extracts from real articles
(officials, figures, dates with an inferred year, documents), for a person to judge; and the
replay of the judgements kept in the repo (corpus/reviews/records-*.yaml) against today's
output, section by section.

A sample is drawn from one slice of the bench: the articles are shuffled once with a fixed
seed and cut into slices of SLICE articles; sample N reads slice N, so two samples never
share an article. From its slice it takes `QUOTAS` officials, figures and documents at
random (seeded by N) and every date whose year chiso inferred.

An item is known by its article id, section and span (first mention, for an official); it
carries the fields judged (`record`) and the sentence it stands in. A judgement adds
`verdict` (correct / wrong), `why`, and for a wrong item `expected`: the fields as they should
be, or the string `none` where the item should not be a record at all (a street, a school, a
date whose year the article does not give). Replaying an item finds today's record at the
same span and counts it correct when it equals the judged record (verdict correct) or the
expected one (verdict wrong); a list of titles is compared as a set (as `chiso eval` does), and
a title that another title of the list starts with is left out of the comparison. Not part of the pipeline: a tool over its output.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import yaml

from ..text.excerpt import around
from .review import BENCH, articles

REVIEWS_DIR = Path(__file__).resolve().parents[2] / "corpus" / "reviews"
SLICE = 1000
SHUFFLE_SEED = 2017
QUOTAS = {"officials": 150, "figures": 150, "documents": 50}
SECTIONS = ("officials", "figures", "dates", "documents")
# The fields a person judges, per section.
FIELDS = {
    "officials": ("name", "rank", "honorific", "titles"),
    "figures": ("text", "kind", "value", "unit"),
    "dates": ("text", "value"),
    "documents": ("type", "number", "issuer", "date"),
}


def sample_path(n: int) -> Path:
    return REVIEWS_DIR / f"records-sample-{n}.yaml"


def slice_ids(all_ids: list[str], n: int) -> set[str]:
    order = sorted(all_ids)
    random.Random(SHUFFLE_SEED).shuffle(order)
    return set(order[(n - 1) * SLICE:n * SLICE])


def records_of(report: dict, every_mention: bool = False) -> dict[str, list[tuple[int, int, dict]]]:
    """(start, end, judged fields) of every record of a report, by section; dates only where
    chiso inferred the year (a date written in full is not in doubt). An official is drawn
    at its first mention; `every_mention` finds it at any of them (the replay: a person
    judged at a first mention is still that person once an earlier mention is found)."""
    out: dict[str, list] = {s: [] for s in SECTIONS}
    for o in report.get("officials", []):
        for m in o.get("mentions", [])[: None if every_mention else 1]:
            out["officials"].append((m["start"], m["end"], _fields(o, "officials")))
    for f in report.get("figures", []):
        out["figures"].append((f["start"], f["end"], _fields(f, "figures")))
    for d in report.get("dates", []):
        if d.get("year_inferred"):
            out["dates"].append((d["start"], d["end"], _fields(d, "dates")))
    for d in report.get("documents", []):
        out["documents"].append((d["start"], d["end"], _fields(d, "documents")))
    return out


def _fields(record: dict, section: str) -> dict:
    return {k: _plain(record.get(k)) for k in FIELDS[section]}


def _plain(value):
    """JSON numbers as written ("1.5" stays a string of digits in YAML, never a float)."""
    if isinstance(value, float):
        return repr(value)
    if value is not None and not isinstance(value, (str, int, list, bool)):
        return str(value)
    return value


def draw(source: Iterable[tuple[str, str]], n: int) -> list[dict]:
    """Sample `n` of the bench, as entries to judge."""
    from ..pipeline import extract

    texts = dict(source)
    ids = slice_ids(list(texts), n)
    pools: dict[str, list[dict]] = {s: [] for s in SECTIONS}
    for aid in sorted(ids):
        text = texts[aid]
        report = extract(text, aid).to_dict()
        for section, items in records_of(report).items():
            for start, end, record in items:
                _, sentence = around(text, start, end, reach=300)
                pools[section].append({"section": section, "id": aid, "span": [start, end],
                                       "text": text[start:end], "record": record, "sentence": sentence,
                                       "verdict": None, "why": None})
    rng = random.Random(n)
    chosen = []
    for section in SECTIONS:
        pool = pools[section]
        k = QUOTAS.get(section)
        chosen += pool if k is None or len(pool) <= k else rng.sample(pool, k)
    return chosen


def as_yaml(entries: list[dict]) -> str:
    return yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=120)


def load(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


@dataclass
class Score:
    correct: int = 0
    total: int = 0
    unjudged: int = 0
    # Of the judged items chiso still lists today, how many are right: the precision of what
    # it gives (an item judged right and no longer listed is wrong above, but not here).
    listed: int = 0
    listed_right: int = 0


def replay(entries: list[dict], source: Iterable[tuple[str, str]]) -> tuple[dict[str, Score], list[dict]]:
    """Today's output against the judgements: per-section scores, and the items that are
    wrong today (each with `now`, today's record or None)."""
    from ..pipeline import extract

    wanted = {e["id"] for e in entries}
    current: dict[str, dict] = {}
    for aid, text in source:
        if aid in wanted:
            current[aid] = records_of(extract(text, aid).to_dict(), every_mention=True)
    scores = {s: Score() for s in SECTIONS}
    wrong = []
    for e in entries:
        score = scores[e["section"]]
        if e.get("verdict") not in ("correct", "wrong"):
            score.unjudged += 1
            continue
        score.total += 1
        now = _at(current.get(e["id"], {}).get(e["section"], []), e)
        right = _right(e, now)
        score.correct += right
        if now is not None:
            score.listed += 1
            score.listed_right += right
        if not right:
            wrong.append({**e, "now": now})
    return scores, wrong


def _at(records: list[tuple[int, int, dict]], entry: dict) -> dict | None:
    """Today's record at the entry's span: the same span, else one that overlaps it."""
    start, end = entry["span"]
    same = [r for s, e, r in records if (s, e) == (start, end)]
    if same:
        return same[0]
    near = [r for s, e, r in records if s < end and start < e]
    return near[0] if near else None


def _right(entry: dict, now: dict | None) -> bool:
    if entry["verdict"] == "correct":
        return now is not None and all(_same(now.get(k), v) for k, v in entry["record"].items())
    expected = entry.get("expected")
    if expected in (None, "none"):
        # Not a record: none today. A date "not listed as a full date" is also absent here
        # (only dates with an inferred year are records of this review).
        return now is None
    return now is not None and all(_same(now.get(k), v) for k, v in expected.items())


def _without_bare_prefixes(titles: list[str]) -> list[str]:
    """A title that another title of the list starts with ("Bộ trưởng" beside "Bộ trưởng Bộ
    GD-ĐT", both written in the text) says nothing the longer one does not: the comparison
    leaves it out, whether the record lists it or not."""
    return [t for t in titles if not any(o != t and o.lower().startswith(t.lower() + " ") for o in titles)]


def _same(got, want) -> bool:
    if isinstance(want, list) and isinstance(got, list):
        # Titles are compared as a set, as `chiso eval` does: merged across mentions, their
        # order says nothing a reviewer judged.
        return sorted(_without_bare_prefixes(got)) == sorted(_without_bare_prefixes(want))
    if isinstance(want, (int, float)) and not isinstance(want, bool) and got is not None:
        try:
            return float(got) == float(want)
        except (TypeError, ValueError):
            return False
    return got == want


def summary(scores: dict[str, Score]) -> str:
    """"officials 137/150 [listed 132/140 = 94.3%]": judged items right today, then the items
    chiso still lists and how many of those are right."""
    def one(s: str, sc: Score) -> str:
        listed = f" [listed {sc.listed_right}/{sc.listed} = {sc.listed_right / sc.listed:.1%}]" if sc.listed else ""
        return f"{s} {sc.correct}/{sc.total}" + listed + (f" ({sc.unjudged} unjudged)" if sc.unjudged else "")
    return ", ".join(one(s, sc) for s, sc in scores.items())


__all__ = ["BENCH", "articles", "draw", "replay", "load", "as_yaml", "sample_path", "summary"]
