"""The texts the canvas shows itself: menus and status messages in the UI language (Qt
Linguist, context "Canvas" of resources/i18n), default names and kind names from the
presentation catalogue (model.presentation)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from salesdesigner.model.entities import StageKind
from salesdesigner.model.presentation import words_for

# menus and messages: English sources, translated by the installed Qt translator
_UI_TEXTS: dict[str, str] = {
    "rename-lane": QT_TRANSLATE_NOOP("Canvas", "Rename Lane…"),
    "recolour-lane": QT_TRANSLATE_NOOP("Canvas", "Change Colour…"),
    "lane-up": QT_TRANSLATE_NOOP("Canvas", "Move Lane Up"),
    "lane-down": QT_TRANSLATE_NOOP("Canvas", "Move Lane Down"),
    "delete-lane": QT_TRANSLATE_NOOP("Canvas", "Delete Lane"),
    "add-lane": QT_TRANSLATE_NOOP("Canvas", "Add Lane"),
    "add-stage-here": QT_TRANSLATE_NOOP("Canvas", "Add Stage Here"),
    "lane-name": QT_TRANSLATE_NOOP("Canvas", "Lane name:"),
    "add-kind": QT_TRANSLATE_NOOP("Canvas", "Add"),
    "rename": QT_TRANSLATE_NOOP("Canvas", "Rename"),
    "duplicate": QT_TRANSLATE_NOOP("Canvas", "Duplicate"),
    "delete": QT_TRANSLATE_NOOP("Canvas", "Delete"),
    "copy": QT_TRANSLATE_NOOP("Canvas", "Copy"),
    "arrow-style": QT_TRANSLATE_NOOP("Canvas", "Arrow Style"),
    "document-arrow-style": QT_TRANSLATE_NOOP("Canvas", "Arrow Style of the Document"),
    "style-default": QT_TRANSLATE_NOOP("Canvas", "As the Document"),
    "style-curved": QT_TRANSLATE_NOOP("Canvas", "Curved"),
    "style-orthogonal": QT_TRANSLATE_NOOP("Canvas", "Orthogonal"),
    "style-straight": QT_TRANSLATE_NOOP("Canvas", "Straight"),
    "straighten": QT_TRANSLATE_NOOP("Canvas", "Remove Bend Points"),
    "automatic-ends": QT_TRANSLATE_NOOP("Canvas", "Ends Chosen Automatically"),
    "no-target": QT_TRANSLATE_NOOP("Canvas", "Drop the arrow on a stage to connect."),
    "bad-clipboard": QT_TRANSLATE_NOOP(
        "Canvas", "The clipboard does not hold stages SalesDesigner can paste."),
    "need-two": QT_TRANSLATE_NOOP("Canvas", "Select at least two stages to align."),
    "need-three": QT_TRANSLATE_NOOP("Canvas", "Select at least three stages to distribute."),
    "find-placeholder": QT_TRANSLATE_NOOP("Canvas", "Find stages…"),
    "find-count": QT_TRANSLATE_NOOP("Canvas", "{i} of {n}"),
    "find-none": QT_TRANSLATE_NOOP("Canvas", "No matches"),
    "found-in-goal": QT_TRANSLATE_NOOP("Canvas", "in the goal"),
    "found-in-description": QT_TRANSLATE_NOOP("Canvas", "in the description"),
    "found-in-exit_criteria": QT_TRANSLATE_NOOP("Canvas", "in the exit criteria"),
    "found-in-kpi": QT_TRANSLATE_NOOP("Canvas", "in a KPI"),
    "found-in-action": QT_TRANSLATE_NOOP("Canvas", "in an action"),
    "found-in-script": QT_TRANSLATE_NOOP("Canvas", "in a talk script"),
    "found-in-material": QT_TRANSLATE_NOOP("Canvas", "in a material"),
    "found-in-tip": QT_TRANSLATE_NOOP("Canvas", "in a tip"),
}

# words of the document (what a new stage or lane is called) and the kinds' names: the
# catalogue's, in the language asked for
_CATALOGUE_KEYS: dict[str, str] = {
    "new-stage": "new_stage", "new-decision": "new_decision", "new-lane": "new_lane",
    **{f"new-{kind.value}": f"kind_{kind.value}"
       for kind in (StageKind.START, StageKind.END, StageKind.WON, StageKind.LOST)},
    **{f"kind-{kind.value}": f"kind_{kind.value}" for kind in StageKind},
}

def text(key: str, lang: str, **values: object) -> str:
    """A canvas text: a catalogue word in ``lang``, or a menu/message text in the UI language."""
    if key in _CATALOGUE_KEYS:
        return words_for(lang)(_CATALOGUE_KEYS[key], **values)
    return QCoreApplication.translate("Canvas", _UI_TEXTS[key]).format(**values)


# the text key a new stage of each kind is named by
DEFAULT_NAMES = {StageKind.STAGE: "new-stage", StageKind.START: "new-start",
                 StageKind.END: "new-end", StageKind.WON: "new-won",
                 StageKind.LOST: "new-lost", StageKind.DECISION: "new-decision"}
