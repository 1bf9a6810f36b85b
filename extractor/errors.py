"""Errors with codes, in the manner of spacy/errors.py: each says what went wrong and what to do."""
from __future__ import annotations


class ChisoError(Exception):
    """Base class for every error chiso raises on purpose."""


class PatternError(ChisoError):
    """A pattern file is malformed; the message names the file and the rule or piece."""


class InputError(ChisoError):
    """The input cannot be read at all (not even with replacement characters)."""


# Codes for entries in a report's `errors` list: problems with the input that did not
# stop the run. Kept in one place so that the CLI, the docs and the tests agree.
ERROR_CODES = {
    "E001": "input is empty or whitespace only",
    "E002": "undecodable bytes were replaced with U+FFFD",
    "E003": "a pattern timed out on this text; its matches were skipped",
    "E004": "the article could not be processed; the report is empty",
    "E005": "input was not NFC; it was normalised (offsets still refer to the input as given)",
    "E006": "the input was in a legacy Vietnamese encoding and was converted to Unicode; offsets refer to the converted text (source_text)",
    "E007": "the input was HTML: tags, scripts and entities were stripped; offsets refer to the extracted text (source_text)",
    "E008": "a number too long to represent exactly was left out",
    "E009": "a long article was processed in parts; claims across the parts were not linked",
}


def error_entry(code: str, detail: str = "") -> dict[str, str]:
    message = ERROR_CODES[code]
    return {"code": code, "message": f"{message}: {detail}" if detail else message}
