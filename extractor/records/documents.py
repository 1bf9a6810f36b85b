"""Step 4c: documents cited by number, with the date and issuer written after them."""
from __future__ import annotations

import datetime
from functools import lru_cache

import regex

from .article import Article, DocumentDraft
from .dates import calendar_date
from ..patterns import Rule, load_patterns

_CODE_CUTS = regex.compile(r"[/.-]")
_A_LETTER = regex.compile(r"\p{L}")
_NOT_LETTER = regex.compile(r"[^\p{L}]")
_ROMAN = regex.compile(r"[IVXLC]+")

_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}&\d-]*|\d+")
_YEAR_ONLY = regex.compile(r"(?:19|20)\d\d")
_YEAR_RANGE = regex.compile(r"(?:19|20)\d\d\s*-\s*(?:19|20)\d\d")
_SPACED = regex.compile(r"\s*([/-])\s*")
_EN_DASH = regex.compile(r"\s*–\s*")
_YEAR_AFTER = regex.compile(r"\G\s+năm\s+(?:19|20)\d\d(?!\d)")
# The year a document's number carries: "56/2017/NĐ-CP", "03/2016/TT-BNNPTNT".
_YEAR_IN_NUMBER = regex.compile(r"(?<=/)(?:19|20)\d\d(?=/)")


@lru_cache(maxsize=1)
def _data():
    p = load_patterns()
    types = {t.lower(): t for t in p.lexicon("document_types")}
    return {
        "types": types,
        "date": p.compile("{doc_date}"),
        "day": p.compile("{doc_day}"),
        "time_units": p.words("time_units"),
        "issuer": p.compile("{doc_issuer}"),
        "passive": p.compile("{doc_issuer_passive}"),
        "passive_verb": p.compile(r"\G\s*(?:{@issuer_passive_verbs})(?![\p{L}\p{M}])"),
        "opening_date": p.compile("{doc_opening_date}"),
        "parts": p.words("document_parts"),
        "bare_heads": frozenset(p.lexicon("bare_issuer_heads")),
        "named_head": p.compile(r"(?<![\p{L}\p{M}])(?:{@bare_issuer_heads})[ ]+(?=\p{Lu})", 0),
        "joiners": p.words("issuer_joiners"),
        "conjunctions": p.words("issuer_conjunctions"),
        "stops": p.words("issuer_stops"),
        "type_word": p.compile(r"(?:{@document_types})(?![\p{L}\p{M}])"),
        "before": p.compile(r"(?:(?<![\p{L}\p{M}])(?:{@issuer_adverbs_before})\s+)*(?<![\p{L}\p{M}])"
                            r"(?:{@issuer_verbs_before})\s+$", regex.IGNORECASE),
        "signer": p.compile(r"(?:{@issuer_deputy_positions})\s+", 0),
        "header": p.compile(r"(?<![\p{L}\p{M}])(?:{@plural_markers})\s+(?:{@document_types})\s+(?:{@issuer_prepositions})\s+", 0),
        "list_opener": p.compile(r"(?<![\p{L}\p{M}])(?:{@list_openers})\s*:", 0),
        "apposition": p.compile(r"\G\s*,\s*(?=(?:{@apposition_heads})(?![\p{L}\p{M}]))", 0),
        "term_after": p.compile(r"\G\s*\((?:{@term_words})\s+[IVXLC\d]+\)", 0),
        "family": frozenset(p.lexicon("family_names")),
        "places": frozenset(p.lexicon("place_names")),
        "place_words": frozenset(p.lexicon("issuer_place_words")),
        "head": p.compile(r"(?<![\p{L}\p{M}/-])(?:{@issuer_heads})(?![\p{L}\p{M}])", 0),   # not "QĐ-UBND"
        "type_codes": frozenset(_letters(c) for c in p.lexicon("document_type_codes")),
        "issuer_codes": {_letters(k): v for k, v in p.lexicon("issuer_codes").items()},
    }


