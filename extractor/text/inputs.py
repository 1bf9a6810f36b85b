"""Reading input as people actually send it, and refusing what is not text.

Bytes: a file that is not text (PDF, Office, images, archives, executables, binary
data) is refused (NotText, E010); a BOM decides UTF-16/32; else UTF-8. Bytes that are
not UTF-8 are read as a legacy Vietnamese encoding (Windows-1258, TCVN3, VNI) only on
positive evidence (the decoded text is Vietnamese: enough words carry Vietnamese letters
and nearly all of them are well-formed syllables), else in the encoding charset-normalizer
detects, else as UTF-8 with U+FFFD for the bad bytes (their offsets recorded).
Text: lone surrogates are replaced (same length: offsets hold); mojibake (UTF-8 read as
Windows-1252) is repaired with ftfy; TCVN3/VNI text pasted as Unicode is converted, both on
the same evidence; HTML gives its main text (trafilatura; the whole text where it finds
no article).

`read_bytes` and `read_text` return the text to extract from, the `errors` entries for
the report, and whether offsets still index the input as given (`offsets`: "input") or
the text chiso made of it ("converted", "extracted"); the report then carries that text.
"""
from __future__ import annotations

import codecs
import html
import itertools
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

import regex

from ..report.errors import NotText, error_entry
from ..patterns import load_patterns

_SPACES = regex.compile(r"[ \t\r\f\v]+")
_LINE_BREAK = regex.compile(r"\s*\n\s*")


@dataclass
class Decoded:
    text: str
    errors: list[dict] = field(default_factory=list)
    offsets: str = "input"          # "input" | "converted" | "extracted"


# --- what the bytes are -------------------------------------------------------------

_SNIFF = 8192
# C0 controls other than tab, line feed, form feed and carriage return.
_CONTROL = frozenset(range(0, 9)) | {11} | frozenset(range(14, 32))


