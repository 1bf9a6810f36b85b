"""`python -m extractor.hostile OUT.jsonl`: a set of hostile articles for batch runs.

Every case the robustness issue names, one JSON line each ({"id", "text"[, "html"]}):
empty and blank text, NFD, legacy TCVN3 and VNI, HTML, mojibake, very long lines, a
10 MB article, a 100,000-digit number, pathological repeats, control characters."""
from __future__ import annotations

import json
import sys
import unicodedata

from .inputs import to_legacy

BASE = ("Năm 2022, có chi ủy 1.359/1.417 = 95,91% (tăng 0,14% so với năm 2021); Thiếu tướng Hồ Văn Thái, "
        "Bí thư Đảng ủy, Chính ủy Quân khu 9 dự theo Nghị quyết số 21-NQ/TW ngày 16-6-2022.")


def cases() -> list[dict]:
    out = [
        {"id": "empty", "text": ""},
        {"id": "blank", "text": " \n\t \u00a0\n"},
        {"id": "nfd", "text": unicodedata.normalize("NFD", BASE)},
        {"id": "tcvn3", "text": to_legacy(BASE, "tcvn3")},
        {"id": "vni", "text": to_legacy(BASE, "vni")},
        {"id": "html", "text": f"<html><script>var x='99%';</script><body><p>{BASE}</p>&amp;&nbsp;</body></html>", "html": True},
        {"id": "mojibake", "text": BASE.encode("utf-8").decode("cp1252", errors="replace")},
        {"id": "long-line", "text": (BASE + " ") * 3000},
        {"id": "ten-megabytes", "text": (BASE + "\n") * (10_000_000 // (len(BASE) + 1))},
        {"id": "huge-number", "text": "Con số " + "7" * 100_000 + " người."},
        {"id": "slashes", "text": "1/" * 100_000},
        {"id": "percents", "text": "%" * 100_000},
        {"id": "tang", "text": "tăng " * 100_000},
        {"id": "dots", "text": "1.1." * 50_000},
        {"id": "brackets", "text": "(" * 100_000 + ")" * 100_000},
        {"id": "controls", "text": "".join(chr(c) for c in range(32)) * 100 + BASE},
        {"id": "surrogates-replaced", "text": "\ufffd" * 1000 + BASE},
        {"id": "names", "text": "Nguyễn " * 50_000},
        {"id": "fullwidth", "text": BASE.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789%"})},
    ]
    return out


def main(path: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for case in cases():
            fh.write(json.dumps(case, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
