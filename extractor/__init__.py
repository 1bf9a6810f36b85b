"""chiso: figures, documents and dates from Vietnamese news reports, as JSON."""
from .report.model import Report
from .pipeline import extract

__all__ = ["extract", "Report"]
