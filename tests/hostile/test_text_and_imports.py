"""Text-level oddities and hostile interchange files (issue 16): one clear error line,
never a silent misreading, never a hang; the input is never changed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from salesdesigner.model.geometry import stage_rect
from salesdesigner.storage.csv_import import import_csv
from salesdesigner.storage.json_format import InterchangeError, import_json
from tests.hostile.helpers import one_error_line, run, tree


def _doc(**extra) -> dict:
    doc = {"format": "salesdesigner.process", "version": 1, "process": {"name": "x"},
           "stages": [{"id": "a", "name": "A", "position": {"x": 0, "y": 0}}],
           "transitions": []}
    doc.update(extra)
    return doc


@pytest.mark.parametrize(("name", "data", "words"), [
    ("two BOMs", "\ufeff\ufeff" + json.dumps(_doc()), "two byte-order marks"),
    ("y = 1e12", json.dumps(_doc(stages=[{"id": "a", "name": "A",
                                          "position": {"x": 0, "y": 1e12}}])),
     "Stage 'a', position: 'y' is outside ±100,000,000"),
    ("y = 1e308", json.dumps(_doc(stages=[{"id": "a", "name": "A",
                                           "position": {"x": 0, "y": 1e308}}])),
     "is outside ±100,000,000"),
    ("y = 9e999", json.dumps(_doc()).replace('"y": 0', '"y": 9e999'), "too large"),
    ("lane 1e12 high", json.dumps(_doc(lanes=[{"id": "l", "name": "L", "height": 1e12}])),
     "'height' must be positive and at most"),
    ("duration 1e300", json.dumps(_doc(stages=[{"id": "a", "name": "A",
                                                "duration_days": 1e300}])),
     "'duration_days' must be between 0 and 100,000 days"),
    ("4,000-digit version", json.dumps(_doc()).replace('"version": 1', '"version": ' + "9" * 4000),
     "format version 9999"),
    ("extensions 150 deep", json.dumps(_doc(process={"name": "x", "extensions": {
        "deep": json.loads("[" * 150 + "]" * 150)}})), "nested too deeply"),
])
def test_hostile_json_is_one_short_error_line_and_stays_untouched(tmp_path, name, data,
                                                                  words):
    (tmp_path / "in.json").write_text(data, encoding="utf-8")
    before = tree(tmp_path)
    line = one_error_line(run("import", "json", "in.json", "-o", "x.salesdesign",
                              cwd=tmp_path))
    assert words in line
    assert len(line) < 300  # the 4,000 digits are never echoed
    assert tree(tmp_path) == before


def test_a_fifo_named_as_an_attachment_is_refused_without_blocking(tmp_path):
    (tmp_path / "in.files").mkdir()
    os.mkfifo(tmp_path / "in.files" / "pipe.pdf")
    doc = _doc(attachments=[{"id": "p", "filename": "p.pdf", "path": "in.files/pipe.pdf"}])
    (tmp_path / "in.json").write_text(json.dumps(doc), encoding="utf-8")
    line = one_error_line(run("import", "json", "in.json", "-o", "x.salesdesign",
                              cwd=tmp_path, timeout=30))
    assert "not a regular file (a named pipe)" in line
    os.mkfifo(tmp_path / "pipe.json")
    line = one_error_line(run("import", "json", "pipe.json", "-o", "y.salesdesign",
                              cwd=tmp_path, timeout=30))
    assert "not a regular file" in line
    assert not (tmp_path / "x.salesdesign").exists() and not (tmp_path / "y.salesdesign").exists()


@pytest.mark.parametrize(("raw", "words"), [
    (b'name,goal\n"A,g\nB,g\nC,g\n', 'Line 2: a quote (") opened in this row is never closed'),
    (b"name,goal\nA,g\nB\x00,g\n", "Line 3: the CSV file holds a NUL byte"),
    ("\ufeff\ufeffname\nA\n".encode(), "two byte-order marks"),
    (b"name,duration_days\nA,200000\n", "must be between 0 and 100,000 days"),
])
def test_csv_oddities_are_one_error_line_naming_the_line(tmp_path, raw, words):
    (tmp_path / "in.csv").write_bytes(raw)
    line = one_error_line(run("import", "csv", "in.csv", "-o", "x.salesdesign", cwd=tmp_path))
    assert words in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_a_quoted_cell_with_a_line_break_still_imports(tmp_path):
    (tmp_path / "in.csv").write_bytes(b'name,goal\n"A\nB",g\nC,g\n')
    process = import_csv(tmp_path / "in.csv")
    assert [s.name for s in process.stages][1:3] == ["A\nB", "C"]


def test_positionless_stages_among_placed_ones_get_free_spots_without_overlap(tmp_path):
    stages = [{"id": "p0", "name": "placed", "position": {"x": 100, "y": 100}},
              {"id": "p1", "name": "placed", "position": {"x": 340, "y": 100}}]
    stages += [{"id": f"s{n}", "name": f"S{n}"} for n in range(300)]
    (tmp_path / "in.json").write_text(json.dumps(_doc(stages=stages)), encoding="utf-8")
    process = import_json(tmp_path / "in.json")
    rects = sorted((stage_rect(s) for s in process.stages), key=lambda r: (r.y, r.x))
    for i, a in enumerate(rects):  # sorted by row: only neighbours can overlap
        for b in rects[i + 1:i + 40]:
            assert not (a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom)
    assert process.stage("p0").position.x == 100  # the placed ones stay where they were
    xs = {s.position.x for s in process.stages if s.id.startswith("s")}
    assert len(xs) > 10  # a block, not one long column


def test_json_reader_refuses_what_its_own_depth_guard_refuses(tmp_path):
    doc = _doc(process={"name": "x", "extensions": {"d": json.loads("[" * 99 + "]" * 99)}})
    (tmp_path / "ok.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InterchangeError, match="nested too deeply"):
        import_json(tmp_path / "ok.json")
    doc = _doc(process={"name": "x", "extensions": {"d": json.loads("[" * 90 + "]" * 90)}})
    (tmp_path / "ok.json").write_text(json.dumps(doc), encoding="utf-8")
    assert import_json(tmp_path / "ok.json").extensions["d"]


def test_a_missing_attachment_file_is_still_named_missing(tmp_path: Path):
    doc = _doc(attachments=[{"id": "p", "filename": "p.pdf", "path": "in.files/none.pdf"}])
    (tmp_path / "in.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InterchangeError, match="is missing next to the JSON file"):
        import_json(tmp_path / "in.json")
