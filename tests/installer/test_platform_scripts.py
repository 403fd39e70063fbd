"""The Windows and macOS installer scripts this machine cannot run are checked for what
they promise: a per-user Windows install with the .salesdesign association and its icon,
and a macOS bundle declaring the same document type as the Linux MIME XML."""

from __future__ import annotations

import plistlib
import re
import subprocess
import sys

from tests.installer.conftest import ROOT

INSTALLER = ROOT / "installer"


def _iss() -> str:
    return (INSTALLER / "windows" / "salesdesigner.iss").read_text(encoding="utf-8")


def test_the_windows_setup_installs_per_user_without_admin_rights():
    iss = _iss()
    assert re.search(r"^PrivilegesRequired=lowest$", iss, re.M)
    assert re.search(r"^DefaultDirName=\{autopf\}\\", iss, re.M)  # per-user Programs folder
    assert "OutputBaseFilename=SalesDesigner-Setup-{#AppVersion}" in iss
    registry = [line for line in iss.splitlines() if line.startswith("Root:")]
    assert registry and all(line.startswith("Root: HKA;") for line in registry)  # HKCU here
    assert "HKLM" not in iss and "{commonprograms}" not in iss


def test_the_windows_setup_associates_the_document_with_its_own_icon():
    iss = _iss()
    assert r'Subkey: "Software\Classes\.salesdesign"; ValueType: string; ValueName: ""; ' \
           r'ValueData: "{#ProgId}"' in iss
    assert r'"""{app}\salesdesign-document.ico"",0"' in iss
    assert r'build\icons\salesdesign-document.ico"; DestDir: "{app}"' in iss
    assert '"""{app}\\{#AppExe}"" ""%1"""' in iss
    assert "ChangesAssociations=yes" in iss
    # uninstall deletes the program's own keys and folder only, never documents
    uninstall = iss.split("[UninstallDelete]", 1)[1]
    assert all("{app}" in line for line in uninstall.splitlines()
               if line.startswith("Type:"))


