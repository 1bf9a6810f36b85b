"""Officials beyond the rule examples: the seed sentence the issue names, mention merging,
organisations, and the abbreviation table's examples."""
import pytest

from extractor.records.officials.organisations import expand, organizations
from extractor.patterns import load_patterns
from extractor.pipeline import extract

SEED_SENTENCE = ("Đến dự và cùng chỉ đạo hội nghị có Thiếu tướng Hồ Văn Thái, Bí thư Đảng ủy, Chính ủy Quân khu 9; "
                 "đồng chí Phạm Văn Hiểu, Phó bí thư Thường trực Thành ủy, Chủ tịch HĐND TP Cần Thơ.")


def test_the_issue_sentence_gives_two_people():
    report = extract(SEED_SENTENCE)
    people = [(o.name, o.rank, o.honorific, o.titles) for o in report.officials]
    assert people == [
        ("Hồ Văn Thái", "Thiếu tướng", None, ["Bí thư Đảng ủy", "Chính ủy Quân khu 9"]),
        ("Phạm Văn Hiểu", None, "đồng chí", ["Phó bí thư Thường trực Thành ủy", "Chủ tịch HĐND TP Cần Thơ"]),
    ]
    thai = report.officials[0]
    assert thai.organizations == ["Đảng ủy Quân khu 9", "Quân khu 9"]
    assert [SEED_SENTENCE[m.start:m.end] for m in thai.mentions] == ["Thiếu tướng Hồ Văn Thái"]


def test_mentions_merge_and_short_mentions_attach():
    text = ("Thiếu tướng Lê Văn Định, Tư lệnh Quân khu 5 phát biểu. Đại tá Ngô Minh Hà báo cáo. "
            "Theo Thiếu tướng Định, năm qua đơn vị hoàn thành tốt nhiệm vụ. Ông Hà cho biết thêm. "
            "Thiếu tướng Lê Văn Định, Bí thư Đảng ủy Quân khu 5 kết luận.")
    report = extract(text)
    assert [o.name for o in report.officials] == ["Lê Văn Định", "Ngô Minh Hà"]
    dinh, ha = report.officials
    assert dinh.titles == ["Tư lệnh Quân khu 5", "Bí thư Đảng ủy Quân khu 5"]
    assert [text[m.start:m.end] for m in dinh.mentions] == ["Thiếu tướng Lê Văn Định", "Thiếu tướng Định",
                                                            "Thiếu tướng Lê Văn Định"]
    assert [text[m.start:m.end] for m in ha.mentions] == ["Đại tá Ngô Minh Hà", "Ông Hà"]


def test_position_before_the_name_and_bylines():
    text = ("Cùng dự có Bộ trưởng Bộ Quốc phòng, Đại tướng Phan Văn Giao và Giám đốc Sở GTVT Vũ Văn Viên.\n\n"
            "Tin, ảnh: MINH KHOA")
    report = extract(text)
    got = {o.name: (o.rank, o.titles) for o in report.officials}
    assert got["Phan Văn Giao"] == ("Đại tướng", ["Bộ trưởng Bộ Quốc phòng"])
    assert got["Vũ Văn Viên"] == (None, ["Giám đốc Sở GTVT"])
    assert got["Minh Khoa"] == (None, ["tác giả"])


@pytest.mark.parametrize("example", load_patterns().table("abbreviation_examples"),
                         ids=lambda e: e["text"])
def test_organizations_expand_abbreviations(example):
    assert organizations([example["text"]]) == example["organizations"]


def test_expand_glued_city_prefix():
    assert expand("UBND TP.Hà Nội") == "Ủy ban nhân dân Thành phố Hà Nội"


