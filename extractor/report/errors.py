"""Errors with codes, in the manner of spacy/errors.py: each says what went wrong and what to do."""
from __future__ import annotations


class ChisoError(Exception):
    """Base class for every error chiso raises on purpose."""


class PatternError(ChisoError):
    """A pattern file is malformed; the message names the file and the rule or piece."""


class InputError(ChisoError):
    """The input cannot be read at all (not even with replacement characters)."""


class NotText(InputError):
    """The input is not text (a PDF, an Office file, an image, an archive, binary data):
    nothing is extracted from it. The message says what it looks like (E010)."""

    code = "E010"

    def __init__(self, kind: str):
        self.kind = kind
        super().__init__(f"not text: it looks like {kind}; give chiso the article's text (.txt, .html)")


# Codes for entries in a report's `errors` list: problems with the input that did not
# stop the run. Kept in one place so that the CLI, the docs and the tests agree.
ERROR_CODES = {
    "E001": "input is empty or whitespace only",
    "E002": "undecodable bytes were replaced with U+FFFD",
    "E003": "a pattern timed out on this text; its matches were skipped",
    "E004": "the article could not be processed; the report is empty",
    "E005": "input was not NFC; it was normalised (offsets still refer to the input as given)",
    "E006": "the input was in a legacy Vietnamese encoding (Windows-1258, TCVN3 or VNI) and was converted to Unicode; offsets refer to the converted text (source_text)",
    "E007": "the input was HTML: tags, scripts and entities were stripped; offsets refer to the extracted text (source_text)",
    "E008": "a number too long to represent exactly was left out",
    "E009": "a long article was processed in parts; claims across the parts were not linked",
    "E010": "the input is not text; nothing was extracted",
    "E011": "lone surrogates (halves of UTF-16 pairs) were replaced with U+FFFD; offsets are unchanged",
    "E012": "mojibake (UTF-8 read as Windows-1252) was repaired; offsets refer to the repaired text (source_text)",
    "E014": "a check rule failed on this text; its claims were left out, the rest of the report stands",
    "E015": "the article took longer than the server's time limit; nothing was extracted",
    "E013": "the input was neither UTF-8 nor Vietnamese in a legacy encoding; it was decoded in the detected encoding (offsets refer to the decoded text, source_text)",
}


def error_entry(code: str, detail: str = "") -> dict[str, str]:
    message = ERROR_CODES[code]
    return {"code": code, "message": f"{message}: {detail}" if detail else message}
