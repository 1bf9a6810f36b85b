"""Step 4b: dates. Full dates as written; a day and month alone ("Sáng 4/7") only when the
article's own time gives its year (`year_inferred`): the same date written in full, a full
date or a month of a year near it, or the one year the article sets as its frame."""
from __future__ import annotations

import datetime
from functools import lru_cache

import regex

from ..patterns import Rule, load_patterns
from ..text.segment import opening_text
from .article import Article, DateDraft

_SLASH_BEFORE = regex.compile(r"[/-]\s*$")


def calendar_date(d: int, m: int, y: int) -> datetime.date | None:
    """The date, or None where the day does not exist ("31/4", "29/2/2017")."""
    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None


def date(match, rule: Rule, art: Article):
    d, m, y = int(match.group("d")), int(match.group("m")), int(match.group("y"))
    value = calendar_date(d, m, y)
    if value is None:
        return None
    return [DateDraft(match.start(), match.end(), value, d, m, rule.name)]


def date_partial(match, rule: Rule, art: Article):
    d, m = int(match.group("d")), int(match.group("m"))
    if calendar_date(d, m, 2000) is None:          # 2000 is a leap year: 29/2 stays possible
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


def article_frames(art: Article) -> list[tuple[int, int | None, int | None]]:
    """The article's own time, as (year, month or None, day or None): its full dates (but a
    cited document's date), its months of a year ("tháng 1/2017", "quý I/2017"), and the
    years it sets as its frame ("Trong năm 2017", "6 tháng đầu năm 2017"; "Năm 2014, …"
    opening a sentence may be background, and is not). Birth years, starting points,
    horizons and compared years are never frames."""
    text = art.text
    _, _, not_frame = _year_patterns()
    frame_before, _, doc_before, event, not_frame_prefix = _frame_patterns()
    frames: list[tuple[int, int | None, int | None]] = []
    for d in art.dates:
        if d.value is not None and not doc_before.search(text, max(0, d.start - 60), d.start) \
                and not not_frame.search(text[max(0, d.start - 30):d.start]) and not _birth_date(text, d.start):
            frames.append((d.value.year, d.value.month, d.value.day))
    horizon = _horizon()
    months = []
    for start, end, year, month in _months_with_year(text):
        if not is_compared_year(text, start) and not not_frame.search(text[max(0, start - 30):start]) \
                and not horizon.search(text, max(0, start - 40), start):
            months.append((year, month, _opens_sentence(art, start, end)))
    # "Tháng 1/2015, … Tháng 7/2016, …": sentences opening on months of different years tell
    # a history, background to the news, not its time.
    history = len({y for y, _, opening in months if opening}) > 1
    frames += [(y, month, None) for y, month, opening in months if not (history and opening)]
    for start, year in _year_mentions(text):
        before = text[max(0, start - 60):start]
        if is_compared_year(text, start) or horizon.search(text, max(0, start - 40), start):
            continue
        # "kể từ đầu năm 2017" still sets the frame; an event after "từ", "trước" … does not
        em = event.search(before)
        if frame_before.search(before) or em and not not_frame_prefix.search(before, 0, em.start()):
            frames.append((year, None, None))
    return frames


# The article's year mentions, found once: article_frames and latest_reached_year both read them.
@lru_cache(maxsize=4)
def _year_mentions(text: str) -> tuple[tuple[int, int], ...]:
    """(start, year) of every year written on its own ("2017", not "2017,5")."""
    return tuple((m.start(), int(m.group())) for m in _year_patterns()[0].finditer(text))


@lru_cache(maxsize=4)
def _months_with_year(text: str) -> tuple[tuple[int, int, int, int | None], ...]:
    """(start, end, year, month or None) of every month or quarter with its year."""
    month_year = _frame_patterns()[1]
    return tuple((m.start(), m.end(), int(m.group("y")), int(m.group("m")) if m.group("m") else None)
                 for m in month_year.finditer(text))


def _opens_sentence(art: Article, start: int, end: int) -> bool:
    """Does the mention open its sentence and end at a comma ("Tháng 7/2016, một người …")?"""
    s, _ = art.sentence_span(start)
    return art.text[end:end + 1] == "," and not opening_text(art.text, s, start)


@lru_cache(maxsize=1)
def _frame_patterns():
    p = load_patterns()
    frame_before = p.compile(r"(?<![\p{L}\p{M}])(?:{@frame_year_before})\s+$")
    month_year = p.compile(r"(?<![\p{L}\p{M}])(?:{month_with_year})")
    doc_before = p.compile(r"(?:{@document_types})\s+(?:số\s*)?[\w./&-]+\s*,?\s*(?:ngày|ban hành ngày)?\s*$")
    # "Lễ hội đền Đông Cuông năm 2017": up to four words between the event word and the year
    # (a word may hold a dot or a dash, "V.League", but not end on one: no crossing a sentence end)
    event = p.compile(r"(?<![\p{L}\p{M}])(?:{@event_words})(?:\s+(?:[\p{L}\p{M}\d]|[.-](?=[\p{L}\p{M}\d]))+){0,4}?\s+(?:năm\s+)?$", 0)
    not_frame_prefix = p.compile(r"(?<![\p{L}\p{M}])(?:{@not_frame_year_before})\s+$")
    return frame_before, month_year, doc_before, event, not_frame_prefix


