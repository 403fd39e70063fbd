"""Processes and page readers shared by the HTML playbook tests."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from salesdesigner.model import (
    Action,
    Attachment,
    Kpi,
    Lane,
    Material,
    Position,
    Process,
    Script,
    Stage,
    StageKind,
    Transition,
)

XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_SCRIPT = "</script><script>window.__pwned=1</script>"


def template(name: str = "the-model", language: str = "ja") -> Process:
    from salesdesigner.storage.templates import load_template
    return load_template(name, language)


def hostile_process() -> Process:
    """Markup, script breakers and a javascript: link in every kind of user text."""
    p = Process(id="evil", name=XSS_SCRIPT, description=XSS_IMG, language="en",
                company="<b>ACME</b>", revision="1")
    p.add_lane(Lane("a", XSS_IMG, "#F58518"))
    p.add_lane(Lane("b", "Inside Sales", "red;} body{display:none}"))
    p.add_stage(Stage("s1", XSS_IMG, StageKind.START, "a", Position(200, 100)))
    p.add_stage(Stage(
        "s2<&>\"'", XSS_SCRIPT, StageKind.STAGE, "b", Position(460, 300),
        goal=XSS_IMG, description="line1\u2028line2\u2029</SCRIPT ><!--",
        exit_criteria=(XSS_SCRIPT,),
        kpis=(Kpi(XSS_IMG, 10.0, "%", definition=XSS_SCRIPT),),
        actions=(Action(XSS_IMG, XSS_SCRIPT, "<i>now</i>", "]]>&amp;"),),
        scripts=(Script(XSS_IMG, XSS_SCRIPT, "Say <script>window.__pwned=3</script> hi"),),
        materials=(Material("evil link", "javascript:window.__pwned=2"),
                   Material("data link", "data:text/html,<script>window.__pwned=4</script>"),
                   Material("missing file", "attachment:nope")),
        tips=(XSS_IMG,)))
    p.add_stage(Stage("s3", "Won", StageKind.WON, "b", Position(720, 300)))
    p.add_transition(Transition("t1", "s1", "s2<&>\"'", XSS_IMG, XSS_SCRIPT))
    p.add_transition(Transition("t2", "s2<&>\"'", "s3", XSS_SCRIPT, XSS_IMG))
    return p


def with_attachments(small: int = 100, large: int = 5000) -> Process:
    p = Process(id="att", name="Attachments", language="en")
    p.add_attachment(Attachment("small", "price list.pdf", b"%PDF" + b"s" * small,
                                "application/pdf"))
    p.add_attachment(Attachment("large", "../../etc/brochure.pdf", b"%PDF" + b"L" * large,
                                "application/pdf"))
    p.add_attachment(Attachment("unused", "unused.bin", b"x"))
    p.add_stage(Stage("s", "Propose", materials=(
        Material("Price list", "attachment:small", "current prices"),
        Material("Brochure", "attachment:large"),
        Material("Web", "https://example.com/a?b=1&c=<2>"))))
    return p


def payload(html: str) -> dict[str, Any]:
    """The JSON the page's script reads, parsed as the browser would."""
    m = re.search(r'<script type="application/json" id="playbook-data">(.*?)</script>',
                  html, re.DOTALL)
    assert m, "no data block"
    return json.loads(m.group(1))


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")
