"""What the page is given by the server: its body limit (the page refuses before it sends,
and a 413 says what to do, naming the option that applies), and words in both languages
for every note code and every error code the API answers with."""
from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi.testclient import TestClient

from extractor.report.errors import ERROR_CODES
from extractor.interfaces import server
from extractor.interfaces.server import Settings, create_app
from extractor.interfaces.messages import messages_table

LIMIT, BATCH_LIMIT = 5_000, 20_000


def _client() -> TestClient:
    app = create_app(Settings(workers=1, timeout=60, max_body=LIMIT, max_batch_body=BATCH_LIMIT))
    return TestClient(app, raise_server_exceptions=False)


def _page_config(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="chiso-config">(.*?)</script>', html, re.S)
    return json.loads(block.group(1).replace("<\\/", "</"))


def test_the_page_is_told_the_servers_limit():
    with _client() as client:
        config = _page_config(client.get("/").text)
    assert config["mode"] == "server" and config["max_body"] == LIMIT
    # both languages have the words the page uses to refuse
    for lang in ("en", "vi"):
        words = config["messages"][lang]["web"]["error_too_large"]
        assert "{size}" in words and "{limit}" in words and "chiso extract" in words and "--max-body" in words


def test_a_413_says_what_to_do_with_the_option_that_applies():
    with _client() as client:
        one = client.post("/v1/extract", json={"text": "Doanh thu tăng 5%. " * 1000})
        many = client.post("/v1/batch", content=b'{"text": "x"}\n' * 3000)
        small = client.post("/v1/extract", json={"text": "Doanh thu tăng 5%."})
    assert small.status_code == 200
    assert one.status_code == 413 and many.status_code == 413
    for response, limit, option in ((one, LIMIT, "--max-body"), (many, BATCH_LIMIT, "--max-batch-body")):
        error = response.json()["error"]
        assert error["code"] == "too_large"
        assert str(limit) in error["message"] and "chiso extract FILE" in error["message"]
        assert f"chiso serve {option} N" in error["message"]


def test_every_note_code_has_the_reports_words_and_a_translation():
    web = {lang: messages_table()[lang]["web"] for lang in ("en", "vi")}
    assert web["en"]["codes"] == ERROR_CODES          # the page says what the report says
    assert set(web["vi"]["codes"]) == set(ERROR_CODES)
    assert all(web["vi"]["codes"][c] != ERROR_CODES[c] for c in ERROR_CODES)


def test_every_error_code_the_api_answers_with_has_words_in_both_languages():
    source = Path(server.__file__).read_text(encoding="utf-8")
    codes = set(re.findall(r'(?:ApiError|error_response)\(\s*\d{3},\s*"(\w+)"', source))
    codes |= set(re.findall(r'\{\d{3}: "(\w+)", \d{3}: "(\w+)"\}', source)[0])
    assert {"too_large", "not_text", "invalid_request", "not_found", "method_not_allowed"} <= codes
    for lang in ("en", "vi"):
        assert codes <= set(messages_table()[lang]["web"]["server_errors"]), lang
