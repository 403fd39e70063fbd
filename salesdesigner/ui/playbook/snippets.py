"""Text helpers of the reader: long runs made breakable, one-line snippets around a match.

Layout only; the reader's words come from :mod:`salesdesigner.model.presentation`.
Nothing here knows Qt.
"""

from __future__ import annotations

import re
import unicodedata

_LONG_RUN = re.compile(r"[^\s\u200b]{40,}")


def breakable(text: str, every: int = 10) -> str:
    """Text with zero-width spaces inside very long unbroken runs, for display only.

    A 300-character URL or token would otherwise force the page wider than the window;
    copying always uses the model's text, never this.  Ten characters per piece: in the
    stage name's heading size with a wide system font (DejaVu Sans with the Japanese
    fallbacks) 24 were already wider than a reader window beside the route panel.
    """
    def split(match: re.Match[str]) -> str:
        run = match.group(0)
        return "\u200b".join(run[i:i + every] for i in range(0, len(run), every))
    return _LONG_RUN.sub(split, text)


def one_line(text: str) -> str:
    """Whitespace (newlines, tabs) collapsed to single spaces, for lists and snippets."""
    return " ".join(text.split())


_JOINERS = {"\uff9e", "\uff9f", "\u3099", "\u309a", "\u309b", "\u309c"}


def _clusters(text: str) -> list[tuple[int, str]]:
    """(offset, characters) of each base character with the marks that compose with it."""
    result: list[tuple[int, str]] = []
    for i, ch in enumerate(text):
        if result and (unicodedata.combining(ch) or ch in _JOINERS):
            start, chars = result[-1]
            result[-1] = (start, chars + ch)
        else:
            result.append((i, ch))
    return result


def _fold(text: str) -> tuple[str, list[int]]:
    """``search.normalize`` applied per cluster (so ﾎﾟ folds to ポ like in the search),
    with a map from each folded character back to its original offset."""
    folded, origin = [], []
    for start, chars in _clusters(text):
        part = unicodedata.normalize("NFKC", chars).casefold()
        folded.append(part)
        origin.extend([start] * len(part))
    return "".join(folded), origin


def snippet(text: str, query: str, width: int = 90) -> tuple[str, str, str]:
    """(before, match, after) around the first match of ``query`` in ``text``, one line.

    Matching follows the search (NFKC, case-insensitive); if the match cannot be located
    exactly the start of the text is returned as ``before``.
    """
    flat = one_line(text)
    folded, origin = _fold(flat)
    needle = unicodedata.normalize("NFKC", query).casefold().strip()
    pos = folded.find(needle) if needle else -1
    if pos < 0:
        return (flat[:width] + ("…" if len(flat) > width else ""), "", "")
    start = origin[pos]
    last = origin[pos + len(needle) - 1]
    end = next((o for o in origin[pos + len(needle):] if o > last), len(flat))
    room = max(10, (width - (end - start)) // 2)
    before = flat[max(0, start - room):start]
    after = flat[end:end + room]
    if start - room > 0:
        cut = before.find(" ", 0, 16)  # do not start in the middle of a word
        before = "…" + (before[cut + 1:] if cut >= 0 else before)
    if end + room < len(flat):
        cut = after.rfind(" ", max(0, len(after) - 16))
        after = (after[:cut] if cut > 0 else after) + "…"
    return before, flat[start:end], after
