"""The names of the JSON interchange format (version 1): its keys in the spec's order and
the error every interchange reader and writer raises.  Shared by the writer
(:mod:`.json_format`) and the reader (:mod:`.json_reader`)."""

from __future__ import annotations

from salesdesigner.model import UserError
from salesdesigner.storage.arrow_json import STEERING_KEYS

FORMAT = "salesdesigner.process"
VERSION = 1

ROOT_KEYS = ("format", "version", "process", "lanes", "stages", "transitions", "attachments")
PROCESS_KEYS = ("id", "name", "description", "language", "currency", "company", "revision",
                "logo", "extensions")
LANE_KEYS = ("id", "name", "color", "height", "extensions")
STAGE_KEYS = ("id", "name", "kind", "lane", "position", "goal", "description", "exit_criteria",
              "duration_days", "kpis", "actions", "scripts", "materials", "tips", "extensions")
KPI_KEYS = ("id", "name", "target", "unit", "direction", "definition", "measure", "measure_to",
            "extensions")
ACTION_KEYS = ("title", "owner", "timing", "detail", "extensions")
SCRIPT_KEYS = ("title", "situation", "body", "extensions")
MATERIAL_KEYS = ("title", "uri", "note", "extensions")
TRANSITION_KEYS = ("id", "source", "target", "label", "condition", "extensions",
                   *STEERING_KEYS)
ATTACHMENT_KEYS = ("id", "filename", "mime_type", "path")

MAX_SAFE_INT = 2 ** 53


class InterchangeError(UserError):
    """An interchange file (JSON, CSV, GraphML, template) cannot be read or written."""


def quoted(value: object) -> str:
    """An id for a message: quoted, escaped, and short."""
    text = str(value)
    return repr(text if len(text) <= 60 else text[:60] + "…")

