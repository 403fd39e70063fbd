"""The tables of a ``*.salesdesign`` file, as SQLAlchemy 2 typed ORM classes.

A document is a plain SQLite database meant to be readable with the ``sqlite3`` shell:
one table per kind of thing, readable column names, lists kept in order by an ``ordinal``
column (0, 1, 2, … in document order), ``extensions`` (fields from newer interchange files)
as JSON text.  Stage lists (KPIs, actions, …) point to their stage by ``stage_id``;
transitions name their ``source`` and ``target`` stage ids; a stage names its ``lane``.

``PRAGMA application_id`` marks the file as ours and ``PRAGMA user_version`` holds
:data:`SCHEMA_VERSION`; older versions are upgraded by :mod:`.migrations` when read.
This module only describes the current layout; :mod:`.rows` maps rows to the model.

Numbers are ``REAL`` columns.  SQLite keeps a whole-valued real as an integer on disk and
turns it back into a real when read, so ``-0.0`` comes back as ``0.0`` (equal to it); a
NaN, which SQLite would turn into NULL, is written as the text ``'NaN'``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, ClassVar

from sqlalchemy import (
    REAL,
    CheckConstraint,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from salesdesigner.model import Direction, StageKind
from salesdesigner.model.actuals.events import Outcome
from salesdesigner.model.entities import Measure

#: ``PRAGMA application_id`` of every SalesDesigner document: the bytes ``b"SlsD"``.
APPLICATION_ID = 0x536C7344
#: ``PRAGMA user_version`` written by this version; files with a lower one are migrated.
SCHEMA_VERSION = 6

EMPTY_JSON = "{}"
NAN_TEXT = "NaN"


def _quoted(values: list[str]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


KIND_CHECK = f"kind IN ({_quoted([k.value for k in StageKind])})"
DIRECTION_CHECK = f"direction IN ({_quoted([d.value for d in Direction])})"
MEASURE_CHECK = f"measure IS NULL OR measure IN ({_quoted([m.value for m in Measure])})"
OUTCOME_CHECK = f"outcome IS NULL OR outcome IN ({_quoted([o.value for o in Outcome])})"


class Real(REAL):
    """A REAL column that also keeps NaN (as the text ``'NaN'``; SQLite would store NULL)."""

    cache_ok = True

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], Any]:
        return _bind_real

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], Any]:
        return _result_real


def _bind_real(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return NAN_TEXT
    return value


def _result_real(value: Any) -> Any:
    if value == NAN_TEXT:
        return math.nan
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)  # hand-edited files may hold whole numbers as integers
    return value


class Base(DeclarativeBase):
    """Declarative base: Python ``str``/``float``/``bytes`` map to TEXT/REAL/BLOB columns."""

    metadata = MetaData()
    type_annotation_map: ClassVar[dict[type, Any]] = {
        str: Text(), float: Real(), bytes: LargeBinary(), int: Integer()}


class ProcessRow(Base):
    """The single row of process-level fields."""

    __tablename__ = "process"

    id: Mapped[str] = mapped_column(primary_key=True)
    name: Mapped[str]
    description: Mapped[str]
    language: Mapped[str]
    currency: Mapped[str]
    company: Mapped[str]
    revision: Mapped[str]
    logo: Mapped[str]  # attachment id of the cover logo, or ''
    extensions: Mapped[str] = mapped_column(default=EMPTY_JSON)
    arrow_style: Mapped[str] = mapped_column(default="curved")  # curved/orthogonal/straight


class LaneRow(Base):
    """A swimlane; ``ordinal`` is its place top to bottom."""

    __tablename__ = "lanes"

    ordinal: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(unique=True)
    name: Mapped[str]
    color: Mapped[str]
    height: Mapped[float]
    extensions: Mapped[str] = mapped_column(default=EMPTY_JSON)


class StageRow(Base):
    """A stage's scalar fields; its lists live in the tables below."""

    __tablename__ = "stages"
    __table_args__ = (CheckConstraint(KIND_CHECK, name="stage_kind"),)

    ordinal: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(unique=True)
    name: Mapped[str]
    kind: Mapped[str]
    lane: Mapped[str | None] = mapped_column(ForeignKey("lanes.id"))
    x: Mapped[float]
    y: Mapped[float]
    goal: Mapped[str]
    description: Mapped[str]
    duration_days: Mapped[float | None]
    extensions: Mapped[str] = mapped_column(default=EMPTY_JSON)


class _StageItem:
    """Columns shared by every per-stage list: the owning stage and the place in its list."""

    stage_id: Mapped[str] = mapped_column(ForeignKey("stages.id"), primary_key=True,
                                          sort_order=-2)
    ordinal: Mapped[int] = mapped_column(primary_key=True, autoincrement=False, sort_order=-1)


class ExitCriterionRow(_StageItem, Base):
    __tablename__ = "exit_criteria"

    text: Mapped[str]


class TipRow(_StageItem, Base):
    __tablename__ = "tips"

    text: Mapped[str]


class KpiRow(_StageItem, Base):
    __tablename__ = "kpis"
    __table_args__ = (CheckConstraint(DIRECTION_CHECK, name="kpi_direction"),
                      CheckConstraint(MEASURE_CHECK, name="kpi_measure"))

    id: Mapped[str]  # a KPI's id is free text and need not be unique
    name: Mapped[str]
    target: Mapped[float | None]
    unit: Mapped[str]
    direction: Mapped[str]
    definition: Mapped[str]
    extensions: Mapped[str] = mapped_column(default=EMPTY_JSON)
    measure: Mapped[str | None] = mapped_column(default=None)  # what the actual is computed from
    measure_to: Mapped[str] = mapped_column(default="")  # the next stage of a conversion


