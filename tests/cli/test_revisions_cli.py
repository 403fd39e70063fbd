"""``salesdesigner publish``, ``revisions`` and ``diff FILE@REV`` as a script uses them."""

from __future__ import annotations

import json

import pytest

from salesdesigner.cli import main
from salesdesigner.storage.document import open_document, save_document
from salesdesigner.storage.templates import load_template
from tests.cli.test_cli import fingerprint


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "営業.salesdesign"
    process = load_template("eight-step", "ja")
    save_document(process, path)
    return path


def _err_line(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: "), err
    return err[0]


def test_publish_then_list_prints_each_revision_and_whether_the_draft_changed(doc, capsys):
    assert main(["revisions", str(doc)]) == 0
    assert capsys.readouterr().out == f"{doc} にはまだ発行された版がありません。\n"
    assert main(["publish", str(doc), "--title", "初版", "--author", "山田",
                 "--note", "四半期\n開始"]) == 0
    assert capsys.readouterr().out == f"{doc} の第1版を発行しました\n"
    process = open_document(doc)
    process.update_stage("proposal", goal="新しい目標")
    save_document(process, doc)
    assert main(["publish", str(doc), "--title", "<b>提案</b> \"改訂\" 😀",
                 "--author", ""]) == 0
    capsys.readouterr()
    assert main(["revisions", str(doc), "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("  1  20") and lines[0].endswith("  山田  初版")
    assert lines[1] == "     Note: 四半期 開始"  # one line per note, whatever was typed
    assert lines[2].endswith(":") is False and lines[2].endswith("<b>提案</b> \"改訂\" 😀")
    assert lines[3] == "Draft: the same as revision 2"
    assert main(["revisions", str(doc), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(r["number"], r["title"], r["author"]) for r in data["revisions"]] == [
        (1, "初版", "山田"), (2, "<b>提案</b> \"改訂\" 😀", "")]
    assert data["draft_is"] == 2


def test_diff_between_revisions_and_the_draft(doc, capsys):
    assert main(["publish", str(doc), "--title", "one"]) == 0
    process = open_document(doc)
    stage = process.stage("proposal")
    process.update_stage("proposal", kpis=(stage.kpis[0].__class__(
        **{**stage.kpis[0].__dict__, "target": 35.0}), *stage.kpis[1:]))
    save_document(process, doc)
    capsys.readouterr()
    assert main(["diff", f"{doc}@1", f"{doc}@draft", "--json"]) == 1
    changes = json.loads(capsys.readouterr().out)
    assert "35" in json.dumps(changes) and "30" in json.dumps(changes)
    assert main(["diff", f"{doc}@latest", f"{doc}@1"]) == 0  # the same revision
    assert main(["publish", str(doc), "--title", "two"]) == 0
    capsys.readouterr()
    assert main(["diff", f"{doc}@2", str(doc)]) == 0
    assert main(["diff", f"{doc}@1", f"{doc}@latest"]) == 1


@pytest.mark.parametrize(("ref", "message"), [
    ("@7", "has no revision 7 (it has revision 1 only)"),
    ("@0", "'0' is not a revision"),
    ("@three", "'three' is not a revision"),
    ("@", "'' is not a revision"),
])
def test_a_bad_revision_is_one_error_line_and_exit_2(doc, capsys, ref, message):
    assert main(["publish", str(doc), "--title", "one"]) == 0
    capsys.readouterr()
    before = fingerprint(doc)
    assert main(["diff", f"{doc}{ref}", str(doc)]) == 2
    assert message in _err_line(capsys)
    assert fingerprint(doc) == before


def test_latest_of_a_never_published_file_and_bad_publish_arguments_exit_2(doc, capsys):
    before = fingerprint(doc)
    assert main(["diff", f"{doc}@latest", str(doc)]) == 2
    assert "no published revision yet" in _err_line(capsys)
    assert main(["publish", str(doc)]) == 2
    assert "--title" in _err_line(capsys)
    assert main(["publish", str(doc), "--title", " "]) == 2
    assert "needs a title" in _err_line(capsys)
    assert main(["publish", str(doc), "--title", "x", "--note", "y" * 100_001]) == 2
    assert "longer than 100,000" in _err_line(capsys)
    assert fingerprint(doc) == before
    assert main(["revisions", str(doc.parent / "missing.salesdesign")]) == 1
    assert "does not exist" in _err_line(capsys)
