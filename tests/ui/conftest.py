"""GUI tests run on Qt's offscreen platform: the real widgets and scene, no display needed."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import salesdesigner.ui  # noqa: E402,F401  - installs the PySide6 6.12 None guard first
