"""The preview's child process: progress lines, the PDF, or one error line."""

from __future__ import annotations

import pickle
import subprocess
import sys

from pypdf import PdfReader

from salesdesigner.storage.templates import load_template


def run_worker(tmp_path, **job):
    (tmp_path / "job.pickle").write_bytes(pickle.dumps(job))
    return subprocess.run([sys.executable, "-m", "salesdesigner.export.pdf.worker",
                           str(tmp_path / "job.pickle"), str(tmp_path / "out.pdf")],
                          capture_output=True, text=True, timeout=300, check=False)


def test_worker_reports_progress_and_writes_the_manual(tmp_path):
    process = load_template("eight-step", "en").copy()
    done = run_worker(tmp_path, process=process, paper="a4", lanes=None)
    assert done.returncode == 0, done.stdout + done.stderr
    steps = [line.split()[1:] for line in done.stdout.splitlines()
             if line.startswith("progress ")]
    assert steps and steps[-1][0] == steps[-1][1]
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "out.pdf").pages)
    assert all(stage.name in text.replace("\n", " ") or stage.name[:10] in text
               for stage in process.stages)


def test_worker_turns_a_user_error_into_one_error_line(tmp_path):
    done = run_worker(tmp_path, process=load_template("eight-step", "en").copy(),
                      paper="tabloid", lanes=None)
    assert done.returncode == 1
    assert done.stdout.startswith("error ") and "tabloid" in done.stdout
    assert not (tmp_path / "out.pdf").exists()
