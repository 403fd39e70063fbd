"""Errors the user can cause and should read as one sentence.

Every layer raises a subclass of :class:`UserError` for bad input (a broken file, an arrow
that would loop back to its own stage).  The CLI prints ``error: <message>``; the GUI shows
the message in a dialog.  Anything else escaping is a bug.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem with what the user asked for or gave us, explained in one line."""

    def __str__(self) -> str:  # keep it to one line whatever the caller passed
        return " ".join(super().__str__().split())


class ProcessError(UserError):
    """An edit that would break the process's rules (self-loop, duplicate id or arrow, …)."""
