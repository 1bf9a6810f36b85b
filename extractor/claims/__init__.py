"""Step 6 of the pipeline: claims. What each figure measures, the period it covers and the
scope it belongs to (`annotate`), and the evidence the checker needs before it may call a
claim inconsistent (`evidence.gate`). The words are data: patterns/vi/claims.yaml."""
from .annotate import annotate

__all__ = ["annotate"]
