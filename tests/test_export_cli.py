"""`chiso html` (one self-contained file) and `chiso batch --csv` (spreadsheets), as a user
runs them."""
from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import simplejson
from click.testing import CliRunner

from extractor import extract
from extractor.interfaces.cli import main
from extractor.interfaces.export import CHECK_COLUMNS, FIGURE_COLUMNS

from .conftest import ROOT

ARTICLES = ROOT / "corpus" / "articles"
T02 = ARTICLES / "t02-ngan-sach-tinh-quy-3.txt"
T07 = ARTICLES / "t07-bao-hiem-xa-hoi-6-thang.txt"


def _rows(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("\ufeff"), "a BOM, so that Excel reads UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_html_report_is_one_file_with_everything_inside(tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["html", str(T02), str(T07), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["'](?!data:|#)""", page), "no asset is fetched: all inline"
    assert "https://" not in page and not re.search(r"<link (?![^>]*data:)", page)
    embedded = re.findall(r'<script type="application/json" class="chiso-report" data-index="(\d)">(.*?)</script>',
                          page, re.S)
    assert [i for i, _ in embedded] == ["0", "1"]
    for (_, raw), path in zip(embedded, (T02, T07)):
        text = path.read_text(encoding="utf-8")
        # the page undoes the two escapes for the JSON download: the report byte for byte
        assert raw.replace("<\\/", "</").replace("<\\u0021--", "<!--") == extract(text, path.stem).to_json()
    articles = re.findall(r'<script type="application/json" class="chiso-article" data-index="\d">(.*?)</script>',
                          page, re.S)
    first = json.loads(articles[0])
    assert first["text"] == T02.read_text(encoding="utf-8") and first["csv"]["figures"].startswith("\ufeffarticle,")


def test_html_report_of_hostile_text_cannot_break_out_of_its_script(tmp_path):
    source = tmp_path / "x.txt"
    source.write_text("Tăng 5% </script><script>alert(1)</script> <!-- và 10%", encoding="utf-8")
    out = tmp_path / "x.html"
    assert CliRunner().invoke(main, ["html", str(source), "-o", str(out)]).exit_code == 0
    page = out.read_text(encoding="utf-8")
    # Only the page's own elements are scripts (config, article, report, the code: an
    # import map of its modules and the entry module); the text's tags stay JSON inside
    # them, and no '<!--' can start the escaped state.
    class Scripts(HTMLParser):
        found: list = []

        def handle_starttag(self, tag, attrs):
            if tag == "script":
                a = dict(attrs)
                self.found.append(a.get("class") or a.get("id") or a.get("type") or "code")
    parser = Scripts()
    parser.feed(page)
    assert parser.found == ["chiso-config", "chiso-article", "chiso-report", "importmap", "module"]
    assert "<!--" not in page.split('id="chiso-config"')[1]
    report = re.search(r'class="chiso-report" data-index="0">(.*?)</script>', page, re.S).group(1)
    assert json.loads(report)["figures"][1]["text"] == "10%"
    unescaped = report.replace("<\\/", "</").replace("<\\u0021--", "<!--")
    assert unescaped == extract(source.read_text(encoding="utf-8"), "x").to_json()


def test_html_report_refuses_what_it_cannot_read(tmp_path):
    result = CliRunner().invoke(main, ["html", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "no such file" in result.output and not (tmp_path / "r.html").exists()
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    result = CliRunner().invoke(main, ["html", str(pdf), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "not text" in result.output
    result = CliRunner().invoke(main, ["html", str(T02), "-o", str(tmp_path / "no" / "dir" / "r.html")])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_batch_csv_has_a_row_per_figure_and_per_check(tmp_path):
    source = tmp_path / "in.jsonl"
    texts = {"t02": T02.read_text(encoding="utf-8"), "t07": T07.read_text(encoding="utf-8")}
    source.write_text("\n".join(json.dumps({"id": k, "text": v}, ensure_ascii=False) for k, v in texts.items())
                      + "\nnot json\n", encoding="utf-8")
    out, figures = tmp_path / "out.jsonl", tmp_path / "figures.csv"
    result = CliRunner().invoke(main, ["batch", str(source), "-o", str(out), "--csv", str(figures), "--no-progress"])
    assert result.exit_code == 1, result.output          # the bad line gave no report
    reports = {k: extract(v, k) for k, v in texts.items()}
    rows = _rows(figures)
    assert tuple(rows[0]) == FIGURE_COLUMNS
    assert [(r["article"], r["id"]) for r in rows] == [(k, f.id) for k, r in reports.items() for f in r.figures]
    by_id = {(r["article"], r["id"]): r for r in rows}
    for k, report in reports.items():
        for f in report.figures:
            row = by_id[(k, f.id)]
            assert row["text"] == f.text and row["kind"] == f.kind
            assert row["value"] == ("" if f.value is None else format(f.value, "f"))
    checks = _rows(tmp_path / "figures-checks.csv")
    assert tuple(checks[0]) == CHECK_COLUMNS
    assert [(r["article"], r["id"], r["status"]) for r in checks] == [
        (k, c.id, c.status) for k, r in reports.items() for c in r.checks]
    wrong = next(r for r in checks if r["status"] == "inconsistent")
    assert wrong["figures"] and wrong["computed"] and wrong["message_vi"]
    used = next(r for r in rows if r["checks"])
    assert all(c in {x["id"] for x in checks if x["article"] == used["article"]} for c in used["checks"].split(";"))


def test_batch_csv_keeps_exact_digits(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "Chi 2.315.480.250,5 đồng, đạt 33,333333333333333333%."}),
                      encoding="utf-8")
    out, figures, checks = tmp_path / "out.jsonl", tmp_path / "f.csv", tmp_path / "c.csv"
    result = CliRunner().invoke(main, ["batch", str(source), "-o", str(out), "--csv", str(figures),
                                       "--checks-csv", str(checks), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert [r["value"] for r in _rows(figures)] == ["2315480250.5", "33.333333333333333333"]
    assert checks.exists()
    values = [f["value"] for f in simplejson.loads(out.read_text(encoding="utf-8"), use_decimal=True)["figures"]]
    assert [str(v) for v in values] == ["2315480250.5", "33.333333333333333333"]


def test_batch_csv_refuses_what_cannot_work(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "Đạt 5%."}\n', encoding="utf-8")
    for args, words in ((["-o", "-", "--csv", str(tmp_path / "f.csv")], "output file"),
                        (["-o", str(tmp_path / "o.jsonl"), "--checks-csv", str(tmp_path / "c.csv")], "goes with --csv"),
                        (["-o", str(tmp_path / "o.jsonl"), "--csv", str(source)], "different files")):
        result = CliRunner().invoke(main, ["batch", str(source), *args, "--no-progress"])
        assert result.exit_code == 2 and words in result.output, result.output
    assert source.read_text(encoding="utf-8") == '{"id": "a", "text": "Đạt 5%."}\n'


def test_the_page_assets_can_sit_inline_in_a_script_or_style():
    """`chiso html` inlines chiso.js and chiso.css: neither may hold what ends or escapes
    the element it sits in."""
    from extractor.interfaces.page import ASSETS, asset

    for name in ASSETS:
        text = asset(name).decode("utf-8").lower()
        assert "<!--" not in text and "</script" not in text and "</style" not in text, name
