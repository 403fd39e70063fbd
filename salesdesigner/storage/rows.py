"""The model as table rows and back: the one place that knows both the model and the schema.

Writing produces plain column dicts per table, keyed by the ORM classes of :mod:`.schema`
(fed to bulk ``INSERT``s); reading selects columns by name (:mod:`.table_reader`: plain
``sqlite3``, no SQLAlchemy, no Python object per row) and checks every cell, since a
document may have been edited by hand with the ``sqlite3`` shell.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from salesdesigner.model import (
    Action,
    ArrowStyle,
    Attachment,
    Direction,
    Kpi,
    Lane,
    Material,
    Position,
    Process,
    Script,
    Stage,
    StageKind,
    Transition,
)
from salesdesigner.model.entities import Measure
from salesdesigner.storage.actuals_rows import BadActuals, actuals_from_rows, actuals_rows
from salesdesigner.storage.arrow_rows import (
    STEERING_COLUMNS,
    BadSteering,
    steering_columns,
    steering_fields,
)
from salesdesigner.storage.limits import MAX_LANE_HEIGHT, MAX_NESTING, number_problem, too_deep
from salesdesigner.storage.revision_rows import BadRevision, revision_rows, revisions_from_rows
from salesdesigner.storage.schema_snapshot import EMPTY_JSON
from salesdesigner.storage.table_reader import TableReader, table_reader


# ====================================================================== model -> rows
def process_rows(process: Process) -> dict[type, list[dict[str, Any]]]:
    """The document as table rows (column dicts per table, parents first) for bulk inserts.

    Raises ``TypeError``/``ValueError`` for values no column can hold.
    """
    from salesdesigner.storage.schema import (  # saving only: opening needs no SQLAlchemy
        ActionRow,
        AttachmentRow,
        ExitCriterionRow,
        KpiRow,
        LaneRow,
        MaterialRow,
        ProcessRow,
        ScriptRow,
        StageRow,
        TipRow,
        TransitionRow,
    )

    tables: dict[type, list[dict[str, Any]]] = {
        ProcessRow: [{
            "id": process.id, "name": process.name, "description": process.description,
            "language": process.language, "currency": process.currency,
            "company": process.company, "revision": process.revision, "logo": process.logo,
            "extensions": _json(process.extensions),
            "arrow_style": ArrowStyle(process.arrow_style).value}],
        LaneRow: [{"ordinal": n, "id": lane.id, "name": lane.name, "color": lane.color,
                   "height": _real(lane.height, "height", f"lane {_short(lane.id)}"),
                   "extensions": _json(lane.extensions)}
                  for n, lane in enumerate(process.lanes)],
        StageRow: [], ExitCriterionRow: [], TipRow: [], KpiRow: [], ActionRow: [],
        ScriptRow: [], MaterialRow: [],
        TransitionRow: [{"ordinal": n, "id": t.id, "source": t.source, "target": t.target,
                         "label": t.label, "condition": t.condition,
                         "extensions": _json(t.extensions), **steering_columns(t)}
                        for n, t in enumerate(process.transitions)],
        AttachmentRow: [{"ordinal": n, "id": a.id, "filename": a.filename,
                         "mime_type": a.mime_type, "data": bytes(a.data)}
                        for n, a in enumerate(process.attachments.values())],
    }
    stages, criteria, tips = tables[StageRow], tables[ExitCriterionRow], tables[TipRow]
    kpis, actions, scripts, materials = (tables[KpiRow], tables[ActionRow],
                                         tables[ScriptRow], tables[MaterialRow])
    for n, s in enumerate(process.stages):
        sid = s.id
        stages.append({
            "ordinal": n, "id": sid, "name": s.name, "kind": StageKind(s.kind).value,
            "lane": s.lane, "x": _real(s.position.x, "coordinate", f"stage {_short(sid)}"),
            "y": _real(s.position.y, "coordinate", f"stage {_short(sid)}"),
            "goal": s.goal, "description": s.description,
            "duration_days": _real(s.duration_days, "duration", f"stage {_short(sid)}"),
            "extensions": _json(s.extensions)})
        criteria.extend({"stage_id": sid, "ordinal": i, "text": text}
                        for i, text in enumerate(s.exit_criteria))
        tips.extend({"stage_id": sid, "ordinal": i, "text": text}
                    for i, text in enumerate(s.tips))
        kpis.extend({"stage_id": sid, "ordinal": i, "id": k.id, "name": k.name,
                     "target": _real(k.target), "unit": k.unit,
                     "direction": Direction(k.direction).value, "definition": k.definition,
                     "extensions": _json(k.extensions),
                     "measure": None if k.measure is None else Measure(k.measure).value,
                     "measure_to": k.measure_to} for i, k in enumerate(s.kpis))
        actions.extend({"stage_id": sid, "ordinal": i, "title": a.title, "owner": a.owner,
                        "timing": a.timing, "detail": a.detail,
                        "extensions": _json(a.extensions)} for i, a in enumerate(s.actions))
        scripts.extend({"stage_id": sid, "ordinal": i, "title": sc.title,
                        "situation": sc.situation, "body": sc.body,
                        "extensions": _json(sc.extensions)} for i, sc in enumerate(s.scripts))
        materials.extend({"stage_id": sid, "ordinal": i, "title": m.title, "uri": m.uri,
                          "note": m.note, "extensions": _json(m.extensions)}
                         for i, m in enumerate(s.materials))
    tables.update(actuals_rows(process.actuals))
    tables.update(revision_rows(process.revisions))
    return tables


def _json(extensions: dict[str, Any]) -> str:
    if not extensions:
        return EMPTY_JSON
    if not isinstance(extensions, dict):
        raise TypeError("extensions must be a dictionary")
    return json.dumps(extensions, ensure_ascii=False)


def _real(value: float | None, kind: str = "", where: str = "") -> float | None:
    """A number for a REAL column (:class:`~.schema.Real` keeps NaN); positions, heights
    and durations must lie in the ranges the reader accepts (:mod:`.limits`)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{value!r} is not a number")
    problem = number_problem(float(value), kind) if kind else None
    if problem:
        raise ValueError(f"the {kind} of {where} {problem}")
    return float(value)


