"""The visual process editor: scene, items, view, minimap, find bar and image export.

The scene follows the model's events; every edit made here goes through an undo command
from :mod:`salesdesigner.ui.commands`, so undo and the other panels stay in step.
"""

from salesdesigner.ui.canvas.scene import ProcessScene
from salesdesigner.ui.canvas.view import ProcessView

__all__ = ["ProcessScene", "ProcessView"]
