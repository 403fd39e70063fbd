"""The Process: mutations, their events, and exact restoration for undo."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.model import (
    Attachment,
    Kpi,
    Lane,
    Position,
    Process,
    ProcessError,
    Stage,
    StageKind,
    Transition,
)
from salesdesigner.model import events as ev
from salesdesigner.model.presentation import words_for
from tests.strategies import processes


def chain(*ids: str) -> Process:
    process = Process(name="p")
    for sid in ids:
        process.add_stage(Stage(sid, sid.upper()))
    for a, b in zip(ids, ids[1:], strict=False):
        process.add_transition(Transition(f"{a}>{b}", a, b))
    return process


def recorder(process: Process) -> list:
    seen: list = []
    process.events.connect(seen.append)
    return seen


def test_process_is_a_digraph_of_stage_objects():
    process = chain("a", "b", "c")
    assert list(process.graph.edges) == [("a", "b"), ("b", "c")]
    assert process.graph.nodes["b"]["stage"].name == "B"
    assert process.graph.edges["a", "b"]["transition"].id == "a>b"


def test_adding_a_stage_emits_an_event_with_its_index():
    process = chain("a", "b")
    seen = recorder(process)
    process.add_stage(Stage("x", "X"), index=1)
    assert process.stage_ids == ["a", "x", "b"]
    assert seen == [ev.StageAdded(process.stage("x"), 1)]
    assert list(process.graph.edges) == [("a", "b")]


def test_stage_kind_given_as_text_is_normalised():
    process = Process()
    process.add_stage(Stage("s", "S", kind="won"))  # type: ignore[arg-type]
    assert process.stage("s").kind is StageKind.WON


@pytest.mark.parametrize("bad, message", [
    (Transition("t", "a", "a"), "to itself"),
    (Transition("t", "a", "nope"), "unknown stage"),
    (Transition("a>b", "b", "c"), "already exists"),
    (Transition("t2", "a", "b"), "already connected"),
])
def test_transitions_that_break_the_rules_are_refused(bad, message):
    process = chain("a", "b", "c")
    before = process.snapshot()
    with pytest.raises(ProcessError, match=message):
        process.add_transition(bad)
    assert process.snapshot() == before


def test_can_connect_explains_why_not():
    process = chain("a", "b")
    assert process.can_connect("a", "a") == "self-loop"
    assert process.can_connect("a", "b") == "duplicate-arrow"
    assert process.can_connect("a", "x") == "missing-stage"
    assert process.can_connect("b", "a") is None


@pytest.mark.parametrize("reason", ["self-loop", "duplicate-arrow", "missing-stage"])
def test_a_refusal_reads_english_by_default_and_in_each_language_from_the_catalogue(reason):
    error = ProcessError.refused(reason)
    assert str(error) == words_for("en", "refuse")(reason)
    assert error.in_language("ja-JP") == words_for("ja", "refuse")(reason)
    assert error.in_language("ja") != str(error)
    assert ProcessError("plain").in_language("ja") == "plain"  # not worded: as raised


def test_removing_a_stage_removes_its_transitions_and_restore_puts_everything_back():
    process = chain("a", "b", "c", "d")
    process.add_transition(Transition("a>c", "a", "c"))
    before = process.snapshot()
    seen = recorder(process)
    removal = process.remove_stage("b")
    assert process.stage_ids == ["a", "c", "d"]
    assert [t.id for t in process.transitions] == ["a>c", "c>d"]
    assert [type(e) for e in seen] == [ev.TransitionRemoved, ev.TransitionRemoved, ev.StageRemoved]
    process.restore_stage(removal)
    assert process.snapshot() == before
    assert list(process.graph.successors("a")) == ["b", "c"]  # branch order kept


def test_update_stage_returns_the_old_value_and_names_changed_fields():
    process = chain("a")
    seen = recorder(process)
    old = process.update_stage("a", name="New", goal="g")
    assert old.name == "A"
    assert seen[0].fields == ("name", "goal")
    process.replace_stage(old)
    assert process.stage("a").name == "A"


def test_update_stage_refuses_an_unknown_field_or_id_change():
    process = chain("a")
    with pytest.raises(ProcessError):
        process.update_stage("a", colour="red")
    with pytest.raises(ProcessError):
        process.update_stage("a", id="b")


def test_kpi_target_must_be_finite():
    process = Process()
    with pytest.raises(ProcessError, match="finite"):
        process.add_stage(Stage("s", "S", kpis=(Kpi("rate", float("nan")),)))


def test_reconnecting_a_transition_and_back_restores_branch_order():
    process = chain("a", "b")
    process.add_stage(Stage("c", "C"))
    process.add_stage(Stage("d", "D"))
    process.add_transition(Transition("a>c", "a", "c"))
    process.add_transition(Transition("a>d", "a", "d"))
    before = process.snapshot()
    t = process.transition("a>b")
    old, index = process.replace_transition(Transition(t.id, "d", "b"))
    assert process.transition_between("d", "b").id == "a>b"
    assert process.transition_between("a", "b") is None
    process.replace_transition(old, successor_index=index)
    assert process.snapshot() == before


def test_reconnect_to_an_existing_pair_is_refused():
    process = chain("a", "b", "c")
    with pytest.raises(ProcessError, match="already connected"):
        process.update_transition("a>b", target="c", source="b")


def test_removing_a_lane_keeps_its_stages_without_a_lane_and_restore_reassigns_them():
    process = Process()
    process.add_lane(Lane("is", "Inside Sales"))
    process.add_lane(Lane("fs", "Field Sales"))
    process.add_stage(Stage("a", "A", lane="is"))
    process.add_stage(Stage("b", "B", lane="fs"))
    before = process.snapshot()
    removal = process.remove_lane("is")
    assert process.stage("a").lane is None and process.stage("b").lane == "fs"
    process.restore_lane(removal)
    assert process.snapshot() == before


def test_a_stage_cannot_refer_to_an_unknown_lane():
    process = Process()
    with pytest.raises(ProcessError, match="unknown lane"):
        process.add_stage(Stage("a", "A", lane="ghost"))


def test_moving_a_lane_reorders_and_reports_the_old_index():
    process = Process()
    for lid in "abc":
        process.add_lane(Lane(lid, lid))
    seen = recorder(process)
    assert process.move_lane("c", 0) == 2
    assert [lane.id for lane in process.lanes] == ["c", "a", "b"]
    assert seen == [ev.LanesReordered(("c", "a", "b"))]


def test_attachment_restored_at_its_index():
    process = Process()
    for aid in "xyz":
        process.add_attachment(Attachment(aid, f"{aid}.pdf", b"%PDF"))
    index = list(process.attachments).index("y")
    removed = process.remove_attachment("y")
    process.add_attachment(removed, index)
    assert list(process.attachments) == ["x", "y", "z"]


def test_copy_is_equal_and_independent():
    process = chain("a", "b")
    other = process.copy()
    assert other == process
    other.move_stage("a", Position(5, 5))
    assert other != process


def test_reset_replaces_content_and_announces_it():
    process = chain("a")
    seen = recorder(process)
    process.reset(chain("x", "y"))
    assert process.stage_ids == ["x", "y"]
    assert seen == [ev.ProcessReset()]


@settings(max_examples=40, deadline=None)
@given(processes(), st.data())
def test_removing_then_restoring_any_stage_leaves_the_process_unchanged(process, data):
    if not process.stage_ids:
        return
    before = process.snapshot()
    sid = data.draw(st.sampled_from(process.stage_ids))
    process.restore_stage(process.remove_stage(sid))
    assert process.snapshot() == before


@settings(max_examples=40, deadline=None)
@given(processes(), st.data())
def test_removing_then_restoring_any_transition_leaves_the_process_unchanged(process, data):
    if not process.transitions:
        return
    before = process.snapshot()
    tid = data.draw(st.sampled_from([t.id for t in process.transitions]))
    process.restore_transition(process.remove_transition(tid))
    assert process.snapshot() == before


def test_updating_an_unknown_lane_field_is_a_process_error():
    process = Process()
    process.add_lane(Lane("l", "L"))
    with pytest.raises(ProcessError, match="Cannot update lane"):
        process.update_lane("l", bogus=1)


def test_copy_does_not_share_nested_extension_values():
    process = chain("a")
    process.update_process(extensions={"crm": {"pipeline": ["lead", "deal"]}})
    other = process.copy()
    other.extensions["crm"]["pipeline"].append("won")
    assert process.extensions == {"crm": {"pipeline": ["lead", "deal"]}}
