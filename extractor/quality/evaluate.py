"""`chiso eval`: precision, recall and F1 per section against gold files.

Gold format: ../shared/corpus/GOLD_FORMAT.md (articles/<id>.txt beside gold/<id>.json).
Gold gives texts, not offsets, so each gold item is first placed in its article: its
occurrences are tried in order of appearance (the gold lists items in that order),
preferring occurrences that are not part of a bigger number. Then:
- figures match by overlapping span and equal value;
- documents by overlapping span and equal number; dates by overlapping span and value;
- officials by name.
Attribute accuracy (kind, unit, direction, reference year) is reported over matched figures.
"""
from __future__ import annotations

import json
import traceback
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterable

from ..pipeline import extract

SECTIONS = ("figures", "documents", "dates", "officials")
FIGURE_ATTRIBUTES = ("kind", "unit", "direction", "reference_year")
OFFICIAL_ATTRIBUTES = ("rank", "honorific")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Result:
    articles: int = 0
    crashes: list[str] = field(default_factory=list)
    offset_violations: list[str] = field(default_factory=list)
    tallies: dict[str, Tally] = field(default_factory=lambda: {s: Tally() for s in SECTIONS + ("titles",)})
    attributes: dict[str, list[int]] = field(default_factory=lambda: {a: [0, 0] for a in FIGURE_ATTRIBUTES})
    official_attributes: dict[str, list[int]] = field(default_factory=lambda: {a: [0, 0] for a in OFFICIAL_ATTRIBUTES})
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    inferred_dates: int = 0
    gold_checks: int = 0
    checks_found: int = 0
    checks_right: int = 0
    gold_errors: int = 0
    errors_flagged: list[str] = field(default_factory=list)
    errors_missed: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    extra_alarms: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "crashes": len(self.crashes),
            "offset_violations": len(self.offset_violations),
            "sections": {s: {"precision": round(t.precision, 4), "recall": round(t.recall, 4), "f1": round(t.f1, 4),
                             "tp": t.tp, "fp": t.fp, "fn": t.fn} for s, t in self.tallies.items()},
            "inferred_dates_not_scored": self.inferred_dates,
            "checks": {"gold": self.gold_checks, "found": self.checks_found, "right_status": self.checks_right,
                       "right_status_rate": round(self.checks_right / self.gold_checks, 4) if self.gold_checks else None,
                       "real_errors": self.gold_errors, "errors_flagged": len(self.errors_flagged),
                       "false_alarms_on_consistent_gold": len(self.false_alarms),
                       "inconsistent_not_in_gold": len(self.extra_alarms)},
            "figure_attributes": {a: (round(c / n, 4) if n else None) for a, (c, n) in self.attributes.items()},
            "official_attributes": {a: (round(c / n, 4) if n else None) for a, (c, n) in self.official_attributes.items()},
        }


def missing_gold(directory: Path) -> str | None:
    """Why DIRECTORY cannot be scored (no gold, a gold file without its article), or None."""
    gold = sorted((directory / "gold").glob("*.json"))
    if not gold:
        return f"{directory}: no gold files (gold/*.json beside articles/*.txt) to score against"
    lost = [g.stem for g in gold if not (directory / "articles" / f"{g.stem}.txt").is_file()]
    if lost:
        return f"{directory}: gold without its article (articles/<id>.txt): {', '.join(lost[:5])}"
    return None


