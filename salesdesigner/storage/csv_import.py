"""Import a manager's stage list from a spreadsheet (CSV) as a first, linear process.

One row per stage, in order, under a header row.  Headers are matched case-insensitively
after Unicode normalisation (full-width ``ＫＰＩ`` counts), in English or Japanese:

=================  ======================================  =========================
column             accepted headers                        notes
=================  ======================================  =========================
name (required)    name, stage, ステージ, ステージ名, 名前
goal               goal, 目標, ゴール, 目的
description        description, 説明, 概要
exit_criteria      exit_criteria, 完了条件, 移行条件        several: newlines or ``;``
duration_days      duration_days, days, 日数, 期間          ``7``, ``7日``, ``7 days``
lane               lane, department, 部門, レーン          lanes in first-seen order
kpi, kpi2, …       kpi, KPI名, kpi2 …
kpi_target, …      kpi_target, 目標値, kpi2_target, 目標値2  ``10``, ``10%``, ``1,000``
kpi_unit, …        kpi_unit, 単位, kpi2_unit, 単位2         else the target's suffix
=================  ======================================  =========================

Other columns (``No.``, ``備考``) are ignored.  The result runs start → rows in order →
won, with a lost outcome after the last row, laid out automatically.  Files may be UTF-8
(with or without BOM), UTF-16 with BOM, or Shift_JIS/cp932 as Japanese Excel saves them;
the separator (comma, tab or semicolon) is taken from the header line.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from pathlib import Path

from salesdesigner.model import Kpi, Lane, Process, Stage, StageKind, Transition
from salesdesigner.model.ids import new_id, slug_id
from salesdesigner.model.layout import apply_layout
from salesdesigner.model.presentation import words_for
from salesdesigner.storage.files import ReadError, read_regular
from salesdesigner.storage.json_format import InterchangeError
from salesdesigner.storage.limits import MAX_DURATION_DAYS

_HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("name", "stage", "stage_name", "ステージ", "ステージ名", "名前", "段階", "工程"),
    "goal": ("goal", "目標", "ゴール", "目的"),
    "description": ("description", "説明", "概要", "内容"),
    "exit_criteria": ("exit_criteria", "exit_criterion", "完了条件", "移行条件", "次に進む条件"),
    "duration_days": ("duration_days", "duration", "days", "日数", "期間", "所要日数"),
    "lane": ("lane", "department", "部門", "レーン", "担当部門", "部署"),
    "kpi": ("kpi", "kpi_name", "kpi名"),
    "kpi_target": ("kpi_target", "target", "目標値", "kpi目標値"),
    "kpi_unit": ("kpi_unit", "unit", "単位", "kpi単位"),
}
_LANE_COLORS = ("#4C78A8", "#F58518", "#54A24B", "#B279A2", "#72B7B2", "#EECA3B", "#9D755D")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?")


def _normal(header: str) -> str:
    text = unicodedata.normalize("NFKC", header).strip().lower()
    return re.sub(r"[\s\-]+", "_", text)


def _column_key(header: str) -> str | None:
    """Which field a header names (``kpi``, ``kpi2_target`` …), or None if unknown."""
    text = _normal(header)
    for key, names in _HEADERS.items():
        if text in names:
            return key
    for pattern in (r"kpi_?(?P<n>\d+)_?(?P<f>target|unit|目標値|単位)?",
                    r"(?:kpi_?)?(?P<f>target|unit|目標値|単位)_?(?P<n>\d+)"):
        match = re.fullmatch(pattern, text)
        if match:
            n = int(match["n"])
            field = {None: "", "target": "_target", "目標値": "_target", "unit": "_unit",
                     "単位": "_unit"}[match["f"]]
            return ("kpi" if n == 1 else f"kpi{n}") + field
    return None


def decode_csv(raw: bytes) -> str:
    """The text of a CSV file: UTF-8 (BOM or not), UTF-16 with BOM, or Shift_JIS/cp932."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InterchangeError("The CSV file claims to be UTF-16 but is not.") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp932")
    except UnicodeDecodeError:
        text = ""
    # Python's cp932 maps a few unassigned bytes to C1 controls and private-use characters;
    # real Shift_JIS text never holds them, so their presence means "not Shift_JIS at all".
    if text and not re.search("[\x00-\x08\x0e-\x1f\x7f-\x9f\uf8f0-\uf8f3]", text):
        return text
    raise InterchangeError("The CSV file is neither UTF-8 nor Shift_JIS (cp932) text; "
                           "save it from Excel as 'CSV UTF-8'.")


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _number(text: str, line: int, column: str) -> tuple[float, str]:
    """A number written by a person (``10``, ``10%``, ``1,000``, ``７日``) and its suffix."""
    norm = unicodedata.normalize("NFKC", text).strip()
    norm = norm.lstrip("¥$€£").strip()
    match = _NUMBER.match(norm)
    digits = match.group(0) if match else ""
    if not re.search(r"\d", digits):
        raise InterchangeError(f"Line {line}: {column} {text.strip()[:40]!r} is not a number.")
    suffix = norm[len(digits):].strip()
    if re.search(r"\d", suffix):
        raise InterchangeError(f"Line {line}: {column} {text.strip()[:40]!r} is not a number.")
    value = float(digits.replace(",", ""))
    if not math.isfinite(value):
        raise InterchangeError(f"Line {line}: {column} {text.strip()[:40]!r} is too large.")
    return value, suffix


