"""The reader on an editor's live process, on the bundled templates, and on random hostile input."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from salesdesigner.model import Stage, Transition
from salesdesigner.model.ordering import process_order
from salesdesigner.ui.playbook import PlaybookWindow
from tests.strategies import processes


def test_the_reader_follows_edits_to_an_in_memory_process(qtbot, window, process):
    process.update_stage("start", name="Inbound lead")
    process.add_stage(Stage("nurture", "Nurture", lane="is"))
    process.add_transition(Transition("t9", "lost", "nurture", "later"))
    qtbot.waitUntil(lambda: "nurture" in window.navigator.stage_ids(), timeout=2000)
    assert window.navigator.stage_ids() == process_order(process)
    assert "Inbound lead" in window.page.texts()


def test_removing_the_shown_stage_moves_the_reader_elsewhere(qtbot, window, process):
    window.go_to("visit")
    process.remove_stage("visit")
    qtbot.waitUntil(lambda: window.current_stage_id != "visit", timeout=2000)
    assert process.has_stage(window.current_stage_id)
    window.back()
    assert window.current_stage_id != "visit"


def test_a_closed_reader_stops_listening(qtbot, window, process):
    window.close()
    process.update_stage("start", name="Changed after close")  # must not touch the window
    assert "Changed after close" not in window.page.texts()


def test_an_empty_process_shows_a_message(qtbot):
    from salesdesigner.model import Process
    window = PlaybookWindow(Process(name="Empty"))
    qtbot.addWidget(window)
    assert window.current_stage_id is None
    assert window.page.texts() == ["This playbook has no stages yet."]


@pytest.mark.parametrize("name", ["the-model", "eight-step"])
@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_stage_of_a_bundled_template_can_be_read(qtbot, name, language):
    templates = pytest.importorskip("salesdesigner.storage.templates")
    process = templates.load_template(name, language)
    window = PlaybookWindow(process)
    qtbot.addWidget(window)
    for stage_id in process_order(process):
        window.go_to(stage_id)
        assert process.stage(stage_id).name in window.page.texts()
        assert len(window.route.branch_buttons) == len(process.outgoing(stage_id))


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(process=processes(max_stages=6))
def test_any_process_can_be_browsed_searched_and_filtered(qtbot, process):
    window = PlaybookWindow(process)
    try:
        for stage_id in window.order:
            window.go_to(stage_id)
            assert window.page.stage_id == stage_id
        window.search_field.setText("<")
        window.results.activate_current()
        for index in range(window.lane_filter.count()):
            window.lane_filter.setCurrentIndex(index)
            assert all(window._visible(s) for s in window.navigator.stage_ids())
    finally:
        window.close()
        window.deleteLater()
