"""The checks, one function a rule; each returns the CheckDrafts it can make of an article.
The rules live by family (shares, changes, sums, rates; what they read around a figure in
reading.py); this module is their index.

ratio             a/b against its stated percent ("1.359/1.417 = 95,91%").
pair_change       "A%/B% (tăng|giảm C%)": A − B against C, points or relative.
two_values_change "từ X lên|xuống Y, tăng|giảm Z (P%)", and "V, tăng D (tăng P%)".
part_of_total     a part, its share, and a total stated in the sentence or the article.
sum               parts presented as the whole ("trong đó …", "số còn lại …", "Cụ thể, …").
bound             a part larger than its whole; a share ("chiếm") above 100%.
rate              "368 vụ (52,6 vụ/ngày)" in 7 days.
multiplier        "gấp X lần" against the two values it compares.
grim              "x% of N" must be reachable with a whole count (GRIM).
year_over_year    a change against a year the text gives no value for: unverifiable,
                  with the earlier value it implies.
"""

from __future__ import annotations

from .changes import continued_change, pair_change, two_values_change, year_over_year
from .rates import grim, multiplier, rate
from .shares import by_category, complementary_shares, part_of_total, ratio
from .sums import bound, sum_check, sums

__all__ = ["ratio", "pair_change", "two_values_change", "continued_change", "part_of_total",
           "complementary_shares", "by_category", "sums", "bound", "rate", "multiplier", "grim",
           "year_over_year", "sum_check"]