class ActionRow(_StageItem, Base):
    __tablename__ = "actions"

    title: Mapped[str]
    owner: Mapped[str]
    timing: Mapped[str]
    detail: Mapped[str]
    extensions: Mapped[str] = mapped_column(default=EMPTY_JSON)


class ScriptRow(_StageItem, Base):
    __tablename__ = "scripts"

    title: Mapped[str]
    situation: Mapped[str]
    body: Mapped[str]
    extensions: Mapped[str] = mapped_column(default=EMPTY_JSON)


class MaterialRow(_StageItem, Base):
    __tablename__ = "materials"

    title: Mapped[str]
    uri: Mapped[str]  # https://… or attachment:<id>
    note: Mapped[str]
    extensions: Mapped[str] = mapped_column(default=EMPTY_JSON)


class TransitionRow(Base):
    """An arrow; ``ordinal`` is its place in the process's transition order."""

    __tablename__ = "transitions"
    __table_args__ = (UniqueConstraint("source", "target", name="one_arrow_per_pair"),)

    ordinal: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(unique=True)
    source: Mapped[str] = mapped_column(ForeignKey("stages.id"))
    target: Mapped[str] = mapped_column(ForeignKey("stages.id"))
    label: Mapped[str]
    condition: Mapped[str]
    extensions: Mapped[str] = mapped_column(default=EMPTY_JSON)
    # how the manager steered the arrow ('' and NULL: automatic; see storage/arrow_rows.py)
    style: Mapped[str] = mapped_column(default="")
    source_side: Mapped[str] = mapped_column(default="")
    source_position: Mapped[float | None] = mapped_column(default=None)
    target_side: Mapped[str] = mapped_column(default="")
    target_position: Mapped[float | None] = mapped_column(default=None)
    waypoints: Mapped[str] = mapped_column(default="[]")  # JSON [[x, y], …]


class AttachmentRow(Base):
    """An embedded file, its bytes in ``data``."""

    __tablename__ = "attachments"

    ordinal: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(unique=True)
    filename: Mapped[str]
    mime_type: Mapped[str]
    data: Mapped[bytes]


class DealEventRow(Base):
    """One deal entering one stage, from the CRM (confidential customer data).

    ``stage_id`` is deliberately not a foreign key: a stage deleted after the import leaves
    its history, which the analysis ignores and a re-added stage of that id picks up.
    ``entered`` is ISO 8601 text (``2026-04-01T10:30:00``), readable in the sqlite3 shell.
    """

    __tablename__ = "deal_events"
    __table_args__ = (CheckConstraint(OUTCOME_CHECK, name="deal_outcome"),)

    ordinal: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    deal_id: Mapped[str]
    stage_id: Mapped[str]
    entered: Mapped[str]
    amount: Mapped[float | None]
    owner: Mapped[str]
    deal_name: Mapped[str]
    outcome: Mapped[str | None]
    lost_reason: Mapped[str]


class ActualsImportRow(Base):
    """One import of actuals: source file name, when, rows used/rejected, mappings (JSON)."""

    __tablename__ = "actuals_imports"

    ordinal: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    source: Mapped[str]
    imported_at: Mapped[str]  # ISO 8601
    rows_used: Mapped[int]
    rows_rejected: Mapped[int]
    shape: Mapped[str]  # long / wide
    columns: Mapped[str] = mapped_column(default="[]")  # JSON [[field, header], …]
    stages: Mapped[str] = mapped_column(default="[]")  # JSON [[CRM stage, stage id], …]
    rows_ignored: Mapped[int] = mapped_column(default=0)  # stages mapped to "ignore" (v6)


class StageMappingRow(Base):
    """A CRM stage name and the process stage it stands for, remembered between imports."""

    __tablename__ = "stage_mapping"

    crm_stage: Mapped[str] = mapped_column(primary_key=True)
    stage_id: Mapped[str]


class RevisionRow(Base):
    """A published revision: number, title, when (ISO 8601 local time), author, note, and
    the process as it was then (``content``: interchange JSON without actuals, its
    attachments naming their bytes in ``revision_files`` by SHA-256).  Never rewritten."""

    __tablename__ = "revisions"

    number: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    title: Mapped[str]
    published_at: Mapped[str]
    author: Mapped[str]
    note: Mapped[str]
    content: Mapped[str]


class RevisionFileRow(Base):
    """The bytes of an attachment some revision holds, once however many revisions do."""

    __tablename__ = "revision_files"

    sha256: Mapped[str] = mapped_column(primary_key=True)
    data: Mapped[bytes]


#: Every table, parents before children (the order they are filled in).
TABLES = (ProcessRow, LaneRow, StageRow, ExitCriterionRow, TipRow, KpiRow, ActionRow,
          ScriptRow, MaterialRow, TransitionRow, AttachmentRow, DealEventRow,
          ActualsImportRow, StageMappingRow, RevisionRow, RevisionFileRow)

__all__ = [
    "APPLICATION_ID", "SCHEMA_VERSION", "TABLES", "ActionRow", "ActualsImportRow",
    "AttachmentRow", "Base", "DealEventRow", "RevisionFileRow", "RevisionRow", "StageMappingRow",
    "ExitCriterionRow", "KpiRow", "LaneRow", "MaterialRow", "ProcessRow", "ScriptRow",
    "StageRow", "TipRow", "TransitionRow",
]
