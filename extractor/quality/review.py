"""`chiso review`: every `inconsistent` verdict chiso gives on a corpus of real articles,
with the sentence it comes from, for a person to judge; and the comparison of today's
verdicts with the judgements kept in the repo (corpus/reviews/bench-flags.yaml).

A flag is known by its article id, its rule and the texts of its figures (in order); a
judgement adds `verdict` (genuine: the published text is wrong; misread: chiso is) and
`why`. A genuine flag the checker no longer raises on purpose (its evidence rules cannot
tell it from a misreading) carries `given_up`: why; it is listed, never silently lost. Not part of the pipeline: a tool over its output.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from ..text.excerpt import around

REVIEWS = Path(__file__).resolve().parents[2] / "corpus" / "reviews" / "bench-flags.yaml"
BENCH = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "bench" / "baomoi-2017.jsonl"


@dataclass(frozen=True)
class Flag:
    id: str
    rule: str
    figures: tuple[str, ...]
    message: str = ""
    sentence: str = ""

    @property
    def key(self) -> tuple:
        return (self.id, self.rule, self.figures)


def articles(path: Path) -> Iterator[tuple[str, str]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                yield str(d["id"]), d["text"]


def flags_of(aid: str, text: str, report: dict) -> list[Flag]:
    """The inconsistent checks of one report, each with the sentence(s) its figures are in."""
    figures = {f["id"]: f for f in report["figures"]}
    out = []
    for c in report["checks"]:
        if c["status"] != "inconsistent":
            continue
        figs = [figures[i] for i in c["figures"] if i in figures]
        start = min((f["start"] for f in figs), default=0)
        end = max((f["end"] for f in figs), default=0)
        _, sentence = around(text, start, end)
        out.append(Flag(aid, c["rule"], tuple(f["text"] for f in figs), c["message"], sentence))
    return out


def current_flags(items: Iterable[tuple[str, str]]) -> list[Flag]:
    from ..pipeline import extract

    out = []
    for aid, text in items:
        out += flags_of(aid, text, extract(text, aid).to_dict())
    return out


def load_reviews(path: Path = REVIEWS) -> dict[tuple, dict]:
    if not path.exists():
        return {}
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return {(e["id"], e["rule"], tuple(e["figures"])): e for e in entries}


def compare(flags: list[Flag], reviews: dict[tuple, dict], read: set[str] | None = None) -> dict[str, list]:
    """Today's flags against the judgements: unreviewed flags, misread flags that came back,
    genuine flags that were lost, and the counts. READ, when given, is the ids of the articles
    the flags come from: a judgement of an article not read today is not lost."""
    now = {f.key: f for f in flags}
    if read is not None:
        reviews = {k: e for k, e in reviews.items() if e["id"] in read}
    return {
        "unreviewed": [f for k, f in now.items() if k not in reviews],
        "misread_back": [f for k, f in now.items() if reviews.get(k, {}).get("verdict") == "misread"],
        "genuine_lost": [e for k, e in reviews.items() if e["verdict"] == "genuine" and k not in now
                         and not e.get("given_up")],
        "given_up": [e for k, e in reviews.items() if e["verdict"] == "genuine" and k not in now and e.get("given_up")],
        "genuine": [f for k, f in now.items() if reviews.get(k, {}).get("verdict") == "genuine"],
    }


def as_yaml(flags: list[Flag]) -> str:
    """Flags as entries to judge: verdict and why left for the reader."""
    entries = [{"id": f.id, "rule": f.rule, "figures": list(f.figures), "verdict": None, "why": None,
                "sentence": f.sentence, "message": f.message} for f in flags]
    return yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=120)
