"""From matches to records: what the article states, with exact spans and values.

Takes the normalised text and the pattern matches (patterns.matcher) and gives records
on the working state (`article.Article`): `numbers` reads Vietnamese numerals exactly
(Decimal, decimals as written); `figures` makes percentages, ratios, changes, counts and
money of them; `dates` and `documents` the dates and numbered documents; `context` the
years and references a figure takes from its sentence; `officials` the people with rank,
honorific and titles. The rules are data in patterns/vi/."""
