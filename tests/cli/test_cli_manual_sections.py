"""``export pdf --performance [--period]`` and ``--changes-since FILE [--mark-changes]`` as a
user runs them: the optional sections appear only when asked, bad combinations are one
error line, and the input documents are never touched."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from salesdesigner.model import Script
from salesdesigner.storage.document import save_document
from tests.cli.test_cli import assert_one_line_error, fingerprint, run
from tests.export_pdf.actuals_sample import DEAL_IDS, OWNERS, sample_process
from tests.export_pdf.conftest import page_texts


@pytest.fixture
def documents(tmp_path: Path) -> Path:
    process = sample_process("en")
    old = process.copy()
    save_document(old, tmp_path / "v1.salesdesign")
    meet = process.stage("meet")
    process.update_stage("meet", kpis=(dataclasses.replace(meet.kpis[0], target=55.0),
                                       *meet.kpis[1:]),
                         scripts=(Script("Agenda", "", "Agree on the agenda first."),))
    save_document(process, tmp_path / "v2.salesdesign")
    return tmp_path


def _text(path: Path) -> str:
    return " ".join(" ".join(page_texts(path.read_bytes())).split())


def test_performance_and_change_log_when_asked(documents):
    before = fingerprint(documents / "v2.salesdesign"), fingerprint(documents / "v1.salesdesign")
    done = run("export", "pdf", "v2.salesdesign", "-o", "m.pdf", "--performance",
               "--period", "2026-10", "--changes-since", "v1.salesdesign", "--mark-changes",
               cwd=documents)
    assert done.returncode == 0, done.stderr
    text = _text(documents / "m.pdf")
    assert "Period: October 2026" in text
    assert "Previous revision: v1.salesdesign" in text
    assert "KPI “Meeting to proposal”, Target: ≥ 60% → ≥ 55%" in text
    assert "Talk script “Agenda”: added" in text
    assert "Changed" in text
    assert not [s for s in (*DEAL_IDS, *OWNERS) if s in text]
    assert (fingerprint(documents / "v2.salesdesign"),
            fingerprint(documents / "v1.salesdesign")) == before


def test_without_the_options_neither_section_is_printed(documents):
    assert run("export", "pdf", "v2.salesdesign", "-o", "m.pdf", cwd=documents).returncode == 0
    text = _text(documents / "m.pdf")
    assert "Current performance" not in text and "What changed" not in text


@pytest.mark.parametrize(("args", "words"), [
    (("--period", "2026-10"), "--performance"),
    (("--mark-changes",), "--changes-since"),
    (("--performance", "--period", "October"), "not a period"),
    (("--changes-since", "missing.salesdesign"), "does not exist"),
])
def test_bad_combinations_are_one_error_line(documents, args, words):
    result = run("export", "pdf", "v2.salesdesign", "-o", "m.pdf", *args, cwd=documents)
    assert words in assert_one_line_error(result)
    assert not (documents / "m.pdf").exists()


def test_performance_of_a_document_without_actuals_and_options_of_other_formats(documents):
    process = sample_process("en")
    from salesdesigner.model.actuals.record import EMPTY_ACTUALS
    process.set_actuals(EMPTY_ACTUALS)
    save_document(process, documents / "plain.salesdesign")
    result = run("export", "pdf", "plain.salesdesign", "-o", "m.pdf", "--performance",
                 cwd=documents)
    assert "holds no actuals" in assert_one_line_error(result)
    result = run("export", "html", "v2.salesdesign", "-o", "m.html", "--performance",
                 cwd=documents)
    assert "pdf exports only" in assert_one_line_error(result)


def test_changes_since_a_published_revision_of_the_same_document(tmp_path):
    from datetime import datetime

    from salesdesigner.storage.revisions import publish_revision
    process = sample_process("en")
    path = tmp_path / "doc.salesdesign"
    save_document(process, path)
    publish_revision(process, path, title="First", published_at=datetime(2026, 9, 1, 9, 0))
    meet = process.stage("meet")
    process.update_stage("meet", scripts=(Script("Agenda", "", "Agree on the agenda."),),
                         kpis=meet.kpis)
    save_document(process, path, force=True)
    done = run("export", "pdf", "doc.salesdesign", "-o", "m.pdf", "--changes-since",
               "doc.salesdesign@1", "--mark-changes", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = _text(tmp_path / "m.pdf")
    assert "Previous revision: Revision 1 (1 September 2026)" in text
    assert "Talk script “Agenda”: added" in text
    bad = run("export", "pdf", "doc.salesdesign", "-o", "m2.pdf", "--changes-since",
              "doc.salesdesign@7", cwd=tmp_path)
    assert_one_line_error(bad)