# ====================================================================== rows -> model
class BadRow(Exception):
    """A cell holds something the model cannot take (found in a hand-edited file)."""


def process_from_rows(source: Any) -> Process:
    """Rebuild the process from the tables of an open document: an ``sqlite3.Connection``
    (how a file is opened) or a SQLAlchemy ``Session``/``Connection`` on the same tables.

    Raises :class:`BadRow` for a cell of the wrong kind and ``ProcessError`` for content
    that breaks the model's rules (both only in hand-edited or damaged files).
    """
    reader = table_reader(source)
    meta = reader.rows("process", ("id", "name", "description", "language", "currency",
                                   "company", "revision", "logo", "extensions", "arrow_style"))
    if len(meta) != 1:
        raise BadRow(f"the process table has {len(meta)} rows instead of 1")
    (pid, name, description, language, currency, company, revision, logo, ext,
     arrow_style) = meta[0]
    where = "process"
    if arrow_style not in {s.value for s in ArrowStyle}:
        raise BadRow(f"{where} has unknown arrow style {arrow_style!r}")
    process = Process(id=_t(pid, where), name=_t(name, where),
                      description=_t(description, where), language=_t(language, where),
                      currency=_t(currency, where), company=_t(company, where),
                      revision=_t(revision, where), logo=_t(logo, where),
                      arrow_style=arrow_style, extensions=_ext(ext, where))

    total = 0.0
    for lid, lname, color, height, lext in reader.rows(
            "lanes", ("id", "name", "color", "height", "extensions"), ("ordinal",)):
        where = f"lane {_short(lid)}"
        total += _bounded(height, "height", where)
        if total > MAX_LANE_HEIGHT:
            raise BadRow(f"the lanes are taller than {MAX_LANE_HEIGHT:,.0f} together")
        process.add_lane(Lane(_t(lid, where), _t(lname, where), _t(color, where),
                              height, _ext(lext, where)))

    for aid, filename, mime, data in reader.rows(
            "attachments", ("id", "filename", "mime_type", "data"), ("ordinal",)):
        where = f"attachment {_short(aid)}"
        if not isinstance(data, bytes):
            raise BadRow(f"{where} has no file data")
        process.add_attachment(Attachment(_t(aid, where), _t(filename, where), data,
                                          _t(mime, where)))

    stage_rows = reader.rows("stages", ("id", "name", "kind", "lane", "x", "y", "goal",
                                        "description", "duration_days", "extensions"),
                             ("ordinal",))
    stage_ids = {row[0] for row in stage_rows}
    lists = {
        "exit_criteria": _grouped(reader, "exit_criteria", stage_ids,
                                  lambda r, w: _t(r[0], w), "text"),
        "tips": _grouped(reader, "tips", stage_ids, lambda r, w: _t(r[0], w), "text"),
        "kpis": _grouped(reader, "kpis", stage_ids, _kpi, "name", "target", "unit",
                         "direction", "definition", "id", "extensions", "measure",
                         "measure_to"),
        "actions": _grouped(reader, "actions", stage_ids, _action, "title", "owner",
                            "timing", "detail", "extensions"),
        "scripts": _grouped(reader, "scripts", stage_ids, _script, "title", "situation",
                            "body", "extensions"),
        "materials": _grouped(reader, "materials", stage_ids, _material, "title", "uri",
                              "note", "extensions"),
    }
    for sid, sname, kind, lane, x, y, goal, desc, days, sext in stage_rows:
        where = f"stage {_short(sid)}"
        stage_kind = _KINDS.get(kind)
        if stage_kind is None:
            raise BadRow(f"{where} has unknown kind {_shown(kind)}")
        if lane is not None:
            _t(lane, where)
        process.add_stage(Stage(
            id=_t(sid, where), name=_t(sname, where), kind=stage_kind, lane=lane,
            position=Position(_bounded(x, "coordinate", where),
                              _bounded(y, "coordinate", where)),
            goal=_t(goal, where), description=_t(desc, where),
            duration_days=None if days is None else _bounded(days, "duration", where),
            extensions=_ext(sext, where),
            **{field: tuple(items.get(sid, ())) for field, items in lists.items()}))

    for tid, source_id, target, tlabel, condition, text, *steering in reader.rows(
            "transitions", ("id", "source", "target", "label", "condition", "extensions",
                            *STEERING_COLUMNS), ("ordinal",)):
        where = f"transition {_short(tid)}"
        try:
            steered = steering_fields(*steering)
        except BadSteering as exc:
            raise BadRow(f"{where} {exc}") from None
        process.add_transition(Transition(_t(tid, where), _t(source_id, where),
                                          _t(target, where), _t(tlabel, where),
                                          _t(condition, where), _ext(text, where), **steered))
    try:
        process.actuals = actuals_from_rows(reader)
        process.revisions = revisions_from_rows(reader)
    except (BadActuals, BadRevision) as exc:
        raise BadRow(str(exc)) from None
    return process


