"""The lower layers (model, edits, storage, export) work with PySide6 absent.

A subprocess blocks every ``PySide6`` import, imports every module below those packages
and runs their tests; import-linter checks the declared layer order as well.
"""

from __future__ import annotations

import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import salesdesigner

ROOT = Path(__file__).resolve().parent.parent
LOWER = ("model", "edits", "storage", "export")

BLOCKER = """
import sys
class _NoQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 is not available in this test")
sys.meta_path.insert(0, _NoQt())
"""


def lower_modules() -> list[str]:
    names = []
    for layer in LOWER:
        pkg = ROOT / "salesdesigner" / layer
        names.append(f"salesdesigner.{layer}")
        for info in pkgutil.walk_packages([str(pkg)], prefix=f"salesdesigner.{layer}."):
            names.append(info.name)
    return names


def run_without_qt(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", BLOCKER + code], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


def test_the_blocker_really_blocks_pyside6():
    result = run_without_qt("import PySide6.QtCore")
    assert result.returncode != 0 and "not available" in result.stderr


def test_model_edits_storage_and_export_import_without_pyside6():
    modules = lower_modules()
    assert len(modules) > 10
    code = "import importlib\n" + "".join(f"importlib.import_module({m!r})\n" for m in modules)
    result = run_without_qt(code)
    assert result.returncode == 0, result.stderr[-2000:]


def lower_layer_test_chunks() -> dict[str, list[str]]:
    """The lower layers' tests in a few chunks, so pytest-xdist can run them side by side:
    each sub-folder of tests/model on its own, the rest of it, and each other folder."""
    chunks: dict[str, list[str]] = {}
    for name in ("model", "edits", "storage", "interchange"):
        folder = ROOT / "tests" / name
        subfolders = sorted(p for p in folder.iterdir()
                            if p.is_dir() and any(p.glob("test_*.py")))
        for sub in subfolders if name == "model" else []:
            chunks[f"{name}/{sub.name}"] = [str(sub)]
        files = sorted(str(p) for p in folder.glob("test_*.py"))
        if name != "model":
            files = [str(folder)]
        chunks[name] = files
    return chunks


@pytest.mark.parametrize("chunk", sorted(lower_layer_test_chunks()))
def test_lower_layer_tests_pass_without_pyside6(chunk):
    paths = lower_layer_test_chunks()[chunk]
    code = ("import sys, pytest\n"
            "sys.exit(pytest.main(['-q', '-x', '-p', 'no:pytest-qt', '-p', 'no:cacheprovider', "
            f"'-p', 'no:xdist', *{paths!r}]))")
    result = run_without_qt(code)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_the_chunks_cover_every_lower_layer_test_file():
    chunked = {Path(p) for paths in lower_layer_test_chunks().values() for p in paths}
    for name in ("model", "edits", "storage", "interchange"):
        for test_file in (ROOT / "tests" / name).rglob("test_*.py"):
            assert any(c == test_file or c in test_file.parents for c in chunked), test_file


def lint_imports() -> str | None:
    """The import-linter command beside this interpreter, if installed."""
    return shutil.which("lint-imports", path=str(Path(sys.executable).parent))


def test_import_linter_contracts_hold():
    exe = lint_imports()
    if exe is None:
        message = "import-linter is not installed (pip install -e '.[test]')"
        if os.environ.get("CI"):  # CI must run the contract, not skip it quietly
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]


def _outcome(check) -> str:
    try:
        check()
    except pytest.fail.Exception:
        return "failed"
    except pytest.skip.Exception:
        return "skipped"
    return "passed"


def test_a_missing_import_linter_fails_in_ci_and_skips_elsewhere(monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "lint_imports", lambda: None)
    monkeypatch.setenv("CI", "true")
    assert _outcome(test_import_linter_contracts_hold) == "failed"
    monkeypatch.delenv("CI")
    assert _outcome(test_import_linter_contracts_hold) == "skipped"


def test_package_has_a_version():
    assert salesdesigner.__version__
