"""A finding made a tip, note or script draft for everyone at its stage: one edit whose
inverse puts the stage back exactly, on the Qt-free undo history."""

from __future__ import annotations

import pytest

from salesdesigner.edits import History
from salesdesigner.edits.findings import share_finding
from salesdesigner.model.entities import Script
from tests.model.discovery.owner_samples import sales_process


def _process():
    p = sales_process("ja")
    p.update_stage("prop", tips=("既存のコツ",), description="提案の説明")
    return p


@pytest.mark.parametrize(("kind", "field", "expected"), [
    ("tip", "tips", ("既存のコツ", "手順を書く")),
    ("note", "description", "提案の説明\n\n手順を書く"),
    ("script", "scripts", (Script(title="見出し", body="手順を書く"),)),
])
def test_a_finding_becomes_guidance_and_undo_restores_the_stage(kind, field, expected):
    process = _process()
    before = process.stage("prop")
    history = History(process)
    history.push(share_finding(process, "prop", kind, "見出し", "  手順を書く \n"))
    assert getattr(process.stage("prop"), field) == expected
    history.undo()
    assert process.stage("prop") == before
    history.redo()
    assert getattr(process.stage("prop"), field) == expected


def test_a_note_on_an_empty_description_has_no_leading_blank_line():
    process = sales_process("en")
    share_finding(process, "nego", "note", "", "Ask how").apply(process)
    assert process.stage("nego").description == "Ask how"


def test_empty_text_or_an_unknown_kind_is_refused_and_nothing_changes():
    process = _process()
    before = process.stage("prop")
    with pytest.raises(ValueError):
        share_finding(process, "prop", "tip", "", "   ")
    with pytest.raises(ValueError):
        share_finding(process, "prop", "poster", "", "x")
    assert process.stage("prop") == before


def test_the_undo_step_is_named_for_what_it_made():
    process = _process()
    assert str(share_finding(process, "prop", "tip", "", "x").name) == "Make It a Tip"
    assert str(share_finding(process, "prop", "script", "", "x").name) == "Add Script Draft"
