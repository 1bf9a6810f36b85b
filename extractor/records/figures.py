"""Step 4a: productions that turn figure-rule matches into figure drafts.

One function per `produce:` name in patterns/figures.yaml. A production returns a list
of drafts, or None to turn the candidate down (its span is then free for other rules).
Kinds follow ../shared/corpus/GOLD_FORMAT.md: a count of discrete things with a
fractional value ("13,3 trạm") or a rate ("52,6 vụ/ngày") is a `number`.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import regex

from ..patterns import Rule, load_patterns
from ..text.wordseg import first_word_end, is_noun
from .article import Article, FigureDraft
from .numbers import Number, is_number_word, parse_digits, parse_quantity, parse_words, scale_of
from .units import units

_WORD = regex.compile(r"[\p{L}\p{M}]+")
# One word after the slash: "11.000 vòng/phút và …" is per minute; a two-word unit ("/hộ dân")
# is one of per_units, matched before this.
_PER = regex.compile(r"\s*/\s*([\p{L}\p{M}]+)")


@lru_cache(maxsize=1)
def _lex():
    p = load_patterns()
    return {
        "counted": p.compile(r"(?:{@counted_nouns})(?![\p{L}\p{M}])"),
        "not_count": p.words("not_count_nouns"),
        "time_units": p.words("time_units"),
        "per_units": p.compile(r"\s*/\s*(?:{@per_units})(?![\p{L}\p{M}])"),
        "currencies": {c.lower(): c for c in p.lexicon("currencies")},
        "dong_compounds": p.words("dong_compounds"),
        "ambiguous_currencies": p.words("ambiguous_currencies"),
        "scale_word": p.compile(r"(?<![\p{L}\p{M}])(?:{@scale_words})(?![\p{L}\p{M}])"),
        "vague": p.compile(r"(?<![\p{L}\p{M}])(?:{@vague_before_numbers})\s+$"),
        "word_lookalikes": p.words("word_currency_lookalikes"),
        "money_nouns": {k.lower(): v for k, v in p.lexicon("money_nouns").items()},
    }


def _draft(kind: str, start: int, end: int, number: Number | None, unit: str | None, rule: Rule,
           q_span: tuple[int, int] | None = None) -> FigureDraft:
    q_start, q_end = q_span or (start, end)
    return FigureDraft(kind=kind, start=start, end=end,
                       value=None if number is None else number.value,
                       unit=unit, decimals=None if number is None else number.decimals,
                       rule=rule.name, q_start=q_start, q_end=q_end)


def _group(m: "regex.Match[str]", *names: str) -> str | None:
    for name in names:
        if name in m.re.groupindex and m.group(name) is not None:
            return name
    return None


def _currency(raw: str) -> str:
    canonical = {"đ": "đồng", "vnđ": "đồng", "vnd": "đồng"}
    return canonical.get(raw.lower(), raw)


def _per(text: str) -> str:
    return "".join("/" + p.strip() for p in text.split("/") if p.strip())


# --- ratios -----------------------------------------------------------------------

def ratio(m, rule: Rule, art: Article):
    num = parse_digits(m.group("num"), whole=True)
    den = parse_digits(m.group("den"), whole=True)
    if num is None or den is None or den.value == 0:
        return None
    pct = m.group("pct") if "pct" in m.re.groupindex else None
    if pct is None and _looks_like_day_month(m, num, den, art.text):
        return None
    if pct is not None:
        stated = parse_digits(pct)
        if stated is None:
            return None
        # "a/b = c%" is written as one expression and quoted whole (the contract's
        # example); "a/b ... (chiếm c%)" is quoted as "a/b", with the percent in `stated`.
        start, end = (m.start(), m.end()) if rule.name == "ratio_equals" else (m.start("num"), m.end("den"))
        d = _draft("ratio", start, end, stated, "%", rule, (m.start("num"), m.end("den")))
        d.stated = (m.start("pct"), art.text.index("%", m.end("pct")) + 1)
    else:
        d = _draft("ratio", m.start(), m.end(), None, "%", rule)
    d.numerator, d.denominator = num.value, den.value
    return [d]


_RATIO_LEFT = regex.compile(r"(?:có|đạt|được|gồm|với|là|chỉ|còn|tổng số|trong đó|chiếm|trên|có tới)\s*$", regex.I)
_RATIO_RIGHT = regex.compile(r"\s+(?!(?:năm|tháng|ngày|sáng|chiều|tối|trưa|đêm)\b)[\p{Ll}]")


def _looks_like_day_month(m, num: Number, den: Number, text: str) -> bool:
    """"4/7" is a day and month unless the words around it say it counts something."""
    if num.decimals or den.decimals or not (1 <= num.value <= 31 and 1 <= den.value <= 12):
        return False
    if _RATIO_LEFT.search(text, max(0, m.start() - 20), m.start()):
        return False
    return not _RATIO_RIGHT.match(text, m.end())


def percent_pair(m, rule: Rule, art: Article):
    a, b = parse_digits(m.group("a")), parse_digits(m.group("b"))
    if a is None or b is None:
        return None
    first = _draft("percent", m.start("a"), art.text.index("%", m.end("a")) + 1, a, "%", rule, m.span("a"))
    second = _draft("percent", m.start("b"), m.end(), b, "%", rule, m.span("b"))
    first.pair_with, second.pair_with = second, first
    return [first, second]


# --- single figures -----------------------------------------------------------------

def percent(m, rule: Rule, art: Article):
    q = m.group("q")
    number = parse_quantity(q) if q[:1].isdigit() else parse_words(q)
    if number is None or not q[:1].isdigit() and _vague(art, m):
        return None
    unit = m.group("unit") if _group(m, "unit") else "%"
    end = m.end("pct") if _group(m, "pct") else m.end()
    return [_draft("percent", m.start("q"), end, number, unit, rule, m.span("q"))]


def money(m, rule: Rule, art: Article):
    qname = _group(m, "q", "q2")
    q = m.group(qname)
    number = parse_quantity(q) if q[:1].isdigit() else parse_words(q)
    if number is None or (not q[:1].isdigit() and _vague(art, m, qname)):
        return None
    if _group(m, "cur") and m.group("cur").lower() == "đồng" and _next_word(art.text, m.end("cur")) in _lex()["dong_compounds"]:
        return None                      # "một đồng chí", "đồng thời"
    cur = _currency(m.group("cur")) if _group(m, "cur") else "đồng"
    per_name = _group(m, "per", "per2")
    if not q[:1].isdigit() and cur.lower() in _lex()["word_lookalikes"] and not _lex()["scale_word"].search(q) \
            and not (per_name and m.group(per_name)):
        return None                      # "không yên" is restless, "một kíp" a shift: words, not money
    if cur.lower() in _lex()["ambiguous_currencies"] and not (per_name and m.group(per_name)) \
            and not _lex()["scale_word"].search(q):
        return None                      # "8 bảng đấu": a count of groups, not pounds
    unit = cur + (_per(m.group(per_name)) if per_name else "")
    return [_draft("money", m.start(qname), m.end(), number, unit, rule, m.span(qname))]


def measure(m, rule: Rule, art: Article):
    q = m.group("q")
    unit = m.group("unit")
    noun = _lex()["counted"].match(art.text, m.start("unit"))
    if noun and noun.end() > m.end("unit"):
        return None                      # "11 điểm cầu", "3 năm học": a counted noun, not a unit
    if q[:1].isdigit():
        number = parse_quantity(q)
    else:
        words = q.split()
        if len(words) == 1 and (unit.lower() in _lex()["time_units"] or words[0].lower() == "năm"):
            return None
        number = None if _vague(art, m) else parse_words(q)
    if number is None:
        return None
    unit = unit + (_per(m.group("per")) if _group(m, "per") else "")
    return [_draft("number", m.start("q"), m.end(), number, unit, rule, m.span("q"))]


def multiplier(m, rule: Rule, art: Article):
    q = m.group("q")
    number = parse_quantity(q) if q[:1].isdigit() else parse_words(q)
    if number is None:
        return None
    d = _draft("change", m.start("word"), m.end(), number, units().times, rule, m.span("q"))
    d.direction = "increase"
    return [d]


def count(m, rule: Rule, art: Article):
    q = m.group("q")
    is_digits = q[:1].isdigit()
    if not is_digits and not (_valid_word_number(q) and len(q.split()) >= 2) or not is_digits and _vague(art, m):
        return None
    if not is_digits and not art.text[m.end():m.end() + 1].islower():
        return None                      # IGNORECASE lets \p{Ll} match "LĂM": a noun must really be lower case
    number = parse_quantity(q, whole=True) if is_digits else parse_words(q)
    if number is None:
        return None
    noun_end = _counted_noun_end(art.text, m.end())
    if noun_end is None:
        return None
    unit = art.text[m.end():noun_end]
    if is_number_word(unit.split()[0]):
        return None                      # a numeral cut short ("hai mươi | lăm"), not a counted noun
    per = _PER.match(art.text, noun_end)
    kind = "count"
    end = noun_end
    if per and art.text[noun_end:noun_end + 1] == "/":
        per_m = _lex()["per_units"].match(art.text, noun_end) or per
        unit += _per(per_m.group())
        end = per_m.end()
        kind = "number"
    implied = _lex()["money_nouns"].get(unit.lower())
    if implied and not per and _lex()["scale_word"].search(q):
        return [_draft("money", m.start("q"), end, number, implied, rule, m.span("q"))]   # "4,6 tỷ tiền nợ"
    if number.value != number.value.to_integral_value():
        if not per and not _lex()["counted"].match(art.text, m.end()) and not is_noun(art.text, m.end()):
            return None                  # "xếp lương 2,34 chứng tỏ": a verb, not a unit
        kind = "number"
    return [_draft(kind, m.start("q"), end, number, unit, rule, m.span("q"))]


def spelled(m, rule: Rule, art: Article):
    """A number written in words where only a number fits: before a counted noun ("hai dự
    án"), a prison term ("ba năm tù"), half of a whole ("một nửa số hộ")."""
    if _group(m, "half"):
        return [_draft("number", m.start("half"), m.end("half"), Number(Decimal("0.5"), 1), None, rule)]
    number = parse_words(m.group("q"))
    if number is None or _vague(art, m):
        return None
    if _group(m, "noun"):
        return [_draft("count", m.start("q"), m.end("noun"), number, m.group("noun"), rule, m.span("q"))]
    return [_draft("number", m.start("q"), m.end("unit"), number, m.group("unit"), rule, m.span("q"))]


def _next_word(text: str, pos: int) -> str:
    w = _WORD.match(text, pos + 1) if text[pos:pos + 1] == " " else None
    return w.group().lower() if w else ""


def _counted_noun_end(text: str, pos: int) -> int | None:
    lex = _lex()
    known = lex["counted"].match(text, pos)
    if known:
        return known.end()
    word = _WORD.match(text, pos)
    if not word:
        return None
    w = word.group()
    if w.lower() in lex["not_count"] or w.lower() in lex["currencies"]:
        return None
    if w[0].isupper() and not (len(w) >= 2 and w.isupper()):
        return None                      # a proper name, not a counted noun
    if w.isupper():
        return word.end()                # an acronym: "1.600 CNVCLĐ"
    end = first_word_end(text, pos) or word.end()
    return end if text[pos:end].islower() else word.end()


def _valid_word_number(q: str) -> bool:
    return parse_words(q) is not None


def _vague(art: Article, m, group: str = "q") -> bool:
    """"hàng chục km", "vài trăm người": a number word after these is not a number."""
    start = m.start(group)
    return bool(_lex()["vague"].search(art.text, max(0, start - 8), start))


def number(m, rule: Rule, art: Article):
    parsed = parse_digits(m.group("q"))
    if parsed is None:
        return None
    if rule.name == "bare_decimal" and parsed.decimals == 0:
        return None
    if parsed.decimals == 0 and 1900 <= parsed.value <= 2100 and m.group("q").isdigit():
        return None                      # a year after "là"/"đến" ("2.000" is written as a number)
    if _group(m, "noun"):                # "2.000 đó là số cơ sở …": counted by the noun that names it
        noun_end = _counted_noun_end(art.text, m.start("noun"))
        if noun_end is None:
            return None
        return [_draft("count", m.start("q"), m.end("q"), parsed, art.text[m.start("noun"):noun_end], rule)]
    return [_draft("number", m.start("q"), m.end("q"), parsed, None, rule)]


# --- ranges -------------------------------------------------------------------------

def range_(m, rule: Rule, art: Article):
    """"30% - 35%", "7,5 - 15 triệu đồng", "5-10 năm", "từ 18 đến 25": two figures."""
    hi_text, lo_text = m.group("hi"), m.group("lo")
    hi = parse_quantity(hi_text, whole=bool(_group(m, "noun")))
    lo = parse_quantity(lo_text, whole=bool(_group(m, "noun")))
    if hi is None or lo is None:
        return None
    hi_scale = _scale_factor(hi_text)
    # "7,5 - 15 triệu đồng": the low end takes the high end's scale. A low end written with
    # its own currency ("700.000 đồng đến 1,2 triệu đồng") is a whole amount already.
    if hi_scale != 1 and _scale_factor(lo_text) == 1 and not _group(m, "lo_cur"):
        lo = Number(_mul(lo.value, hi_scale), lo.decimals)
    if _group(m, "pct"):
        kind, unit = "percent", "%"
    elif _group(m, "cur"):
        kind, unit = "money", _currency(m.group("cur")) + _per(m.group("per") or "")
    elif _group(m, "unit"):
        kind, unit = "number", m.group("unit") + _per(m.group("uper") or "")
    elif _group(m, "noun"):
        noun_end = _counted_noun_end(art.text, m.start("noun"))
        if noun_end is None:
            return None
        kind, unit = "count", art.text[m.start("noun"):noun_end]
        if _group(m, "nper") and m.group("nper"):
            kind, unit = "number", unit + _per(m.group("nper"))
        if hi.value != hi.value.to_integral_value():
            kind = "number"
    else:
        kind, unit = "number", None
    lo_end = m.end("lo")
    if kind == "percent" and art.text[lo_end:lo_end + 1] == "%":
        lo_end += 1
    if _group(m, "lo_cur"):
        lo_end = m.end("lo_cur")
    hi_end = m.end() if kind != "count" else (_counted_noun_end(art.text, m.start("noun")) or m.end())
    first = _draft(kind, m.start("lo"), lo_end, lo, unit, rule, m.span("lo"))
    second = _draft(kind, m.start("hi"), hi_end, hi, unit, rule, m.span("hi"))
    first.range_with, second.range_with = second, first
    return [first, second]


def _scale_factor(q: str) -> Decimal:
    factor = Decimal(1)
    for word in q.split()[1:]:
        s = scale_of(word)
        if s:
            factor *= s
    return factor


def _mul(value: Decimal, factor: Decimal) -> Decimal:
    v = value * factor
    return Decimal(int(v)) if v == v.to_integral_value() else v.normalize()


PRODUCTIONS = {
    "ratio": ratio,
    "percent_pair": percent_pair,
    "percent": percent,
    "money": money,
    "measure": measure,
    "multiplier": multiplier,
    "count": count,
    "spelled": spelled,
    "number": number,
    "range": range_,
}


def age(m, rule: Rule, art: Article):
    """"tuổi 27-45", "tuổi đời từ 18 đến 25": the unit is written before the numbers."""
    drafts = []
    for name in ("lo", "hi"):
        if m.group(name) is None:
            continue
        parsed = parse_digits(m.group(name))
        drafts.append(_draft("number", m.start(name), m.end(name), parsed, "tuổi", rule))
    if len(drafts) == 2:
        drafts[0].range_with, drafts[1].range_with = drafts[1], drafts[0]
    return drafts


PRODUCTIONS["age"] = age
