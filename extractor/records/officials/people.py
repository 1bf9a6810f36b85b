"""What makes a run of capitals a person: a valid Vietnamese name (a family name first,
not a place or an organisation), and the evidence in its context (a descriptor before it,
an age or residence after it)."""
from __future__ import annotations

import regex

from ...text.inputs import is_syllable
from ..article import Article
from .words import _LAST_WORD, _WORD, _data, title_case


def valid_name(text: str, start: int, end: int, allow_places: bool = False) -> tuple[int, int] | None:
    """The span of a Vietnamese personal name in a capitalised run, or None: leading
    "Ông"/"Bà" dropped, cut before an organisation word, a family name first, not a
    place, not the start of a title word ("Phó Chủ" + "tịch")."""
    data = _data()
    words = text[start:end].split()
    if words[0] in data["prefix_words"] or words[0].title() in data["prefix_words"]:
        if len(words) == 2:
            return None                  # "Ông Ca": a short mention, not Mr Ông Ca
        start += len(words[0]) + 1
        words = words[1:]
    for i, w in enumerate(words[1:], start=1):
        if i == len(words) - 1 and len(words) > 2 and data["name_closed"].match(text, end):
            break                        # "ông Lê Văn Tỉnh, Bí thư …": the given name, then a comma
        if w in data["stop_syllables"] or w.title() in data["stop_syllables"] and w.isupper():
            end = start + len(" ".join(words[:i]))
            words = words[:i]
            break
    closed = bool(data["name_closed"].match(text, end))   # "Nguyễn Văn Để, Chủ tịch xã": the name's own syllable
    while len(words) > 2 and (words[-1] in data["final_blockers"] and not closed or data["foreign_letters"].search(words[-1])):
        end -= len(words[-1]) + 1        # "Nguyễn Hữu Thắng Không …": a sentence run on; "Dương Khắc
        words = words[:-1]               # Linh Liz": no Vietnamese syllable has f, j, w or z
    while len(words) > 2 and _glued_to_next_word(text, words, end):
        end -= len(words[-1]) + 1        # "ông Cao Toàn Mỹ Luật sư …": the name, then "Luật sư"
        words = words[:-1]
    if len(words) < 2 or words[0].title() not in data["family"]:
        return None
    if len(words) >= 3 and words[0] in data["blockers"] and words[1].title() in data["family"] \
            and text[:start].rstrip(" \t")[-1:] in ("", ".", "!", "?", "\n", "“", '"'):
        return None                      # "Đường Trần Hưng Đạo …" opening a sentence: the street, not Mr Đường
    full = " ".join(words)
    if not allow_places and (full in data["places"] or title_case(full) in data["places"]):
        return None
    if _not_a_name(text, start, end) or _named_firm(text, start, end):
        return None
    inside = _inside_place(text, start, words)
    if inside:
        # "người Tây Ban Nha" is no Mr Ban Nha; "tỉnh Quảng Ninh Nguyễn Đức Long": the name
        # after the place
        rest = words[inside:]
        if len(rest) < 2 or rest[0].title() not in data["family"]:
            return None
        start = end - len(" ".join(rest))
    return start, end


def _inside_place(text: str, start: int, words: list[str]) -> int:
    """How many words of the run end a place written before it ("Tây" + "Ban Nha"), or 0."""
    before = text[max(0, start - 30):start]
    if not before.endswith(" "):
        return 0
    left = before.split()[-2:]
    places = _data()["places"]
    return max((j for i in range(len(left)) for j in range(1, len(words) + 1)
                if " ".join(left[i:] + words[:j]) in places), default=0)


_EMAIL_AFTER = regex.compile(r"\G\s*\(\s*[\w.*+-]+@")


_CREDIT_AFTER = regex.compile(r"\G\s*\(\s*([^()]{2,30})\s*\)")


def _context_anchor(art: Article, start: int, end: int) -> bool:
    """A bare name is a person when its context says so: a descriptor of a person before
    it, an age, birth year or kin after it, a verb a person does, an e-mail address, or
    a list after a header of people ("Thủ môn: A, B", "Các đối tượng gồm: A (33 tuổi), B")."""
    data = _data()
    text = art.text
    s, _ = art.sentence_span(start)
    if data["descriptor_before"].search(text, max(s, start - 40), start):
        return True
    if data["details_after"].match(text, end) or data["verb_after"].match(text, end):
        return True
    credit = _CREDIT_AFTER.match(text, end)
    if credit and credit.group(1).lower() in data["credit_sources"]:
        return True                      # a photo credit: "Nguyễn Văn Nhật (TTXVN)"
    if _EMAIL_AFTER.match(text, end):
        return True                      # a reader's signature: "- Nguyễn Thị Thu (thu***@gmail.com)"
    colon = text.rfind(":", s, start)
    return colon >= 0 and bool(data["header"].search(text, max(s, colon - 40), colon))


def _after_capitalised_word(text: str, pos: int) -> bool:
    """"quận Nam Từ Liêm": a run glued to a capitalised word belongs to a longer name."""
    w = _LAST_WORD.search(text[max(0, pos - 20):pos])
    return bool(w) and w.group(1)[0].isupper() and not w.group(1).isupper() and len(w.group(1)) > 1


def _office_directly_before(text: str, pos: int) -> bool:
    """"Chủ tịch Hồ Chí Minh": a capitalised office right before the name (not an occupation)."""
    m = _data()["position_end"].search(text[max(0, pos - 30):pos])
    return bool(m) and m.group()[:1].isupper()


