"""Shares and ratios: ratio ("1.359/1.417 = 95,91%"), part_of_total (a part, its share
and a total stated in the sentence or the article), complementary_shares (shares that make
up the whole), by_category (a breakdown by category against its whole)."""
from __future__ import annotations

from decimal import Decimal

import regex

from ..records.article import Article, FigureDraft
from .base import CheckDraft, both, interval, is_share, judge, number_text, same_family, written
from .interval import Interval
from .reading import HUNDRED, _Fake, _before, _cues, _descriptor_words, _earlier, _in_parentheses, _sentence_figures, _share
from .sums import sum_check

_CLOSING_BRACKET = regex.compile(r"\s*\)")
_SEMICOLON = regex.compile(";")
_WORD_LETTERS = regex.compile(r"[\p{L}\p{M}]+")


def ratio(art: Article) -> list[CheckDraft]:
    """A ratio with a stated percent: a/b × 100 against the percent, numerator and
    denominator taken as exact counts."""
    out = []
    for f in art.figures:
        if f.kind != "ratio" or f.value is None or not f.denominator:
            continue
        point = f.numerator / f.denominator * HUNDRED
        what = f"{number_text(f.numerator)}/{number_text(f.denominator)}"
        what_vi = f"{number_text(f.numerator, True)}/{number_text(f.denominator, True)}"
        out.append(judge("ratio", [f], f, point, Interval.point(point), what, what_vi, art, "%"))
    return out


def part_of_total(art: Article) -> list[CheckDraft]:
    """A share ("chiếm 71,4% tổng nợ đóng", "đạt tỷ lệ 16%") of a part stated just before
    it, against a total the text states: in the sentence after "tổng số", as the whole a
    "Trong đó" clause breaks down, as the denominator of "x/97 xã" for "tổng số xã", or as
    an earlier figure the share names ("99% số người tham gia BHXH"). Where several totals
    are possible, the share is consistent if one of them fits."""
    out = []
    for p in art.figures:
        if not is_share(p) or p.value is None or p.value > HUNDRED:
            continue
        part = _part_for(art, p)
        if part is None:
            continue
        totals = [t for t in _totals_for(art, p, part) if t.value and t.value > 0 and t is not part]
        # A share inside a breakdown ("… (trong đó: … khối địa phương là 18.705.823 triệu đồng,
        # chiếm 33,2%)") is of the whole that breakdown breaks down, unless the sentence
        # names its total ("trên tổng số …").
        whole = _breakdown_whole(art, part)
        named_here = any(t.sentence == p.sentence and _cues()["total_before"].search(_before(art, t, 30)) for t in totals)
        names_base = bool(_cues()["share_base"].match(art.text, p.end))
        if whole is not None and same_family(whole, part) and whole is not part and not named_here and not names_base:
            totals = [whole]
        if not totals:
            continue
        verdicts = [_share("part_of_total", [part, p, t], part, t, p, art) for t in totals]
        chosen = next((v for v in verdicts if v.status == "consistent"), None) or verdicts[0]
        chosen.extra.update(candidates=len(totals), named_base=_named_noun(art, p))
        chosen.evidence = {"link": "share", "cue": _before(art, p, 25).split()[-1] if _before(art, p, 25).split() else None}
        out.append(chosen)
    return out


