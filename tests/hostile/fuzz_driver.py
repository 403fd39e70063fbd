"""Runs the ``salesdesigner`` command on many files in one interpreter (the fuzz test's
subprocess): for each file, ``main([command, file, ...])`` with stdout/stderr captured,
and one JSON line out per file with the exit status, the stderr text and the seconds."""

from __future__ import annotations

import contextlib
import io
import json
import sys
import time

from salesdesigner.cli import main


def run_all(jobs: list[list[str]]) -> None:
    for argv in jobs:
        out, err = io.StringIO(), io.StringIO()
        start = time.monotonic()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
        print(json.dumps({"argv": argv, "code": code, "stderr": err.getvalue(),
                          "seconds": time.monotonic() - start}), flush=True)


if __name__ == "__main__":
    run_all(json.loads(sys.stdin.read()))