def _grouped(reader: TableReader, table: str, stage_ids: set[str],
             make: Callable[[tuple, str], Any], *columns: str) -> dict[str, list[Any]]:
    """A per-stage list table as ``{stage id: [items in ordinal order]}``."""
    result: dict[str, list[Any]] = defaultdict(list)
    rows: Iterable[Any] = reader.rows(table, ("stage_id", *columns), ("stage_id", "ordinal"))
    sid, items, where = None, [], ""
    for row in rows:  # ordered by stage: one lookup and one error text per stage
        if row[0] != sid or not where:
            sid = row[0]
            if sid not in stage_ids:
                raise BadRow(f"the {table} table refers to unknown stage {_short(sid)}")
            items, where = result[sid], f"{table} of stage {_short(sid)}"
        items.append(make(row[1:], where))
    return result


# a dict lookup per cell instead of an Enum call (thousands of them in a big document)
_KINDS: dict[Any, StageKind] = {k.value: k for k in StageKind}
_DIRECTIONS: dict[Any, Direction] = {d.value: d for d in Direction}
_MEASURES: dict[Any, Measure | None] = {m.value: m for m in Measure} | {None: None}


def _kpi(r: tuple, where: str) -> Kpi:
    direction = _DIRECTIONS.get(r[3])
    if direction is None:
        raise BadRow(f"a KPI in {where} has unknown direction {_shown(r[3])}")
    try:
        measure = _MEASURES[r[7]]
    except (KeyError, TypeError):
        raise BadRow(f"a KPI in {where} has unknown measure {_shown(r[7])}") from None
    return Kpi(_t(r[0], where), None if r[1] is None else _num(r[1], where), _t(r[2], where),
               direction, _t(r[4], where), _t(r[5], where), _ext(r[6], where), measure,
               _t(r[8], where))


