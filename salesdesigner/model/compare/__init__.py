"""What changed between two versions of a process: stages, arrows, lanes, every field of
a stage (KPI targets, scripts, actions, exit criteria…), with layout moves kept apart.

No Qt, no SQL: the CLI (``salesdesigner diff``), and later the designer's views and the
manual's change log, build on :func:`compare` and its :class:`Comparison`.
"""

from salesdesigner.model.compare.as_json import comparison_to_json
from salesdesigner.model.compare.changes import (
    Change,
    ChangeOp,
    Comparison,
    Subject,
    mirrored,
)
from salesdesigner.model.compare.differ import compare
from salesdesigner.model.compare.matching import likeness, match_stages
from salesdesigner.model.compare.report import ChangeText, change_texts, report_text
from salesdesigner.model.compare.textdiff import Op, Run, marked, text_runs

__all__ = ["compare", "Comparison", "Change", "ChangeOp", "Subject", "mirrored",
           "report_text", "change_texts", "ChangeText", "comparison_to_json", "text_runs",
           "marked", "Run", "Op",
           "likeness", "match_stages"]
