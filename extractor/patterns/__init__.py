"""Rules as data: load, validate and compile the files in patterns/vi/ (beside this
file, shipped inside the package; $CHISO_PATTERNS names another folder).

A pattern file is YAML (read with the safe loader only) with up to four sections:

    pieces:     named regex fragments; a fragment may use another as {name}
    lexicons:   named word lists (or word -> value maps); a pattern uses one as {@name},
                which becomes an alternation of the escaped entries, longest first
    rules:      records {name, produce, priority, pattern, flags, examples, negative, requires, starts,
                starts_at_word}
    tables:     free-form data an engine module reads (normalisation tables, ...)

Names are global across files, so a rule in figures.yaml may use a piece from
numbers.yaml. Every problem is reported as a PatternError naming the file and the rule
or piece, at start-up, before any text is read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from ..report.errors import PatternError
from .files import LANGUAGE, normalization_table, patterns_dir, read_file as _read
from .normal_form import normalize

_REF = regex.compile(r"(?<!\\[pPN])\{(@?)([A-Za-z_]\w*)\}")
# REVERSE searches from the end of the text: for a rule anchored there (a byline).
_FLAGS = {"IGNORECASE": regex.IGNORECASE, "VERBOSE": regex.VERBOSE, "REVERSE": regex.REVERSE}
_RULE_KEYS = {"name", "produce", "priority", "pattern", "flags", "examples", "negative", "doc", "requires",
              "starts", "starts_at_word"}


@dataclass(frozen=True)
class Example:
    text: str
    match: str | None = None          # the span the rule must produce (default: all of text)
    expect: dict[str, Any] = field(default_factory=dict)  # fields the record must carry


@dataclass(frozen=True)
class Rule:
    name: str
    produce: str                      # which production turns a match into a record
    priority: int
    source: str                       # the regex as written, references expanded
    compiled: "regex.Pattern[str]"
    file: str
    examples: tuple[Example, ...]
    negative: tuple[str, ...]
    # What a text must hold for the rule to match at all ("tù" for a prison term): searched once,
    # it spares the rule's pattern the text that cannot hold a match. None: no such test.
    required: "regex.Pattern[str] | None" = None
    # Where a match can begin (a superset: every position the pattern can start at), as a
    # zero-width regex whose matches are those positions. The rule is then tried only
    # there, which finds what finditer would, without the scan of every other position;
    # rules with the same `starts` share one scan of the text. None: tried everywhere.
    starts: "regex.Pattern[str] | None" = None
    # With `starts_at_word: LEXICON` (matches begin at one of its words, where no letter or
    # mark stands before, in the rule's case): the words' first words as one plain
    # alternation (the re module scans it several times faster than regex scans `starts`).
    # It finds a superset of the starts, which `starts` then confirms one by one.
    start_words: "re.Pattern[str] | None" = None


@dataclass
class Patterns:
    pieces: dict[str, str]
    lexicons: dict[str, Any]
    rules: list[Rule]
    tables: dict[str, Any]
    files: list[str]

    def lexicon(self, name: str) -> Any:
        try:
            return self.lexicons[name]
        except KeyError:
            raise PatternError(f"no lexicon named {name!r} in {self.files}") from None

    def table(self, name: str) -> Any:
        try:
            return self.tables[name]
        except KeyError:
            raise PatternError(f"no table named {name!r} in {self.files}") from None

    def words(self, name: str) -> frozenset[str]:
        """A lexicon as a set of lower-case entries (keys, for a map)."""
        return frozenset(w.lower() for w in self.lexicon(name))

    def compile(self, source: str, flags: int = regex.IGNORECASE, where: str = "<engine>") -> "regex.Pattern[str]":
        """Compile an engine-side pattern with the same {piece}/{@lexicon} references."""
        expanded = _expand(source, self.pieces, self.lexicons, where, ())
        try:
            return regex.compile(expanded, flags)
        except regex.error as exc:
            raise PatternError(f"{where}: bad regex: {exc}") from None



@lru_cache(maxsize=4)
def load_patterns(directory: str | None = None) -> Patterns:
    root = Path(directory) if directory else patterns_dir()
    files = sorted(root.glob("*.yaml"))
    if not files:
        raise PatternError(f"no pattern files (*.yaml) in {root}")
    raw: list[tuple[str, dict]] = []
    for path in files:
        raw.append((path.name, _read(path)))
    pieces: dict[str, str] = {}
    lexicons: dict[str, Any] = {}
    tables: dict[str, Any] = {}
    owner: dict[str, str] = {}
    for fname, data in raw:
        for section, target in (("pieces", pieces), ("lexicons", lexicons), ("tables", tables)):
            for key, value in (data.get(section) or {}).items():
                if key in owner:
                    raise PatternError(f"{fname}: {section[:-1]} {key!r} is already defined in {owner[key]}")
                owner[key] = fname
                target[key] = _check_value(fname, section, key, value)
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for fname, data in raw:
        for entry in data.get("rules") or []:
            rule = _build_rule(fname, entry, pieces, lexicons)
            if rule.name in seen:
                raise PatternError(f"{fname}: rule {rule.name!r} is already defined in {seen[rule.name]}")
            seen[rule.name] = fname
            rules.append(rule)
    # Check that every piece expands (catches unknown references and cycles early).
    for key in pieces:
        _expand("{" + key + "}", pieces, lexicons, f"{owner[key]}: piece {key!r}", ())
    return Patterns(pieces, lexicons, rules, tables, [f.name for f in files])


def _check_value(fname: str, section: str, key: str, value: Any) -> Any:
    if section == "pieces" and not isinstance(value, str):
        raise PatternError(f"{fname}: piece {key!r} must be a string")
    if section == "lexicons":
        if not isinstance(value, (dict, list)):
            raise PatternError(f"{fname}: lexicon {key!r} must be a list or a mapping")
        for word in value:
            if not isinstance(word, str) or not word.strip():
                raise PatternError(f"{fname}: lexicon {key!r} has an empty or non-string entry {word!r}")
        # Entries are matched against normalised text, so they are normalised too: a
        # list may be written with either tone placement ("hoà" or "hòa").
        if isinstance(value, list):
            return [_canonical(w) for w in value]
        return {_canonical(k): v for k, v in value.items()}
    return value


def _canonical(word: str) -> str:
    return normalize(word).text


def _build_rule(fname: str, entry: Any, pieces: dict, lexicons: dict) -> Rule:
    if not isinstance(entry, dict) or "name" not in entry:
        raise PatternError(f"{fname}: every rule needs a name (got {entry!r:.80})")
    name = entry["name"]
    where = f"{fname}: rule {name!r}"
    unknown = set(entry) - _RULE_KEYS
    if unknown:
        raise PatternError(f"{where}: unknown key(s) {sorted(unknown)}")
    for key in ("produce", "pattern"):
        if not isinstance(entry.get(key), str):
            raise PatternError(f"{where}: '{key}' is required and must be a string")
    examples = entry.get("examples") or []
    if not examples:
        raise PatternError(f"{where}: a rule needs at least one example")
    negative = entry.get("negative") or []
    if not negative:
        raise PatternError(f"{where}: a rule needs at least one negative example")
    flags = 0
    for flag in entry.get("flags", ["IGNORECASE"]):
        if flag not in _FLAGS:
            raise PatternError(f"{where}: unknown flag {flag!r}")
        flags |= _FLAGS[flag]
    source = _expand(entry["pattern"], pieces, lexicons, where, ())
    try:
        compiled = regex.compile(source, flags)
    except regex.error as exc:
        raise PatternError(f"{where}: bad regex: {exc}") from None
    required = None
    if entry.get("requires") is not None:
        try:
            required = regex.compile(_expand(str(entry["requires"]), pieces, lexicons, where, ()), flags & regex.IGNORECASE)
        except regex.error as exc:
            raise PatternError(f"{where}: bad 'requires' regex: {exc}") from None
    starts, start_words = _starts(entry, pieces, lexicons, where, flags)
    return Rule(
        name=name,
        produce=entry["produce"],
        priority=int(entry.get("priority", 50)),
        source=source,
        compiled=compiled,
        file=fname,
        examples=tuple(_example(where, e) for e in examples),
        negative=tuple(_canonical(str(n)) for n in negative),
        required=required,
        starts=starts,
        start_words=start_words,
    )


def _starts(entry: dict, pieces: dict, lexicons: dict, where: str, flags: int):
    """The rule's `starts` (a zero-width regex: a lookahead, so that overlapping starts are
    all found; one written by hand is case-blind, so that the set of starts stays a superset
    whatever the rule's own flags) and, for `starts_at_word`, the plain scan for its words."""
    source, start_words = entry.get("starts"), None
    if entry.get("starts_at_word") is not None:
        if source is not None:
            raise PatternError(f"{where}: give 'starts' or 'starts_at_word', not both")
        name = str(entry["starts_at_word"])
        if name not in lexicons:
            raise PatternError(f"{where}: 'starts_at_word' names no lexicon ({name!r})")
        source = r"(?<![\p{L}\p{M}]){@" + name + "}"
        # the words in the rule's own case: a case-blind rule's in lower case, a rule that
        # minds case ("Lê" the family name, not "lê" the pear) finds them as written
        blind = bool(flags & regex.IGNORECASE)
        firsts = sorted({(w.lower() if blind else w).split()[0] for w in lexicons[name]}, key=lambda w: (-len(w), w))
        alternation = "|".join(re.escape(w) for w in firsts)
        # A scan that consumes a word skips the positions inside it, which are no starts as
        # long as the words are letters only (a letter stands before each of those positions).
        start_words = re.compile(alternation if all(w.isalpha() for w in firsts) else f"(?=(?:{alternation}))")
    if source is None:
        return None, None
    try:
        starts = regex.compile("(?=(?:" + _expand(str(source), pieces, lexicons, where, ()) + "))",
                               flags if start_words is not None else flags | regex.IGNORECASE)
    except regex.error as exc:
        raise PatternError(f"{where}: bad 'starts' regex: {exc}") from None
    return starts, start_words


