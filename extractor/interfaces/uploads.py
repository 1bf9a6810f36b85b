"""A file sent as a form (multipart/form-data, `curl -F file=@a.txt`): its bytes, its
name and the form's other fields, read with python-multipart through Starlette. The
bytes are then decoded as every file is (extractor.text.inputs.read_bytes)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request

from ..text.inputs import HTML_SUFFIXES

FORM = "multipart/form-data"
_TRUE, _FALSE = ("true", "1", "on", "yes"), ("false", "0", "off", "no", "")


class UploadProblem(ValueError):
    """The form is not one file with known fields; the message says what to send."""


@dataclass
class Upload:
    raw: bytes
    filename: str
    fields: dict[str, str]

    @property
    def stem(self) -> str | None:
        return PurePath(self.filename).stem or None if self.filename else None

    @property
    def is_html(self) -> bool:
        return PurePath(self.filename or "").suffix.lower() in HTML_SUFFIXES


async def read_upload(request: Request, fields: tuple[str, ...]) -> Upload:
    """The one file of the form (any field name; `file` in the docs) and the named text fields."""
    try:
        # One file is what is asked for; a second is read only to be refused in words.
        form = await request.form(max_files=2, max_fields=len(fields) + 2)
    except HTTPException as exc:       # Starlette's words for a malformed or oversized form
        raise UploadProblem(f"the form cannot be read: {exc.detail}") from None
    try:
        files = [(k, v) for k, v in form.multi_items() if isinstance(v, UploadFile)]
        if len(files) != 1:
            raise UploadProblem(f"send one file (-F file=@article.txt), not {len(files)}")
        texts = {k: v for k, v in form.multi_items() if not isinstance(v, UploadFile)}
        unknown = sorted(set(texts) - set(fields))
        if unknown:
            raise UploadProblem(f"unknown form field(s) {', '.join(unknown)}; known: file, {', '.join(fields)}")
        upload = files[0][1]
        return Upload(await upload.read(), upload.filename or "", texts)
    finally:
        await form.close()


def form_flag(value: str | None, name: str) -> bool | None:
    """A form's yes/no field ("true", "1", "on"…); None when absent."""
    if value is None:
        return None
    if value.strip().lower() in _TRUE:
        return True
    if value.strip().lower() in _FALSE:
        return False
    raise UploadProblem(f"form field {name}: {value[:40]!r} is not true or false")


def form_schema(fields: dict[str, dict]) -> dict:
    """The OpenAPI schema of the form: the file, and the fields the endpoint takes."""
    properties = {"file": {"type": "string", "format": "binary",
                           "description": "the article as a file (.txt, .html), decoded as chiso extract FILE decodes it; "
                                          "its name gives the default id"}}
    properties.update(fields)
    # Unknown fields are refused (422), as in the JSON body: the schema says so.
    return {"schema": {"type": "object", "properties": properties, "required": ["file"],
                       "additionalProperties": False}}
