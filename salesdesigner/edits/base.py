"""What every edit is: a value that changes a :class:`Process` and hands back its inverse.

An edit never keeps a reference to the process it changes; ``apply(process)`` makes the
change through the model's methods (so every view hears of it) and returns the edit that
takes it back.  Consecutive edits with the same :attr:`Edit.merge_key` may merge (typing in
one field is one undo step).  An edit is named by an untranslated :class:`Name`; a view
translates it when it shows it, so a language switch re-renders the same value.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from salesdesigner.model.process import Process

EDITS_CONTEXT = "EditNames"  # the translation catalogue context of the edit layer's own names


@dataclass(frozen=True)
class Name:
    """An undo step's name before translation: English source text with ``{placeholders}``,
    the catalogue context that translates it and the arguments (a :class:`Name` argument
    is translated too, e.g. "Add {item}" with item "Action")."""

    text: str
    args: tuple[tuple[str, Any], ...] = ()
    context: str = EDITS_CONTEXT

    def render(self, translate: Callable[[str, str], str] | None = None) -> str:
        """The name in the language ``translate(context, text)`` speaks (English without)."""
        text = translate(self.context, self.text) if translate is not None else self.text
        if not self.args:
            return text
        values = {k: v.render(translate) if isinstance(v, Name) else v for k, v in self.args}
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
            return self.text.format(**values)

    def __str__(self) -> str:
        return self.render()


def name(text: str, context: str = EDITS_CONTEXT, **args: Any) -> Name:
    return Name(text, tuple(args.items()), context)


@dataclass(frozen=True)
class Touched:
    """The ids an edit changes (what Undo selects, what a diff or a merge compares)."""

    stages: frozenset[str] = frozenset()
    transitions: frozenset[str] = frozenset()
    lanes: frozenset[str] = frozenset()
    attachments: frozenset[str] = frozenset()
    process: bool = False

    def __or__(self, other: Touched) -> Touched:
        return Touched(self.stages | other.stages, self.transitions | other.transitions,
                       self.lanes | other.lanes, self.attachments | other.attachments,
                       self.process or other.process)


def touched(*, stages: Iterable[str] = (), transitions: Iterable[str] = (),
            lanes: Iterable[str] = (), attachments: Iterable[str] = (),
            process: bool = False) -> Touched:
    return Touched(frozenset(stages), frozenset(transitions), frozenset(lanes),
                   frozenset(attachments), process)


@dataclass(frozen=True)
class Edit:
    """Base of every edit.  Subclasses are frozen dataclasses and implement :meth:`apply`."""

    name: Name = field(default=Name("Edit"), kw_only=True, compare=False)

    def apply(self, process: Process) -> Edit:
        """Make the change; returns the edit that undoes it exactly.  When the model
        refuses, raises its error and leaves the process as it was."""
        raise NotImplementedError

    @property
    def merge_key(self) -> Hashable | None:
        """Edits that may merge with the next one say so with a key (None: never)."""
        return None

    def merge(self, following: Edit) -> Edit | None:
        """One edit doing this and then ``following``, or None when they do not merge."""
        return None

    def touched(self) -> Touched:
        return Touched()

    def named(self, new_name: Name | str) -> Edit:
        return dataclasses.replace(self, name=new_name if isinstance(new_name, Name)
                                   else Name(new_name))

    def restores_all_of(self, later: Edit) -> bool:
        """True when undoing with this inverse also undoes what the inverse ``later`` would
        (used to keep merged undo steps short)."""
        return False


@dataclass(frozen=True)
class Compound(Edit):
    """Several edits as one step, all or nothing: when one is refused, those already
    applied are taken back before the error goes on."""

    steps: tuple[Edit, ...] = ()

    def apply(self, process: Process) -> Edit:
        inverses: list[Edit] = []
        try:
            for step in self.steps:
                inverses.append(step.apply(process))
        except Exception:
            for inverse in reversed(inverses):
                inverse.apply(process)
            raise
        return Compound(tuple(reversed(inverses)), name=self.name)

    def touched(self) -> Touched:
        result = Touched()
        for step in self.steps:
            result = result | step.touched()
        return result


def compound(steps: Iterable[Edit | None], new_name: Name | str) -> Edit | None:
    """A :class:`Compound` of the given steps (None entries skipped), the single step
    itself renamed when there is only one, None when there is none."""
    kept = tuple(s for s in steps if s is not None)
    label = new_name if isinstance(new_name, Name) else Name(new_name)
    if not kept:
        return None
    if len(kept) == 1:
        return kept[0].named(label)
    return Compound(kept, name=label)


def undo_both(later: Edit, earlier: Edit) -> Edit:
    """The inverse of two merged steps: undo ``later``, then ``earlier`` — or only
    ``earlier`` when it puts back everything ``later`` would (typing: the stage's value
    before the first keystroke)."""
    if earlier.restores_all_of(later):
        return earlier
    return Compound((later, earlier), name=earlier.name)


__all__ = ["Name", "name", "Touched", "touched", "Edit", "Compound", "compound", "undo_both",
           "EDITS_CONTEXT"]
