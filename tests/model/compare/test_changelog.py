"""The change log a new hire reads: changes grouped by the chapter they touch, in the
document's language, layout moves never listed, a new stage said once."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.model import Position, Script, Stage, StageKind, Transition
from salesdesigner.model.compare import compare
from salesdesigner.model.compare.changelog import change_log, changed_stages
from salesdesigner.model.compare.textdiff import Op
from salesdesigner.storage.templates import load_template

TEMPLATE = {lang: load_template("eight-step", lang) for lang in ("en", "ja")}


def _revised(lang: str = "ja"):
    old = TEMPLATE[lang].copy()
    new = old.copy()
    stage = new.stage("proposal")
    kpi = stage.kpis[0]
    new.update_stage("proposal", kpis=(dataclasses.replace(kpi, target=35.0), *stage.kpis[1:]),
                     scripts=(*stage.scripts, Script("価格の切り返し", "", "価値を3点で説明する")))
    return old, new


def _log(old, new, **kw):
    return change_log(compare(old, new), old, new, **kw)


def test_a_stages_changes_read_as_in_the_issue_under_its_chapter() -> None:
    old, new = _revised("ja")
    groups = _log(old, new)
    assert [(g.kind, g.stage_id) for g in groups] == [("stage", "proposal")]
    assert [line.text for line in groups[0].lines] == [
        "KPI「提案からの受注率」の目標値：≥ 30% → ≥ 35%",
        "トークスクリプト「価格の切り返し」を追加",
    ]
    assert changed_stages(compare(old, new), old, new) == {"proposal": False}


def test_nothing_changed_and_layout_moves_give_an_empty_log() -> None:
    old = TEMPLATE["en"].copy()
    assert _log(old, old.copy()) == ()
    moved = old.copy()
    moved.update_stage("hearing", position=Position(5000, 4000))
    assert _log(old, moved) == ()


def test_an_arrow_goes_with_the_stage_it_leaves_and_a_new_stage_is_said_once() -> None:
    old = TEMPLATE["en"].copy()
    new = old.copy()
    new.add_stage(Stage("trial", "Free trial", StageKind.STAGE,
                        scripts=(Script("Trial kickoff", "", "Welcome"),)))
    new.add_transition(Transition("to-trial", "hearing", "trial", "wants to try"))
    new.add_transition(Transition("from-trial", "trial", "proposal"))
    groups = {g.stage_id: g for g in _log(old, new)}
    assert set(groups) == {"hearing", "trial"}
    assert groups["trial"].added and len(groups["trial"].lines) == 1
    assert "Free trial" in groups["hearing"].lines[0].text
    assert changed_stages(compare(old, new), old, new) == {"hearing": False, "trial": True}


def test_a_removed_stage_is_listed_apart_and_its_arrows_are_not_repeated() -> None:
    old = TEMPLATE["en"].copy()
    new = old.copy()
    new.remove_stage("referral")
    groups = _log(old, new)
    kinds = [g.kind for g in groups]
    assert kinds[-1] == "removed" and "Referral" in groups[-1].lines[0].text
    # the arrow after-sales → referral is gone too: said under After-sales, once
    after = [g for g in groups if g.stage_id == "after-sales"]
    assert len(after) == 1 and len(after[0].lines) == 1


def test_a_rewritten_text_keeps_its_changed_characters() -> None:
    old = TEMPLATE["ja"].copy()
    new = old.copy()
    goal = new.stage("hearing").goal
    new.update_stage("hearing", goal=goal.replace("課題", "本当の課題", 1))
    (group,) = _log(old, new)
    (line,) = group.lines
    assert line.text == "目標を書き換え："
    # "顧客の課題" → "顧客の本当の課題": three characters inserted (either alignment)
    assert [r.text for r in line.runs if r.op is Op.INSERT] in (["本当の"], ["の本当"])
    assert not [r for r in line.runs if r.op is Op.DELETE]


def test_the_order_given_is_the_order_of_the_groups() -> None:
    old, new = _revised("en")
    new.update_stage("hearing", goal="A new goal")
    order = ["proposal", "hearing"]
    assert [g.stage_id for g in _log(old, new, order=order)] == order
    assert [g.stage_id for g in _log(old, new)] == ["hearing", "proposal"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["goal", "kpi", "script", "remove_tip", "duration"]),
                min_size=1, max_size=4, unique=True),
       st.sampled_from(["prospecting", "hearing", "proposal", "closing"]))
def test_every_changed_stage_is_marked_and_no_other(edits, stage_id) -> None:
    old = TEMPLATE["en"].copy()
    new = old.copy()
    stage = new.stage(stage_id)
    changes = {}
    if "goal" in edits:
        changes["goal"] = stage.goal + " More."
    if "kpi" in edits and stage.kpis:
        changes["kpis"] = (dataclasses.replace(stage.kpis[0], target=1.0), *stage.kpis[1:])
    if "script" in edits:
        changes["scripts"] = (*stage.scripts, Script("New one", "", "Body"))
    if "remove_tip" in edits and stage.tips:
        changes["tips"] = stage.tips[1:]
    if "duration" in edits:
        changes["duration_days"] = (stage.duration_days or 0) + 3
    new.update_stage(stage_id, **changes)
    marked = changed_stages(compare(old, new), old, new)
    assert marked == ({stage_id: False} if changes and new.stage(stage_id) != old.stage(stage_id)
                      else {})


def test_a_text_rewritten_through_and_through_is_shown_as_its_new_wording() -> None:
    old = TEMPLATE["ja"].copy()
    new = old.copy()
    new.update_stage("closing", description="契約条件を確認し、稟議の日程を顧客と決める。" * 3)
    (group,) = _log(old, new)
    (line,) = group.lines
    assert line.text == "説明を書き換え。新しい文："
    assert [r.op for r in line.runs] == [Op.EQUAL]
    assert line.runs[0].text == "契約条件を確認し、稟議の日程を顧客と決める。" * 3
