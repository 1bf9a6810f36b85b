"""Step 6: the checker. Every checkable arithmetic claim, redone with the intervals the
written precision allows (statcheck's rule). Takes the records with their claims, gives
CheckDrafts: the rules by family (shares, changes, sums, rates; rules.py is their index),
the relations over the figures' roles for what those rules leave (relations/),
what they read around a figure (reading), the interval arithmetic (interval, base), and
the gate (evidence before a ✗)."""
from __future__ import annotations

from decimal import localcontext

from ..records.article import Article
from .gate import gate
from ..report.errors import error_entry
from . import relations, rules
from .base import CheckDraft

# The rules in the order they run; year_over_year comes last, for the changes no other
# rule could check.
RULES = (rules.ratio, rules.pair_change, rules.two_values_change, rules.continued_change, rules.part_of_total,
         rules.complementary_shares, rules.by_category, rules.sums,
         rules.bound, rules.rate, rules.multiplier, rules.grim)

RELATIONS = (relations.share_of_whole, relations.shares_whole, relations.unit_price, relations.change_of_level,
             relations.part_over_whole, relations.net_balance, relations.back_multiple)


def run(art: Article) -> list[CheckDraft]:
    # Enough digits for "21,6 nghìn tỷ" divided and summed exactly, without touching the
    # process-wide decimal context.
    with localcontext() as ctx:
        ctx.prec = 50
        return _run(art)


def _guarded(rule, art: Article, *args) -> list[CheckDraft]:
    """One rule's checks; an exception inside it loses that rule's claims (said in the
    report's errors, E014), never the article."""
    try:
        return list(rule(art, *args))
    except Exception as exc:  # noqa: BLE001 - the rest of the report must stand
        art.errors.append(error_entry("E014", f"{rule.__name__}: {type(exc).__name__}: {exc}"))
        return []


def _run(art: Article) -> list[CheckDraft]:
    checks: list[CheckDraft] = []
    seen: set[tuple] = set()
    for rule in RULES:
        for check in _guarded(rule, art):
            key = (check.rule, tuple(sorted(id(f) for f in check.figures)))
            if key not in seen:
                seen.add(key)
                checks.append(check)
    checks = [g for g in (gate(art, c) for c in checks) if g is not None]
    # The relations over roles, for the figures no shape rule has judged (an unverifiable
    # check judges nothing: its figures may still make a claim of another shape).
    judged = {id(f) for c in checks if c.status != "unverifiable" for f in c.figures}
    for relation in RELATIONS:
        found = [g for g in (gate(art, c) for c in _guarded(relation, art, judged)) if g is not None]
        judged |= {id(f) for c in found if c.status != "unverifiable" for f in c.figures}
        checks += found
    covered = {id(f) for c in checks for f in c.figures if f.kind == "change"}
    checks += [gate(art, c) for c in _guarded(rules.year_over_year, art, covered)]
    checks.sort(key=lambda c: min((f.start for f in c.figures if f.end > 0), default=0))
    return checks
