"""The web page, written once for two uses: served at / by `chiso serve` (assets at
/static/…, the page asks the API), and inlined into one self-contained file by
`chiso html` (styles and script inside, the reports embedded, no server, no network).

What the page's script reads from the document:
- `<script type="application/json" id="chiso-config">`: {"messages": the messages table
  (patterns/vi/messages.yaml: en and vi), "mode": "server" | "static", "version"}.
- static mode, for each article N (from 0): `<script type="application/json"
  class="chiso-article" data-index="N">` {"name", "text" (what the spans index), "csv":
  {"figures", "checks"}} and `<script type="application/json" class="chiso-report"
  data-index="N">` the report exactly as `chiso extract` prints it (the JSON download).
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.metadata import PackageNotFoundError, version

from .messages import messages_table
from ..report.model import Report
from .export import to_csv

# The page's script is ES modules (web/*.js, no build step); chiso.js is the entry.
MODULES = tuple(sorted(p.name for p in resources.files("extractor.interfaces.web").iterdir()
                       if p.name.endswith(".js")))
ASSETS = ("chiso.css", *MODULES)
_STYLE_LINK = '<link rel="stylesheet" href="static/chiso.css">'
_SCRIPT_TAG = ('<script type="importmap">{"imports": {"chiso/": "./static/"}}</script>\n'
               '<script type="module" src="static/chiso.js"></script>')
_DATA_MARK = "<!-- chiso:data -->"


@dataclass
class Article:
    name: str
    report: Report


def asset(name: str) -> bytes:
    return resources.files("extractor.interfaces.web").joinpath(name).read_bytes()


def chiso_version() -> str:
    try:
        return version("chiso")
    except PackageNotFoundError:
        return "unknown"


def _json_in_script(text: str) -> str:
    """JSON that can sit inside <script>: '</' can never close the element, nor '<!--'
    start the parser's escaped state; '<\\/' and '<\\u0021--' are the same JSON (the page's
    script undoes both for the JSON download)."""
    return text.replace("</", "<\\/").replace("<!--", "<\\u0021--")


def _config(mode: str, **extra) -> str:
    config = {"mode": mode, "version": chiso_version(), "messages": messages_table(), **extra}
    data = json.dumps(config, ensure_ascii=False)
    return f'<script type="application/json" id="chiso-config">{_json_in_script(data)}</script>'


@lru_cache(maxsize=4)
def server_page(max_body: int | None = None) -> str:
    """The page at /: assets by URL, the articles come from the API. With the server's
    body limit, so that the page refuses a paste over it before sending it."""
    return asset("index.html").decode("utf-8").replace(_DATA_MARK, _config("server", max_body=max_body))


def _inline_modules() -> str:
    """The modules inside the file: an import map that sends each "chiso/NAME.js" to a
    data: URL of its source, so that the page runs from a file with no network."""
    imports = {f"chiso/{name}": "data:text/javascript;charset=utf-8;base64,"
               + base64.b64encode(asset(name)).decode("ascii") for name in MODULES}
    return (f'<script type="importmap">{json.dumps({"imports": imports})}</script>\n'
            '<script type="module">import "chiso/chiso.js";</script>')


def static_page(articles: list[Article]) -> str:
    """One file that shows these reports with no server and no network."""
    page = asset("index.html").decode("utf-8")
    style = asset("chiso.css").decode("utf-8")
    page = page.replace(_STYLE_LINK, f"<style>\n{style}\n</style>")
    page = page.replace(_SCRIPT_TAG, _inline_modules())
    blocks = [_config("static")]
    for n, a in enumerate(articles):
        text = a.report.text if a.report.text is not None else (a.report.source_text or "")
        extra = {"name": a.name, "text": text,
                 "csv": {"figures": to_csv([a.report], "figures"), "checks": to_csv([a.report], "checks")}}
        blocks.append(f'<script type="application/json" class="chiso-article" data-index="{n}">'
                      f'{_json_in_script(json.dumps(extra, ensure_ascii=False))}</script>')
        blocks.append(f'<script type="application/json" class="chiso-report" data-index="{n}">'
                      f'{_json_in_script(a.report.to_json())}</script>')
    return page.replace(_DATA_MARK, "\n".join(blocks))