def sniff(raw: bytes) -> str | None:
    """What the bytes are when they are not text ("a PDF document (application/pdf)",
    "binary data"), else None. Magic numbers by the `filetype` library; anything else
    with NUL bytes or many control characters is binary."""
    import filetype

    head = raw[:_SNIFF]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    kind = filetype.guess(head)
    if kind is not None:
        return f"{_KINDS.get(kind.extension, 'a .' + kind.extension + ' file')} ({kind.mime})"
    if head.startswith(b"%PDF-"):
        return "a PDF document (application/pdf)"
    if head.startswith(b"{\\rtf"):
        return "an RTF document (application/rtf)"
    controls = sum(1 for b in head if b in _CONTROL)
    if b"\x00" in head or controls > max(2, len(head) // 100):
        return "binary data"
    return None


_KINDS = {"pdf": "a PDF document", "docx": "a Word document", "doc": "a Word document", "xlsx": "an Excel workbook",
          "xls": "an Excel workbook", "pptx": "a PowerPoint file", "ppt": "a PowerPoint file", "odt": "an OpenDocument text",
          "zip": "a ZIP archive", "gz": "a gzip archive", "bz2": "a bzip2 archive", "xz": "an xz archive",
          "7z": "a 7-Zip archive", "rar": "a RAR archive", "tar": "a tar archive", "elf": "an executable",
          "exe": "an executable", "png": "an image", "jpg": "an image", "gif": "an image", "webp": "an image",
          "bmp": "an image", "tif": "an image", "ico": "an image", "heic": "an image", "psd": "an image",
          "mp3": "an audio file", "wav": "an audio file", "ogg": "an audio file", "flac": "an audio file",
          "mp4": "a video", "avi": "a video", "mkv": "a video", "webm": "a video", "sqlite": "a database file"}


# --- bytes --------------------------------------------------------------------------

# A file with one of these names is read as HTML (extract(Path), the CLI, the API's forms).
HTML_SUFFIXES = (".html", ".htm")


def read_bytes(raw: bytes, html_input: bool = False) -> Decoded:
    """Decode bytes (see the module's docstring); NotText for what is not text."""
    if not isinstance(raw, (bytes, bytearray, memoryview)):
        raise TypeError(f"read_bytes() takes bytes, not {type(raw).__name__}; read_text() takes str")
    raw = bytes(raw)
    kind = sniff(raw)
    if kind is not None:
        raise NotText(kind)
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            decoded = _with_replacements(raw, codec)
            break
    else:
        if raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        try:
            decoded = Decoded(raw.decode("utf-8"))
        except UnicodeDecodeError:
            decoded = _with_replacements(raw, "utf-8")
            # Valid multi-byte sequences are UTF-8's own evidence: a few stray bytes
            # among them are damage, not another encoding.
            bad = decoded.text.count("\ufffd")
            if sum(1 for c in decoded.text if ord(c) > 127) - bad < bad:
                decoded = _not_utf8(raw)
    return read_text(decoded.text, html_input=html_input, errors=decoded.errors, offsets=decoded.offsets)


def _not_utf8(raw: bytes) -> Decoded:
    """Bytes that are not UTF-8: a legacy Vietnamese encoding if the evidence says so,
    else the encoding charset-normalizer is sure of, else UTF-8 with replacements."""
    single = raw.decode("cp1252", errors="replace")
    candidates = [("windows-1258", unicodedata.normalize("NFC", raw.decode("cp1258", errors="replace")))]
    candidates += [(name, from_legacy(single, name)) for name in ("tcvn3", "vni")]
    best = max(candidates, key=lambda c: vietnamese_score(c[1]))
    if is_vietnamese(best[1]):
        return Decoded(best[1], [error_entry("E006", best[0].upper())], "converted")
    guess = _detected(raw)
    if guess is not None:
        return guess
    decoded = _with_replacements(raw, "utf-8")
    if decoded.text.count("\ufffd") > max(10, len(decoded.text) // 20):
        # Mostly bytes that are not UTF-8 and not Vietnamese in any encoding chiso knows.
        raise NotText("binary data, or text in an encoding chiso cannot tell")
    return decoded


def _detected(raw: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes

    matches = from_bytes(raw[:200_000])
    match = matches.best()
    if match is None or match.encoding in ("utf_8", "ascii") or match.chaos > 0.1:
        return None
    # Short texts fit several code pages equally well; Windows-1252 is by far the most
    # common of them, so it wins a tie.
    western = next((m for m in matches if m.encoding == "cp1252" and m.chaos <= match.chaos + 0.01), None)
    match = western or match
    try:
        text = raw.decode(match.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return Decoded(text, [error_entry("E013", match.encoding)], "converted")


def _with_replacements(raw: bytes, codec: str) -> Decoded:
    bad: list[int] = []

    def record(exc: UnicodeDecodeError):
        bad.append(exc.start)
        return "\ufffd", exc.end

    codecs.register_error("chiso.record", record)
    text = raw.decode(codec, errors="chiso.record")
    if not bad:
        return Decoded(text)
    shown = ", ".join(str(b) for b in bad[:10]) + (f" and {len(bad) - 10} more" if len(bad) > 10 else "")
    return Decoded(text, [error_entry("E002", f"{len(bad)} at byte offset(s) {shown}")])


# --- text ---------------------------------------------------------------------------

_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def read_text(text: str, html_input: bool = False, errors: list[dict] | None = None,
              offsets: str = "input") -> Decoded:
    """Text as given (a str): lone surrogates, HTML, mojibake and legacy encodings
    handled. Bytes are decoded first, as read_bytes() decodes a file."""
    if isinstance(text, (bytes, bytearray, memoryview)):
        if errors is not None or offsets != "input":
            # errors= and offsets= say what was done to a text already decoded: bytes have none.
            raise TypeError("read_text() takes bytes only without errors= and offsets=; "
                            "read_bytes() decodes them")
        return read_bytes(bytes(text), html_input=html_input)
    if not isinstance(text, str):
        raise TypeError(f"read_text() takes str (or bytes, decoded as read_bytes() does), "
                        f"not {type(text).__name__}")
    errors = list(errors or [])
    lone = [m.start() for m in _SURROGATE.finditer(text)]
    if lone:
        text = _SURROGATE.sub("\ufffd", text)
        shown = ", ".join(map(str, lone[:10])) + (f" and {len(lone) - 10} more" if len(lone) > 10 else "")
        errors.append(error_entry("E011", f"{len(lone)} at offset(s) {shown}"))
    if html_input:
        text = main_text(text)
        errors.append(error_entry("E007"))
        offsets = "extracted"
    repaired = repair_mojibake(text)
    if repaired is not None:
        text = repaired
        errors.append(error_entry("E012"))
        offsets = "converted" if offsets == "input" else offsets
    legacy = detect_legacy(text)
    if legacy:
        text = from_legacy(text, legacy)
        errors.append(error_entry("E006", legacy.upper()))
        offsets = "converted" if offsets == "input" else offsets
    return Decoded(text, errors, offsets)


# --- is it Vietnamese? ------------------------------------------------------------

@lru_cache(maxsize=1)
def _syllable_rules():
    t = load_patterns().table("syllables")
    onset = "|".join(sorted(map(regex.escape, t["onsets"]), key=len, reverse=True))
    coda = "|".join(sorted(map(regex.escape, t["codas"]), key=len, reverse=True))
    shape = regex.compile(rf"(?:{onset})?[{t['vowels']}]{{1,3}}(?:{coda})?")
    return shape, frozenset(t["tone_marks"]), t["min_marked_share"], t["min_valid_share"]


# A word as written between spaces, less the punctuation around it; it counts when it
# has a letter. Legacy encodings write marks as symbols ("V¨n", "Th¸i"), so symbols
# inside a word are kept: they make it no syllable.
_TOKEN = regex.compile(r"\S+")
_EDGES = "\"'“”‘’«»()[]{}.,;:!?…-–—/*"


def is_syllable(word: str) -> bool:
    """A well-formed Vietnamese syllable: onset, 1-3 vowels, coda, at most one tone mark."""
    shape, tones, _, _ = _syllable_rules()
    parts = unicodedata.normalize("NFD", word.lower())
    marks = sum(1 for c in parts if c in tones)
    base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
    return marks <= 1 and shape.fullmatch(base) is not None


def vietnamese_score(text: str) -> float:
    """The share of the sample's words that are non-ASCII syllables ("đảng", "ủy"); 0 when
    too few of its non-ASCII words are syllables (a legacy encoding, mojibake, another
    language)."""
    _, _, _, min_valid = _syllable_rules()
    words = [w for w in (t.strip(_EDGES) for t in _TOKEN.findall(text[:20000])) if any(c.isalpha() for c in w)]
    marked = [w for w in words if not w.isascii()]
    if not marked:
        return 0.0
    valid = sum(1 for w in marked if is_syllable(w))
    if valid < len(marked) * min_valid:
        return 0.0
    return valid / len(words)


def is_vietnamese(text: str) -> bool:
    return vietnamese_score(text) >= _syllable_rules()[2]


# --- mojibake -----------------------------------------------------------------------

@lru_cache(maxsize=1)
def _mojibake_marker():
    markers = load_patterns().table("mojibake")["markers"]
    return regex.compile("|".join(regex.escape(m) for m in markers))


def repair_mojibake(text: str) -> str | None:
    """UTF-8 Vietnamese read as Windows-1252 or Latin-1 ("Ä‘áº£ng"), repaired by ftfy;
    None when the text shows no such sequence or ftfy cannot make it Vietnamese."""
    if len(_mojibake_marker().findall(text[:20000])) < 3:
        return None
    import ftfy

    fixed = ftfy.fix_encoding(text)
    if fixed == text or not is_vietnamese(fixed):
        return None
    return fixed


# --- TCVN3 and VNI written as Unicode characters --------------------------------------

@lru_cache(maxsize=1)
def _tables():
    data = load_patterns().table("legacy_encodings")
    out = {}
    for name in ("tcvn3", "vni"):
        mapping = data[name]["map"]
        reverse = {v: k for k, v in mapping.items()}
        pattern = regex.compile("|".join(regex.escape(k) for k in sorted(reverse, key=len, reverse=True)))
        markers = regex.compile("[" + "".join(regex.escape(m) for m in data[name]["markers"]) + "]")
        out[name] = (mapping, reverse, pattern, markers)
    return out


def detect_legacy(text: str) -> str | None:
    """"tcvn3" or "vni" when the text is written in that legacy encoding: it shows the
    encoding's marker characters, is not Vietnamese as it stands, and is once converted."""
    sample = text[:20000]
    # The marker count is cheap and rules out nearly every text; the syllable test is not.
    shown = [name for name, (_, _, _, markers) in _tables().items()
             if sum(1 for _ in itertools.islice(markers.finditer(sample), 3)) >= 3]
    if not shown or is_vietnamese(sample):
        return None
    best, best_score = None, 0.0
    for name in shown:
        score = vietnamese_score(from_legacy(sample, name))
        if score > best_score:
            best, best_score = name, score
    return best if best is not None and is_vietnamese(from_legacy(sample, best)) else None


def from_legacy(text: str, encoding: str) -> str:
    _, reverse, pattern, _ = _tables()[encoding]
    return pattern.sub(lambda m: reverse[m.group()], text)


def to_legacy(text: str, encoding: str) -> str:
    """Unicode to a legacy encoding (for tests and tools that must produce such text)."""
    mapping = _tables()[encoding][0]
    return "".join(mapping.get(c, c) for c in text)


# --- HTML ---------------------------------------------------------------------------

def main_text(markup: str) -> str:
    """The article of a saved page (trafilatura: no menus, related links or comments);
    the whole page's text when it finds no article in it (a fragment, a bare list)."""
    import trafilatura

    whole = strip_html(markup)
    try:
        article = trafilatura.extract(markup, include_comments=False, include_tables=True,
                                      include_links=False, include_images=False, deduplicate=False)
    except Exception:  # noqa: BLE001 - a page trafilatura cannot parse still has its text
        article = None
    if not article:
        return whole
    return article.strip()


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
    text = _SPACES.sub(" ", text)
    return _LINE_BREAK.sub("\n", text).strip()
