"""Merging: the mentions of one name become one person; lists share a position ("các đồng
chí A, B và C, Phó Chủ tịch"); a header's titles reach the names under it; short
mentions attach to the person they name."""
from __future__ import annotations

from ..article import Article
from .organisations import organizations
from .titles import _crosses_clause, _trim_title
from .words import Mention, OfficialDraft, _PART_END, _SEP_NEXT, _data

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

def _anchor_lists(art: Article, mentions: list[Mention]) -> None:
    """Names listed together share an anchor: "Đặng Đức Cư (33 tuổi), Nguyễn Thị Vui, …".
    A list is a run of neighbours; one pass each way carries an anchor along all of it."""
    joined = [bool(_data()["list_gap"].fullmatch(art.text, a.end, b.mention_start)) for a, b in zip(mentions, mentions[1:])]
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
        header = data["list_header"].search(art.text, max(s, first.mention_start - 90), first.mention_start) \
            or data["count_header"].search(art.text, max(s, first.mention_start - 40), first.mention_start)
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
