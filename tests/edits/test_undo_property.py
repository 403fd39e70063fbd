"""Property: any sequence of edits undoes back to the start and redoes to the end, exactly.

The edit layer's own history, without Qt or a display: 200 operations of every kind the
designer offers (the same rules the canvas and the inspector call), many examples.  Its
twin in ``tests/ui/canvas`` drives the same kinds through the canvas and checks that the
scene's items match the model.
"""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesdesigner.edits import (
    AddStage,
    History,
    RemoveItems,
    SetProcess,
    SetStage,
    lanes,
    paste,
    stages,
)
from salesdesigner.model import (
    Direction,
    Kpi,
    Lane,
    Position,
    Process,
    Stage,
    StageKind,
    Transition,
)
from salesdesigner.model.geometry import lane_at
from salesdesigner.model.ids import new_id
from salesdesigner.model.layout import compute_layout
from salesdesigner.model.placement import free_spot
from tests.strategies import text

OPS = ("add", "delete", "connect", "reconnect", "move", "nudge", "rename", "typing", "kpis",
       "lane_add", "lane_delete", "lane_move", "lane_rename", "lane_resize", "layout", "paste",
       "align", "distribute", "process")

operations = st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 10**6),
                                st.integers(0, 10**6), st.integers(-600, 1600),
                                st.integers(-200, 1000), text),
                      min_size=200, max_size=200)


def sample_process() -> Process:
    p = Process(id="sample", name="Sample", language="en")
    p.add_lane(Lane("is", "Inside Sales", "#4C78A8", 200))
    p.add_lane(Lane("fs", "Field Sales", "#F58518", 200))
    p.add_stage(Stage("start", "Lead", StageKind.START, "is", Position(200, 100)))
    p.add_stage(Stage("prospect", "Prospecting", StageKind.STAGE, "is", Position(460, 100),
                      kpis=(Kpi("Appointment rate", 10, "%"),)))
    p.add_stage(Stage("propose", "Proposal", StageKind.STAGE, "fs", Position(720, 300)))
    p.add_stage(Stage("won", "Won", StageKind.WON, "fs", Position(980, 300)))
    p.add_transition(Transition("t1", "start", "prospect", "qualified"))
    p.add_transition(Transition("t2", "prospect", "propose"))
    p.add_transition(Transition("t3", "propose", "won", "signed"))
    p.add_transition(Transition("t4", "propose", "prospect", "not yet"))
    return p


def _fragment(p: Process, chosen: list[str]) -> paste.Fragment:
    fragment = Process(id="fragment", language=p.language)
    used = {p.stage(s).lane for s in chosen}
    for lane in p.lanes:
        if lane.id in used:
            fragment.add_lane(lane)
    for stage in p.stages:
        if stage.id in chosen:
            fragment.add_stage(stage)
    for t in p.transitions:
        if t.source in chosen and t.target in chosen:
            fragment.add_transition(t)
    return paste.Fragment(fragment)


