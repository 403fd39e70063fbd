"""Back/forward history of visited stages, like a browser's (no Qt, so it is tested plainly)."""

from __future__ import annotations


class History:
    """Visited stage ids and a cursor; visiting after going back drops the forward part."""

    def __init__(self) -> None:
        self._items: list[str] = []
        self._index = -1

    @property
    def current(self) -> str | None:
        return self._items[self._index] if self._index >= 0 else None

    def visit(self, stage_id: str) -> None:
        if stage_id == self.current:
            return
        del self._items[self._index + 1:]
        self._items.append(stage_id)
        self._index = len(self._items) - 1

    def can_back(self) -> bool:
        return self._index > 0

    def can_forward(self) -> bool:
        return self._index < len(self._items) - 1

    def back(self) -> str | None:
        if self.can_back():
            self._index -= 1
        return self.current

    def forward(self) -> str | None:
        if self.can_forward():
            self._index += 1
        return self.current

    def prune(self, valid: set[str]) -> None:
        """Forget stages that no longer exist (the editor's process changed under us)."""
        current = self.current
        kept = [s for s in self._items if s in valid]
        # collapse neighbours that became equal after removal
        self._items = [s for i, s in enumerate(kept) if i == 0 or kept[i - 1] != s]
        if current in self._items:
            self._index = len(self._items) - 1 - self._items[::-1].index(current)
        else:
            self._index = len(self._items) - 1
