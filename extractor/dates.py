"""Step 4b: dates. Full dates as written; a day and month alone ("Sáng 4/7") only when
the article names exactly one year, which is then the date's year (`year_inferred`)."""
from __future__ import annotations

import datetime
from functools import lru_cache

import regex

from .article import Article, DateDraft
from .patterns import Rule, load_patterns


def _date(d: int, m: int, y: int) -> datetime.date | None:
    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None


def date(match, rule: Rule, art: Article):
    d, m, y = int(match.group("d")), int(match.group("m")), int(match.group("y"))
    value = _date(d, m, y)
    if value is None:
        return None
    return [DateDraft(match.start(), match.end(), value, d, m, rule.name)]


def date_partial(match, rule: Rule, art: Article):
    d, m = int(match.group("d")), int(match.group("m"))
    if _date(d, m, 2000) is None:          # 2000 is a leap year: 29/2 stays possible
        return None
    return [DateDraft(match.start(), match.end(), None, d, m, rule.name)]


def exclude(match, rule: Rule, art: Article):
    return []


@lru_cache(maxsize=1)
def _year_patterns() -> tuple["regex.Pattern[str]", "regex.Pattern[str]"]:
    p = load_patterns()
    mention = p.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d])(?![.,]\d)")
    compared = p.compile(r"\b(?:{@comparison_words})\b[^.;,]{0,30}$")
    return mention, compared


def is_compared_year(text: str, start: int, floor: int = 0) -> bool:
    """Is the year written at `start` one the text compares with ("so với năm 2016")?"""
    return bool(_year_patterns()[1].search(text, max(floor, start - 40), start))


def article_years(art: Article) -> set[int]:
    """The years the article is about: every year it writes, but those it compares with."""
    mention, _ = _year_patterns()
    return {int(m.group()) for m in mention.finditer(art.text) if not is_compared_year(art.text, m.start())}


def infer_years(art: Article) -> None:
    """Give partial dates the article's year when it names exactly one; drop the others."""
    years = article_years(art) if any(d.value is None for d in art.dates) else set()
    complete = []
    for d in art.dates:
        if d.value is None:
            if len(years) != 1:
                continue
            d.value = _date(d.day, d.month, next(iter(years)))
            d.year_inferred = True
            if d.value is None:
                continue
        complete.append(d)
    art.dates = complete


PRODUCTIONS = {"date": date, "date_partial": date_partial, "exclude": exclude}
