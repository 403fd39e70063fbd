"""Change events a :class:`~salesdesigner.model.process.Process` emits after every mutation.

Views (canvas items, panels, the validation dock) subscribe and update themselves; undo
commands only call ``Process`` methods.  A tiny observer is enough here and keeps the
model free of Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from salesdesigner.model.entities import Attachment, Lane, Stage, Transition


@dataclass(frozen=True)
class StageAdded:
    stage: Stage
    index: int


@dataclass(frozen=True)
class StageRemoved:
    stage: Stage
    index: int


@dataclass(frozen=True)
class StageChanged:
    """``fields`` names what changed (e.g. ``("position",)``); ``old`` is the previous value."""

    old: Stage
    new: Stage
    fields: tuple[str, ...]


@dataclass(frozen=True)
class TransitionAdded:
    transition: Transition


@dataclass(frozen=True)
class TransitionRemoved:
    transition: Transition


@dataclass(frozen=True)
class TransitionChanged:
    old: Transition
    new: Transition
    fields: tuple[str, ...]


@dataclass(frozen=True)
class LaneAdded:
    lane: Lane
    index: int


@dataclass(frozen=True)
class LaneRemoved:
    lane: Lane
    index: int


@dataclass(frozen=True)
class LaneChanged:
    old: Lane
    new: Lane
    fields: tuple[str, ...]


@dataclass(frozen=True)
class LanesReordered:
    order: tuple[str, ...]


@dataclass(frozen=True)
class AttachmentAdded:
    attachment: Attachment


@dataclass(frozen=True)
class AttachmentRemoved:
    attachment: Attachment


@dataclass(frozen=True)
class ProcessChanged:
    """A process-level field (name, language, …) changed."""

    fields: tuple[str, ...]
    old: dict[str, Any]


@dataclass(frozen=True)
class ActualsChanged:
    """The deal history from the CRM changed (an import, a strip); ``old`` is what it was."""

    old: Any


@dataclass(frozen=True)
class ProcessReset:
    """The whole content was replaced (e.g. Revert); views rebuild from scratch."""


Event = (
    StageAdded | StageRemoved | StageChanged
    | TransitionAdded | TransitionRemoved | TransitionChanged
    | LaneAdded | LaneRemoved | LaneChanged | LanesReordered
    | AttachmentAdded | AttachmentRemoved | ProcessChanged | ProcessReset | ActualsChanged
)

Listener = Callable[[Event], None]


class EventHub:
    """Calls every subscribed listener, in subscription order, with each event."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def connect(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def disconnect(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def emit(self, event: Event) -> None:
        for listener in tuple(self._listeners):
            listener(event)
