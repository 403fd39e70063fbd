"""Write the offline playbook: one self-contained HTML file (plus an attachments folder).

The page's CSS, JS and skeleton are real files in this package, read at export time and
inlined.  The process travels as escaped JSON in a non-executing ``<script>`` block;
a strict Content-Security-Policy allows only the one inline script (by its hash) and
nothing from the network, so even text that slipped through could neither run nor fetch.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any

from salesdesigner.export.html.data import AttachmentMode, AttachmentPlan, playbook_data
from salesdesigner.export.html.svg import diagram_svg
from salesdesigner.model.errors import UserError
from salesdesigner.model.presentation import words_for
from salesdesigner.model.process import Process
from salesdesigner.storage.files import AtomicOutput, OutputError, check_output, write_beside

_LANG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")
_PLACEHOLDER = re.compile(r"@@([A-Za-z_]+)@@")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                 "\u2028": "\\u2028", "\u2029": "\\u2029"}


class HtmlExportError(UserError):
    """The playbook could not be written (bad option, unwritable place)."""


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


SCRIPT_PARTS = ("playbook-core.js", "playbook-pages.js", "playbook-app.js")


def page_script() -> str:
    """The page's one inline script: the parts joined in a single strict function scope."""
    body = "\n".join(_asset(name) for name in SCRIPT_PARTS)
    return '(function () {\n"use strict";\n' + body + "})();\n"


def script_json(payload: Any) -> str:
    """JSON safe to sit inside ``<script>``: no ``<``, ``>``, ``&`` or line separators."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(script: str, style: str) -> str:
    """Nothing may load or connect; only our own inline script and style may apply."""
    return "; ".join([
        "default-src 'none'",
        f"script-src {csp_hash(script)}",
        f"style-src {csp_hash(style)}",
        "img-src data:",
        "connect-src 'none'",
        "font-src 'none'",
        "media-src 'none'",
        "object-src 'none'",
        "frame-src 'none'",
        "worker-src 'none'",
        "manifest-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def render_page(process: Process, *, folder_name: str, attachments: AttachmentMode = "folder",
                inline_limit: int = 256_000) -> tuple[str, AttachmentPlan]:
    """The playbook's HTML text and the attachment files that must be written beside it."""
    labels = words_for(process.language, "playbook").flat()
    payload, plan = playbook_data(process, labels, folder_name=folder_name,
                                  attachments=attachments, inline_limit=inline_limit)
    css, js = _asset("playbook.css"), page_script()
    if "</style" in css.lower() or "</script" in js.lower():  # pragma: no cover - our own files
        raise HtmlExportError("The playbook's built-in style or script is damaged.")
    lang = process.language if _LANG.fullmatch(process.language or "") else "en"
    title = " ".join(process.name.split()) or "SalesDesigner"
    values = {
        "LANG": escape(lang),
        "TITLE": escape(title),
        "CSP": escape(content_security_policy(js, css), quote=False).replace('"', "&quot;"),
        "CSS": css,
        "JS": js,
        "SVG": diagram_svg(process, labels),
        "DATA": script_json(payload),
    }
    values.update({f"L_{k}": escape(v) for k, v in labels.items()})
    page = _PLACEHOLDER.sub(lambda m: values[m.group(1)], _asset("template.html"))
    return page, plan


def export_html(process: Process, path: Path | str, *,
                attachments: AttachmentMode = "folder", inline_limit: int = 256_000,
                force: bool = False) -> None:
    """Write ``process`` as an offline playbook to ``path``.

    Attachments that materials refer to go into ``<stem>_files/`` beside the page; with
    ``attachments="inline"`` those up to ``inline_limit`` bytes are embedded as data: URIs.
    The folder is created only once the page's own temporary exists (the target is
    writable) and removed again if the export fails (:mod:`salesdesigner.storage.files`).
    """
    if attachments not in ("folder", "inline"):
        raise HtmlExportError(
            f"Unknown attachments option {attachments!r}: use 'folder' or 'inline'.")
    if not isinstance(inline_limit, int) or inline_limit < 0:
        raise HtmlExportError(
            f"The inline limit must be a whole number of bytes ≥ 0, not {inline_limit!r}.")
    path = Path(path)
    try:
        check_output(path, force=force)
    except OutputError as exc:
        raise HtmlExportError(str(exc)) from None
    folder = path.with_name(path.stem + "_files")
    page, plan = render_page(process, folder_name=folder.name, attachments=attachments,
                             inline_limit=inline_limit)
    data = page.encode("utf-8", errors="replace")  # lone surrogates cannot be UTF-8
    try:
        with AtomicOutput(path, force=force) as out, write_beside(folder, plan.files,
                                                                  force=force):
            out.write(data)
            out.commit()
    except OutputError as exc:
        raise HtmlExportError(str(exc)) from None
    except OSError as exc:
        raise HtmlExportError(
            f"Cannot write the playbook to {path}: {exc.strerror or exc}.") from None
