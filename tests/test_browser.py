"""The web page in a real browser: Debian's chromium, headless, driven by Playwright.

Server mode against a `chiso serve` started here (127.0.0.1, a free port, one worker):
paste an article, its highlights and its ✗ check with the arithmetic, selection by click
and keyboard, the language switch, the downloads, screenshots under out/; a TCVN3 file
uploaded; errors; a hostile text. Static mode: the `chiso html` file opened with the
network off shows the same. Every expectation is computed from the report chiso gives
for the same text. None of these tests may be skipped: chromium missing is a failure."""
from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest

from extractor import extract
from extractor.report.errors import error_entry
from extractor.text.inputs import read_bytes, to_legacy
from extractor.interfaces.export import CHECK_COLUMNS, FIGURE_COLUMNS, to_csv
from extractor.interfaces.messages import messages_table
from extractor.pipeline import extract_bytes

from .browser import (OUT, ROOT, Server, analyse, assert_checks, assert_marks, chiso_command, expected_spans,
                      format_number, launch, report_of_json, sync_playwright, wait_state)

ARTICLES = ROOT / "corpus" / "articles"
T02 = ARTICLES / "t02-ngan-sach-tinh-quy-3.txt"
T07 = ARTICLES / "t07-bao-hiem-xa-hoi-6-thang.txt"
MAX_BODY = 200_000
MESSAGES = messages_table()


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def report_and_json(text: str, article_id: str | None):
    """(the report as the page reads it, its JSON text, the Report) for a text."""
    report = extract(text, article_id)
    raw = report.to_json()
    return report_of_json(raw), raw, report


def web(lang: str, key: str) -> str:
    return MESSAGES[lang]["web"][key]


# --- fixtures -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("server") / "serve.log",
                 "--workers", "1", "--max-body", str(MAX_BODY)).start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = launch(p)
        try:
            yield b
        finally:
            b.close()


class Watched:
    """A page and what it reported: console errors, uncaught errors, requests."""

    def __init__(self, page):
        self.page = page
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))


@pytest.fixture(scope="module")
def watched(browser, server):
    # Reduced motion: the page scrolls at once instead of smoothly, so "in view" is final.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True,
                                  reduced_motion="reduce", locale="vi-VN")
    context.set_default_timeout(30_000)
    w = Watched(context.new_page())
    w.page.goto(server.url)
    wait_state(w.page, "idle")
    yield w
    context.close()


@pytest.fixture
def page(watched):
    """The server page, in Vietnamese, with no uncaught script error during the test."""
    before = len(watched.page_errors)
    if watched.page.evaluate("document.documentElement.lang") != "vi":
        watched.page.click('#lang-switch button[data-lang="vi"]')
    yield watched.page
    assert watched.page_errors[before:] == []
    # The browser's own line for an HTTP error answer is expected; nothing else is.
    assert [m for m in watched.console_errors if "Failed to load resource" not in m] == []


@pytest.fixture(scope="module")
def t02():
    text = read(T02)
    report, raw, obj = report_and_json(text, "t02")
    assert any(c["status"] == "inconsistent" for c in report["checks"]), "t02 is meant to have a ✗ check"
    return {"text": text, "report": report, "raw": raw, "obj": obj}


def show_t02(page, t02) -> None:
    """t02 on the page (pasted, id t02), unless it is already what the page shows."""
    shown = page.evaluate("""() => document.body.dataset.state === "ready"
        && document.getElementById("input-id").value === "t02"
        && document.getElementById("article").textContent""")
    if shown != t02["text"]:
        assert analyse(page, t02["text"], "t02") == "ready"
    page.keyboard.press("Escape")


def first_inconsistent(report: dict) -> dict:
    return next(c for c in report["checks"] if c["status"] == "inconsistent")


def selected(page) -> dict:
    """What is selected: the ids of the marks (is-selected, is-related), of the checks."""
    return page.evaluate("""() => {
        const ids = (sel) => [...new Set([...document.querySelectorAll(sel)].map(e => e.dataset.id))].sort();
        return {
            marks: ids("#article mark.chiso-mark.is-selected"),
            related: ids("#article mark.chiso-mark.is-related"),
            checks: ids("#checks .check.is-selected"),
            all: document.querySelectorAll(".is-selected").length,
            unselected: ids("#article mark.chiso-mark:not(.is-selected)"),
        };
    }""")


