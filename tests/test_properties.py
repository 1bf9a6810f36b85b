"""Properties that hold for any input: extract never raises; spans index the text they
claim to; each figure's value re-parses from its own text; the report validates against
the JSON Schema and round-trips through JSON; normalisation is idempotent."""
from __future__ import annotations

import json
import unicodedata
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.patterns.normal_form import normalize
from extractor.records.numbers import parse_quantity, parse_words
from extractor.patterns import load_patterns
from extractor.pipeline import extract

PIECES = ["1.359/1.417 = 95,91%", "tăng 0,14%", "so với năm 2021", "16,03%/16,37%", "1,5 tỷ đồng",
          "hơn 2.000 hộ", "Nghị quyết số 21-NQ/TW", "ngày 16-6-2022", "Quân khu 9", "Covid-19",
          "từ 10 đến 15%", "7,5 - 15 triệu đồng", "hai mươi lăm", "khoảng", "giảm", " ", ", ", ". ",
          "(", ")", "\n", "\u00a0", "hoà", "thuỷ", "năm", "Sáng 4/7", "24/24h", "%", "/", "-",
          "Thiếu tướng Hồ Văn Thái", ", Bí thư Đảng ủy", "Tin, ảnh: QUANG ĐỨC", "trong đó", "chiếm"]
CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "articles"
SENTENCES = [s for p in sorted(CORPUS.glob("*.txt")) for s in p.read_text(encoding="utf-8").split(". ") if len(s) > 30][:200]
_NUMBER = load_patterns().compile("{quantity}|{word_number}")


@st.composite
def mutated_sentences(draw):
    """A real sentence of the team corpus, cut, doubled, or with hostile characters put in."""
    text = draw(st.sampled_from(SENTENCES)) if SENTENCES else "Có 5 xã."
    for _ in range(draw(st.integers(0, 4))):
        i = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "double", "nfd"]))
        if op == "insert":
            text = text[:i] + draw(st.sampled_from(PIECES + ["\u200b", "\ufeff", "\ufffd", "％", "１２"])) + text[i:]
        elif op == "delete":
            text = text[:i] + text[i + draw(st.integers(1, 8)):]
        elif op == "double":
            text = text[:i] + text[i:i + 20] + text[i:]
        else:
            text = unicodedata.normalize("NFD", text)
    return text


texts = st.one_of(st.text(max_size=200), st.lists(st.sampled_from(PIECES), max_size=25).map("".join), mutated_sentences())


def _leading_words(q: str):
    """Number words, or their longest leading run that is a number: in "hai mươi lăm năm"
    the last "năm" is the unit (years), not a fifth number word."""
    words = q.split()
    for n in range(len(words), 0, -1):
        value = parse_words(" ".join(words[:n]))
        if value is not None:
            return value
    return None


def reparses(figure: dict) -> bool:
    """The number in a figure's text, scaled as the text scales it, is the figure's value."""
    if figure["kind"] == "ratio":
        return figure["value"] is None or Decimal(str(figure["value"])) > -1
    values = []
    for m in _NUMBER.finditer(normalize(figure["text"]).text):
        q = m.group()
        n = parse_quantity(q, whole=True) or parse_quantity(q) if q[:1].isdigit() else _leading_words(q)
        if n is not None:
            values.append(n.value)
            if q[:1].isdigit():
                alt = parse_quantity(q)
                if alt is not None:
                    values.append(alt.value)
    if not values:
        return False
    value = Decimal(str(figure["value"]))
    if "range_with" in figure:            # "7,5" of "7,5 - 15 triệu đồng" takes its partner's scale
        return value in values or any(v != 0 and (value / v) in {Decimal(10) ** k for k in range(0, 13)} for v in values)
    return value in values


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.booleans())
def test_extract_keeps_its_promises(report_validator, text, decompose):
    if decompose:
        text = unicodedata.normalize("NFD", text)
    report = extract(text)
    data = report.to_dict()
    source = data.get("source_text", text)
    for section in ("figures", "documents", "dates"):
        for item in data[section]:
            assert source[item["start"]:item["end"]] == item["text"]
    for official in data["officials"]:
        for m in official["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(source)
    for figure in data["figures"]:
        if figure["value"] is not None:
            assert reparses(figure), figure
    report_validator.validate(data)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=100))
def test_normalisation_is_idempotent(text):
    once = normalize(text).text
    assert normalize(once).text == once
