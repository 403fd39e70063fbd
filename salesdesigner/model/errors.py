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

    def in_language(self, language: str | None) -> str:
        """The message for a reader of ``language`` (English unless it is worded in the
        presentation catalogue, as the model's refusals are)."""
        return str(self)


class ProcessError(UserError):
    """An edit that would break the process's rules (self-loop, duplicate id or arrow, …)."""

    def __init__(self, message: str, *, word: str | None = None) -> None:
        super().__init__(message)
        self.word = word  # the refusal's key in the catalogue's "refuse" scope, if worded there

    @classmethod
    def refused(cls, word: str) -> ProcessError:
        """The refusal ``word`` of the catalogue (``refuse.<word>``), in English for the
        command line and logs; :meth:`in_language` says it in the reader's language."""
        from salesdesigner.model.presentation import words_for
        return cls(words_for("en", "refuse")(word), word=word)

    def in_language(self, language: str | None) -> str:
        if self.word is None:
            return str(self)
        from salesdesigner.model.presentation import words_for
        return words_for(language, "refuse")(self.word)
