"""Parse Vietnamese numbers exactly: digits with separators, number words, scale words.

Values are `Decimal` built from the digits as written, never through float, and keep the
number of decimals written ("95,91" has 2), which the checker needs for rounding.

Separators: Vietnamese writes "." for thousands and "," for decimals ("1.200.000,5").
The English forms are accepted where the grouping leaves no doubt: "2.5" and "1.86"
cannot be thousands (a thousands group has three digits), so the dot is a decimal
point; "10,381" before a counted noun is a whole count, so the comma groups thousands
(`whole=True`). The number words and scale words come from patterns/numbers.yaml.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import regex

from ..patterns import load_patterns


@dataclass(frozen=True)
class Number:
    value: Decimal
    decimals: int


@dataclass(frozen=True)
class _Words:
    values: dict[str, int]
    scales: dict[str, int]
    after_tens_only: frozenset[str]
    split_re: "regex.Pattern[str]"


@lru_cache(maxsize=1)
def _words() -> _Words:
    p = load_patterns()
    values = {k.lower(): int(v) for k, v in p.lexicon("number_words").items()}
    scales = {k.lower(): int(v) for k, v in p.lexicon("scale_words").items()}
    return _Words(values, scales, p.words("after_tens_only"), regex.compile(r"\s+"))


MAX_DIGITS = 60                          # longer runs of digits are codes or garbage, not numbers
_GROUPED = regex.compile(r"\d{1,3}(?:[.]\d{3})+")
_GROUPED_COMMA = regex.compile(r"\d{1,3}(?:,\d{3})+")
_PLAIN = regex.compile(r"\d+")
_ONE_SEP = regex.compile(r"(\d+)([.,])(\d+)")


def parse_digits(text: str, whole: bool = False) -> Number | None:
    """Parse a run of digits and separators; None when it is not one number.

    whole: the number counts discrete things ("10,381 thí sinh"), so a comma followed
    by exactly three digits groups thousands instead of starting decimals.
    """
    s = text.strip()
    if len(s) > MAX_DIGITS:
        return None                      # not a quantity anyone writes; see components (E008)
    if _PLAIN.fullmatch(s):
        return Number(Decimal(s), 0)
    if "." in s and "," in s:
        return _mixed(s)
    if _GROUPED.fullmatch(s):                      # 1.359 / 1.200.000
        return Number(Decimal(s.replace(".", "")), 0)
    if _GROUPED_COMMA.fullmatch(s) and (s.count(",") > 1 or (whole and not s.startswith("0"))):
        return Number(Decimal(s.replace(",", "")), 0)   # 1,200,000 / 10,381 thí sinh
    m = _ONE_SEP.fullmatch(s)
    if m:                                          # 95,91 / 2.5 / 1.86
        int_part, _, frac = m.groups()
        return Number(Decimal(f"{int_part}.{frac}"), len(frac))
    return None


def _mixed(s: str) -> Number | None:
    last_dot, last_comma = s.rfind("."), s.rfind(",")
    thousands, decimal_sep = (".", ",") if last_comma > last_dot else (",", ".")
    int_part, _, frac = s.rpartition(decimal_sep)
    if decimal_sep in int_part or not frac.isdigit():
        return None
    grouped = _GROUPED if thousands == "." else _GROUPED_COMMA
    if not grouped.fullmatch(int_part):
        return None
    return Number(Decimal(int_part.replace(thousands, "") + "." + frac), len(frac))


def is_number_word(word: str) -> bool:
    return word.lower() in _words().values


def scale_of(word: str) -> int | None:
    return _words().scales.get(word.lower())


def parse_quantity(text: str, whole: bool = False) -> Number | None:
    """Digits or number words, then any scale words: "1,5 triệu", "21,6 nghìn tỷ", "hai nghìn"."""
    parts = _words().split_re.split(text.strip())
    scales = []
    while len(parts) > 1 and scale_of(parts[-1]) is not None:
        scales.append(scale_of(parts.pop()))
    head = " ".join(parts)
    if head[:1].isdigit():
        number = parse_digits(head, whole=whole and not scales)
    else:
        return parse_words(text)
    if number is None or not scales:
        return number
    value = number.value
    for scale in reversed(scales):
        value *= scale
    return Number(_plain(value), number.decimals)


def parse_words(text: str) -> Number | None:
    """Number words: "hai mươi lăm" = 25, "một trăm linh năm" = 105, "hai phẩy năm" = 2.5."""
    words = [w.lower() for w in _words().split_re.split(text.strip()) if w]
    if not words or any(w not in _words().values for w in words):
        return None
    if "phẩy" in words:
        i = words.index("phẩy")
        whole, frac = _integer(words[:i]), words[i + 1:]
        digits = [_words().values[w] for w in frac]
        if whole is None or not frac or any(d > 9 for d in digits) or "phẩy" in frac:
            return None
        return Number(Decimal(f"{whole}." + "".join(map(str, digits))), len(digits))
    value = _integer(words)
    return None if value is None else Number(Decimal(value), 0)


def _integer(words: list[str]) -> int | None:
    w = _words()
    total = 0          # finished part, above the current group
    group = 0          # the current group below 1000
    pending: int | None = None   # a digit word waiting for mươi/trăm/a scale
    prev = ""
    has_digit = False
    for word in words:
        v = w.values[word]
        if word in w.after_tens_only and prev not in ("mươi", "mười") or word == "phẩy":
            return None
        if v < 10 and word not in ("linh", "lẻ"):
            if pending is not None:
                return None                     # "hai ba" is not a number
            pending, has_digit = v, True
        elif word in ("linh", "lẻ"):
            if prev != "trăm":
                return None
        elif word == "mười":
            if pending is not None:
                return None
            group, has_digit = group + 10, True
        elif word == "mươi":
            if pending is None or pending < 2:
                return None
            group, pending = group + pending * 10, None
        elif word == "chục":
            group, pending, has_digit = group + (1 if pending is None else pending) * 10, None, True
        elif word == "trăm":
            if pending is None:
                return None
            group, pending = group + pending * 100, None
        elif v >= 1000:                          # a scale word
            if pending is not None:
                group, pending = group + pending, None
            if group == 0 and prev in w.scales and total:
                total *= v                      # "hai nghìn tỷ"
            elif group == 0:
                return None
            else:
                total, group = total + group * v, 0
        else:
            return None
        prev = word
    if not has_digit or prev in ("linh", "lẻ"):
        return None                             # "ba trăm linh" waits for its last digit
    return total + group + (pending or 0)


def _plain(value: Decimal) -> Decimal:
    """A scaled value written without exponent or spurious trailing zeros ("1500000")."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()
