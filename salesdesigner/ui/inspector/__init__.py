"""The inspector dock: details of the selected stage or arrow, edited through undo commands."""

from salesdesigner.ui.inspector.panel import Inspector

__all__ = ["Inspector"]