def in_viewport(page, selector: str) -> None:
    page.wait_for_function("""sel => { const r = document.querySelector(sel).getBoundingClientRect();
        return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth; }""",
                           arg=selector, timeout=5_000)


# --- server mode ----------------------------------------------------------------------

def test_pasted_article_shows_its_marks_and_checks(page, t02):
    assert page.is_visible("#input-form") and page.is_hidden("#articles-nav")
    assert analyse(page, t02["text"], "t02") == "ready"
    report = t02["report"]
    marks = page.eval_on_selector_all('#article mark.chiso-mark[data-kind="figure"]',
                                      "ms => [...new Set(ms.map(m => m.dataset.id))]")
    assert len(marks) == sum(f["end"] > f["start"] for f in report["figures"])
    for kind, items in (("official", report["officials"]), ("document", report["documents"]),
                        ("date", report["dates"])):
        assert page.locator(f'#article mark.chiso-mark[data-kind="{kind}"]:not([data-continued])').count() \
            == sum(len(spans) for (k, _), spans in expected_spans(report).items() if k == kind), kind
        assert items, f"t02 is meant to have {kind}s"
    assert_marks(page, report, t02["text"])
    assert_checks(page, report, "vi")
    assert page.is_hidden("#notes") and page.text_content("#error") == ""


def test_selection_by_click_and_keyboard(page, t02):
    show_t02(page, t02)
    report = t02["report"]
    figures = {f["id"]: f for f in report["figures"]}
    check = first_inconsistent(report)

    # a ✗ check: its figures light up, the first of them in the text scrolls into view
    page.click(f'#checks .check[data-id="{check["id"]}"] .check-message')
    state = selected(page)
    assert state["checks"] == [check["id"]]
    assert state["marks"] == sorted(set(check["figures"]))
    assert not set(state["unselected"]) & set(check["figures"])   # every piece of them
    first = min(check["figures"], key=lambda fid: figures[fid]["start"])
    in_viewport(page, f'#article mark.chiso-mark[data-id="{first}"]')

    # a figure of it: its checks light up, and the other figures of those checks are related
    plain = page.eval_on_selector_all("#article mark.chiso-mark[data-kind=figure]",
                                      "ms => ms.filter(m => !m.querySelector('mark')).map(m => m.dataset.id)")
    fids = [fid for fid in check["figures"] if fid in plain]
    assert len(fids) >= 2, "a ✗ check of at least two figures without nested marks"

    def expect_item(fid):
        checks = [c for c in report["checks"] if fid in c["figures"]]
        state = selected(page)
        assert state["marks"] == [fid]
        assert state["checks"] == sorted(c["id"] for c in checks)
        assert state["related"] == sorted({g for c in checks for g in c["figures"]} - {fid})
        assert page.get_attribute("#details", "data-item") == fid
        assert page.text_content("#details .details-text") == figures[fid]["text"]

    page.click(f'#article mark.chiso-mark[data-id="{fids[0]}"]')
    expect_item(fids[0])

    page.keyboard.press("Escape")
    assert selected(page)["all"] == 0

    # the keyboard does what the pointer does
    page.focus(f'#article mark.chiso-mark[data-id="{fids[1]}"]')
    page.keyboard.press("Enter")
    expect_item(fids[1])
    page.keyboard.press("Escape")
    assert selected(page)["all"] == 0
    page.focus(f'#checks .check[data-id="{check["id"]}"]')
    page.keyboard.press(" ")
    assert selected(page)["checks"] == [check["id"]]
    page.keyboard.press("Escape")
    assert selected(page)["all"] == 0


def test_language_switch(page, t02):
    show_t02(page, t02)
    report = t02["report"]
    check = first_inconsistent(report)
    li = page.locator(f'#checks .check[data-id="{check["id"]}"]')
    assert page.evaluate("document.documentElement.lang") == "vi"
    assert li.locator(".check-message").text_content() == check["message_vi"]
    try:
        page.click('#lang-switch button[data-lang="en"]')
        assert page.evaluate("document.documentElement.lang") == "en"
        assert page.get_attribute('#lang-switch button[data-lang="en"]', "aria-pressed") == "true"
        assert li.locator(".check-message").text_content() == check["message"]
        assert page.text_content("#analyse") == web("en", "analyse")
        assert li.locator('[data-field="computed"] .num').text_content() == format_number(check["computed"], "en")
        assert_checks(page, report, "en")
        # the text and its marks do not change with the language
        assert page.eval_on_selector("#article", "e => e.textContent") == t02["text"]
    finally:
        page.click('#lang-switch button[data-lang="vi"]')
    assert page.evaluate("document.documentElement.lang") == "vi"
    assert li.locator(".check-message").text_content() == check["message_vi"]
    assert page.text_content("#analyse") == web("vi", "analyse")


