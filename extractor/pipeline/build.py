"""Step 6: turn the drafts into the report, with every span mapped back to the input."""
from __future__ import annotations

import unicodedata
from decimal import Context, Decimal

from ..records.article import Article
from ..report.model import Check, DateItem, Document, ErrorEntry, Figure, Official, Report, Span


def build_report(art: Article, article_id: str | None) -> Report:
    src = art.normalized
    original = src.original

    def span(start: int, end: int) -> tuple[int, int]:
        return src.span(start, end)

    ids = {id_: f"f{i}" for i, id_ in enumerate(map(id, art.figures), start=1)}
    figures = []
    for f in art.figures:
        s, e = span(f.start, f.end)
        stated = None
        if f.stated is not None:
            ss, se = span(*f.stated)
            stated = Span(start=ss, end=se)
        figures.append(Figure(
            id=ids[id(f)], kind=f.kind, text=original[s:e], start=s, end=e,
            value=f.value, unit=f.unit, decimals=f.decimals, qualifier=f.qualifier,
            subject=f.subject, year=f.year, sentence=f.sentence, rule=f.rule,
            numerator=f.numerator, denominator=f.denominator, stated=stated,
            direction=f.direction, reference_year=f.reference_year,
            of=ids.get(id(f.of)) if f.of is not None else None,
            range_with=ids.get(id(f.range_with)) if f.range_with is not None else None,
            measure=f.measure, period=f.period, scope=f.scope,
        ))
    documents = []
    for i, d in enumerate(art.documents, start=1):
        s, e = span(d.start, d.end)
        documents.append(Document(id=f"d{i}", type=d.type, number=d.number,
                                  date=d.date.isoformat() if d.date else None,
                                  issuer=_as_written(d.issuer, src, d.start) if d.issuer else None,
                                  text=original[s:e], start=s, end=e))
    dates = []
    for d in art.dates:
        s, e = span(d.start, d.end)
        dates.append(DateItem(text=original[s:e], value=d.value.isoformat(), start=s, end=e,
                              year_inferred=d.year_inferred))
    officials = []
    for i, o in enumerate(art.officials, start=1):
        mentions = [Span(start=a, end=b) for a, b in (span(s, e) for s, e in o.mentions)]
        near = o.mentions[0][0] if o.mentions else 0
        officials.append(Official(id=f"p{i}", name=o.name, rank=o.rank, honorific=o.honorific,
                                  titles=[_as_written(t, src, near) for t in o.titles],
                                  organizations=list(o.organizations), mentions=mentions))
    checks = []
    for i, c in enumerate(art.checks, start=1):
        checks.append(Check(id=f"c{i}", rule=c.rule, status=c.status,
                            figures=[ids[id(f)] for f in c.figures if id(f) in ids],
                            reported=c.reported, computed=_round(c.computed),
                            interval=[_round(x) for x in c.interval] if c.interval else None,
                            severity=c.severity, message=c.message, message_vi=c.message_vi,
                            evidence=c.evidence or None, reason=c.reason,
                            sentence=max((f.sentence for f in c.figures if f.end > 0), default=None)))
    return Report(id=article_id, figures=figures, officials=officials, documents=documents, dates=dates, checks=checks,
                  errors=[ErrorEntry(**e) for e in art.errors])



def _as_written(phrase: str, src, near: int) -> str:
    """A phrase read from the normalised text, as the input writes it ("Khoa Cấp cứu A9 –
    Bệnh viện Bạch Mai" keeps its dash, "Hoà Bình" its tone mark), composed (NFC): the
    occurrence nearest `near`, mapped back to the input. A phrase made rather than read
    ("tác giả" for a byline) is not in the text and stays as it is."""
    text = src.text
    if src.original == text:
        return phrase
    best, at = None, text.find(phrase)
    while at >= 0:
        if best is None or abs(at - near) < abs(best - near):
            best = at
        at = text.find(phrase, at + 1)
    if best is None:
        return phrase
    s, e = src.span(best, best + len(phrase))
    return unicodedata.normalize("NFC", src.original[s:e])


def _round(value):
    """Computed values to 6 decimals: enough to show the arithmetic, short enough to read."""
    if value is None:
        return None
    # Enough precision for any digit count the input allows (runs of digits are capped
    # at 60), so quantize never fails on a huge value.
    return value.quantize(Decimal("0.000001"), context=_WIDE).normalize(_WIDE)


_WIDE = Context(prec=100)
