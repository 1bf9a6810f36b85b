"""Files taken for what they are: JSON Lines given to a one-article command is refused in
one line that names `chiso batch`; a .txt given to batch is one article; the Python API
reads bytes and paths as the CLI reads files (tests/test_api_inputs.py); the API takes a file as a form
(`curl -F file=@a.txt`) on /v1/extract, /v1/check and /v1/decode."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from extractor import extract
from extractor.interfaces.batch_input import looks_like_json_lines
from extractor.interfaces.cli import main
from extractor.text.inputs import to_legacy
from extractor.interfaces.server import Settings, create_app
from extractor.pipeline import extract_bytes

ARTICLE = "Toàn huyện có 47/52 xã (chiếm 90,38%) đạt chuẩn. Doanh thu tăng 5% so với năm 2021."
TCVN3 = to_legacy(ARTICLE, "tcvn3").encode("cp1252")   # the article's bytes in TCVN3
LINES = "".join(json.dumps({"id": f"a{n}", "text": ARTICLE}, ensure_ascii=False) + "\n" for n in range(3))


# --- JSON Lines to a one-article command ------------------------------------------------

@pytest.mark.parametrize("command", [["extract"], ["check"], ["html", "-o", "{tmp}/r.html"]])
@pytest.mark.parametrize("name", ["b.jsonl", "b.txt"])
def test_json_lines_to_a_one_article_command_names_batch(tmp_path, command, name):
    path = tmp_path / name
    path.write_text(LINES, encoding="utf-8")
    args = [a.replace("{tmp}", str(tmp_path)) for a in command] + [str(path)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and f"chiso batch {path} -o OUT.jsonl" in lines[0], result.output
    assert "Traceback" not in result.output and not (tmp_path / "r.html").exists()


def test_json_lines_on_standard_input_are_refused_too():
    result = CliRunner().invoke(main, ["extract", "-"], input=LINES.encode("utf-8"))
    assert result.exit_code == 2 and "chiso batch" in result.output and len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("text", [
    ARTICLE,                                                      # prose
    '{"text": "một dòng"}\nrồi một đoạn văn, tăng 5%.\n',          # JSON then prose: an article
    '{"id": "a", "body": "no text key"}\n',                       # JSON, but not articles
    '["text"]\n',                                                 # JSON, not an object
    "",
])
def test_what_is_not_json_lines_is_an_article(text):
    assert not looks_like_json_lines(text.encode("utf-8"), "a.txt")


def test_json_lines_are_seen_by_their_name_or_their_lines():
    assert looks_like_json_lines(b"", "b.jsonl") and looks_like_json_lines(b"x", "b.NDJSON")
    assert looks_like_json_lines(LINES.encode("utf-8"), "b.txt")
    assert looks_like_json_lines(("\ufeff" + LINES).encode("utf-8"), "")
    # a long file: the 64 KB start decides, the line cut at its end is not held against it
    assert looks_like_json_lines((LINES * 400).encode("utf-8"), "")


def test_json_lines_whose_first_article_is_longer_than_the_start_read():
    long = json.dumps({"id": "L", "text": ARTICLE * 2000}, ensure_ascii=False) + "\n" + LINES
    assert len(long.encode("utf-8")) > 65536 and looks_like_json_lines(long.encode("utf-8"), "")
    # prose as long is still an article, and so is a long line that is not an object
    assert not looks_like_json_lines((ARTICLE * 2000).encode("utf-8"), "")
    assert not looks_like_json_lines(('["text", "' + ARTICLE * 2000).encode("utf-8"), "")


# --- a single article file to batch -----------------------------------------------------

@pytest.mark.parametrize("name", ["bai-mot.txt", "bai-mot.html"])
def test_one_article_file_to_batch_is_one_article(tmp_path, name):
    path = tmp_path / name
    body = ARTICLE.replace(". ", ".\n") if name.endswith(".txt") else f"<html><body><p>{ARTICLE}</p></body></html>"
    path.write_text(body, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 article;" in result.output and "E004" not in result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines == [extract_bytes(path.read_bytes(), "bai-mot", html=name.endswith(".html")).to_json()]


@pytest.mark.parametrize("name", ["b.txt", "b.html"])
def test_json_lines_named_as_an_article_go_to_batch_as_json_lines(tmp_path, name):
    # extract refuses them and names `chiso batch b.txt`: batch must then read the lines
    path = tmp_path / name
    path.write_text(LINES, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", str(path), "-o", str(out)])
    assert result.exit_code == 0 and "3 articles" in result.output, result.output
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["a0", "a1", "a2"]


def test_other_files_to_batch_are_still_json_lines(tmp_path):
    path = tmp_path / "articles.data"
    path.write_text(LINES, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", str(path), "-o", str(out)])
    assert result.exit_code == 0 and "3 articles" in result.output
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["a0", "a1", "a2"]


# --- a file as a form on the API ------------------------------------------------------

@pytest.fixture(scope="module")
def client():
    app = create_app(Settings(workers=1, timeout=60, max_body=20_000))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def test_a_form_file_is_extracted_as_the_same_bytes_are(client):
    raw = TCVN3
    by_form = client.post("/v1/extract", files={"file": ("bai-ba.txt", raw)})
    by_bytes = client.post("/v1/extract?id=bai-ba", content=raw, headers={"Content-Type": "application/octet-stream"})
    assert by_form.status_code == 200 and by_form.text == by_bytes.text
    assert by_form.text == extract_bytes(raw, "bai-ba").to_json()
    # the form's id and the query's win over the file's name; .html is HTML
    assert client.post("/v1/extract", data={"id": "x"}, files={"file": ("a.txt", raw)}).json()["id"] == "x"
    assert client.post("/v1/extract?id=q", data={"id": "x"}, files={"file": ("a.txt", raw)}).json()["id"] == "q"
    page = client.post("/v1/extract", files={"file": ("p.html", f"<p>{ARTICLE}</p>".encode())}).json()
    assert "E007" in [e["code"] for e in page["errors"]] and page["id"] == "p"
    assert client.post("/v1/extract", data={"html": "true"},
                       files={"file": ("p.txt", f"<p>{ARTICLE}</p>".encode())}).json()["errors"]


def test_a_form_file_on_check_and_decode(client):
    raw = TCVN3
    checked = client.post("/v1/check", data={"lang": "vi"}, files={"file": ("c.txt", raw)})
    assert checked.status_code == 200 and checked.headers["content-language"] == "vi"
    assert checked.json()["id"] == "c" and checked.json()["summary"]["consistent"] >= 1
    decoded = client.post("/v1/decode", files={"file": ("d.txt", raw)})
    assert decoded.status_code == 200
    assert decoded.json() == client.post("/v1/decode", content=raw,
                                         headers={"Content-Type": "application/octet-stream"}).json()
    assert decoded.json()["text"] == ARTICLE


@pytest.mark.parametrize("files, data, words", [
    ([("file", ("a.txt", b"x")), ("other", ("b.txt", b"y"))], {}, "send one file"),
    ([], {"id": "x", "text": "y"}, "send one file"),
    ([("file", ("a.txt", b"x"))], {"html": "maybe"}, "not true or false"),
    ([("file", ("a.txt", b"x"))], {"colour": "red"}, "unknown form field"),
])
def test_a_wrong_form_is_a_422_that_says_what_to_send(client, files, data, words):
    response = client.post("/v1/extract", files=files or {"": ("", b"")}, data=data)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_request" and words in error["message"]


def test_a_form_keeps_the_limits_and_refuses_what_is_not_text(client):
    big = client.post("/v1/extract", files={"file": ("a.txt", b"x" * 30_000)})
    assert big.status_code == 413 and big.json()["error"]["code"] == "too_large"
    pdf = client.post("/v1/extract", files={"file": ("a.txt", b"%PDF-1.4\n" * 50)})
    assert pdf.status_code == 415 and pdf.json()["error"]["code"] == "not_text"


def test_the_form_is_in_the_openapi_schema(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path, fields in (("/v1/extract", {"file", "id", "html"}), ("/v1/check", {"file", "id", "html", "lang"}),
                         ("/v1/csv", {"file", "id", "html", "table"}), ("/v1/decode", {"file"})):
        form = paths[path]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
        assert set(form["properties"]) == fields and form["required"] == ["file"]
        assert form["properties"]["file"]["format"] == "binary"
    # JSON is still the first way, unchanged
    assert client.post("/v1/extract", json={"text": ARTICLE, "id": "j"}).text == extract(ARTICLE, "j").to_json()
