"""Exports are written whole or not at all, with ordinary file permissions."""

from __future__ import annotations

import os
import stat

import pytest

from salesdesigner.storage import files
from salesdesigner.storage.files import write_atomically


def test_written_file_has_the_permissions_a_plain_write_would_get(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomically(tmp_path / "manual.pdf", b"%PDF")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "manual.pdf").stat().st_mode) == 0o644
    assert (tmp_path / "manual.pdf").read_bytes() == b"%PDF"


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "x.json"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.json"]
