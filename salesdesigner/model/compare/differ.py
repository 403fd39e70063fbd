"""Compare two processes: :func:`compare` pairs what the documents share
(:mod:`.matching`) and lists every difference once (:mod:`.changes`).

Fields are read from the dataclasses themselves, so a field a later version adds to a
stage, KPI or arrow is compared without touching this module; the fields that only say
where things are drawn are listed in ``*_LAYOUT`` and flagged as layout.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from salesdesigner.model.compare.changes import (
    STAGE_PARTS,
    Change,
    ChangeOp,
    Comparison,
    Subject,
)
from salesdesigner.model.compare.matching import (
    match_lanes,
    match_stages,
    match_transitions,
)
from salesdesigner.model.compare.textdiff import normalised, ratio
from salesdesigner.model.entities import Kpi, Stage
from salesdesigner.model.process import PROCESS_FIELDS, Process

PROCESS_LAYOUT = frozenset({"arrow_style"})
PROCESS_SKIP = frozenset({"id"})
STAGE_LAYOUT = frozenset({"position"})
LANE_LAYOUT = frozenset({"color", "height"})
TRANSITION_LAYOUT = frozenset({"waypoints", "source_anchor", "target_anchor", "style"})
#: Two leftover items (a script retitled, a tip reworded) this alike are one item changed.
ITEM_SIMILAR = 0.5


def compare(old: Process, new: Process) -> Comparison:
    """Every difference between ``old`` and ``new``: process fields, lanes, stages (and
    their parts), arrows, attachments, in that order, each in the new document's order
    with removed things after."""
    stage_pairs = match_stages(old, new)
    lane_pairs = match_lanes(old, new, stage_pairs)
    arrow_pairs = match_transitions(old, new, stage_pairs)
    out: list[Change] = []
    _process_changes(old, new, out)
    _lane_changes(old, new, lane_pairs, out)
    _stage_changes(old, new, stage_pairs, lane_pairs, out)
    _transition_changes(old, new, arrow_pairs, stage_pairs, out)
    _attachment_changes(old, new, out)
    return Comparison(tuple(out), dict(stage_pairs), dict(lane_pairs))


# ---------------------------------------------------------------- process and lanes
def _process_changes(old: Process, new: Process, out: list[Change]) -> None:
    for name in PROCESS_FIELDS:
        a, b = getattr(old, name), getattr(new, name)
        if name not in PROCESS_SKIP and a != b:
            out.append(Change(ChangeOp.CHANGED, Subject.PROCESS, old.id, new.id, name, a, b,
                              layout=name in PROCESS_LAYOUT))


def _lane_changes(old: Process, new: Process, pairs: dict[str, str],
                  out: list[Change]) -> None:
    back = {b: a for a, b in pairs.items()}
    old_order = [pairs[x.id] for x in old.lanes if x.id in pairs]
    new_order = [x.id for x in new.lanes if x.id in back]
    for lane in new.lanes:
        if lane.id not in back:
            out.append(Change(ChangeOp.ADDED, Subject.LANE, None, lane.id, new=lane))
            continue
        before = old.lane(back[lane.id])
        out += _field_changes(Subject.LANE, before, lane, before.id, lane.id, LANE_LAYOUT,
                              skip={"id"})
    if old_order != new_order:
        out.append(Change(ChangeOp.CHANGED, Subject.PROCESS, old.id, new.id, "lane_order",
                          tuple(back[x] for x in old_order), tuple(new_order), layout=True))
    for lane in old.lanes:
        if lane.id not in pairs:
            out.append(Change(ChangeOp.REMOVED, Subject.LANE, lane.id, None, old=lane))


def _field_changes(subject: Subject, a: Any, b: Any, old_id: str | None, new_id: str | None,
                   layout: frozenset[str], *, skip: set[str] | frozenset[str] = frozenset(),
                   parts: tuple[str | None, str | None] = (None, None),
                   same: Callable[[str, Any, Any], bool] | None = None) -> list[Change]:
    """One change per dataclass field that differs between ``a`` and ``b``."""
    found = []
    for f in dataclasses.fields(a):
        if f.name in skip:
            continue
        va, vb = getattr(a, f.name), getattr(b, f.name)
        if (same(f.name, va, vb) if same is not None else va == vb):
            continue
        found.append(Change(ChangeOp.CHANGED, subject, old_id, new_id, f.name, va, vb,
                            parts[0], parts[1], layout=f.name in layout))
    return found


# ---------------------------------------------------------------- stages
def _stage_changes(old: Process, new: Process, pairs: dict[str, str],
                   lane_pairs: dict[str, str], out: list[Change]) -> None:
    back = {b: a for a, b in pairs.items()}
    for stage in new.stages:
        if stage.id not in back:
            out.append(Change(ChangeOp.ADDED, Subject.STAGE, None, stage.id, new=stage,
                              new_part=stage.name))
            continue
        before = old.stage(back[stage.id])

        def same(name: str, a: Any, b: Any) -> bool:
            if name != "lane":
                return a == b
            if a is None or b is None:
                return a is None and b is None
            return lane_pairs.get(a) == b

        out += _field_changes(Subject.STAGE, before, stage, before.id, stage.id,
                              STAGE_LAYOUT, skip={"id", *STAGE_PARTS}, same=same,
                              parts=(before.name, stage.name))
        for part in STAGE_PARTS:
            out += _part_changes(part, before, stage, pairs)
    for stage in old.stages:
        if stage.id not in pairs:
            out.append(Change(ChangeOp.REMOVED, Subject.STAGE, stage.id, None, old=stage,
                              old_part=stage.name))


def _item_key(item: Any) -> str:
    if isinstance(item, str):
        return item
    if isinstance(item, Kpi):
        return "id:" + item.id if item.id else "name:" + normalised(item.name)
    return normalised(item.title)


def item_name(item: Any) -> str:
    """What a part of a stage is called in a report: a KPI's name, a script's title, an
    exit criterion's or tip's own text."""
    if isinstance(item, str):
        return item
    return item.name if isinstance(item, Kpi) else item.title


def _item_text(item: Any) -> str:
    if isinstance(item, str):
        return item
    return "\n".join(str(getattr(item, f.name)) for f in dataclasses.fields(item)
                     if isinstance(getattr(item, f.name), str))


def pair_items(old: Sequence[Any], new: Sequence[Any]) -> list[tuple[int, int]]:
    """Old index → new index of the items two lists share: the same key (a KPI's id or
    name, a title, a text; the n-th of equal keys with the n-th), then leftovers that are
    alike (a retitled script, a reworded tip), best first."""
    def keyed(items: Sequence[Any]) -> dict[tuple[str, int], int]:
        seen: dict[str, int] = {}
        found = {}
        for index, item in enumerate(items):
            key = _item_key(item)
            seen[key] = seen.get(key, 0) + 1
            found[(key, seen[key])] = index
        return found

    a, b = keyed(old), keyed(new)
    pairs = [(i, b[k]) for k, i in a.items() if k in b]
    used_old = {i for i, _ in pairs}
    used_new = {j for _, j in pairs}
    candidates = []
    for i, x in enumerate(old):
        if i in used_old:
            continue
        for j, y in enumerate(new):
            if j not in used_new:
                score = ratio(_item_text(x), _item_text(y))
                if score >= ITEM_SIMILAR:
                    candidates.append((-score, i + j, i, j))
    for _score, _sum, i, j in sorted(candidates, key=lambda c: (c[0], c[1])):
        if i not in used_old and j not in used_new:
            pairs.append((i, j))
            used_old.add(i)
            used_new.add(j)
    return sorted(pairs)


def _part_changes(part: str, before: Stage, after: Stage,
                  stage_pairs: dict[str, str]) -> list[Change]:
    """The items of one list of a stage (its KPIs, its tips…) added, removed, changed,
    reordered; a KPI measured up to a re-created stage still measures up to it."""

    def same(name: str, x: Any, y: Any) -> bool:
        return x == y or (name == "measure_to" and bool(x) and stage_pairs.get(x) == y)

    subject = STAGE_PARTS[part]
    old, new = getattr(before, part), getattr(after, part)
    if old == new:
        return []
    pairs = pair_items(old, new)
    found: list[Change] = []
    paired_old = {i for i, _ in pairs}
    paired_new = {j for _, j in pairs}
    by_new = sorted(pairs, key=lambda p: p[1])
    for i, j in by_new:
        a, b = old[i], new[j]
        if a == b:
            continue
        names = (item_name(a), item_name(b))
        if isinstance(a, str):
            found.append(Change(ChangeOp.CHANGED, subject, before.id, after.id, "text", a, b,
                                *names))
        else:
            found += _field_changes(subject, a, b, before.id, after.id, frozenset(),
                                    parts=names, same=same)
    for j, item in enumerate(new):
        if j not in paired_new:
            found.append(Change(ChangeOp.ADDED, subject, before.id, after.id, new=item,
                                new_part=item_name(item)))
    for i, item in enumerate(old):
        if i not in paired_old:
            found.append(Change(ChangeOp.REMOVED, subject, before.id, after.id, old=item,
                                old_part=item_name(item)))
    if [j for _, j in pairs] != sorted(j for _, j in pairs):
        found.append(Change(ChangeOp.CHANGED, Subject.STAGE, before.id, after.id,
                            f"{part}_order", tuple(item_name(old[i]) for i, _ in pairs),
                            tuple(item_name(new[j]) for _, j in by_new),
                            before.name, after.name))
    return found


# ---------------------------------------------------------------- arrows and files
def _transition_changes(old: Process, new: Process, pairs: dict[str, str],
                        stage_pairs: dict[str, str], out: list[Change]) -> None:
    back = {b: a for a, b in pairs.items()}

    def same(name: str, a: Any, b: Any) -> bool:
        if name in ("source", "target"):
            return stage_pairs.get(a) == b
        return a == b

    for t in new.transitions:
        if t.id not in back:
            out.append(Change(ChangeOp.ADDED, Subject.TRANSITION, None, t.id, new=t,
                              new_part=t.label))
            continue
        before = old.transition(back[t.id])
        out += _field_changes(Subject.TRANSITION, before, t, before.id, t.id,
                              TRANSITION_LAYOUT, skip={"id"}, same=same,
                              parts=(before.label, t.label))
    for t in old.transitions:
        if t.id not in pairs:
            out.append(Change(ChangeOp.REMOVED, Subject.TRANSITION, t.id, None, old=t,
                              old_part=t.label))


def _attachment_changes(old: Process, new: Process, out: list[Change]) -> None:
    a, b = old.attachments, new.attachments
    for key, att in b.items():
        if key not in a:
            out.append(Change(ChangeOp.ADDED, Subject.ATTACHMENT, None, key, new=att,
                              new_part=att.filename))
        elif a[key] != att:
            before = a[key]
            for name in ("filename", "mime_type", "data"):
                x, y = getattr(before, name), getattr(att, name)
                if x != y:
                    if name == "data":
                        x, y = len(x), len(y)
                    out.append(Change(ChangeOp.CHANGED, Subject.ATTACHMENT, key, key, name,
                                      x, y, before.filename, att.filename))
    for key, att in a.items():
        if key not in b:
            out.append(Change(ChangeOp.REMOVED, Subject.ATTACHMENT, key, None, old=att,
                              old_part=att.filename))


__all__ = ["compare", "pair_items", "item_name"]