def test_downloads(page, t02):
    show_t02(page, t02)
    report = t02["report"]
    with page.expect_download() as info:
        page.click("#download-json")
    download = info.value
    assert download.suggested_filename == "t02.json"
    raw = Path(download.path()).read_bytes().decode("utf-8")
    assert json.loads(raw) == t02["obj"].to_dict()
    assert raw == t02["raw"]                         # the report text exactly, exact digits

    for table, columns, rows in (("figures", FIGURE_COLUMNS, report["figures"]),
                                 ("checks", CHECK_COLUMNS, report["checks"])):
        with page.expect_download() as info:
            page.click(f"#download-{table}-csv")
        download = info.value
        assert download.suggested_filename == f"t02-{table}.csv"
        text = Path(download.path()).read_bytes().decode("utf-8")
        assert text == to_csv([t02["obj"]], table)
        table_rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
        assert table_rows[0] == list(columns)
        assert [r[columns.index("id")] for r in table_rows[1:]] == [r["id"] for r in rows]
    assert page.text_content("#error") == ""


def test_screenshots_wide_and_narrow(page, t02):
    show_t02(page, t02)
    OUT.mkdir(exist_ok=True)
    check = first_inconsistent(t02["report"])
    page.click(f'#checks .check[data-id="{check["id"]}"] .check-message')
    try:
        # What a person sees after the click: the ✗ check and its figures, in view (the
        # README's picture: make screenshot).
        page.screenshot(path=str(OUT / "web-page-check.png"))
        page.screenshot(path=str(OUT / "web-page.png"), full_page=True)
        assert page.evaluate("document.documentElement.clientWidth") == 1280
        page.set_viewport_size({"width": 360, "height": 760})
        assert page.evaluate("document.documentElement.clientWidth") <= 360
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, "horizontal scroll at 360 px"
        assert page.evaluate("document.body.scrollWidth") <= 360
        page.screenshot(path=str(OUT / "web-page-360.png"), full_page=True)
    finally:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.keyboard.press("Escape")
    assert (OUT / "web-page.png").stat().st_size > 0 and (OUT / "web-page-360.png").stat().st_size > 0


def tcvn3_article() -> tuple[Path, str, bytes]:
    """A corpus article whose TCVN3 bytes chiso reads back to the same text (TCVN3 has no
    capital letters with tone marks, so not every article can be written in it)."""
    for path in sorted(ARTICLES.glob("*.txt")):
        text = read(path)
        try:
            raw = to_legacy(text, "tcvn3").encode("cp1252")   # TCVN3's bytes, as tests/test_inputs.py makes them
        except UnicodeEncodeError:
            continue
        if raw != text.encode("utf-8") and read_bytes(raw).text == text and extract(text).figures:
            return path, text, raw
    pytest.fail("no corpus article can be written in TCVN3")


