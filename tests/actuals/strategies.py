"""Hypothesis strategies for deal histories (hostile text, CJK, amounts, outcomes)."""

from __future__ import annotations

from datetime import datetime

from hypothesis import strategies as st

from salesdesigner.model.actuals.events import DealEvent, Outcome
from salesdesigner.model.actuals.record import Actuals, ImportRecord, actuals_of
from tests.strategies import text

dates = st.datetimes(datetime(1990, 1, 1), datetime(2100, 12, 31)).map(
    lambda d: d.replace(microsecond=0))
amounts = st.one_of(st.none(), st.integers(-10**12, 10**12).map(float),
                    st.floats(-1e14, 1e14, allow_nan=False))
deal_events = st.builds(
    DealEvent, deal_id=text, stage_id=text, entered=dates, amount=amounts, owner=text,
    deal_name=text, outcome=st.one_of(st.none(), st.sampled_from(list(Outcome))),
    lost_reason=text)
pairs = st.lists(st.tuples(text, text), max_size=4).map(tuple)
import_records = st.builds(ImportRecord, source=text, imported_at=dates,
                           rows_used=st.integers(0, 10**9), rows_rejected=st.integers(0, 10**9),
                           shape=st.sampled_from(["long", "wide"]), columns=pairs,
                           stages=pairs, rows_ignored=st.integers(0, 10**9))
actuals = st.builds(actuals_of, st.lists(deal_events, max_size=12),
                    st.lists(import_records, max_size=3),
                    st.dictionaries(text, text, max_size=4))


def sample_actuals() -> Actuals:
    """Two deals of the eight-step template, in Japanese, with every field set."""
    events = [
        DealEvent("OPP-0001", "lead", datetime(2026, 4, 1), 1_200_000.0, "山田太郎",
                  "株式会社サンプル 基幹刷新", None, ""),
        DealEvent("OPP-0001", "proposal", datetime(2026, 4, 20, 10, 30), 1_200_000.0,
                  "山田太郎", "株式会社サンプル 基幹刷新", Outcome.WON, ""),
        DealEvent("OPP-0002", "lead", datetime(2026, 5, 2), 880_000.0, "Jane <Doe>",
                  "Acme & Co renewal", Outcome.LOST, "価格"),
    ]
    record = ImportRecord("export 4月.csv", datetime(2026, 6, 1, 9, 0), 3, 1, "long",
                          (("deal_id", "商談ID"), ("stage", "フェーズ")),
                          (("提案", "proposal"),))
    return actuals_of(events, [record], {"提案": "proposal", "リード": "lead"})
