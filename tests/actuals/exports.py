"""A deal history written as the exports managers have: long CSV (any encoding, date and
amount style), wide CSV (HubSpot's "Date entered <stage>" columns) and .xlsx."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

from hypothesis import strategies as st

from salesdesigner.model.actuals.events import DealEvent

#: Stages of the eight-step template a deal goes through, in order (id, Japanese name).
STAGES = (("lead", "リード発生"), ("prospecting", "プロスペクティング"),
          ("approach", "アプローチとアポイント獲得"), ("hearing", "ヒアリングとニーズ把握"),
          ("proposal", "提案とプレゼンテーション"), ("closing", "クロージング"),
          ("won", "受注"), ("lost", "失注"))
NAME = dict(STAGES)

DATE_STYLES = ("iso", "slash", "iso_time", "us", "japanese")


def date_text(when: datetime, style: str) -> str:
    if style == "iso":
        return f"{when:%Y-%m-%d}"
    if style == "slash":
        return f"{when:%Y/%m/%d}"
    if style == "iso_time":
        return f"{when:%Y-%m-%d %H:%M}"
    if style == "us":
        return f"{when.month}/{when.day}/{when.year}"
    return f"{when.year}年{when.month}月{when.day}日"


def amount_text(amount: float, style: int) -> str:
    value = int(amount)
    return (f"{value:,}", f"¥{value:,}", f"{value}円", f"{value}")[style % 4]


# cp932-safe owners and names (the history must survive every encoding)
_words = st.sampled_from(["山田", "佐藤", "Jane Doe", "鈴木 一郎", "O'Brien", "株式会社＜A＞",
                          "Acme, Inc.", '"Quoted" Co'])


@st.composite
def histories(draw: st.DrawFn, max_deals: int = 8) -> list[DealEvent]:
    """Deals entering template stages in order, on whole days (every style can say them)."""
    events = []
    for n in range(draw(st.integers(1, max_deals))):
        deal = f"OPP-{n:04d}"
        reach = draw(st.integers(1, 6))
        path = [sid for sid, _ in STAGES[:reach]]
        if reach == 6:
            path.append(draw(st.sampled_from(["won", "lost"])))
        when = datetime(2026, draw(st.integers(1, 6)), draw(st.integers(1, 28)))
        amount = float(draw(st.integers(1, 5000)) * 1000)
        owner, name = draw(_words), draw(_words)
        for sid in path:
            events.append(DealEvent(deal, sid, when, amount, owner, name))
            when = when.replace(day=min(28, when.day + draw(st.integers(0, 3))),
                                month=min(12, when.month + draw(st.integers(0, 1))))
    return events


def long_csv(events: list[DealEvent], styles: list[int], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["商談ID", "商談名", "フェーズ", "変更日", "金額", "担当者"])
    for e, style in zip(events, styles, strict=False):
        writer.writerow([e.deal_id, e.deal_name, NAME[e.stage_id],
                         date_text(e.entered, DATE_STYLES[style % 5]),
                         amount_text(e.amount or 0, style), e.owner])
    return out.getvalue()


def _by_deal(events: list[DealEvent]) -> dict[str, list[DealEvent]]:
    deals: dict[str, list[DealEvent]] = {}
    for e in events:
        deals.setdefault(e.deal_id, []).append(e)
    return deals


def wide_csv(events: list[DealEvent]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Record ID", "Deal Name", "Deal owner", "Amount",
                     *(f'Date entered "{name} (Sales Pipeline)"' for _, name in STAGES)])
    for deal, items in _by_deal(events).items():
        dates = {e.stage_id: f"{e.entered:%Y-%m-%d}" for e in items}
        first = items[0]
        writer.writerow([deal, first.deal_name, first.owner, f"{int(first.amount or 0):,}",
                         *(dates.get(sid, "") for sid, _ in STAGES)])
    return out.getvalue()


def write_xlsx(path: Path, events: list[DealEvent]) -> None:
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["案件ID", "案件名", "ステージ", "日付", "金額（円）", "担当者"])
    for e in events:
        sheet.append([e.deal_id, e.deal_name, NAME[e.stage_id], e.entered, e.amount, e.owner])
    book.save(path)
