"""The fast POS tagger is underthesea's: the same features for every word, the same tags,
on every sentence of the project's articles and on shapes written here."""
from __future__ import annotations

from pathlib import Path

import pytest
from underthesea import pos_tag, word_tokenize
from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

from extractor.text.postag import pos_tagger
from extractor.text.segment import split_sentences

ARTICLES = Path(__file__).resolve().parent.parent / "corpus" / "articles"
WRITTEN = [
    "", "A", "Ông Donald Trump", "Tổng thống Mỹ Donald Trump phát biểu tại Nhà Trắng",
    "UBND TP.HCM và 12 quận, huyện", "Thủ tướng Nguyễn Xuân Phúc, ông John Kerry và bà Angela Merkel",
    "giá 3,5 triệu đồng/tấn, tăng 12%", "  khoảng trắng   thừa  ", "HLV Park Hang-seo cho biết",
]


def sentences() -> list[str]:
    out = list(WRITTEN)
    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out += [text[a:b] for a, b in split_sentences(text)][:40]
    return out


def test_the_features_are_underthesea_s():
    predictor = CRFPOSTagPredictor.Instance()
    for sentence in sentences():
        words = word_tokenize(sentence)
        theirs = predictor.transformer.transform([[(w, "X") for w in words]])[0][0]
        assert pos_tagger().features(words) == theirs, sentence


@pytest.mark.parametrize("sentence", WRITTEN)
def test_the_tags_are_underthesea_s(sentence):
    assert pos_tagger()(sentence) == pos_tag(sentence)


def test_the_tags_on_the_articles_are_underthesea_s():
    differ = [s for s in sentences() if pos_tagger()(s) != pos_tag(s)]
    assert not differ
