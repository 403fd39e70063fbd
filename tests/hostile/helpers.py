"""Running the command on a hostile input as a user would: a real subprocess, a deadline,
and the three things that must hold whatever the input (see issue 16)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

EXE = [sys.executable, "-m", "salesdesigner.cli"]
DEADLINE = 60.0  # generous on a loaded CI machine; each case runs in a few seconds


def run(*args: str, cwd: Path, timeout: float = DEADLINE) -> subprocess.CompletedProcess:
    """The CLI in a subprocess; a hang fails the test (TimeoutExpired) instead of the run."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([*EXE, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env=env, stdin=subprocess.DEVNULL)


def one_error_line(result: subprocess.CompletedProcess) -> str:
    """The single ``error: …`` line of a refused run (never a traceback or internal error)."""
    assert result.returncode != 0, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: "), lines[0]
    assert "internal error" not in lines[0] and "Traceback" not in result.stderr
    return lines[0]


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its content hash (links and specials by kind)."""
    result = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.is_symlink():
            result[rel] = "link→" + os.readlink(path)
        elif path.is_file():
            result[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            result[rel] = "dir" if path.is_dir() else "special"
    return result


def new_document(path: Path) -> Path:
    """A real document from the bundled template (through the CLI, as users make them)."""
    result = run("new", str(path), "--template", "eight-step", "--lang", "ja", cwd=path.parent)
    assert result.returncode == 0, result.stderr
    return path


def craft(path: Path, sql: str) -> None:
    """Apply a short SQL recipe to a document, as an attacker with ``sqlite3`` would."""
    db = sqlite3.connect(path)
    try:
        db.executescript(sql)
    finally:
        db.close()
    for leftover in (Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)


def timed(func, *args, **kwargs):
    start = time.monotonic()
    result = func(*args, **kwargs)
    return result, time.monotonic() - start
