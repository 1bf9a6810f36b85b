"""Step 5: what the words around a figure say about it.

The context rules of patterns/figures.yaml (produce: context.*) set a figure's
qualifier, make it a change with a direction, and find the year it is compared with.
Then, cheaply and without rules of their own: the sentence index, the year the text
sets for the figure, the figure a change is about (`of`), and the subject noun phrase.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .article import Article, FigureDraft
from .dates import is_compared_year
from ..patterns import Rule, load_patterns

LEFT_WINDOW = 80


@lru_cache(maxsize=1)
def _rules() -> dict[str, Rule]:
    return {r.produce: r for r in load_patterns().rules if r.produce.startswith("context.")}


@lru_cache(maxsize=1)
def _extra():
    p = load_patterns()
    return {
        "reference_before": p.compile(
            r"(?:\G\s*|[,;:(]\s*)(?:{@comparison_words})\s+[^.;,]{0,40}?(?P<year>(?:19|20)\d\d)\b[^.;]*$"),
        "year_mention": p.compile(
            r"(?:\b(?:năm|niên độ|niên khóa)\s+|tháng\s+\d{1,2}\s*/\s*|(?<![\d.,])\d{1,2}[/.-]\d{1,2}[/.-])(?P<year>(?:19|20)\d\d)(?![\d])"),
        "year_opener": p.compile(r"\G\W*(?:(?:trong|tính đến hết|cả|hết)\s+)?năm\s+(?P<year>(?:19|20)\d\d)\s*[,:]", regex.I),
        "clause_break": regex.compile(r"[,;:()“”\"]|\b(?:trong đó|cụ thể|gồm|riêng)\b", regex.I),
        "subject_trailing": p.words("subject_trailing_words"),
        "subject_leading": p.words("subject_leading_words"),
        "list_gap": regex.compile(r"[\s,(]*(?:và\s+)?"),
    }


def apply(art: Article) -> None:
    figures = art.figures
    for f in figures:
        f.sentence = art.sentence_index(f.q_start)
    for f in figures:
        _qualifier(art, f)
    for f in figures:
        if f.kind != "ratio" and f.pair_with is None:
            _change(art, f)
    for f in figures:
        if f.kind == "percent" and f.pair_with is None and f.range_with is None:
            _growth_phrase(art, f)
        if f.kind == "percent":
            _growth_rate(art, f)
    _spread_over_ranges(figures)
    _spread_over_lists(art)
    _short_heads(art)
    for f in figures:
        if f.kind == "change" and "context.change:year" not in f.context_rules:
            _reference_year(art, f)
    _years(art)
    _links(art)
    for f in figures:
        f.subject = _subject(art, f)


def _left(rule: Rule, art: Article, end: int):
    sent_start, _ = art.sentence_span(end)
    return rule.compiled.search(art.text, max(sent_start, end - LEFT_WINDOW), end)


def _qualifier(art: Article, f: FigureDraft) -> None:
    rule = _rules()["context.qualifier"]
    m = _left(rule, art, f.q_start)
    if m:
        f.qualifier = next(k for k in ("approx", "over", "under") if m.group(k))
        f.context_rules.add(rule.name)


def _change(art: Article, f: FigureDraft) -> None:
    if f.rule == "level_range":
        return                                   # "giảm từ 401 xuống còn 208": levels, not changes
    rule = _rules()["context.change"]
    m = _left(rule, art, f.q_start)
    if not m:
        return
    f.kind = "change"
    f.direction = "increase" if m.group("inc") else "decrease"
    f.start = min(f.start, m.start())
    f.context_rules.add(rule.name)
    if m.group("year"):
        f.reference_year = int(m.group("year"))
        f.context_rules.add("context.change:year")


def _growth_phrase(art: Article, f: FigureDraft) -> None:
    rule = _rules()["context.growth"]
    if _left(rule, art, f.q_start):
        f.kind, f.direction = "change", "increase"
        f.context_rules.add(rule.name)


def _growth_rate(art: Article, f: FigureDraft) -> None:
    rule = _rules()["context.rate"]
    if rule.compiled.match(art.text, f.end):
        s, e = art.sentence_span(f.q_start)
        if "tăng" in art.text[s:f.q_start].lower():
            f.kind, f.direction = "change", "increase"
            f.context_rules.add(rule.name)


def _spread_over_ranges(figures: list[FigureDraft]) -> None:
    """A change word before "từ 10 đến 15%" covers both ends of the range."""
    for f in figures:
        other = f.range_with
        if other is not None and f.kind == "change" and other.kind != "change":
            other.kind, other.direction = "change", f.direction
            other.reference_year = f.reference_year
            other.context_rules.add("range")


def _spread_over_lists(art: Article) -> None:
    """"giảm 121 đơn vị (30,2%)", "giảm 35 trưởng phòng, 136 phó phòng": a figure that
    follows a change with nothing but punctuation or "và" between restates or continues it."""
    gap = _extra()["list_gap"]
    previous = None
    for f in art.figures:
        if previous is not None and previous.kind == "change" and f.kind in ("percent", "count", "money", "number") \
                and f.range_with is None and f.pair_with is None and previous.sentence == f.sentence:
            m = gap.fullmatch(art.text, previous.end, f.start)
            if m and (f.kind == "percent" or f.kind == previous.kind or f.unit == previous.unit):
                f.kind, f.direction = "change", previous.direction
                f.context_rules.add("list")
        previous = f


def _short_heads(art: Article) -> None:
    """"Trong 37 điểm ùn tắc, 25 điểm đã có chuyển biến": a measurement whose unit is the
    first word of a counted noun stated before it in its sentence is that count said short."""
    heads: dict[str, FigureDraft] = {}
    for f in art.figures:
        if f.kind == "count" and f.unit and " " in f.unit:
            heads[f.unit.split()[0].lower()] = f
        elif f.kind == "number" and f.unit and f.unit.lower() in heads and f.value is not None \
                and f.value == f.value.to_integral_value() and heads[f.unit.lower()].sentence == f.sentence:
            f.kind = "count"
            f.context_rules.add("short_head")


def _reference_year(art: Article, f: FigureDraft) -> None:
    rule = _rules()["context.reference"]
    s, e = art.sentence_span(f.q_start)
    m = rule.compiled.match(art.text, f.end, e)
    if m:
        if m.group("year"):
            f.reference_year = int(m.group("year"))
            f.context_rules.add(rule.name)
        return
    before = _extra()["reference_before"].search(art.text, s, f.start)
    if before:
        f.reference_year = int(before.group("year"))
        f.context_rules.add(rule.name)


def _years(art: Article) -> None:
    """A figure's year: the nearest year written before it in its sentence (not a year it
    is compared with), else the year a sentence opener ("Năm 2022, ...") last set."""
    extra = _extra()
    opener_year: int | None = None
    by_sentence: dict[int, list[FigureDraft]] = {}
    for f in art.figures:
        by_sentence.setdefault(f.sentence, []).append(f)
    for i, (s, e) in enumerate(art.sentences):
        m = extra["year_opener"].match(art.text, s, e)
        if m:
            opener_year = int(m.group("year"))
        for f in by_sentence.get(i, ()):
            f.year = _year_in_sentence(art, s, f.start) or opener_year


def _year_in_sentence(art: Article, s: int, pos: int) -> int | None:
    found = None
    for m in _extra()["year_mention"].finditer(art.text, s, pos):
        if is_compared_year(art.text, m.start(), floor=s):
            continue
        found = int(m.group("year"))
    return found


def _links(art: Article) -> None:
    """A change is about the figure just before it in its clause ("95,91% (tăng 0,14%)")."""
    previous: FigureDraft | None = None
    for f in art.figures:
        if f.kind == "change" and previous is not None and previous.kind != "change" \
                and previous.sentence == f.sentence:
            between = art.text[previous.end:f.start]
            if ";" not in between and len(between) <= 60:
                f.of = previous.pair_with if previous.pair_with is not None and previous.pair_with.start < previous.start else previous
        if f.kind != "change" and not (f.unit and "/" in f.unit) and not _opens_bracket(art, f):
            previous = f


def _opens_bracket(art: Article, f: FigureDraft) -> bool:
    """"368 vụ (52,6 vụ/ngày), giảm 12 vụ": the bracketed figure is an aside."""
    return art.text[max(0, f.start - 1):f.start] == "(" or art.text[max(0, f.start - 2):f.start] == "( "


def _subject(art: Article, f: FigureDraft) -> str | None:
    """The noun phrase right before the figure in its clause, minus verbs and linkers."""
    extra = _extra()
    s, _ = art.sentence_span(f.start)
    end = f.start
    left = art.text[max(s, end - 80):end]
    cut = 0
    for m in extra["clause_break"].finditer(left):
        cut = m.end()
    words = left[cut:].split()
    while words and words[-1].lower() in extra["subject_trailing"]:
        words.pop()
    while words and words[0].lower() in extra["subject_leading"]:
        words.pop(0)
    if not words or len(words) > 6 or any(not w[0].isalpha() for w in words):
        return None
    return " ".join(words)
