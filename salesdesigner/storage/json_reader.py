"""Reading the JSON interchange format (see :mod:`.json_format` for the format and its
rules): every value checked, a one-line error naming where a file is wrong, attachments read
only from inside the JSON's folder."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from salesdesigner.model import (
    Action,
    Attachment,
    Direction,
    Kpi,
    Lane,
    Material,
    Position,
    Process,
    ProcessError,
    Script,
    Stage,
    StageKind,
    Transition,
)
from salesdesigner.model.entities import DEFAULT_LANE_HEIGHT, Measure
from salesdesigner.storage.arrow_json import (
    STEERING_KEYS,
    SteeringError,
    arrow_style_from_json,
    steering_from_json,
)
from salesdesigner.storage.files import ReadError, read_regular
from salesdesigner.storage.json_keys import (
    ACTION_KEYS,
    FORMAT,
    KPI_KEYS,
    LANE_KEYS,
    MATERIAL_KEYS,
    PROCESS_KEYS,
    ROOT_KEYS,
    SCRIPT_KEYS,
    STAGE_KEYS,
    TRANSITION_KEYS,
    VERSION,
    InterchangeError,
    quoted,
)
from salesdesigner.storage.limits import MAX_NESTING, number_problem, shown, too_deep


# ====================================================================== reading
def _type_name(value: object) -> str:
    for kind, name in ((bool, "true/false"), ((int, float), "a number"), (str, "text"),
                       (list, "a list"), (dict, "an object")):
        if isinstance(value, kind):
            return name
    return "null"


def _obj(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InterchangeError(f"{where} must be a JSON object, not {_type_name(value)}.")
    return value


def _list(data: dict[str, Any], key: str, where: str) -> list[Any]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise InterchangeError(f"{where}: '{key}' must be a list, not {_type_name(value)}.")
    return value


def _text(data: dict[str, Any], key: str, where: str, default: str = "") -> str:
    value = data.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise InterchangeError(f"{where}: '{key}' must be text, not {_type_name(value)}.")
    return value


def _texts(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    items = _list(data, key, where)
    for n, item in enumerate(items, 1):
        if not isinstance(item, str):
            raise InterchangeError(f"{where}: item {n} of '{key}' must be text, "
                                   f"not {_type_name(item)}.")
    return tuple(items)


def _number(data: dict[str, Any], key: str, where: str, *, required: bool = False,
            kind: str = "") -> float | None:
    """A number field; with ``kind`` (coordinate, height, duration) held to :mod:`.limits`."""
    value = data.get(key)
    if value is None:
        if required:
            raise InterchangeError(f"{where}: '{key}' is missing.")
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InterchangeError(f"{where}: '{key}' must be a number, not {_type_name(value)}.")
    try:
        result = float(value)
    except OverflowError:
        result = math.inf
    if not math.isfinite(result):
        raise InterchangeError(f"{where}: '{key}' must be a finite number.")
    problem = number_problem(result, kind) if kind else None
    if problem:
        raise InterchangeError(f"{where}: '{key}' {problem} (it is {shown(value)}).")
    return result


def _id(data: dict[str, Any], where: str) -> str:
    value = data.get("id")
    if isinstance(value, str) and value:
        return value
    shown = "missing" if value is None else "empty" if value == "" else _type_name(value)
    raise InterchangeError(f"{where} needs a non-empty text 'id' (it is {shown}).")


def _extensions(data: dict[str, Any], known: tuple[str, ...], where: str) -> dict[str, Any]:
    ext = data.get("extensions")
    result = dict(_obj(ext, f"{where}: 'extensions'")) if ext is not None else {}
    for key, value in data.items():
        if key not in known:
            result[key] = value
    return result


def _choice(data: dict[str, Any], key: str, enum: type, default: Any, where: str) -> Any:
    value = data.get(key)
    if value is None:
        return default
    try:
        if not isinstance(value, str):
            raise ValueError
        return enum(value)
    except ValueError:
        words = " | ".join(m.value for m in enum)
        shown = quoted(value) if isinstance(value, str) else _type_name(value)
        raise InterchangeError(f"{where}: '{key}' is {shown}, expected one of {words}.") from None


def _kpi(raw: object, where: str) -> Kpi:
    data = _obj(raw, where)
    return Kpi(name=_text(data, "name", where), target=_number(data, "target", where),
               unit=_text(data, "unit", where),
               direction=_choice(data, "direction", Direction, Direction.HIGHER, where),
               definition=_text(data, "definition", where), id=_text(data, "id", where),
               extensions=_extensions(data, KPI_KEYS, where),
               measure=_choice(data, "measure", Measure, None, where),
               measure_to=_text(data, "measure_to", where))


def _items(stage: dict[str, Any], key: str, where: str,
           build: Callable[[dict[str, Any], str], Any]) -> tuple[Any, ...]:
    label = {"kpis": "KPI", "actions": "action", "scripts": "script", "materials": "material"}[key]
    result = []
    for n, raw in enumerate(_list(stage, key, where), 1):
        here = f"{where}, {label} {n}"
        result.append(build(_obj(raw, here), here))
    return tuple(result)


def _stage(raw: object, n: int, lanes: set[str]) -> tuple[Stage, bool]:
    data = _obj(raw, f"Stage {n}")
    sid = _id(data, f"Stage {n}")
    where = f"Stage {quoted(sid)}"
    lane = data.get("lane")
    if lane is not None and (not isinstance(lane, str) or lane not in lanes):
        raise InterchangeError(f"{where} refers to unknown lane {quoted(lane)}.")
    has_position = data.get("position") is not None
    position = Position()
    extensions = _extensions(data, STAGE_KEYS, where)
    if has_position:
        pos = _obj(data["position"], f"{where}: 'position'")
        position = Position(
            _number(pos, "x", f"{where}, position", required=True, kind="coordinate"),  # type: ignore[arg-type]
            _number(pos, "y", f"{where}, position", required=True, kind="coordinate"))  # type: ignore[arg-type]
        extra = {k: v for k, v in pos.items() if k not in ("x", "y")}
        if extra:  # unknown position fields are kept too, under extensions.position
            kept = extensions.get("position")
            extensions["position"] = {**(kept if isinstance(kept, dict) else {}), **extra}
    stage = Stage(
        id=sid, name=_text(data, "name", where),
        kind=_choice(data, "kind", StageKind, StageKind.STAGE, where),
        lane=lane, position=position, goal=_text(data, "goal", where),
        description=_text(data, "description", where),
        exit_criteria=_texts(data, "exit_criteria", where),
        duration_days=_number(data, "duration_days", where, kind="duration"),
        kpis=_items(data, "kpis", where, lambda d, w: _kpi(d, w)),
        actions=_items(data, "actions", where, lambda d, w: Action(
            title=_text(d, "title", w), owner=_text(d, "owner", w), timing=_text(d, "timing", w),
            detail=_text(d, "detail", w), extensions=_extensions(d, ACTION_KEYS, w))),
        scripts=_items(data, "scripts", where, lambda d, w: Script(
            title=_text(d, "title", w), situation=_text(d, "situation", w),
            body=_text(d, "body", w), extensions=_extensions(d, SCRIPT_KEYS, w))),
        materials=_items(data, "materials", where, lambda d, w: Material(
            title=_text(d, "title", w), uri=_text(d, "uri", w), note=_text(d, "note", w),
            extensions=_extensions(d, MATERIAL_KEYS, w))),
        tips=_texts(data, "tips", where),
        extensions=extensions)
    return stage, has_position


def _lane(raw: object, n: int) -> Lane:
    data = _obj(raw, f"Lane {n}")
    where = f"Lane {quoted(_id(data, f'Lane {n}'))}"
    height = _number(data, "height", where, kind="height")
    return Lane(id=data["id"], name=_text(data, "name", where),
                color=_text(data, "color", where, "#4C78A8"),
                height=DEFAULT_LANE_HEIGHT if height is None else height,
                extensions=_extensions(data, LANE_KEYS, where))


def _transition(raw: object, n: int, stages: set[str]) -> Transition:
    data = _obj(raw, f"Transition {n}")
    tid = _id(data, f"Transition {n}")
    where = f"Transition {quoted(tid)}"
    ends = []
    for key in ("source", "target"):
        value = data.get(key)
        if not isinstance(value, str) or value not in stages:
            what = "is missing" if value is None else f"names unknown stage {quoted(value)}"
            raise InterchangeError(f"{where}: '{key}' {what}.")
        ends.append(value)
    if ends[0] == ends[1]:
        raise InterchangeError(f"{where} leads from stage {quoted(ends[0])} to itself.")
    ext = _extensions(data, TRANSITION_KEYS, where)
    # an older version kept the steering fields it did not know in 'extensions': lift them
    lifted = {k: ext.pop(k) for k in STEERING_KEYS if k in ext and k not in data}
    try:
        steering, kept = steering_from_json({**lifted, **data})
    except SteeringError as exc:
        raise InterchangeError(f"{where}: {exc}.") from None
    return Transition(tid, ends[0], ends[1], _text(data, "label", where),
                      _text(data, "condition", where), {**ext, **kept}, **steering)


def _attachment(raw: object, n: int, base_dir: Path | None) -> Attachment | None:
    data = _obj(raw, f"Attachment {n}")
    aid = _id(data, f"Attachment {n}")
    where = f"Attachment {quoted(aid)}"
    filename = _text(data, "filename", where)
    mime = _text(data, "mime_type", where, "application/octet-stream")
    rel = _text(data, "path", where)
    if not rel or base_dir is None:
        return None
    # Refuse anything that could leave the folder on any OS (a JSON may come from anyone).
    full = base_dir.joinpath(*PurePosixPath(rel).parts)
    if (rel.startswith(("/", "\\")) or "\x00" in rel or ".." in re.split(r"[/\\]", rel)
            or not full.resolve().is_relative_to(base_dir.resolve())):
        raise InterchangeError(
            f"{where}: path {quoted(rel)} must stay inside the JSON file's folder.")
    if not full.exists() and not full.is_symlink():
        raise InterchangeError(f"{where}: its file {quoted(rel)} is missing next to the "
                               "JSON file.")
    try:  # a FIFO or device named here would block a plain read forever
        data_bytes = read_regular(full)
    except ReadError as exc:
        problem = str(exc).split(": ", 1)[-1]
        raise InterchangeError(f"{where}: cannot read {quoted(rel)}: {problem}") from None
    return Attachment(aid, filename, data_bytes, mime)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise InterchangeError(f"The JSON has the key {quoted(key)} twice in one object.")
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise InterchangeError(f"The JSON holds {name}, which is not a number JSON allows.")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise InterchangeError(f"The JSON holds the number {text[:40]}, too large to represent.")
    return value


def _parse(text: str) -> Any:
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates,
                          parse_constant=_reject_constant, parse_float=_finite_float)
    except json.JSONDecodeError as exc:
        raise InterchangeError(f"This is not valid JSON: {exc.msg} at line {exc.lineno}, "
                               f"column {exc.colno}.") from None
    except RecursionError:
        raise InterchangeError("This JSON is nested too deeply to read.") from None
    except ValueError as exc:  # e.g. an integer with thousands of digits
        raise InterchangeError(f"This JSON cannot be read: {exc}.") from None
    if too_deep(data, MAX_NESTING):  # the document reader holds extensions to the same
        raise InterchangeError("This JSON is nested too deeply to read "
                               f"(more than {MAX_NESTING} levels).")
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise InterchangeError("The JSON holds text that is not valid Unicode "
                               "(an escaped lone surrogate such as \\ud800).") from None
    except RecursionError:
        raise InterchangeError("This JSON is nested too deeply to read.") from None
    return data


def process_from_json(text: str, *, base_dir: Path | None = None) -> Process:
    """Read version-1 JSON text; attachments' bytes are read relative to ``base_dir``
    (without it no attachment is created: see the module docstring)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    root = _parse(text)
    if not isinstance(root, dict):
        raise InterchangeError("This is not a SalesDesigner process file: "
                               "it is not a JSON object.")
    fmt = root.get("format")
    if fmt != FORMAT:
        what = "has no 'format'" if fmt is None else f"has format {quoted(fmt)}"
        raise InterchangeError(f"This is not a SalesDesigner process file: it {what}, "
                               f"expected {FORMAT!r}.")
    version = root.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise InterchangeError("The file's 'version' must be a whole number, "
                               f"not {_type_name(version)}.")
    if version > VERSION:
        raise InterchangeError(f"This file is from a newer SalesDesigner (format version "
                               f"{shown(version)}); this version reads version {VERSION} "
                               "and older. "
                               "Please update SalesDesigner.")
    if version < 1:
        raise InterchangeError(f"Format version {shown(version)} does not exist; "
                               f"expected {VERSION}.")
    try:
        return _build(root, base_dir)
    except ProcessError as exc:  # a rule the checks above missed: still one clear line
        raise InterchangeError(str(exc)) from None


