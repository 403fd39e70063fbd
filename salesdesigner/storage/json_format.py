"""The JSON interchange format (``/work/shared/spec/process-json.md``, version 1).

Writing is deterministic so files diff well under version control: keys in the spec's
order, ``ensure_ascii=False``, two-space indent, a trailing newline, and numbers that hold
a whole value written as integers (``10.0`` → ``10``; ``-0.0`` → ``0``, equal to it).

Compatible extensions to version 1 ("later versions add fields"):

* process fields ``company``, ``revision`` and ``logo`` (an attachment id); lane ``height``;
* KPI fields ``measure`` (what its actual is computed from: ``conversion`` | ``win_rate`` |
  ``entries`` | ``days_in_stage`` | ``won_amount`` | ``won_count``; absent or null: not
  measured) and ``measure_to`` (for ``conversion``, the next stage's id; absent or "": any
  won stage), written only when set, so KPIs without a measure export as before;
* a top-level ``attachments`` list of ``{"id", "filename", "mime_type", "path"}``.  When the
  bytes are written beside the JSON (``attachments="beside"``) they go into the sibling
  folder ``<json stem>.files/`` and ``path`` is relative to the JSON's folder, with ``/``
  separators.  With ``attachments="omit"`` the entries carry no ``path``; an entry without
  a path (or read without a ``base_dir``) creates **no** attachment on import: materials
  and the logo keep their ``attachment:<id>`` reference, which then dangles, and the
  importer never invents empty files.  Paths are confined to the JSON's folder.

Unknown fields: a field this version does not know, on the process, a lane, stage, KPI,
action, script, material or transition, is stored in that object's ``extensions`` under its
own key; unknown top-level fields go into the process's ``extensions`` (the process's own
win a clash).  On export
``extensions`` is written as the spec's ``"extensions"`` object (always on the process,
stages and transitions, as the spec shows; on lanes, KPIs, actions, scripts and materials
only when non-empty).  If a file holds the same key both as a field and inside
``extensions``, the field wins.  Unknown fields of attachment entries are ignored.
A document's stages without any ``position`` are laid out automatically; when only some
lack one, those are placed in free spots below the others.  Positions, lane heights and
durations must lie in :mod:`.limits`' ranges, and the file may nest at most
``MAX_NESTING`` levels (the document reader holds extensions to the same).  Exporting
beside an older export overwrites its files but never deletes stale ones.

This module writes (and is the package's interchange API); :mod:`.json_reader` reads and
checks, :mod:`.json_keys` holds the keys both use.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Literal

from salesdesigner.model import Direction, Kpi, Process, Stage, StageKind
from salesdesigner.model.attachment_files import safe_filename
from salesdesigner.model.entities import ArrowStyle, Measure
from salesdesigner.storage.arrow_json import steering_to_json
from salesdesigner.storage.files import AtomicOutput, OutputError, write_beside
from salesdesigner.storage.json_keys import (
    FORMAT,
    MAX_SAFE_INT,
    PROCESS_KEYS,
    VERSION,
    InterchangeError,
    quoted,
)

# reading lives in json_reader; this module stays the interchange API (import from here)
from salesdesigner.storage.json_reader import (  # noqa: F401 - re-exported
    decode_utf8,
    import_json,
    process_from_json,
)

__all__ = ["FORMAT", "VERSION", "InterchangeError", "atomic_write", "attachment_filenames",
           "attachment_files", "attachments_dir_for", "decode_utf8", "export_json",
           "import_json", "json_number", "process_from_json", "process_to_json"]


def json_number(value: float | None, where: str, field: str) -> int | float | None:
    """A number as JSON writes it: whole values as integers, others exactly (repr)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InterchangeError(f"{where}: {field} is not a number.")
    if not math.isfinite(value):
        raise InterchangeError(f"{where}: {field} is not a finite number, so JSON cannot hold it.")
    if float(value).is_integer() and abs(value) < MAX_SAFE_INT:
        return int(value)
    return float(value)


