"""The frozen bundle, built once for the tests that need it (``python installer/build.py``
into the git-ignored ``dist/``).  ``SALESDESIGNER_REUSE_BUNDLE=1`` reuses an existing
``dist/`` while working on these tests; CI always builds afresh."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"


@dataclass(frozen=True)
class Bundle:
    folder: Path
    executable: Path
    archive: Path | None
    report: dict


def need_tool(name: str) -> str:
    """The tool's path; skipped when missing, but failed on CI (it must run there)."""
    found = shutil.which(name)
    if found:
        return found
    message = f"{name} is not installed (bash installer/install.sh --test installs it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def bundle_environment(**extra: str) -> dict[str, str]:
    """What a user's desktop session gives the bundle: no Python of ours on the path."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_PLUGIN", "LD_LIBRARY"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


@pytest.fixture(scope="session")
def bundle() -> Bundle:
    if not sys.platform.startswith("linux"):
        pytest.skip("the bundle test runs where CI runs (Linux)")
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("PyInstaller is not installed (pip install -e .[build])")
        pytest.skip("PyInstaller is not installed (pip install -e .[build])")
    report_path = DIST / "build-report.json"
    if not (os.environ.get("SALESDESIGNER_REUSE_BUNDLE") and report_path.exists()):
        result = subprocess.run([sys.executable, str(ROOT / "installer" / "build.py")],
                                cwd=ROOT, capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads(report_path.read_text())
    archive = ROOT / report["archive"] if "archive" in report else None
    folder = ROOT / report["folder"]
    return Bundle(folder, folder / report["executable"], archive, report)
