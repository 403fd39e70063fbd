"""A document holding many deal events is written in SQLite's largest pages (faster to save
and open); a small one keeps the default pages (every table takes at least a page).  Either
opens to the same actuals, as columns."""

from __future__ import annotations

import pytest

from salesdesigner.model.actuals.events import EventColumns
from salesdesigner.storage import document
from salesdesigner.storage.document import open_document, save_document
from salesdesigner.storage.templates import load_template
from tests.actuals.strategies import sample_actuals


def _page_size(path) -> int:  # type: ignore[no-untyped-def]
    size = int.from_bytes(path.read_bytes()[16:18], "big")
    return 65536 if size == 1 else size


@pytest.mark.parametrize(("from_events", "pages"), [(3, 65536), (4, 4096)])
def test_many_deal_events_are_written_in_large_pages(tmp_path, monkeypatch, from_events,
                                                     pages):
    monkeypatch.setattr(document, "LARGE_PAGES_FROM", from_events)  # the sample has 3
    process = load_template("eight-step", "ja")
    process.set_actuals(sample_actuals())
    path = tmp_path / "doc.salesdesign"
    save_document(process, path)
    assert _page_size(path) == pages
    back = open_document(path)
    assert back.actuals == process.actuals and isinstance(back.actuals.events, EventColumns)
    assert tuple(back.actuals.events) == tuple(process.actuals.events)
