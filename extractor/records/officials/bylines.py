"""Bylines: the author's name at the head or foot of an article ("NGUYỄN VĂN A", "Bài và
ảnh: …"), never a photo credit."""
from __future__ import annotations

from ...text.inputs import is_syllable
from ...patterns import Rule
from ..article import Article
from .names import _clear_end, _is_title_word
from .titles import _is_title, _position_before
from .words import Mention, _BYLINE_NAME, _LOWER_NEXT, _data, title_case


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
            words = words[:cut]           # "Chu Huyền Theo Đời sống Plus", "Ảnh: Đắc Văn Trước đó": the name, then
        elif len(words) > 2 and not _clear_end(art.text, start + part.end()):   # its source, or a new sentence
            # "Ảnh: Khánh Huy Háo hức …": a pen name, then a heading; "Ảnh: Lê Đức Hoảnh Tính đến …": a
            # full name (a family name and two syllables), then the next sentence
            # (an ALL CAPS run stops where the capitals do: three capitalised words are the name)
            full_name = (len(words) > 3 or all(w.isupper() for w in words)) and words[0].title() in _data()["family"] \
                and words[2].title() not in _data()["stop_syllables"] \
                and " ".join(words[:2]) not in _data()["places"]
            words = words[:3] if full_name else words[:2]
        elif len(words) == 2 and _LOWER_NEXT.match(art.text, start + part.end()):
            words = words[:1]             # "Ảnh: Beats Thương hiệu …": a credit, then a sentence
        if not 2 <= len(words) <= 4 or any(len(w) < 2 for w in words):
            continue
        full = " ".join(words)
        if words[0].lower() in _data()["credit_sources"] or words[0] in _data()["stop_syllables"] \
                or words[0] in _data()["final_blockers"]:
            continue                     # "Reuters Tổng …", "Bộ Quốc …": a source, an organisation
        if 2 * sum(map(is_syllable, words)) < len(words):
            continue                     # "Ảnh: Daily Mail": an author's name is mostly Vietnamese syllables ("Jerry Võ")
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