@pytest.mark.parametrize("text,name,titles", [
    # a person acting on another: the title is the one after the verb
    ("Tổng thống Alexander Lukashenko nhiệt liệt chào đón Chủ tịch nước Trần Văn Quang đến thăm.",
     "Trần Văn Quang", ["Chủ tịch nước"]),
    # a joint, then another position: the later one is this person's
    ("Chủ tịch Ủy ban tham mưu trưởng liên quân Mỹ Joseph Dunford và Bộ trưởng Quốc phòng Mỹ Lê Văn Hùng phát biểu.",
     "Lê Văn Hùng", ["Bộ trưởng Quốc phòng Mỹ"]),
    # an organisation's own "và" stays inside the title
    ("Bộ trưởng Bộ Lao động - Thương binh và Xã hội Đào Ngọc Dung phát biểu.",
     "Đào Ngọc Dung", ["Bộ trưởng Bộ Lao động - Thương binh và Xã hội"]),
    # a place or a school named like a person does not end the title chain
    ("Ông Phạm Hồng Cương, Chủ tịch UBND xã Đoàn Xá cho biết, xã đã nhận được thông tin.",
     "Phạm Hồng Cương", ["Chủ tịch UBND xã Đoàn Xá"]),
    ("Bà Lê Thị Hoa, Hiệu trưởng trường THCS Huỳnh Đình Túc, xác nhận sự việc.",
     "Lê Thị Hoa", ["Hiệu trưởng trường THCS Huỳnh Đình Túc"]),
    # between dashes, the title ends at the second one; a dash inside a name stays
    ("Chiều 12/5, ông Nguyễn Khoa Trí - Hiệu trưởng trường THCS Lê Lợi - xác nhận các em là học sinh của trường.",
     "Nguyễn Khoa Trí", ["Hiệu trưởng trường THCS Lê Lợi"]),
    ("Ông Lê Văn Hùng - Phó Giám đốc Sở Lao động - Thương binh và Xã hội cho biết.",
     "Lê Văn Hùng", ["Phó Giám đốc Sở Lao động - Thương binh và Xã hội"]),
])
def test_titles_do_not_cross_into_another_clause(text, name, titles):
    person = next(o for o in extract(text).officials if o.name == name)
    assert person.titles == titles


def test_a_chairman_named_after_the_commune_word_is_still_a_person():
    """'UBND xã Nguyễn Văn Bình': after an administrative word, three syllables are a name."""
    report = extract("Ông Trần Văn An, Phó Chủ tịch UBND xã, và Chủ tịch UBND xã Nguyễn Văn Bình cùng dự.")
    assert "Nguyễn Văn Bình" in [o.name for o in report.officials]


def test_a_position_opening_the_sentence_is_the_title_of_the_person_after_the_comma():
    report = extract("Cảnh sát trưởng vùng Greater Manchester, ông Ian Hopkins xác nhận, đối tượng đã kích nổ.")
    assert [(o.name, o.honorific, o.titles) for o in report.officials] == [
        ("Ian Hopkins", "ông", ["Cảnh sát trưởng vùng Greater Manchester"])]
    # not a position: the comma closes a clause
    assert extract("Thay mặt sinh viên các khóa, chị Nguyễn Thị Lan phát biểu.").officials[0].titles == []


@pytest.mark.parametrize("text,expected", [
    ("Dự có các đồng chí Phó Bí thư Tỉnh ủy: Nguyễn Xuân Đường – Chủ tịch UBND tỉnh; Lê Quang Huy, Nguyễn Văn Thông "
     "cùng các đồng chí trong Ban thường vụ.",
     [("Nguyễn Xuân Đường", ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]), ("Lê Quang Huy", ["Phó Bí thư Tỉnh ủy"]),
      ("Nguyễn Văn Thông", ["Phó Bí thư Tỉnh ủy"])]),
    ("Cùng dự có các Phó Thủ tướng Trương Hòa Bình, Vương Đình Huệ, Vũ Đức Đam.",
     [("Trương Hòa Bình", ["Phó Thủ tướng"]), ("Vương Đình Huệ", ["Phó Thủ tướng"]), ("Vũ Đức Đam", ["Phó Thủ tướng"])]),
    # a clause, not an office, before the names: nothing is handed down
    ("Các nghị sỹ Hoa Kỳ đánh giá cao chuyến thăm của Thủ tướng Nguyễn Xuân Phúc.", [("Nguyễn Xuân Phúc", ["Thủ tướng"])]),
])
def test_a_position_heading_a_list_is_everyone_s_title(text, expected):
    assert [(o.name, o.titles) for o in extract(text).officials] == expected
