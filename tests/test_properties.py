"""Properties that hold for any input: no exception, spans index the input exactly,
values re-parse from their text, the report validates and round-trips through JSON."""
from __future__ import annotations

import json
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.normalize import normalize
from extractor.pipeline import extract

PIECES = ["1.359/1.417 = 95,91%", "tăng 0,14%", "so với năm 2021", "16,03%/16,37%", "1,5 tỷ đồng",
          "hơn 2.000 hộ", "Nghị quyết số 21-NQ/TW", "ngày 16-6-2022", "Quân khu 9", "Covid-19",
          "từ 10 đến 15%", "7,5 - 15 triệu đồng", "hai mươi lăm", "khoảng", "giảm", " ", ", ", ". ",
          "(", ")", "\n", "\u00a0", "hoà", "thuỷ", "năm", "Sáng 4/7", "24/24h", "%", "/", "-"]

texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(PIECES), max_size=25).map("".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.booleans())
def test_extract_never_breaks_its_promises(text, decompose):
    if decompose:
        text = unicodedata.normalize("NFD", text)
    report = extract(text)
    data = report.to_dict()
    for section in ("figures", "documents", "dates"):
        for item in data[section]:
            assert text[item["start"]:item["end"]] == item["text"]
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=100))
def test_normalisation_is_idempotent(text):
    once = normalize(text).text
    assert normalize(once).text == once