def test_the_macos_bundle_exports_the_document_type():
    with open(INSTALLER / "macos" / "Info.plist", "rb") as handle:
        info = plistlib.load(handle)
    (document,) = info["CFBundleDocumentTypes"]
    (exported,) = info["UTExportedTypeDeclarations"]
    assert document["LSItemContentTypes"] == [exported["UTTypeIdentifier"]]
    assert document["CFBundleTypeRole"] == "Editor"
    tags = exported["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == ["salesdesign"]
    mime = (INSTALLER / "linux" / "salesdesigner-mime.xml").read_text()
    assert f'type="{tags["public.mime-type"][0]}"' in mime  # one type on every platform
    assert info["CFBundleExecutable"] == "salesdesigner"  # the spec's EXE name


def test_every_icon_the_installers_name_is_made_by_the_icon_script(qapp, tmp_path):
    # (qapp first: a QGuiApplication made by the icon script would break later widget tests)
    sys.path.insert(0, str(INSTALLER))
    try:
        from icons import make_icons
        made = make_icons(tmp_path)
    finally:
        sys.path.remove(str(INSTALLER))
    with open(INSTALLER / "macos" / "Info.plist", "rb") as handle:
        info = plistlib.load(handle)
    named = {info["CFBundleIconFile"], info["CFBundleDocumentTypes"][0]["CFBundleTypeIconFile"],
             "salesdesigner.ico", "salesdesign-document.ico"}
    assert named <= set(made)
    from PIL import Image
    with Image.open(made["salesdesign-document.ico"]) as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(made["salesdesigner.icns"]) as icns:
        assert icns.size[0] >= 512
    for size in (16, 32, 48, 128, 256, 512):
        with Image.open(tmp_path / f"hicolor/{size}x{size}/apps/salesdesigner.png") as png:
            assert png.size == (size, size) and png.mode == "RGBA"
            assert png.getpixel((0, 0))[3] == 0  # transparent corner (rounded tile)


def test_the_shell_scripts_parse():
    for script in ("linux/install.sh", "linux/uninstall.sh", "linux/appimage.sh",
                   "macos/make-dmg.sh"):
        result = subprocess.run(["sh", "-n", str(INSTALLER / script)], capture_output=True,
                                text=True)
        assert result.returncode == 0, (script, result.stderr)


def test_the_bundle_filter_keeps_what_the_app_loads():
    sys.path.insert(0, str(INSTALLER))
    try:
        from bundle_filter import drop_dangling_links, keep_binary, keep_data, prune_orphans
    finally:
        sys.path.remove(str(INSTALLER))
    plugins = "PySide6/Qt/plugins/"
    for kept in (f"{plugins}platforms/libqxcb.so", f"{plugins}platforms/qwindows.dll",
                 f"{plugins}platforms/libqcocoa.dylib", f"{plugins}imageformats/libqsvg.so",
                 f"{plugins}platforminputcontexts/libibusplatforminputcontextplugin.so",
                 "PySide6/Qt/lib/libQt6Network.so.6", "libxcb-cursor.so.0", "libsqlite3.so.0"):
        assert keep_binary(kept), kept
    for dropped in (f"{plugins}platforms/libqwayland.so", f"{plugins}platformthemes/libqgtk3.so",
                    f"{plugins}imageformats/libqtiff.so", f"{plugins}sqldrivers/libqsqlite.so",
                    "PySide6/Qt/lib/libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Qml.so.6",
                    "libcups.so.2", "libfontconfig.so.1", "libX11.so.6", "libglib-2.0.so.0"):
        assert not keep_binary(dropped), dropped
    assert keep_data("PySide6/Qt/translations/qtbase_ja.qm")
    assert not keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep_data("PySide6/Qt/translations/qtdeclarative_ja.qm")
    # a library only a dropped plugin needed goes too; a shared one stays
    binaries = [("PySide6/Qt/plugins/platforms/libqxcb.so", "/x/libqxcb.so", "BINARY"),
                ("libxcb-cursor.so.0", "/x/libxcb-cursor.so.0", "BINARY"),
                ("libgtk-3.so.0", "/x/libgtk-3.so.0", "BINARY")]
    needs = {"/x/libqxcb.so": ["libxcb-cursor.so.0"]}
    kept = prune_orphans(binaries, lambda path: needs.get(path, []))
    assert [e[0] for e in kept] == ["PySide6/Qt/plugins/platforms/libqxcb.so",
                                    "libxcb-cursor.so.0"]
    links = [("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
             ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK")]
    assert drop_dangling_links(links, {"PySide6/Qt/lib/libQt6Gui.so.6"}) == links[:1]


def test_the_build_strips_only_what_survives_stripping():
    sys.path.insert(0, str(INSTALLER))
    try:
        from bundle_filter import may_strip
    finally:
        sys.path.remove(str(INSTALLER))
    plain = " 0x000000000000000e (SONAME)  Library soname: [libQt6Core.so.6]\n"
    repaired = " 0x000000000000001d (RUNPATH)  Library runpath: [$ORIGIN/../pillow.libs]\n"
    assert may_strip("_internal/PySide6/Qt/lib/libQt6Core.so.6", plain)
    assert may_strip("_internal/libpython3.11.so.1.0", "")
    assert not may_strip("_internal/numpy.libs/libscipy_openblas64_-32a4b2a6.so", plain)
    assert not may_strip("_internal/PIL/_imaging.cpython-311-x86_64-linux-gnu.so", repaired)


def test_building_without_pyinstaller_is_one_error_line_not_a_traceback(tmp_path):
    """A developer who ran the plain install (no [build] extra) is told what to install."""
    probe = tmp_path / "no_pyinstaller.py"
    probe.write_text(
        "import importlib.util, runpy, sys\n"
        "real = importlib.util.find_spec\n"
        "importlib.util.find_spec = (\n"
        "    lambda name, *a: None if name == 'PyInstaller' else real(name, *a))\n"
        "sys.argv = ['build.py', '--no-archive']\n"
        f"runpy.run_path({str(INSTALLER / 'build.py')!r}, run_name='__main__')\n",
        encoding="utf-8")
    result = subprocess.run([sys.executable, str(probe)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2
    assert result.stderr.startswith("error: PyInstaller is not installed")
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
