"""Every kind of change is found, and found once: one edit of the eight-step template at a
time, and the comparison must list exactly the change that edit made."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from salesdesigner.model import Action, Kpi, Lane, Position, Process, Script, Stage, Transition
from salesdesigner.model.compare import ChangeOp, compare
from salesdesigner.model.entities import Anchor, ArrowStyle, Direction, StageKind
from salesdesigner.storage.templates import load_template

TEMPLATE = {lang: load_template("eight-step", lang) for lang in ("en", "ja")}


def edited(edit: Callable[[Process], object], lang: str = "en") -> tuple[Process, Process]:
    old = TEMPLATE[lang].copy()
    new = old.copy()
    edit(new)
    return old, new


def summary(old: Process, new: Process, layout: bool = False) -> list[tuple]:
    found = compare(old, new)
    changes = found.layout if layout else found.content
    return [(c.op.value, c.subject.value, c.field) for c in changes]


def stage_with(process: Process, stage_id: str, **changes) -> None:
    process.update_stage(stage_id, **changes)


def proposal(process: Process) -> Stage:
    return process.stage("proposal")


def recreate(process: Process, stage_id: str, new_id: str, **changes) -> None:
    """Delete a stage and draw it again: a new id, its arrows drawn again with new ids."""
    removal = process.remove_stage(stage_id)
    process.add_stage(dataclasses.replace(removal.stage, id=new_id, **changes))
    for t, _ in removal.transitions:
        process.add_transition(dataclasses.replace(
            t, id=t.id + "-again", source=new_id if t.source == stage_id else t.source,
            target=new_id if t.target == stage_id else t.target))


KPI = proposal(TEMPLATE["en"]).kpis[0]


def first_kpi(process: Process, **changes) -> None:
    kpis = proposal(process).kpis
    stage_with(process, "proposal", kpis=(dataclasses.replace(kpis[0], **changes), *kpis[1:]))

CONTENT_EDITS: dict[str, tuple[Callable[[Process], object], tuple]] = {
    "process renamed": (lambda p: p.update_process(name="Sales v4"),
                        ("changed", "process", "name")),
    "stage added": (lambda p: p.add_stage(Stage("demo", "Demo", lane="sales")),
                    ("added", "stage", "")),
    "stage renamed": (lambda p: stage_with(p, "proposal", name="Solution proposal"),
                      ("changed", "stage", "name")),
    "stage moved to another lane": (lambda p: stage_with(p, "proposal", lane="back-office"),
                                    ("changed", "stage", "lane")),
    "stage kind": (lambda p: stage_with(p, "closing", kind=StageKind.DECISION),
                   ("changed", "stage", "kind")),
    "goal": (lambda p: stage_with(p, "proposal", goal="Win the deal."),
             ("changed", "stage", "goal")),
    "description": (lambda p: stage_with(p, "proposal", description="New words."),
                    ("changed", "stage", "description")),
    "duration": (lambda p: stage_with(p, "proposal", duration_days=14.0),
                 ("changed", "stage", "duration_days")),
    "KPI target": (lambda p: first_kpi(p, target=35.0),
        ("changed", "kpi", "target")),
    "KPI unit": (lambda p: first_kpi(p, unit="pt"),
        ("changed", "kpi", "unit")),
    "KPI direction": (lambda p: first_kpi(p, direction=Direction.LOWER),
        ("changed", "kpi", "direction")),
    "KPI renamed": (lambda p: first_kpi(p, name="Win rate"),
        ("changed", "kpi", "name")),
    "KPI added": (lambda p: stage_with(p, "proposal", kpis=proposal(p).kpis + (
        Kpi("Meetings held", 3.0),)), ("added", "kpi", "")),
    "KPI removed": (lambda p: stage_with(p, "proposal", kpis=proposal(p).kpis[1:]),
                    ("removed", "kpi", "")),
    "action owner": (lambda p: stage_with(p, "proposal", actions=(dataclasses.replace(
        proposal(p).actions[0], owner="Manager"),) + proposal(p).actions[1:]),
        ("changed", "action", "owner")),
    "action added": (lambda p: stage_with(p, "proposal", actions=proposal(p).actions + (
        Action("Book a debrief"),)), ("added", "action", "")),
    "script body": (lambda p: stage_with(p, "proposal", scripts=(dataclasses.replace(
        proposal(p).scripts[0], body="Thank you."),) + proposal(p).scripts[1:]),
        ("changed", "script", "body")),
    "script added": (lambda p: stage_with(p, "proposal", scripts=proposal(p).scripts + (
        Script("Price objection", body="I understand."),)), ("added", "script", "")),
    "script removed": (lambda p: stage_with(p, "proposal", scripts=proposal(p).scripts[:1]),
                       ("removed", "script", "")),
    "exit criterion reworded": (lambda p: stage_with(p, "proposal", exit_criteria=(
        proposal(p).exit_criteria[0] + " and the champion",) + proposal(p).exit_criteria[1:]),
        ("changed", "exit_criterion", "text")),
    "exit criterion added": (lambda p: stage_with(p, "proposal", exit_criteria=(
        *proposal(p).exit_criteria, "Budget confirmed")), ("added", "exit_criterion", "")),
    "tip removed": (lambda p: stage_with(p, "proposal", tips=proposal(p).tips[1:]),
                    ("removed", "tip", "")),
    "material retitled": (lambda p: stage_with(p, "proposal", materials=(dataclasses.replace(
        proposal(p).materials[0], title="Proposal template v2"),) + proposal(p).materials[1:]),
        ("changed", "material", "title")),
    "actions reordered": (lambda p: stage_with(p, "proposal",
                                               actions=proposal(p).actions[::-1]),
                          ("changed", "stage", "actions_order")),
    "transition added": (lambda p: p.add_transition(Transition("tx", "hearing", "lost", "No fit")),
                         ("added", "transition", "")),
    "transition removed": (lambda p: p.remove_transition("t11"),
                           ("removed", "transition", "")),
    "transition relabelled": (lambda p: p.update_transition("t5", label="Reviewing"),
                              ("changed", "transition", "label")),
    "transition condition": (lambda p: p.update_transition("t5", condition="Quote sent"),
                             ("changed", "transition", "condition")),
    "transition reconnected": (lambda p: p.update_transition("t9", target="end"),
                               ("changed", "transition", "target")),
    "lane renamed": (lambda p: p.update_lane("sales", name="Field sales"),
                     ("changed", "lane", "name")),
    "lane added": (lambda p: p.add_lane(Lane("cs", "Customer success")),
                   ("added", "lane", "")),
}


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("name", list(CONTENT_EDITS))
def test_each_kind_of_content_change_is_reported_exactly_once(name, lang):
    edit, expected = CONTENT_EDITS[name]
    old, new = edited(edit, lang)
    assert summary(old, new) == [expected]
    assert summary(old, new, layout=True) == []


LAYOUT_EDITS: dict[str, tuple[Callable[[Process], object], tuple]] = {
    "stage moved on the canvas": (lambda p: p.move_stage("proposal", Position(1, 2)),
                                  ("changed", "stage", "position")),
    "bend points": (lambda p: p.set_waypoints("t5", [(10, 20)]),
                    ("changed", "transition", "waypoints")),
    "pinned end": (lambda p: p.set_anchor("t5", "source", Anchor("bottom", 0.3)),
                   ("changed", "transition", "source_anchor")),
    "arrow style": (lambda p: p.set_arrow_style("t5", ArrowStyle.STRAIGHT),
                    ("changed", "transition", "style")),
    "lane height": (lambda p: p.update_lane("sales", height=420.0),
                    ("changed", "lane", "height")),
    "lane colour": (lambda p: p.update_lane("sales", color="#000000"),
                    ("changed", "lane", "color")),
    "lanes reordered": (lambda p: p.move_lane("back-office", 0),
                        ("changed", "process", "lane_order")),
    "document arrow style": (lambda p: p.update_process(arrow_style="orthogonal"),
                             ("changed", "process", "arrow_style")),
}


@pytest.mark.parametrize("name", list(LAYOUT_EDITS))
def test_layout_changes_are_reported_apart_and_flagged(name):
    edit, expected = LAYOUT_EDITS[name]
    old, new = edited(edit)
    assert summary(old, new) == []
    assert summary(old, new, layout=True) == [expected]
    assert not compare(old, new)  # no content change: a view may hide it


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_same_document_has_no_changes(lang):
    old = TEMPLATE[lang]
    assert compare(old, old.copy()).changes == ()


def test_removing_a_stage_reports_it_and_each_of_its_arrows_once():
    old, new = edited(lambda p: p.remove_stage("referral"))
    assert summary(old, new) == [("removed", "stage", ""), ("removed", "transition", ""),
                                 ("removed", "transition", "")]
    removed = compare(old, new).content
    assert {c.old_id for c in removed[1:]} == {"t13", "t14"}


def test_kpi_target_change_keeps_old_and_new_values():
    old, new = edited(CONTENT_EDITS["KPI target"][0])
    (change,) = compare(old, new).content
    assert (change.old, change.new, change.new_part, change.new_id) == \
        (KPI.target, 35.0, KPI.name, "proposal")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_stage_deleted_and_drawn_again_is_recognised_not_removed_and_added(lang):
    old, new = edited(lambda p: recreate(p, "hearing", "stage-0f3a9c1d"), lang)
    found = compare(old, new)
    assert found.stage_pairs["hearing"] == "stage-0f3a9c1d"
    assert found.content == ()


def test_a_stage_drawn_again_under_a_similar_name_is_a_rename():
    old, new = edited(lambda p: recreate(p, "hearing", "stage-0f3a9c1d",
                                         name="Discovery and needs analysis"))
    assert summary(old, new) == [("changed", "stage", "name")]


def test_within_one_document_an_id_is_one_stage_however_much_it_changed():
    old, new = edited(lambda p: p.replace_stage(Stage("referral", "Partner webinar")))
    assert compare(old, new).stage_pairs["referral"] == "referral"
    assert ("changed", "stage", "name") in summary(old, new)


def test_a_different_stage_under_an_old_id_is_removed_and_added_not_renamed():
    """Another document (another process id) uses the id for something else elsewhere in
    the flow, as two CSV imports' slug ids would."""
    def reuse(p: Process) -> None:
        p.update_process(id="process-another")
        p.remove_stage("referral")
        p.add_transition(Transition("t-done", "after-sales", "end"))
        p.add_stage(Stage("referral", "Partner onboarding webinar", lane="back-office",
                          goal="Partners can demo the product alone.",
                          kpis=(Kpi("Certified partners", 10.0),)))
        p.add_transition(Transition("t-partner", "lead", "referral"))
    old, new = edited(reuse)
    kinds = summary(old, new)
    assert ("added", "stage", "") in kinds and ("removed", "stage", "") in kinds
    assert ("changed", "stage", "name") not in kinds


