"""Bytes to text, and text to sentences and words.

Takes what a user gives (bytes of any encoding, HTML, text) and gives the text chiso
reads: `inputs` decodes and sniffs (BOMs, UTF-16, TCVN3/VNI/Windows-1258, mojibake, HTML
to its article text, what is not text refused); `segment` cuts sentences; `wordseg`
finds words (underthesea, with the unit lexicon first); `excerpt` shows a span in its
context. The normal form with its offset map is `patterns.normal_form`: the pattern
loader brings its word lists to the same form, so it sits one layer lower.
The words and tables are data in patterns/vi/."""
