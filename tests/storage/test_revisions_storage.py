"""Published revisions live in the document (layout 5) as immutable snapshots without the
actuals; they list, open as a Process, and survive every later save unchanged.  A file of the
previous release (layout 4) opens untouched with no revisions."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from salesdesigner.model import Attachment, Material
from salesdesigner.model.actuals.record import EMPTY_ACTUALS
from salesdesigner.model.entities import Measure
from salesdesigner.storage.document import (
    SCHEMA_VERSION,
    DocumentError,
    open_document,
    save_document,
)
from salesdesigner.storage.revisions import (
    RevisionError,
    list_revisions,
    load_ref,
    load_revision,
    publish_revision,
    revision_state,
    split_ref,
)
from salesdesigner.storage.templates import load_template
from tests.actuals.strategies import sample_actuals
from tests.storage.conftest import approach_kpis_as_released, fingerprint, sample_process
from tests.strategies import processes

V4_FILE = Path(__file__).parent / "data" / "eight-step-ja-v4.salesdesign"
WHEN = datetime(2026, 12, 1, 9, 30, 5)


def _content(process):
    """The process without what a revision never holds (actuals, the revision list)."""
    copy = process.copy()
    copy.actuals, copy.revisions = EMPTY_ACTUALS, ()
    return copy


def _v4_content():
    """What the layout-4 file was written from by the release before revisions
    (tests/storage/data/eight-step-ja-v4.salesdesign), actuals included."""
    p = approach_kpis_as_released(load_template("eight-step", "ja"))
    p.update_process(id="release-v4", company="株式会社サンプル", revision="2026年12月版")
    from salesdesigner.model import Position
    p.set_waypoints(p.transitions[0].id, [Position(120.5, -40), Position(310, -40)])
    p.add_attachment(Attachment("deck", "提案書.pdf", b"%PDF-1.4 v4\x00\xff", "application/pdf"))
    s = p.stages[2]
    p.update_stage(s.id, goal=s.goal + "（v4で編集）", duration_days=12.5,
                   materials=s.materials + (Material("提案書", "attachment:deck", "v4"),))
    stage = p.stage("proposal")
    p.replace_stage(dataclasses.replace(stage, kpis=(
        dataclasses.replace(stage.kpis[0], measure=Measure.CONVERSION, measure_to="closing"),
        *stage.kpis[1:])))
    p.set_actuals(sample_actuals())
    return p


def test_a_layout_4_file_of_the_previous_release_opens_unchanged_with_no_revisions(tmp_path):
    path = tmp_path / "release.salesdesign"
    shutil.copy(V4_FILE, path)
    before = fingerprint(path)
    process = open_document(path)
    assert process == _v4_content()
    assert process.revisions == () and list_revisions(path) == []
    assert revision_state(process).latest is None and revision_state(process).is_draft
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release.salesdesign"]


def test_publishing_a_layout_4_file_writes_layout_5_keeping_actuals_out_of_the_revision(
        tmp_path):
    path = tmp_path / "release.salesdesign"
    shutil.copy(V4_FILE, path)
    process = open_document(path)
    info = publish_revision(process, path, title="初版", author="山田", note="四半期の開始",
                            published_at=WHEN)
    assert (info.number, info.title, info.author, info.note, info.published_at) == (
        1, "初版", "山田", "四半期の開始", WHEN)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 5
    rows = db.execute("SELECT number, title, published_at, author, note FROM revisions"
                      ).fetchall()
    assert rows == [(1, "初版", "2026-12-01T09:30:05", "山田", "四半期の開始")]
    stored = db.execute("SELECT content FROM revisions").fetchone()[0]
    blobs = b"".join(r[0] for r in db.execute("SELECT data FROM revision_files"))
    db.close()
    assert blobs == b"%PDF-1.4 v4\x00\xff"  # the attachment's bytes, once
    for secret in ("OPP-0001", "山田太郎", "基幹刷新", "Jane", "1200000", "export 4月"):
        assert secret not in stored  # deal data never goes into a revision
    back = open_document(path)
    assert back == process and back.actuals == sample_actuals()
    assert load_revision(path, 1) == _content(_v4_content())


def test_revisions_never_change_when_the_draft_is_edited_and_saved_again(tmp_path):
    path = tmp_path / "x.salesdesign"
    process = sample_process()
    publish_revision(process, path, title="one", published_at=WHEN)
    first = sqlite3.connect(path).execute("SELECT * FROM revisions").fetchall()
    process.update_process(name="changed draft")
    process.update_stage("approach", goal="新しい目標")
    publish_revision(process, path, title="two")
    process.update_stage("approach", goal="下書き")
    save_document(process, path)
    rows = sqlite3.connect(path).execute("SELECT * FROM revisions ORDER BY number").fetchall()
    assert rows[0] == first[0] and [r[0] for r in rows] == [1, 2]
    assert load_revision(path, 1) == _content(sample_process())
    assert load_revision(path, 2).stage("approach").goal == "新しい目標"
    assert open_document(path).stage("approach").goal == "下書き"
    assert [(i.number, i.title) for i in list_revisions(path)] == [(1, "one"), (2, "two")]


def test_revision_state_says_which_revision_the_draft_is(tmp_path):
    path = tmp_path / "x.salesdesign"
    process = sample_process()
    assert revision_state(process) == revision_state(process)  # never published
    assert revision_state(process).shown is None and revision_state(process).latest is None
    one = publish_revision(process, path, title="one")
    assert revision_state(process).shown == one == revision_state(process).latest
    process.update_stage("approach", goal="changed")
    state = revision_state(process)
    assert state.is_draft and state.latest == one
    process.update_stage("approach", goal=sample_process().stage("approach").goal)
    assert revision_state(process).shown == one  # back to what was published


def test_a_failed_publish_leaves_the_process_and_the_file_as_they_were(tmp_path):
    path = tmp_path / "x.salesdesign"
    process = sample_process()
    publish_revision(process, path, title="one")
    before = fingerprint(path)
    with pytest.raises(DocumentError):
        publish_revision(process, tmp_path / "missing" / "x.salesdesign", title="two")
    assert [r.number for r in process.revisions] == [1]
    with pytest.raises(RevisionError, match="needs a title"):
        publish_revision(process, path, title="  ")
    assert fingerprint(path) == before


def test_asking_for_a_revision_that_does_not_exist_is_one_clear_error(tmp_path):
    path = tmp_path / "x.salesdesign"
    process = sample_process()
    save_document(process, path)
    with pytest.raises(RevisionError, match="has no revision 1 .it was never published"):
        load_revision(path, 1)
    with pytest.raises(RevisionError, match="no published revision yet"):
        load_ref(path, "latest")
    publish_revision(process, path, title="a")
    publish_revision(process, path, title="b")
    with pytest.raises(RevisionError, match=r"has no revision 7 \(it has revisions 1–2\)"):
        load_revision(path, 7)
    assert load_ref(path, "latest") == load_revision(path, 2)
    assert load_ref(path, "draft") == open_document(path)


def test_file_at_revision_splits_only_when_the_file_does_not_exist_as_named(tmp_path):
    odd = tmp_path / "a@3"  # a file named with an @, beside a file named like its start
    odd.write_bytes(b"")
    (tmp_path / "a").write_bytes(b"")
    x = tmp_path / "x.salesdesign"
    x.write_bytes(b"")
    assert split_ref(str(odd)) == (str(odd), None)
    assert split_ref(f"{x}@3") == (str(x), 3)
    assert split_ref(f"{x}@LATEST") == (str(x), "latest")
    assert split_ref(f"{x}@draft") == (str(x), "draft")
    assert split_ref(f"{tmp_path}/missing@3") == (f"{tmp_path}/missing@3", None)
    for bad in ("@0", "@-1", "@three", "@", "@３", "@" + "9" * 30):
        with pytest.raises(RevisionError, match="is not a revision"):
            split_ref(f"{x}{bad}")


@pytest.mark.parametrize(("sql", "message"), [
    ("UPDATE revisions SET published_at = 'yesterday'", "not an ISO 8601"),
    ("UPDATE revisions SET number = 0", "number that is not"),
    ("UPDATE revisions SET title = x'00ff'", "where text belongs"),
    ("UPDATE revisions SET note = printf('%.*c', 100001, 'x')", "longer than"),
])
def test_a_crafted_revision_row_is_one_clear_error_and_the_file_untouched(tmp_path, sql,
                                                                          message):
    path = tmp_path / "x.salesdesign"
    publish_revision(sample_process(), path, title="one")
    db = sqlite3.connect(path)
    db.execute(sql)
    db.commit()
    db.close()
    before = fingerprint(path)
    with pytest.raises(DocumentError, match=message):
        open_document(path)
    assert fingerprint(path) == before


@pytest.mark.parametrize("sql", [
    "DELETE FROM revision_files",
    "UPDATE revision_files SET data = x'00'",
    "UPDATE revisions SET content = '{\"format\": \"nope\"}'",
    "UPDATE revisions SET content = '[[[[' ",
])
def test_a_damaged_snapshot_is_reported_when_that_revision_is_opened(tmp_path, sql):
    path = tmp_path / "x.salesdesign"
    publish_revision(sample_process(), path, title="one")
    db = sqlite3.connect(path)
    db.execute(sql)
    db.commit()
    db.close()
    assert open_document(path) == open_document(path)  # the draft still opens
    with pytest.raises(RevisionError, match=r"revision 1 is damaged"):
        load_revision(path, 1)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.data_too_large])
@given(processes(max_stages=6))
def test_any_process_published_opens_back_as_the_same_content(tmp_path_factory, process):
    path = tmp_path_factory.mktemp("rev") / "x.salesdesign"
    try:
        publish_revision(process, path, title="<b>\"版\"</b> 😀", published_at=WHEN)
    except RevisionError as exc:  # only what JSON cannot hold (an extension's big number…)
        pytest.skip(str(exc))
    assert load_revision(path, 1) == _content(process)
    assert open_document(path) == process
