import json

from extractor.report.model import json_schema
from extractor.pipeline import extract

from .conftest import SCHEMA_PATH


def test_schema_in_repo_is_generated_from_the_models():
    on_disk = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert on_disk == json_schema(), "run: chiso schema -o extractor/report/schema/report.schema.json"


def test_report_validates_and_round_trips(report_validator):
    text = ("Năm 2022, có chi ủy 1.359/1.417 = 95,91% (tăng 0,14% so với năm 2021); đạt 16,03%/16,37%; "
            "hỗ trợ 1,5 tỷ đồng cho 34 cấp huyện theo Nghị quyết số 21-NQ/TW ngày 16-6-2022.")
    data = extract(text, "demo").to_dict()
    report_validator.validate(data)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["schema_version"] == 1 and data["id"] == "demo"


def test_contract_fields_per_kind():
    data = extract("có chi ủy 1.359/1.417 = 95,91% (tăng 0,14% so với năm 2021)").to_dict()
    ratio, change = data["figures"]
    assert {"numerator", "denominator"} <= ratio.keys() and "direction" not in ratio
    assert change["of"] == ratio["id"] and change["reference_year"] == 2021
    assert "numerator" not in change
