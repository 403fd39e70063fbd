"""Process order, loops, layering and layout, and search."""

from __future__ import annotations

from hypothesis import given, settings

from salesdesigner.model import Lane, Process, Stage, StageKind, Transition
from salesdesigner.model.geometry import lane_at, lane_bands
from salesdesigner.model.layout import apply_layout, compute_layout
from salesdesigner.model.ordering import back_edges, layers, process_order
from salesdesigner.model.search import matching_stages, search
from tests.strategies import processes


def branching() -> Process:
    """start → a → d → (won | lost); a nurture loop lost → a; an orphan listed first."""
    process = Process()
    process.add_lane(Lane("is", "IS"))
    process.add_lane(Lane("fs", "FS"))
    for sid, kind, lane in [("orphan", StageKind.STAGE, None), ("s", StageKind.START, "is"),
                            ("a", StageKind.STAGE, "is"), ("d", StageKind.DECISION, "fs"),
                            ("lost", StageKind.LOST, "fs"), ("won", StageKind.WON, "fs")]:
        process.add_stage(Stage(sid, sid, kind, lane))
    for a, b in [("s", "a"), ("a", "d"), ("d", "won"), ("d", "lost"), ("lost", "a")]:
        process.add_transition(Transition(f"{a}-{b}", a, b))
    return process


def test_process_order_follows_branches_from_the_start_and_puts_orphans_last():
    assert process_order(branching()) == ["s", "a", "d", "won", "lost", "orphan"]


def test_the_loop_back_is_the_only_back_edge():
    assert back_edges(branching()) == {("lost", "a")}


def test_layers_grow_along_the_flow():
    col = layers(branching())
    assert col["s"] < col["a"] < col["d"] < col["won"]
    assert col["won"] == col["lost"]


def test_layout_places_stages_left_to_right_inside_their_lane_bands():
    process = branching()
    apply_layout(process)
    pos = {s.id: s.position for s in process.stages}
    assert pos["s"].x < pos["a"].x < pos["d"].x < pos["won"].x
    for stage in process.stages:
        if stage.lane:
            assert lane_at(process, stage.position.y) == stage.lane
    bands = lane_bands(process)
    assert pos["orphan"].y > bands[-1].bottom  # stages without a lane go below the lanes
    assert pos["won"].y != pos["lost"].y  # stacked, not on top of each other


@settings(max_examples=60, deadline=None)
@given(processes())
def test_order_and_layout_cover_every_stage_of_any_process(process):
    order = process_order(process)
    assert sorted(order) == sorted(process.stage_ids)
    dag_rank = {sid: i for i, sid in enumerate(order)}
    cut = back_edges(process)
    assert all(dag_rank[a] < dag_rank[b] for a, b in process.graph.edges if (a, b) not in cut)
    layout = compute_layout(process)
    assert set(layout.positions) == set(process.stage_ids)
    assert len(set(layout.positions.values())) == len(layout.positions)


def test_search_is_case_and_width_insensitive_and_in_process_order():
    process = branching()
    process.update_stage("won", goal="Signed CONTRACT")
    process.update_stage("a", name="ｱﾎﾟｲﾝﾄ contract")
    assert matching_stages(process, "contract") == ["a", "won"]
    assert matching_stages(process, "アポ") == ["a"]
    assert search(process, "  ") == []


def test_synthetic_processes_have_the_requested_size_and_no_errors():
    from benchmarks.synthetic import synthetic_process
    from salesdesigner.model.validation import has_errors, validate

    for n in (4, 50, 333):
        process = synthetic_process(n)
        assert len(process.stage_ids) == n
        assert not has_errors(validate(process))
    assert synthetic_process(50) == synthetic_process(50)


def test_an_edge_into_an_earlier_walk_is_not_taken_for_a_loop():
    """A → B ⇄ C, plus an unreachable X → C: only C → B closes the loop, so B and C keep
    separate columns."""
    process = Process()
    for sid, kind in [("A", StageKind.START), ("B", StageKind.STAGE), ("C", StageKind.STAGE),
                      ("X", StageKind.STAGE)]:
        process.add_stage(Stage(sid, sid, kind))
    for a, b in [("A", "B"), ("B", "C"), ("C", "B"), ("X", "C")]:
        process.add_transition(Transition(f"{a}{b}", a, b))
    assert back_edges(process) == {("C", "B")}
    col = layers(process)
    assert col["A"] < col["B"] < col["C"]