def _days(text: str, line: int) -> float:
    value, suffix = _number(text, line, "duration")
    if suffix.lower() not in ("", "日", "d", "day", "days", "日間"):
        raise InterchangeError(f"Line {line}: duration {text.strip()[:40]!r} is not a number "
                               "of days.")
    if not 0 <= value <= MAX_DURATION_DAYS:
        raise InterchangeError(f"Line {line}: duration {text.strip()[:40]!r} must be between "
                               f"0 and {MAX_DURATION_DAYS:,.0f} days.")
    return value


def _split_criteria(text: str) -> tuple[str, ...]:
    parts = (p.strip() for p in re.split(r"[;\n\r；]", text))
    return tuple(p for p in parts if p)


def _kpis(row: dict[str, str], line: int) -> tuple[Kpi, ...]:
    result = []
    numbers = sorted({int(m.group(1) or 1) for key in row
                      if (m := re.fullmatch(r"kpi(\d*)(?:_target|_unit)?", key))})
    for n in numbers:
        prefix = "kpi" if n == 1 else f"kpi{n}"
        name = row.get(prefix, "").strip()
        target_text = row.get(f"{prefix}_target", "").strip()
        unit = row.get(f"{prefix}_unit", "").strip()
        if not name:
            if target_text or unit:
                raise InterchangeError(f"Line {line}: a KPI target or unit is given without "
                                       "a KPI name.")
            continue
        target = None
        if target_text:
            target, suffix = _number(target_text, line, f"KPI target for {name[:40]!r}")
            unit = unit or suffix
        result.append(Kpi(name=name, target=target, unit=unit))
    return tuple(result)


def _file_oddities(text: str) -> None:
    """One clear error for what a spreadsheet never writes but a damaged or crafted file
    holds: a second byte-order mark, NUL bytes."""
    if text.startswith("\ufeff"):
        raise InterchangeError("The CSV file starts with two byte-order marks (BOM); it was "
                               "probably converted twice. Remove the extra one.")
    nul = text.find("\x00")
    if nul >= 0:
        raise InterchangeError(f"Line {text.count(chr(10), 0, nul) + 1}: the CSV file holds a "
                               "NUL byte; it is damaged or not a text file.")


