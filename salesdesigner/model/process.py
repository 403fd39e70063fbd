"""The sales process: a directed graph of stages and transitions, plus lanes.

Stages are nodes (key: stage id), transitions are edges.  Node order is the document's
stage order; edge order (grouped by source, successors in insertion order) is the
transition order, so the order of a decision's branches is kept.  Every mutation goes
through a method here and emits an event from :mod:`salesdesigner.model.events`; the
``remove_*`` methods return what ``restore_*`` needs to put things back exactly where they
were, which undo relies on.

The graph is kept in plain dictionaries laid out as networkx lays out a ``DiGraph``
(successors and predecessors per node, in insertion order); :attr:`Process.graph` hands
networkx algorithms a ``networkx.DiGraph`` of it, built on first use after a change of
structure.  Drawing a document needs no graph algorithm, so the designer paints its first
window before networkx (150 ms of imports: every algorithm it has) is loaded.
"""

from __future__ import annotations

import copy
import dataclasses
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from salesdesigner.model import events as ev
from salesdesigner.model.entities import (
    Anchor,
    ArrowStyle,
    Attachment,
    Lane,
    Position,
    Stage,
    StageKind,
    Transition,
)
from salesdesigner.model.errors import ProcessError
from salesdesigner.model.value_checks import arrow_style as _arrow_style
from salesdesigner.model.value_checks import checked_stage as _checked_stage
from salesdesigner.model.value_checks import checked_steering as _checked_steering

if TYPE_CHECKING:
    import networkx as nx

    from salesdesigner.model.actuals.record import Actuals
    from salesdesigner.model.revision import Revision

PROCESS_FIELDS = ("id", "name", "description", "language", "currency",
                  "company", "revision", "logo", "arrow_style", "extensions")


@dataclass(frozen=True)
class StageRemoval:
    """What :meth:`Process.remove_stage` took out, and where it stood."""

    stage: Stage
    index: int
    transitions: tuple[tuple[Transition, int], ...]  # (transition, index in transition order)


@dataclass(frozen=True)
class TransitionRemoval:
    transition: Transition
    index: int


@dataclass(frozen=True)
class LaneRemoval:
    lane: Lane
    index: int
    stage_ids: tuple[str, ...]  # stages that were in the lane (now without one)


