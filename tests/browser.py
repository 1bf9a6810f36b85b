"""Helpers of the browser tests (test_browser.py): Debian's chromium driven by Playwright,
a `chiso serve` started on a free port, and what the page should show for a report.

No browser is ever downloaded: the tests use the system's chromium, and fail (never skip)
when it is missing, since CI installs it."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out"

# Without the background-networking flags chromium tries to reach Google, and the closed
# network refuses; --no-sandbox because the tests may run as root.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# What the page sorts its checks by, and the worst status a figure takes from its checks.
STATUS_ORDER = ("inconsistent", "unverifiable", "consistent")


def chromium_executable() -> str:
    path = shutil.which("chromium") or ("/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None)
    if not path:
        pytest.fail("chromium is not installed: the browser tests need Debian's chromium "
                    "(apt-get install chromium); they never download a browser", pytrace=False)
    return path


def sync_playwright():
    try:
        from playwright.sync_api import sync_playwright as start
    except ImportError:
        pytest.fail("Playwright for Python is not installed: pip install -e '.[test]'", pytrace=False)
    return start()


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)


def chiso_command() -> list[str]:
    script = Path(sys.executable).with_name("chiso")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from extractor.interfaces.cli import main; main()"]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`chiso serve` on 127.0.0.1 and a free port, its stderr (JSON log lines) in a file."""

    def __init__(self, log_path: Path, *options: str, startup: float = 60.0):
        self.log_path = log_path
        self.options = options
        self.startup = startup
        self.process: subprocess.Popen | None = None
        self.url = ""

    def log(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def log_events(self) -> list[dict]:
        events = []
        for line in self.log().splitlines():
            try:
                events.append(json.loads(line))
            except ValueError:
                events.append({"unparsed": line})
        return events

    def start(self) -> "Server":
        # The port is free when asked, but another process may take it before the server
        # binds it: then the server exits at once, and a new port is tried.
        for _attempt in range(3):
            port = free_port()
            self.url = f"http://127.0.0.1:{port}/"
            with open(self.log_path, "wb") as log:
                self.process = subprocess.Popen(
                    [*chiso_command(), "serve", "--host", "127.0.0.1", "--port", str(port), *self.options],
                    cwd=ROOT, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
            if self._wait_healthy():
                return self
            if self.process.poll() is None:
                break  # running but not answering: no point in another port
        log = self.log()
        self.stop()
        pytest.fail(f"chiso serve did not answer {self.url}v1/health within {self.startup:g} s; "
                    f"its output:\n{log[-4000:]}", pytrace=False)

    def _wait_healthy(self) -> bool:
        deadline = time.monotonic() + self.startup
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                with urllib.request.urlopen(self.url + "v1/health", timeout=2) as response:
                    if response.status == 200:
                        return True
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)  # polling a process that is starting: not a wait on the page
        return False

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


# --- the page -------------------------------------------------------------------------

def wait_state(page, *states: str, timeout: float = 30_000) -> str:
    """Wait until body[data-state] is one of states; the state it reached."""
    page.wait_for_function("states => states.includes(document.body.dataset.state)", arg=list(states),
                           timeout=timeout)
    return page.evaluate("document.body.dataset.state")


def analyse(page, text: str, article_id: str = "", html: bool = False) -> str:
    """Paste text, press Analyse, wait for the answer; the state reached (ready or error)."""
    page.fill("#input-text", text)
    page.fill("#input-id", article_id)
    page.set_checked("#input-html", html)
    with page.expect_response(lambda r: r.url.endswith("/v1/extract")):
        page.click("#analyse")
    # busy from the click until the answer is shown: never the state of the last report
    return wait_state(page, "ready", "error")


def report_of_json(raw: str) -> dict:
    """A report as the page reads it: numbers with their exact digits (Decimal)."""
    return json.loads(raw, parse_float=Decimal)


def format_number(x, lang: str) -> str:
    """A number as the page writes it: vi 12.450,5 / en 12,450.5, plain digits."""
    if x is None:
        return ""
    s = format(x, "f") if isinstance(x, Decimal) else str(x)
    sign, s = ("-", s[1:]) if s.startswith("-") else ("", s)
    whole, _, frac = s.partition(".")
    group, point = (".", ",") if lang == "vi" else (",", ".")
    parts = []
    while len(whole) > 3:
        parts.insert(0, whole[-3:])
        whole = whole[:-3]
    parts.insert(0, whole)
    return sign + group.join(parts) + (point + frac if frac else "")


def expected_spans(report: dict) -> dict[tuple[str, str], list[tuple[int, int]]]:
    """(kind, data-id) -> the spans the page marks for it, in text order."""
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}

    def add(kind, ident, start, end):
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
            spans.setdefault((kind, ident), []).append((start, end))

    for f in report["figures"]:
        add("figure", f["id"], f["start"], f["end"])
    for o in report["officials"]:
        for m in o.get("mentions") or []:
            add("official", o["id"], m["start"], m["end"])
    for d in report["documents"]:
        add("document", d["id"], d["start"], d["end"])
    for i, d in enumerate(report["dates"]):
        add("date", f"t{i}", d["start"], d["end"])
    return {key: sorted(value) for key, value in spans.items()}


