"""A comparison as JSON-ready data for tools (``salesdesigner diff --json``).

The order is stable — keys in a fixed order, changes in the comparison's order — so two
runs over the same files print the same bytes.  Values are plain JSON: records as objects
with their fields in declaration order, enums as their values, an embedded file's bytes as
their size.  A changed text also carries its runs (``[["equal", "…"], ["delete", "3"],
["insert", "5"], …]``) so a tool can mark the changed words or characters.
"""

from __future__ import annotations

import dataclasses
import enum
from typing import Any

from salesdesigner.model.compare.changes import ID_FIELDS, Change, Comparison
from salesdesigner.model.compare.textdiff import text_runs

FORMAT = "salesdesigner.diff"
VERSION = 1


def plain(value: Any) -> Any:
    """``value`` as JSON data (records, enums, tuples and bytes made plain)."""
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (bytes, bytearray)):
        return {"bytes": len(value)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def change_to_json(change: Change) -> dict[str, Any]:
    data: dict[str, Any] = {
        "op": change.op.value, "subject": change.subject.value,
        "old_id": change.old_id, "new_id": change.new_id,
        "old_part": change.old_part, "new_part": change.new_part,
        "field": change.field, "old": plain(change.old), "new": plain(change.new),
        "layout": change.layout,
    }
    if isinstance(change.old, str) and isinstance(change.new, str) and \
            change.field not in ID_FIELDS and not isinstance(change.old, enum.Enum):
        data["runs"] = [[run.op.value, run.text] for run in text_runs(change.old, change.new)]
    return data


def comparison_to_json(comparison: Comparison, *, include_layout: bool = False,
                       old_label: str = "", new_label: str = "") -> dict[str, Any]:
    """The whole report: counts, the content changes, the layout changes when asked for,
    and the stages paired under another id (deleted and re-created)."""
    content, layout = comparison.content, comparison.layout
    data: dict[str, Any] = {
        "format": FORMAT, "version": VERSION, "old": old_label, "new": new_label,
        "content_changes": len(content), "layout_changes": len(layout),
        "changes": [change_to_json(c) for c in content],
    }
    if include_layout:
        data["layout"] = [change_to_json(c) for c in layout]
    data["recreated_stages"] = {a: b for a, b in comparison.stage_pairs.items() if a != b}
    return data
