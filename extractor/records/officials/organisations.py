"""Organisations in titles: the body a title names ("Chủ tịch UBND tỉnh Nghệ An" → "UBND
tỉnh Nghệ An"), its owner, and abbreviations expanded."""
from __future__ import annotations

from .words import _CONCURRENT_START, _SPACES, _STANDING, _data


def organizations(titles: list[str]) -> list[str]:
    """The organisations named in the titles, abbreviations expanded, with a bare party
    committee completed from the next title ("Bí thư Đảng ủy, Chính ủy Quân khu 9")."""
    data = _data()
    raw = []
    for title in titles:
        if title == "tác giả":
            continue
        org = _strip_position(title)
        if org:
            raw.append(org)
    orgs = []
    for i, org in enumerate(raw):
        if org in data["generic_orgs"] and i + 1 < len(raw):
            owner = _owner(raw[i + 1])
            if owner:
                org = f"{org} {owner}"
        expanded = expand(org)
        if expanded not in orgs:
            orgs.append(expanded)
    return orgs


def _strip_position(title: str) -> str | None:
    data = _data()
    rest = title
    while True:
        m = data["position_start"].match(rest)
        if not m:
            break
        rest = rest[m.end():].lstrip()
        rest = _STANDING.sub("", rest)
        rest = _CONCURRENT_START.sub("", rest)
    if not rest or not data["org_start"].match(rest):
        return None
    return rest.strip()


def _owner(org: str) -> str | None:
    data = _data()
    if data["military_units"].match(org):
        return org
    m = _data()["place_in_org"].search(org)
    return m.group(1).strip() if m else None


def expand(org: str) -> str:
    table = _data()["abbreviations"]
    out = []
    for token in _SPACES.split(org):
        if token.startswith("TP.") and len(token) > 3:
            out.append(table["TP"] + " " + token[3:])
            continue
        out.append(table.get(token, token))
    return "".join(out)
