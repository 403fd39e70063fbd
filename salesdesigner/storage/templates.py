"""The bundled starting points: ready-made processes in Japanese and English.

Each template is a version-1 JSON file ``resources/templates/<name>.<lang>.json`` read with
the ordinary JSON importer, so templates obey the same rules as user files.
"""

from __future__ import annotations

from pathlib import Path

from salesdesigner.model import Process
from salesdesigner.model.ids import new_id
from salesdesigner.model.presentation import primary_language
from salesdesigner.paths import resource
from salesdesigner.storage.json_format import InterchangeError, import_json

TEMPLATE_NAMES: tuple[str, ...] = ("eight-step", "the-model")
TEMPLATE_LANGUAGES: tuple[str, ...] = ("ja", "en")


def template_path(name: str, language: str) -> Path:
    """The file of a template; unknown names or languages are a one-line error."""
    if name not in TEMPLATE_NAMES:
        raise InterchangeError(f"There is no template {name!r}; the templates are "
                               f"{', '.join(TEMPLATE_NAMES)}.")
    lang = primary_language(language)
    if lang not in TEMPLATE_LANGUAGES:
        raise InterchangeError(f"Templates exist in {', '.join(TEMPLATE_LANGUAGES)}, "
                               f"not in {language!r}.")
    return resource("templates", f"{name}.{lang}.json")


def load_template(name: str, language: str, *, fresh_id: bool = False) -> Process:
    """A new process from a template (``language`` may be a tag such as ``ja-JP``).

    The ids are those in the file; ``fresh_id=True`` gives the process a new random id, as
    a document created from a template should have.
    """
    path = template_path(name, language)
    if not path.is_file():
        raise InterchangeError(f"The template file {path.name} is missing from this "
                               "installation.")
    process = import_json(path)
    if fresh_id:
        process.id = new_id("process")
    return process


def available_templates() -> list[tuple[str, str, str]]:
    """(name, language, title) of every installed template, in menu order."""
    result = []
    for name in TEMPLATE_NAMES:
        for lang in TEMPLATE_LANGUAGES:
            if template_path(name, lang).is_file():
                result.append((name, lang, load_template(name, lang).name))
    return result
