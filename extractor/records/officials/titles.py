"""Titles and chains: the position written before a name, and the comma-separated title
chain after it, verbatim, up to the word that ends the apposition ("phát biểu", "cho
biết", ";", a new person)."""
from __future__ import annotations

import regex

from ...text.segment import opening_text
from ..article import Article
from .people import _blocked, first_person, has_person, triggered_names
from .words import _ACRONYM_ORG, _CLAUSE_MARKS, _CLOSING_DASH, _SEP_FIRST, _SEP_NEXT, _SHORT_BRACKET, _data


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
    if rest and rest[:1].islower() and data["rank_only"].fullmatch(rest):
        rest = rest[:1].upper() + rest[1:]   # "đại tá" mid-sentence is the rank "Đại tá"
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
        if data["kin_before"].search(art.text, max(s, m.start() - 15), m.start()) \
                and _SPACED_DASH.search(art.text, m.start(), pos):
            continue                     # "vợ diễn viên Bẫy rồng - người mẫu Kim Tiên": her husband's position
        if allow_comma or opening_comma and (_opens_sentence(art.text, s, m.start()) or _opens_clause(art.text, s, m.start())):
            core = core.rstrip(",").rstrip()
        bare = _drop_parenthetical(core)
        # a name written with a comma inside is no clause mark ("Bộ Văn hóa, Thể thao & Du lịch")
        unmarked = data["comma_names"].sub(lambda n: n.group().replace(",", " "), bare)
        if _CLAUSE_MARKS.search(unmarked) or _end_word(core):
            continue
        if has_person(art.text, m.start(), m.start() + len(core)):
            continue
        if data["genitive_inside"].search(core, len(m.group())) \
                and data["name_comma_before"].search(art.text, window_start, m.start()):
            continue                     # "ông A, trợ lý cấp cao của Thủ tướng Anh Theresa May": the first
                                         # position is A's, hers is "Thủ tướng Anh"
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


def stacked_before(art: Article, at: int) -> list[str]:
    """Positions written before the position before a name, each closed by a comma:
    "Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao Phạm Bình Minh" (the position at `at` is the
    last). Taken only where the first opens its clause: after a comma or a name it is a list
    of people, or the title of the person before."""
    data = _data()
    text = art.text
    s, _ = art.sentence_span(at)
    found: list[str] = []
    while text[max(s, at - 2):at] == ", ":
        comma = at - 2
        earlier = next((m for m in data["position"].finditer(text, max(s, comma - 70), comma)
                        if not _CLAUSE_MARKS.search(text, m.start(), comma)), None)
        if earlier is None:
            break
        segment = text[earlier.start():comma]
        before = text[s:earlier.start()].rstrip()
        # it opens the sentence or a clause after a comma ("Sáng nay, Ủy viên Bộ Chính trị, …"), not
        # "lời mời của Tổng thống Belarus A, Chủ tịch nước B": another person's, after "của"
        opens = not before or before.endswith(",") and not has_person(text, max(s, earlier.start() - 100), earlier.start())
        if not opens or _end_word(segment) or first_person(text, earlier.start(), comma, foreign=True) is not None \
                or data["joiner"].search(segment) or "  " in segment or len(segment) > 80:
            break                        # "Chủ tịch nước Trung Quốc Tập Cận Bình và Phu nhân, …": two people
        found.insert(0, _trim_title(segment))
        at = earlier.start()
    return [t for t in found if t]


_SPACED_DASH = regex.compile(r"\s[-–]\s")


def _opens_sentence(text: str, sentence_start: int, pos: int) -> bool:
    """Opens its sentence, or follows a photo credit that ends the sentence before it."""
    before = opening_text(text, sentence_start, pos)
    return not before or bool(_data()["credit_closing"].search(before))


def _opens_clause(text: str, sentence_start: int, pos: int) -> bool:
    """Opens a clause after a comma with no person before it: "Trong khi đó, Đại sứ Trung Quốc
    tại Manila, ông Triệu Giám Hoa …" (not "ông A, Giám đốc Sở, ông B": a list of people)."""
    before = text[sentence_start:pos].rstrip()
    return before.endswith(",") and first_person(text, max(sentence_start, pos - 120), pos, foreign=True) is None


def _crosses_clause(core: str, after: int) -> bool:
    """Does the text from a position to the name (the position itself ends at `after`) run
    into another clause: a person acting ("… chào đón Chủ tịch nước"), or a joint followed by
    another position ("… Mỹ và Bộ trưởng Quốc phòng Mỹ")?"""
    data = _data()
    if data["title_breaking"].search(core, after):
        return True
    return any(data["position_start"].match(core, j.end()) for j in data["joiner"].finditer(core, after))


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
        bracketed = None
        if not m and sep is _SEP_FIRST:
            m = copula = data["copula_title"].match(text, i, sent_end)   # "ông Đinh Xuân Hướng là chủ trâu"
        if not m and sep is _SEP_FIRST:
            # "Lê Lâm Hưng (kỹ sư điện)", "em A (học sinh trường THPT Việt Đức)": a job in brackets
            m = bracketed = data["bracket_job"].match(text, i, sent_end)
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
            found = next(triggered_names(text, seg_start, person_end), None)
            person_at = found.start() if found else None
        else:
            person_at = first_person(text, seg_start, person_end, foreign=True)
        if person_at is not None and data["genitive_before"].search(text, seg_start, person_at):
            person_at = None             # "ông A, trợ lý của Thủ tướng Anh Theresa May": the title names her
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
        if cut and copula:
            break                        # "A là cầu thủ thể hiện rõ nhất": a predicate, not an apposition
        if cut and not titles and "," in m.group() and not data["position_start"].match(segment) and not data["profession_start"].match(segment) \
                and not data["deputy_start"].match(segment) and not data["role_taken"].match(text, seg_start + cut.start(), sent_end) \
                and not data["speech_verb"].match(segment, cut.start()) \
                and _is_title(segment[:cut.start()].strip()) and _trim_title(segment[:cut.start()]) == segment[:cut.start()].strip():
            break                        # "Theo ông A, Công ty X thừa nhận …", "Thủ tướng B, Chính phủ đã họp":
                                         # a body right before a verb is the next clause's subject
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
        if not (_is_title(segment) or (copula or bracketed) and data["occupation_start"].match(segment)
                or not titles and data["profession_start"].match(segment)):
            break
        titles.append(segment)
        ended = ended or copula is not None or bracketed is not None   # "là chủ trâu, BTC đã …": the clause goes on
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
