"""The bundled templates load, validate cleanly and are complete in both languages."""

from __future__ import annotations

import re

import pytest

from salesdesigner.model import Process, StageKind
from salesdesigner.model.validation import has_errors, validate
from salesdesigner.storage.json_format import InterchangeError, process_from_json, process_to_json
from salesdesigner.storage.templates import (
    TEMPLATE_LANGUAGES,
    TEMPLATE_NAMES,
    available_templates,
    load_template,
    template_path,
)

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
ALL = [(n, lang) for n in TEMPLATE_NAMES for lang in TEMPLATE_LANGUAGES]


def template(name: str, language: str) -> Process:
    assert template_path(name, language).is_file()
    return load_template(name, language)


@pytest.mark.parametrize("name,language", ALL)
def test_template_loads_and_validates_without_errors(name: str, language: str) -> None:
    p = template(name, language)
    findings = validate(p)
    assert not has_errors(findings), [f.message for f in findings]
    assert p.language == language and p.name
    assert p.start_stages() and any(s.kind is StageKind.WON for s in p.stages)


@pytest.mark.parametrize("name,language", ALL)
def test_every_working_stage_has_kpis_exit_criteria_and_actions(name: str, language: str) -> None:
    p = template(name, language)
    working = [s for s in p.stages if s.kind is StageKind.STAGE]
    assert len(working) >= 8
    for s in working:
        assert s.kpis and s.exit_criteria and s.actions and s.goal, s.id
        assert all(k.target is not None and k.unit for k in s.kpis), s.id


@pytest.mark.parametrize("name,language", ALL)
def test_template_text_is_in_its_language(name: str, language: str) -> None:
    p = template(name, language)
    texts = [p.name] + [t for s in p.stages for t in (s.name, s.goal, *s.exit_criteria)]
    if language == "ja":
        assert sum(bool(JAPANESE.search(t)) for t in texts) > len(texts) * 0.8
    else:
        assert not [t for t in texts if JAPANESE.search(t)]


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_both_languages_of_a_template_have_the_same_structure(name: str) -> None:
    ja, en = template(name, "ja"), template(name, "en")

    def shape(p: Process) -> tuple:
        return ([(s.id, s.kind, s.lane, len(s.kpis)) for s in p.stages],
                [(t.source, t.target) for t in p.transitions], [lane.id for lane in p.lanes])

    assert shape(ja) == shape(en)


@pytest.mark.parametrize("name,language", ALL)
def test_template_round_trips_through_json(name: str, language: str) -> None:
    p = template(name, language)
    assert process_from_json(process_to_json(p)) == p


def test_fresh_id_changes_only_the_process_id() -> None:
    first = template("eight-step", "ja")
    fresh = load_template("eight-step", "ja-JP", fresh_id=True)
    assert fresh.id != first.id and fresh.id
    assert fresh.stage_ids == first.stage_ids and fresh.name == first.name


def test_available_templates_lists_name_language_and_title() -> None:
    for name, language in ALL:
        template(name, language)
    listed = available_templates()
    assert [(n, lang) for n, lang, _ in listed] == ALL
    assert all(title == load_template(n, lang).name for n, lang, title in listed)


@pytest.mark.parametrize("name,language,message", [
    ("seven-step", "ja", "templates are eight-step, the-model"),
    ("eight-step", "fr", "exist in ja, en, not in 'fr'"),
])
def test_unknown_template_or_language_lists_the_valid_ones(name: str, language: str,
                                                           message: str) -> None:
    with pytest.raises(InterchangeError, match=message):
        load_template(name, language)
