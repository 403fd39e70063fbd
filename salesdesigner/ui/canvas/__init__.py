"""The visual process editor: the editor (edits, gestures, keys), the scene and its items,
view, minimap, find bar and image export.

The scene only draws the model and follows its events; the editor
(:mod:`~salesdesigner.ui.canvas.editor`) turns input into edits pushed through the one undo
command of :mod:`salesdesigner.ui.commands`, so undo and the other panels stay in step.
"""

from salesdesigner.ui.canvas.scene import ProcessScene
from salesdesigner.ui.canvas.view import ProcessView

__all__ = ["ProcessScene", "ProcessView"]
