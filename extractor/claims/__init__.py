"""Step 6 of the pipeline: claims. What each figure measures, the period it covers and the
scope it belongs to (`annotate`); what it counts, as the checker compares two figures
(`measure`); the cue words compiled once (`cues`). Takes the records, gives them their
measure, period and scope; the checker (checks/, above) reads them before any ✗.
The words are data: patterns/vi/claims.yaml."""
from .annotate import annotate

__all__ = ["annotate"]
