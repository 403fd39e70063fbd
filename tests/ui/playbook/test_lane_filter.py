"""The lane filter: "show me only Inside Sales" narrows the list, results and stepping."""

from __future__ import annotations

from salesdesigner.model.ordering import process_order


def test_filter_shows_only_that_lanes_stages_in_process_order(window, process):
    window.set_lane_filter("fs")
    expected = [s for s in process_order(process) if process.stage(s).lane == "fs"]
    assert window.navigator.stage_ids() == expected == ["visit", "won"]
    assert window.current_stage_id == "visit"  # the old stage is not in the lane


def test_filter_combo_lists_all_lanes_first(window):
    combo = window.lane_filter
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All lanes", "Inside Sales", "Field Sales"]


def test_filter_narrows_search_results(window):
    window.search_field.setText("o")
    assert {"call", "visit"} <= set(window.results.rows_stage_ids())
    window.set_lane_filter("is")
    ids = set(window.results.rows_stage_ids())
    assert "call" in ids and "visit" not in ids


def test_next_stage_skips_other_lanes(window):
    window.set_lane_filter("is")
    window.go_to("fit")
    window.next_stage()
    assert window.current_stage_id == "lost"


def test_all_lanes_restores_the_full_list(window, process):
    window.set_lane_filter("fs")
    window.set_lane_filter(None)
    assert window.navigator.stage_ids() == process_order(process)


def test_stages_without_a_lane_get_their_own_filter_entry(qtbot, window, process):
    from salesdesigner.model import Stage, Transition
    process.add_stage(Stage("orphan", "Unassigned follow-up"))
    process.add_transition(Transition("t-orphan", "lost", "orphan"))
    window.refresh()
    combo = window.lane_filter
    assert combo.itemText(combo.count() - 1) == "No lane"
    combo.setCurrentIndex(combo.count() - 1)
    assert window.lane_filter_value() == ""
    assert window.navigator.stage_ids() == ["orphan"]
    assert window.current_stage_id == "orphan"


def test_a_filter_with_no_stages_says_so(qtbot, window, process):
    from salesdesigner.model import Lane
    process.add_lane(Lane("cs", "Customer Success"))
    window.refresh()
    window.set_lane_filter("cs")
    assert window.navigator.count() == 0
    assert window.current_stage_id is None
    assert window.page.texts() == ["No stage in this lane."]