def _part_for(art: Article, p: FigureDraft) -> FigureDraft | None:
    left = _before(art, p, 60)
    cues = _cues()
    if not (cues["share_verb"].search(left) or left.rstrip().endswith("(") or cues["share_paren"].search(left)):
        return None
    noun = _named_noun(art, p)
    candidates = [g for g in _sentence_figures(art, p)
                  if g.end <= p.start and g.kind in ("count", "money") and g.value is not None]
    if noun:                              # "chiếm 8% về tổng số vụ": the part counted in "vụ"
        named = [g for g in candidates if (noun == "tiền" and g.kind == "money")
                 or (g.unit and g.unit.split()[0].lower() == noun)]
        candidates = named or candidates
    named_total = False
    for g in reversed(candidates):
        if cues["total_before"].search(_before(art, g, 30)):
            named_total = True
            continue                      # "trên tổng số 10.480 thí sinh" is the total, not the part
        between = art.text[g.end:p.start]
        # "2.000 đó là số cơ sở vi phạm … trong tổng số 21.364 cơ sở … (chiếm 9%)": a part,
        # its total, then the share may run longer
        if len(between) > (200 if named_total else 120) or "%" in between and not cues["share_paren"].search(art.text[g.end:p.start]):
            return None
        return g
    return None


def _named_noun(art: Article, p: FigureDraft) -> str | None:
    m = _cues()["named_noun"].match(art.text[p.end:p.end + 30])
    return m.group(1).lower() if m else None


def _totals_for(art: Article, p: FigureDraft, part: FigureDraft) -> list[FigureDraft]:
    """Every total the text offers for a share, most likely first."""
    cues = _cues()
    found: list[FigureDraft] = []

    def add(items):
        for g in items:
            if g is not part and g not in found and g.value is not None and g.value > 0:
                found.append(g)

    add(g for g in _sentence_figures(art, p) if g is not part and g.kind == part.kind
        and same_family(g, part) and cues["total_before"].search(_before(art, g, 30)))
    after = art.text[p.end:p.end + 50]
    # The whole a "Trong đó" clause breaks down, when the share names it: "chiếm 11,67%
    # tổng số vi phạm" of "186.420 trường hợp vi phạm".
    whole = _breakdown_whole(art, part)
    total_phrase = cues["total_phrase"].match(after)
    if whole is not None and same_family(whole, part) and total_phrase \
            and total_phrase.group(1) in art.text[whole.end - len(whole.unit or ""):whole.end + 30]:
        add([whole])
    named = cues["named_base"].match(after)
    # "đạt 8,7% dự toán" is a share of a target the text does not state; only "tổng số …",
    # "số …" or a share after "chiếm" names a whole to look for.
    chiem = cues["share_claim"].search(_before(art, p, 25))
    if named and (named.group("prefix") or chiem) and not cues["target"].match(named.group(2)):
        phrase = named.group(2).strip()
        noun = phrase.split()[-1] if phrase else ""
        # "chiếm 75,2% tổng số xã": the denominator of "82/97 xã" elsewhere
        dens = [g for g in art.figures if g.kind == "ratio" and g.denominator and noun
                and art.text[g.end:g.end + 12].strip().startswith(noun)]
        if dens and cues["total_head"].search(after[:12]) and part.kind == "count":
            add([_Fake(dens[0].denominator)])
        # "99% số người tham gia BHXH", "75,9% tổng kim ngạch": the figure that follows
        # those words earlier on
        words = phrase.split()
        key = " ".join(words[1:]) if len(words) > 2 and words[0] in cues["base_counters"] else (phrase if len(words) >= 2 else None)
        if key:
            hits = []
            earlier = _earlier(art, part, 300)[::-1]
            for occurrence in regex.finditer(regex.escape(key), art.text[max(0, part.start - 20000):part.start]):
                at = occurrence.end() + max(0, part.start - 20000)
                nxt = next((g for g in earlier if g.start >= at and same_family(g, part)), None)
                if nxt is not None and nxt.start - at < 80:
                    hits.append(nxt)
            add(hits[::-1])
        # "chiếm 43,8% tổng vốn FDI vào Việt Nam": a figure stated anywhere in the article
        # right after "tổng vốn …", larger than the part.
        if named.group("prefix") and cues["total_words"].match(named.group("prefix").strip()) and words:
            add(_named_totals(art, part, words[0]))
    if cues["total_words"].search(after[:15]):
        add(g for g in _earlier(art, part, 300) if g.kind == part.kind
            and same_family(g, part) and cues["total_words"].search(_before(art, g, 60).split(",")[-1]))
        add(g for g in _sentence_figures(art, p) if g.start > p.end and g.kind == part.kind and g.kind == "count"
            and g.value is not None and g.value > part.value)
    return found


