"""Taking one change of a comparison back: the draft gets the other version's value (a
removed stage with its arrows, a KPI target, a script, a name, a lane…), that change is
gone from the next comparison, and the edit's inverse gives the draft back exactly."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.edits.take_back import take_back
from salesdesigner.model import Position, Script
from salesdesigner.model.compare import ChangeOp, Subject, compare
from salesdesigner.storage.templates import load_template
from tests.model.compare.test_compare_properties import edit_randomly
from tests.strategies import processes


def _one(comparison, subject, op=None, field=None):
    found = [c for c in comparison.changes if c.subject is subject
             and (op is None or c.op is op) and (field is None or c.field == field)]
    assert len(found) == 1, found
    return found[0]


def test_a_removed_stage_comes_back_with_its_arrows_and_undo_removes_them_again():
    other = load_template("eight-step", "ja")
    draft = other.copy()
    draft.remove_stage("referral")  # its arrows after-sales → referral → end go with it
    before = draft.copy()
    comparison = compare(other, draft)
    edit = take_back(_one(comparison, Subject.STAGE, ChangeOp.REMOVED), comparison, other,
                     draft)
    inverse = edit.apply(draft)
    assert draft.stage("referral") == other.stage("referral")
    assert {(t.id, t.source, t.target) for t in draft.transitions} == \
        {(t.id, t.source, t.target) for t in other.transitions}
    assert not compare(other, draft)
    assert draft.stage_ids == other.stage_ids  # back in its old place in the order
    inverse.apply(draft)
    assert draft == before


def test_kpi_target_script_name_and_lane_each_come_back_alone():
    other = load_template("eight-step", "en")
    draft = other.copy()
    proposal = draft.stage("proposal")
    draft.update_stage("proposal", kpis=(dataclasses.replace(proposal.kpis[0], target=35.0),
                                         *proposal.kpis[1:]),
                       scripts=(*proposal.scripts, Script("Price objection", body="…")))
    draft.update_stage("closing", name="Closing & contract")
    draft.update_stage("after-sales", lane="back-office", position=Position(2888, 450))
    comparison = compare(other, draft)
    assert len(comparison.content) == 4

    target = _one(comparison, Subject.KPI, field="target")
    take_back(target, comparison, other, draft).apply(draft)
    assert draft.stage("proposal").kpis == other.stage("proposal").kpis
    assert draft.stage("proposal").scripts[-1].title == "Price objection"  # untouched
    assert draft.stage("closing").name == "Closing & contract"

    comparison = compare(other, draft)
    take_back(_one(comparison, Subject.SCRIPT, ChangeOp.ADDED), comparison, other,
              draft).apply(draft)
    assert draft.stage("proposal") == other.stage("proposal")

    comparison = compare(other, draft)
    take_back(_one(comparison, Subject.STAGE, field="name"), comparison, other,
              draft).apply(draft)
    comparison = compare(other, draft)
    take_back(_one(comparison, Subject.STAGE, field="lane"), comparison, other,
              draft).apply(draft)
    assert draft.stage("after-sales").lane == "sales"
    assert not compare(other, draft)  # only the layout move is left
    assert compare(other, draft).layout


def test_a_removed_lane_comes_back_and_an_added_one_goes():
    other = load_template("the-model", "en")
    draft = other.copy()
    removal = draft.remove_lane("customer-success")
    comparison = compare(other, draft)
    change = _one(comparison, Subject.LANE, ChangeOp.REMOVED)
    inverse = take_back(change, comparison, other, draft).apply(draft)
    assert draft.lane("customer-success") == removal.lane
    inverse.apply(draft)
    assert not draft.has_lane("customer-success")
    other, draft = draft, other  # now the draft has a lane the other version lacks
    comparison = compare(other, draft)
    take_back(_one(comparison, Subject.LANE, ChangeOp.ADDED), comparison, other,
              draft).apply(draft)
    assert not draft.has_lane("customer-success")


def test_a_change_to_something_the_draft_no_longer_has_cannot_be_taken_back():
    other = load_template("eight-step", "en")
    draft = other.copy()
    draft.update_stage("closing", name="Closing & contract")
    comparison = compare(other, draft)
    draft.remove_stage("closing")  # the comparison is stale: the stage is gone
    assert take_back(comparison.content[0], comparison, other, draft) is None


@settings(max_examples=40, deadline=None)
@given(processes(max_stages=6), st.data())
def test_any_change_taken_back_leaves_the_next_comparison_and_undo_restores_the_draft(
        other, data):
    draft = other.copy()
    edit_randomly(data, draft)
    comparison = compare(other, draft)
    if not comparison.changes:
        return
    change = data.draw(st.sampled_from(comparison.changes), label="change")
    before = draft.copy()
    edit = take_back(change, comparison, other, draft)
    if edit is None:
        # only what the draft cannot hold any more is refused
        assert change.subject in (Subject.ATTACHMENT, Subject.PROCESS) \
            or change.op is ChangeOp.REMOVED or change.field in ("lane", "source", "target")
        return
    inverse = edit.apply(draft)
    # one fewer of it (a stage may hold identical tips: four empty ones added are four
    # equal changes, and taking one back leaves three)
    assert compare(other, draft).changes.count(change) == comparison.changes.count(change) - 1
    inverse.apply(draft)
    assert draft == before
