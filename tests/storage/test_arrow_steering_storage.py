"""Steered arrows (bend points, pinned ends, styles) and the document's arrow style are
kept in the SQLite document; files of the current release (layout 2) open with every
arrow automatic and re-save in layout 3."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.model import Anchor, ArrowStyle, Position
from salesdesigner.storage.document import (
    SCHEMA_VERSION,
    DocumentError,
    open_document,
    save_document,
)
from salesdesigner.storage.templates import load_template
from tests.storage.conftest import eight_step_as_released, fingerprint

RELEASE_FILE = Path(__file__).parent / "data" / "eight-step-ja-v2.salesdesign"


def test_a_file_the_current_release_wrote_opens_untouched_with_every_arrow_automatic(tmp_path):
    path = tmp_path / "release.salesdesign"
    shutil.copy(RELEASE_FILE, path)
    before = fingerprint(path)
    process = open_document(path)
    assert fingerprint(path) == before
    template = eight_step_as_released("ja")
    template.update_process(id=process.id)  # `salesdesigner new` gives it an id of its own
    assert process == template
    assert process.arrow_style is ArrowStyle.CURVED
    assert all(not t.steered and t.style is None for t in process.transitions)


def test_steering_a_release_file_and_saving_writes_the_current_layout_that_reopens_equal(tmp_path):
    path = tmp_path / "release.salesdesign"
    shutil.copy(RELEASE_FILE, path)
    process = open_document(path)
    first, second = process.transitions[0].id, process.transitions[1].id
    process.set_waypoints(first, [Position(100.5, -20), Position(300, -20)])
    process.set_anchor(first, "target", Anchor("top", 0.25))
    process.set_anchor(second, "source", Anchor("bottom", 1.0))
    process.set_arrow_style(second, ArrowStyle.STRAIGHT)
    process.update_process(arrow_style=ArrowStyle.ORTHOGONAL)
    save_document(process, path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 3
    assert db.execute("SELECT arrow_style FROM process").fetchall() == [("orthogonal",)]
    assert db.execute(
        "SELECT waypoints, target_side, target_position FROM transitions WHERE id = ?",
        (first,)).fetchone() == ("[[100.5, -20.0], [300.0, -20.0]]", "top", 0.25)
    db.close()
    again = open_document(path)
    assert again == process
    assert again.transition(second).style is ArrowStyle.STRAIGHT
    assert again.arrow_style is ArrowStyle.ORTHOGONAL


anchors = st.one_of(st.none(), st.builds(Anchor, st.sampled_from(["left", "right", "top",
                                                                  "bottom"]),
                                         st.floats(0, 1)))
points = st.lists(st.builds(Position, st.floats(-1e6, 1e6), st.floats(-1e6, 1e6)),
                  max_size=4)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_any_steering_survives_save_and_open(tmp_path_factory, data):
    process = load_template("the-model", "en")
    for t in process.transitions[:5]:
        process.set_waypoints(t.id, data.draw(points))
        process.set_anchor(t.id, "source", data.draw(anchors))
        process.set_anchor(t.id, "target", data.draw(anchors))
        process.set_arrow_style(t.id, data.draw(st.sampled_from([None, *ArrowStyle])))
    path = tmp_path_factory.mktemp("steer") / "x.salesdesign"
    save_document(process, path)
    assert open_document(path) == process


@pytest.mark.parametrize("column, value, words", [
    ("source_side", "diagonal", "unknown side"),
    ("target_position", 1.5, "spot from 0 to 1"),
    ("waypoints", "[[1, 2], [3]]", "bend points"),
    ("style", "wavy", "unknown arrow style"),
])
def test_a_hand_edited_steering_cell_is_a_clear_error_and_the_file_untouched(
        tmp_path, column, value, words):
    path = tmp_path / "x.salesdesign"
    process = load_template("eight-step", "en")
    save_document(process, path)
    tid = process.transitions[0].id
    db = sqlite3.connect(path)
    db.execute(f"UPDATE transitions SET {column} = ? WHERE id = ?", (value, tid))
    if column == "target_position":
        db.execute("UPDATE transitions SET target_side = 'left' WHERE id = ?", (tid,))
    db.commit()
    db.close()
    before = fingerprint(path)
    with pytest.raises(DocumentError) as err:
        open_document(path)
    assert words in str(err.value) and tid in str(err.value)
    assert fingerprint(path) == before