def figure_statuses(report: dict) -> dict[str, str]:
    """figure id -> the worst status of the checks it takes part in."""
    of: dict[str, list[str]] = {}
    for c in report["checks"]:
        for fid in c.get("figures") or []:
            of.setdefault(fid, []).append(c["status"])
    return {fid: next(s for s in STATUS_ORDER if s in statuses) for fid, statuses in of.items()
            if any(s in STATUS_ORDER for s in statuses)}


def page_marks(page) -> list[dict]:
    """Every .chiso-mark of #article in document order."""
    return page.eval_on_selector_all("#article mark.chiso-mark", """marks => marks.map(m => ({
        kind: m.dataset.kind, id: m.dataset.id, continued: m.dataset.continued === "true",
        status: m.dataset.status || null, text: m.textContent}))""")


def assert_marks(page, report: dict, text: str) -> None:
    """#article shows text exactly, with one mark (or one mark cut in pieces) for every
    span of the report and no other; each figure mark carries its checks' worst status."""
    assert page.eval_on_selector("#article", "e => e.textContent") == text
    expected = expected_spans(report)
    marks = page_marks(page)
    shown: dict[tuple[str, str], list[dict]] = {}
    for m in marks:
        shown.setdefault((m["kind"], m["id"]), []).append(m)
    assert set(shown) == set(expected), (sorted(set(shown) ^ set(expected)))
    for key, spans in expected.items():
        pieces = shown[key]
        assert "".join(p["text"] for p in pieces) == "".join(text[s:e] for s, e in spans), key
        assert sum(not p["continued"] for p in pieces) == len(spans), key
    for kind, items in (("figure", report["figures"]), ("document", report["documents"])):
        for item in items:
            if (kind, item["id"]) in shown:
                assert "".join(p["text"] for p in shown[(kind, item["id"])]) == item["text"]
    for i, d in enumerate(report["dates"]):
        if ("date", f"t{i}") in shown:
            assert "".join(p["text"] for p in shown[("date", f"t{i}")]) == d["text"]
    statuses = figure_statuses(report)
    for (kind, ident), pieces in shown.items():
        if kind == "figure":
            assert {p["status"] for p in pieces} == {statuses.get(ident)}, ident
    # the legend counts what the report has
    legend = dict(page.eval_on_selector_all("#legend .legend-item[data-kind]",
                                            "items => items.map(i => [i.dataset.kind, Number(i.dataset.count)])"))
    assert legend == {"figure": len(report["figures"]), "official": len(report["officials"]),
                      "document": len(report["documents"]), "date": len(report["dates"])}


def sorted_checks(report: dict) -> list[dict]:
    rank = {s: i for i, s in enumerate(STATUS_ORDER)}
    return [c for _, c in sorted(enumerate(report["checks"]), key=lambda p: (rank.get(p[1]["status"], 3), p[0]))]


def assert_checks(page, report: dict, lang: str) -> None:
    """#checks lists every check (✗ first) with its status, and each ✗ check its message
    in the page's language and its arithmetic as the page writes numbers."""
    listed = page.eval_on_selector_all("#checks .check", "cs => cs.map(c => [c.dataset.id, c.dataset.status])")
    assert listed == [[c["id"], c["status"]] for c in sorted_checks(report)]
    counts = dict(page.eval_on_selector_all("#summary .pill[data-status]",
                                            "ps => ps.map(p => [p.dataset.status, Number(p.dataset.count)])"))
    for status in STATUS_ORDER:
        assert counts.get(status, 0) == sum(c["status"] == status for c in report["checks"]), status
    for c in report["checks"]:
        if c["status"] != "inconsistent":
            continue
        li = page.locator(f'#checks .check[data-id="{c["id"]}"][data-status="inconsistent"]')
        assert li.count() == 1
        assert li.locator(".check-symbol").text_content() == "✗"
        message = c["message_vi"] if lang == "vi" and c.get("message_vi") else c["message"]
        assert li.locator(".check-message").text_content() == message
        arithmetic = li.locator(".check-arithmetic")
        for field in ("reported", "computed"):
            if c.get(field) is not None:
                assert arithmetic.locator(f'[data-field="{field}"] .num').text_content() \
                    == format_number(c[field], lang), field
        digits = "".join(ch for ch in arithmetic.text_content() if ch.isdigit())
        computed = format(c["computed"], "f") if isinstance(c["computed"], Decimal) else str(c["computed"])
        assert "".join(ch for ch in computed if ch.isdigit()) in digits
        assert arithmetic.locator(".check-figure").evaluate_all("bs => bs.map(b => b.dataset.figure)") \
            == list(c["figures"])