def load_corpus(directory: Path) -> Iterable[tuple[str, str, dict]]:
    gold_dir, art_dir = directory / "gold", directory / "articles"
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (art_dir / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
        yield gold_path.stem, text, gold


def evaluate(directories: Iterable[Path], extract_fn: Callable = extract) -> Result:
    result = Result()
    for directory in directories:
        for aid, text, gold in load_corpus(Path(directory)):
            result.articles += 1
            try:
                report = extract_fn(text, aid).to_dict()
            except Exception:  # noqa: BLE001 - a crash is counted and shown, never hidden
                result.crashes.append(f"{aid}: {traceback.format_exc(limit=3)}")
                continue
            score_article(aid, text, gold, report, result)
    return result


def _check_offsets(aid: str, text: str, report: dict, result: Result) -> None:
    for section in ("figures", "documents", "dates"):
        for item in report[section]:
            if text[item["start"]:item["end"]] != item["text"]:
                result.offset_violations.append(f"{aid}: {section} {item['text']!r} at {item['start']}")
    for official in report["officials"]:
        for m in official.get("mentions", []):
            if not (0 <= m["start"] <= m["end"] <= len(text)):
                result.offset_violations.append(f"{aid}: mention of {official['name']!r}")


def score_article(aid: str, text: str, gold: dict, report: dict, result: Result) -> Result:
    """Score one article's report (as a dict) against its gold, adding to `result`."""
    _check_offsets(aid, text, report, result)
    # Gold lists only dates written in full; a date whose year was inferred is not scored.
    written_dates = [d for d in report["dates"] if not d.get("year_inferred")]
    result.inferred_dates += len(report["dates"]) - len(written_dates)
    predicted = {"figures": report["figures"], "documents": report["documents"], "dates": written_dates}
    figure_links = {}
    for section, same in (("figures", _same_value), ("documents", _same_number), ("dates", _same_date)):
        placed = locate(text, gold.get(section, []))
        links = _match_spans(aid, text, section, placed, predicted[section], same, result)
        if section == "figures":
            figure_links = {predicted["figures"][k]["id"]: g["text"] for g, k in links}
    _match_checks(aid, gold.get("checks", []), report.get("checks", []), figure_links, result)
    _match_officials(aid, gold.get("officials", []), report["officials"], result)
    return result


def locate(text: str, items: list[dict]) -> list[tuple[dict, int, int]]:
    """Place gold items (which give only their text) in the article, in order."""
    placed = []
    used: set[tuple[int, int]] = set()
    pos = 0
    for item in items:
        needle = item["text"]
        occurrences = []
        i = text.find(needle)
        while i >= 0:
            occurrences.append(i)
            i = text.find(needle, i + 1)
        if not occurrences:
            continue
        clean = [o for o in occurrences if _clean_boundary(text, o, o + len(needle))] or occurrences
        free = [o for o in clean if (o, o + len(needle)) not in used]
        pick = next((o for o in free if o >= pos), free[0] if free else clean[0])
        used.add((pick, pick + len(needle)))
        pos = pick
        placed.append((item, pick, pick + len(needle)))
    return placed


def _clean_boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if text[start].isdigit() and (before.isdigit() or before.isalpha() or
                                  (before in ".," and start > 1 and text[start - 2].isdigit())):
        return False
    if text[end - 1].isdigit() and (after.isdigit() or (after in ".," and end + 1 < len(text) and text[end + 1].isdigit())):
        return False
    return True


def _dec(v: Any) -> Decimal | None:
    return None if v is None else Decimal(str(v))


def _same_value(g: dict, p: dict) -> bool:
    return _dec(g.get("value")) == _dec(p.get("value"))


def _same_number(g: dict, p: dict) -> bool:
    return g.get("number") == p.get("number")


def _same_date(g: dict, p: dict) -> bool:
    return g.get("value") == p.get("value")


def _match_spans(aid, text, section, placed, predicted, same, result: Result) -> list:
    tally = result.tallies[section]
    taken: set[int] = set()
    links = []
    for g, gs, ge in placed:
        hit = None
        for k, p in enumerate(predicted):
            if k not in taken and p["start"] < ge and gs < p["end"] and same(g, p):
                hit = k
                break
        if hit is None:
            tally.fn += 1
            result.misses.append(f"{aid}: {section} MISS {g['text']!r} {_brief(g)}  …{_around(text, gs, ge)}…")
            continue
        taken.add(hit)
        links.append((g, hit))
        tally.tp += 1
        if section == "figures":
            _attributes(aid, g, predicted[hit], result)
    for k, p in enumerate(predicted):
        if k not in taken:
            tally.fp += 1
            result.extras.append(f"{aid}: {section} EXTRA {p['text']!r} {_brief(p)}  …{_around(text, p['start'], p['end'])}…")
    return links


def _match_checks(aid: str, gold: list[dict], predicted: list[dict], links: dict[str, str], result: Result) -> None:
    """A predicted check matches a gold one when the rule is the same and its figures are
    the gold's figures (all of them, or all but one where the gold names three or more:
    a total found elsewhere in the article is still the same claim). A real error counts
    as flagged when any inconsistent check shares the gold's figures, whatever its rule."""
    def texts(check: dict) -> set[str]:
        return {links[f] for f in check["figures"] if f in links}

    def covers(g: dict, p: dict) -> bool:
        want, got = set(g["figures"]), texts(p)
        need = len(want) if len(want) <= 2 else len(want) - 1
        # The figure allowed to differ is a total, never the stated share: "43,8%" checked
        # against the same part and total is not the claim "44%".
        return len(want & got) >= need and all(f in got for f in want if f.endswith("%"))

    used: set[int] = set()
    for g in gold:
        result.gold_checks += 1
        same_rule = [k for k, p in enumerate(predicted) if p["rule"] == g["rule"] and covers(g, p)]
        label = f"{aid}: {g['rule']} {g['figures']} ({g['status']})"
        if same_rule:
            result.checks_found += 1
            used.update(same_rule)
            statuses = {predicted[k]["status"] for k in same_rule}
            if g["status"] in statuses:
                result.checks_right += 1
            else:
                result.wrong.append(f"{label}: chiso says {sorted(statuses)}")
            if g["status"] == "consistent" and statuses == {"inconsistent"}:
                result.false_alarms.append(f"{label}: " + "; ".join(predicted[k]["message"] for k in same_rule))
        else:
            result.misses.append(f"{aid}: checks MISS {g['rule']} {g['figures']} ({g['status']})")
        if g["status"] == "inconsistent":
            result.gold_errors += 1
            flagged = [p for p in predicted if p["status"] == "inconsistent" and covers(g, p)
                       or p["status"] == "inconsistent" and len(set(g["figures"]) & texts(p)) >= 2]
            if flagged:
                result.errors_flagged.append(f"{label}: " + " | ".join(f"[{p['rule']}, {p.get('severity')}] {p['message']}" for p in flagged))
            else:
                result.errors_missed.append(label)
    for k, p in enumerate(predicted):
        if p["status"] == "inconsistent" and k not in used and not any(
                set(g["figures"]) & texts(p) and g["status"] == "inconsistent" for g in gold):
            result.extra_alarms.append(f"{aid}: [{p['rule']}] {p['message']}")


def _attributes(aid: str, g: dict, p: dict, result: Result) -> None:
    for attr in FIGURE_ATTRIBUTES:
        if attr in ("direction", "reference_year") and g.get("kind") != "change":
            continue
        _tally(result.attributes[attr], attr, g, p, f"{aid}: {attr} of {g['text']!r}", result)


def _tally(counts: list[int], attr: str, g: dict, p: dict, label: str, result: Result) -> None:
    """Count one attribute comparison; a mismatch is listed in `wrong`."""
    counts[1] += 1
    if g.get(attr) == p.get(attr):
        counts[0] += 1
    else:
        result.wrong.append(f"{label}: gold {g.get(attr)!r}, got {p.get(attr)!r}")


def _match_officials(aid: str, gold: list[dict], predicted: list[dict], result: Result) -> None:
    """Officials match by name (case-insensitive); over matched pairs, rank and honorific
    accuracy and titles (verbatim segments) as P/R/F1; an unmatched official's titles
    all count as missed or extra."""
    tally, titles = result.tallies["officials"], result.tallies["titles"]
    remaining = list(predicted)
    for g in gold:
        p = next((p for p in remaining if p["name"].lower() == g["name"].lower()), None)
        if p is None:
            tally.fn += 1
            titles.fn += len(g["titles"])
            result.misses.append(f"{aid}: officials MISS {g['name']!r} {g.get('rank')!r} {g['titles']}")
            continue
        remaining.remove(p)
        tally.tp += 1
        for attr in OFFICIAL_ATTRIBUTES:
            _tally(result.official_attributes[attr], attr, g, p, f"{aid}: {attr} of {g['name']!r}", result)
        gold_titles, got = set(_squash(t) for t in g["titles"]), set(_squash(t) for t in p["titles"])
        titles.tp += len(gold_titles & got)
        titles.fn += len(gold_titles - got)
        titles.fp += len(got - gold_titles)
        if gold_titles != got:
            result.wrong.append(f"{aid}: titles of {g['name']!r}: gold {sorted(gold_titles)}, got {sorted(got)}")
    for p in remaining:
        tally.fp += 1
        titles.fp += len(p["titles"])
        result.extras.append(f"{aid}: officials EXTRA {p['name']!r} {p.get('rank')!r} {p['titles']}")


def _squash(text: str) -> str:
    return " ".join(text.split())


def _brief(item: dict) -> str:
    keys = ("kind", "value", "unit", "number", "direction", "reference_year")
    return "{" + ", ".join(f"{k}={item[k]!r}" for k in keys if k in item and item[k] is not None) + "}"


def _around(text: str, start: int, end: int, width: int = 40) -> str:
    return text[max(0, start - width):end + width].replace("\n", " ")