def test_upload_of_a_tcvn3_file(page, tmp_path):
    path, text, raw = tcvn3_article()
    upload = tmp_path / f"{path.stem}-tcvn3.txt"
    upload.write_bytes(raw)
    article_id = upload.stem
    decoded = read_bytes(raw)
    assert [e["code"] for e in decoded.errors] == ["E006"]

    page.fill("#input-id", "")
    with page.expect_response(lambda r: r.url.endswith("/v1/extract")):
        page.set_input_files("#input-file", str(upload))
    assert wait_state(page, "ready", "error") == "ready"
    assert page.text_content("#file-name") == upload.name
    assert page.input_value("#input-id") == article_id        # the file's name, as the id
    assert page.input_value("#input-text") == text            # converted to Unicode
    assert page.is_visible("#notes")
    notes = page.eval_on_selector_all("#notes-list .note", """ns => ns.map(n => [
        n.querySelector(".note-code").textContent, n.querySelector(".note-message").textContent])""")
    # in the page's language: the code's words from the table, the detail as the report has it
    english = error_entry("E006", "TCVN3")["message"]
    assert english.startswith(web("en", "codes")["E006"] + ": ")
    assert ["E006", web("vi", "codes")["E006"] + ": TCVN3"] in notes
    page.click('#lang-switch button[data-lang="en"]')
    notes = page.eval_on_selector_all("#notes-list .note", """ns => ns.map(n => [
        n.querySelector(".note-code").textContent, n.querySelector(".note-message").textContent])""")
    assert ["E006", english] in notes
    for e in decoded.errors:
        assert [e["code"], e["message"]] in notes
    page.click('#lang-switch button[data-lang="vi"]')
    report, _, _ = report_and_json(text, article_id)
    assert_marks(page, report, text)
    assert_checks(page, report, "vi")