def test_a_stage_rewritten_where_it_stands_stays_one_stage():
    """Same id, every word new, but the flow around it unchanged: a rewrite, not a swap
    (even in a copy of the document saved as another process)."""
    def rewrite(p: Process) -> None:
        p.update_process(id="process-copy")
        p.replace_stage(Stage("proposal", "Solution design", lane="sales",
                              position=proposal(p).position, goal="Agree the scope."))
    old, new = edited(rewrite)
    found = compare(old, new)
    assert found.stage_pairs["proposal"] == "proposal"
    assert ("added", "stage", "") not in summary(old, new)


@pytest.mark.parametrize(("a", "b"), [(("eight-step", "en"), ("the-model", "en")),
                                      (("eight-step", "ja"), ("the-model", "ja")),
                                      (("the-model", "en"), ("eight-step", "en"))])
def test_unrelated_processes_are_neither_unchanged_nor_renames_of_each_other(a, b):
    """Both templates have stages with the ids proposal, won and lost (bpmn-js-differ #7)."""
    old, new = load_template(*a), load_template(*b)
    found = compare(old, new)
    assert found.stage_pairs == {}
    assert not [c for c in found.content if c.field == "name" and c.subject.value != "process"]
    ops = {(c.op, c.subject.value) for c in found.content}
    assert (ChangeOp.ADDED, "stage") in ops and (ChangeOp.REMOVED, "stage") in ops


def test_equally_good_pairings_are_chosen_the_same_way_round():
    """Two stages drawn again twice under one name: whichever way the documents are
    compared, the first old one pairs with the first new one."""
    def drawn(pid: str, ids: tuple[str, str]) -> Process:
        process = Process(id=pid)
        for sid in ids:
            process.add_stage(Stage(sid, "Qualify", goal="Ask about budget"))
        return process

    old, new = drawn("p1", ("a", "b")), drawn("p2", ("x", "w"))
    assert compare(old, new).stage_pairs == {"a": "x", "b": "w"}
    assert compare(new, old).stage_pairs == {"x": "a", "w": "b"}


def test_a_kpi_measured_up_to_a_re_created_stage_has_not_changed():
    old = TEMPLATE["en"].copy()
    first_kpi(old, measure_to="closing")
    new = old.copy()
    recreate(new, "closing", "stage-77aa")
    first_kpi(new, measure_to="stage-77aa")
    assert summary(old, new) == []