class Process:
    """A whole sales process document, minus its storage."""

    def __init__(self, *, id: str = "", name: str = "", description: str = "",
                 language: str = "en", currency: str = "", company: str = "",
                 revision: str = "", logo: str = "",
                 arrow_style: ArrowStyle | str = ArrowStyle.CURVED,
                 extensions: dict[str, Any] | None = None) -> None:
        self.id = id
        self.name = name
        self.description = description
        self.language = language
        self.currency = currency
        self.company = company
        self.revision = revision
        self.logo = logo  # attachment id of the cover logo, or ""
        self.arrow_style = ArrowStyle(arrow_style)  # how arrows without a style are drawn
        self.extensions: dict[str, Any] = dict(extensions or {})
        self.events = ev.EventHub()
        self._stages: dict[str, Stage] = {}  # in stage order
        self._succ: dict[str, dict[str, Transition]] = {}  # source -> target -> arrow
        self._pred: dict[str, dict[str, Transition]] = {}  # target -> source -> arrow
        self._nx: nx.DiGraph | None = None  # networkx's copy, built by .graph on demand
        self._lanes: list[Lane] = []
        self._attachments: dict[str, Attachment] = {}
        self._edge_of: dict[str, tuple[str, str]] = {}  # transition id -> (source, target)
        # imported here, not at the top: the actuals package may hold analysis modules that
        # import this one
        from salesdesigner.model.actuals.record import EMPTY_ACTUALS
        #: The deal history imported from the CRM (confidential; see model/actuals/record.py).
        self.actuals: Actuals = EMPTY_ACTUALS
        #: Published revisions, oldest first (immutable snapshots; see model/revision.py).
        self.revisions: tuple[Revision, ...] = ()

    # ------------------------------------------------------------------ queries
    @property
    def graph(self) -> nx.DiGraph:
        """The graph as a ``networkx.DiGraph`` (nodes carry ``stage``, edges
        ``transition``), in stage and transition order.  Read it, run networkx algorithms
        on it; never mutate it, and ask for it again after a change (a change of structure
        makes a new one; the first call imports networkx)."""
        if self._nx is None:
            import networkx as nx

            graph = nx.DiGraph()
            graph.add_nodes_from((sid, {"stage": stage}) for sid, stage in self._stages.items())
            graph.add_edges_from((s, t, {"transition": tr}) for s, targets in self._succ.items()
                                 for t, tr in targets.items())
            self._nx = graph
        return self._nx

    def successors(self, stage_id: str) -> list[str]:
        """The stages an arrow leads to from ``stage_id``, in branch order."""
        return list(self._succ[stage_id])

    def predecessors(self, stage_id: str) -> list[str]:
        """The stages with an arrow into ``stage_id``."""
        return list(self._pred[stage_id])

    @property
    def stages(self) -> list[Stage]:
        return list(self._stages.values())

    @property
    def stage_ids(self) -> list[str]:
        return list(self._stages)

    def stage(self, stage_id: str) -> Stage:
        try:
            return self._stages[stage_id]
        except KeyError:
            raise ProcessError(f"There is no stage with id {stage_id!r}.") from None

    def has_stage(self, stage_id: str) -> bool:
        return stage_id in self._stages

    def stage_index(self, stage_id: str) -> int:
        self.stage(stage_id)
        return self.stage_ids.index(stage_id)

    @property
    def transitions(self) -> list[Transition]:
        return [t for targets in self._succ.values() for t in targets.values()]

    def transition(self, transition_id: str) -> Transition:
        try:
            s, t = self._edge_of[transition_id]
        except KeyError:
            raise ProcessError(f"There is no transition with id {transition_id!r}.") from None
        return self._succ[s][t]

    def has_transition(self, transition_id: str) -> bool:
        return transition_id in self._edge_of

    def transition_between(self, source: str, target: str) -> Transition | None:
        return self._succ.get(source, {}).get(target)

    def outgoing(self, stage_id: str) -> list[Transition]:
        """Transitions leaving a stage, in branch order."""
        return list(self._succ[stage_id].values()) if stage_id in self._succ else []

    def incoming(self, stage_id: str) -> list[Transition]:
        return list(self._pred[stage_id].values()) if stage_id in self._pred else []

    def successor_index(self, transition_id: str) -> int:
        """Position of a transition among its source's outgoing transitions."""
        s, t = self._edge_of[transition_id]
        return list(self._succ[s]).index(t)

    def transition_index(self, transition_id: str) -> int:
        return [t.id for t in self.transitions].index(transition_id)

    @property
    def lanes(self) -> tuple[Lane, ...]:
        return tuple(self._lanes)

    def lane(self, lane_id: str) -> Lane:
        for lane in self._lanes:
            if lane.id == lane_id:
                return lane
        raise ProcessError(f"There is no lane with id {lane_id!r}.")

    def has_lane(self, lane_id: str) -> bool:
        return any(lane.id == lane_id for lane in self._lanes)

    def lane_index(self, lane_id: str) -> int:
        return [lane.id for lane in self._lanes].index(self.lane(lane_id).id)

    @property
    def attachments(self) -> dict[str, Attachment]:
        return dict(self._attachments)

    def has_attachment(self, attachment_id: str) -> bool:
        return attachment_id in self._attachments

    def attachment(self, attachment_id: str) -> Attachment:
        try:
            return self._attachments[attachment_id]
        except KeyError:
            raise ProcessError(f"There is no attachment with id {attachment_id!r}.") from None

    def start_stages(self) -> list[str]:
        return [s.id for s in self.stages if s.kind is StageKind.START]

    def metadata(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in PROCESS_FIELDS}

    # ------------------------------------------------------------------ equality
    def snapshot(self) -> tuple:
        """Everything that makes up the document, in order; equal snapshots = equal documents."""
        meta = tuple(self.metadata().items())
        return (meta, tuple(self._lanes), tuple(self.stages), tuple(self.transitions),
                tuple(self._attachments.values()), self.actuals, self.revisions)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Process):
            return NotImplemented
        return self.snapshot() == other.snapshot()

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        return (f"Process({self.name!r}, {len(self._stages)} stages, "
                f"{len(self._edge_of)} transitions, {len(self._lanes)} lanes)")

    def copy(self) -> Process:
        """A deep, independent copy without listeners (values are immutable, so sharing is safe)."""
        other = Process(**{k: v for k, v in self.metadata().items()})
        other.extensions = copy.deepcopy(self.extensions)  # nested values are plain JSON
        other._lanes = list(self._lanes)
        other._attachments = dict(self._attachments)
        other.actuals = self.actuals
        other.revisions = self.revisions
        other._rebuild(self.stages, self.transitions)
        return other

    # ------------------------------------------------------------------ process fields
    def update_process(self, **changes: Any) -> dict[str, Any]:
        """Set process-level fields; returns their old values (for undo)."""
        unknown = set(changes) - set(PROCESS_FIELDS)
        if unknown:
            raise ProcessError(f"Unknown process field(s): {', '.join(sorted(unknown))}.")
        if "id" in changes and not str(changes["id"]).strip():
            raise ProcessError("A process id must not be empty.")
        if "arrow_style" in changes:
            changes["arrow_style"] = _arrow_style(changes["arrow_style"])
        old = {k: getattr(self, k) for k in changes}
        for key, value in changes.items():
            setattr(self, key, dict(value) if key == "extensions" else value)
        self.events.emit(ev.ProcessChanged(tuple(changes), old))
        return old

    def reset(self, other: Process) -> None:
        """Replace the whole content with ``other``'s (Revert, or opening into a window)."""
        for key, value in other.metadata().items():
            setattr(self, key, dict(value) if key == "extensions" else value)
        self._lanes = list(other._lanes)
        self._attachments = dict(other._attachments)
        self.actuals = other.actuals
        self.revisions = other.revisions
        self._rebuild(other.stages, other.transitions)
        self.events.emit(ev.ProcessReset())

    # ------------------------------------------------------------------ actuals
    def set_actuals(self, actuals: Actuals) -> Actuals:
        """Replace the document's actuals (an import, a strip); returns the old value (undo)."""
        from salesdesigner.model.actuals.record import Actuals
        if not isinstance(actuals, Actuals):
            raise ProcessError("Actuals must be an Actuals value.")
        old, self.actuals = self.actuals, actuals
        self.events.emit(ev.ActualsChanged(old))
        return old

    # ------------------------------------------------------------------ stages
    def add_stage(self, stage: Stage, index: int | None = None) -> Stage:
        stage = _checked_stage(stage)
        if stage.id in self._stages:
            raise ProcessError(f"A stage with id {stage.id!r} already exists.")
        self._check_lane_ref(stage)
        count = len(self._stages)
        if index is None or index >= count:
            index = count
            self._stages[stage.id] = stage
            self._succ[stage.id], self._pred[stage.id] = {}, {}
            self._nx = None
        else:
            index = max(0, index)
            stages = self.stages
            stages.insert(index, stage)
            self._rebuild(stages, self.transitions)
        self.events.emit(ev.StageAdded(stage, index))
        return stage

    def replace_stage(self, stage: Stage) -> Stage:
        """Put a new value for an existing stage (same id); returns the old value."""
        stage = _checked_stage(stage)
        old = self.stage(stage.id)
        self._check_lane_ref(stage)
        fields = tuple(f.name for f in dataclasses.fields(Stage)
                       if getattr(old, f.name) != getattr(stage, f.name))
        if not fields:
            return old
        self._stages[stage.id] = stage
        if self._nx is not None:  # a field edit keeps networkx's copy (typing stays cheap)
            self._nx.nodes[stage.id]["stage"] = stage
        self.events.emit(ev.StageChanged(old, stage, fields))
        return old

    def update_stage(self, stage_id: str, **changes: Any) -> Stage:
        """Change some fields of a stage; returns the old value."""
        if "id" in changes and changes["id"] != stage_id:
            raise ProcessError("A stage's id cannot change.")
        try:
            new = dataclasses.replace(self.stage(stage_id), **changes)
        except TypeError as exc:
            raise ProcessError(f"Cannot update stage {stage_id!r}: {exc}.") from None
        return self.replace_stage(new)

    def move_stage(self, stage_id: str, position: Position) -> Stage:
        return self.update_stage(stage_id, position=position)

    def remove_stage(self, stage_id: str) -> StageRemoval:
        """Remove a stage and the transitions touching it."""
        stage = self.stage(stage_id)
        index = self.stage_index(stage_id)
        order = [t.id for t in self.transitions]
        touching = [t for t in self.transitions if stage_id in (t.source, t.target)]
        removed = tuple((t, order.index(t.id)) for t in touching)
        for t in touching:
            self._remove_edge(t)
            self.events.emit(ev.TransitionRemoved(t))
        del self._stages[stage_id], self._succ[stage_id], self._pred[stage_id]
        self._nx = None
        self.events.emit(ev.StageRemoved(stage, index))
        return StageRemoval(stage, index, removed)

    def restore_stage(self, removal: StageRemoval) -> None:
        """Undo :meth:`remove_stage`: the stage and its transitions return to their places."""
        self.add_stage(removal.stage, removal.index)
        for transition, index in sorted(removal.transitions, key=lambda p: p[1]):
            self.add_transition(transition, index)

    # ------------------------------------------------------------------ transitions
    def add_transition(self, transition: Transition, index: int | None = None) -> Transition:
        """Add an arrow; ``index`` is its place in transition order (default: after the
        source's other outgoing arrows)."""
        transition = _checked_steering(transition)
        self._check_transition(transition)
        if index is None:
            self._add_edge(transition)
        else:
            order = self.transitions
            order.insert(max(0, index), transition)
            self._set_edges(order)
        self.events.emit(ev.TransitionAdded(transition))
        return transition

    def replace_transition(self, transition: Transition,
                           successor_index: int | None = None) -> tuple[Transition, int]:
        """Put a new value for an existing transition (same id), possibly reconnected.

        ``successor_index`` places it among its (new) source's outgoing arrows; by default
        it keeps its place, or goes last when the source changes.  Returns the old value
        and its old successor index, which undo passes back.
        """
        old = self.transition(transition.id)
        old_index = self.successor_index(transition.id)
        transition = _checked_steering(transition)
        fields = tuple(f.name for f in dataclasses.fields(Transition)
                       if getattr(old, f.name) != getattr(transition, f.name))
        if (old.source, old.target) == (transition.source, transition.target) and (
                successor_index is None or successor_index == old_index):
            if fields:
                self._succ[old.source][old.target] = transition
                self._pred[old.target][old.source] = transition
                if self._nx is not None:
                    self._nx.edges[old.source, old.target]["transition"] = transition
                self.events.emit(ev.TransitionChanged(old, transition, fields))
            return old, old_index
        order = [t for t in self.transitions if t.id != transition.id]
        self._check_transition(transition, ignore=old.id)
        if successor_index is None:
            successor_index = old_index if old.source == transition.source else 10**9
        siblings = [i for i, t in enumerate(order) if t.source == transition.source]
        if siblings:
            pos = siblings[successor_index] if successor_index < len(siblings) else siblings[-1] + 1
        else:
            pos = len(order)
        order.insert(pos, transition)
        self._set_edges(order)
        self.events.emit(ev.TransitionChanged(old, transition, fields))
        return old, old_index

    def update_transition(self, transition_id: str, **changes: Any) -> Transition:
        if "id" in changes and changes["id"] != transition_id:
            raise ProcessError("A transition's id cannot change.")
        try:
            new = dataclasses.replace(self.transition(transition_id), **changes)
        except TypeError as exc:
            raise ProcessError(f"Cannot update transition {transition_id!r}: {exc}.") from None
        return self.replace_transition(new)[0]

    def set_waypoints(self, transition_id: str,
                      waypoints: Iterable[Position | tuple[float, float]]) -> Transition:
        """Give an arrow the manager's bend points (none: routed automatically again);
        returns the old value (for undo)."""
        points = tuple(Position(float(p.x), float(p.y)) if isinstance(p, Position)
                       else Position(float(p[0]), float(p[1])) for p in waypoints)
        return self.update_transition(transition_id, waypoints=points)

    def set_anchor(self, transition_id: str, end: str, anchor: Anchor | None) -> Transition:
        """Pin the ``"source"`` or ``"target"`` end of an arrow to a side and a spot along
        it (None: the router chooses again); returns the old value (for undo)."""
        if end not in ("source", "target"):
            raise ProcessError(f"An arrow has a source and a target end, not {end!r}.")
        return self.update_transition(transition_id, **{f"{end}_anchor": anchor})

    def set_arrow_style(self, transition_id: str,
                        style: ArrowStyle | str | None) -> Transition:
        """Draw one arrow straight, orthogonal or curved (None: the document's style);
        returns the old value (for undo)."""
        return self.update_transition(
            transition_id, style=None if style is None else _arrow_style(style))

    def remove_transition(self, transition_id: str) -> TransitionRemoval:
        transition = self.transition(transition_id)
        index = self.transition_index(transition_id)
        self._remove_edge(transition)
        self.events.emit(ev.TransitionRemoved(transition))
        return TransitionRemoval(transition, index)

    def restore_transition(self, removal: TransitionRemoval) -> None:
        self.add_transition(removal.transition, removal.index)

    def can_connect(self, source: str, target: str) -> str | None:
        """Why an arrow from ``source`` to ``target`` is not allowed, as the catalogue words
        it (``refuse.<reason>`` in :mod:`~salesdesigner.model.presentation`; see
        :meth:`ProcessError.refused`), or None if it is allowed."""
        if source == target:
            return "self-loop"
        if not (self.has_stage(source) and self.has_stage(target)):
            return "missing-stage"
        if target in self._succ[source]:
            return "duplicate-arrow"
        return None

    # ------------------------------------------------------------------ lanes
    def add_lane(self, lane: Lane, index: int | None = None) -> Lane:
        if not lane.id:
            raise ProcessError("A lane needs a non-empty id.")
        if self.has_lane(lane.id):
            raise ProcessError(f"A lane with id {lane.id!r} already exists.")
        if not (lane.height > 0 and math.isfinite(lane.height)):
            raise ProcessError(f"Lane {lane.id!r} needs a positive height.")
        index = len(self._lanes) if index is None else max(0, min(index, len(self._lanes)))
        self._lanes.insert(index, lane)
        self.events.emit(ev.LaneAdded(lane, index))
        return lane

    def replace_lane(self, lane: Lane) -> Lane:
        index = self.lane_index(lane.id)
        old = self._lanes[index]
        fields = tuple(f.name for f in dataclasses.fields(Lane)
                       if getattr(old, f.name) != getattr(lane, f.name))
        if fields:
            if not (lane.height > 0 and math.isfinite(lane.height)):
                raise ProcessError(f"Lane {lane.id!r} needs a positive height.")
            self._lanes[index] = lane
            self.events.emit(ev.LaneChanged(old, lane, fields))
        return old

    def update_lane(self, lane_id: str, **changes: Any) -> Lane:
        if "id" in changes and changes["id"] != lane_id:
            raise ProcessError("A lane's id cannot change.")
        try:
            new = dataclasses.replace(self.lane(lane_id), **changes)
        except TypeError as exc:
            raise ProcessError(f"Cannot update lane {lane_id!r}: {exc}.") from None
        return self.replace_lane(new)

    def move_lane(self, lane_id: str, index: int) -> int:
        """Move a lane to a new place top to bottom; returns its old index."""
        old = self.lane_index(lane_id)
        lane = self._lanes.pop(old)
        self._lanes.insert(max(0, min(index, len(self._lanes))), lane)
        if old != self.lane_index(lane_id):
            self.events.emit(ev.LanesReordered(tuple(x.id for x in self._lanes)))
        return old

    def remove_lane(self, lane_id: str) -> LaneRemoval:
        """Remove a lane; its stages stay, without a lane."""
        lane = self.lane(lane_id)
        index = self.lane_index(lane_id)
        members = tuple(s.id for s in self.stages if s.lane == lane_id)
        for stage_id in members:
            self.update_stage(stage_id, lane=None)
        del self._lanes[index]
        self.events.emit(ev.LaneRemoved(lane, index))
        return LaneRemoval(lane, index, members)

    def restore_lane(self, removal: LaneRemoval) -> None:
        self.add_lane(removal.lane, removal.index)
        for stage_id in removal.stage_ids:
            self.update_stage(stage_id, lane=removal.lane.id)

    # ------------------------------------------------------------------ attachments
    def add_attachment(self, attachment: Attachment, index: int | None = None) -> Attachment:
        """Embed a file; ``index`` puts it back where it was (undo)."""
        if not attachment.id:
            raise ProcessError("An attachment needs a non-empty id.")
        if attachment.id in self._attachments:
            raise ProcessError(f"An attachment with id {attachment.id!r} already exists.")
        self._attachments[attachment.id] = attachment
        if index is not None and index < len(self._attachments) - 1:
            items = list(self._attachments.items())
            items.insert(max(0, index), items.pop())
            self._attachments = dict(items)
        self.events.emit(ev.AttachmentAdded(attachment))
        return attachment

    def referenced_attachment_ids(self) -> set[str]:
        """The embedded files something points at: a material (``attachment:<id>``) or the
        cover logo."""
        ids = {m.attachment_id for stage in self.stages for m in stage.materials
               if m.attachment_id is not None}
        if self.logo:
            ids.add(self.logo)
        return ids

    def remove_attachment(self, attachment_id: str) -> Attachment:
        attachment = self.attachment(attachment_id)
        del self._attachments[attachment_id]
        self.events.emit(ev.AttachmentRemoved(attachment))
        return attachment

    # ------------------------------------------------------------------ internals
    def _check_lane_ref(self, stage: Stage) -> None:
        if stage.lane is not None and not self.has_lane(stage.lane):
            raise ProcessError(f"Stage {stage.id!r} refers to unknown lane {stage.lane!r}.")

    def _check_transition(self, t: Transition, ignore: str | None = None) -> None:
        if not t.id:
            raise ProcessError("A transition needs a non-empty id.")
        if t.id in self._edge_of and t.id != ignore:
            raise ProcessError(f"A transition with id {t.id!r} already exists.")
        for end in (t.source, t.target):
            if not self.has_stage(end):
                raise ProcessError(f"Transition {t.id!r} refers to unknown stage {end!r}.")
        if t.source == t.target:
            raise ProcessError(f"Transition {t.id!r} leads from stage {t.source!r} to itself.")
        existing = self.transition_between(t.source, t.target)
        if existing is not None and existing.id != ignore:
            raise ProcessError(f"Transition {t.id!r} duplicates {existing.id!r}: "
                               f"{t.source!r} → {t.target!r} is already connected.")

    def _add_edge(self, t: Transition) -> None:
        self._succ[t.source][t.target] = t
        self._pred[t.target][t.source] = t
        self._edge_of[t.id] = (t.source, t.target)
        self._nx = None

    def _remove_edge(self, t: Transition) -> None:
        del self._succ[t.source][t.target], self._pred[t.target][t.source]
        del self._edge_of[t.id]
        self._nx = None

    def _set_edges(self, order: list[Transition]) -> None:
        for targets in (*self._succ.values(), *self._pred.values()):
            targets.clear()
        self._edge_of.clear()
        for t in order:
            self._add_edge(t)

    def _rebuild(self, stages: list[Stage], transitions: list[Transition]) -> None:
        self._stages = {s.id: s for s in stages}
        self._succ = {s.id: {} for s in stages}
        self._pred = {s.id: {} for s in stages}
        self._edge_of = {}
        self._nx = None
        for t in transitions:
            self._add_edge(t)


__all__ = ["Process", "StageRemoval", "TransitionRemoval", "LaneRemoval"]
