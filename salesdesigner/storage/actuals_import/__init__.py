"""Deal stage history from CRM exports (CSV in any common encoding, Excel) into a document.

``read_actuals(path, process, stage_map=…)`` → :class:`ImportPlan` (events, rejected rows
with reasons, columns and stage mapping used; nothing changed); ``plan.edit(replace=…)``
→ the one undoable edit that merges the events into ``process.actuals``.
"""

from salesdesigner.storage.actuals_import.reader import (
    REASONS,
    ImportCancelled,
    ImportPlan,
    MissingColumns,
    Rejection,
    read_actuals,
)
from salesdesigner.storage.actuals_import.source import ActualsImportError, raw_lines
from salesdesigner.storage.actuals_import.stages import IGNORE

__all__ = ["IGNORE", "REASONS", "ActualsImportError", "ImportCancelled", "ImportPlan",
           "MissingColumns", "Rejection", "raw_lines", "read_actuals"]
