"""Titles and issuers are read from the normalised text but given as the input writes them
(GOLD_FORMAT: "verbatim"): a dash, a tone placement, a no-break space come back as written."""
from extractor.pipeline import extract


def test_a_title_keeps_the_dash_and_tone_marks_of_the_input():
    report = extract("Bác sĩ Lương Văn Chính (Khoa Cấp cứu A9 – Bệnh viện Hoà Bình) cho biết.").to_dict()
    assert report["officials"][0]["titles"] == ["Khoa Cấp cứu A9 – Bệnh viện Hoà Bình"]


def test_an_issuer_keeps_the_dash_of_the_input():
    report = extract("Bộ Văn hóa – Thể thao và Du lịch vừa ban hành Quyết định số 12/QĐ-BVHTTDL về việc").to_dict()
    assert report["documents"][0]["issuer"] == "Bộ Văn hóa – Thể thao và Du lịch"


def test_decomposed_input_gives_composed_titles():
    text = "Ông Lê Văn An, Chủ tịch UBND tỉnh Hòa Bình cho biết."
    import unicodedata
    report = extract(unicodedata.normalize("NFD", text)).to_dict()
    assert report["officials"][0]["titles"] == ["Chủ tịch UBND tỉnh Hòa Bình"]


def test_a_made_title_stays_as_made():
    report = extract("Nội dung bài viết.\nTin, ảnh: QUANG ĐỨC").to_dict()
    assert [o["titles"] for o in report["officials"]] == [["tác giả"]]
