"""Words on the stage page, in the document's language, and the small text helpers around them.

The page speaks the language the playbook was written in (a Japanese process gets 目標 and
完了条件 even on an English desktop), so these labels are chosen by ``Process.language``
rather than by the UI translator.  Nothing here knows Qt.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from salesdesigner.model.entities import Direction, Kpi, StageKind
from salesdesigner.model.numbers import display_number
from salesdesigner.model.vocabulary import kind_name, language_code, vocabulary


@dataclass(frozen=True)
class PageLabels:
    """Every fixed word the stage page and the route panel show, in one language."""

    language: str
    goal: str
    description: str
    exit_criteria: str
    kpis: str
    actions: str
    scripts: str
    materials: str
    tips: str
    next_steps: str
    comes_from: str
    step_of: str          # "{n} of {m}"
    no_lane: str
    duration: str         # "{days}"
    higher_is_better: str
    lower_is_better: str
    outcome: str
    process_start: str
    no_next: str
    empty_stage: str
    loops_back: str
    situation: str
    owner: str
    timing: str
    colon: str            # between a caption and its value
    parens: str           # "{0} ({1})"
    kinds: dict[str, str]
    fields: dict[str, str]


def _labels(language: str, **own: str) -> PageLabels:
    """The shared headings (model.vocabulary) plus the reader's own sentences."""
    words = vocabulary(language)
    shared = ("goal", "description", "exit_criteria", "kpis", "actions", "scripts",
              "materials", "tips", "next_steps", "comes_from", "step_of", "no_lane",
              "duration", "higher_is_better", "lower_is_better", "situation", "owner",
              "timing")
    return PageLabels(
        language=language, **{key: words[key] for key in shared},
        kinds={kind.value: kind_name(kind, language) for kind in StageKind},
        fields={"name": own.pop("field_name"), "goal": words["goal"],
                "description": own.pop("field_description"),
                "exit_criteria": words["exit_criteria"], "kpi": "KPI",
                "action": own.pop("field_action"), "script": own.pop("field_script"),
                "material": own.pop("field_material"), "tip": own.pop("field_tip")},
        **own)


_EN = _labels(
    "en", outcome="This is an outcome: the deal's path ends here.",
    process_start="This is where the process starts.",
    no_next="No next step has been drawn from this stage.",
    empty_stage="Nothing has been written for this stage yet.",
    loops_back="goes back to an earlier step", colon=": ", parens="{0} ({1})",
    field_name="Stage name", field_description="Description", field_action="Action",
    field_script="Talk script", field_material="Material", field_tip="Tip",
)

_JA = _labels(
    "ja", outcome="ここが商談の到達点です（このステップで終了）。",
    process_start="プロセスはここから始まります。",
    no_next="このステージからの次のステップはまだ描かれていません。",
    empty_stage="このステージにはまだ内容が書かれていません。",
    loops_back="前のステップに戻る", colon="：", parens="{0}（{1}）",
    field_name="ステージ名", field_description="説明", field_action="アクション",
    field_script="トークスクリプト", field_material="資料", field_tip="コツ",
)


def labels_for(language: str) -> PageLabels:
    """Labels for a document language such as ``ja``, ``ja-JP`` or ``en``; English otherwise."""
    return _JA if language_code(language) == "ja" else _EN


def kind_label(labels: PageLabels, kind: StageKind) -> str:
    return labels.kinds.get(StageKind(kind).value, StageKind(kind).value)


format_number = display_number  # one rule for every view (model.numbers)


def format_target(kpi: Kpi, labels: PageLabels) -> str:
    """"≥ 10%" / "≤ 5 days"; empty when the KPI has no numeric target."""
    if kpi.target is None:
        return ""
    sign = "≤" if Direction(kpi.direction) is Direction.LOWER else "≥"
    number = format_number(kpi.target)
    unit = kpi.unit.strip()
    if not unit:
        return f"{sign} {number}"
    glue = "" if unit in ("%", "％") or (labels.language == "ja" and not unit.isascii()) else " "
    return f"{sign} {number}{glue}{unit}"


def direction_hint(kpi: Kpi, labels: PageLabels) -> str:
    if Direction(kpi.direction) is Direction.LOWER:
        return labels.lower_is_better
    return labels.higher_is_better


_LONG_RUN = re.compile(r"[^\s\u200b]{40,}")


def breakable(text: str, every: int = 24) -> str:
    """Text with zero-width spaces inside very long unbroken runs, for display only.

    A 300-character URL or token would otherwise force the page wider than the window;
    copying always uses the model's text, never this.
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
