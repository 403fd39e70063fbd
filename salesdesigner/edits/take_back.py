"""Take one change of a comparison back: the edit that puts the other version's value into
the current draft (a KPI target, a script, a stage's name or lane, a removed stage with
its arrows, a removed arrow…), as one undoable step.

The comparison is ``compare(other, draft)``: the *old* side is the version being taken
from, the *new* side is the draft being edited.  Ids of the old side are carried over by
the comparison's pairs (a stage deleted and re-created has another id in the draft), and
a thing the draft no longer has cannot be changed back (``None``: the view disables it).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from salesdesigner.edits.base import Edit, Name, compound
from salesdesigner.edits.fields import AddAttachment, SetLane, SetProcess, SetStage, SetTransition
from salesdesigner.edits.structure import AddStage, AddTransition, remove_items
from salesdesigner.model.compare.changes import STAGE_PARTS, Change, ChangeOp, Comparison, Subject
from salesdesigner.model.compare.differ import item_name
from salesdesigner.model.entities import Material, Stage, Transition
from salesdesigner.model.ids import new_id
from salesdesigner.model.process import PROCESS_FIELDS, Process

TAKE_BACK = Name("Take Back Old Value")
_PART_OF = {subject: part for part, subject in STAGE_PARTS.items()}


def take_back(change: Change, comparison: Comparison, other: Process,
              draft: Process) -> Edit | None:
    """The edit that undoes ``change`` in ``draft`` (None when it cannot: the thing it
    names is gone from the draft, or the change is not one a user edits, like a file's
    bytes)."""
    try:
        edit = _edit(change, comparison, other, draft)
    except (KeyError, ValueError, StopIteration):
        return None
    return edit.named(TAKE_BACK) if edit is not None else None


def _edit(change: Change, comparison: Comparison, other: Process,
          draft: Process) -> Edit | None:
    subject, op = change.subject, change.op
    if subject in _PART_OF:
        return _part(change, draft)
    if subject is Subject.STAGE:
        if op is ChangeOp.ADDED:
            return remove_items([change.new_id]) if draft.has_stage(change.new_id) \
                else None
        if op is ChangeOp.REMOVED:
            return _restore_stage(change.old, comparison, other, draft)
        if not draft.has_stage(change.new_id):
            return None
        if change.field.endswith("_order"):
            return _reorder(change, draft)
        value = change.old
        if change.field == "lane" and value is not None:
            value = comparison.lane_pairs[value]
            if not draft.has_lane(value):
                return None
        return SetStage(change.new_id, {change.field: value})
    if subject is Subject.TRANSITION:
        if op is ChangeOp.ADDED:
            return remove_items(transition_ids=[change.new_id]) \
                if draft.has_transition(change.new_id) else None
        if op is ChangeOp.REMOVED:
            return _restore_arrow(change.old, comparison, draft)
        if not draft.has_transition(change.new_id):
            return None
        value = change.old
        if change.field in ("source", "target"):
            value = comparison.stage_pairs[value]
            if not draft.has_stage(value):
                return None
        return SetTransition(change.new_id, {change.field: value})
    if subject is Subject.LANE:
        from salesdesigner.edits.lanes import add_lane, delete_lane
        if op is ChangeOp.ADDED:
            return delete_lane(draft, change.new_id) if draft.has_lane(change.new_id) \
                else None
        if op is ChangeOp.REMOVED:  # back at the bottom, taking in the stages it covers
            return add_lane(draft, change.old) if not draft.has_lane(change.old_id) else None
        if draft.has_lane(change.new_id):
            return SetLane(change.new_id, {change.field: change.old})
        return None
    if subject is Subject.PROCESS and change.field in PROCESS_FIELDS and change.field != "id":
        if change.field == "logo" and change.old and not draft.has_attachment(change.old):
            return None
        return SetProcess({change.field: change.old})
    return None


# ---------------------------------------------------------------- parts of a stage
def _index_of(items: Sequence[Any], name: str | None) -> int:
    return next(i for i, item in enumerate(items) if item_name(item) == name)


def _part(change: Change, draft: Process) -> Edit | None:
    """A KPI, action, script, material, exit criterion or tip put back as it was."""
    if change.new_id is None or not draft.has_stage(change.new_id):
        return None
    part = _PART_OF[change.subject]
    items = list(getattr(draft.stage(change.new_id), part))
    steps: list[Edit | None] = []
    if change.op is ChangeOp.ADDED:
        del items[_index_of(items, change.new_part)]
    elif change.op is ChangeOp.REMOVED:
        items.append(change.old)
        if isinstance(change.old, Material):
            steps.append(_file_for(change.old.attachment_id, draft, None))
    elif isinstance(items[0] if items else None, str) or change.field == "text":
        items[_index_of(items, change.new_part)] = change.old
    else:
        index = _index_of(items, change.new_part)
        items[index] = dataclasses.replace(items[index], **{change.field: change.old})
    steps.append(SetStage(change.new_id, {part: tuple(items)}))
    return compound(steps, TAKE_BACK)


def _reorder(change: Change, draft: Process) -> Edit | None:
    """A list of parts back in the old order (items since added stay at the end)."""
    part = change.field[: -len("_order")]
    items = list(getattr(draft.stage(change.new_id), part))
    rank = {name: n for n, name in enumerate(change.old)}
    items.sort(key=lambda item: rank.get(item_name(item), len(rank)))
    return SetStage(change.new_id, {part: tuple(items)})


def _file_for(attachment_id: str | None, draft: Process,
              other: Process | None) -> Edit | None:
    """The embedded file a restored material names, when the draft no longer has it."""
    if not attachment_id or draft.has_attachment(attachment_id) or other is None \
            or not other.has_attachment(attachment_id):
        return None
    return AddAttachment(other.attachment(attachment_id))


# ---------------------------------------------------------------- whole things
def _restore_stage(stage: Stage, comparison: Comparison, other: Process,
                   draft: Process) -> Edit | None:
    """A removed stage back where it stood, in its lane when the draft still has it, with
    its arrows to the stages the draft still has, and the files its materials name."""
    lane = comparison.lane_pairs.get(stage.lane) if stage.lane is not None else None
    stage_id = stage.id if not draft.has_stage(stage.id) else new_id("stage")
    restored = dataclasses.replace(stage, id=stage_id,
                                   lane=lane if lane and draft.has_lane(lane) else None)
    steps: list[Edit | None] = []
    files = {m.attachment_id for m in stage.materials if m.attachment_id}
    steps += [_file_for(a, draft, other) for a in sorted(files)]
    index = min(other.stage_index(stage.id), len(draft.stage_ids))
    steps.append(AddStage(restored, index))
    ends = {**comparison.stage_pairs, stage.id: stage_id}
    for t in other.transitions:
        if stage.id not in (t.source, t.target):
            continue
        source, target = ends.get(t.source), ends.get(t.target)
        if source is None or target is None or source == target or not all(
                s == stage_id or draft.has_stage(s) for s in (source, target)) \
                or draft.transition_between(source, target) is not None:
            continue
        steps.append(AddTransition(_free_arrow(t, source, target, draft)))
    return compound(steps, TAKE_BACK)


def _restore_arrow(t: Transition, comparison: Comparison, draft: Process) -> Edit | None:
    source, target = comparison.stage_pairs.get(t.source), comparison.stage_pairs.get(t.target)
    if source is None or target is None or not (draft.has_stage(source)
                                                and draft.has_stage(target)) \
            or draft.transition_between(source, target) is not None:
        return None
    return AddTransition(_free_arrow(t, source, target, draft))


def _free_arrow(t: Transition, source: str, target: str, draft: Process) -> Transition:
    """The old arrow between the draft's stages, under its own id when that is free."""
    arrow_id = t.id if not draft.has_transition(t.id) else new_id("t")
    return dataclasses.replace(t, id=arrow_id, source=source, target=target)


__all__ = ["take_back", "TAKE_BACK"]
