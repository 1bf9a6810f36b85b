"""Step 4c: documents cited by number, with the date and issuer written after them."""
from __future__ import annotations

import datetime
from functools import lru_cache

import regex

from .article import Article, DocumentDraft
from .patterns import Rule, load_patterns

_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}&\d-]*|\d+")
_YEAR_ONLY = regex.compile(r"(?:19|20)\d\d")


@lru_cache(maxsize=1)
def _data():
    p = load_patterns()
    types = {t.lower(): t for t in p.lexicon("document_types")}
    return {
        "types": types,
        "date": p.compile("{doc_date}"),
        "issuer": p.compile("{doc_issuer}"),
        "joiners": p.words("issuer_joiners"),
        "stops": p.words("issuer_stops"),
    }


def document(m, rule: Rule, art: Article):
    data = _data()
    raw_type, number = m.group("type"), m.group("number")
    has_so = m.group("so") is not None
    coded = any(c in number for c in "/-")
    if raw_type[0].islower() and not (has_so or coded):
        return None                      # "quyết định thu hồi đất", "quy định 15 ngày"
    if not has_so and not coded and _YEAR_ONLY.fullmatch(number):
        return None                      # "Kế hoạch 2023" names a year
    doc_type = data["types"].get(raw_type.lower(), raw_type)
    draft = DocumentDraft(m.start(), m.end(), doc_type, number, rule.name)
    pos = m.end()
    dm = data["date"].match(art.text, pos)
    if dm:
        try:
            draft.date = datetime.date(int(dm.group("y")), int(dm.group("m")), int(dm.group("d")))
        except ValueError:
            draft.date = None
        pos = dm.end()
    im = data["issuer"].match(art.text, pos)
    if im:
        draft.issuer = _issuer(art.text, im.end())
    return [draft]


def _issuer(text: str, pos: int) -> str | None:
    """The name after "của"/"do": capitalised words, the lower-case syllables that belong
    to them ("Bộ Tài nguyên và Môi trường"), up to the first word that starts a clause."""
    data = _data()
    end = pos
    lower_run = 0
    run_start = None
    i = pos
    while True:
        j = i
        while j < len(text) and text[j] in " \t":
            j += 1
        w = _WORD.match(text, j)
        if not w:
            break
        word = w.group()
        low = word.lower()
        if low in data["stops"] or _two_word_stop(text, w, data["stops"]):
            break
        if word[0].isupper() or word[0].isdigit():
            lower_run, run_start, end = 0, None, w.end()
        elif low in data["joiners"] and _next_is_capital(text, w.end()):
            lower_run, run_start = 0, None
        else:
            lower_run += 1
            run_start = run_start if run_start is not None else w.start()
            if lower_run > 2:
                break
            end = w.end()
        i = w.end()
        if i - pos > 120:
            break
    if run_start is not None and lower_run > 2:
        end = run_start
    name = text[pos:end].strip(" ,")
    return name or None


def _two_word_stop(text: str, w, stops) -> bool:
    nxt = _WORD.match(text, w.end() + 1)
    return bool(nxt) and f"{w.group().lower()} {nxt.group().lower()}" in stops


def _next_is_capital(text: str, pos: int) -> bool:
    nxt = _WORD.match(text, pos + 1) if text[pos:pos + 1] == " " else None
    return bool(nxt) and (nxt.group()[0].isupper() or bool(regex.fullmatch(r"[IVXLC]+", nxt.group())))


PRODUCTIONS = {"document": document}