def latest_reached_year(art: Article) -> int | None:
    """The latest year the article speaks of as reached: its full dates, its months of a
    year, and the years it names, but a horizon, plan or term ahead ("đến năm 2020") and a
    year inside a number or range ("10/2016/QĐ-UBND", "2016-2020")."""
    text = art.text
    horizon = _horizon(or_not_frame=True)
    years = [d.value.year for d in art.dates if d.value is not None]
    years += [year for start, _end, year, _month in _months_with_year(text)
              if not horizon.search(text, max(0, start - 40), start)]
    for start, year in _year_mentions(text):
        if _SLASH_BEFORE.search(text[max(0, start - 2):start]) \
                or horizon.search(text, max(0, start - 40), start):
            continue
        years.append(year)
    return max(years, default=None)


@lru_cache(maxsize=1)
def _deadline() -> "regex.Pattern[str]":
    return load_patterns().compile(r"(?<![\p{L}\p{M}])(?:{@deadline_words})\s*$")


@lru_cache(maxsize=1)
def _birth() -> "regex.Pattern[str]":
    """A birth word earlier in the clause of a full date: "sinh ra ở Riga, Latvia vào ngày 8/6/1997"."""
    return load_patterns().compile(r"(?<![\p{L}\p{M}])(?:{@birth_date_words})(?![\p{L}\p{M}])[^.;!?\n]{0,50}$")


def _birth_date(text: str, start: int) -> bool:
    return bool(_birth().search(text, max(0, start - 60), start))


@lru_cache(maxsize=2)
def _horizon(or_not_frame: bool = False) -> "regex.Pattern[str]":
    """Before a year ahead: a horizon, a tournament to come, a plan; with `or_not_frame`, also
    the words of a year that is no frame ("từ năm 2018", "đến tháng 6/2017"), which for
    frames have rules of their own."""
    words = "{@horizon_year_before}|{@not_frame_year_before}" if or_not_frame else "{@horizon_year_before}"
    return load_patterns().compile(rf"(?<![\p{{L}}\p{{M}}])(?:(?:{words})[\s,:]*"
                                   r"|(?:{@plan_words})(?:[\s,:]+[\p{L}\p{M}]+){0,3}?[\s,:]+)(?:(?:{@year_words})\s+)?$")


def _year_for(day: int, month: int, frames: list[tuple[int, int | None, int | None]],
              latest: int | None = None) -> int | None:
    """The one year of the frames a day-month date belongs to; None where none or several fit.

    The press writes the year of past events and leaves out this year's: a full date is a
    frame only for a day-month date from a week before it to a month after it ("Ngày
    20/1/2017 khai mạc … Chiều 25/1"), never for one months away (a trial "18/5" after a
    crime "13/7/2016" is in a year the text does not give); a month of a year, for dates in
    it or the month after; a year set as the frame, for any date. A month or a year earlier
    than the `latest` year the article reaches is background, and gives no year; a full date
    of an earlier year leaves it unknown ("hội đàm ngày 29/6" near "ngày 20/6/2015", in a
    piece that reaches 2023, may be in either year: the article does not say)."""
    if latest is not None:
        frames = [(y, m, d) for y, m, d in frames if d is not None or y >= latest]
    near = set()
    for y, m, d in frames:
        if m is None:
            continue
        date = calendar_date(day, month, y)
        if date is None:
            continue
        if d is not None:
            gap = (date - datetime.date(y, m, d)).days
            if -7 <= gap <= 31:
                near.add(y)
        elif month in (m, m % 12 + 1):
            near.add(y)
    if len(near) == 1:
        year = next(iter(near))
        return year if latest is None or year >= latest else None
    if near:
        return None
    whole = {y for y, m, _ in frames if m is None}
    return next(iter(whole)) if len(whole) == 1 else None


@lru_cache(maxsize=1)
def _trial_words() -> "regex.Pattern[str]":
    return load_patterns().compile(r"(?<![\p{L}\p{M}])(?:{@trial_words})(?![\p{L}\p{M}])")


def infer_years(art: Article) -> None:
    """Give a day-month date the year the article's own time gives it: the same day and
    month written in full elsewhere in the article, else the one frame year near it (not
    for a court sitting, which comes long after the dates around it); drop the others (a
    date whose year cannot be known from the article is not a full date)."""
    partial = [d for d in art.dates if d.value is None]
    frames = article_frames(art) if partial else []
    latest = latest_reached_year(art) if partial else None
    written = {}
    deadline = _deadline()
    for d in art.dates:
        if d.value is not None and not deadline.search(art.text, max(0, d.start - 20), d.start) \
                and not _birth_date(art.text, d.start):
            written.setdefault((d.day, d.month), set()).add(d.value.year)
    complete = []
    trial = _trial_words()
    for d in art.dates:
        if d.value is None:
            same = written.get((d.day, d.month), set())
            if latest is not None and same and max(same) < latest:
                same = set()             # "lễ kỷ niệm ngày thành lập (27/6/1990)": the same day of an
                                         # earlier year is background, not this date's year
            if len(same) == 1:
                year = next(iter(same))
            elif same or trial.search(art.text, *art.sentence_span(d.start)):
                year = None
            else:
                year = _year_for(d.day, d.month, frames, latest)
            if year is None:
                continue
            d.value = calendar_date(d.day, d.month, year)
            d.year_inferred = True
            if d.value is None:
                continue
        complete.append(d)
    art.dates = complete


PRODUCTIONS = {"date": date, "date_partial": date_partial, "exclude": exclude}
