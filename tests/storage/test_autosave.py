"""The autosave files (a document and its JSON note) are a storage format: written and
read back without Qt, a missing note never hides the work."""

from __future__ import annotations

from salesdesigner.model import Process
from salesdesigner.storage.autosave import find_autosaves, remove_autosave, write_autosave
from salesdesigner.storage.disk_state import DiskState
from salesdesigner.storage.document import open_document


def test_an_autosave_reads_back_with_its_file_name_and_disk_state(tmp_path):
    process = Process(name="見込み客 <draft>", language="ja")
    disk = DiskState(1_700_000_000_000_000_000, 1234, "ab" * 32)
    entry = write_autosave(tmp_path, "tok1", process, "/docs/plan.salesdesign", disk)
    [found] = find_autosaves(tmp_path)
    assert (found.token, found.original_path, found.name, found.disk) == (
        "tok1", "/docs/plan.salesdesign", "見込み客 <draft>", disk)
    assert found.saved_at == entry.saved_at
    assert open_document(found.document).name == "見込み客 <draft>"
    remove_autosave(found)
    assert find_autosaves(tmp_path) == []


def test_a_document_whose_note_is_lost_is_still_offered_nameless(tmp_path):
    entry = write_autosave(tmp_path, "tok2", Process(name="Plan"), None)
    entry.meta.write_text("{not json", encoding="utf-8")
    [found] = find_autosaves(tmp_path)
    assert (found.token, found.original_path, found.name, found.disk) == ("tok2", None, "", None)
    assert found.saved_at > 0


def test_newest_autosave_comes_first(tmp_path):
    import os

    old = write_autosave(tmp_path, "old", Process(name="Old"), None)
    new = write_autosave(tmp_path, "new", Process(name="New"), None)
    text = old.meta.read_text(encoding="utf-8").replace(f'"saved_at": {old.saved_at}',
                                                         f'"saved_at": {new.saved_at - 60}')
    old.meta.write_text(text, encoding="utf-8")
    assert [a.token for a in find_autosaves(tmp_path)] == ["new", "old"]
    assert os.path.exists(new.document)
