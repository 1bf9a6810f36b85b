"""The HTTP API as a client uses it (httpx, through FastAPI's TestClient): every endpoint,
every error path, the limits, the process pool's time limit, and the access log."""
from __future__ import annotations

import json
import logging

import pytest
import simplejson
from fastapi.testclient import TestClient

from extractor import extract
from extractor.text.inputs import to_legacy
from extractor.interfaces.logs import JsonFormatter
from extractor.interfaces.server import Settings, create_app

from .conftest import ROOT

ARTICLE = (ROOT / "corpus" / "articles" / "t02-ngan-sach-tinh-quy-3.txt").read_text(encoding="utf-8")
OTHER = (ROOT / "corpus" / "articles" / "t07-bao-hiem-xa-hoi-6-thang.txt").read_text(encoding="utf-8")
LIMIT = 300_000


@pytest.fixture(scope="module")
def client():
    app = create_app(Settings(workers=2, timeout=60, max_body=LIMIT, max_batch_body=3 * LIMIT))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _no_internals(response) -> None:
    """An error body says what is wrong, never how the server is built."""
    body = response.text
    assert "Traceback" not in body and "/work/" not in body and ".py" not in body and str(ROOT) not in body
    error = response.json()["error"]
    assert error["status"] == response.status_code and error["code"] and error["message"]


