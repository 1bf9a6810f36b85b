"""The officials' rule productions, by the name officials.yaml gives them."""
from __future__ import annotations

from .bylines import byline, byline_final
from .names import foreign, name, short


PRODUCTIONS = {
    "official.name": name,
    "official.foreign": foreign,
    "official.short": short,
    "official.byline": byline,
    "official.byline_final": byline_final,
}
