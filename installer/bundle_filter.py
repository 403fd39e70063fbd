"""What of Qt goes into the frozen bundle: the plugins and translations SalesDesigner loads,
nothing else (an untrimmed PySide6 bundle is ~200 MB, most of it QML, Quick and the
translations of 30 languages).  Used by ``salesdesigner.spec``; names are bundle paths
such as ``PySide6/Qt/plugins/platforms/libqxcb.so``."""

from __future__ import annotations

import re

#: plugin folder → the plugins kept (stems without ``lib``/``q`` prefixes); None keeps all
PLUGINS: dict[str, tuple[str, ...] | None] = {
    # xcb: X11 and XWayland; offscreen: the headless sub-commands (screenshot); the
    # native Cocoa and Windows platforms on those systems
    "platforms": ("xcb", "offscreen", "minimal", "cocoa", "windows", "direct2d"),
    "xcbglintegrations": None,            # xcb asks for them when a window opens
    # the portal's native file dialogs; gtk3 would bring GTK and 40 of its libraries
    "platformthemes": ("xdgdesktopportal",),
    # compose keys and ibus (Japanese input methods); not the QML virtual keyboard
    "platforminputcontexts": ("composeplatforminputcontextplugin",
                              "ibusplatforminputcontextplugin"),
    "imageformats": ("svg", "jpeg", "gif", "ico", "webp", "icns"),  # attachments, icons
    "iconengines": None,                  # SVG icons
    "printsupport": None,                 # File ▸ Print of the manual (CUPS)
    "styles": None,                       # the native look on Windows and macOS
}

#: Qt libraries of modules the app never loads (their Python modules are excluded too)
#: (QtGui needs QtDBus and QtPdf needs QtNetwork, so those two libraries stay)
UNUSED_LIBRARIES = re.compile(
    r"^(lib)?Qt6(Qml|Quick|Sql|Test|Designer|Help|Labs|Lottie|PdfQuick|SvgWidgets|"
    r"Concurrent|UiTools|ShaderTools|VirtualKeyboard)")

#: Linux libraries every desktop has, which must match the running system rather than the
#: build machine's (font configuration, the print server, the session bus, X11 itself):
#: taken from the system, as AppImage's exclude list does.  Qt's xcb helpers
#: (libxcb-cursor, -icccm, …) are often missing on a desktop and stay bundled.
HOST_LIBRARIES = re.compile(
    r"^lib(cups|gnutls|krb5|k5crypto|gssapi_krb5|krb5support|com_err|keyutils|avahi-[a-z]+|"
    r"p11-kit|tasn1|idn2|unistring|nettle|hogweed|gmp|systemd|gcrypt|gpg-error|lz4|cap|"
    r"selinux|mount|blkid|pcre2-8|ffi|fontconfig|freetype|expat|png16|brotli[a-z]*|"
    r"glib-2\.0|gio-2\.0|gobject-2\.0|gmodule-2\.0|gthread-2\.0|dbus-1|X11|X11-xcb|xcb|"
    r"Xau|Xdmcp|bsd|md|uuid|EGL|GL|GLX|OpenGL|GLdispatch|drm|gbm|wayland-[a-z]+)\.so(\.|$)")

#: Qt's own translations: the languages of our UI (English needs none)
KEPT_TRANSLATIONS = re.compile(r"qtbase_ja\.qm$")


def _plugin_kept(folder: str, filename: str) -> bool:
    kept = PLUGINS.get(folder, ())
    if kept is None:
        return True
    stem = re.sub(r"^(lib)?q?", "", filename.split(".")[0]).lower()
    return any(stem == k or stem == f"{k}d" for k in kept)


def keep_binary(name: str) -> bool:
    """Whether the bundle path ``name`` of a library or plugin goes into the bundle."""
    parts = name.replace("\\", "/").split("/")
    if "plugins" in parts:
        at = parts.index("plugins")
        if len(parts) > at + 2:
            return _plugin_kept(parts[at + 1], parts[-1])
    if "qml" in parts:
        return False
    if UNUSED_LIBRARIES.search(parts[-1]):
        return False
    return not (len(parts) == 1 and HOST_LIBRARIES.search(parts[-1]))


def keep_data(name: str) -> bool:
    """Whether the bundle path ``name`` of a data file goes into the bundle."""
    path = name.replace("\\", "/")
    if "/translations/" in path and path.startswith("PySide6/"):
        return bool(KEPT_TRANSLATIONS.search(path))
    if "/qml/" in path or path.startswith("PySide6/Qt/qml"):
        return False
    return keep_binary(name)


def _is_dependency_library(name: str) -> bool:
    """A library that is in the bundle only because something else links to it."""
    parts = name.replace("\\", "/").split("/")
    if len(parts) == 1:
        return parts[0].startswith("lib") and ".so" in parts[0] \
            and not parts[0].startswith("libpython")
    return "/".join(parts[:-1]) in ("PySide6/Qt/lib", "pillow.libs")


def prune_orphans(binaries: list, imports) -> list:
    """Drop the libraries no kept binary links to any more (what a dropped plugin such as
    platformthemes/gtk3 had pulled in: GTK, cairo, pango, …).  ``imports(path)`` lists the
    library names a binary needs (ldd: the whole closure)."""
    entries = [tuple(e) for e in binaries]
    by_name: dict[str, list[tuple]] = {}
    for entry in entries:
        by_name.setdefault(entry[0].replace("\\", "/").rsplit("/", 1)[-1], []).append(entry)
    reached: set[tuple] = set()
    todo = [e for e in entries if not _is_dependency_library(e[0])]
    seen_sources: set[str] = set()
    while todo:
        entry = todo.pop()
        if entry in reached:
            continue
        reached.add(entry)
        if entry[1] in seen_sources:
            continue
        seen_sources.add(entry[1])
        if entry[2] == "SYMLINK":  # its target is reached by the same name
            continue
        for needed in imports(entry[1]):
            todo.extend(by_name.get(needed.rsplit("/", 1)[-1], ()))
    return [e for e in entries if e in reached]


def drop_dangling_links(toc: list, kept_names: set[str]) -> list:
    """Without the symbolic links whose target is no longer collected (PyInstaller links
    ``libQt6X.so.6`` at the top to ``PySide6/Qt/lib/``; a pruned target leaves the link)."""
    import posixpath
    kept = []
    for entry in toc:
        dest, src, typecode = entry[0], entry[1], entry[2]
        if typecode == "SYMLINK":
            target = posixpath.normpath(posixpath.join(posixpath.dirname(dest), src))
            if target not in kept_names:
                continue
        kept.append(entry)
    return kept


def may_strip(name: str, dynamic_section: str) -> bool:
    """Whether binutils' ``strip`` may shrink the bundled ELF file ``name`` (a bundle path).
    Not the libraries a wheel vendored and patched with patchelf (``numpy.libs/``,
    ``pillow.libs/``), nor the extensions whose run path points at them: strip rewrites
    their load commands out of page alignment and the loader refuses them ("ELF load
    command address/offset not page-aligned").  ``dynamic_section`` is ``readelf -d``'s
    output for the file."""
    parts = name.replace("\\", "/").split("/")
    if any(part.endswith(".libs") for part in parts[:-1]):
        return False
    for line in dynamic_section.splitlines():
        if ("(RPATH)" in line or "(RUNPATH)" in line) and ".libs" in line:
            return False
    return True
