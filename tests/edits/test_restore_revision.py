"""Restoring a revision is one edit: the draft becomes the revision (a diff against it is
empty), the actuals and the revision list stay, and undo brings the draft back exactly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from salesdesigner.edits import History
from salesdesigner.edits.revisions import restore_revision
from salesdesigner.model import Stage
from salesdesigner.model.compare import compare
from salesdesigner.storage.revisions import (
    add_revision,
    make_revision,
    revision_process,
    revision_state,
)
from tests.actuals.strategies import sample_actuals
from tests.storage.conftest import sample_process
from tests.strategies import processes


def _published_then_edited():
    process = sample_process()
    process.set_actuals(sample_actuals())
    add_revision(process, make_revision(process, title="one"))
    process.update_stage("approach", goal="changed after publishing")
    process.remove_stage("lost")
    process.add_stage(Stage("new", "新しいステージ"))
    process.update_lane("is", name="改名")
    return process


def test_restoring_a_revision_makes_the_draft_that_revision_and_keeps_actuals():
    process = _published_then_edited()
    revisions, actuals = process.revisions, process.actuals
    content = revision_process(process, 1)
    history = History(process)
    history.push(restore_revision(content, 1))
    assert not compare(revision_process(process, 1), process)  # restore, then diff: empty
    assert not compare(revision_process(process, 1), process).layout
    assert process.actuals is actuals and process.revisions is revisions
    assert revision_state(process).shown.number == 1
    assert str(restore_revision(content, 1).name) == "Restore Revision 1"


def test_undoing_a_restore_brings_the_draft_back_exactly_and_redo_restores_again():
    process = _published_then_edited()
    before = process.copy()
    history = History(process)
    history.push(restore_revision(revision_process(process, 1), 1))
    after = process.copy()
    history.undo()
    assert process == before
    history.redo()
    assert process == after


def test_a_restore_does_not_follow_later_changes_of_the_content_it_was_given():
    process = _published_then_edited()
    content = revision_process(process, 1)
    edit = restore_revision(content, 1)
    content.update_stage("approach", goal="changed by someone else")
    edit.apply(process)
    assert process.stage("approach").goal == sample_process().stage("approach").goal


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.data_too_large])
@given(processes(max_stages=5), processes(max_stages=5))
def test_any_restore_inverts_exactly(draft, other):
    draft.set_actuals(sample_actuals())
    before = draft.copy()
    inverse = restore_revision(other, 3).apply(draft)
    assert draft.stages == other.stages and draft.lanes == other.lanes
    assert draft.metadata() == other.metadata() and draft.actuals == sample_actuals()
    inverse.apply(draft)
    assert draft == before