def test_errors_are_shown_and_the_page_stays_usable(page, t02):
    # nothing to analyse: the page says so without asking the server
    page.fill("#input-text", "  \n ")
    page.click("#analyse")
    assert wait_state(page, "error") == "error"
    assert page.is_visible("#error")
    assert page.text_content("#error .error-text") == web("vi", "error_empty")

    # larger than the server's limit: refused before it is sent, saying what to do
    sentence = "Doanh thu tăng 5% so với cùng kỳ năm trước. "
    big = sentence * (MAX_BODY // len(sentence.encode("utf-8")) + 10)
    size = len(json.dumps({"text": big, "id": "big", "html": False}, ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8"))
    assert size > MAX_BODY
    page.fill("#input-text", big)
    page.fill("#input-id", "big")
    asked = len(watched_requests(page))
    page.click("#analyse")
    assert wait_state(page, "error") == "error"
    assert watched_requests(page)[asked:] == []                 # the server was not asked
    for lang in ("vi", "en"):                                    # the page's words follow the language
        page.click(f'#lang-switch button[data-lang="{lang}"]')
        shown = page.text_content("#error .error-text")
        assert shown == web(lang, "error_too_large").replace("{size}", str(size)).replace("{limit}", str(MAX_BODY))
        assert "chiso extract" in shown and "--max-body" in shown
    page.click('#lang-switch button[data-lang="vi"]')
    assert page.is_enabled("#analyse") and page.is_enabled("#input-file")

    # and it still works
    assert analyse(page, t02["text"], "t02") == "ready"
    assert page.is_hidden("#error") and page.text_content("#error") == ""
    assert_marks(page, t02["report"], t02["text"])


def watched_requests(page) -> list[str]:
    """The API requests the page made so far (performance entries: no fixture needed)."""
    return page.evaluate("""() => performance.getEntriesByType("resource")
        .map(e => e.name).filter(n => n.includes("/v1/"))""")


def article_state(page) -> dict:
    return page.evaluate("""() => ({
        id: document.getElementById("input-id").value,
        file: document.getElementById("file-name").textContent,
        results: !document.getElementById("results").hidden,
        article: document.getElementById("article").textContent,
        text: document.getElementById("input-text").value })""")


def open_file(page, path: Path) -> str:
    with page.expect_response(lambda r: "/v1/" in r.url):
        page.set_input_files("#input-file", str(path))
    return wait_state(page, "ready", "error")


def test_a_new_file_or_a_new_paste_is_a_new_article(page, t02, tmp_path):
    first, second = tmp_path / "bai-mot.txt", tmp_path / "bai-hai.txt"
    first.write_text(t02["text"], encoding="utf-8")
    other = read(T07)
    second.write_text(other, encoding="utf-8")
    page.fill("#input-id", "")

    assert open_file(page, first) == "ready"
    assert article_state(page)["id"] == "bai-mot"
    # a second file names itself: the field, the file name, the report and its download
    assert open_file(page, second) == "ready"
    now = article_state(page)
    assert (now["id"], now["file"], now["article"]) == ("bai-hai", "bai-hai.txt", other)
    with page.expect_download() as info:
        page.click("#download-json")
    assert info.value.suggested_filename == "bai-hai.json"
    assert json.loads(Path(info.value.path()).read_text(encoding="utf-8"))["id"] == "bai-hai"

    # a paste over the whole text is another article: the file's id and name go
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=page.url.rstrip("/"))
    page.evaluate("text => navigator.clipboard.writeText(text)", "Doanh thu tăng 5% so với năm trước.")
    page.focus("#input-text")
    page.keyboard.press("Control+A")
    page.keyboard.press("Control+V")
    page.wait_for_function("() => document.getElementById('input-text').value.startsWith('Doanh thu')")
    now = article_state(page)
    assert (now["id"], now["file"]) == ("", "")

    # so does emptying the text; an id typed by hand stays
    assert open_file(page, first) == "ready"
    page.fill("#input-text", "")
    assert (article_state(page)["id"], article_state(page)["file"]) == ("", "")
    assert open_file(page, first) == "ready"
    page.fill("#input-id", "typed")
    page.fill("#input-text", "")
    assert article_state(page)["id"] == "typed"


def test_an_error_clears_the_old_result(page, t02, tmp_path):
    show_t02(page, t02)
    assert article_state(page)["results"]
    fake = tmp_path / "khong-phai-van-ban.txt"
    fake.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 20)
    assert open_file(page, fake) == "error"
    now = article_state(page)
    assert not now["results"] and page.is_hidden("#results")
    # the server's error in the page's words, by its code; its English detail in English only
    assert page.text_content("#error .error-text") == web("vi", "server_errors")["not_text"]
    assert page.locator("#error .error-detail").count() == 0
    page.click('#lang-switch button[data-lang="en"]')
    assert page.text_content("#error .error-text") == web("en", "server_errors")["not_text"]
    assert "PDF" in page.text_content("#error .error-detail")
    page.click('#lang-switch button[data-lang="vi"]')
    # an unreadable kind of file clears it too
    show_t02(page, t02)
    odd = tmp_path / "bang.csv"
    odd.write_text("a,b\n1,2\n", encoding="utf-8")
    page.set_input_files("#input-file", str(odd))
    assert wait_state(page, "error") == "error"
    assert page.text_content("#error .error-text") == web("vi", "error_file_type")
    assert page.is_hidden("#results")


def test_a_hostile_text_stays_text(page, watched, server):
    text = ('Doanh thu tăng 5% so với năm trước. <img src=x onerror="window.__pwned=1"> '
            '<script>window.__pwned=2</script> <b onmouseover="window.__pwned=4">đậm</b> Hết.')
    article_id = '<img src=x onerror="window.__pwned=3">'
    report, _, _ = report_and_json(text, article_id)
    assert report["figures"], "the hostile text holds a figure"
    before = len(watched.requests)
    assert analyse(page, text, article_id) == "ready"
    assert_marks(page, report, text)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#article img, #article script, #article b, #details img, #checks img").count() == 0
    assert page.eval_on_selector("#article", "e => e.children.length") == page.locator("#article mark").count() \
        - page.locator("#article mark mark").count()
    with page.expect_download() as info:                       # the id becomes a harmless file name
        page.click("#download-json")
    assert not set('<>"/') & set(info.value.suggested_filename)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    # the img was never parsed: nothing asked the server for "x"
    assert not [u for u in watched.requests[before:] if u.rstrip("/").endswith("/x")]


def test_server_log(server, watched):
    """Each request is one JSON line (the page's own among them); none an internal error.

    The one line for people is the start line that says where the page is."""
    events = server.log_events()
    human = [e["unparsed"] for e in events if "unparsed" in e]
    assert len(human) == 1 and human[0].startswith("chiso serve: the page at " + server.url), human
    assert not [e for e in events if e.get("event") == "internal_error"], server.log()[-2000:]
    requests = [e for e in events if e.get("event") == "request"]
    assert {(e["method"], e["path"], e["status"]) for e in requests} >= {
        ("GET", "/", 200), ("GET", "/static/chiso.js", 200), ("GET", "/static/chiso.css", 200)}
    assert {e["status"] for e in requests if e["path"] == "/v1/extract"} <= {200, 413}
    assert not [e for e in requests if e["status"] >= 500]


# --- static mode ----------------------------------------------------------------------

def counts_of(report: dict) -> dict:
    return {s: sum(c["status"] == s for c in report["checks"]) for s in ("inconsistent", "unverifiable", "consistent")}


def test_static_report_offline(browser, tmp_path):
    names = [str(p.relative_to(ROOT)) for p in (T02, T07)]
    output = tmp_path / "report.html"
    made = subprocess.run([*chiso_command(), "html", *names, "-o", str(output)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    printed = subprocess.run([*chiso_command(), "extract", *names], cwd=ROOT, capture_output=True,
                             timeout=120)
    assert printed.returncode == 0, printed.stderr
    printed_lines = printed.stdout.decode("utf-8").splitlines()
    assert len(printed_lines) == 2

    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True,
                                  reduced_motion="reduce")
    context.set_default_timeout(30_000)
    try:
        local = ("file:", "blob:", "data:", "about:")
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(local)
                      else route.abort())
        context.set_offline(True)
        w = Watched(context.new_page())
        w.page.goto(output.as_uri())
        page = w.page
        assert wait_state(page, "ready") == "ready"
        assert page.is_hidden("#input-form")

        expected = []
        for path, line in zip((T02, T07), printed_lines):
            obj = extract_bytes(path.read_bytes(), path.stem)
            assert obj.to_json() == line
            expected.append({"text": read(path), "report": report_of_json(line), "raw": line, "obj": obj})

        nav = page.eval_on_selector_all("#articles-nav button", """bs => bs.map(b => [
            b.querySelector(".article-tab-name").textContent, b.dataset.index, b.getAttribute("aria-pressed")])""")
        # the switcher names each article by its file name, not the path it was given by
        assert nav == [[Path(names[0]).name, "0", "true"], [Path(names[1]).name, "1", "false"]]
        # and shows what each holds, ✗ first, in words for a screen reader
        for n, article in enumerate(expected):
            counts = {s: sum(c["status"] == s for c in article["report"]["checks"])
                      for s in ("inconsistent", "unverifiable", "consistent")}
            tab = page.locator(f'#articles-nav button[data-index="{n}"]')
            shown = tab.locator(".article-tab-count").evaluate_all("cs => cs.map(c => c.textContent)")
            assert shown == [f"✗{counts['inconsistent']}", f"?{counts['unverifiable']}", f"✓{counts['consistent']}"]
            words = web("vi", "article_counts").format(name=Path(names[n]).name, **counts)
            assert tab.get_attribute("aria-label") == words
        assert counts_of(expected[0]["report"])["inconsistent"] > 0

        for n, article in enumerate(expected):
            if n:
                page.click(f'#articles-nav button[data-index="{n}"]')
                assert wait_state(page, "ready") == "ready"
                assert page.get_attribute(f'#articles-nav button[data-index="{n}"]', "aria-pressed") == "true"
            assert_marks(page, article["report"], article["text"])
            assert_checks(page, article["report"], "vi")
            stem = Path(names[n]).stem
            with page.expect_download() as info:
                page.click("#download-json")
            assert info.value.suggested_filename == f"{stem}.json"
            assert Path(info.value.path()).read_bytes() == article["raw"].encode("utf-8")
            for table in ("figures", "checks"):
                with page.expect_download() as info:
                    page.click(f"#download-{table}-csv")
                assert info.value.suggested_filename == f"{stem}-{table}.csv"
                assert Path(info.value.path()).read_bytes().decode("utf-8") == to_csv([article["obj"]], table)

        # back to t02: its ✗ check, selected, on the screenshot
        page.click('#articles-nav button[data-index="0"]')
        check = first_inconsistent(expected[0]["report"])
        page.click(f'#checks .check[data-id="{check["id"]}"] .check-message')
        assert page.locator("#checks .check.is-selected").evaluate_all("cs => cs.map(c => c.dataset.id)") \
            == [check["id"]]
        page.click('#lang-switch button[data-lang="en"]')
        assert page.locator(f'#checks .check[data-id="{check["id"]}"] .check-message').text_content() \
            == check["message"]
        page.click('#lang-switch button[data-lang="vi"]')
        OUT.mkdir(exist_ok=True)
        page.screenshot(path=str(OUT / "static-report.png"), full_page=True)

        assert [u for u in w.requests if u.startswith(("http:", "https:", "ws:", "wss:"))] == []
        assert w.requests and all(u.startswith(local) for u in w.requests), w.requests
        assert w.console_errors == [] and w.page_errors == []
    finally:
        context.close()