def _glued_to_next_word(text: str, words: list[str], end: int) -> bool:
    """Does the run's last syllable begin a word with the lower-case syllable after it ("Luật" + "sư")?"""
    nxt = _WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    return bool(nxt) and nxt.group()[0].islower() and f"{words[-1]} {nxt.group()}".lower() in _data()["not_name_pairs"]


def _not_a_name(text: str, start: int, end: int) -> bool:
    """"Phó Chủ tịch" is not a Mr Phó Chủ: the run ends inside a title or organisation word."""
    words = text[start:end].split()
    nxt = _WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    pairs = set()
    # "Trần Quốc Hội, Phó Chủ tịch …": a closed name of three syllables ends in its own given name
    last = len(words) - 2 if len(words) >= 3 and _data()["name_closed"].match(text, end) else len(words)
    for k, (a, b) in enumerate(zip(words, words[1:])):
        if k < last:
            pairs.add(f"{a} {b}".lower())
    if nxt and nxt.group()[0].islower():
        pairs.add(f"{words[-1]} {nxt.group()}".lower())
    return bool(pairs & _data()["not_name_pairs"])


def _blocked(text: str, pos: int, admin: bool = True) -> bool:
    """A street, a school, a place: "đường Nguyễn Trãi", "huyện Hương Khê, Vũ Quang".
    admin=False leaves out the administrative words ("Chủ tịch UBND tỉnh Lê Văn B")."""
    # A dash or bracket glued to the word before is no part of it: "lớp 9D -THCS Khương Thượng".
    left = [w.lstrip("-–(“\"") for w in text[max(0, pos - 25):pos].split()]
    admin_words = _data()["admin_words"]
    blockers = _data()["blockers"] if admin else _data()["blockers"] - admin_words
    two = f"{left[-2]} {left[-1]}" if len(left) > 1 else ""
    if two in admin_words:                # "Thành phố" is not the street word "phố"
        return admin
    if left and (left[-1] in blockers or two in blockers):
        return True
    lists = _data()["place_list"] if admin else _data()["street_list"]
    return bool(lists.search(text, max(0, pos - 60), pos))


def has_person(text: str, start: int, end: int) -> bool:
    """Does a person's name (after a trigger, or a valid family-name run) stand in text[start:end]?"""
    return first_person(text, start, end) is not None


def first_person(text: str, start: int, end: int, foreign: bool = False) -> int | None:
    """Where the first person named in text[start:end] stands, or None. Inside a title, a
    capitalised honorific glued to a capitalised word is part of a longer name ("quận Hai Bà
    Trưng")."""
    data = _data()
    found = [m.start() for m in triggered_names(text, start, end)]
    found += [m.start() for m in data["family_run"].finditer(text, start, end)
              if valid_name(text, m.start(), m.end()) and not _named_place(text, m.start(), m.end())]
    # with `foreign`, a foreign name too ("…, Bộ trưởng Ngoại giao Nga Sergey Lavrov và …"): words no
    # Vietnamese syllable spells, not a place (a title before a name may hold a foreign place:
    # "Cảnh sát trưởng vùng Greater Manchester, ông Ian Hopkins")
    found += [m.start() for m in (_FOREIGN_RUN.finditer(text, start, end) if foreign else ())
              if len(m.group().split()) <= 3 and not all(is_syllable(w) for w in m.group().split())
              and m.group() not in data["places"]
              and not any(w in data["club_words"] or w in data["foreign_org_words"] for w in m.group().split())]
    return min(found) if found else None


_FOREIGN_RUN = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}[a-z]+(?:-[a-z]+)?(?:[ ]\p{Lu}[a-z]+(?:-[a-z]+)?)+(?![\p{L}\p{M}])")


def triggered_names(text: str, start: int, end: int):
    """The names after a rank or an honorific in text[start:end], but an honorific glued to a
    capitalised word ("quận Hai Bà Trưng") or a title after an organisation's word ("Đoàn
    Luật sư TP.HCM"), which are part of a longer name."""
    data = _data()
    for m in data["trigger_name"].finditer(text, start, end):
        glued = m.group()[:1].isupper() and _after_capitalised_word(text, m.start())
        if glued and data["honorific_start"].match(m.group()):
            continue
        if data["academic_start"].match(m.group()) and data["org_head_end"].search(text, max(0, m.start() - 30), m.start()):
            continue                     # "Phó chủ nhiệm Đoàn Luật sư TP.HCM": a body's name
        yield m


def _named_firm(text: str, name_start: int, name_end: int) -> bool:
    """"Công ty TNHH TM và DV Hoàng Phước Minh", "Hội đồng Trị sự Nguyễn Phước tộc": a name
    right after a firm's word and its legal form (no name of the firm between: "Công ty CP
    Sông Đà Nguyễn Văn B" is a person), or one a name goes on after, names a body."""
    data = _data()
    if data["name_continuation"].match(text, name_end):
        return True
    return bool(data["firm_before"].search(text, max(0, name_start - 60), name_start))


def _named_place(text: str, start: int, end: int) -> bool:
    """A place or school named like a person, inside a title: "trường THCS Huỳnh Đình Túc"
    (after a school or street word, always), "xã Đoàn Xá" (after an administrative word,
    when two syllables: "UBND xã Nguyễn Văn B" is the chairman's name)."""
    if _blocked(text, start, admin=False):
        return True
    return _blocked(text, start) and len(text[start:end].split()) == 2
