"""DealEvent's own fast __init__ behaves as the dataclass's: every field where it belongs,
by position or keyword, the defaults, frozen afterwards, replace and pickling work."""

from __future__ import annotations

import dataclasses
import pickle
from datetime import datetime

import pytest

from salesdesigner.model.actuals import DealEvent, Outcome

WHEN = datetime(2026, 4, 1, 10, 30)


def test_every_field_lands_where_it_belongs_by_position_and_by_keyword():
    values = ("D1", "prop", WHEN, 1200.0, "佐藤", "A社", Outcome.LOST, "価格")
    by_position = DealEvent(*values)
    names = [f.name for f in dataclasses.fields(DealEvent)]
    by_keyword = DealEvent(**dict(zip(names, values, strict=True)))
    assert [getattr(by_position, n) for n in names] == list(values)
    assert by_keyword == by_position and hash(by_keyword) == hash(by_position)


def test_the_defaults_frozenness_replace_and_pickling_are_the_dataclasses():
    e = DealEvent("D1", "lead", WHEN)
    assert (e.amount, e.owner, e.deal_name, e.outcome, e.lost_reason) == (None, "", "", None, "")
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.amount = 5.0  # type: ignore[misc]
    assert dataclasses.replace(e, owner="Lee").owner == "Lee"
    assert pickle.loads(pickle.dumps(e)) == e
    with pytest.raises(TypeError):
        DealEvent("D1", "lead")  # type: ignore[call-arg]