def _named_totals(art: Article, part: FigureDraft, head: str) -> list[FigureDraft]:
    """Figures the text introduces as a total of `head` ("tổng vốn đăng ký … là 1,58 tỷ
    USD"), anywhere in the article: the first figure after "tổng (số) vốn" in its sentence,
    within 80 characters, of the part's family and larger than it."""
    return [g for g in _introduced_totals(art).get(head.lower(), [])
            if g is not part and same_family(g, part) and g.value is not None and g.value > part.value]


def _introduced_totals(art: Article) -> dict[str, list[FigureDraft]]:
    """Head noun -> the figures introduced as its total; one pass over the article, kept on
    it (a share asks for it once per share)."""
    cached = getattr(art, "_named_totals", None)
    if cached is not None and cached[0] == len(art.figures):
        return cached[1]
    by_head: dict[str, list[FigureDraft]] = {}
    for m in _cues()["named_total"].finditer(art.text):
        nxt = next((g for g in art.figures_in_sentence(art.sentence_index(m.start())) if g.start >= m.end()), None)
        if nxt is not None and nxt.start - m.end() <= 80:
            by_head.setdefault(m.group("head").lower(), []).append(nxt)
    art._named_totals = (len(art.figures), by_head)
    return by_head


def _breakdown_whole(art: Article, part: FigureDraft) -> FigureDraft | None:
    """The whole a "trong đó"/"Trong đó," clause holding `part` breaks down."""
    cues = _cues()
    s, e = art.sentence_span(part.start)
    marker = None
    for m in cues["breakdown"].finditer(art.text, s, part.start):
        marker = m
    if marker is None:
        return None
    sentence_start = art.text[s:marker.start()].strip() == ""
    if sentence_start:
        idx = art.sentence_index(marker.start()) - 1
        pool = [g for g in art.figures if g.sentence == idx]
    else:
        pool = [g for g in art.figures if s <= g.start and g.end <= marker.start()]
    return next((g for g in reversed(pool) if g.kind == part.kind and same_family(g, part)
                 and not _in_parentheses(art, g)), None)


def complementary_shares(art: Article) -> list[CheckDraft]:
    """Parts each with its share in brackets, the shares making up the whole: "43.461 (chiếm
    66,06%), … 22.337 (chiếm 33,94%)" — the whole is the parts' sum, and each share is
    checked against it. Needs at least two parts of one family in one sentence, and shares
    whose intervals reach 100% together."""
    out = []
    cues = _cues()
    for i in range(len(art.sentences)):
        pairs = []
        for share in art.figures_in_sentence(i):
            if not is_share(share) or share.value is None:
                continue
            part = next((g for g in reversed(art.figures_in_sentence(i)) if g.end <= share.start
                         and g.kind in ("count", "money", "number") and g.value and g.range_with is None), None)
            if part is None or not cues["bracketed_share"].fullmatch(art.text, part.end, share.start) \
                    or not _CLOSING_BRACKET.match(art.text[share.end:share.end + 3]):
                continue
            pairs.append((part, share))
        first = pairs[0][0] if pairs else None
        if len(pairs) < 2 or not all(p.kind == first.kind and (p.unit == first.unit or same_family(first, p))
                                     for p, _ in pairs[1:]):
            continue
        shares = Interval.point(Decimal(0))
        for _, s in pairs:
            shares = shares + interval(art, s)
        if not shares.contains(HUNDRED):
            continue
        whole = sum((p.value for p, _ in pairs), Decimal(0))
        whole_iv = Interval.point(Decimal(0))
        for p, _ in pairs:
            whole_iv = whole_iv + interval(art, p)
        for part, share in pairs:
            others = [p for p, _ in pairs if p is not part]
            point = part.value / whole * HUNDRED
            iv = (interval(art, part) / whole_iv).scale(HUNDRED)
            what, what_vi = both(lambda vi: f"{written(art, part, vi)}/({' + '.join(written(art, p, vi) for p, _ in pairs)})")
            check = judge("part_of_total", [part, share] + others, share, point, iv, what, what_vi, art, "%")
            check.evidence = {"link": "complementary_shares", "cue": "(" + art.text[part.end:share.start].strip(" (") + "…%)",
                              "complete": True}
            out.append(check)
    return out


