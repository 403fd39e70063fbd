"""Every broken JSON document gives one clear InterchangeError naming the culprit, never a crash."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.model import UserError
from salesdesigner.storage.json_format import (
    InterchangeError,
    import_json,
    process_from_json,
    process_to_json,
)
from tests.interchange.test_json_roundtrip import sample

BASE: dict[str, Any] = json.loads(process_to_json(sample()))


def broken(change: Callable[[dict[str, Any]], object]) -> str:
    doc = copy.deepcopy(BASE)
    change(doc)
    return json.dumps(doc, ensure_ascii=False)


def stage(doc: dict[str, Any], n: int = 1) -> dict[str, Any]:
    return doc["stages"][n]


CASES: list[tuple[str, Callable[[dict[str, Any]], object], str]] = [
    ("wrong format", lambda d: d.update(format="other.thing"), "'other.thing'"),
    ("missing format", lambda d: d.pop("format"), "has no 'format'"),
    ("newer version", lambda d: d.update(version=2), "newer SalesDesigner"),
    ("version as text", lambda d: d.update(version="1"), "'version' must be a whole number"),
    ("version as bool", lambda d: d.update(version=True), "'version' must be a whole number"),
    ("version zero", lambda d: d.update(version=0), "version 0"),
    ("stages is a dict", lambda d: d.update(stages={}), "'stages' must be a list"),
    ("stage is a list", lambda d: d["stages"].__setitem__(0, []), "Stage 1 must be a JSON object"),
    ("process is a list", lambda d: d.update(process=[]), "'process' must be a JSON object"),
    ("empty stage id", lambda d: stage(d).update(id=""), "Stage 2 needs a non-empty text 'id'"),
    ("numeric stage id", lambda d: stage(d).update(id=5), "it is a number"),
    ("missing stage id", lambda d: stage(d).pop("id"), "it is missing"),
    ("duplicate stage id", lambda d: stage(d).update(id="start"), "Two stages have the id 'start'"),
    ("duplicate lane id", lambda d: d["lanes"].append(dict(d["lanes"][0])),
     "Two lanes have the id 'is'"),
    ("duplicate transition id", lambda d: d["transitions"][1].update(id="t1"),
     "Two transitions have the id 't1'"),
    ("unknown source", lambda d: d["transitions"][0].update(source="nowhere"),
     "Transition 't1': 'source' names unknown stage 'nowhere'"),
    ("missing target", lambda d: d["transitions"][0].pop("target"),
     "Transition 't1': 'target' is missing"),
    ("self-loop", lambda d: d["transitions"][0].update(target="start"),
     "Transition 't1' leads from stage 'start' to itself"),
    ("duplicate pair", lambda d: d["transitions"][1].update(source="start", target="approach"),
     "Transition 't2' duplicates 't1'"),
    ("unknown lane", lambda d: stage(d).update(lane="sales"),
     "Stage 'approach' refers to unknown lane 'sales'"),
    ("numeric lane", lambda d: stage(d).update(lane=3), "Stage 'approach' refers to unknown lane"),
    ("bad kind", lambda d: stage(d).update(kind="milestone"),
     "Stage 'approach': 'kind' is 'milestone', expected one of start | stage"),
    ("bad direction", lambda d: stage(d)["kpis"][0].update(direction="up"),
     "Stage 'approach', KPI 1: 'direction' is 'up'"),
    ("target as text", lambda d: stage(d)["kpis"][0].update(target="10"),
     "KPI 1: 'target' must be a number, not text"),
    ("target as bool", lambda d: stage(d)["kpis"][0].update(target=True),
     "'target' must be a number, not true/false"),
    ("huge integer target", lambda d: stage(d)["kpis"][0].update(target=10 ** 400),
     "'target' must be a finite number"),
    ("goal as number", lambda d: stage(d).update(goal=3), "Stage 'approach': 'goal' must be text"),
    ("exit criteria as text", lambda d: stage(d).update(exit_criteria="done"),
     "'exit_criteria' must be a list"),
    ("exit criterion as number", lambda d: stage(d).update(exit_criteria=["a", 2]),
     "item 2 of 'exit_criteria' must be text"),
    ("kpi is text", lambda d: stage(d).update(kpis=["rate"]),
     "Stage 'approach', KPI 1 must be a JSON object"),
    ("position missing x", lambda d: stage(d).update(position={"y": 1}),
     "Stage 'approach', position: 'x' is missing"),
    ("position is a list", lambda d: stage(d).update(position=[1, 2]),
     "'position' must be a JSON object"),
    ("extensions is a list", lambda d: stage(d).update(extensions=[]),
     "'extensions' must be a JSON object"),
    ("lane height zero", lambda d: d["lanes"][0].update(height=0), "'height' must be positive"),
    ("attachment escapes folder", lambda d: d["attachments"].append(
        {"id": "x", "filename": "p", "path": "../../etc/passwd"}), "must stay inside"),
    ("absolute attachment path", lambda d: d["attachments"].append(
        {"id": "x", "filename": "p", "path": "/etc/passwd"}), "must stay inside"),
    ("missing attachment file", lambda d: d["attachments"].append(
        {"id": "x", "filename": "p", "path": "gone.files/p.pdf"}), "is missing next to the JSON"),
]


@pytest.mark.parametrize("change,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule_violation_is_one_clear_line(change: Callable[[dict[str, Any]], object],
                                          expected: str, tmp_path: Path) -> None:
    with pytest.raises(InterchangeError) as info:
        process_from_json(broken(change), base_dir=tmp_path)
    message = str(info.value)
    assert expected in message
    assert "\n" not in message


@pytest.mark.parametrize("text,expected", [
    ("", "not valid JSON: Expecting value at line 1, column 1"),
    ('{"format": "salesdesigner.process",\n "version": 1,, }', "line 2, column 15"),
    ("[1, 2]", "it is not a JSON object"),
    ('{"format": "salesdesigner.process", "version": NaN}', "NaN"),
    ('{"format": "salesdesigner.process", "version": 1, "x": 1e999}', "too large"),
    ('{"format": "salesdesigner.process", "format": "x"}', "twice"),
    ('{"format": "salesdesigner.process", "version": 1, "process": {"name": "\\ud800"}}',
     "lone surrogate"),
    ("[" * 100000, "nested too deeply"),
], ids=["empty", "syntax", "array", "nan", "overflow", "duplicate-key", "surrogate", "deep"])
def test_text_that_is_not_a_valid_document_is_rejected(text: str, expected: str) -> None:
    with pytest.raises(InterchangeError, match=expected.replace("(", r"\(")):
        process_from_json(text)


def test_file_that_is_not_utf8_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "sjis.json"
    path.write_bytes('{\n  "name": "営業"\n}'.encode("cp932"))
    with pytest.raises(InterchangeError, match="not UTF-8 text: invalid byte at line 2, column 12"):
        import_json(path)


def test_missing_file_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError, match="Cannot read"):
        import_json(tmp_path / "nope.json")


def test_interchange_error_is_a_user_error() -> None:
    assert issubclass(InterchangeError, UserError)


json_anything = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False,
              allow_infinity=False), st.text(max_size=5)),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=8)
KEYS = ["process", "lanes", "stages", "transitions", "attachments"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(KEYS), st.data())
def test_wrong_json_types_anywhere_never_crash(key: str, data: st.DataObject) -> None:
    doc = copy.deepcopy(BASE)
    # Replace one value somewhere inside the chosen section with arbitrary JSON.
    target: Any = doc
    path = [key]
    node = doc[key]
    while isinstance(node, (dict, list)) and node and data.draw(st.booleans()):
        k = data.draw(st.sampled_from(list(node) if isinstance(node, dict) else
                                      list(range(len(node)))))
        path.append(k)
        node = node[k]
    for k in path[:-1]:
        target = target[k]
    target[path[-1]] = data.draw(json_anything)
    try:
        process_from_json(json.dumps(doc))
    except InterchangeError as exc:
        assert "\n" not in str(exc)


def test_attachment_path_through_a_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("secret")
    (tmp_path / "doc").mkdir()
    (tmp_path / "doc" / "link").symlink_to(tmp_path)
    text = broken(lambda d: d["attachments"].append(
        {"id": "x", "filename": "s", "path": "link/secret.txt"}))
    with pytest.raises(InterchangeError, match="must stay inside"):
        process_from_json(text, base_dir=tmp_path / "doc")
