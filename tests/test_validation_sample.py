"""The validation sample (issue 20): slice N is lines (N-1)*500+1 … N*500 of the pool, at most one
item of each section per article, the quotas at most, the same draw every time."""
from collections import Counter

from extractor.quality import validation_sample as vs

ARTICLE = ("Đầu năm 2017, ông Nguyễn Văn An, Chủ tịch UBND xã Hòa Bình, cho biết xã có 1.200 hộ, tăng 5% so với năm 2016. "
           "Bà Trần Thị Bình, Phó Chủ tịch xã, nói thêm 300 hộ đã nhận 1,5 tỷ đồng theo Quyết định số 12/QĐ-UBND "
           "ngày 3/4/2017 của UBND huyện. Sáng 5/4, đoàn đến thăm.")


def _pool(n: int):
    return [(f"a{i}", ARTICLE) for i in range(n)]


def test_a_slice_is_its_lines_in_file_order():
    pool = _pool(1200)
    assert [a for a, _ in vs.slice_of(iter(pool), 2)] == [f"a{i}" for i in range(500, 1000)]
    assert len(vs.slice_of(iter(pool), 3)) == 200


def test_at_most_one_item_of_a_section_per_article_and_the_quotas():
    entries = vs.draw_validation(iter(_pool(120)), 1)
    per = Counter((e["section"], e["id"]) for e in entries)
    assert max(per.values()) == 1
    counts = Counter(e["section"] for e in entries)
    assert counts["officials"] == 80 and counts["figures"] == 100
    assert counts["documents"] == 30 and counts["dates"] == 40
    assert all(e["verdict"] is None and e["sentence"] for e in entries)


def test_the_draw_and_the_recall_articles_are_the_same_every_time():
    pool = _pool(60)
    assert vs.draw_validation(iter(pool), 1) == vs.draw_validation(iter(pool), 1)
    assert vs.recall_articles(iter(pool), 1) == vs.recall_articles(iter(pool), 1)
    assert len(set(vs.recall_articles(iter(pool), 1))) == 10