def _build(root: dict[str, Any], base_dir: Path | None) -> Process:
    meta = _obj(root["process"], "'process'") if root.get("process") is not None else {}
    where = "The process"
    ext = {k: v for k, v in root.items() if k not in ROOT_KEYS}
    ext.update(_extensions(meta, (*PROCESS_KEYS, "arrow_style"), where))
    style = meta.get("arrow_style", ext.pop("arrow_style", None))  # lifted, as above
    arrow_style, kept = arrow_style_from_json(style)
    ext.update(kept)
    process = Process(**{k: _text(meta, k, where, "en" if k == "language" else "")
                         for k in PROCESS_KEYS if k != "extensions"}, extensions=ext,
                      arrow_style=arrow_style)
    lane_ids: set[str] = set()
    for n, raw in enumerate(_list(root, "lanes", "The file"), 1):
        lane = _lane(raw, n)
        if lane.id in lane_ids:
            raise InterchangeError(f"Two lanes have the id {quoted(lane.id)}.")
        lane_ids.add(lane.id)
        process.add_lane(lane)
    placed = False
    unplaced: list[str] = []
    for n, raw in enumerate(_list(root, "stages", "The file"), 1):
        stage, has_position = _stage(raw, n, lane_ids)
        placed = placed or has_position
        if not has_position:
            unplaced.append(stage.id)
        if process.has_stage(stage.id):
            raise InterchangeError(f"Two stages have the id {quoted(stage.id)}.")
        process.add_stage(stage)
    stage_ids = set(process.stage_ids)
    for n, raw in enumerate(_list(root, "transitions", "The file"), 1):
        t = _transition(raw, n, stage_ids)
        if process.has_transition(t.id):
            raise InterchangeError(f"Two transitions have the id {quoted(t.id)}.")
        other = process.transition_between(t.source, t.target)
        if other is not None:
            raise InterchangeError(f"Transition {quoted(t.id)} duplicates {quoted(other.id)}: "
                                   "both lead "
                                   f"from {quoted(t.source)} to {quoted(t.target)}.")
        process.add_transition(t)
    for n, raw in enumerate(_list(root, "attachments", "The file"), 1):
        att = _attachment(raw, n, base_dir)
        if att is not None:
            if att.id in process.attachments:
                raise InterchangeError(f"Two attachments have the id {quoted(att.id)}.")
            process.add_attachment(att)
    if process.stages and not placed:
        from salesdesigner.model.layout import apply_layout
        apply_layout(process)
    elif unplaced:  # some placed, some not: the others go to free spots, not all on 0,0
        from salesdesigner.model.placement import place_unpositioned
        place_unpositioned(process, unplaced)
    return process


def import_json(path: Path | str) -> Process:
    """Read a JSON file (and the attachments written beside it)."""
    path = Path(path)
    try:
        raw = read_regular(path)
    except ReadError as exc:
        raise InterchangeError(str(exc)) from None
    text = decode_utf8(raw, "JSON file")
    if text.startswith("\ufeff"):
        raise InterchangeError("The JSON file starts with two byte-order marks (BOM); "
                               "it was probably converted twice. Remove the extra one.")
    return process_from_json(text, base_dir=path.parent)


def decode_utf8(raw: bytes, what: str) -> str:
    """UTF-8 (a BOM is allowed) or a one-line error with the line and column of the bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[:exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise InterchangeError(f"The {what} is not UTF-8 text: invalid byte at line {line}, "
                               f"column {column}.") from None
