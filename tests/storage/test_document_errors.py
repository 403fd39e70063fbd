"""Files that are not readable SalesDesigner documents give one clear line and stay untouched."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from salesdesigner.model import Process, Stage
from salesdesigner.model.errors import UserError
from salesdesigner.storage.document import DocumentError, open_document, save_document
from tests.storage.conftest import fingerprint, sample_process


def _other_app(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("create table notes(id integer primary key, body text)")
        db.execute("insert into notes(body) values ('hello')")
    db.close()


def _edited(sql: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        save_document(sample_process(), path)
        db = sqlite3.connect(path)
        with db:
            db.execute(sql)
        db.close()
    return make


def _truncated(path: Path) -> None:
    save_document(sample_process(), path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _scribbled(path: Path) -> None:
    """A page in the middle overwritten with garbage (a disk error, a bad copy)."""
    save_document(sample_process(), path)
    data = bytearray(path.read_bytes())
    data[4096 * 2: 4096 * 3] = os.urandom(4096)
    path.write_bytes(bytes(data))


BAD = {
    "empty": (lambda p: p.write_bytes(b""), "is empty"),
    "random bytes": (lambda p: p.write_bytes(os.urandom(5000)), "not an SQLite database"),
    "text file": (lambda p: p.write_text("just some notes\n"), "not an SQLite database"),
    "short sqlite magic": (lambda p: p.write_bytes(b"SQLite format 3\x00"),
                           "not an SQLite database"),
    "another app's database": (_other_app, "another program"),
    "newer schema version": (_edited("pragma user_version = 9999"), "newer version"),
    "zero schema version": (_edited("pragma user_version = 0"), "unknown document format 0"),
    "truncated": (_truncated, "incomplete"),
    "scribbled page": (_scribbled, "damaged"),
    "table dropped": (_edited("drop table kpis"), "damaged"),
    "two process rows": (_edited("insert into process select 'x', name, description, "
                                 "language, currency, company, revision, logo, extensions, "
                                 "arrow_style from process"), "2 rows"),
    "text in a number column": (_edited("update stages set x = 'left'"), "number"),
    "number in a text column": (_edited("update stages set name = x'00ff' where id = 'won'"),
                                "text"),
    "broken extensions json": (_edited("update stages set extensions = '{nope'"), "JSON"),
    "extensions not an object": (_edited("update lanes set extensions = '[1]'"), "JSON object"),
    "orphan kpi": (_edited("update kpis set stage_id = 'ghost'"), "unknown stage 'ghost'"),
    "unknown lane": (_edited("update stages set lane = 'nowhere' where id = 'won'"),
                     "unknown lane"),
    "arrow to nowhere": (_edited("update transitions set target = 'ghost' where id = 't1'"),
                         "unknown stage"),
}


@pytest.mark.parametrize("kind", list(BAD))
def test_bad_file_gives_one_line_document_error_and_is_not_touched(tmp_path, kind):
    make, expected = BAD[kind]
    path = tmp_path / "bad.salesdesign"
    make(path)
    before = fingerprint(path)
    with pytest.raises(DocumentError) as info:
        open_document(path)
    message = str(info.value)
    assert isinstance(info.value, UserError)
    assert "\n" not in message and "Traceback" not in message
    assert expected in message
    assert str(path) in message
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.salesdesign"]


def test_missing_file_and_folder_are_clear_errors(tmp_path):
    with pytest.raises(DocumentError, match="does not exist"):
        open_document(tmp_path / "nowhere.salesdesign")
    with pytest.raises(DocumentError, match="is a folder"):
        open_document(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_opening_a_read_only_file_in_a_read_only_folder_works(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "x.salesdesign"
    save_document(sample_process(), path)
    before = fingerprint(path)
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        assert open_document(path) == sample_process()
    finally:
        folder.chmod(0o755)
    assert fingerprint(path) == before


def test_opening_connects_read_only_and_leaves_bytes_and_mtime(tmp_path, monkeypatch):
    path = tmp_path / "x.salesdesign"
    save_document(sample_process(), path)
    before = fingerprint(path)
    connections: list[tuple[object, dict]] = []
    real_connect = sqlite3.connect

    def recording_connect(target, *args, **kwargs):
        connections.append((target, kwargs))
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", recording_connect)
    for _ in range(3):
        assert open_document(path) == sample_process()
    monkeypatch.undo()
    assert len(connections) == 3
    for target, kwargs in connections:
        assert str(target).startswith("file:") and str(target).endswith("?mode=ro&immutable=1")
        assert kwargs.get("uri") is True
    assert fingerprint(path) == before


def test_saving_into_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(DocumentError, match="does not exist"):
        save_document(sample_process(), tmp_path / "no" / "x.salesdesign")


def test_saving_onto_a_folder_is_refused(tmp_path):
    with pytest.raises(DocumentError, match="is a folder"):
        save_document(sample_process(), tmp_path)


def test_failed_save_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "x.salesdesign"
    save_document(sample_process(), path)
    before = fingerprint(path)
    broken = Process(id="p")
    broken.add_stage(Stage("s", "lone \ud800 surrogate"))
    with pytest.raises(DocumentError, match="invalid character"):
        save_document(broken, path)
    unsavable = Process(id="p", extensions={"x-set": {1, 2}})
    with pytest.raises(DocumentError, match="cannot be stored"):
        save_document(unsavable, path)
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.salesdesign"]


def test_saving_into_a_read_only_folder_is_a_clear_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with pytest.raises(DocumentError, match="permission denied"):
            save_document(sample_process(), folder / "x.salesdesign")
    finally:
        folder.chmod(0o755)


def test_file_switched_to_wal_by_another_tool_opens_without_creating_files(tmp_path):
    path = tmp_path / "x.salesdesign"
    save_document(sample_process(), path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    db.close()
    before = fingerprint(path)
    assert open_document(path) == sample_process()
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.salesdesign"]


def test_file_with_pending_write_ahead_log_is_refused_untouched(tmp_path):
    path = tmp_path / "x.salesdesign"
    save_document(sample_process(), path)
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    with writer:
        writer.execute("UPDATE stages SET name = 'changed elsewhere'")
    try:
        before = fingerprint(path)
        with pytest.raises(DocumentError, match="another program"):
            open_document(path)
        assert fingerprint(path) == before
    finally:
        writer.close()


def test_file_with_a_hot_rollback_journal_is_refused_untouched(tmp_path):
    path = tmp_path / "x.salesdesign"
    save_document(sample_process(), path)
    journal = tmp_path / "x.salesdesign-journal"
    journal.write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\x00" * 504)
    before = fingerprint(path), fingerprint(journal)
    with pytest.raises(DocumentError, match="another program"):
        open_document(path)
    assert (fingerprint(path), fingerprint(journal)) == before


def test_a_spent_rollback_journal_does_not_block_opening(tmp_path):
    path = tmp_path / "x.salesdesign"
    save_document(sample_process(), path)
    (tmp_path / "x.salesdesign-journal").write_bytes(b"\x00" * 512)  # journal_mode=PERSIST
    assert open_document(path) == sample_process()


@pytest.mark.parametrize(("step", "error", "expected"), [
    ("fsync", OSError(errno.ENOSPC, "No space left on device"), "no space left on device"),
    ("replace", PermissionError(errno.EACCES, "Permission denied"), "permission denied"),
])
def test_failure_late_in_a_save_keeps_the_old_file_and_cleans_up(tmp_path, monkeypatch, step,
                                                                 error, expected):
    path = tmp_path / "x.salesdesign"
    save_document(sample_process(), path)
    before = fingerprint(path)

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(os, step, fail)
    with pytest.raises(DocumentError) as info:
        save_document(Process(id="new"), path)
    monkeypatch.undo()
    assert str(info.value) == f"Cannot save {path}: {expected}."
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.salesdesign"]