def _edit(history: History, op: str, a: int, b: int, x: int, y: int, words: str) -> None:
    p = history.process
    ids, arrows, lane_ids = p.stage_ids, [t.id for t in p.transitions], [la.id for la in p.lanes]
    if op == "add" or (not ids and op not in ("lane_add", "layout", "process")):
        kind = list(StageKind)[a % len(StageKind)]
        spot = free_spot(p, Position(x, y), kind)
        history.push(AddStage(Stage(new_id("stage"), words, kind, lane_at(p, spot.y), spot)))
    elif op == "delete":
        history.push(RemoveItems(tuple(ids[a % len(ids)::3]),
                                 tuple(arrows[b % max(1, len(arrows))::4])))
    elif op == "connect":
        source, target = ids[a % len(ids)], ids[b % len(ids)]
        if p.can_connect(source, target) is None:
            history.push(stages.connect(p, Transition(new_id("t"), source, target, words)))
    elif op == "reconnect" and arrows:
        tid, end, other = arrows[a % len(arrows)], ("source", "target")[b % 2], ids[b % len(ids)]
        t = p.transition(tid)
        pair = (other, t.target) if end == "source" else (t.source, other)
        if pair == (t.source, t.target) or p.can_connect(*pair) is None:
            history.push(stages.reconnect(p, tid, end, other))
    elif op in ("move", "nudge"):
        chosen = ids[a % len(ids)::max(1, b % 5)]
        dx, dy = (x % 300 - 150, y % 300 - 150) if op == "move" else (20 * (b % 3 - 1), 0)
        history.push(stages.move_stages(
            p, {s: Position(p.stage(s).position.x + dx, p.stage(s).position.y + dy)
                for s in chosen}, key="nudge" if op == "nudge" else None))
    elif op in ("rename", "typing"):
        history.push(stages.rename_stage(p, ids[a % len(ids)], words,
                                         ("name", b % 2) if op == "typing" else None))
    elif op == "kpis":
        kpis = tuple(Kpi(words or "KPI", float(x), "%", list(Direction)[b % 2])
                     for _ in range(a % 3))
        history.push(SetStage(ids[a % len(ids)], {"kpis": kpis}))
    elif op == "lane_add":
        history.push(lanes.add_lane(p, Lane(new_id("lane"), words, "#4C78A8", 60 + b % 300)))
    elif op == "lane_delete" and lane_ids:
        history.push(lanes.delete_lane(p, lane_ids[a % len(lane_ids)]))
    elif op == "lane_move" and lane_ids:
        history.push(lanes.move_lane(p, lane_ids[a % len(lane_ids)], b % len(lane_ids)))
    elif op == "lane_rename" and lane_ids:
        history.push(lanes.rename_lane(p, lane_ids[a % len(lane_ids)], words, key=b % 2))
    elif op == "lane_resize" and lane_ids:
        history.push(lanes.resize_lane(p, lane_ids[a % len(lane_ids)], 60 + b % 400))
    elif op == "layout" and ids:
        history.push(stages.apply_layout(compute_layout(p)))
    elif op == "paste":
        add = paste.insertion(p, _fragment(p, ids[a % len(ids)::max(2, b % 7)]), x % 200, y % 200)
        history.push(add.edit())
    elif op == "align":
        history.push(stages.align(p, ids[a % len(ids)::2], ("left", "top", "vcenter")[b % 3]))
    elif op == "distribute":
        history.push(stages.distribute(p, ids[a % len(ids)::2], ("horizontal", "vertical")[b % 2]))
    elif op == "process":
        history.push(SetProcess({"name": words}, key="name" if b % 2 else None))


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(ops=operations)
def test_any_edit_sequence_undoes_to_the_start_and_redoes_to_the_end(ops):
    process = sample_process()
    history = History(process)
    initial = process.snapshot()
    for op in ops:
        _edit(history, *op)
    final = process.snapshot()
    assert len(history.steps) > 50  # the sequence really edited the document
    steps = len(history.steps)
    while history.can_undo():
        history.undo()
    assert process.snapshot() == initial
    while history.can_redo():
        history.redo()
    assert process.snapshot() == final
    assert len(history.steps) == steps


def test_merged_typing_undoes_in_one_step_to_the_value_before_the_first_key():
    process = sample_process()
    history = History(process)
    for typed in ("W", "Wo", "Won!"):
        history.push(stages.rename_stage(process, "won", typed, key=("name", 1)))
    assert len(history.steps) == 1 and process.stage("won").name == "Won!"
    history.undo()
    assert process.stage("won").name == "Won"
    history.redo()
    assert process.stage("won").name == "Won!"


def test_every_edit_says_which_ids_it_touches():
    process = sample_process()
    edit = stages.move_stages(process, {"won": Position(980, 100)})
    assert edit is not None and edit.touched().stages == {"won"}
    assert dataclasses.replace(edit).touched() == edit.touched()
    removal = RemoveItems(("propose",), ("t1",))
    assert removal.touched().stages == {"propose"} and removal.touched().transitions == {"t1"}
