"""Reading input as people actually send it: bytes in UTF-8 (with stray bad bytes),
UTF-16 with a BOM, legacy TCVN3 (ABC) and VNI text, HTML pages.

`read_bytes` and `read_text` return the Unicode text to extract from, the `errors`
entries to put in the report (what was repaired or converted, and where), and whether
offsets still index the input as given (`offsets`: "input") or the text chiso made of it
("converted" for a legacy encoding, "extracted" for HTML), in which case the report
carries that text (`source_text`), so the spans can be read against it.
"""
from __future__ import annotations

import codecs
import html
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

import regex

from .errors import error_entry
from .patterns import load_patterns


@dataclass
class Decoded:
    text: str
    errors: list[dict] = field(default_factory=list)
    offsets: str = "input"          # "input" | "converted" | "extracted"


# --- bytes --------------------------------------------------------------------------

def read_bytes(raw: bytes, html_input: bool = False) -> Decoded:
    """Decode bytes: a BOM decides UTF-16/32; else UTF-8, falling back to a legacy
    single-byte encoding when the bytes look like one, else UTF-8 with U+FFFD for the bad
    bytes (their offsets recorded)."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            text = raw.decode(codec, errors="replace")
            decoded = Decoded(text)
            break
    else:
        if raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        try:
            decoded = Decoded(raw.decode("utf-8"))
        except UnicodeDecodeError:
            single = raw.decode("cp1252", errors="replace")
            if detect_legacy(single):
                decoded = Decoded(single)
            else:
                decoded = _utf8_with_replacements(raw)
    return read_text(decoded.text, html_input=html_input, errors=decoded.errors)


def _utf8_with_replacements(raw: bytes) -> Decoded:
    bad: list[int] = []

    def record(exc: UnicodeDecodeError):
        bad.append(exc.start)
        return "\ufffd", exc.end

    codecs.register_error("chiso.record", record)
    text = raw.decode("utf-8", errors="chiso.record")
    shown = ", ".join(str(b) for b in bad[:10]) + (f" and {len(bad) - 10} more" if len(bad) > 10 else "")
    return Decoded(text, [error_entry("E002", f"{len(bad)} at byte offset(s) {shown}")])


# --- text ---------------------------------------------------------------------------

def read_text(text: str, html_input: bool = False, errors: list[dict] | None = None) -> Decoded:
    errors = list(errors or [])
    offsets = "input"
    if html_input:
        text = strip_html(text)
        errors.append(error_entry("E007"))
        offsets = "extracted"
    legacy = detect_legacy(text)
    if legacy:
        text = from_legacy(text, legacy)
        errors.append(error_entry("E006", legacy.upper()))
        offsets = "converted" if offsets == "input" else offsets
    return Decoded(text, errors, offsets)


@lru_cache(maxsize=1)
def _tables():
    data = load_patterns().table("legacy_encodings")
    out = {}
    for name in ("tcvn3", "vni"):
        mapping = data[name]["map"]
        reverse = {v: k for k, v in mapping.items()}
        pattern = regex.compile("|".join(regex.escape(k) for k in sorted(reverse, key=len, reverse=True)))
        out[name] = (mapping, reverse, pattern, frozenset(data[name]["markers"]))
    return out


# Letters only Unicode Vietnamese writes: neither legacy encoding shows as any of them
# ("â", "ê", "ô", "á"… are left out: VNI and TCVN3 text is full of those).
_VIETNAMESE_ONLY = regex.compile(r"[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĩũ]", regex.I)


def detect_legacy(text: str) -> str | None:
    """"tcvn3" or "vni" when the text is written in that legacy encoding: many characters
    Unicode Vietnamese never uses, and almost none of the letters it does."""
    sample = text[:20000]
    letters = sum(1 for c in sample if c.isalpha())
    if letters < 10:
        return None
    genuine = len(_VIETNAMESE_ONLY.findall(sample))
    best, best_score = None, 0
    for name, (_, _, _, markers) in _tables().items():
        score = sum(1 for c in sample if c in markers)
        if score > best_score:
            best, best_score = name, score
    if best_score >= max(3, letters // 50) and genuine * 4 < best_score:
        return best
    return None


def from_legacy(text: str, encoding: str) -> str:
    _, reverse, pattern, _ = _tables()[encoding]
    return pattern.sub(lambda m: reverse[m.group()], text)


def to_legacy(text: str, encoding: str) -> str:
    """Unicode to a legacy encoding (for tests and tools that must produce such text)."""
    mapping = _tables()[encoding][0]
    return "".join(mapping.get(c, c) for c in text)


# --- HTML ---------------------------------------------------------------------------

_BLOCKS = frozenset("p div br li tr h1 h2 h3 h4 h5 h6 section article header footer table ul ol blockquote figcaption".split())
_SKIP = frozenset(["script", "style", "noscript", "template", "svg", "head"])


class _TextOf(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def strip_html(markup: str) -> str:
    """The text of an HTML page: tags, scripts and styles dropped, entities decoded, block
    elements on lines of their own."""
    parser = _TextOf()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    text = regex.sub(r"[ \t\r\f\v]+", " ", text)
    return regex.sub(r"\s*\n\s*", "\n", text).strip()
