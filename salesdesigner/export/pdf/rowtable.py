"""A long table that splits page by page in linear time.

ReportLab's ``Table.split`` copies the remaining rows *and re-processes every style
command of the whole table* at each page break, so a table of n rows over n/40 pages costs
O(n²).  :class:`WindowedTable` keeps the rows and per-row style commands itself and only
ever builds a ReportLab table of the header plus a window of rows somewhat longer than a
page; splitting that window decides the page break exactly as the whole table would, and
the rows left over start the next window.  Same rows, same breaks, same look.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, Table, TableStyle

Command = tuple[Any, ...]

FIRST_WINDOW = 32   # rows tried first; grown while the window still fits the space


def _shift(command: Command, offset: int) -> Command:
    """A style command written for row 0 moved to table row ``offset``."""
    op, (c0, r0), (c1, r1), *rest = command
    return (op, (c0, r0 + offset), (c1, r1 + offset), *rest)


class WindowedTable(Flowable):
    """Header rows repeated on every page, body rows never broken mid-row, and never a
    single body row alone at the foot or the head of a page (when the table has more).

    ``style`` applies to every piece (use whole-table or header coordinates only);
    ``row_styles[i]`` are the commands of body row ``i``, written as if it were row 0.
    """

    def __init__(self, header: Sequence[Sequence[Any]], rows: Sequence[Sequence[Any]],
                 row_styles: Sequence[Sequence[Command]], *, col_widths: Sequence[float],
                 style: Sequence[Command] = (), window: int = FIRST_WINDOW) -> None:
        super().__init__()
        self.hAlign = "CENTER"  # as a ReportLab Table
        if len(row_styles) != len(rows):
            raise ValueError("one list of style commands per body row")
        self.header, self.rows = list(header), list(rows)
        self.row_styles = list(row_styles)
        self.col_widths, self.style = list(col_widths), list(style)
        self.first_window = max(1, window)  # the last page's row count, a little more
        self.tables_built = 0            # how many ReportLab tables this piece made
        self.rows_given = 0              # rows handed to them: linear work, counted for tests
        self._table: Table | None = None
        self._key: tuple[float, float] | None = None

    def _make(self, count: int) -> Table:
        head = len(self.header)
        commands = list(self.style)
        for i in range(count):
            commands += [_shift(cmd, head + i) for cmd in self.row_styles[i]]
        self.tables_built += 1
        self.rows_given += count
        table = Table(self.header + self.rows[:count], colWidths=self.col_widths,
                      repeatRows=head, splitByRow=1, splitInRow=0)
        table.setStyle(TableStyle(commands))
        table.hAlign = self.hAlign
        return table

    def _window(self, avail_width: float, avail_height: float) -> Table:
        """A window (from ``first_window`` rows, doubling) that overflows the space, or
        all rows when they fit."""
        if self._table is not None and self._key == (avail_width, avail_height):
            return self._table
        count = min(self.first_window, len(self.rows))
        while True:
            table = self._make(count)
            _, height = table.wrap(avail_width, avail_height)
            if height > avail_height or count == len(self.rows):
                break
            count = min(2 * count, len(self.rows))
        self._table, self._key = table, (avail_width, avail_height)
        return table

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        table = self._window(avail_width, avail_height)
        self.width, self.height = table.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        table = self._window(avail_width, avail_height)
        parts = table.split(avail_width, avail_height)
        if not parts:
            return []
        if len(parts) == 1 and parts[0] is table:  # everything left fits
            return [table]
        used = len(parts[0]._cellvalues) - len(self.header)
        if used <= 0:
            return []
        first = parts[0]
        if len(self.rows) - used == 1 and len(self.rows) >= 3:
            if used < 3:  # taking one more would leave one here: all go overleaf
                return []
            used -= 1  # never one row alone on the next page: take one more with it
            first = self._make(used)
        elif used == 1 and len(self.rows) >= 3:
            return []  # nor one row alone under the header at a page foot
        rest = WindowedTable(self.header, self.rows[used:], self.row_styles[used:],
                             col_widths=self.col_widths, style=self.style,
                             window=used + used // 4 + 2)
        rest.hAlign = self.hAlign
        return [first, rest]

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        # wrap() has just built the window: it holds every remaining row when we get here
        table = self._table if self._table is not None else self._make(len(self.rows))
        table.drawOn(canvas, x, y, _sW)

    def draw(self) -> None:  # pragma: no cover - drawOn delegates to the window table
        pass


__all__ = ["WindowedTable"]
