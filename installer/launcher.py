"""The frozen application's entry point: the same command line as the installed
``salesdesigner`` command.

A frozen executable has no ``python -m``; the manual preview starts its typesetting worker
as ``sys.executable -m salesdesigner.export.pdf.worker …``, so that one form is served here
(only modules of ours listed in ``WORKERS``: the bundle is no general Python interpreter).
"""

from __future__ import annotations

import contextlib
import runpy
import sys

WORKERS = ("salesdesigner.export.pdf.worker",)


def run(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[1] == "-m":
        if len(argv) < 3 or argv[2] not in WORKERS:
            print("error: this is SalesDesigner, not a Python interpreter", file=sys.stderr)
            return 2
        sys.argv = [argv[2], *argv[3:]]
        if sys.stdout is None:  # a windowed (Windows) executable: use the pipe Qt gave us
            with contextlib.suppress(OSError):
                sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
        try:
            runpy.run_module(argv[2], run_name="__main__", alter_sys=True)
        except SystemExit as exc:
            return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        return 0
    from salesdesigner.cli import main
    return main(argv[1:])


if __name__ == "__main__":
    sys.exit(run(sys.argv))
