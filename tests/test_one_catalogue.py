"""Words live in one place: the presentation catalogue (salesdesigner/model/presentation)
for what the views say about a document, Qt Linguist (resources/i18n) for menus and
dialogs.  A Japanese literal or a ja/en table anywhere else is a second word table in the
making (issue 17 found nine), so this scan fails on it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import salesdesigner

PACKAGE = Path(salesdesigner.__file__).parent
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
# a word: two kana or kanji in a row (single characters in ranges and mark lists are not)
JAPANESE_WORD = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff\uff66-\uff9d]{2,}")

# file (relative to the package) -> why Japanese text may appear in its code
ALLOWED = {
    "model/presentation/ja.py": "the catalogue's Japanese table",
    "model/presentation/ja_analytics.py": "the catalogue's Japanese table (analytics words)",
    "model/presentation/ja_repository.py": "the catalogue's Japanese table (repository words)",
    "storage/csv_import.py": "column headings a Japanese spreadsheet may use (read, never shown)",
    "storage/actuals_import/columns.py": "CRM export headings and outcome words a Japanese "
                                         "SFA may use (read, never shown)",
    "export/pdf/text.py": "characters that may not start a line (kinsoku), not words",
    "ui/inspector/kpi_table.py": "glyph samples for measuring column widths, not shown",
    "ui/inspector/elided.py": "a glyph sample for measuring line height, not shown",
    "ui/inspector/forms.py": "日本語: a language is offered under its own name",
    "ui/dialogs/preferences.py": "日本語: a language is offered under its own name",
}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if (body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                    and isinstance(body[0].value.value, str)):
                found.add(id(body[0].value))
    return found


def _japanese_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    return [f"{node.lineno}: {node.value[:40]!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in skip and JAPANESE_WORD.search(node.value)]


def _language_tables(path: Path) -> list[str]:
    """Dict displays keyed by both "en" and "ja" with texts for values: a word table by
    another name (``{"ja": self.tr("Japanese"), …}`` is translated, so it is not one)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            texts = [v for v in node.values if isinstance(v, (ast.Constant, ast.Dict))]
            if {"en", "ja"} <= keys and texts:
                out.append(f"{node.lineno}")
    return out


def _mentions_japanese(test: ast.AST) -> bool:
    """A condition that asks whether the language is Japanese (``lang == "ja"``,
    ``tag.startswith("ja")``, ``words.japanese``, ``language_code(x) == "ja"``)."""
    for node in ast.walk(test):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and (
                node.value.lower().startswith("ja")):
            return True
        name = node.id if isinstance(node, ast.Name) else (
            node.attr if isinstance(node, ast.Attribute) else "")
        if "japanese" in name.lower():
            return True
    return False


def _texts_in(nodes: list[ast.AST]) -> list[str]:
    """The string literals in ``nodes`` other than bare language codes."""
    return [n.value for node in nodes for n in ast.walk(node)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and n.value.strip() and n.value not in ("ja", "en")]


def _language_branches(path: Path) -> list[str]:
    """``"「{}」" if lang.startswith("ja") else "“{}”"`` or ``if lang == "ja": text = …``:
    a two-entry word table written as a branch."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.IfExp) and _mentions_japanese(node.test):
            one, other = [node.body], [node.orelse]
        elif isinstance(node, ast.If) and _mentions_japanese(node.test):
            one, other = node.body, node.orelse  # a guard without ``else`` chooses nothing
        else:
            continue
        if _texts_in(one) and _texts_in(other):
            out.append(f"{node.lineno}: {_texts_in(one)[:1]} / {_texts_in(other)[:1]}")
    return out


def _sources() -> list[tuple[str, Path]]:
    return sorted((path.relative_to(PACKAGE).as_posix(), path)
                  for path in PACKAGE.rglob("*.py") if "__pycache__" not in path.parts)


def test_no_japanese_words_outside_the_catalogue() -> None:
    found = {name: hits for name, path in _sources() if name not in ALLOWED
             for hits in [_japanese_literals(path)] if hits}
    assert found == {}


def test_no_language_keyed_word_tables_outside_the_catalogue() -> None:
    found = {name: hits for name, path in _sources()
             if not name.startswith("model/presentation/")
             for hits in [_language_tables(path)] if hits}
    assert found == {}


def test_no_branch_on_the_language_chooses_between_words() -> None:
    """Quote marks, separators and language tags chosen by ``if japanese`` are a word table
    by another name (the validation report's loop names and the PDF's language tag were)."""
    found = {name: hits for name, path in _sources()
             if not name.startswith("model/presentation/")
             for hits in [_language_branches(path)] if hits}
    assert found == {}


def test_the_playbook_page_script_takes_every_word_from_its_data() -> None:
    """The HTML playbook's script and template carry no words of their own."""
    folder = PACKAGE / "export" / "html"
    found = {path.name: JAPANESE.findall(path.read_text(encoding="utf-8"))
             for path in [*folder.glob("*.js"), *folder.glob("*.html")]}
    assert {name: chars for name, chars in found.items() if chars} == {}


def test_the_allowed_files_exist_and_still_need_it() -> None:
    """An exception that is no longer needed is removed, so it cannot hide a new table."""
    stale = [name for name in ALLOWED
             if not (PACKAGE / name).exists() or not _japanese_literals(PACKAGE / name)]
    assert stale == []


def test_the_word_files_are_named_for_what_they_hold() -> None:
    """No more ``strings.py`` per medium or a ``labels.py`` for the reader's words."""
    names = [name for name, _ in _sources()]
    assert not [n for n in names if n.endswith("/strings.py")]
    assert "ui/playbook/labels.py" not in names


def test_module_names_say_what_they_hold_without_duplicates() -> None:
    """One ``document.py`` (the stored document), one ``style.py`` (the canvas look), one
    ``labels.py`` at most, and no ``collector.py`` that does not say what it collects."""
    names = [name for name, _ in _sources()]
    assert [n for n in names if n.endswith("/document.py")] == ["storage/document.py"]
    assert len([n for n in names if n.endswith("/style.py")]) <= 1
    assert len([n for n in names if n.endswith("/labels.py")]) <= 1
    assert not [n for n in names if n.rsplit("/", 1)[-1] == "collector.py"]
