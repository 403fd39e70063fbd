"""Steered arrows in the interchange JSON: written only when set, read back equal, and
values a newer version may add are kept (not refused, not dropped)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.model import Anchor, ArrowStyle, Position
from salesdesigner.storage.json_format import InterchangeError, process_from_json, process_to_json
from salesdesigner.storage.templates import load_template


def _doc(process) -> dict:
    return json.loads(process_to_json(process))


def test_automatic_arrows_write_no_steering_fields():
    doc = _doc(load_template("eight-step", "ja"))
    assert "arrow_style" not in doc["process"]
    for t in doc["transitions"]:
        assert set(t) == {"id", "source", "target", "label", "condition", "extensions"}


def test_steered_arrows_and_the_document_style_are_written_and_read_back():
    p = load_template("eight-step", "ja")
    tid = p.transitions[2].id
    p.set_waypoints(tid, [Position(10, 20), Position(30.5, 20)])
    p.set_anchor(tid, "source", Anchor("bottom", 0.25))
    p.set_arrow_style(tid, ArrowStyle.ORTHOGONAL)
    p.update_process(arrow_style=ArrowStyle.STRAIGHT)
    doc = _doc(p)
    assert doc["process"]["arrow_style"] == "straight"
    t = next(t for t in doc["transitions"] if t["id"] == tid)
    assert t["waypoints"] == [{"x": 10, "y": 20}, {"x": 30.5, "y": 20}]
    assert t["source_anchor"] == {"side": "bottom", "position": 0.25}
    assert "target_anchor" not in t and t["style"] == "orthogonal"
    assert process_from_json(process_to_json(p)) == p


anchors = st.one_of(st.none(), st.builds(Anchor, st.sampled_from(["left", "right", "top",
                                                                  "bottom"]),
                                         st.floats(0, 1)))


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_steering_round_trips_through_json(data):
    p = load_template("the-model", "ja")
    for t in p.transitions[:4]:
        p.set_waypoints(t.id, data.draw(st.lists(st.tuples(st.floats(-1e6, 1e6),
                                                           st.floats(-1e6, 1e6)), max_size=3)))
        p.set_anchor(t.id, "target", data.draw(anchors))
        p.set_arrow_style(t.id, data.draw(st.sampled_from([None, *ArrowStyle])))
    p.update_process(arrow_style=data.draw(st.sampled_from(list(ArrowStyle))))
    assert process_from_json(process_to_json(p)) == p


def test_a_style_or_side_from_a_newer_version_is_kept_and_the_arrow_stays_automatic():
    doc = _doc(load_template("eight-step", "en"))
    doc["process"]["arrow_style"] = "spline"
    t = doc["transitions"][0]
    t["style"] = "zigzag"
    t["source_anchor"] = {"side": "corner", "position": 0.5}
    t["x-future"] = {"nested": [1, 2]}
    p = process_from_json(json.dumps(doc))
    first = p.transitions[0]
    assert first.style is None and first.source_anchor is None
    assert first.extensions["style"] == "zigzag" and first.extensions["x-future"]
    assert p.arrow_style is ArrowStyle.CURVED
    again = _doc(p)["transitions"][0]
    assert again["extensions"]["source_anchor"] == {"side": "corner", "position": 0.5}


@pytest.mark.parametrize("field, value, words", [
    ("waypoints", "north", "'waypoints' must be a list"),
    ("waypoints", [{"x": "1", "y": 2}], "bend point"),
    ("target_anchor", [1, 2], "'target_anchor' must be an object"),
])
def test_steering_of_the_wrong_kind_is_a_one_line_error_naming_the_arrow(field, value, words):
    doc = _doc(load_template("eight-step", "en"))
    doc["transitions"][0][field] = value
    with pytest.raises(InterchangeError) as err:
        process_from_json(json.dumps(doc))
    assert words in str(err.value) and doc["transitions"][0]["id"] in str(err.value)
    assert "\n" not in str(err.value)


def test_steering_an_older_version_kept_as_extensions_is_read_as_steering_again():
    """The current release keeps fields it does not know under 'extensions' and writes
    them there: reading that file back restores the arrows the manager steered."""
    p = load_template("eight-step", "ja")
    tid = p.transitions[1].id
    p.set_waypoints(tid, [Position(1, 2)])
    p.set_anchor(tid, "source", Anchor("top", 0.3))
    p.set_arrow_style(tid, ArrowStyle.STRAIGHT)
    p.update_process(arrow_style=ArrowStyle.ORTHOGONAL)
    doc = _doc(p)
    t = doc["transitions"][1]  # as the release writes it back: moved into 'extensions'
    t["extensions"] = {k: t.pop(k) for k in ("waypoints", "source_anchor", "style")}
    doc["process"]["extensions"]["arrow_style"] = doc["process"].pop("arrow_style")
    assert process_from_json(json.dumps(doc)) == p
