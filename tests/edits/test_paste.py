"""Pasting as an edit: fresh ids, lanes matched, numbered names, one undo step."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from salesdesigner.edits import History
from salesdesigner.edits.paste import Fragment, beside, insertion, unique_name
from salesdesigner.model import Lane, Position, Process, Stage, Transition
from tests.strategies import text


def test_a_taken_name_gets_the_next_free_number_in_the_documents_language():
    assert unique_name("Won", ["Lost"], "en") == "Won"
    assert unique_name("Won", ["Won"], "en") == "Won (2)"
    assert unique_name("Won (2)", ["Won", "Won (2)"], "en") == "Won (3)"
    assert unique_name("受注", ["受注", "受注（2）"], "ja") == "受注（3）"
    assert unique_name("受注（2）", ["受注（2）"], "ja") == "受注（3）"


@given(st.lists(text, max_size=8), text, st.sampled_from(["en", "ja", ""]))
def test_a_numbered_name_is_never_one_the_document_has(taken, name, language):
    result = unique_name(name, taken, language)
    assert result == name if name not in taken else result not in taken


def test_a_paste_is_one_step_with_fresh_ids_and_lands_beside_the_original():
    p = Process(language="en")
    p.add_lane(Lane("l", "Sales"))
    p.add_stage(Stage("a", "A", lane="l", position=Position(100, 100)))
    p.add_stage(Stage("b", "B", lane="l", position=Position(400, 100)))
    p.add_transition(Transition("ab", "a", "b"))
    fragment = Process()
    fragment.add_lane(Lane("l", "Sales"))
    for s in p.stages:
        fragment.add_stage(s)
    fragment.add_transition(p.transition("ab"))
    before = p.snapshot()
    dx, dy = beside(fragment)
    assert (dx, dy) == (540.0, 0.0)  # 0…500 wide, a 40 gap, on the 20 grid
    add = insertion(p, Fragment(fragment), dx, dy)
    history = History(p)
    history.push(add.edit())
    assert [s.name for s in p.stages] == ["A", "B", "A (2)", "B (2)"]
    assert len(p.transitions) == 2 and len(set(p.stage_ids)) == 4
    assert p.stage_ids[2] not in ("a", "b") and add.lanes == ()
    history.undo()
    assert p.snapshot() == before
