"""The command line never destroys data, refuses what is not text, and follows the
conventions people expect of a Unix tool (issue 10: each case as it was reported)."""
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.interfaces.cli import main
from extractor.text.inputs import to_legacy
from extractor.pipeline import extract, extract_bytes

TEXT = "Lực lượng dân quân đạt 20,29% (tăng 0,53% so với năm 2021)."
CHISO = [sys.executable, "-m", "extractor.interfaces.cli"]


def _jsonl(path: Path, n: int = 3) -> Path:
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": f"Có {i + 2} xã đạt chuẩn."}, ensure_ascii=False) + "\n"
                            for i in range(n)), encoding="utf-8")
    return path


def _invoke(*args, **kw):
    return CliRunner().invoke(main, list(args), **kw)


# --- never lose data -------------------------------------------------------------------

def test_batch_refuses_an_output_that_is_its_input(tmp_path):
    src = _jsonl(tmp_path / "s.jsonl")
    before = src.read_bytes()
    result = _invoke("batch", str(src), "-o", str(src), "--no-progress")
    assert result.exit_code == 2 and "overwrite the input" in result.output
    assert src.read_bytes() == before


def test_batch_refuses_the_input_through_another_path(tmp_path):
    src = _jsonl(tmp_path / "s.jsonl")
    (tmp_path / "link.jsonl").symlink_to(src)
    before = src.read_bytes()
    result = _invoke("batch", str(src), "-o", str(tmp_path / "link.jsonl"), "--no-progress")
    assert result.exit_code == 2 and src.read_bytes() == before


def test_a_missing_input_leaves_an_existing_output_alone(tmp_path):
    out = tmp_path / "existing.jsonl"
    out.write_text('{"id": "old"}\n', encoding="utf-8")
    result = _invoke("batch", str(tmp_path / "missing.jsonl"), "-o", str(out), "--no-progress")
    assert result.exit_code == 2 and "no such file" in result.output
    assert out.read_text(encoding="utf-8") == '{"id": "old"}\n'
    assert list(tmp_path.iterdir()) == [out]


def test_a_usage_error_creates_no_file(tmp_path):
    src = _jsonl(tmp_path / "s.jsonl")
    out = tmp_path / "o.jsonl"
    result = _invoke("batch", str(src), "-o", str(out), "--jobs", "zero")
    assert result.exit_code == 2 and not out.exists()
    result = _invoke("batch", str(src), "-o", "-", "--resume")
    assert result.exit_code == 2 and "--resume" in result.output


def test_an_output_folder_that_does_not_exist_is_one_line(tmp_path):
    src = _jsonl(tmp_path / "s.jsonl")
    result = _invoke("batch", str(src), "-o", "/no/such/dir/o.jsonl", "--no-progress")
    assert result.exit_code == 2 and result.output.count("\n") == 1 and "no such folder" in result.output


def test_batch_writes_beside_the_output_and_renames_at_the_end(tmp_path, monkeypatch):
    from extractor.interfaces import batch as batch_module

    src = _jsonl(tmp_path / "s.jsonl", 3)
    out = tmp_path / "o.jsonl"
    out.write_text('{"id": "previous run"}\n', encoding="utf-8")
    seen = []
    real = batch_module.process

    def watching(item):
        # While the run goes on, the previous output is whole and the new one is .partial.
        seen.append((out.read_text(encoding="utf-8"), batch_module.partial_path(out).exists()))
        return real(item)

    monkeypatch.setattr(batch_module, "process", watching)
    batch_module.run_batch(src, out, progress=False)
    assert all(text == '{"id": "previous run"}\n' and partial for text, partial in seen)
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a0", "a1", "a2"]
    assert not batch_module.partial_path(out).exists()


def test_resume_after_a_killed_run_continues_its_partial_file(tmp_path):
    from extractor.interfaces.batch import partial_path, run_batch

    src = _jsonl(tmp_path / "s.jsonl", 4)
    out = tmp_path / "o.jsonl"
    done = json.dumps({"id": "a0", "figures": [], "errors": []})
    partial_path(out).write_text(done + "\n" + '{"id": "a1", "fig', encoding="utf-8")   # killed mid-line
    summary = run_batch(src, out, progress=False, resume=True)
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["a0", "a1", "a2", "a3"] and summary.skipped == 1
    assert not partial_path(out).exists()


# --- streams and conventions ---------------------------------------------------------

