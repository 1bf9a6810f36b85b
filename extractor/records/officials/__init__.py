"""Step 4d: officials — named people with rank, honorific, titles, organisations; bylines.

The rules in patterns/officials.yaml find names (a family name and 1-3 more capitalised
syllables, an ALL CAPS name, a foreign name after a rank or honorific), short repeat
mentions ("Thiếu tướng Thái") and bylines. For each full mention this module reads:
- to the left: the rank, academic title and honorific written just before the name,
  and a position written before it ("Bộ trưởng Bộ Tư pháp Lê Thành Long");
- to the right: the comma-separated title chain, verbatim, up to the word that ends the
  apposition ("phát biểu", "cho biết", ";", a new person).
Mentions of one name are merged; short mentions attach to the person they name.

By job: words (the data, the records), people (what makes a person), names (the
productions), titles (positions and chains), bylines, organisations, merging.
"""

from .merging import merge
from .productions import PRODUCTIONS
from .words import Mention, OfficialDraft

__all__ = ["PRODUCTIONS", "merge", "Mention", "OfficialDraft"]
