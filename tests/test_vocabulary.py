"""The manual, the HTML playbook and the in-app reader call the parts of a stage by the
same names (model.vocabulary), in both languages."""

from __future__ import annotations

import pytest

from salesdesigner.export.html.strings import labels_for as html_labels
from salesdesigner.export.pdf.strings import Labels as PdfLabels
from salesdesigner.model.entities import StageKind
from salesdesigner.model.vocabulary import kind_name, vocabulary
from salesdesigner.ui.playbook.labels import labels_for as reader_labels

# heading -> (PDF key, HTML key, reader attribute)
HEADINGS = {
    "goal": ("goal", "goal", "goal"),
    "exit_criteria": ("exit", "exit_criteria", "exit_criteria"),
    "kpis": ("kpis", "kpis", "kpis"),
    "actions": ("actions", "actions", "actions"),
    "scripts": ("scripts", "scripts", "scripts"),
    "materials": ("materials", "materials", "materials"),
    "tips": ("tips", "tips", "tips"),
    "next_steps": ("next", "next_steps", "next_steps"),
    "no_lane": ("no_lane", "no_lane", "no_lane"),
}


@pytest.mark.parametrize("language", ["en", "ja", "ja-JP"])
def test_manual_playbook_and_reader_use_the_same_headings(language):
    words = vocabulary(language)
    pdf, html, reader = PdfLabels(language), html_labels(language), reader_labels(language)
    for key, (pdf_key, html_key, reader_key) in HEADINGS.items():
        assert pdf(pdf_key) == html[html_key] == getattr(reader, reader_key) == words[key], key
    for kind in StageKind:
        name = kind_name(kind, language)
        assert pdf.kind(kind) == html[f"kind_{kind.value}"] == reader.kinds[kind.value] == name


def test_japanese_words_follow_the_designer_ui():
    words = vocabulary("ja")
    assert (words["goal"], words["actions"], words["no_lane"]) == ("目標", "アクション", "レーンなし")
    assert kind_name(StageKind.DECISION, "ja") == "分岐"
    assert vocabulary("en")["goal"] == "Goal" and vocabulary("fr") == vocabulary("en")
