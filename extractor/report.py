"""Step 6: turn the drafts into the report, with every span mapped back to the input."""
from __future__ import annotations

from .article import Article
from .model import Check, DateItem, Document, ErrorEntry, Figure, Official, Report, Span


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
        ))
    documents = []
    for i, d in enumerate(art.documents, start=1):
        s, e = span(d.start, d.end)
        documents.append(Document(id=f"d{i}", type=d.type, number=d.number,
                                  date=d.date.isoformat() if d.date else None, issuer=d.issuer,
                                  text=original[s:e], start=s, end=e))
    dates = []
    for d in art.dates:
        s, e = span(d.start, d.end)
        dates.append(DateItem(text=original[s:e], value=d.value.isoformat(), start=s, end=e,
                              year_inferred=d.year_inferred))
    officials = []
    for i, o in enumerate(art.officials, start=1):
        mentions = [Span(start=a, end=b) for a, b in (span(s, e) for s, e in o.mentions)]
        officials.append(Official(id=f"p{i}", name=o.name, rank=o.rank, honorific=o.honorific,
                                  titles=list(o.titles), organizations=list(o.organizations), mentions=mentions))
    checks = []
    for i, c in enumerate(art.checks, start=1):
        checks.append(Check(id=f"c{i}", rule=c.rule, status=c.status,
                            figures=[ids[id(f)] for f in c.figures if id(f) in ids],
                            reported=c.reported, computed=_round(c.computed),
                            interval=[_round(x) for x in c.interval] if c.interval else None,
                            severity=c.severity, message=c.message, message_vi=c.message_vi))
    return Report(id=article_id, figures=figures, officials=officials, documents=documents, dates=dates, checks=checks,
                  errors=[ErrorEntry(**e) for e in art.errors])



def _round(value):
    """Computed values to 6 decimals: enough to show the arithmetic, short enough to read."""
    if value is None:
        return None
    return value.quantize(type(value)("0.000001")).normalize()