def by_category(art: Article) -> list[CheckDraft]:
    """"… 15.492 doanh nghiệp được cấp phép thành lập mới … Nếu phân theo loại hình doanh
    nghiệp thành lập mới thì Công ty TNHH một thành viên chiếm tỷ trọng cao nhất (58,3%) với
    9.034 doanh nghiệp; … chiếm 28,9% với 4.486 doanh nghiệp; …": a sentence that breaks an
    earlier figure down by category, one part and its share a clause. The whole is the
    earlier figure of the parts' measure whose words the sentence repeats; each share is
    checked against it, and the parts' sum too."""
    from ..claims.measure import same_measure

    out = []
    for i, (s, e) in enumerate(art.sentences):
        cue = _cues()["by_category"].search(art.text, s, e)
        if cue is None:
            continue
        pairs = []
        for a, b in _clauses(art, cue.end(), e):
            inside = [g for g in art.figures_in_sentence(i) if a <= g.start < b and g.value is not None]
            parts = [g for g in inside if g.kind in ("count", "money") and g.range_with is None]
            shares = [g for g in inside if is_share(g)]
            if len(parts) == 1 and len(shares) == 1:
                pairs.append((parts[0], shares[0]))
        if len(pairs) < 2 or not all(same_measure(pairs[0][0], p) for p, _ in pairs[1:]):
            continue
        wholes = _category_wholes(art, i, cue, pairs)
        if not wholes:
            continue
        for part, share in pairs:
            verdicts = [_share("part_of_total", [part, share, w], part, w, share, art) for w in wholes]
            chosen = next((v for v in verdicts if v.status == "consistent"), None) or verdicts[0]
            chosen.extra.update(candidates=len(wholes))
            chosen.evidence = {"link": "by_category", "cue": cue.group()}
            out.append(chosen)
        if len(wholes) == 1:
            out.append(sum_check(art, [p for p, _ in pairs], wholes[0], cue.group()))
    return out


def _clauses(art: Article, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start] + [start + m.end() for m in _SEMICOLON.finditer(art.text[start:end])] + [end]
    return list(zip(cuts[:-1], cuts[1:]))


def _category_wholes(art: Article, i: int, cue, pairs) -> list[FigureDraft]:
    """The earlier figures (three sentences back, same paragraph) the category sentence may
    break down: of the parts' measure, larger than every part, best matched by words."""
    from ..claims.measure import same_measure

    first = pairs[0][0]
    paragraph = art.text.rfind("\n", 0, art.sentences[i][0]) + 1
    largest = max(p.value for p, _ in pairs)
    pool = [g for j in range(max(0, i - 3), i) for g in art.figures_in_sentence(j)
            if g.start >= paragraph and g.kind == first.kind and g.value is not None and g.value > largest
            and not _in_parentheses(art, g) and same_measure(g, first)]
    if not pool:
        return []
    said = {w.lower() for w in _WORD_LETTERS.findall(art.text[cue.end():cue.end() + 60].split(",")[0])}
    said |= _descriptor_words(art, first)
    scored = [(len(said & _descriptor_words(art, g)), g) for g in pool]
    best = max(score for score, _ in scored)
    return [g for score, g in scored if score == best and best > 0]