def document(m, rule: Rule, art: Article):
    data = _data()
    raw_type, number = m.group("type"), m.group("number")
    has_so = m.group("so") is not None
    coded = any(c in number for c in "/-")
    if raw_type.isupper():
        return None                      # "KẾ HOẠCH 34" in a table of power cuts: not a type in its normal case
    if raw_type[0].islower() and not (has_so or coded):
        return None                      # "quyết định thu hồi đất", "quy định 15 ngày"
    if not has_so and not coded and _YEAR_ONLY.fullmatch(number):
        return None                      # "Kế hoạch 2023" names a year
    if not has_so and _YEAR_RANGE.fullmatch(number):
        return None                      # "kế hoạch 2017-2020" names a period
    nxt = _WORD.match(art.text, m.end() + 1) if art.text[m.end():m.end() + 1] == " " else None
    if not has_so and not coded and nxt and nxt.group().lower() in data["time_units"] \
            and not (data["date"].match(art.text, m.end()) or data["day"].match(art.text, m.end())
                     or _YEAR_AFTER.match(art.text, m.end())):
        return None                      # "Kế hoạch 100 ngày đêm" names a length of time ("Nghị định 116 ngày 18/7" is cited)
    number = _SPACED.sub(r"\1", _EN_DASH.sub("-", number))   # "301/BGDĐT - GDMN" → "301/BGDĐT-GDMN"
    doc_type = data["types"].get(raw_type.lower(), raw_type)
    draft = DocumentDraft(m.start(), m.end(), doc_type, number, rule.name)
    pos = m.end()
    dm = data["date"].match(art.text, pos)
    if dm:
        draft.date = _as_date(dm)
        pos = dm.end()
    else:
        day = data["day"].match(art.text, pos)
        pos = day.end() if day else pos
        year = _YEAR_IN_NUMBER.search(number) if day else None
        if year:                         # "Nghị định 56/2017/NĐ-CP ngày 9/5": the number gives the year
            draft.date = calendar_date(int(day.group("d")), int(day.group("m")), int(year.group()))
    ym = _YEAR_AFTER.match(art.text, pos)     # "Nghị định số 178 năm 2013 của Chính phủ"
    if ym:
        pos = ym.end()
    im = data["issuer"].match(art.text, pos)
    if im:
        draft.issuer = _issuer(art.text, im.end())
        if draft.issuer and data["head"].match(draft.issuer):
            draft.issuer = _without_signer_name(draft.issuer)   # "Thủ tướng Chính phủ Nguyễn Xuân Phúc"
        if draft.issuer and draft.date is None:
            draft.date = _date_after_issuer(art.text, im.end(), draft.issuer)
    if draft.issuer in data["bare_heads"]:
        draft.issuer = _named_before(art.text, m.start(), draft.issuer) or draft.issuer
    if draft.issuer is None:
        draft.issuer = _passive_issuer(art.text, pos)
    if draft.issuer is None:
        draft.issuer = _issuer_before(art.text, m.start())
    if draft.date is None:
        draft.date = _opening_date(art, m.start())
    codes = _issuer_codes_of(number) if draft.issuer is None else []
    if codes:                            # further from the citation, only with the code's word
        draft.issuer = (_issuer_by_code(art.text, m.start(), codes) or _issuer_in_apposition(art.text, pos, codes)
                        or _issuer_from_heading(art.text, m.start(), codes))
    return [draft]


def _as_date(dm) -> datetime.date | None:
    return calendar_date(int(dm.group("d")), int(dm.group("m")), int(dm.group("y")))


def _end_of(text: str, name: str, pos: int) -> int:
    """Where `name`, read by _issuer from `pos` (past the spaces there), ends; -1 if not there."""
    at = text.find(name, pos, pos + 10 + len(name))
    return at + len(name) if at >= 0 else -1


def _date_after_issuer(text: str, pos: int, issuer: str) -> datetime.date | None:
    """"Nghị quyết số 27-NQ/TW của Bộ Chính trị ngày 5-7-2006": the date after the issuer
    (its term in brackets between: "(khóa XII)")."""
    end = _end_of(text, issuer, pos)
    if end < 0:
        return None
    term = _data()["term_after"].match(text, end)
    dm = _data()["date"].match(text, term.end() if term else end)
    return _as_date(dm) if dm else None


def _named_before(text: str, start: int, head: str) -> str | None:
    """The body a bare "của Bộ" points back to: the last one named in full with that head
    word before the citation ("Bộ Giáo dục và Đào tạo … Hướng dẫn số 1503 của Bộ")."""
    last = None
    for m in _data()["named_head"].finditer(text, 0, start):
        if m.group().split()[0] == head.split()[0]:
            last = m
    if last is None:
        return None
    name = _issuer(text, last.start())
    name = _without_person(name) if name else None   # "… UBND tỉnh Đặng Quốc Khánh": the office, not its chairman
    return name if name and name != head else None


def _without_person(name: str) -> str:
    """An office without the personal name written after it: "UBND tỉnh Đặng Quốc Khánh" →
    "UBND tỉnh" (a family name, then one to three capitalised syllables, ending the name)."""
    words = name.split()
    for i in range(1, len(words) - 1):
        if words[i] in _data()["family"] and 2 <= len(words) - i <= 4 and all(w[:1].isupper() for w in words[i:]) \
                and " ".join(words[i:]) not in _data()["places"]:
            return " ".join(words[:i])
    return name


