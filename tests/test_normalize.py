import unicodedata

import pytest

from extractor.patterns.normal_form import normalize
from extractor.patterns import normalization_table
from extractor.pipeline import extract

EXAMPLES = normalization_table()["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["input"] for e in EXAMPLES])
def test_normalization_examples(example):
    assert normalize(example["input"]).text == example["output"]


@pytest.mark.parametrize("text", [e["input"] for e in EXAMPLES] + ["Thủy lợi hòa bình 95,91%", ""])
def test_idempotent(text):
    once = normalize(text).text
    assert normalize(once).text == once


def test_span_maps_back_through_nfd():
    text = unicodedata.normalize("NFD", "Lực lượng dân quân đạt 20,29% (tăng 0,53% so với năm 2021).")
    report = extract(text)
    assert [f.text for f in report.figures] == [unicodedata.normalize("NFD", "20,29%"),
                                                unicodedata.normalize("NFD", "tăng 0,53%")]
    for f in report.figures:
        assert text[f.start:f.end] == f.text
    assert report.figures[1].reference_year == 2021


def test_old_and_new_tone_placement_match_the_same_rules():
    new = extract("Thuỷ lợi đạt 12%, khoẻ mạnh; Quyết định số 12/QĐ-UBND về hoà giải.")
    old = extract("Thủy lợi đạt 12%, khỏe mạnh; Quyết định số 12/QĐ-UBND về hòa giải.")
    assert [(f.kind, f.value) for f in new.figures] == [(f.kind, f.value) for f in old.figures]
    assert [d.number for d in new.documents] == ["12/QĐ-UBND"]


@pytest.mark.parametrize("text", [
    "đạt\u00a095,91\u00a0%",
    "từ 10\u201315%",
    "\uff11\uff12\uff05 dân số",
    "chi\u200b bộ 1.359/1.417 = 95,91%",
])
def test_spans_index_the_input_as_given(text):
    report = extract(text)
    assert report.figures
    for f in report.figures:
        assert text[f.start:f.end] == f.text
