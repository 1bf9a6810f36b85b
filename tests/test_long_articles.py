"""A long article is processed in parts; extract_json() writes each part's records out as
JSON as the part is done. Its text must be extract(...).to_json(), byte for byte: on one
line and on many, with officials met in several parts, legacy input (converted offsets),
HTML, and a short article (one part)."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.pipeline import extract, extract_json, steps
from extractor.text.inputs import to_legacy

ARTICLES = Path(__file__).resolve().parent.parent / "corpus" / "articles"
BASE = ("Năm 2022, có chi ủy 1.359/1.417 = 95,91% (tăng 0,14% so với năm 2021); Thiếu tướng Hồ Văn Thái, "
        "Bí thư Đảng ủy, Chính ủy Quân khu 9 dự theo Nghị quyết số 21-NQ/TW ngày 16-6-2022.")


@pytest.fixture
def small_parts(monkeypatch):
    monkeypatch.setattr(steps, "CHUNK", 3_000)


def _articles() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))[:4])


@pytest.mark.parametrize("text", [
    pytest.param((BASE + " ") * 60, id="one-line"),
    pytest.param((BASE + "\n") * 60, id="lines"),
    pytest.param(None, id="articles"),
])
def test_the_streamed_json_is_the_report_s_json(small_parts, text):
    text = text if text is not None else _articles()
    assert len(text) > steps.CHUNK * 3
    report = extract(text, "long")
    assert "E009" in [e.code for e in report.errors] and len(report.officials) >= 1
    assert extract_json(text, "long") == (report.to_json(), [e.code for e in report.errors])


def test_legacy_and_html_input_and_bytes(small_parts, tmp_path):
    legacy = to_legacy((BASE + "\n") * 40, "tcvn3").encode("latin-1", errors="replace")
    report = extract(legacy, "x")
    assert report.offsets == "converted" and report.source_text
    assert extract_json(legacy, "x") == (report.to_json(), [e.code for e in report.errors])
    page = tmp_path / "trang.html"
    page.write_text("<html><body>" + "".join(f"<p>{BASE}</p>" for _ in range(40)) + "</body></html>", encoding="utf-8")
    json_text, codes = extract_json(page)
    assert json_text == extract(page).to_json() and "E007" in codes


def test_a_short_article_is_one_part():
    text = (ARTICLES / "t02-ngan-sach-tinh-quy-3.txt").read_text(encoding="utf-8")
    assert extract_json(text, "a") == (extract(text, "a").to_json(), [e.code for e in extract(text, "a").errors])
    with pytest.raises(TypeError):
        extract_json(3)


def test_written_piece_by_piece_to_a_stream(small_parts):
    import io

    from extractor.pipeline import write_json

    text = (BASE + "\n") * 60
    out = io.StringIO()
    codes = write_json(text.encode("utf-8"), out, "long")
    report = extract(text, "long")
    assert out.getvalue() == report.to_json() and codes == [e.code for e in report.errors]


def test_chiso_extract_prints_the_same_report(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "dai.txt"
    path.write_text((BASE + "\n") * 1400, encoding="utf-8")        # over 200,000 characters: parts
    done = subprocess.run([sys.executable, "-m", "extractor.interfaces.cli", "extract", str(path)],
                          capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    report = extract(path)
    assert "E009" in [e.code for e in report.errors]
    assert done.stdout.decode("utf-8") == report.to_json() + "\n"