def _passive_issuer(text: str, pos: int) -> str | None:
    """"Quyết định số 45/QĐ-TTg được Thủ tướng Chính phủ phê duyệt": the agent of a verb of
    issuing after "được"; none when no such verb ends it ("được dư luận đồng tình")."""
    data = _data()
    pm = data["passive"].match(text, pos)
    if not pm:
        return None
    name = _issuer(text, pm.end())
    if not name or not data["head"].match(name):
        return None
    end = _end_of(text, name, pm.end())
    return name if end >= 0 and data["passive_verb"].match(text, end) else None


def _opening_date(art: Article, start: int) -> datetime.date | None:
    """"Ngày 12-9-2005, UBND tỉnh Nghệ An ban hành Quyết định số …": the date that opens the
    clause, where the citation is the object of its verb of issuing and no other citation or
    date stands between them."""
    data = _data()
    s, _ = art.sentence_span(start)
    dm = None
    for dm in data["opening_date"].finditer(art.text, s, start):
        pass                             # the last one before the citation
    if not dm or not data["before"].search(art.text[max(s, start - 120):start]):
        return None
    if data["type_word"].search(art.text, dm.end(), start) or data["date"].search(art.text, dm.end(), start):
        return None
    issuer = _issuer_before(art.text, start)
    return _as_date(dm) if issuer else None


_BRACKETS = regex.compile(r"\s*\([^()]*\)")
# A comma before a capital may sit inside the name ("Bộ Văn hóa, Thể thao và Du lịch").
_CLAUSE_END = regex.compile(r"\n|[;:.!?“”\"](?=\s|$)|,(?=\s+\p{Ll})|^")
def _issuer_before(text: str, start: int) -> str | None:
    """"Chính phủ vừa ban hành Nghị định …": the issuer named in the clause before the
    citation, as the subject of a verb of issuing; from an issuer head ("Bộ", "Sở", "Chính
    phủ" …) to the verb, without a bracket, the signer's position and name ("Thứ trưởng Bộ
    TN-MT Nguyễn Linh Ngọc đã ký …" is the ministry's)."""
    data = _data()
    left = text[max(0, start - 120):start]
    verb = data["before"].search(left)
    if not verb:
        return None
    subject = left[:verb.start()]
    cut = max((m.end() for m in _CLAUSE_END.finditer(subject)), default=0)
    head = data["head"].search(subject, cut)
    if not head:
        return None
    name = _BRACKETS.sub("", subject[head.start():]).strip(" ,")
    signer = data["signer"].match(name)
    if signer and data["head"].match(name, signer.end()):
        name = name[signer.end():]
    name = _without_signer_name(name)    # "Thủ tướng Chính phủ Nguyễn Xuân Phúc đã ký …": the office
    words = name.split()
    lower_run = 0
    for w in words:
        lower_run = lower_run + 1 if w[0].islower() and w.lower() not in data["joiners"] else 0
        if lower_run > 3 or w[0].islower() and w.lower() in data["stops"]:
            return None                  # a clause, not a name: "Bộ Y tế hôm qua đã"
    return name if words and len(name) <= 90 else None


def _issuer_by_code(text: str, start: int, codes: list[str]) -> str | None:
    """The subject of the clause the citation ends, where the number's code names it: "Bộ
    Công Thương đã áp dụng … theo quyết định số 4698/QĐ-BCT". The clause alone is no
    evidence (a body applies others' documents: "Công an huyện xử phạt theo Nghị định
    46/2016/NĐ-CP"), nor the code alone (a code says who, not that the text says so)."""
    data = _data()
    left_start = max(0, start - 160)
    left = text[left_start:start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(left)), default=0)
    found = []
    for head in data["head"].finditer(left, cut):
        name = _issuer(text, left_start + head.start())
        if name and _named_by(name, codes):
            found.append(_without_signer_name(_BRACKETS.sub("", name).strip(" ,")))
    return found[0] if len(set(found)) == 1 else None


def _issuer_in_apposition(text: str, pos: int, codes: list[str]) -> str | None:
    """"Nghị quyết số 05/NQ-TW, Hội nghị Trung ương 4 (khóa XII)": the body named after a
    comma, where the number's code names it."""
    data = _data()
    comma = data["apposition"].match(text, pos)
    if not comma:
        return None
    name = _issuer(text, comma.end())
    if not name or not _named_by(name, codes):
        return None
    term = data["term_after"].match(text, comma.end() + len(name))
    return name + term.group() if term else name


def _issuer_from_heading(text: str, start: int, codes: list[str]) -> str | None:
    """"Bãi bỏ các Quyết định do UBND tỉnh ban hành …, bao gồm: 1.Quyết định số …": a heading
    in the same paragraph gives its issuer to the documents it lists, where their codes name it."""
    data = _data()
    para = text.rfind("\n", 0, start) + 1
    window = max(para, start - 800)
    heading = None
    for h in data["header"].finditer(text, window, start):
        heading = h
    if heading is None or not data["list_opener"].search(text, heading.end(), start):
        return None
    name = _issuer(text, heading.end())
    if not name or not _named_by(name, codes):
        return None
    return name