def _unclosed_quote(text: str, delimiter: str) -> None:
    """A quote never closed would swallow every following row into one stage name."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    try:
        for _ in reader:
            start = reader.line_num + 1
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise InterchangeError(f"Line {start}: a quote (\") opened in this row is never "
                                   "closed, so every following row would become part of "
                                   "one cell; close the quote.") from None


def _rows(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Header keys and (line number, {key: cell}) for every non-blank row."""
    _unclosed_quote(text, _delimiter(text))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header = next((row for row in reader if any(c.strip() for c in row)), None)
        if header is None:
            raise InterchangeError("The CSV file is empty: it needs a header row and one row "
                                   "per stage.")
        keys: list[str] = []
        for cell in header:
            key = _column_key(cell)
            if key is not None and key in keys:
                raise InterchangeError(f"The CSV has two columns for {key!r}.")
            keys.append(key or "")
        if "name" not in keys:
            found = ", ".join(repr(h.strip()[:30]) for h in header if h.strip())
            raise InterchangeError(f"CSV has no 'name' column (found: {found}).")
        rows = []
        line = reader.line_num + 1
        for cells in reader:
            if any(c.strip() for c in cells):
                rows.append((line, {k: v for k, v in zip(keys, cells, strict=False) if k}))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InterchangeError(f"The CSV file is malformed near line {reader.line_num}: "
                               f"{exc}.") from None
    return keys, rows


def process_from_csv(text: str, *, language: str | None = None, name: str = "") -> Process:
    """Build a linear process from CSV text (see the module docstring for the columns)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    keys, rows = _rows(text)
    if not rows:
        raise InterchangeError("The CSV file has a header row but no stages.")
    if language is None:
        language = "ja" if _JAPANESE.search(text) else "en"
    words = words_for(language)
    process = Process(id=new_id("process"), name=name, language=language)
    lane_of: dict[str, str] = {}
    ids: set[str] = {"start", "won", "lost"}
    stages: list[Stage] = []
    for line, row in rows:
        stage_name = row.get("name", "").strip()
        if not stage_name:
            raise InterchangeError(f"Line {line}: the stage has no name.")
        lane_name = row.get("lane", "").strip()
        if lane_name and lane_name not in lane_of:
            lane_id = slug_id(lane_name, set(lane_of.values()), fallback=f"lane-{len(lane_of) + 1}")
            process.add_lane(Lane(lane_id, lane_name,
                                  _LANE_COLORS[len(lane_of) % len(_LANE_COLORS)]))
            lane_of[lane_name] = lane_id
        duration = row.get("duration_days", "").strip()
        stage = Stage(id=slug_id(stage_name, ids, fallback=f"stage-{len(stages) + 1}"),
                      name=stage_name,
                      lane=lane_of.get(lane_name),
                      goal=row.get("goal", "").strip(),
                      description=row.get("description", "").strip(),
                      exit_criteria=_split_criteria(row.get("exit_criteria", "")),
                      duration_days=_days(duration, line) if duration else None,
                      kpis=_kpis(row, line))
        ids.add(stage.id)
        stages.append(stage)
    first_lane, last_lane = stages[0].lane, stages[-1].lane
    chain = [Stage("start", words.kind(StageKind.START), StageKind.START, first_lane), *stages,
             Stage("won", words.kind(StageKind.WON), StageKind.WON, last_lane)]
    for stage in [*chain, Stage("lost", words.kind(StageKind.LOST), StageKind.LOST, last_lane)]:
        process.add_stage(stage)
    for n, (a, b) in enumerate(zip(chain, chain[1:], strict=False), 1):
        label = words.kind(StageKind.WON) if b.kind is StageKind.WON else ""
        process.add_transition(Transition(f"t{n}", a.id, b.id, label))
    process.add_transition(Transition(f"t{len(chain)}", stages[-1].id, "lost",
                                      words.kind(StageKind.LOST)))
    apply_layout(process)
    return process


def import_csv(path: Path | str, *, language: str | None = None,
               name: str | None = None) -> Process:
    """Read a stage-list CSV file; the process is named after the file unless ``name`` says."""
    path = Path(path)
    try:
        raw = read_regular(path)
    except ReadError as exc:
        raise InterchangeError(str(exc)) from None
    if not raw.strip():
        raise InterchangeError("The CSV file is empty: it needs a header row and one row "
                               "per stage.")
    text = decode_csv(raw)
    _file_oddities(text)
    return process_from_csv(text, language=language,
                            name=path.stem if name is None else name)
