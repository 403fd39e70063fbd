"""Output discipline (issue 16): every save, import and export writes only the file the
user named, through one atomic writer (salesdesigner/storage/files.py)."""

from __future__ import annotations

import errno
import multiprocessing
import os
import stat
import time
from pathlib import Path

import pytest

from salesdesigner.export.html import HtmlExportError, export_html
from salesdesigner.model import Attachment, Material, Process, Stage
from salesdesigner.storage import files
from salesdesigner.storage.document import DocumentError, save_document
from salesdesigner.storage.files import TEMP_SUFFIX, OutputError, write_atomically
from salesdesigner.storage.json_format import InterchangeError, export_json
from tests.hostile.helpers import new_document, one_error_line, run, tree

EXPORTS = [("json", "out.json"), ("graphml", "out.graphml"), ("pdf", "out.pdf"),
           ("html", "out.html")]


def attached() -> Process:
    p = Process(id="p", name="P", language="en")
    p.add_attachment(Attachment("a", "price list.pdf", b"%PDF-1.4 price", "application/pdf"))
    p.add_stage(Stage("s", "Propose", materials=(Material("Prices", "attachment:a"),)))
    return p


@pytest.fixture(scope="module")
def document(tmp_path_factory) -> Path:
    return new_document(tmp_path_factory.mktemp("doc") / "d.salesdesign")


def _dead_pid() -> int:
    child = multiprocessing.get_context("fork").Process(target=int)
    child.start()
    child.join()
    return child.pid


# ---------------------------------------------------------------- links and special files
def test_import_onto_a_dangling_symlink_is_refused_and_writes_nothing_elsewhere(tmp_path,
                                                                                 document):
    (tmp_path / "in").mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert run("export", "json", str(document), "-o", "in/x.json", cwd=tmp_path).returncode == 0
    (tmp_path / "in" / "LINK").symlink_to(elsewhere / "planted.salesdesign")
    for force in ([], ["--force"]):
        line = one_error_line(run("import", "json", "in/x.json", "-o", "in/LINK", *force,
                                  cwd=tmp_path))
        assert "symbolic link to a file that does not exist" in line
    line = one_error_line(run("export", "json", str(document), "-o", "in/LINK", cwd=tmp_path))
    assert "symbolic link" in line
    assert list(elsewhere.iterdir()) == []


def test_a_symlink_to_an_existing_file_is_written_through_and_kept(tmp_path):
    (tmp_path / "real.json").write_bytes(b"old")
    (tmp_path / "link.json").symlink_to("real.json")
    write_atomically(tmp_path / "link.json", b"new")
    assert (tmp_path / "link.json").is_symlink()
    assert (tmp_path / "real.json").read_bytes() == b"new"


def test_a_fifo_as_output_is_refused_without_opening_it(tmp_path, document):
    os.mkfifo(tmp_path / "pipe")
    line = one_error_line(run("export", "json", str(document), "-o", "pipe", cwd=tmp_path,
                              timeout=30))
    assert "not a regular file (a named pipe)" in line
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe").st_mode)


def test_a_character_device_as_output_is_never_replaced(tmp_path):
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("creating a device node needs root (the case the issue found)")
    for force in (False, True):
        with pytest.raises(OutputError, match=r"not a regular file \(a device\)"):
            write_atomically(device, b"data", force=force)
    assert stat.S_ISCHR(os.lstat(device).st_mode)


@pytest.mark.parametrize(("fmt", "name"), EXPORTS)
def test_an_output_folder_that_does_not_exist_is_never_created(tmp_path, document, fmt, name):
    line = one_error_line(run("export", fmt, str(document), "-o", f"missing/{name}",
                              cwd=tmp_path))
    assert "does not exist" in line
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- read-only and permissions
@pytest.mark.parametrize(("fmt", "name"), EXPORTS)
def test_every_export_refuses_a_read_only_file_unless_forced_and_keeps_its_mode(
        tmp_path, document, fmt, name):
    out = tmp_path / name
    out.write_bytes(b"keep me")
    out.chmod(0o444)  # by the mode bits: this holds for root too
    line = one_error_line(run("export", fmt, str(document), "-o", name, cwd=tmp_path))
    assert "read-only" in line and "--force" in line
    assert out.read_bytes() == b"keep me"
    assert run("export", fmt, str(document), "-o", name, "--force",
               cwd=tmp_path).returncode == 0
    assert out.read_bytes() != b"keep me"
    assert stat.S_IMODE(out.stat().st_mode) == 0o444


