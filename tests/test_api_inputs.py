"""The Python API takes an article as str, bytes or a path: bytes and paths are read as
`chiso extract FILE` reads a file (the same decoder, the same `errors` entries, a path's
name as the id, HTML by its suffix); anything else is a TypeError that says what is taken."""
from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from extractor import extract
from extractor.interfaces.cli import main
from extractor.pipeline import extract_bytes
from extractor.report.errors import NotText
from extractor.text.inputs import read_bytes, read_text, to_legacy

ARTICLE = "Toàn huyện có 47/52 xã (chiếm 90,38%) đạt chuẩn. Doanh thu tăng 5% so với năm 2021."
TCVN3 = to_legacy(ARTICLE, "tcvn3").encode("cp1252")   # the article's bytes in TCVN3
PAGE = f"<html><body><p>{ARTICLE}</p></body></html>"


def codes(report) -> list[str]:
    return [e.code for e in report.errors]


# --- bytes --------------------------------------------------------------------------------

def test_extract_reads_bytes_as_a_file_is_read():
    report = extract(TCVN3, id="x")
    assert report.to_json() == extract_bytes(TCVN3, "x").to_json()
    assert codes(report) == ["E006"] and report.figures
    assert extract(ARTICLE.encode("utf-16")).to_json() == extract(ARTICLE).to_json()
    assert extract(bytearray(ARTICLE.encode())).to_json() == extract(ARTICLE).to_json()
    assert extract(memoryview(ARTICLE.encode())).to_json() == extract(ARTICLE).to_json()


def test_bytes_keep_the_decoders_errors_entries():
    broken = ARTICLE.encode() + b" \xff\xfe."
    assert codes(extract(broken)) == ["E002"] == codes(extract_bytes(broken))
    assert codes(extract(PAGE.encode(), html=True)) == ["E007"]


def test_bytes_that_are_not_text_raise_not_text():
    with pytest.raises(NotText, match="PDF"):
        extract(b"%PDF-1.4\n" * 50)


def test_bytes_give_what_the_command_line_gives(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_bytes(TCVN3)
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0 and result.output.strip() == extract(TCVN3, id="bai").to_json()


# --- paths --------------------------------------------------------------------------------

def test_extract_reads_a_path_with_its_name_as_the_id(tmp_path):
    txt, page = tmp_path / "bai-hai.txt", tmp_path / "trang.html"
    txt.write_text(ARTICLE, encoding="utf-8")
    page.write_text(PAGE, encoding="utf-8")
    assert extract(txt).to_json() == extract(ARTICLE, id="bai-hai").to_json()
    assert extract(txt, id="khac").id == "khac"
    html = extract(page)
    assert html.id == "trang" and "E007" in codes(html) and html.figures
    result = CliRunner().invoke(main, ["extract", str(page)])
    assert result.output.strip() == html.to_json()


def test_any_path_like_is_a_path_and_htm_is_html(tmp_path):
    page = tmp_path / "trang.HTM"
    page.write_text(PAGE, encoding="utf-8")

    class Where:                       # os.PathLike without being a pathlib.Path
        def __fspath__(self) -> str:
            return str(page)

    report = extract(Where())
    assert isinstance(Where(), os.PathLike) and report.id == "trang" and "E007" in codes(report)
    with pytest.raises(NotText):
        (tmp_path / "a.txt").write_bytes(b"%PDF-1.4\n" * 50)
        extract(tmp_path / "a.txt")


def test_a_str_is_the_article_never_a_path(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    report = extract(str(tmp_path / "a.txt"))
    assert report.id is None and not report.figures


# --- anything else ------------------------------------------------------------------------

@pytest.mark.parametrize("wrong", [5, None, ["a"], {"text": "a"}])
def test_anything_else_is_a_clear_type_error(wrong):
    with pytest.raises(TypeError, match=r"extract\(\) takes the article as str, bytes or a path.*chiso batch"):
        extract(wrong)


def test_extract_bytes_says_what_it_takes():
    with pytest.raises(TypeError, match=r"extract_bytes\(\) takes bytes.*extract\(\) takes str, bytes or a path"):
        extract_bytes(ARTICLE)


def test_read_text_takes_bytes_and_read_bytes_says_what_it_takes():
    assert read_text(TCVN3).text == ARTICLE
    assert read_text(ARTICLE.encode()).text == read_bytes(ARTICLE.encode()).text == ARTICLE
    assert read_text(ARTICLE.encode(), errors=None).errors == []
    with pytest.raises(TypeError, match=r"read_bytes\(\) takes bytes"):
        read_bytes(ARTICLE)
    with pytest.raises(TypeError, match=r"read_text\(\) takes str"):
        read_text(5)
    # errors= and offsets= describe a decoded text; with bytes they are a mistake, said so
    with pytest.raises(TypeError, match=r"read_bytes\(\) decodes them"):
        read_text(TCVN3, errors=[])
