"""What the application is made of and under which licences, read from what is installed
(or bundled) rather than typed by hand: the Python distributions SalesDesigner requires,
walked from its own metadata (``importlib.metadata``), and the fonts in
``resources/fonts``, from each font file's own name table (family, version, licence)."""

from __future__ import annotations

import re
import struct
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from salesdesigner.paths import resource

_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_LICENCE_CLASSIFIER = "License :: "


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    licence_file: str = ""  # the full text shipped beside it (fonts)


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def licence_of(meta) -> str:
    """A distribution's licence as its metadata states it: the SPDX expression, else a
    short License field, else the licence classifiers."""
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    field = (meta.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= 80:
        return field
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or ()
                   if c.startswith(_LICENCE_CLASSIFIER)]
    if classifiers:
        return ", ".join(dict.fromkeys(classifiers))
    return field.splitlines()[0][:80] if field else "see the distribution's metadata"


def _requirements(dist: metadata.Distribution) -> list[str]:
    """The names a distribution requires, without optional extras."""
    names = []
    for requirement in dist.requires or ():
        name, _, marker = requirement.partition(";")
        if "extra" in marker:
            continue
        found = _NAME.match(name)
        if found:
            names.append(found.group(1))
    return names


def python_components(root: str = "salesdesigner") -> list[Component]:
    """Every installed distribution ``root`` needs (recursively), ``root`` left out,
    sorted by name; Python itself first."""
    seen: dict[str, Component] = {}
    python = Component("Python", sys.version.split()[0], "PSF-2.0")
    try:
        todo = list(_requirements(metadata.distribution(root)))
    except metadata.PackageNotFoundError:  # run from a bare checkout: nothing to read
        return [python]
    while todo:
        name = todo.pop()
        if _normal(name) in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:  # not for this platform (a marker)
            continue
        meta = dist.metadata
        seen[_normal(name)] = Component(meta["Name"], meta["Version"] or "", licence_of(meta))
        todo.extend(_requirements(dist))
    return [python, *sorted(seen.values(), key=lambda c: c.name.lower())]


def font_names(path: Path) -> dict[int, str]:
    """The English (or first) strings of a TrueType font's ``name`` table, by name id."""
    data = path.read_bytes()
    count = struct.unpack_from(">H", data, 4)[0]
    for i in range(count):
        tag, _, offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if tag == b"name":
            break
    else:
        return {}
    _, records, strings = struct.unpack_from(">HHH", data, offset)
    found: dict[int, tuple[int, str]] = {}
    for i in range(records):
        platform, _, language, name_id, length, start = struct.unpack_from(
            ">HHHHHH", data, offset + 6 + 12 * i)
        raw = data[offset + strings + start: offset + strings + start + length]
        if platform == 3:  # Windows: UTF-16; US English preferred
            text, rank = raw.decode("utf-16-be", "replace"), 0 if language == 0x409 else 1
        elif platform == 1:  # Macintosh Roman
            text, rank = raw.decode("mac_roman", "replace"), 2
        else:
            continue
        if name_id not in found or rank < found[name_id][0]:
            found[name_id] = (rank, " ".join(text.split()))
    return {name_id: text for name_id, (_, text) in found.items()}


def font_components() -> list[Component]:
    """The bundled fonts: family, version and licence from each file's name table."""
    folder = resource("fonts")
    texts = sorted(folder.glob("LICENSE-*.txt"), key=lambda p: -len(p.stem))
    families: dict[str, Component] = {}
    for path in sorted(folder.glob("*.tt[fc]")):
        names = font_names(path)
        family = names.get(16) or names.get(1) or path.stem
        version = re.sub(r"^Version\s*", "", names.get(5, "")).split(";")[0].strip()
        text = next((t for t in texts if path.stem.startswith(t.stem[len("LICENSE-"):])), None)
        licence = (_stated_licence(text) if text else "") \
            or _short_licence(names.get(13) or names.get(14) or "")
        families.setdefault(family, Component(family, version, licence,
                                              text.name if text else ""))
    return sorted(families.values(), key=lambda c: c.name.lower())


def _stated_licence(text: Path) -> str:
    """The first ``License:`` of a Debian copyright file: the one of the font files."""
    for line in text.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("License:") and line[8:].strip():
            return line[8:].strip()
    return ""


def _short_licence(text: str) -> str:
    """A font's licence description cut to its first sentence (some hold the whole text)."""
    first = re.split(r"(?<=[.。])\s", text, maxsplit=1)[0]
    return first if len(first) <= 160 else first[:159] + "…"