# The list rows below check their text cells in one expression (the usual case: all text);
# only when one is not do they go cell by cell, to name it as before.
def _action(r: tuple, where: str) -> Action:
    if str is type(r[0]) is type(r[1]) is type(r[2]) is type(r[3]):
        return Action(r[0], r[1], r[2], r[3], _ext(r[4], where))
    return Action(_t(r[0], where), _t(r[1], where), _t(r[2], where), _t(r[3], where),
                  _ext(r[4], where))


def _script(r: tuple, where: str) -> Script:
    if str is type(r[0]) is type(r[1]) is type(r[2]):
        return Script(r[0], r[1], r[2], _ext(r[3], where))
    return Script(_t(r[0], where), _t(r[1], where), _t(r[2], where), _ext(r[3], where))


def _material(r: tuple, where: str) -> Material:
    if str is type(r[0]) is type(r[1]) is type(r[2]):
        return Material(r[0], r[1], r[2], _ext(r[3], where))
    return Material(_t(r[0], where), _t(r[1], where), _t(r[2], where), _ext(r[3], where))


def _short(value: Any) -> str:
    """An id for a message: quoted and cut short (a crafted id may be megabytes long)."""
    text = repr(value) if isinstance(value, str) else f"<{type(value).__name__}>"
    return text if len(text) <= 62 else text[:60] + "…'"


def _t(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise BadRow(f"{where} has {_shown(value)} where text belongs")
    return value


def _shown(value: Any) -> str:
    if isinstance(value, (bytes, str)) and len(value) > 40:
        return f"{type(value).__name__} of {len(value):,} characters"
    return _short(value) if isinstance(value, str) else repr(value)[:40]


def _num(value: Any, where: str) -> float:
    if isinstance(value, float):
        return value
    raise BadRow(f"{where} has {_shown(value)} where a number belongs")


def _bounded(value: Any, kind: str, where: str) -> float:
    """A position, height or duration within the sane range :mod:`.limits` sets."""
    number = _num(value, where)
    problem = number_problem(number, kind)
    if problem:
        raise BadRow(f"the {kind} of {where} ({number:.6g}) {problem}")
    return number


def _ext(value: Any, where: str) -> dict[str, Any]:
    if value == EMPTY_JSON:
        return {}
    try:
        data = json.loads(_t(value, where))
    except RecursionError:
        raise BadRow(f"{where} has extensions nested too deeply to read") from None
    except ValueError:  # not JSON, or an integer of thousands of digits
        raise BadRow(f"{where} has extensions that are not valid JSON") from None
    if too_deep(data, MAX_NESTING):
        raise BadRow(f"{where} has extensions nested too deeply to read")
    if not isinstance(data, dict):
        raise BadRow(f"{where} has extensions that are not a JSON object")
    return data


__all__ = ["BadRow", "process_from_rows", "process_rows"]
