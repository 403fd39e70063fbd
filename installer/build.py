"""Build the one-folder SalesDesigner application for the platform this runs on.

    python installer/build.py [--no-archive] [--clean]

Output (``dist/`` and ``build/`` are git-ignored):

* ``dist/SalesDesigner/``: the application folder; run ``dist/SalesDesigner/salesdesigner``
  (``SalesDesigner.exe`` on Windows; ``dist/SalesDesigner.app`` on macOS).  On Linux it also
  holds ``share/`` (desktop entry, MIME type, icons) and ``install.sh``, which registers
  them for the user.
* the file users download: ``dist/SalesDesigner-<version>-linux-x86_64.tar.gz`` (Linux),
  ``dist/SalesDesigner-Setup-<version>.exe`` (Windows, when Inno Setup's ``iscc`` is on
  PATH: installer/windows/salesdesigner.iss), ``dist/SalesDesigner-<version>.dmg`` (macOS:
  installer/macos/make-dmg.sh); an AppImage with installer/linux/appimage.sh.
* ``dist/build-report.json``: sizes and the build time.

The tool is PyInstaller (``pip install -e .[build]``); nothing else is fetched: Qt, Python
and the fonts come from the installed packages and this checkout.  What of Qt goes in is
decided by ``installer/bundle_filter.py``; icons are rendered by ``installer/icons.py``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "installer"
DIST, BUILD = ROOT / "dist", ROOT / "build"
APP_DIR = DIST / "SalesDesigner"
EXECUTABLE = "salesdesigner.exe" if sys.platform == "win32" else "salesdesigner"

sys.path.insert(0, str(HERE))
from icons import make_icons  # noqa: E402


def version() -> str:
    text = (ROOT / "salesdesigner" / "__init__.py").read_text(encoding="utf-8")
    return text.split('__version__ = "', 1)[1].split('"', 1)[0]


def platform_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    return f"{system}-{platform.machine().lower()}"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def run_pyinstaller(clean: bool) -> None:
    command = [sys.executable, "-m", "PyInstaller", str(HERE / "salesdesigner.spec"),
               "--noconfirm", "--log-level", "WARN",
               "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller")]
    if clean:
        command.append("--clean")
    subprocess.run(command, check=True, cwd=ROOT)


def add_linux_integration(app_dir: Path, icons: Path) -> None:
    """The desktop entry, the MIME type, the hicolor icons and the user's install script."""
    share = app_dir / "share"
    linux = HERE / "linux"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    shutil.copy2(linux / "salesdesigner.desktop", share / "applications")
    (share / "mime" / "packages").mkdir(parents=True, exist_ok=True)
    shutil.copy2(linux / "salesdesigner-mime.xml",
                 share / "mime" / "packages" / "salesdesigner.xml")
    shutil.copytree(icons / "hicolor", share / "icons" / "hicolor", dirs_exist_ok=True)
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy2(linux / script, app_dir / script)
        (app_dir / script).chmod(0o755)


def missing_libraries(app_dir: Path) -> dict[str, list[str]]:
    """Linux: the shared libraries each bundled binary needs that neither the bundle nor
    this system provides (a trimming rule that went too far shows up here, not at a user's)."""
    internal = app_dir / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    missing: dict[str, list[str]] = {}
    for path in sorted(internal.rglob("*.so*")):
        if path.is_symlink() and not path.exists():
            missing[str(path.relative_to(app_dir))] = ["(dangling link)"]
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        lost = [line.split()[0] for line in out.splitlines() if "not found" in line]
        if lost:
            missing[str(path.relative_to(app_dir))] = lost
    return missing


def strip_binaries(app_dir: Path) -> int:
    """Strip the bundled ELF libraries that can take it (bundle_filter.may_strip): about
    40 MB of symbols.  PyInstaller's own strip option strips everything, which broke
    numpy's OpenBLAS.  Returns how many files were stripped."""
    sys.path.insert(0, str(HERE))
    try:
        from bundle_filter import may_strip
    finally:
        sys.path.remove(str(HERE))
    if not (shutil.which("strip") and shutil.which("readelf")):
        return 0
    stripped = 0
    for path in sorted((app_dir / "_internal").rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True,
                                 text=True).stdout
        if may_strip(str(path.relative_to(app_dir)), dynamic):
            subprocess.run(["strip", str(path)], check=True)
            stripped += 1
    return stripped


def pack(app_dir: Path, out: Path) -> None:
    """A tarball whose one top folder is ``SalesDesigner-<version>``."""
    top = f"SalesDesigner-{version()}"
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(app_dir, arcname=top)


def build(*, archive: bool = True, clean: bool = False) -> dict[str, object]:
    started = time.perf_counter()
    icons = make_icons(BUILD / "icons")
    run_pyinstaller(clean)
    app_dir = DIST / "SalesDesigner.app" if sys.platform == "darwin" else APP_DIR
    if sys.platform.startswith("linux"):
        add_linux_integration(app_dir, BUILD / "icons")
        strip_binaries(app_dir)
        if shutil.which("ldd") and (missing := missing_libraries(app_dir)):
            raise SystemExit("error: the bundle lacks libraries: " + "; ".join(
                f"{k}: {', '.join(v)}" for k, v in missing.items()))
    built = time.perf_counter() - started
    report: dict[str, object] = {
        "version": version(), "platform": platform_tag(), "tool": "PyInstaller",
        "folder": str(app_dir.relative_to(ROOT)),
        "executable": "Contents/MacOS/salesdesigner" if sys.platform == "darwin" else EXECUTABLE,
        "unpacked_bytes": folder_size(app_dir),
        "files": sum(1 for p in app_dir.rglob("*") if p.is_file()),
        "build_seconds": round(built, 1),
    }
    if archive and sys.platform != "darwin":
        out = DIST / f"SalesDesigner-{version()}-{platform_tag()}.tar.gz"
        started = time.perf_counter()
        pack(app_dir, out)
        report.update(archive=str(out.relative_to(ROOT)), packed_bytes=out.stat().st_size,
                      pack_seconds=round(time.perf_counter() - started, 1))
    if sys.platform == "win32" and shutil.which("iscc"):
        subprocess.run(["iscc", f"/DAppVersion={version()}",
                        str(HERE / "windows" / "salesdesigner.iss")], check=True)
        report["installer"] = f"dist/SalesDesigner-Setup-{version()}.exe"
    elif sys.platform == "darwin":
        subprocess.run(["sh", str(HERE / "macos" / "make-dmg.sh"), version()], check=True)
        report["installer"] = f"dist/SalesDesigner-{version()}.dmg"
    (DIST / "build-report.json").write_text(json.dumps(report, indent=2) + "\n")
    del icons
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-archive", action="store_true", help="skip the tar.gz")
    parser.add_argument("--clean", action="store_true",
                        help="rebuild from scratch (no PyInstaller cache in build/)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the icon renderer needs no display
    if importlib.util.find_spec("PyInstaller") is None:
        print("error: PyInstaller is not installed here; run: pip install -e '.[build]'",
              file=sys.stderr)
        return 2
    try:
        report = build(archive=not args.no_archive, clean=args.clean)
    except subprocess.CalledProcessError as exc:
        print(f"error: the build stopped: PyInstaller exited with {exc.returncode} "
              "(its messages are above)", file=sys.stderr)
        return 1
    mb = 1024 * 1024
    print(f"built {report['folder']}: {report['unpacked_bytes'] / mb:.0f} MB in "
          f"{report['files']} files, {report['build_seconds']} s")
    if "packed_bytes" in report:
        print(f"packed {report['archive']}: {int(report['packed_bytes']) / mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
