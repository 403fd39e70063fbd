"""Deal data is the company's confidential customer data: the HTML playbook, the JSON and
GraphML exports and the PDF manual of a document holding actuals carry no deal id, owner,
deal name, lost reason or amount (searched in every file written, the PDF through its
text as pdftotext extracts it)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from salesdesigner.edits.actuals import import_record
from salesdesigner.model.actuals.events import DealEvent, Outcome
from salesdesigner.model.actuals.record import actuals_of
from salesdesigner.storage.templates import load_template

SECRETS = ("DEALQX7731", "OWNERZK5", "NAMEWJ3", "秘密商事", "REASONPV8", "987654321",
           "987,654,321", "CRMSTAGEQ9")


def _process_with_actuals():
    process = load_template("eight-step", "ja")
    events = [DealEvent("DEALQX7731", sid, datetime(2026, 4, n + 1), 987654321.0,
                        "OWNERZK5", "NAMEWJ3 秘密商事", Outcome.LOST, "REASONPV8")
              for n, sid in enumerate(("lead", "proposal", "lost"))]
    record = import_record("export DEALQX7731.csv", 3, 0, columns={"deal_id": "OWNERZK5"},
                           stages={"CRMSTAGEQ9": "lead"})
    process.set_actuals(actuals_of(events, [record], {"CRMSTAGEQ9": "lead"}))
    return process


def _texts(folder: Path) -> str:
    out = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            out.append(path.name)
            raw = path.read_bytes()
            out.append(raw.decode("utf-8", errors="replace"))
            if path.suffix == ".pdf":
                out.append(subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                                          capture_output=True, check=True).stdout.decode())
    return "\n".join(out)


@pytest.mark.parametrize("kind", ["html", "json", "graphml", "pdf"])
def test_no_export_carries_deal_ids_owners_names_or_amounts(tmp_path, kind):
    if kind == "pdf" and shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext")
    process = _process_with_actuals()
    out = tmp_path / "out"
    out.mkdir()
    if kind == "html":
        from salesdesigner.export.html import export_html
        export_html(process, out / "playbook.html")
    elif kind == "json":
        from salesdesigner.storage.json_format import export_json
        export_json(process, out / "process.json")
    elif kind == "graphml":
        from salesdesigner.storage.graphml import export_graphml
        export_graphml(process, out / "process.graphml")
    else:
        from salesdesigner.export.pdf import export_pdf
        export_pdf(process, out / "manual.pdf")
    text = _texts(out)
    assert len(text) > 1000  # the export was written and read
    assert "リード発生" in text or kind == "pdf" and "リード" in text
    found = [s for s in SECRETS if s in text]
    assert found == [], f"{kind} export carries deal data: {found}"
    if kind == "pdf":  # the performance section is off by default: nothing of the actuals
        from salesdesigner.model.presentation import words_for
        words = words_for("ja", "manual")
        for key in ("performance", "funnel", "kpi_actuals", "trends", "bottleneck"):
            assert words(key) not in text, key


def _pdf_text(data: bytes, folder: Path) -> str:
    path = folder / "manual.pdf"
    path.write_bytes(data)
    return _texts(folder)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_performance_section_prints_aggregates_only(tmp_path, language):
    """Section on: every deal id, owner, deal name and amount of the fixture is searched
    for in the PDF's text (a won amount of a single deal would be that deal's amount)."""
    from salesdesigner.export.pdf import render_pdf
    from tests.export_pdf.actuals_sample import (
        DEAL_IDS,
        NAMES,
        OWNERS,
        amount_texts,
        sample_process,
    )

    data = render_pdf(sample_process(language), performance=True).data
    text = _pdf_text(data, tmp_path)  # the file's bytes and the text a reader extracts
    assert ("現状の成績" if language == "ja" else "Current performance") in text
    secrets = [*DEAL_IDS, *OWNERS, *NAMES, *(n.split()[-1] for n in NAMES)]
    found = [s for s in secrets if s in text]
    # amounts as printed: searched in the page text only (the raw drawing operators are
    # full of coordinates such as "1.11", which are not amounts)
    printed = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "manual.pdf"),
                              "-"], capture_output=True, check=True).stdout.decode()
    found += [s for s in amount_texts() if s in printed]
    assert found == [], f"the performance section carries deal data: {found}"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_the_performance_section_of_a_single_lost_deal_names_nothing_of_it(tmp_path):
    from salesdesigner.export.pdf import render_pdf

    process = _process_with_actuals()
    text = _pdf_text(render_pdf(process, performance=True, period="2026-04").data, tmp_path)
    assert "現状の成績" in text
    found = [s for s in SECRETS if s in text]
    assert found == [], f"the performance section carries deal data: {found}"