def _issuer_codes_of(number: str) -> list[str]:
    """The parts of a number that may name its issuer: "152/TTg-CN" → TTG, CN."""
    data = _data()
    return [c for c in (_letters(t) for t in _CODE_CUTS.split(number) if _A_LETTER.search(t))
            if c not in data["type_codes"]]


@lru_cache(maxsize=4096)      # the same codes and issuer words recur through a report
def _letters(code: str) -> str:
    """A code compared by its letters, upper case, with the folds of documents.yaml
    (code_letter_folds: "BGDĐT" ~ "BGDDT")."""
    letters = _NOT_LETTER.sub("", code).upper()
    for letter, fold in _folds():
        letters = letters.replace(letter, fold)
    return letters


@lru_cache(maxsize=1)
def _folds() -> tuple[tuple[str, str], ...]:
    return tuple(load_patterns().table("code_letter_folds").items())


def _named_by(name: str, codes: list[str]) -> bool:
    """Does one of a number's codes name this issuer?"""
    return any(_names_code(name, c) for c in codes)


@lru_cache(maxsize=4096)
def _names_code(name: str, code: str) -> bool:
    """Does the issuer's name answer to the code: by the code's table entry, as a word of the
    name, or by its initials ("Bộ Công Thương" BCT; an abbreviation gives all its capitals,
    "Bộ TT&TT" BTTTT)?"""
    data = _data()
    if any(word in name for word in data["issuer_codes"].get(code, ())):
        return True
    words = [w for w in name.split() if w.lower() not in data["joiners"]]
    if any(_letters(w) == code for w in words):
        return True
    initials = "".join(_letters(w) if sum(ch.isupper() for ch in w) > 1 else _letters(w[:1]) for w in words)
    return initials == code


def _without_signer_name(issuer: str) -> str:
    """The office without the name of the person after it ("Bộ TN-MT Nguyễn Linh Ngọc",
    "UBND TP Đông Hà Lê Văn Bình"), but a place named like a person stays ("VKSND TP Yên
    Bái"). A name is the last three words (else two, else four) from a family name on."""
    data = _data()
    words = issuer.split()
    for k in (3, 2, 4):
        if len(words) <= k:
            continue
        name, before = words[-k:], words[-k - 1]
        if name[0] in data["family"] and all(w[:1].isupper() for w in name) and before not in data["place_words"]:
            return " ".join(words[:-k]).strip(" ,")
    return issuer


def _issuer(text: str, pos: int) -> str | None:
    """The name after "của"/"do": capitalised words, the lower-case syllables that belong
    to them ("Bộ Tài nguyên và Môi trường"), up to the first word that starts a clause."""
    data = _data()
    end = pos
    lower_run = 0
    run_start = None
    first_lower_end = None
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
        if i > pos and word[0].isupper() and (data["type_word"].match(text, w.start()) or low in data["parts"]):
            break                        # "Ban Bí thư và Chỉ thị 33 …", "UBND tỉnh Hà Tĩnh và Điều 5 …": the next reference
        if lower_run == 0 and not word[0].isupper() and not word[0].isdigit() and end == i and i > pos \
                and low not in data["joiners"]:
            first_lower_end = w.end()    # "Chính phủ": the syllable that ends a capitalised word
        elif lower_run == 0:
            first_lower_end = None
        if word[0].isupper() or word[0].isdigit():
            lower_run, run_start, end = 0, None, w.end()
        elif low in data["joiners"] and _next_is_capital(text, w.end()):
            lower_run, run_start = 0, None
        else:
            lower_run += 1
            run_start = run_start if run_start is not None else w.start()
            if lower_run > 3:            # "Sở Giao thông vận tải", "Cục Di sản văn hóa"
                break
            end = w.end()
        i = w.end()
        if i - pos > 120:
            break
    if run_start is not None and lower_run > 3:
        end = first_lower_end if first_lower_end is not None and first_lower_end > run_start else run_start
    name = text[pos:end].strip(" ,")
    while name and name.rsplit(None, 1)[-1].lower() in data["conjunctions"]:
        name = name.rsplit(None, 1)[0].rstrip(" ,") if " " in name else ""
    return name or None


def _two_word_stop(text: str, w, stops) -> bool:
    nxt = _WORD.match(text, w.end() + 1)
    return bool(nxt) and f"{w.group().lower()} {nxt.group().lower()}" in stops


def _next_is_capital(text: str, pos: int) -> bool:
    nxt = _WORD.match(text, pos + 1) if text[pos:pos + 1] == " " else None
    return bool(nxt) and (nxt.group()[0].isupper() or bool(_ROMAN.fullmatch(nxt.group())))


PRODUCTIONS = {"document": document}