def test_extract_gives_the_report_exactly_as_the_library(client):
    response = client.post("/v1/extract", json={"text": ARTICLE, "id": "t02"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")
    assert response.text == extract(ARTICLE, "t02").to_json()
    assert response.headers["x-request-id"]


def test_extract_keeps_the_digits_of_every_number(client):
    text = "Tỉnh chi 2.315.480.250,5 đồng, đạt 33,333333333333333333% kế hoạch."
    body = client.post("/v1/extract", json={"text": text}).text
    values = [f["value"] for f in simplejson.loads(body, use_decimal=True)["figures"]]
    assert [str(v) for v in values] == ["2315480250.5", "33.333333333333333333"]


def test_extract_takes_a_file_s_raw_bytes(client):
    raw = to_legacy(ARTICLE, "tcvn3").encode("cp1252", errors="replace")
    response = client.post("/v1/extract?id=legacy", content=raw, headers={"content-type": "application/octet-stream"})
    report = response.json()
    assert response.status_code == 200 and report["id"] == "legacy"
    assert report["offsets"] == "converted" and report["errors"][0]["code"] == "E006"
    assert len(report["figures"]) == len(extract(ARTICLE).figures)
    page = "<html><body><nav>Trang chủ</nav><article><p>" + ARTICLE.replace("\n\n", "</p><p>") + "</p></article></body></html>"
    response = client.post("/v1/extract", content=page.encode(), headers={"content-type": "text/html"})
    assert response.json()["offsets"] == "extracted" and response.json()["figures"]


def test_extract_reads_html_in_json(client):
    page = "<p>Tỷ lệ đạt <b>95,91%</b>.</p>"
    report = client.post("/v1/extract", json={"text": page, "html": True}).json()
    assert report["offsets"] == "extracted" and [f["text"] for f in report["figures"]] == ["95,91%"]


@pytest.mark.parametrize("headers,lang_field,expected", [
    ({}, None, "en"),
    ({"Accept-Language": "vi-VN,vi;q=0.9,en;q=0.5"}, None, "vi"),
    ({"Accept-Language": "fr, en;q=0.8, vi;q=0.9"}, None, "vi"),
    ({"Accept-Language": "vi"}, "en", "en"),
])
def test_check_messages_in_the_language_asked(client, headers, lang_field, expected):
    body = {"text": ARTICLE}
    if lang_field:
        body["lang"] = lang_field
    response = client.post("/v1/check", json=body, headers=headers)
    view = response.json()
    report = extract(ARTICLE)
    assert response.status_code == 200 and view["lang"] == expected
    assert response.headers["content-language"] == expected
    want = [c.message_vi if expected == "vi" else c.message for c in report.checks]
    assert [c["message"] for c in view["checks"]] == want
    assert view["summary"]["inconsistent"] == sum(c.status == "inconsistent" for c in report.checks) >= 1
    used = {i for c in report.checks for i in c.figures}
    assert {f["id"] for f in view["figures"]} == used
    assert "message_vi" not in view["checks"][0]


def test_csv_of_figures_and_checks(client):
    report = extract(ARTICLE, "t02")
    figures = client.post("/v1/csv?table=figures", json={"text": ARTICLE, "id": "t02"})
    assert figures.status_code == 200 and figures.headers["content-type"].startswith("text/csv")
    assert "t02-figures.csv" in figures.headers["content-disposition"]
    rows = figures.text.lstrip("\ufeff").splitlines()
    assert rows[0].startswith("article,id,kind,text") and len(rows) == 1 + len(report.figures)
    named = client.post("/v1/csv", json={"text": ARTICLE, "id": "Ngân sách \"quý\" 3"})
    assert named.status_code == 200
    assert "filename*=UTF-8''Ng%C3%A2n%20s%C3%A1ch%20%22qu%C3%BD%22%203-figures.csv" in named.headers["content-disposition"]
    checks = client.post("/v1/csv", json={"text": ARTICLE, "id": "t02", "table": "checks"})
    assert checks.text.lstrip("\ufeff").splitlines()[0].startswith("article,id,rule,status")
    assert "inconsistent" in checks.text


def test_decode_gives_the_text_chiso_reads(client):
    raw = to_legacy(ARTICLE, "vni").encode("cp1252", errors="replace")
    decoded = client.post("/v1/decode", content=raw, headers={"content-type": "application/octet-stream"}).json()
    assert decoded["text"] == ARTICLE and decoded["errors"][0]["code"] == "E006"
    utf16 = client.post("/v1/decode", content=ARTICLE.encode("utf-16")).json()
    assert utf16["text"] == ARTICLE and utf16["errors"] == []


def test_batch_streams_one_report_a_line_in_order(client):
    lines = [json.dumps({"id": "a", "text": ARTICLE}), "not json", "", json.dumps({"id": "b", "text": OTHER}),
             json.dumps({"id": "c"}), json.dumps({"id": "d", "text": "<p>Đạt 5%</p>", "html": True})]
    response = client.post("/v1/batch", content="\n".join(lines).encode(),
                           headers={"content-type": "application/x-ndjson"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/x-ndjson")
    out = [json.loads(line) for line in response.text.splitlines()]
    assert [r["id"] for r in out] == ["a", "line-2", "b", "c", "d"]
    assert response.text.splitlines()[0] == extract(ARTICLE, "a").to_json()
    assert out[1]["errors"][0]["code"] == "E004" and "not valid JSON" in out[1]["errors"][0]["message"]
    assert out[3]["errors"][0]["code"] == "E004" and "'text'" in out[3]["errors"][0]["message"]
    assert out[4]["offsets"] == "extracted"


def test_batch_line_over_the_article_limit_is_an_error_line(client):
    long_line = json.dumps({"id": "big", "text": "Đạt 5%. " * (LIMIT // 8 + 10)})
    body = "\n".join([long_line, json.dumps({"id": "ok", "text": "Đạt 5%."})]).encode()
    out = [json.loads(x) for x in client.post("/v1/batch", content=body).text.splitlines()]
    assert [r["id"] for r in out] == ["big", "ok"]
    assert out[0]["errors"][0]["code"] == "E004" and "limit" in out[0]["errors"][0]["message"]
    assert out[1]["figures"]


@pytest.mark.parametrize("path", ["/v1/extract", "/v1/check", "/v1/csv", "/v1/decode", "/v1/batch"])
def test_bodies_over_the_limit_are_413(client, path):
    limit = 3 * LIMIT if path == "/v1/batch" else LIMIT
    big = b"a" * (limit + 1)
    response = client.post(path, content=big, headers={"content-type": "application/octet-stream"})
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"
    _no_internals(response)


def test_a_body_without_content_length_is_counted(client):
    def chunks():
        for _ in range(LIMIT // 1000 + 2):
            yield b"x" * 1000
    response = client.post("/v1/extract", content=chunks(), headers={"content-type": "text/plain"})
    assert response.status_code == 413
    _no_internals(response)


@pytest.mark.parametrize("body,content_type,where", [
    (b"{bad json", "application/json", "Invalid JSON"),
    (b"[1, 2]", "application/json", "valid"),
    (b'{"txt": "x"}', "application/json", "text"),
    (b'{"text": 5}', "application/json", "text"),
    (b'{"text": "x", "html": "sometimes"}', "application/json", "html"),
    (b"", "application/json", "valid"),
    (b'{"text": "x", "id": "' + b"i" * 600 + b'"}', "application/json", "id"),
])
def test_bad_requests_are_422_that_say_what_is_wrong(client, body, content_type, where):
    response = client.post("/v1/extract", content=body, headers={"content-type": content_type})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_request" and where in error["message"]
    assert all("input" not in d for d in error.get("details", [])), "the request is not echoed back"
    _no_internals(response)


def test_bad_lang_and_table_are_422(client):
    assert client.post("/v1/check", json={"text": "x", "lang": "fr"}).status_code == 422
    assert client.post("/v1/check?lang=fr", content=b"x", headers={"content-type": "text/plain"}).status_code == 422
    assert client.post("/v1/csv", json={"text": "x", "table": "people"}).status_code == 422


def test_other_media_types_and_not_text_are_415(client):
    response = client.post("/v1/extract", content=b"<x/>", headers={"content-type": "application/xml"})
    assert response.status_code == 415 and response.json()["error"]["code"] == "unsupported_media_type"
    _no_internals(response)
    pdf = client.post("/v1/extract", content=b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj",
                      headers={"content-type": "application/octet-stream"})
    assert pdf.status_code == 415 and pdf.json()["error"]["code"] == "not_text" and "PDF" in pdf.text
    _no_internals(pdf)


def test_unknown_paths_and_methods_are_json(client):
    for response, status in ((client.get("/v1/nothing"), 404), (client.get("/v1/extract"), 405),
                             (client.get("/static/../server.py"), 404), (client.get("/static/chiso.py"), 404)):
        assert response.status_code == status
        _no_internals(response)


def test_health_version_and_the_schema(client):
    assert client.get("/v1/health").json()["status"] == "ok"
    version = client.get("/v1/version").json()
    assert version["schema_version"] == 1 and version["chiso"]
    schema = client.get("/openapi.json").json()
    assert {"/v1/extract", "/v1/check", "/v1/batch", "/v1/csv", "/v1/decode", "/v1/health", "/v1/version"} <= set(schema["paths"])
    assert "text/plain" in schema["paths"]["/v1/extract"]["post"]["requestBody"]["content"]


def test_docs_and_page_need_no_network(client):
    for path in ("/docs", "/"):
        page = client.get(path)
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]
        assert "https://" not in page.text and "http://" not in page.text.replace("http://www.w3.org", "")
    docs = client.get("/docs").text
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        url = docs.split(asset)[0].rsplit('"', 1)[-1] + asset
        assert client.get(url).status_code == 200
    for name in ("chiso.js", "chiso.css"):
        assert client.get(f"/static/{name}").status_code == 200
    assert 'id="chiso-config"' in client.get("/").text


def test_each_request_is_one_json_access_log_line(client, caplog):
    with caplog.at_level(logging.INFO, logger="chiso.access"):
        client.post("/v1/extract", json={"text": "Đạt 5%."}, headers={"x-request-id": "abc123"})
        client.get("/v1/nothing")
    records = [r for r in caplog.records if r.name == "chiso.access"]
    lines = [json.loads(JsonFormatter().format(r)) for r in records]
    assert [(x["method"], x["path"], x["status"]) for x in lines] == [("POST", "/v1/extract", 200),
                                                                       ("GET", "/v1/nothing", 404)]
    assert lines[0]["request_id"] == "abc123" and lines[0]["bytes_in"] > 0 and lines[0]["ms"] >= 0


def test_an_article_over_the_time_limit_is_504_and_the_worker_is_replaced():
    slow = "Năm 2022, có chi ủy 1.359/1.417 = 95,91% (tăng 0,14% so với năm 2021).\n" * 1500
    app = create_app(Settings(workers=1, timeout=0.5))
    with TestClient(app, raise_server_exceptions=False) as c:
        assert c.post("/v1/extract", json={"text": "Đạt 5%."}).status_code == 200   # warm
        response = c.post("/v1/extract", json={"text": slow})
        assert response.status_code == 504 and response.json()["error"]["code"] == "timeout"
        _no_internals(response)
        batch = c.post("/v1/batch", content=(json.dumps({"id": "slow", "text": slow}) + "\n"
                                             + json.dumps({"id": "fast", "text": "Đạt 5%."})).encode())
        out = [json.loads(x) for x in batch.text.splitlines()]
        assert [r["id"] for r in out] == ["slow", "fast"] and out[0]["errors"][0]["code"] == "E015"
        # A fresh worker took over: its warm-up does not count against the next article.
        assert c.post("/v1/extract", json={"text": "Đạt 5%."}).json()["figures"]


def test_the_event_loop_answers_while_the_workers_are_busy():
    """Health is answered at once while an article is being processed in a worker."""
    import threading
    import time

    slow = "Năm 2022, có chi ủy 1.359/1.417 = 95,91% (tăng 0,14% so với năm 2021).\n" * 400
    app = create_app(Settings(workers=1, timeout=60))
    with TestClient(app) as c:
        c.post("/v1/extract", json={"text": "Đạt 5%."})
        done = {}
        worker = threading.Thread(target=lambda: done.setdefault("r", c.post("/v1/extract", json={"text": slow})))
        worker.start()
        time.sleep(0.2)
        health = c.get("/v1/health").json()
        finished_first = "r" in done
        worker.join()
        assert done["r"].status_code == 200
        assert finished_first or health["busy"] == 1
