"""Step 4d: officials — named people with rank, honorific, titles, organisations; bylines.

The rules in patterns/officials.yaml find names (a family name and 1-3 more capitalised
syllables, an ALL CAPS name, a foreign name after a rank or honorific), short repeat
mentions ("Thiếu tướng Thái") and bylines. For each full mention this module reads:
- to the left: the rank, academic title and honorific written just before the name,
  and a position written before it ("Bộ trưởng Bộ Tư pháp Lê Thành Long");
- to the right: the comma-separated title chain, verbatim, up to the word that ends the
  apposition ("phát biểu", "cho biết", ";", a new person).
Mentions of one name are merged; short mentions attach to the person they name.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .article import Article
from .patterns import Rule, load_patterns


@dataclass(eq=False)
class Mention:
    rule: str
    start: int              # the span the rule matched (the name, or "Thiếu tướng Thái")
    end: int
    name: str | None = None  # title-cased full name; None for a short mention until resolved
    given: str | None = None
    rank: str | None = None
    honorific: str | None = None
    titles: list[str] = field(default_factory=list)
    mention_start: int = 0   # the mention as reported: trigger + name
    mention_end: int = 0
    byline: bool = False
    official: "OfficialDraft | None" = None
    anchored: bool = True   # a rank, honorific, title, byline or context says it is a person


@dataclass(eq=False)
class OfficialDraft:
    name: str
    rule: str
    start: int
    end: int
    rank: str | None = None
    honorific: str | None = None
    titles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)


# A position, with "nguyên"/"cựu"… and "phó" before it ("nguyên Phó Chủ tịch").
# A prefix is no prefix inside a word it ends ("chính quyền Tổng thống X" is the President's government).
_POSITION = r"(?:(?<!(?:{@position_prefix_not_after})\s)(?:{@position_prefixes})\s+)?(?:phó\s+)?(?:{@positions})"


@lru_cache(maxsize=1)
def _data():
    p = load_patterns()
    return {
        "family": frozenset(p.lexicon("family_names")),
        "stop_syllables": frozenset(p.lexicon("name_stop_syllables")),
        "prefix_words": frozenset(p.lexicon("name_prefix_words")),
        "family_run": p.compile(r"(?<![\p{L}\p{M}])(?:{@family_names})(?:[ ]{name_syllable}){1,3}(?![ ]?\p{Lu}|[\p{L}\p{M}])", 0),
        "places": frozenset(p.lexicon("place_names")),
        "blockers": frozenset(p.lexicon("name_blockers")),
        "place_list": p.compile(r"(?<![\p{L}\p{M}])(?:{@name_blockers})\s+\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*)*\s*(?:,|và|-)\s*$", 0),
        "recorded": {k: v for k, v in p.lexicon("recorded_honorifics").items()},
        "trigger_end": p.compile(r"(?<![\p{L}\p{M}])(?P<trigger>{person_trigger})[ ]*$", 0),
        "honorific_start": p.compile(r"(?P<h>{honorific})\s+", 0),
        "position": p.compile(rf"(?<![\p{{L}}\p{{M}}]){_POSITION}(?![\p{{L}}\p{{M}}])", regex.I),
        "position_end": p.compile(rf"(?<![\p{{L}}\p{{M}}]){_POSITION}\s*$", regex.I),
        "position_start": p.compile(r"(?:(?:{@position_prefixes}|kiêm)\s+)?(?:phó\s+)?(?:{@positions}|{@after_name_positions})"
                                    r"(?![\p{L}\p{M}])", regex.I),
        "position_lookalikes": p.compile(r"(?<![\p{L}\p{M}])(?:{@position_lookalikes})(?![\p{L}\p{M}])", 0),
        "org_start": p.compile(r"(?:(?:{@deputy_words})\s+)?(?:{@organization_heads})(?![\p{L}\p{M}])", 0),
        "list_header": p.compile(r"(?<![\p{L}\p{M}])(?:{@list_header_words})\s+(?P<title>(?:(?:{@position_prefixes})\s+)?"
                                 r"(?:phó\s+)?(?:{@positions})(?![\p{L}\p{M}])[^:;,.()\n“”\"]{0,60}?)\s*:?\s*$", regex.I),
        "header_gap": p.compile(r"(?:\s*[-–,][^;:.\n]{0,80}?)?\s*(?:[,;]|\s(?:{@joining_words})(?![\p{L}\p{M}]))\s*"
                                r"(?:(?:{@joining_words})\s+)?", 0),
        "joined_end": p.compile(r"\s(?:{@joining_words})\s*$", 0),
        "joiner": p.compile(r"\s(?:{@joining_words})\s+", 0),
        "title_breaking": p.compile(r"(?<![\p{L}\p{M}])(?:{@title_breaking_words})(?![\p{L}\p{M}])", 0),
        "end_words": p.compile(r"(?<![\p{L}\p{M}])(?:{@chain_end_words})(?![\p{L}\p{M}])", 0),
        "trigger_name": p.compile(r"(?<![\p{L}\p{M}])(?:{person_trigger})[ ]+{name_syllable}", 0),
        "not_name_pairs": frozenset(w.lower() for w in p.lexicon("positions") + p.lexicon("organization_heads")
                                    + p.lexicon("not_name_words") if " " in w),
        "abbreviations": p.table("organization_abbreviations"),
        "generic_orgs": frozenset(p.lexicon("generic_party_committees")),
        "military_units": p.compile(r"(?:{@military_units})\b", 0),
        "descriptor_before": p.compile(r"(?<![\p{L}\p{M}])(?:{@person_descriptors}|{@positions})(?:\s+(?:là|tên|tên là))?\s*$",
                                       regex.I),
        "details_after": p.compile(r"\G\s*[(,]\s*(?:\d{1,3}\s*tuổi|(?:{@person_details_after})(?![\p{L}\p{M}])|(?:19|20)\d\d\b)",
                                   regex.I),
        "verb_after": p.compile(r"\G\s*(?:(?:cũng|đã|đang|vừa|mới|liền|còn|thì|từng|sẽ)\s+)*(?:{@person_verbs})(?![\p{L}\p{M}])", 0),
        "credit_sources": frozenset(w.lower() for w in p.lexicon("credit_sources")),
        "credit_closing": p.compile(r"(?<![\p{L}\p{M}])(?:{@caption_credit_words})\s*:\s*(?:{@credit_sources})"
                                    r"(?:\s*/\s*(?:{@credit_sources}))*\s*$", 0),
        "final_blockers": frozenset(p.lexicon("name_final_blockers")),
        "person_places": frozenset(p.lexicon("person_place_names")),
        "occupation_then_name": p.compile(r"(?:{@positions})(?:\s+\p{Lu}[\p{Ll}\p{M}]*){1,4}", 0),
        "credit_endings": frozenset(p.lexicon("credit_source_endings")),
        "title_clause": p.compile(r"\s(?:{@title_clause_starts}|{@title_clause_starts_lower})(?![\p{L}\p{M}]).*$", 0),
        "title_trailing": p.compile(r"(?:\s+(?:{@title_trailing_words}))+$", 0),
        "concurrent": p.compile(r"\s+(?:{@concurrent_words})\s+", 0),
        "segment_end": p.compile(r"[;:()“”\"\n]|,(?!\s*(?:{@title_comma_joins})(?![\p{L}\p{M}]))|\.(?=\s|$)|!|\?", 0),
        "outlet_before": p.compile(r"(?<![\p{L}\p{M}])(?:{@outlet_words})\s+$", regex.I),
        "birth_or_age": p.compile(r"(?:(?:{@birth_year_words})\s*)?(?:\d{4}|\d{1,3}\s*(?:{@age_words}))", regex.I),
        # A bracketed abbreviation inside a title, and the capitalised words (a place) that go
        # on after it: "Sở Giáo dục - Đào tạo (GD-ĐT) TPHCM", "(VECOM) tại TP HCM".
        "acronym_tail": p.compile(r"\(\s*[\p{Lu}\d][\p{Lu}\d&.-]{1,14}\s*\)(?P<rest>(?:[ ](?:{@title_place_prepositions})(?=[ ]\p{Lu}))?"
                                  r"(?:[ ]\p{Lu}[\p{L}\p{M}.]*)+)?", 0),
        "age_bracket": p.compile(r"\G[ \t]*\(\s*(?:(?:{@birth_year_words})\s*)?(?:(?:19|20)\d\d|\d{1,3}\s*(?:{@age_words}))\s*\)", regex.I),
        # "ngã tư Nguyễn Khánh Toàn - Nguyễn Văn Huyên": a street in a list of streets, even
        # after a position (the administrative words are left out: "UBND huyện A, B").
        "street_list": regex.compile(r"(?<![\p{L}\p{M}])(?:" + "|".join(
            regex.escape(w) for w in sorted(set(p.lexicon("name_blockers")) - set(p.lexicon("admin_place_words")), key=len, reverse=True))
            + r")\s+\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*)*\s*(?:,|và|-)\s*$"),
        "place_segment": p.compile(r"(?:{@admin_place_words})\s*\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*){0,3}", 0),
        "end_word_holders": p.compile(r"(?<![\p{L}\p{M}])(?:{@end_word_holders})(?![\p{L}\p{M}])", 0),
        "role_taken": p.compile(r"\G(?:{@role_taking_words})\s+(?P<role>(?:{@positions})(?![\p{L}\p{M}])[^,.;:()\n]{0,40}?)"
                                r"(?=\s*(?:[,.;:()\n]|$))", regex.I),
        "admin_words": frozenset(p.lexicon("admin_place_words")),
        "determiner": p.compile(r"(?:{@title_determiners})\s+", 0),
        "photo_position": p.compile(r"\G[ \t]*\((?:{@photo_positions})\)", 0),
        "copula_title": p.compile(r"\G[ \t]+(?:{@copula_words})[ \t]+(?=(?:{@occupations}|{@positions})(?![\p{L}\p{M}]))", 0),
        "occupation_start": p.compile(r"(?:{@occupations})(?![\p{L}\p{M}])", 0),
        "profession_start": p.compile(r"(?:{@after_name_professions})(?![\p{L}\p{M}])", regex.I),
        "residence_start": p.compile(r"(?:{@residence_words})(?![\p{L}\p{M}])", 0),
        "after_name_start": p.compile(r"(?:{@after_name_positions})(?![\p{L}\p{M}])", 0),
        "comma_names": p.compile(r"(?<![\p{L}\p{M}])(?:{@comma_names})(?![\p{L}\p{M}])", 0),
        "foreign_letters": regex.compile("[" + "".join(regex.escape(c + c.upper()) for c in p.lexicon("non_vietnamese_letters")) + "]"),
        "name_comma_before": p.compile(r"(?<![\p{L}\p{M}])(?:{@family_names})(?:[ ]{name_syllable}){1,3}\s*,\s*$", 0),
        "rank_start": p.compile(r"(?:{rank}|{academic})(?:\s*,?\s*{academic})*[ ]+{name_syllable}", 0),
        "collective": p.compile(r"(?:{@collective_bodies})(?![\p{L}\p{M}])", 0),
        "rank_before": p.compile(r"(?<![\p{L}\p{M}])(?P<rank>{rank})\s*,?\s*$", 0),
        "birth_then_job": p.compile(r"\G[ \t]*\(\s*(?:(?:{@birth_year_words})\s*(?:19|20)\d\d|\d{1,3}\s*(?:{@age_words}))\s*,\s*"
                                    r"(?P<job>(?:{@occupations}|(?:(?:{@position_prefixes})\s+)?(?:{@positions}))(?![\p{L}\p{M}])[^();,]{0,80}?)"
                                    r"(?=\s*[);,]|\s+(?:{@person_details_after})(?![\p{L}\p{M}]))", 0),
        "header": p.compile(r"(?<![\p{L}\p{M}])(?:{@person_descriptors}|{@positions})(?![\p{L}\p{M}])", regex.I),
    }


_WORD = regex.compile(r"[\p{L}\p{M}]+")
# Compiled once: these run for every candidate name (a cache lookup each time otherwise).
_LAST_WORD = regex.compile(r"([\p{L}\p{M}]+)[ ]$")
_CLAUSE_MARKS = regex.compile(r"[,;:()“”\"]")
_SHORT_BRACKET = regex.compile(r"\s*\([^()]{1,20}\)")
_STANDING = regex.compile(r"^(?:Thường trực|thường trực)\s*")
_CONCURRENT_START = regex.compile(r"^kiêm\s+")
_PLACE_IN_ORG = regex.compile(r"(?:TP\.?|Thành phố|tỉnh|huyện|quận|thị xã)\s*(\p{Lu}.*)$")
_SPACES = regex.compile(r"(\s+)")
# Letters only Vietnamese writes (and its tone marks): a name without any is foreign-looking.
_VIETNAMESE = regex.compile(r"[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]")
_SYLLABLE = r"(?:\p{Lu}[\p{Lu}\p{M}]+(?![\p{Ll}])|\p{Lu}[\p{Ll}\p{M}]*)"
_BYLINE_NAME = regex.compile(rf"{_SYLLABLE}(?:[ ]{_SYLLABLE})*")
_SEP_FIRST = regex.compile(r"[ \t]*(?:,|-(?=\s|\p{Lu})|\((?=\s*(?:nguyên|cựu|Phó|phó|\p{Lu})))[ \t]*")
_ACRONYM_ORG = regex.compile(r"\p{Lu}[\p{Lu}\d&-]+(?:\s|$)")
_LOWER_NEXT = regex.compile(r"[ ]\p{Ll}")
_PART_END = regex.compile(r"[ \t]*(?:;|\n|$)")
_SEP_NEXT = regex.compile(r"[ \t]*,[ \t]*")
# A spaced dash before a lower-case word closes a title opened by a dash; one before a
# capital may sit inside a name ("Bộ Lao động - Thương binh và Xã hội").
_CLOSING_DASH = regex.compile(r"\s[-–]\s+(?=\p{Ll})")


def title_case(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())


# --- productions ------------------------------------------------------------------

def name(m, rule: Rule, art: Article):
    span = valid_name(art.text, m.start("name"), m.end("name"), allow_places=True)
    if span is None:
        return None
    start, end = span
    raw = art.text[start:end]
    full = title_case(raw) if raw.isupper() else raw
    return _full_mention(start, end, full, rule, art)


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
        if w in data["stop_syllables"] or w.title() in data["stop_syllables"] and w.isupper():
            end = start + len(" ".join(words[:i]))
            words = words[:i]
            break
    while len(words) > 2 and (words[-1] in data["final_blockers"] or data["foreign_letters"].search(words[-1])):
        end -= len(words[-1]) + 1        # "Nguyễn Hữu Thắng Không …": a sentence run on; "Dương Khắc
        words = words[:-1]               # Linh Liz": no Vietnamese syllable has f, j, w or z
    if len(words) < 2 or words[0].title() not in data["family"]:
        return None
    full = " ".join(words)
    if not allow_places and (full in data["places"] or title_case(full) in data["places"]):
        return None
    if _not_a_name(text, start, end):
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


def foreign(m, rule: Rule, art: Article):
    """A name with no Vietnamese family name, after a rank or honorific ("Tiến sĩ Lokky
    Wai"): accepted only where underthesea tags it a proper noun and it is no place."""
    raw = m.group("name")
    if raw.split()[0] in _data()["family"] or raw in _data()["places"] or _VIETNAMESE.search(raw) \
            or _inside_place(art.text, m.start("name"), raw.split()):
        return None                      # a Vietnamese-looking run here is a place or an organisation
    if _blocked(art.text, m.start("name")):
        return None
    if m.group("trigger") == "Anh" and _data()["outlet_before"].search(art.text, max(0, m.start("trigger") - 20),
                                                                     m.start("trigger")):
        return None                      # "Theo báo Anh Daily Mail": the country, then a newspaper
    if raw.lower() in _data()["credit_sources"] or raw.split()[0] in _data()["final_blockers"]:
        return None                      # "The Voice": a show
    from .wordseg import proper_noun_spans

    # Tag a short window, not the whole sentence: the tagger's cost grows with length.
    s, e = art.sentence_span(m.start("name"))
    s = max(s, art.text.rfind(" ", s, max(s, m.start("trigger") - 1)) + 1)
    e = min(e, m.end("name") + 30)
    spans = proper_noun_spans(art.text[s:e])
    if not any(a + s <= m.start("name") and m.end("name") <= b + s for a, b in spans):
        return None
    return _full_mention(m.start("name"), m.end("name"), raw, rule, art)


def short(m, rule: Rule, art: Article):
    rank, honorific = _trigger_parts(m.group("trigger"))
    if rank is None and honorific is None and m.group("trigger").lower() not in ("anh", "chị", "cụ", "em"):
        return None
    start = m.start("trigger")            # the trigger sits in a lookbehind, outside m.start()
    mention = Mention(rule.name, start, m.end(), given=m.group("given"), rank=rank, honorific=honorific,
                      mention_start=start, mention_end=m.end())
    return [mention]


def byline(m, rule: Rule, art: Article):
    return _bylines(m, rule, art, m.start("names"))


def byline_final(m, rule: Rule, art: Article):
    start = m.start("names")
    before = art.text[max(0, start - 3):start]
    left = art.text[:start].rstrip()
    if not left:
        return None
    if _data()["trigger_end"].search(art.text, max(0, start - 40), start) or _position_before(art, start):
        return None                      # "… viếng Chủ tịch Hồ Chí Minh": a person, not a byline
    if not (left[-1] in ".!?…\"”)" or "\n" in before or left[-1].islower()):
        return None
    mentions = _bylines(m, rule, art, start)
    office = m.group("bracket")
    office = office.strip() if office else ""
    # an office named in words, not an agency or an abbreviation ("(TTXVN)", "(TH)")
    if mentions and " " in office and _is_title(office) and office.lower() not in _data()["credit_sources"]:
        for mention in mentions:         # "… (Ban Tuyên giáo Tỉnh ủy)": where the author works
            mention.titles.insert(0, office)
    return mentions


def _bylines(m, rule: Rule, art: Article, start: int):
    text = art.text[start:m.end("names")]
    mentions = []
    for part in _BYLINE_NAME.finditer(text):
        words = part.group().split()
        cut = next((i for i, w in enumerate(words) if i >= 2 and w in _data()["final_blockers"]), None)
        if cut is not None:
            words = words[:cut]           # "Chu Huyền Theo Đời sống Plus": the name, then its source
        if len(words) > 2 and not _clear_end(art.text, start + part.end()):
            words = words[:2]             # "Ảnh: Khánh Huy Háo hức …": a pen name, then a heading
        elif len(words) == 2 and _LOWER_NEXT.match(art.text, start + part.end()):
            words = words[:1]             # "Ảnh: Beats Thương hiệu …": a credit, then a sentence
        if not 2 <= len(words) <= 4 or any(len(w) < 2 for w in words):
            continue
        full = " ".join(words)
        if words[0].lower() in _data()["credit_sources"] or words[0] in _data()["stop_syllables"]:
            continue                     # "Reuters Tổng …", "Bộ Quốc …": a source, an organisation
        if full in _data()["places"] or title_case(full) in _data()["places"] or _is_title_word(words) \
                or full.lower() in _data()["credit_sources"] or words[-1] in _data()["credit_endings"]:
            continue
        s = start + part.start()
        e = s + len(full)
        mentions.append(Mention(rule.name, s, e, name=title_case(full) if full.isupper() else full,
                                titles=["tác giả"], mention_start=s, mention_end=e, byline=True))
        if len(mentions) == 3:
            break
    return mentions or None


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
        titles.append(position)
    titles.extend(parse_chain(art, end, own=full))
    anchored = bool(trig or position or titles) or _context_anchor(art, start, end)
    return [Mention(rule.name, start, end, name=full, rank=rank, honorific=honorific, titles=titles,
                    mention_start=m_start, mention_end=end, anchored=anchored)]


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


def _not_a_name(text: str, start: int, end: int) -> bool:
    """"Phó Chủ tịch" is not a Mr Phó Chủ: the run ends inside a title or organisation word."""
    words = text[start:end].split()
    nxt = _WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    pairs = set()
    for a, b in zip(words, words[1:]):
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


def _trigger_parts(trigger: str) -> tuple[str | None, str | None]:
    data = _data()
    honorific = None
    rest = trigger.strip()
    m = data["honorific_start"].match(rest + " ")
    if m and rest[m.end():m.end() + 1].islower():
        m = None                         # "Anh hùng LLVT": not the honorific "anh"
    if m:
        honorific = data["recorded"].get(m.group("h").lower())
        rest = rest[m.end():].strip() if m.end() <= len(rest) else ""
    if rest.lower() in (h.lower() for h in data["recorded"]) or rest.lower() in ("anh", "chị", "cụ", "em"):
        honorific = honorific or data["recorded"].get(rest.lower())
        rest = ""
    return (rest or None), honorific


def _position_before(art: Article, pos: int, allow_comma: bool = False, opening_comma: bool = False) -> str | None:
    """A position written before the name: "Giám đốc Sở GTVT Vũ Văn Viện"; with a rank
    between, a comma may close it: "Bộ trưởng Bộ Quốc phòng, Đại tướng Phan Văn Giang"; with
    an honorific between (opening_comma), only when the position opens the sentence:
    "Cảnh sát trưởng vùng Greater Manchester, ông Ian Hopkins xác nhận"."""
    data = _data()
    s, _ = art.sentence_span(pos)
    window_start = max(s, pos - 90)
    held = [(h.start(), h.end()) for h in data["position_lookalikes"].finditer(art.text, max(0, window_start - 10), pos)]
    for m in data["position"].finditer(art.text, window_start, pos):
        if any(a <= m.start() and m.end() <= b for a, b in held):
            continue                     # "Cơ quan chức năng": no "quan chức"
        core = art.text[m.start():pos].rstrip()
        if allow_comma or opening_comma and _opens_sentence(art.text, s, m.start()):
            core = core.rstrip(",").rstrip()
        bare = _drop_parenthetical(core)
        # a name written with a comma inside is no clause mark ("Bộ Văn hóa, Thể thao & Du lịch")
        unmarked = data["comma_names"].sub(lambda n: n.group().replace(",", " "), bare)
        if _CLAUSE_MARKS.search(unmarked) or data["end_words"].search(core):
            continue
        if has_person(art.text, m.start(), m.start() + len(core)):
            continue
        if data["joined_end"].search(bare.strip()):
            continue                     # "Giám đốc Bệnh viện … và PGS.TS Lạc Thị Bích Vân": the title of the person before
        if _crosses_clause(bare, len(m.group())):
            continue                     # a later position, after the joint or the verb, is this person's
        if allow_comma and not core.endswith(",") and data["name_comma_before"].search(art.text, window_start, m.start()):
            # "TS Nguyễn Tác An, nguyên Viện trưởng Viện X PGS-TS Nguyễn Chu Hồi": the position
            # is the title of the person before it; nothing separates it from the rank after
            return None
        return _trim_title(bare) or None
    return None


def _opens_sentence(text: str, sentence_start: int, pos: int) -> bool:
    before = text[sentence_start:pos].strip(" \t\n\"“”'-–—")
    return not before or bool(_data()["credit_closing"].search(before))


def _crosses_clause(core: str, after: int) -> bool:
    """Does the text from a position to the name (the position itself ends at `after`) run
    into another clause: a person acting ("… chào đón Chủ tịch nước"), or a joint followed by
    another position ("… Mỹ và Bộ trưởng Quốc phòng Mỹ")?"""
    data = _data()
    if data["title_breaking"].search(core, after):
        return True
    return any(data["position_start"].match(core, j.end()) for j in data["joiner"].finditer(core, after))


def has_person(text: str, start: int, end: int) -> bool:
    """Does a person's name (after a trigger, or a valid family-name run) stand in text[start:end]?"""
    return first_person(text, start, end) is not None


def first_person(text: str, start: int, end: int) -> int | None:
    data = _data()
    found = [m.start() for m in data["trigger_name"].finditer(text, start, end)]
    found += [m.start() for m in data["family_run"].finditer(text, start, end)
              if valid_name(text, m.start(), m.end()) and not _named_place(text, m.start(), m.end())]
    return min(found) if found else None


def _named_place(text: str, start: int, end: int) -> bool:
    """A place or school named like a person, inside a title: "trường THCS Huỳnh Đình Túc"
    (after a school or street word, always), "xã Đoàn Xá" (after an administrative word,
    when two syllables: "UBND xã Nguyễn Văn B" is the chairman's name)."""
    if _blocked(text, start, admin=False):
        return True
    return _blocked(text, start) and len(text[start:end].split()) == 2


def _trim_title(segment: str) -> str:
    """A title without the clause glued after it or a trailing word that leads on."""
    data = _data()
    segment = segment.strip()
    # (not a name after a school or hospital word: "bệnh viện Từ Dũ")
    clause = next((c for c in data["title_clause"].finditer(segment, overlapped=True)
                   if not _blocked(segment, c.start() + 1, admin=False)), None)
    if clause:
        segment = segment[:clause.start()]
    return data["title_trailing"].sub("", segment).strip()


def _drop_parenthetical(text: str) -> str:
    return _SHORT_BRACKET.sub("", text)


def parse_chain(art: Article, pos: int, own: str | None = None) -> list[str]:
    """The title chain after a name: ", Bí thư Đảng ủy, Chính ủy Quân khu 9; …"."""
    data = _data()
    text = art.text
    _, sent_end = art.sentence_span(pos)
    titles: list[str] = []
    sep = _SEP_FIRST
    i = pos
    if text[i:i + 1] == "." and text[i - 2:i - 1] == " " and text[i - 1:i].isupper():
        i += 1                           # "Ông Nguyễn Quốc V., cán bộ …": the initial's dot
    for skip in ("photo_position", "age_bracket"):
        m = data[skip].match(text, i, sent_end)
        if m:
            i = m.end()                  # "Ông A (phải), đại diện Bộ …", "bà B (67 tuổi) - Chủ tịch Hội …"
    job = data["birth_then_job"].match(text, i, sent_end)
    if job:
        return [_trim_title(job.group("job"))]   # "(SN 1960, bảo vệ lán gỗ tư nhân ở thôn …)"
    while i < sent_end:
        m = sep.match(text, i, sent_end)
        copula = None
        if not m and sep is _SEP_FIRST:
            m = copula = data["copula_title"].match(text, i, sent_end)   # "ông Đinh Xuân Hướng là chủ trâu"
        if not m:
            break
        seg_start = m.end()
        stop = data["segment_end"].search(text, seg_start, sent_end)
        seg_end = stop.start() if stop else sent_end
        if "-" in m.group() or "–" in m.group():
            # between dashes: "ông X - Hiệu trưởng trường THCS Y - xác nhận …"
            closing = _CLOSING_DASH.search(text, seg_start, seg_end)
            if closing:
                seg_end = closing.start()
        # A person after the word that ends the title is not in it ("đại diện Bộ GD-ĐT trao
        # bằng khen cho gia đình em Trần Đức Đông").
        early, early_end = _end_word(text[seg_start:seg_end]), seg_end
        person_end = seg_start + early.start() if early else seg_end
        if data["after_name_start"].match(text, seg_start):
            # "bà A, đại diện Taxi Hoàng Gia đề xuất": what a representative stands for is a
            # firm or a body; only an honorific or a rank starts a person inside it
            found = data["trigger_name"].search(text, seg_start, person_end)
            person_at = found.start() if found else None
        else:
            person_at = first_person(text, seg_start, person_end)
        if person_at is not None and own and own in text[person_at:person_at + len(own) + 25]:
            person_at = None             # "ông A, Trưởng văn phòng Luật sư A (…)": an office named after him
        if person_at is not None:
            head = text[seg_start:person_at]
            joined = data["joined_end"].search(head)
            if joined:
                seg_end = seg_start + joined.start()
            elif data["rank_start"].match(text, person_at) and data["position_start"].match(head):
                # "A, nguyên Viện trưởng Viện X PGS-TS B": nothing parts the position from the
                # rank after it, and the comma before it ties it to A (see _position_before)
                seg_end = person_at
            else:
                break                    # the segment is the next person's ("…, Chủ tịch UBND Nguyễn Văn B")
        tail = data["acronym_tail"].match(text, seg_end, sent_end) if stop and text[seg_end] == "(" else None
        if tail and tail.group("rest"):
            seg_end, stop = tail.end(), None   # "Sở Giáo dục - Đào tạo (GD-ĐT) TPHCM", "(VECOM) tại TP HCM"

        segment = text[seg_start:seg_end]
        # (read once where the segment kept the end it had when `early` was read)
        cut = early if seg_end == early_end else _end_word(segment)
        ended = False
        role = None
        if cut:
            segment, ended = segment[:cut.start()], True
            # "do ông X, Chủ tịch Tiểu ban Y, Ủy ban Quân vụ làm trưởng Đoàn": the role taken
            role = data["role_taken"].match(text, seg_start + cut.start(), sent_end)
        segment = _trim_title(segment)
        determiner = data["determiner"].match(segment)
        if determiner and _is_title(segment[determiner.end():]):
            segment = segment[determiner.end():]   # "…, một quan chức cấp cao trong chính phủ Iran"
        if titles and data["collective"].match(segment):
            break                        # "ông A - Thương vụ …, Ban Giám đốc GVIP cùng …": the next attendee, a body
        if segment.lower() in data["credit_sources"]:
            break                        # "Nguyễn Văn Nhật (TTXVN)": a credit, not a title
        if segment[:1].islower() and data["occupation_then_name"].fullmatch(segment):
            break                        # "nhạc sĩ Phạm Tuyên, nhà thơ Hữu Thỉnh": the next person
        if titles and not ended and data["place_segment"].fullmatch(segment):
            i, sep = seg_end, _SEP_NEXT  # "Phó chủ tịch UBND quận Đồ Sơn, TP.Hải Phòng, Trưởng Ban …": the
            continue                     # place of the office before; the chain goes on
        if not titles and not ended and not copula and data["birth_or_age"].fullmatch(segment):
            i, sep = seg_end, _SEP_NEXT  # "Lê Xuân G., SN 1971, Chủ tịch HĐQT …": the birth year, then the
            continue                     # titles
        if data["residence_start"].match(segment):
            break
        if not (_is_title(segment) or copula and data["occupation_start"].match(segment)
                or not titles and data["profession_start"].match(segment)):
            break
        titles.append(segment)
        ended = ended or copula is not None    # "là chủ trâu, BTC đã …": the clause goes on
        if role:
            taken = role.group("role")
            end = _end_word(taken[1:])          # (the role's own first word may be one)
            taken = _trim_title(taken[:end.start() + 1] if end else taken)
            if taken:
                titles.append(taken)
        if ended:
            break
        i = seg_end
        sep = _SEP_NEXT
    return titles




def _end_word(segment: str):
    """The first word that ends a title ("cho biết", "tổ chức"), but one inside a name that
    holds it ("Trưởng Ban tổ chức Lễ hội …")."""
    data = _data()
    held = [(m.start(), m.end()) for m in data["end_word_holders"].finditer(segment)]
    return next((m for m in data["end_words"].finditer(segment)
                 if not any(s <= m.start() and m.end() <= e for s, e in held)), None)


def _is_title(segment: str) -> bool:
    data = _data()
    if not segment or len(segment) > 120:
        return False
    if data["birth_or_age"].fullmatch(segment):
        return False                     # "SN 1971": a birth year, not a title
    if segment in data["places"]:
        return False
    if data["position_start"].match(segment):
        return True
    return bool(data["org_start"].match(segment) or _ACRONYM_ORG.match(segment))


# --- merging ----------------------------------------------------------------------

def merge(art: Article, mentions: list[Mention]) -> list[OfficialDraft]:
    """One official per name, in order of first mention; short mentions attach to the
    latest earlier person whose name ends with the given name."""
    by_name: dict[str, OfficialDraft] = {}
    order: list[OfficialDraft] = []
    mentions = sorted(mentions, key=lambda x: x.start)
    _anchor_lists(art, mentions)
    _header_titles(art, mentions)
    _shared_positions(art, mentions)
    for mention in mentions:
        if mention.name is None:
            person = _resolve_short(mention, order)
            if person is None:
                continue
        else:
            key = mention.name.lower()
            person = by_name.get(key) or _longer_name(key, order)
            if person is None:
                person = OfficialDraft(mention.name, mention.rule, mention.start, mention.end)
                by_name[key] = person
                order.append(person)
        mention.official = person
        if mention.name is not None:     # a short mention ("ông Hậu") adds its span, not its honorific
            person.rank = person.rank or mention.rank
            person.honorific = person.honorific or mention.honorific
        for title in mention.titles:
            if title.lower() not in (t.lower() for t in person.titles):
                person.titles.append(title)
        # "nhà lãnh đạo nhà lãnh đạo Triều Tiên": a press typo that doubles the words of a
        # title the person already has is that title.
        person.titles = [t for t in person.titles if _undoubled(t) == t or _undoubled(t) not in person.titles]
        person.mentions.append((mention.mention_start, mention.mention_end))
    # A name no mention anchors is no person: a street ("các tuyến đường như: Hoàng Hoa Thám,
    # …"), a place, a brand. Its mentions are dropped with it.
    anchored = {id(m.official) for m in mentions if m.official is not None and m.anchored}
    for mention in mentions:
        if mention.official is not None and id(mention.official) not in anchored:
            mention.official = None
    order = [p for p in order if id(p) in anchored]
    for person in order:
        # Titles as each mention writes them: "Bộ trưởng" and "Bộ trưởng Bộ GD-ĐT" are both kept
        # (the gold's convention); "A kiêm B" is two titles.
        person.titles = _split_concurrent(person.titles)
        if "tác giả" in person.titles and len(person.titles) > 1:
            person.titles = [t for t in person.titles if t != "tác giả"] + ["tác giả"]
        person.organizations = organizations(person.titles)
    return order


_LIST_GAP = regex.compile(r"\s*(?:\([^()]{0,60}\))?\s*(?:,|và|;|cùng với|cùng|\()\s*(?:và\s+)?")


def _anchor_lists(art: Article, mentions: list[Mention]) -> None:
    """Names listed together share an anchor: "Đặng Đức Cư (33 tuổi), Nguyễn Thị Vui, …".
    A list is a run of neighbours; one pass each way carries an anchor along all of it."""
    joined = [bool(_LIST_GAP.fullmatch(art.text, a.end, b.mention_start)) for a, b in zip(mentions, mentions[1:])]
    for i in list(range(len(joined))) + list(reversed(range(len(joined)))):
        if joined[i] and (mentions[i].anchored or mentions[i + 1].anchored):
            mentions[i].anchored = mentions[i + 1].anchored = True


def _shared_positions(art: Article, mentions: list[Mention]) -> None:
    """"…; nguyên Chủ tịch Quốc hội Nguyễn Văn An, Nguyễn Sinh Hùng; …": in a list of people
    parted by semicolons, bare names after a comma share the position written before the
    first name of their part."""
    text = art.text
    i = 0
    while i < len(mentions) - 1:
        first = mentions[i]
        position = first.titles[0] if first.titles and first.rank is None and first.honorific is None else None
        before = text[max(0, first.mention_start - len(position or "") - 10):first.mention_start]
        if not position or not before.rstrip().endswith(position):   # (a window: no copy of the text)
            i += 1
            continue
        run, j = [], i + 1
        while j < len(mentions) and _SEP_NEXT.fullmatch(text, mentions[j - 1].end, mentions[j].mention_start) \
                and mentions[j].name and not (mentions[j].titles or mentions[j].rank or mentions[j].honorific):
            run.append(mentions[j])
            j += 1
        if run and _PART_END.match(text, run[-1].end):
            for m in run:
                m.titles = [position]
                m.anchored = True
        i = j if run else i + 1


def _header_titles(art: Article, mentions: list[Mention]) -> None:
    """A position heading a list is the title of everyone in it: "các đồng chí Phó Bí thư
    Tỉnh ủy: Nguyễn Xuân Đường – Chủ tịch UBND tỉnh; Lê Quang Huy, Nguyễn Văn Thông"."""
    data = _data()
    i = 0
    while i < len(mentions):
        first = mentions[i]
        s, _ = art.sentence_span(first.mention_start)
        header = data["list_header"].search(art.text, max(s, first.mention_start - 90), first.mention_start)
        if first.name is None or not header:
            i += 1
            continue
        title = _trim_title(header.group("title"))
        if not _clean_header(title):
            i += 1
            continue
        j = i
        while True:
            member = mentions[j]
            if title.lower() not in (t.lower() for t in member.titles):
                member.titles.insert(0, title)
            member.anchored = True
            if j + 1 >= len(mentions) or mentions[j + 1].name is None or not data["header_gap"].fullmatch(
                    art.text, member.end, mentions[j + 1].mention_start):
                break
            j += 1
        i = j + 1


def _clean_header(title: str) -> bool:
    """A heading position names an office ("Phó Chánh văn phòng Trung ương Đảng"), not a
    clause: no person acting after it ("các chuyên gia pháp lý cho biết"), no second
    position ("các nghị sỹ Hoa Kỳ đánh giá cao chuyến thăm của Thủ tướng")."""
    data = _data()
    position = data["position_start"].match(title)
    if not position or _crosses_clause(title, position.end()):
        return False
    return not data["position"].search(title, position.end())


def _undoubled(title: str) -> str:
    words = title.split()
    for k in range(1, min(4, len(words) // 2) + 1):
        if words[:k] == words[k:2 * k]:
            return " ".join(words[k:])
    return title


def _split_concurrent(titles: list[str]) -> list[str]:
    out: list[str] = []
    for t in titles:
        for part in _data()["concurrent"].split(t):
            part = part.strip()
            if part and part.lower() not in (o.lower() for o in out):
                out.append(part)
    return out


def _longer_name(key: str, people: list[OfficialDraft]) -> OfficialDraft | None:
    """"PGS.TS Chu Hồi" after "PGS.TS Nguyễn Chu Hồi": the same person, named without the family name."""
    if len(key.split()) != 2:
        return None
    return next((p for p in people if p.name.lower().endswith(" " + key) and len(p.name.split()) > 2), None)


def _resolve_short(mention: Mention, people: list[OfficialDraft]) -> OfficialDraft | None:
    for person in reversed(people):
        if person.start < mention.start and person.name.split()[-1] == mention.given and "tác giả" not in person.titles:
            return person
    return None


# --- organisations ----------------------------------------------------------------

def organizations(titles: list[str]) -> list[str]:
    """The organisations named in the titles, abbreviations expanded, with a bare party
    committee completed from the next title ("Bí thư Đảng ủy, Chính ủy Quân khu 9")."""
    data = _data()
    raw = []
    for title in titles:
        if title == "tác giả":
            continue
        org = _strip_position(title)
        if org:
            raw.append(org)
    orgs = []
    for i, org in enumerate(raw):
        if org in data["generic_orgs"] and i + 1 < len(raw):
            owner = _owner(raw[i + 1])
            if owner:
                org = f"{org} {owner}"
        expanded = expand(org)
        if expanded not in orgs:
            orgs.append(expanded)
    return orgs


def _strip_position(title: str) -> str | None:
    data = _data()
    rest = title
    while True:
        m = data["position_start"].match(rest)
        if not m:
            break
        rest = rest[m.end():].lstrip()
        rest = _STANDING.sub("", rest)
        rest = _CONCURRENT_START.sub("", rest)
    if not rest or not data["org_start"].match(rest):
        return None
    return rest.strip()


def _owner(org: str) -> str | None:
    data = _data()
    if data["military_units"].match(org):
        return org
    m = _PLACE_IN_ORG.search(org)
    return m.group(1).strip() if m else None


def expand(org: str) -> str:
    table = _data()["abbreviations"]
    out = []
    for token in _SPACES.split(org):
        if token.startswith("TP.") and len(token) > 3:
            out.append(table["TP"] + " " + token[3:])
            continue
        out.append(table.get(token, token))
    return "".join(out)


PRODUCTIONS = {
    "official.name": name,
    "official.foreign": foreign,
    "official.short": short,
    "official.byline": byline,
    "official.byline_final": byline_final,
}