def test_batch_to_standard_output_streams_json_lines(tmp_path):
    src = _jsonl(tmp_path / "s.jsonl", 2)
    result = subprocess.run(CHISO + ["batch", str(src), "-o", "-"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a0", "a1"]
    assert not (tmp_path / "-").exists() and not Path("-").exists()
    assert "2 articles" in result.stderr


def test_extract_takes_several_files(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    result = _invoke("extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert result.exit_code == 0
    assert [json.loads(line)["id"] for line in result.output.splitlines()] == ["a", "b"]
    assert _invoke("extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--id", "x").exit_code == 2


@pytest.mark.parametrize("args,says", [
    (["extract", "/no/such/file.txt"], "no such file"),
    (["extract", "/tmp"], "is a folder"),
    (["check", "/no/such/file.txt"], "no such file"),
    (["schema", "-o", "/no/such/dir/x.json"], "No such file or directory"),
    (["eval", "/tmp"], "no gold"),
])
def test_bad_paths_are_one_line_and_exit_2(args, says):
    result = _invoke(*args)
    assert result.exit_code == 2, result.output
    assert says in result.output and "Traceback" not in result.output and result.output.count("\n") == 1


def test_extract_with_no_input_on_a_terminal_says_so():
    code = ("import sys; sys.stdin.isatty = lambda: True; sys.argv = ['chiso', 'extract']; "
            "from extractor.interfaces.cli import main; main()")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "no input" in result.stderr


def test_no_color_and_the_color_flags(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Có 2/3 đơn vị (chiếm 66,64%) hoàn thành.", encoding="utf-8")
    coloured = _invoke("--color", "check", str(path))
    assert "\x1b[" in coloured.output and coloured.exit_code == 1
    assert "\x1b[" not in _invoke("--no-color", "check", str(path), color=True).output
    assert "\x1b[" not in _invoke("check", str(path), env={"NO_COLOR": "1"}, color=True).output
    assert "\x1b[" in _invoke("check", str(path), color=True).output


def test_check_in_vietnamese_translates_the_summary_and_the_notation(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Tổng chi đạt 106.376 tỷ đồng, trong đó chi đầu tư 75.105 tỷ đồng, chi thường xuyên "
                    "5.000 tỷ đồng và chi trả nợ 26.361 tỷ đồng.", encoding="utf-8")
    vi = _invoke("check", str(path), "--vi").output
    assert "1 phép tính: 0 khớp, 1 không khớp" in vi and "tổng các phần" in vi and "[sai]" in vi
    assert "75.105 tỷ + 5.000 tỷ + 26.361 tỷ = 106.466 tỷ" in vi and "claims" not in vi
    en = _invoke("check", str(path)).output
    assert "75,105 tỷ + 5,000 tỷ + 26,361 tỷ = 106,466 tỷ" in en and "not the stated 106,376 tỷ" in en


def test_eval_refuses_a_folder_without_gold(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(TEXT, encoding="utf-8")
    result = _invoke("eval", str(tmp_path))
    assert result.exit_code == 2 and "no gold" in result.output


def test_the_batch_summary_counts_errors_by_code(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("", encoding="utf-8")
    (folder / "c.html").write_text("<p>Có 5 xã</p>", encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n")
    result = _invoke("batch", str(folder), "-o", str(tmp_path / "o.jsonl"), "--no-progress")
    ids = [json.loads(line)["id"] for line in (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()]
    assert ids == ["a", "c", "sub/b"]
    assert "errors by code (articles): E001 ×1, E007 ×1" in result.output
    assert "2 files passed over (not .txt, .html, .htm): notes.md, scan.pdf" in result.output


def test_the_progress_bar_knows_its_total(tmp_path):
    src = _jsonl(tmp_path / "s.jsonl", 3)
    result = _invoke("batch", str(src), "-o", str(tmp_path / "o.jsonl"), "--progress")
    assert "3/3" in result.output


# --- not text ---------------------------------------------------------------------------

def _docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>Có 5 xã</w:document>")
    return path


@pytest.mark.parametrize("make,says", [
    (lambda p: p.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), "PDF"),
    (lambda p: _docx(p), "Word document"),
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200)), "image"),
    (lambda p: p.write_bytes(b"\x1f\x8b\x08\x00" + bytes(100)), "gzip"),
    (lambda p: p.write_bytes(Path(sys.executable).resolve().read_bytes()[:4096]), "executable"),
    (lambda p: p.write_bytes(bytes(range(256)) * 20), "binary"),
])
def test_what_is_not_text_is_refused(tmp_path, make, says):
    path = tmp_path / "input.txt"
    make(path)
    result = _invoke("extract", str(path))
    assert result.exit_code == 2 and says in result.output and "not text" in result.output
    line = {"id": "x", "text": None}
    folder = tmp_path / "f"
    folder.mkdir()
    os.replace(path, folder / "x.txt")
    out = tmp_path / "o.jsonl"
    batch = _invoke("batch", str(folder), "-o", str(out), "--no-progress")
    (line,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert line["errors"][0]["code"] == "E010" and batch.exit_code == 1


def test_random_latin1_bytes_are_not_tcvn3():
    import random

    rng = random.Random(7)
    raw = bytes(rng.choice(range(0x20, 0x100)) for _ in range(3000))
    try:
        report = extract_bytes(raw)
    except Exception as exc:   # refused as not text is the right answer too
        assert "not text" in str(exc)
        return
    assert not any(e.code == "E006" for e in report.errors) and not report.figures


def test_windows_1258_is_recognised_and_composed():
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    text = "Thiếu tướng Hồ Văn Thái, Bí thư Đảng ủy, Chính ủy Quân khu 9 chỉ đạo 120 đại biểu."

    def cp1258(ch):   # the code page writes base letters precomposed and the tone as a combining mark
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
        return base + "".join(c for c in d if c in tones)

    report = extract_bytes("".join(map(cp1258, text)).encode("cp1258"))
    assert report.errors[0].code == "E006" and "WINDOWS-1258" in report.errors[0].message
    assert report.source_text == text
    assert [o.name for o in report.officials] == ["Hồ Văn Thái"] and report.figures[0].text == "120 đại biểu"


def test_mojibake_is_repaired_not_converted_from_tcvn3():
    text = "Hôm nay, Đảng ủy Quân sự tỉnh tổ chức hội nghị tổng kết với 120 đại biểu dự."
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252: what browsers do with cp1252)

    for wrong in ("sloppy-windows-1252", "latin-1"):
        report = extract(text.encode("utf-8").decode(wrong))
        codes = [e.code for e in report.errors]
        assert "E006" not in codes and "E012" in codes
        assert "Quân sự tỉnh tổ chức" in report.source_text


def test_text_in_another_code_page_is_decoded_not_mangled():
    raw = ("Le président a annoncé une réunion à Genève où 120 délégués étaient présents. " * 3).encode("cp1252")
    report = extract_bytes(raw)
    assert report.errors[0].code == "E013" and "à Genève où" in report.source_text


def test_unicode_vietnamese_is_left_as_it_is():
    for text in (TEXT, "Hôm nay trời đẹp. Giá 1,5 tỷ đồng.", "Ông Nguyễn Văn A và bà Trần Thị B."):
        report = extract(text)
        assert report.offsets == "input" and not report.errors


def test_legacy_detection_needs_evidence():
    # A few TCVN3-looking characters in Unicode text are not an encoding.
    text = "Giá vàng SJC ở mức 66,5 triệu đồng/lượng (±0,5%), tăng nhẹ ¸ so với hôm qua."
    assert extract(text).offsets == "input"
    assert extract(to_legacy(TEXT * 3, "tcvn3")).offsets == "converted"


def test_a_lone_surrogate_is_replaced_and_reported(tmp_path):
    src = tmp_path / "s.jsonl"
    src.write_text('{"id": "x", "text": "C\\u00f3 5 x\\u00e3 \\ud800 \\u0111\\u1ea1t 95%."}\n', encoding="utf-8")
    out = tmp_path / "o.jsonl"
    result = _invoke("batch", str(src), "-o", str(out), "--no-progress")
    (line,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert result.exit_code == 0 and line["errors"][0]["code"] == "E011"
    assert [f["value"] for f in line["figures"]] == [5, 95]


def test_a_news_page_gives_its_article_not_its_menus():
    menu = "".join(f"<li><a href='/c{i}'>Chuyên mục {i}: có 9{i} bài mới</a></li>" for i in range(30))
    related = "".join(f"<li><a href='/r{i}'>Tin liên quan {i} với 1{i}.000 lượt xem</a></li>" for i in range(10))
    body = ("<p>Sáng 4/7, Phòng Cảnh sát giao thông tổ chức hội nghị sơ kết công tác bảo đảm trật tự, an toàn "
            "giao thông 6 tháng đầu năm. Trên địa bàn thành phố xảy ra 1.907 vụ tai nạn giao thông, làm chết 298 "
            "người, bị thương 1.367 người.</p>" * 3)
    page = (f"<html><head><title>Tin</title></head><body><nav><ul>{menu}</ul></nav><article><h1>TNGT giảm</h1>"
            f"{body}</article><aside><ul>{related}</ul></aside><div class='comments'><p>Bình luận: 5 sao</p></div>"
            "<footer>© 2023 Báo X, giấy phép số 123/GP-BTTTT</footer></body></html>")
    report = extract(page, html=True)
    assert "Chuyên mục" not in report.source_text and "Tin liên quan" not in report.source_text
    assert {f.text for f in report.figures} >= {"1.907 vụ", "298 người", "1.367 người"}


# --- exact numbers ----------------------------------------------------------------------

def test_json_numbers_keep_their_digits():
    report = extract("Có 1/3 = 33,333333333333333333% số xã và 1,5 tỷ đồng.")
    data = json.loads(report.to_json(), parse_float=Decimal)
    assert data["figures"][0]["value"] == Decimal("33.333333333333333333")
    assert '"value": 1500000000' in report.to_json() and "E+" not in report.to_json()


def test_huge_numbers_do_not_lose_the_article():
    report = extract("100000000000000000000/1=0%")
    assert report.figures and not [e for e in report.errors if e.code == "E004"]
