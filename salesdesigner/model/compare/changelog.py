"""A comparison as a new hire reads it: the changes grouped by the chapter they touch.

The manual's change-log page (and any other view that says "what changed since the last
revision" to the people who follow the process) groups a :class:`Comparison` by where a
reader meets it: the process as a whole, the lanes, each stage (with the arrows leaving it,
which are its "next steps"), and the stages that are gone.  Layout moves never appear.
Each line is one sentence from the presentation catalogue ("トークスクリプト「価格の切り返し」
を追加", "KPI「受注率」の目標値：≥ 30% → ≥ 35%"); a rewritten text keeps its changed words
as :class:`~.textdiff.Run` values so a view can mark them its own way.  User text stays
plain text here: every view escapes it for its medium.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from salesdesigner.model.compare.changes import (
    STAGE_PARTS,
    TEXT_FIELDS,
    Change,
    ChangeOp,
    Comparison,
    Subject,
)
from salesdesigner.model.compare.report import _Reader, clean, shortened
from salesdesigner.model.compare.textdiff import Op, Run, text_runs
from salesdesigner.model.presentation import Words, words_for
from salesdesigner.model.process import Process

PART_SUBJECTS = frozenset(STAGE_PARTS.values())
#: Process fields every new revision changes: the page already says which it compares.
NOT_NEWS = frozenset({"revision"})
#: A rewrite with more changed stretches than this is shown as its new text.
PATCHY = 6
WHOLE_LIMIT = 300  # characters of a rewritten text's new wording shown


@dataclass(frozen=True)
class LogLine:
    """One change in words: ``text`` is the whole sentence, or for a rewritten text the
    lead-in ("本文を書き換え：") followed by ``runs`` (the changed words, shortened)."""

    text: str
    runs: tuple[Run, ...] = ()


@dataclass(frozen=True)
class LogGroup:
    """The changes a reader meets in one place.

    ``kind`` is "process", "lanes", "stage" (``stage_id``: the new document's stage, a
    chapter) or "removed"; ``added`` marks a stage that is new in this revision."""

    kind: str
    lines: tuple[LogLine, ...]
    stage_id: str | None = None
    added: bool = False


def _stage_of(change: Change, comparison: Comparison, old: Process,
              new: Process) -> str | None:
    """The new document's stage whose chapter shows this change, or None."""
    subject = change.subject
    if subject is Subject.STAGE or subject in PART_SUBJECTS:
        return change.new_id
    if subject is Subject.TRANSITION:
        if change.op is ChangeOp.REMOVED:
            source = comparison.stage_pairs.get(change.old.source)
            return source if source is not None and new.has_stage(source) else None
        if change.op is ChangeOp.ADDED:
            return change.new.source
        return new.transition(change.new_id).source if new.has_transition(change.new_id) \
            else None
    return None


def _line(reader: _Reader, manual: Words, change: Change) -> LogLine:
    old, new = change.old, change.new
    if isinstance(old, str) and isinstance(new, str) and old and new and \
            change.field in TEXT_FIELDS:
        runs = text_runs(old, new)
        changed = [r for r in runs if r.op is not Op.EQUAL]
        kept = sum(len(r.text) for r in runs if r.op is Op.EQUAL)
        what = reader.field(change)
        if len(changed) > PATCHY or sum(len(r.text) for r in changed) > 2 * kept:
            # struck-through and underlined fragments everywhere read worse than the
            # new text itself: say it was rewritten and show what it says now
            text = clean(new)
            if len(text) > WHOLE_LIMIT:
                text = text[:WHOLE_LIMIT - 1].rstrip() + "…"
            return LogLine(manual("changes_rewritten_whole", what=what),
                           (Run(Op.EQUAL, text),))
        return LogLine(manual("changes_rewritten", what=what),
                       tuple(Run(r.op, clean(r.text)) for r in shortened(runs)))
    return LogLine(reader.line(change))


def change_log(comparison: Comparison, old: Process, new: Process, *,
               order: Sequence[str] | None = None,
               language: str | None = None) -> tuple[LogGroup, ...]:
    """The content changes of ``comparison`` grouped for readers: the process, the lanes,
    one group per stage in ``order`` (default: the new document's stage order), then the
    stages removed.  Changes inside a stage that is new are not itemised (its whole
    chapter is new); arrows leaving a removed stage go with it."""
    code = language or new.language
    reader = _Reader(comparison, old, new, words_for(code, "diff"))
    manual = words_for(code, "manual")
    process: list[LogLine] = []
    lanes: list[LogLine] = []
    removed: list[LogLine] = []
    stages: dict[str, list[LogLine]] = {}
    added: set[str] = set()
    for change in comparison.content:
        subject = change.subject
        if subject is Subject.PROCESS and change.field in NOT_NEWS:
            continue
        if subject is Subject.PROCESS or subject is Subject.ATTACHMENT:
            process.append(_line(reader, manual, change))
            continue
        if subject is Subject.LANE:
            lanes.append(_line(reader, manual, change))
            continue
        if subject is Subject.STAGE and change.op is ChangeOp.REMOVED:
            removed.append(_line(reader, manual, change))
            continue
        if subject is Subject.STAGE and change.op is ChangeOp.ADDED:
            added.add(change.new_id or "")
            stages.setdefault(change.new_id or "", [])
            continue
        sid = _stage_of(change, comparison, old, new)
        if sid is None:  # an arrow of a stage that is gone: said by the stage's removal
            continue
        stages.setdefault(sid, []).append(_line(reader, manual, change))
    groups: list[LogGroup] = []
    if process:
        groups.append(LogGroup("process", tuple(process)))
    if lanes:
        groups.append(LogGroup("lanes", tuple(lanes)))
    ordered = list(order) if order is not None else list(new.stage_ids)
    ordered += [sid for sid in stages if sid not in ordered]
    for sid in ordered:
        if sid not in stages:
            continue
        if sid in added:
            lines: tuple[LogLine, ...] = (LogLine(manual("changes_new_stage")),)
        else:
            lines = tuple(stages[sid])
        groups.append(LogGroup("stage", lines, sid, sid in added))
    if removed:
        groups.append(LogGroup("removed", tuple(removed)))
    return tuple(groups)


def changed_stages(comparison: Comparison, old: Process, new: Process) -> dict[str, bool]:
    """Stage id (in ``new``) → True when the stage is new, False when its chapter
    changed (its own fields, its parts, or the arrows leaving it); unchanged stages are
    absent.  What a trainer hands out again."""
    out: dict[str, bool] = {}
    for group in change_log(comparison, old, new):
        if group.kind == "stage" and group.stage_id is not None:
            out[group.stage_id] = group.added
    return out


__all__ = ["LogGroup", "LogLine", "change_log", "changed_stages"]
