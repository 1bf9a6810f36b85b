"""Hostile and messy input: every case gives a report (never a traceback) that says what
was repaired, and spans that index the text they claim to index."""
import codecs
import time
import unicodedata

import pytest

from extractor.report.errors import NotText
from extractor.text.inputs import detect_legacy, from_legacy, read_bytes, strip_html, to_legacy
from extractor.patterns import load_patterns
from extractor.pipeline import extract, extract_bytes

SENTENCE = "Lực lượng dân quân đạt 20,29% (tăng 0,53% so với năm 2021), theo Quyết định số 12/QĐ-UBND."
LEGACY = load_patterns().table("legacy_encodings")


def _spans_ok(report, text):
    for section in (report.figures, report.documents, report.dates):
        for item in section:
            assert text[item.start:item.end] == item.text


@pytest.mark.parametrize("text", ["", " ", "\n\t  \n"])
def test_empty_input_says_so(text):
    report = extract(text)
    assert [e.code for e in report.errors] == ["E001"] and not report.figures


def test_invalid_utf8_bytes_are_replaced_and_located():
    raw = "Có 5 xã".encode() + b"\xff\xfe" + " đạt 95%".encode()
    report = extract_bytes(raw)
    assert report.errors[0].code == "E002" and "byte offset(s) 9, 10" in report.errors[0].message
    assert [f.value for f in report.figures] == [5, 95]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom(codec):
    raw = SENTENCE.encode(codec)
    if codec == "utf-16-be":
        raw = codecs.BOM_UTF16_BE + raw
    report = extract_bytes(raw)
    assert [f.text for f in report.figures] == ["20,29%", "tăng 0,53%"] and not report.errors


def test_utf8_bom_is_dropped():
    report = extract_bytes(codecs.BOM_UTF8 + SENTENCE.encode())
    assert report.figures[0].text == "20,29%"


def test_nfd_input_keeps_exact_spans():
    text = unicodedata.normalize("NFD", SENTENCE)
    report = extract(text)
    _spans_ok(report, text)
    assert [d.number for d in report.documents] == ["12/QĐ-UBND"]


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("example", LEGACY["examples"], ids=lambda e: e["unicode"][:20])
def test_legacy_tables_round_trip(encoding, example):
    text = example["unicode"]
    legacy = to_legacy(text, encoding)
    assert legacy != text and detect_legacy(legacy) == encoding
    assert from_legacy(legacy, encoding) == text
    assert detect_legacy(text) is None


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_text_is_converted_and_reported(encoding):
    legacy = to_legacy(SENTENCE, encoding)
    report = extract(legacy)
    assert report.errors[0].code == "E006" and encoding.upper() in report.errors[0].message
    assert report.offsets == "converted" and report.source_text == SENTENCE
    assert [f.text for f in report.figures] == ["20,29%", "tăng 0,53%"]
    _spans_ok(report, report.source_text)


def test_tcvn3_bytes_in_a_file():
    raw = to_legacy(SENTENCE, "tcvn3").encode("cp1252")
    report = extract_bytes(raw)
    assert report.errors[0].code == "E006" and report.source_text == SENTENCE


def test_html_is_stripped_and_offsets_refer_to_its_text(tmp_path):
    page = ("<html><head><title>x</title><script>var a = '99%';</script><style>p{color:red}</style></head>"
            "<body><p>Tỷ lệ đạt 95,91&nbsp;% &amp; tăng 0,14% so với năm 2021.</p></body></html>")
    report = extract(page, html=True)
    assert report.offsets == "extracted" and report.errors[0].code == "E007"
    assert [float(f.value) for f in report.figures] == [95.91, 0.14]
    _spans_ok(report, report.source_text)
    assert "var a" not in report.source_text and "&amp;" not in report.source_text
    path = tmp_path / "bai.html"
    path.write_text(page, encoding="utf-8")
    from click.testing import CliRunner
    from extractor.interfaces.cli import main
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0 and '"offsets": "extracted"' in result.output


def test_strip_html_keeps_blocks_apart():
    assert strip_html("<p>Một</p><p>Hai</p>") == "Một\nHai"


def test_a_very_long_line_and_a_long_article():
    line = ("Có 5 xã đạt 95%, tăng 2% so với năm 2021; " * 8000)   # one 330k-character line
    report = extract(line)
    assert len(report.figures) == 3 * 8000
    _spans_ok(report, line)
    assert any(e.code == "E009" for e in report.errors)


def test_100000_digit_number_is_refused_not_fatal():
    text = "Con số " + "7" * 100_000 + " người, và 5 xã."
    report = extract(text)
    assert [e.code for e in report.errors] == ["E008"]
    assert [f.text for f in report.figures] == ["5 xã"]


@pytest.mark.parametrize("text", ["1/" * 100_000, "%" * 100_000, "tăng " * 100_000, "Nguyễn " * 50_000,
                                  "1.1." * 50_000, "(" * 100_000, "từ 1 đến " * 30_000])
def test_pathological_repeats_finish(text):
    start = time.perf_counter()
    report = extract(text)
    assert not [e for e in report.errors if e.code == "E003"], report.errors
    assert time.perf_counter() - start < 120       # a guard against hangs, not a benchmark


def test_bytes_reader_decodes_or_refuses_and_nothing_else():
    for raw in (b"", b"\x00\x01\x02", bytes(range(256)), b"\xff" * 100, "é".encode("utf-16-le"), b"\x80" * 3):
        try:
            read_bytes(raw)
        except NotText as exc:
            assert "not text" in str(exc)
