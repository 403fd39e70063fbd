"""Which column of an export holds what: detected from English and Japanese headers.

Headers are compared after Unicode normalisation (full-width letters count), ignoring case,
spaces, ``_ - . ・`` and a trailing unit in brackets (``金額(円)``).  A *long* export (one
row per deal per stage) needs a deal id, a stage and a date column; a *wide* export (one
row per deal) needs a deal id and one "date entered <stage>" column per stage.  These
synonyms are read, never shown: what the user sees are the export's own headers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

#: Event field → header synonyms, most specific first (normalised as :func:`normal`).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "deal_id": ("opportunityid", "dealid", "recordid", "opportunity", "dealnumber",
                "案件id", "商談id", "案件番号", "商談番号", "案件コード", "商談コード",
                "取引id", "id"),
    "stage": ("stage", "tostage", "newstage", "stagename", "dealstage", "phase",
              "フェーズ", "ステージ", "商談フェーズ", "案件フェーズ", "変更後フェーズ",
              "新フェーズ", "段階", "進捗", "ステータス"),
    "entered": ("dateentered", "stagedate", "enteredon", "changedate", "editdate",
                "lastmodified", "lastmodifieddate", "modifieddate", "date", "datetime",
                "変更日", "変更日時", "フェーズ変更日", "移行日", "更新日", "更新日時",
                "日付", "日時", "到達日"),
    "amount": ("amount", "dealamount", "opportunityamount", "value", "金額", "商談金額",
               "案件金額", "見込金額", "受注金額", "売上"),
    "owner": ("owner", "opportunityowner", "dealowner", "ownername", "salesrep", "rep",
              "担当者", "担当", "営業担当", "担当営業", "所有者", "商談所有者"),
    "deal_name": ("dealname", "opportunityname", "name", "案件名", "商談名", "取引名"),
    "outcome": ("outcome", "result", "wonlost", "closedstatus", "結果", "受注結果",
                "受注失注", "成否"),
    "lost_reason": ("lostreason", "closedlostreason", "reasonlost", "失注理由",
                    "失注要因", "理由"),
}
#: What an outcome cell may say (normalised as :func:`normal`); anything else: not said.
OUTCOME_WORDS: dict[str, str] = {
    **dict.fromkeys(("won", "closedwon", "win", "受注", "成約", "成立", "受注済"), "won"),
    **dict.fromkeys(("lost", "closedlost", "lose", "loss", "失注", "敗退", "見送り",
                     "不成立"), "lost"),
    **dict.fromkeys(("open", "inprogress", "進行中", "商談中", "オープン", "継続"), "open"),
}
#: Fields a long export must have, and a wide one (besides its stage date columns).
REQUIRED_LONG = ("deal_id", "stage", "entered")
REQUIRED_WIDE = ("deal_id",)

_WIDE = (
    re.compile(r"date\s*entered\s*[:\-]?\s*(?P<stage>.+)", re.IGNORECASE),
    re.compile(r"(?P<stage>.+?)\s*[:\-]?\s*(?:date\s*entered|entered\s*date|entry\s*date|"
               r"entered)", re.IGNORECASE),
    re.compile(r"(?P<stage>.+?)\s*(?:の)?(?:到達日|開始日|移行日|突入日|入った日)"),
    re.compile(r"(?:到達日|開始日|移行日)\s*[(（:：]\s*(?P<stage>.+?)\s*[)）]?"),
)
_QUOTES = "\"'“”「」『』"


def normal(header: str) -> str:
    """A header as compared: NFKC, lower case, no spaces or ``_-.・``, no unit in brackets."""
    text = unicodedata.normalize("NFKC", header).strip().casefold()
    text = re.sub(r"\s*[(\[]\s*(円|jpy|usd|\$|¥|yen)\s*[)\]]\s*$", "", text)
    return re.sub(r"[\s_\-.・/]+", "", text)


def wide_stage(header: str) -> str | None:
    """The stage a "date entered <stage>" header names (as the CRM spells it), or None."""
    text = unicodedata.normalize("NFKC", header).strip()
    for pattern in _WIDE:
        match = pattern.fullmatch(text)
        if match:
            stage = match["stage"].strip().strip(_QUOTES).strip()
            if stage:
                return stage
    return None


@dataclass
class Columns:
    """Where each field is: field → column index; for a wide export, stage name → index."""

    fields: dict[str, int] = field(default_factory=dict)
    stage_dates: dict[str, int] = field(default_factory=dict)

    @property
    def shape(self) -> str:
        return "long" if "stage" in self.fields and "entered" in self.fields else "wide"

    def missing(self) -> tuple[str, ...]:
        if self.shape == "long":
            return ()
        if "stage" in self.fields or not self.stage_dates:
            return tuple(f for f in REQUIRED_LONG if f not in self.fields)
        return tuple(f for f in REQUIRED_WIDE if f not in self.fields)


def detect_columns(header: list[str], given: dict[str, str] | None = None) -> Columns:
    """Find the fields in ``header``; ``given`` (field → header text) overrides detection,
    and a field given as "" is not read from any column."""
    normals = [normal(h) for h in header]
    found = Columns()
    taken: set[int] = set()
    absent = {name for name, text in (given or {}).items() if not text.strip()}
    for name, text in (given or {}).items():
        wanted = normal(text)
        if wanted and wanted in normals:
            found.fields[name] = normals.index(wanted)
            taken.add(found.fields[name])
    for name, synonyms in SYNONYMS.items():
        if name in found.fields or name in absent:
            continue
        for synonym in synonyms:
            hits = [i for i, n in enumerate(normals) if n == synonym and i not in taken]
            if hits:
                found.fields[name] = hits[0]
                taken.add(hits[0])
                break
    if found.shape == "wide":
        for i, text in enumerate(header):
            if i in taken:
                continue
            stage = wide_stage(text)
            if stage is not None and stage not in found.stage_dates:
                found.stage_dates[stage] = i
        if "entered" in found.fields and found.stage_dates:
            del found.fields["entered"]  # a lone "date" column beside stage dates is not ours
    return found


__all__ = ["OUTCOME_WORDS", "Columns", "SYNONYMS", "detect_columns", "normal", "wide_stage"]
