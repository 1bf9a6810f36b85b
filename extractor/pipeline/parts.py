"""A long article's parts made one report: spans shifted by each part's start, ids
numbered on across parts, officials merged by name. The merger takes the parts one at a
time, so that a caller can write out what a part added (figures, documents, dates, checks)
and let it go before the next part: extract_json holds the report as JSON text, not as
objects, which is a fraction of the memory."""
from __future__ import annotations

import uuid
from typing import Iterator
from ..report.model import Official, Report, Span, exact_json


class PartMerger:
    def __init__(self, article_id: str | None):
        self.merged = Report(id=article_id)
        self.counts = {"figures": 0, "documents": 0, "checks": 0}
        self._people: dict[str, Official] = {}

    def add(self, part: Report, shift: int) -> None:
        """Append PART's records to the merged report, shifted by SHIFT."""
        merged = self.merged
        fig_ids = {}
        for f in part.figures:
            fig_ids[f.id] = f"f{self.counts['figures'] + len(fig_ids) + 1}"
        for f in part.figures:
            f.id = fig_ids[f.id]
            f.start += shift
            f.end += shift
            if f.stated is not None:
                f.stated = Span(start=f.stated.start + shift, end=f.stated.end + shift)
            f.of = fig_ids.get(f.of) if f.of else None
            f.range_with = fig_ids.get(f.range_with) if f.range_with else None
            merged.figures.append(f)
        self.counts["figures"] += len(part.figures)
        for d in part.documents:
            self.counts["documents"] += 1
            d.id = f"d{self.counts['documents']}"
            d.start, d.end = d.start + shift, d.end + shift
            merged.documents.append(d)
        for d in part.dates:
            d.start, d.end = d.start + shift, d.end + shift
            merged.dates.append(d)
        for c in part.checks:
            self.counts["checks"] += 1
            c.id = f"c{self.counts['checks']}"
            c.figures = [fig_ids[i] for i in c.figures if i in fig_ids]
            merged.checks.append(c)
        for o in part.officials:
            self._official(o, shift)
        merged.errors.extend(part.errors)

    def _official(self, o: Official, shift: int) -> None:
        mentions = [Span(start=m.start + shift, end=m.end + shift) for m in o.mentions]
        known = self._people.get(o.name.lower())
        if known is None:
            o.id = f"p{len(self.merged.officials) + 1}"
            o.mentions = mentions
            self._people[o.name.lower()] = o
            self.merged.officials.append(o)
            return
        known.mentions.extend(mentions)
        known.rank = known.rank or o.rank
        known.honorific = known.honorific or o.honorific
        known.titles += [t for t in o.titles if t not in known.titles]
        known.organizations += [t for t in o.organizations if t not in known.organizations]


def merge_reports(parts: list[Report], starts: list[int], article_id: str | None) -> Report:
    """One report from the reports of an article's parts."""
    merger = PartMerger(article_id)
    for part, shift in zip(parts, starts):
        merger.add(part, shift)
    return merger.merged


# The sections a report lists record by record, which extract_json writes as they come.
STREAMED = ("figures", "documents", "dates", "checks")


class JsonSections:
    """The streamed sections as JSON text, record by record, as Report.to_json writes them."""

    def __init__(self) -> None:
        self.items: dict[str, list[str]] = {name: [] for name in STREAMED}

    def take(self, merged: Report) -> None:
        """Serialise what the merged report holds in the streamed sections, and empty them."""
        self.items["figures"] += (exact_json(f.to_dict("python")) for f in merged.figures)
        for name in STREAMED[1:]:
            self.items[name] += (exact_json(r.model_dump(mode="python")) for r in getattr(merged, name))
        for name in STREAMED:
            getattr(merged, name).clear()

    def pieces(self, head: Report) -> Iterator[str]:
        """The whole report, piece by piece: HEAD (every other field) with the sections in
        their places. Joined, the pieces are Report.to_json(); written one by one, the
        report never exists as one string."""
        marks = {name: f"chiso-section-{uuid.uuid4().hex}" for name in STREAMED}
        data = head.to_dict("python")
        for name in STREAMED:
            data[name] = marks[name]
        rest = exact_json(data)
        for name in sorted(STREAMED, key=lambda n: rest.index(exact_json(marks[n]))):
            before, rest = rest.split(exact_json(marks[name]), 1)
            yield before
            yield "["
            items = self.items[name]
            for i, item in enumerate(items):
                yield item if i == 0 else ", " + item
            yield "]"
            items.clear()                 # what is written is let go
        yield rest
