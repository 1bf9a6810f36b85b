"""Checks gold for articles of the shared bench files (corpus/checks-gold/): every checkable
arithmetic claim of an article, marked by two annotators who never saw chiso's output and
settled by a third, kept as the article's id and each figure's text and span (never the
article's sentences). `chiso eval-checks DIR --input FILE.jsonl` scores today's checker
against it:

- found: a check of chiso's covers the gold claim's figures (all of them; all but one where
  the claim has three or more: a whole found elsewhere is still the same claim), whatever
  its rule's name; right: one such check has the gold status;
- real errors flagged: gold `inconsistent` claims with a ✗ over their figures;
- false alarms: a ✗ over a consistent gold claim; ✗ outside the gold: a ✗ over figures no
  gold claim relates (each is a misreading or a claim both annotators missed);
- misses, by the gold rule, for the closing note's "misses listed by class".
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from ..pipeline import extract
from .review import articles


@dataclass
class Score:
    articles: int = 0
    gold: int = 0
    found: int = 0
    right: int = 0
    real_errors: int = 0
    errors_flagged: int = 0
    false_alarms: list[str] = field(default_factory=list)
    outside_gold: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    wrong_status: list[str] = field(default_factory=list)
    missed_errors: list[str] = field(default_factory=list)
    missed_by_rule: Counter = field(default_factory=Counter)

    def to_dict(self) -> dict:
        return {"articles": self.articles, "gold_checks": self.gold, "found": self.found, "right_status": self.right,
                "right_rate": round(self.right / self.gold, 4) if self.gold else None,
                "real_errors": self.real_errors, "errors_flagged": self.errors_flagged,
                "false_alarms": len(self.false_alarms), "inconsistent_outside_gold": len(self.outside_gold),
                "missed_by_rule": dict(self.missed_by_rule.most_common())}


def load_gold(directory: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(directory).glob("*.json"))]


def texts_by_id(source: Path, wanted: set[str]) -> dict[str, str]:
    return {aid: text for aid, text in articles(Path(source)) if aid in wanted}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _covers(gold_spans: list[tuple[int, int]], spans: list[tuple[int, int]]) -> bool:
    hit = sum(1 for g in gold_spans if any(_overlap(g, s) for s in spans))
    need = len(gold_spans) if len(gold_spans) <= 2 else len(gold_spans) - 1
    return hit >= need


def score(directory: Path, source: Path, extract_fn: Callable = extract) -> Score:
    golds = load_gold(directory)
    texts = texts_by_id(source, {g["id"] for g in golds})
    result = Score()
    for gold in golds:
        text = texts.get(gold["id"])
        if text is None:
            raise ValueError(f"{gold['id']}: not in {source}")
        result.articles += 1
        report = extract_fn(text, gold["id"]).to_dict()
        _score_article(gold, text, report, result)
    return result


def _score_article(gold: dict, text: str, report: dict, result: Score) -> None:
    aid = gold["id"]
    # A ratio's stated percent is part of it ("17/21 (81%)"): its span counts as the ratio's.
    spans = {f["id"]: [(f["start"], f["end"])] + ([(f["stated"]["start"], f["stated"]["end"])] if f.get("stated") else [])
             for f in report["figures"]}
    checks = [(c, [s for i in c["figures"] if i in spans for s in spans[i]]) for c in report["checks"]]
    for f in (f for g in gold["checks"] for f in g["figures"]):
        if text[f["start"]:f["end"]] != f["text"]:
            raise ValueError(f"{aid}: gold figure {f['text']!r} is not at {f['start']}")
    claimed: set[int] = set()
    for g in gold["checks"]:
        result.gold += 1
        gspans = [(f["start"], f["end"]) for f in g["figures"]]
        label = f"{aid}: {g['rule']} {[f['text'] for f in g['figures']]} ({g['status']})"
        over = [k for k, (c, s) in enumerate(checks) if _covers(gspans, s)]
        claimed.update(k for k, (c, s) in enumerate(checks) if sum(any(_overlap(a, b) for b in s) for a in gspans) >= 2)
        statuses = {checks[k][0]["status"] for k in over}
        if over:
            result.found += 1
            if g["status"] in statuses:
                result.right += 1
            else:
                result.wrong_status.append(f"{label}: chiso says {sorted(statuses)}")
        else:
            result.misses.append(label)
            result.missed_by_rule[g["rule"]] += 1
        if g["status"] == "inconsistent":
            result.real_errors += 1
            if "inconsistent" in statuses:
                result.errors_flagged += 1
            else:
                result.missed_errors.append(f"{label}: {g.get('why', '')}")
        elif statuses == {"inconsistent"}:
            result.false_alarms.append(f"{label}: " + "; ".join(checks[k][0]["message"] for k in over))
    for k, (c, _) in enumerate(checks):
        if c["status"] == "inconsistent" and k not in claimed:
            result.outside_gold.append(f"{aid}: [{c['rule']}] {c['message']}")


def lines(result: Score, verbose: bool) -> Iterator[str]:
    d = result.to_dict()
    yield (f"{d['articles']} articles, {d['gold_checks']} gold checks: {d['found']} found, {d['right_status']} with the "
           f"right status ({(d['right_rate'] or 0):.1%}); real errors flagged {d['errors_flagged']}/{d['real_errors']}; "
           f"false alarms {d['false_alarms']}; ✗ outside the gold {d['inconsistent_outside_gold']}")
    yield "missed, by rule: " + ", ".join(f"{k} {v}" for k, v in d["missed_by_rule"].items())
    if verbose:
        for title, items in (("miss", result.misses), ("wrong status", result.wrong_status),
                             ("real error missed", result.missed_errors), ("false alarm", result.false_alarms),
                             ("✗ outside the gold", result.outside_gold)):
            for item in items:
                yield f"{title}: {item}"