def _ext(extensions: dict[str, Any], where: str) -> dict[str, Any]:
    try:
        json.dumps(extensions, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise InterchangeError(f"{where}: its extensions cannot be written as JSON "
                               f"({exc}).") from None
    return extensions


def _with_ext(data: dict[str, Any], extensions: dict[str, Any], where: str,
              always: bool) -> dict[str, Any]:
    if always or extensions:
        data["extensions"] = _ext(extensions, where)
    return data


def _kpi_to_json(k: Kpi, where: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": k.id, "name": k.name,
        "target": json_number(k.target, f"{where}, KPI {quoted(k.name)}", "target"),
        "unit": k.unit, "direction": Direction(k.direction).value, "definition": k.definition}
    if k.measure is not None:  # only when set: files of KPIs without one stay as they were
        data["measure"] = Measure(k.measure).value
        if k.measure_to:
            data["measure_to"] = k.measure_to
    return data


def _stage_to_json(s: Stage) -> dict[str, Any]:
    where = f"Stage {quoted(s.id)}"
    return _with_ext({
        "id": s.id,
        "name": s.name,
        "kind": StageKind(s.kind).value,
        "lane": s.lane,
        "position": {"x": json_number(s.position.x, where, "x"),
                     "y": json_number(s.position.y, where, "y")},
        "goal": s.goal,
        "description": s.description,
        "exit_criteria": list(s.exit_criteria),
        "duration_days": json_number(s.duration_days, where, "duration_days"),
        "kpis": [_with_ext(_kpi_to_json(k, where), k.extensions, where, False)
                 for k in s.kpis],
        "actions": [_with_ext({"title": a.title, "owner": a.owner, "timing": a.timing,
                               "detail": a.detail}, a.extensions, where, False)
                    for a in s.actions],
        "scripts": [_with_ext({"title": c.title, "situation": c.situation, "body": c.body},
                              c.extensions, where, False) for c in s.scripts],
        "materials": [_with_ext({"title": m.title, "uri": m.uri, "note": m.note},
                                m.extensions, where, False) for m in s.materials],
        "tips": list(s.tips),
    }, s.extensions, where, True)


def attachment_filenames(process: Process) -> dict[str, str]:
    """Attachment id → a safe, unique file name for writing its bytes beside a JSON file."""
    taken: set[str] = set()
    result: dict[str, str] = {}
    for att in process.attachments.values():
        base = safe_filename(att.filename)
        stem, dot, suffix = base.rpartition(".")
        if not dot or not stem:
            stem, suffix = base, ""
        candidate, n = base, 2
        while candidate.casefold() in taken:
            candidate = f"{stem}-{n}.{suffix}" if suffix else f"{stem}-{n}"
            n += 1
        taken.add(candidate.casefold())
        result[att.id] = candidate
    return result


def process_to_json(process: Process, *, attachments_dir: Path | None = None) -> str:
    """The process as version-1 JSON text.

    With ``attachments_dir`` (a folder beside where the JSON will be saved, conventionally
    ``<stem>.files``) the attachments are referenced by ``"<folder name>/<file>"`` (their
    bytes are written by :func:`export_json`); without it they are listed without a path.
    """
    meta = process.metadata()
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    doc["process"] = {k: meta[k] for k in PROCESS_KEYS if k != "extensions"}
    if process.arrow_style is not ArrowStyle.CURVED:  # written only when not the default
        doc["process"]["arrow_style"] = process.arrow_style.value
    doc["process"]["extensions"] = _ext(process.extensions, "The process")
    doc["lanes"] = [_with_ext({"id": lane.id, "name": lane.name, "color": lane.color,
                               "height": json_number(lane.height, f"Lane {quoted(lane.id)}",
                                                     "height")},
                              lane.extensions, f"Lane {quoted(lane.id)}", False)
                    for lane in process.lanes]
    doc["stages"] = [_stage_to_json(s) for s in process.stages]
    doc["transitions"] = [_with_ext({"id": t.id, "source": t.source, "target": t.target,
                                     "label": t.label, "condition": t.condition,
                                     **steering_to_json(t)},
                                    t.extensions, f"Transition {quoted(t.id)}", True)
                          for t in process.transitions]
    names = attachment_filenames(process)
    entries = []
    for att in process.attachments.values():
        entry: dict[str, Any] = {"id": att.id, "filename": att.filename,
                                 "mime_type": att.mime_type}
        if attachments_dir is not None:
            entry["path"] = f"{attachments_dir.name}/{names[att.id]}"
        entries.append(entry)
    doc["attachments"] = entries
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def attachment_files(process: Process) -> dict[str, bytes]:
    """File name → bytes of every attachment, as :func:`export_json` writes them beside."""
    names = attachment_filenames(process)
    return {names[att.id]: att.data for att in process.attachments.values()}


def attachments_dir_for(path: Path) -> Path:
    """The sibling folder that holds a JSON file's attachments: ``<stem>.files``."""
    return path.with_name(path.stem + ".files")


def export_json(process: Process, path: Path | str,
                attachments: Literal["beside", "omit"] = "beside", *, force: bool = False) -> None:
    """Write the process to ``path`` (atomically), its attachments beside it or not at all.

    The attachments folder is created only once the JSON's own temporary exists (so the
    target is writable), and removed again if the export fails.
    """
    path = Path(path)
    if attachments not in ("beside", "omit"):
        raise InterchangeError(f"Unknown attachments option {attachments!r}: "
                               "use 'beside' or 'omit'.")
    folder = attachments_dir_for(path) if attachments == "beside" and process.attachments else None
    text = process_to_json(process, attachments_dir=folder)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        raise InterchangeError("The process holds text that is not valid Unicode "
                               "(a lone surrogate) and cannot be saved as UTF-8.") from None
    files = attachment_files(process) if folder is not None else {}
    try:
        with (AtomicOutput(path, force=force) as out,
              write_beside(folder or path.parent, files, force=force)):
                out.write(data)
                out.commit()
    except OutputError as exc:
        raise InterchangeError(str(exc)) from None
    except OSError as exc:
        raise InterchangeError(f"Cannot write {path}: {exc.strerror or exc}.") from None


def atomic_write(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write the file whole or not at all (see :mod:`salesdesigner.storage.files`)."""
    try:
        with AtomicOutput(path, force=force) as out:
            out.write(data)
            out.commit()
    except OutputError as exc:
        raise InterchangeError(str(exc)) from None
    except OSError as exc:
        raise InterchangeError(f"Cannot write {path}: {exc.strerror or exc}.") from None


