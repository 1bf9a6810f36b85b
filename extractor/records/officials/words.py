"""The data officials read (patterns/vi/officials.yaml, names.yaml), compiled once, and the
records they make: a Mention (one place a person is named) and an OfficialDraft (a person,
with every mention merged)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ...patterns import load_patterns


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
        # "ông A, bà B và ông C": what may stand between two people of one list
        "list_gap": p.compile(r"\s*(?:\([^()]{0,60}\))?\s*(?:,|;|\(|{@list_join_words})\s*(?:(?:{@list_and_words})\s+)?", 0),
        "place_in_org": p.compile(r"(?:{@place_in_org_words})\s*(\p{Lu}.*)$", 0),
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
        "count_header": p.compile(r"(?<![\p{L}\p{M}])(?:{@count_header_words})\s+(?P<title>(?:{@positions})(?![\p{L}\p{M}]))\s*$", regex.I),
        "header_gap": p.compile(r"(?:\s*[-–,][^;:.\n]{0,80}?)?\s*(?:[,;]|\s(?:{@joining_words})(?![\p{L}\p{M}]))\s*"
                                r"(?:(?:{@joining_words})\s+)?", 0),
        "joined_end": p.compile(r"\s(?:{@joining_words})\s*$", 0),
        "joiner": p.compile(r"\s(?:{@joining_words})\s+", 0),
        "title_breaking": p.compile(r"(?<![\p{L}\p{M}])(?:{@title_breaking_words})(?![\p{L}\p{M}])", 0),
        "end_words": p.compile(r"(?<![\p{L}\p{M}])(?:{@chain_end_words})(?![\p{L}\p{M}])", 0),
        # (a whole syllable: "Luật sư TP.HCM" names no Mr T)
        "trigger_name": p.compile(r"(?<![\p{L}\p{M}])(?:{person_trigger})[ ]+(?:{caps_syllable}|{name_syllable})(?![\p{L}\p{M}.])", 0),
        # An organisation's head word right before a title: "Đoàn Luật sư", "Hội Nhà báo" name a body.
        "org_head_end": p.compile(r"(?<![\p{L}\p{M}])(?:{@organization_heads})[ ]+$", 0),
        "academic_start": p.compile(r"{academic}", 0),
        "not_name_pairs": frozenset(w.lower() for w in p.lexicon("positions") + p.lexicon("organization_heads")
                                    + p.lexicon("not_name_words") + p.lexicon("academic_titles")
                                    + p.lexicon("person_descriptors") if " " in w),
        "abbreviations": p.table("organization_abbreviations"),
        "generic_orgs": frozenset(p.lexicon("generic_party_committees")),
        "military_units": p.compile(r"(?:{@military_units})\b", 0),
        "descriptor_before": p.compile(r"(?<![\p{L}\p{M}])(?:{@person_descriptors}|{@positions})(?:\s+(?:là|tên|tên là))?\s*$",
                                       regex.I),
        "details_after": p.compile(r"\G\s*[(,]\s*(?:{age_phrase}|(?:{@person_details_after})(?![\p{L}\p{M}])|{year4}\b)",
                                   regex.I),
        "verb_after": p.compile(r"\G\s*(?:(?:cũng|đã|đang|vừa|mới|liền|còn|thì|từng|sẽ)\s+)*(?:{@person_verbs}|{@person_only_verbs})(?![\p{L}\p{M}])", 0),
        "credit_sources": frozenset(w.lower() for w in p.lexicon("credit_sources")),
        "credit_closing": p.compile(r"(?<![\p{L}\p{M}])(?:{@caption_credit_words})\s*:\s*(?:{@credit_sources})"
                                    r"(?:\s*/\s*(?:{@credit_sources}))*\s*$", 0),
        "final_blockers": frozenset(p.lexicon("name_final_blockers")),
        "person_places": frozenset(p.lexicon("person_place_names")),
        "club_words": frozenset(p.lexicon("club_words")),
        # A place opening a foreign-looking run after a position: "Đức Angela Merkel"
        "place_lead": p.compile(r"(?:{@place_names})[ ]+(?=\p{Lu})", 0),
        "foreign_org_words": frozenset(p.lexicon("foreign_org_words")),
        # "trợ lý cấp cao của Thủ tướng Anh Theresa May": a person inside a title, after "của" and a position
        "honorific_countries": frozenset(p.lexicon("honorific_countries")),
        "genitive_inside": p.compile(r"(?<![\p{L}\p{M}])của\s+(?:(?:{@position_prefixes})\s+)?(?:{@positions})(?![\p{L}\p{M}])", 0),
        "genitive_before": p.compile(r"(?<![\p{L}\p{M}])của\s+(?:{@positions})(?:[ ][\p{L}\p{M}]+){0,3}[ ]*$", 0),
        "occupation_then_name": p.compile(r"(?:{@positions})(?:\s+\p{Lu}[\p{Ll}\p{M}]*){1,4}", 0),
        "credit_endings": frozenset(p.lexicon("credit_source_endings")),
        "title_clause": p.compile(r"\s(?:{@title_clause_starts}|{@title_clause_starts_lower})(?![\p{L}\p{M}]).*$", 0),
        "title_trailing": p.compile(r"(?:\s+(?:{@title_trailing_words}))+$", 0),
        "concurrent": p.compile(r"\s+(?:{@concurrent_words})\s+", 0),
        # (the dot of "TP. Hà Nội" ends no title)
        "segment_end": p.compile(r"[;:()“”\"\n]|,(?!\s*(?:{@title_comma_joins})(?![\p{L}\p{M}]))"
                                 r"|(?<!(?<![\p{L}\p{M}])(?:{@dotted_abbreviations}))\.(?=\s|$)|!|\?", 0),
        "outlet_before": p.compile(r"(?<![\p{L}\p{M}])(?:{@outlet_words})\s+$", regex.I),
        "birth_or_age": p.compile(r"(?:(?:{@birth_year_words})\s*)?(?:\d{4}|{age_phrase})", regex.I),
        # A bracketed abbreviation inside a title, and the capitalised words (a place) that go
        # on after it: "Sở Giáo dục - Đào tạo (GD-ĐT) TPHCM", "(VECOM) tại TP HCM".
        "acronym_tail": p.compile(r"\(\s*[\p{Lu}\d][\p{Lu}\d&.-]{1,14}\s*\)(?P<rest>(?:[ ](?:{@title_place_prepositions})(?=[ ]\p{Lu}))?"
                                  r"(?:[ ](?:{@admin_place_words}))?(?:[ ]\p{Lu}[\p{L}\p{M}.]*)+)?", 0),
        "age_bracket": p.compile(r"\G[ \t]*\(\s*(?:(?:{@birth_year_words})\s*)?(?:{year4}|{age_phrase})\s*\)", regex.I),
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
        "rank_only": p.compile(r"{rank}", 0),
        "kin_before": p.compile(r"(?<![\p{L}\p{M}])(?:{@kin_words})\s+$", 0),
        "speech_verb": p.compile(r"(?:{@speech_verbs})(?![\p{L}\p{M}])", 0),
        "deputy_start": p.compile(r"(?:{@deputy_words})(?![\p{L}\p{M}])", 0),
        "rank_before": p.compile(r"(?<![\p{L}\p{M}])(?P<rank>{rank})\s*,?\s*$", 0),
        "birth_then_job": p.compile(r"\G[ \t]*\(\s*(?:(?:{@birth_year_words})\s*{year4}|{age_phrase})\s*,\s*"
                                    r"(?P<job>(?:{@occupations}|(?:(?:{@position_prefixes})\s+)?(?:{@positions}))(?![\p{L}\p{M}])[^();,]{0,80}?)"
                                    r"(?=\s*[);,]|\s+(?:{@person_details_after})(?![\p{L}\p{M}]))", 0),
        # A family name written as its initial, glued to the name: "H.Văn Thành" (after a word for
        # a person only: "Q.Hà Đông", "H.Văn Bàn" are a district written short).
        "initial_before": regex.compile(r"(?<=[ ])\p{Lu}\.$"),
        "bracket_job": p.compile(r"[ \t]*\([ \t]*(?=(?:{@occupations}|{@positions})(?![\p{L}\p{M}]))", 0),
        # A firm's word and its legal form (TNHH, TM và DV, tư nhân) right before a personal name.
        "firm_before": p.compile(r"(?<![\p{L}\p{M}])(?:{@firm_words})(?:[ ]+(?:\p{Lu}[\p{Lu}\d&.-]+|{@firm_forms}|&)){0,6}"
                                 r"(?<![ ](?:{@joining_words}))[ ]+$", 0),
        "name_continuation": p.compile(r"[ ]+(?:{@name_continuations})(?![\p{L}\p{M}\d])", 0),
        # After a name's last syllable, what closes it: a comma, a bracket, a full stop, the end.
        "name_closed": regex.compile(r"\s*(?:[,;:()]|\.(?:\s|$)|$)|\s+[-–]\s"),
        "header": p.compile(r"(?<![\p{L}\p{M}])(?:{@person_descriptors}|{@positions})(?![\p{L}\p{M}])", regex.I),
    }


_WORD = regex.compile(r"[\p{L}\p{M}]+")


# Compiled once: these run for every candidate name (a cache lookup each time otherwise).
_LAST_WORD = regex.compile(r"([\p{L}\p{M}]+)[ ]$")


_CLAUSE_MARKS = regex.compile(r"[,;:()“”\"]")


_SHORT_BRACKET = regex.compile(r"\s*\([^()]{1,20}\)")


_STANDING = regex.compile(r"^(?:Thường trực|thường trực)\s*")


_CONCURRENT_START = regex.compile(r"^kiêm\s+")




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
