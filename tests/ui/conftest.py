"""GUI tests run on Qt's offscreen platform: the real widgets and scene, no display needed."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
