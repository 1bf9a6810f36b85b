import pytest

from extractor.patterns import load_patterns
from extractor.pipeline import nlp
from extractor.text.segment import opening_text, split_sentences, tokenize

EXAMPLES = load_patterns().table("sentence_examples")


@pytest.mark.parametrize("example", EXAMPLES, ids=range(len(EXAMPLES)))
def test_sentence_examples(example):
    text = example["text"]
    assert [text[a:b] for a, b in split_sentences(text)] == example["sentences"]


HOSTILE = ["", " ", "\n\n", "  a  b\t\tc \n", "1.359/1.417 = 95,91%", "TP.HCM…!?", "x\u00a0y", "🙂 ok 🙂",
           "Nghị định 15/2020/NĐ-CP", "a\r\nb"]


@pytest.mark.parametrize("text", HOSTILE)
def test_tokenizer_is_lossless(text):
    doc = nlp().make_doc(text)
    assert doc.text == text
    assert "".join(t.text_with_ws for t in doc) == text


def test_numbers_stay_whole():
    words, _ = tokenize("đạt 1.359/1.417 = 95,91%")
    assert "1.359" in words and "95,91" in words


def test_pipeline_marks_sentences():
    doc = nlp()("Câu một có 5 xã. Câu hai có 6 xã.")
    assert [s.text for s in doc.sents] == ["Câu một có 5 xã.", "Câu hai có 6 xã."]
    assert [s.text for s in doc.spans["figures"]] == ["5 xã", "6 xã"]


@pytest.mark.parametrize("text, pos, opens", [
    ("Tháng 7/2016, một người", 0, True),
    ("“Tháng 7/2016, một người", 1, True),          # a quote before the first word
    ("– Ông Nguyễn Văn A, Chủ tịch", 2, True),      # a dash that opens a line of dialogue
    ("(Ông Nguyễn Văn A, Chủ tịch", 1, True),
    ("Đến tháng 7/2016, một người", 4, False),       # a word before it
    ("Theo ông Nguyễn Văn A", 5, False),
])
def test_what_opens_a_sentence(text, pos, opens):
    assert (opening_text(text, 0, pos) == "") is opens
