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
def _year_patterns() -> tuple["regex.Pattern[str]", "regex.Pattern[str]", "regex.Pattern[str]"]:
    p = load_patterns()
    mention = p.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d])(?![.,]\d)")
    compared = p.compile(r"\b(?:{@comparison_words})\b[^.;,]{0,30}$")
    not_frame = p.compile(r"(?<![\p{L}\p{M}])(?:{@not_frame_year_before})\s*[:.]?\s*(?:(?:ngày\s+)?\d{1,2}\s*[/.-]\s*)?"
                          r"(?:\d{1,2}\s*[/.-]\s*)?$")
    return mention, compared, not_frame


def is_compared_year(text: str, start: int, floor: int = 0) -> bool:
    """Is the year written at `start` one the text compares with ("so với năm 2016")?"""
    return bool(_year_patterns()[1].search(text, max(floor, start - 40), start))


def article_years(art: Article) -> set[int]:
    """The years of the article's own time: every year it writes but those it compares with,
    birth years, starting points and horizons, terms and ranges ("2016-2020"), and years
    inside a document's number ("176/2013/NĐ-CP")."""
    mention, _, not_frame = _year_patterns()
    text = art.text
    years = set()
    for m in mention.finditer(text):
        before, after = text[max(0, m.start() - 30):m.start()], text[m.end():m.end() + 2]
        if is_compared_year(text, m.start()) or not_frame.search(before):
            continue
        if after[:1] in "/-–" and after[1:2].isalnum() or before[-1:] in "-–" and before[-2:-1].isdigit():
            continue                     # "176/2013/NĐ-CP", "2016-2020"
        if before.rstrip()[-1:] == "/" and regex.search(r"\d+\s*/\s*$", before) and not regex.search(
                r"(?:tháng|quý)\s+\S+\s*/\s*$|\d{1,2}\s*/\s*\d{1,2}\s*/\s*$", before):
            continue                     # "số 15/2013": a document's number, not a date
        years.add(int(m.group()))
    return years


def infer_years(art: Article) -> None:
    """Give a day-month date the year the article gives it: the same day and month written
    in full elsewhere in the article, else the article's own year when it names exactly one;
    drop the others (a date whose year cannot be known is not a full date)."""
    partial = [d for d in art.dates if d.value is None]
    years = article_years(art) if partial else set()
    written = {}
    for d in art.dates:
        if d.value is not None:
            written.setdefault((d.day, d.month), set()).add(d.value.year)
    complete = []
    for d in art.dates:
        if d.value is None:
            same = written.get((d.day, d.month), set())
            year = next(iter(same)) if len(same) == 1 else next(iter(years)) if len(years) == 1 and not same else None
            if year is None:
                continue
            d.value = _date(d.day, d.month, year)
            d.year_inferred = True
            if d.value is None:
                continue
        complete.append(d)
    art.dates = complete


PRODUCTIONS = {"date": date, "date_partial": date_partial, "exclude": exclude}
