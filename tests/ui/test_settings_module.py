"""The preferences are plain Qt Core: the translator reads the saved language without
loading the Preferences dialog (which imported the translator back: an import cycle)."""

import subprocess
import sys

READ_LANGUAGE = """
import sys
from salesdesigner.ui.i18n import resolve_language
print(resolve_language() in ("en", "ja"))
print(sorted(m for m in sys.modules
             if m.startswith("salesdesigner.ui.dialogs") or m == "PySide6.QtWidgets"))
"""


def test_the_translator_and_settings_load_without_dialogs_or_widgets(tmp_path):
    result = subprocess.run([sys.executable, "-c", READ_LANGUAGE], capture_output=True,
                            text=True, timeout=120, check=False,
                            env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-1000:]
    assert result.stdout.split("\n")[:2] == ["True", "[]"]
