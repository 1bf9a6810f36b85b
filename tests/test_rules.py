"""Every rule in patterns/ carries examples; this runs them all (Duckling's corpus habit).

Positive: the rule produces a record (or claims a span) with exactly the example's text,
and the record carries the expected fields. Negative: the rule produces nothing there.
Context rules: the figure named by `match` was changed by the rule.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from extractor.patterns import load_patterns
from extractor.pipeline import run
from extractor.pipeline.build import build_report

RULES = load_patterns().rules
POSITIVE = [(r, i, e) for r in RULES for i, e in enumerate(r.examples)]
NEGATIVE = [(r, i, n) for r in RULES for i, n in enumerate(r.negative)]


def _records(art):
    report = build_report(art, None)
    out = []
    for draft, fig in zip(art.figures, report.figures):
        out.append((draft, fig.model_dump()))
    for draft, doc in zip(art.documents, report.documents):
        out.append((draft, doc.model_dump()))
    for draft, date in zip(art.dates, report.dates):
        out.append((draft, date.model_dump()))
    people = {id(o): rec.model_dump() for o, rec in zip(art.officials, report.officials)}
    for mention in art.person_mentions:
        if mention.official is not None:
            out.append((mention, people[id(mention.official)]))
    return out


def _same(expected, got) -> bool:
    if isinstance(expected, (int, float)) and not isinstance(expected, bool) and got is not None:
        return Decimal(str(expected)) == Decimal(str(got))
    return expected == got


@pytest.mark.parametrize("rule,index,example", POSITIVE, ids=[f"{r.name}-{i}" for r, i, _ in POSITIVE])
def test_positive_example(rule, index, example, report_validator):
    art = run(example.text)
    report_validator.validate(build_report(art, None).to_dict())
    want = example.match or example.text
    if rule.produce.startswith("context."):
        figures = [f for f in art.figures if art.text[f.start:f.end] == want]
        assert figures, f"{rule.name}: no figure {want!r} in {example.text!r}"
        assert any(rule.name in f.context_rules for f in figures), f"{rule.name} did not apply to {want!r}"
        records = [rec for d, rec in _records(art) if d in figures]
    else:
        records = [rec for d, rec in _records(art) if d.rule == rule.name and art.text[d.start:d.end] == want]
        claimed = [a for a in art.accepted if a.rule.name == rule.name and a.match.group() == want]
        assert records or claimed, (
            f"{rule.name} ({rule.file}): expected {want!r} in {example.text!r}; accepted: "
            f"{[(a.rule.name, a.match.group()) for a in art.accepted]}")
    for key, value in example.expect.items():
        assert records, f"{rule.name}: {want!r} claimed but no record to check {key}"
        assert any(_same(value, rec.get(key)) for rec in records), (
            f"{rule.name}: {want!r} {key}: expected {value!r}, got {[rec.get(key) for rec in records]}")


@pytest.mark.parametrize("rule,index,text", NEGATIVE, ids=[f"{r.name}-{i}" for r, i, _ in NEGATIVE])
def test_negative_example(rule, index, text):
    art = run(text)
    if rule.produce.startswith("context."):
        hit = [art.text[f.start:f.end] for f in art.figures if rule.name in f.context_rules]
    elif rule.produce == "exclude":
        hit = [a.match.group() for a in art.accepted if a.rule.name == rule.name]
    else:                                # a rule that makes records: it may claim, not produce
        hit = [art.text[d.start:d.end] for d, _ in _records(art) if d.rule == rule.name]
    assert not hit, f"{rule.name} ({rule.file}) must not apply in {text!r}, but did on {hit}"
