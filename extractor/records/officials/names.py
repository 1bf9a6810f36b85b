"""The productions of the name rules: a full mention (rank, academic title, honorific and
position before the name, the title chain after it), a foreign name after a rank or
honorific, a short repeat mention ("Thiếu tướng Thái")."""
from __future__ import annotations

import regex

from ...patterns import Rule
from ..article import Article
from .people import _after_capitalised_word, _blocked, _context_anchor, _inside_place, _named_place, _office_directly_before, valid_name
from .titles import _position_before, _trigger_parts, parse_chain, stacked_before
from .words import Mention, _VIETNAMESE, _data, title_case


def name(m, rule: Rule, art: Article):
    span = valid_name(art.text, m.start("name"), m.end("name"), allow_places=True)
    if span is None:
        return None
    start, end = span
    initial = _data()["initial_before"].search(art.text, max(0, start - 3), start)
    if initial and _data()["descriptor_before"].search(art.text, max(0, initial.start() - 40), initial.start()):
        start = initial.start()          # "tiền đạo H.Văn Thành": the family name as an initial
    raw = art.text[start:end]
    full = title_case(raw) if raw.isupper() else raw
    return _full_mention(start, end, full, rule, art)


_WORDS = regex.compile(r"\S+")


def foreign(m, rule: Rule, art: Article):
    """A name with no Vietnamese family name, after a rank or honorific ("Tiến sĩ Lokky
    Wai"): accepted only where underthesea tags it a proper noun and it is no place."""
    raw = m.group("name")
    start = m.start("name")
    lead = _data()["place_lead"].match(raw)
    if lead and len(raw[lead.end():].split()) >= 2:
        start += lead.end()              # "Thủ tướng Đức Angela Merkel": the country goes to the position
        raw = raw[lead.end():]
    if raw.split()[0] in _data()["family"] or raw in _data()["places"] or _VIETNAMESE.search(raw) \
            or _inside_place(art.text, start, raw.split()):
        return None                      # a Vietnamese-looking run here is a place or an organisation
    if _blocked(art.text, m.start("name")):
        return None
    if m.group("trigger") == "Anh" and _data()["outlet_before"].search(art.text, max(0, m.start("trigger") - 20),
                                                                     m.start("trigger")):
        return None                      # "Theo báo Anh Daily Mail": the country, then a newspaper
    if any(len(w) < 2 for w in raw.split()):
        return None                      # "Tổng thống Nga V. Putin": an initial, no full name
    if any(w in _data()["club_words"] or w in _data()["foreign_org_words"] for w in raw.split()):
        return None                      # "cầu thủ Real Madrid", "African Studies": a club, a body
    if raw.lower() in _data()["credit_sources"] or raw.split()[0] in _data()["final_blockers"]:
        return None                      # "The Voice": a show
    from ...text.wordseg import proper_noun_spans

    # Tag a short window, not the whole sentence: the tagger's cost grows with length.
    s, e = art.sentence_span(m.start("name"))
    s = max(s, art.text.rfind(" ", s, max(s, m.start("trigger") - 1)) + 1)
    e = min(e, m.end("name") + 30)
    spans = proper_noun_spans(art.text[s:e])
    words = [(w.start() + start, w.end() + start) for w in _WORDS.finditer(raw)]
    covered = all(any(a + s <= ws and we <= b + s for a, b in spans) for ws, we in words)
    if not covered:                      # (a country before the name was left to the position above)
        return None
    return _full_mention(start, m.end("name"), raw, rule, art)


def short(m, rule: Rule, art: Article):
    rank, honorific = _trigger_parts(m.group("trigger"))
    if rank is None and honorific is None and m.group("trigger").lower() not in ("anh", "chị", "cụ", "em"):
        return None
    start = m.start("trigger")            # the trigger sits in a lookbehind, outside m.start()
    mention = Mention(rule.name, start, m.end(), given=m.group("given"), rank=rank, honorific=honorific,
                      mention_start=start, mention_end=m.end())
    return [mention]