def _example(where: str, raw: Any) -> Example:
    if isinstance(raw, str):
        return Example(text=_canonical(raw))
    if isinstance(raw, dict) and isinstance(raw.get("text"), str):
        unknown = set(raw) - {"text", "match", "expect"}
        if unknown:
            raise PatternError(f"{where}: example keys must be text, match, expect; got {sorted(unknown)}")
        expect = raw.get("expect") or {}
        if not isinstance(expect, dict):
            raise PatternError(f"{where}: an example's 'expect' must be a mapping")
        match = raw.get("match")
        return Example(text=_canonical(raw["text"]), match=_canonical(match) if match else None, expect=expect)
    raise PatternError(f"{where}: an example must be a string or {{text, match, ...}}, got {raw!r:.80}")


def _expand(source: str, pieces: dict, lexicons: dict, where: str, stack: tuple[str, ...]) -> str:
    def replace(m: "regex.Match[str]") -> str:
        is_lexicon, key = m.group(1) == "@", m.group(2)
        if is_lexicon:
            if key not in lexicons:
                raise PatternError(f"{where}: unknown lexicon {{@{key}}}")
            words = sorted({w for w in lexicons[key]}, key=len, reverse=True)
            return "(?:" + "|".join(regex.escape(w).replace("\\ ", r"\s+") for w in words) + ")"
        if key not in pieces:
            raise PatternError(f"{where}: unknown piece {{{key}}}")
        if key in stack:
            raise PatternError(f"{where}: piece {{{key}}} refers to itself ({' -> '.join(stack + (key,))})")
        return "(?:" + _expand(pieces[key], pieces, lexicons, where, stack + (key,)) + ")"

    return _REF.sub(replace, source)
