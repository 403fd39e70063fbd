"""The Linux desktop integration: the desktop entry and the MIME type validate, and once the
download's install.sh has run in a scratch home, the desktop names a SalesDesigner document
``application/x-salesdesign`` (by its name, and by its content when renamed) and opens it
with SalesDesigner; uninstall.sh takes it all away and leaves the documents."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from salesdesigner.storage.schema import APPLICATION_ID
from tests.installer.conftest import ROOT, need_tool

LINUX = ROOT / "installer" / "linux"
# the bundle is built once, into one dist/: under pytest-xdist these tests share a worker
pytestmark = [pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only"),
              pytest.mark.xdist_group("bundle")]


def test_the_desktop_entry_validates():
    tool = need_tool("desktop-file-validate")
    result = subprocess.run([tool, str(LINUX / "salesdesigner.desktop")], capture_output=True,
                            text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_the_mime_type_is_well_formed_and_accepted_by_the_mime_database(tmp_path):
    xmllint = need_tool("xmllint")
    result = subprocess.run([xmllint, "--noout", str(LINUX / "salesdesigner-mime.xml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(LINUX / "salesdesigner-mime.xml", packages / "salesdesigner.xml")
    update = need_tool("update-mime-database")
    result = subprocess.run([update, "-V", str(tmp_path / "mime")], capture_output=True,
                            text=True)
    assert result.returncode == 0 and "warning" not in result.stderr.lower(), result.stderr
    assert "application/x-salesdesign" in (tmp_path / "mime" / "types").read_text()


def test_the_mime_magic_is_the_documents_application_id():
    text = (LINUX / "salesdesigner-mime.xml").read_text()
    assert f'value="0x{APPLICATION_ID:08X}"' in text
    assert 'type="big32" offset="68"' in text  # where SQLite keeps PRAGMA application_id


def _query(home: Path, *args: str) -> str:
    env = {**os.environ, "HOME": str(home), "XDG_CURRENT_DESKTOP": "GNOME",
           "XDG_DATA_HOME": str(home / ".local" / "share")}
    env.pop("XDG_DATA_DIRS", None)
    result = subprocess.run([need_tool("xdg-mime"), "query", *args], capture_output=True,
                            text=True, env=env, timeout=60)
    return result.stdout.strip()


@pytest.mark.slow
def test_install_sh_registers_the_type_and_the_menu_entry_for_the_user(bundle, tmp_path):
    need_tool("gio")  # xdg-mime asks GIO, which reads the user's MIME database
    need_tool("update-mime-database")
    with tarfile.open(bundle.archive) as tar:
        tar.extractall(tmp_path / "download", filter="data")
    (unpacked,) = (tmp_path / "download").iterdir()
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home)}
    env.pop("XDG_DATA_HOME", None)
    result = subprocess.run(["sh", str(unpacked / "install.sh")], capture_output=True,
                            text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr

    from salesdesigner.storage.document import save_document
    from salesdesigner.storage.templates import load_template
    plan = tmp_path / "plan.salesdesign"
    save_document(load_template("eight-step", "en"), plan)
    renamed = tmp_path / "sent by mail.dat"
    renamed.write_bytes(plan.read_bytes())
    other = tmp_path / "other.sqlite"
    subprocess.run(["sqlite3", str(other), "create table t(x);"], check=True)

    assert _query(home, "filetype", str(plan)) == "application/x-salesdesign"
    assert _query(home, "filetype", str(renamed)) == "application/x-salesdesign"
    assert _query(home, "filetype", str(other)) != "application/x-salesdesign"
    assert _query(home, "default", "application/x-salesdesign") == "salesdesigner.desktop"

    share = home / ".local" / "share"
    entry = (share / "applications" / "salesdesigner.desktop").read_text()
    installed = home / ".local" / "lib" / "salesdesigner" / "salesdesigner"
    assert f'Exec="{installed}" %f' in entry and installed.is_file()
    assert subprocess.run([need_tool("desktop-file-validate"),
                           str(share / "applications" / "salesdesigner.desktop")]).returncode == 0
    for size in (16, 48, 256):
        assert (share / f"icons/hicolor/{size}x{size}/apps/salesdesigner.png").is_file()
        assert (share / f"icons/hicolor/{size}x{size}/mimetypes/"
                "application-x-salesdesign.png").is_file()
    version = subprocess.run([str(home / ".local/bin/salesdesigner"), "--version"],
                             capture_output=True, text=True, env=env, timeout=60)
    assert version.stdout.startswith("SalesDesigner ")

    result = subprocess.run(["sh", str(installed.parent / "uninstall.sh")],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert not installed.parent.exists()
    assert not (share / "applications" / "salesdesigner.desktop").exists()
    assert _query(home, "filetype", str(plan)) != "application/x-salesdesign"
    assert plan.is_file() and renamed.is_file()  # the user's documents stay
