"""Typeset a manual in a child process, for the GUI's preview.

    python -m salesdesigner.export.pdf.worker JOB.pickle OUT.pdf

JOB is a pickled dict (``process``: a listener-free ``Process.copy()``, ``paper``,
``lanes``, ``extras``: the optional sections' arguments of ``render_pdf``) written by
the same installation a moment before, never a user's file.  The child prints
``progress DONE TOTAL`` lines, then ``warning TEXT`` lines, or one ``error TEXT`` line
and exits 1.  A separate process keeps reportlab's long run away from
the GUI's Qt objects (a worker thread let Python's garbage collector free them on the
wrong thread) and makes Cancel immediate: the GUI just kills it.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

from salesdesigner.export.pdf.builder import render_pdf
from salesdesigner.model.errors import UserError


def _say(kind: str, text: str) -> None:
    print(f"{kind} {' '.join(text.split())}", flush=True)


def main(argv: list[str]) -> int:
    job_path, out_path = argv
    job = pickle.loads(Path(job_path).read_bytes())
    try:
        result = render_pdf(job["process"], paper=job["paper"], lanes=job["lanes"],
                            stages=job.get("stages"),
                            progress=lambda done, total: _say("progress", f"{done} {total}"),
                            **job.get("extras", {}))
        Path(out_path).write_bytes(result.data)
    except UserError as exc:
        _say("error", str(exc))
        return 1
    except OSError as exc:
        _say("error", f"Cannot write the manual: {exc.strerror or exc}.")
        return 1
    for warning in result.warnings:
        _say("warning", warning)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