def _clear_end(text: str, pos: int) -> bool:
    rest = text[pos:pos + 2]
    if text[pos:pos + 4].lstrip(" \t").startswith("("):
        return True                      # "Nguyễn Thị Hồng V.  (Ban Tuyên giáo Tỉnh ủy)": the byline's office
    return rest == "" or rest[0] in ")/.,;\n-–" or rest.startswith(" -") or rest.startswith(" –")


def _is_title_word(words: list[str]) -> bool:
    first = words[0].lower()
    return first in ("báo", "theo", "đài", "thông", "tạp", "nhóm") or words[0].isupper() and len(words[0]) <= 3 and len(words) == 1


def _full_mention(start: int, end: int, full: str, rule: Rule, art: Article):
    data = _data()
    trig = data["trigger_end"].search(art.text, max(0, start - 60), start)
    if trig and trig.group("trigger") in data["honorific_countries"] \
            and data["position_end"].search(art.text[max(0, trig.start("trigger") - 40):trig.start("trigger")]):
        trig = None                      # "Thủ tướng Anh Theresa May": the country, in the position before
    if trig and data["academic_start"].match(trig.group("trigger")) \
            and data["org_head_end"].search(art.text, max(0, trig.start("trigger") - 30), trig.start("trigger")):
        trig = None                      # "Đoàn Luật sư Hà Tĩnh": a body's name, no lawyer Hà Tĩnh
    rank = honorific = None
    m_start = start
    if trig:
        rank, honorific = _trigger_parts(trig.group("trigger"))
        m_start = trig.start("trigger")
    # A comma may close a position before a rank ("Bộ trưởng Bộ Quốc phòng, Đại tướng X");
    # before "ông", "chị" it closes a clause ("Thay mặt sinh viên các khóa, chị Y") unless
    # the position opens the sentence ("Người phát ngôn YPG tại Syria, ông Nouri Mahmoud").
    position = _position_before(art, m_start, allow_comma=rank is not None, opening_comma=honorific is not None)
    if position and position[:1].islower() and trig and honorific and trig.group("trigger")[:1].isupper() \
            and art.text[max(0, m_start - len(position) - 1):m_start].rstrip() == position:
        position = None                  # "… chia sẻ với phóng viên Ông Nguyễn Văn L. (cậu …)": a capital
                                         # honorific right after an occupation opens a sentence the press
                                         # left unstopped ("CEO KIDO - Ông A", "Chủ tịch UBND Ông A" stand)
    if not (trig or position):
        if _blocked(art.text, start) or full in data["places"] or _after_capitalised_word(art.text, start):
            return None
    elif not trig and _named_place(art.text, start, end):
        return None                      # "Phó Hiệu trưởng Trường Đại học Y Dược", "cán bộ địa chính xã Châu Bình": a place
    elif full in data["places"] and not (trig or full in data["person_places"] and _office_directly_before(art.text, m_start)):
        return None                      # "doanh nhân Hà Lan": a nationality after an occupation
    if position and rank is None:
        # "Thượng tướng, Thứ trưởng Bộ Công an Bùi Văn Nam": a rank before the position
        at = art.text.rfind(position, max(0, m_start - 150), m_start)
        before = data["rank_before"].search(art.text, max(0, at - 40), at) if at >= 0 else None
        if before:
            rank = before.group("rank")
    titles = []
    if position:
        at = art.text.rfind(position, max(0, m_start - 150), m_start)
        titles.extend(stacked_before(art, at) if at >= 0 else [])
        titles.append(position)
    titles.extend(parse_chain(art, end, own=full))
    anchored = bool(trig or position or titles) or _context_anchor(art, start, end)
    return [Mention(rule.name, start, end, name=full, rank=rank, honorific=honorific, titles=titles,
                    mention_start=m_start, mention_end=end, anchored=anchored)]
