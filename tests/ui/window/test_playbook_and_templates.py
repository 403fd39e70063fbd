"""View ▸ Playbook opens the reader on the live document; starting on a named template."""

from __future__ import annotations

from salesdesigner.model import StageKind


def test_view_playbook_opens_one_reader_that_follows_edits(window, qtbot):
    window.show()
    window.actions_.playbook.trigger()
    reader = window._playbook
    assert reader.isVisible()
    window.actions_.playbook.trigger()
    assert window._playbook is reader  # one reader per window
    stage_id = window.insert_stage(StageKind.STAGE)
    qtbot.waitUntil(lambda: stage_id in reader.order)  # the reader refreshes after edits
    reader.go_to(stage_id)
    assert reader.current_stage_id == stage_id


def test_open_sample_takes_a_template_name_and_language(make_window, sample):
    window = make_window(sample)
    window.open_sample("the-model", "ja")
    assert window.process.language == "ja"
    assert [lane.id for lane in window.process.lanes][:1] == ["marketing"]
    assert window.document.path is None  # an untitled document, not the template file