def test_saving_and_importing_refuse_a_read_only_document_unless_forced(tmp_path):
    path = tmp_path / "x.salesdesign"
    save_document(attached(), path)
    path.chmod(0o444)
    with pytest.raises(DocumentError, match="read-only"):
        save_document(Process(id="other"), path)
    save_document(Process(id="other"), path, force=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_replacing_a_private_file_keeps_it_private(tmp_path, document):
    for fmt, name in (("json", "out.json"), ("html", "out.html")):
        out = tmp_path / name
        out.write_bytes(b"secret")
        out.chmod(0o600)
        assert run("export", fmt, str(document), "-o", name, cwd=tmp_path).returncode == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o600


# ---------------------------------------------------------------- attachment folders
def test_no_attachments_folder_when_the_main_output_is_a_folder(tmp_path):
    (tmp_path / "out.json").mkdir()
    (tmp_path / "out.html").mkdir()
    with pytest.raises(InterchangeError, match="is a folder"):
        export_json(attached(), tmp_path / "out.json")
    with pytest.raises(HtmlExportError, match="is a folder"):
        export_html(attached(), tmp_path / "out.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.html", "out.json"]


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_a_failed_main_write_removes_the_attachments_folder_it_created(tmp_path, monkeypatch,
                                                                        fmt):
    real_replace = os.replace

    def disk_full(src, dst):  # attachments land, then the main file's rename fails
        if not str(dst).endswith((".pdf",)):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", disk_full)
    with pytest.raises((InterchangeError, HtmlExportError), match="(?i)no space left"):
        (export_json if fmt == "json" else export_html)(attached(), tmp_path / f"out.{fmt}")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_json_export_with_attachments_never_creates_a_missing_parent(tmp_path):
    with pytest.raises(InterchangeError, match="does not exist"):
        export_json(attached(), tmp_path / "missing" / "out.json")
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- temporaries
def test_stale_temporaries_of_killed_exports_are_cleaned_by_the_next_write(tmp_path):
    dead = _dead_pid()
    stale = tmp_path / f".out.json.{dead}.0badc0de{TEMP_SUFFIX}"
    busy = tmp_path / f".out.json.{os.getppid()}.0123abcd{TEMP_SUFFIX}"
    legacy = tmp_path / ".out.json.k3j_9xq2.tmp"  # mkstemp's, from older versions
    fresh_legacy = tmp_path / ".out.json.a1b2c3d4.tmp"
    for path in (stale, busy, legacy, fresh_legacy):
        path.write_bytes(b"half an export")
    old = time.time() - 3600
    os.utime(legacy, (old, old))
    write_atomically(tmp_path / "out.json", b"{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [busy.name, fresh_legacy.name, "out.json"])


def test_a_legal_250_byte_name_can_be_written(tmp_path, document):
    name = "営" * 80 + "x" * 5 + ".json"  # 240 + 5 + 5 = 250 bytes
    assert len(name.encode()) == 250
    result = run("export", "json", str(document), "-o", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
    write_atomically(tmp_path / name, b"again")
    assert (tmp_path / name).read_bytes() == b"again"


def test_a_refused_target_changes_nothing_in_its_folder(tmp_path):
    (tmp_path / "ro.json").write_bytes(b"x")
    (tmp_path / "ro.json").chmod(0o444)
    before = tree(tmp_path)
    with pytest.raises(OutputError):
        write_atomically(tmp_path / "ro.json", b"y")
    assert tree(tmp_path) == before
