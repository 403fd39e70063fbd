"""Deal stage history from CRM exports (CSV in any common encoding, Excel) into a document.

``read_actuals(path, process, stage_map=…)`` → :class:`ImportPlan` (events, rejected rows
with reasons, columns and stage mapping used; nothing changed); ``plan.edit(replace=…)``
→ the one undoable edit that merges the events into ``process.actuals``.
"""

from salesdesigner.storage.actuals_import.reader import (
    REASONS,
    ImportPlan,
    Rejection,
    read_actuals,
)
from salesdesigner.storage.actuals_import.source import ActualsImportError

__all__ = ["REASONS", "ActualsImportError", "ImportPlan", "Rejection", "read_actuals"]
