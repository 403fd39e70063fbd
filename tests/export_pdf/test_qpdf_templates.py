"""Manuals of both bundled templates, in both languages, pass ``qpdf --check``."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from salesdesigner.export.pdf import export_pdf
from salesdesigner.storage.templates import load_template


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
@pytest.mark.parametrize("name", ["eight-step", "the-model"])
@pytest.mark.parametrize("language", ["ja", "en"])
def test_template_manual_passes_qpdf_check(tmp_path, name, language):
    target = tmp_path / f"{name}.{language}.pdf"
    export_pdf(load_template(name, language), target)
    done = subprocess.run(["qpdf", "--check", str(target)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No syntax or stream encoding errors" in done.stdout
