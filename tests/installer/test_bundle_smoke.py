"""The frozen Linux bundle works on its own: it starts offscreen, makes the sample, checks
it, exports the manual (PDF) and the playbook (HTML), renders a screenshot and exits 0
each time; it carries the Qt pieces the app loads and not those it never loads."""

from __future__ import annotations

import json
import pickle
import re
import subprocess
import time
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.installer.conftest import bundle_environment

# the bundle is built once, into one dist/: under pytest-xdist these tests share a worker
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("bundle")]


def run(bundle, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(bundle.executable), *args], cwd=cwd, capture_output=True,
                          text=True, timeout=180, env=bundle_environment(HOME=str(cwd)))


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_the_bundle_makes_the_sample_and_exports_it_like_the_installed_command(
        bundle, tmp_path):
    made = run(bundle, "new", "plan.salesdesign", "--template", "eight-step", "--lang", "ja",
               cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    checked = run(bundle, "check", "plan.salesdesign", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert "13 stages, 0 errors" in checked.stdout

    pdf = run(bundle, "export", "pdf", "plan.salesdesign", "-o", "manual.pdf", cwd=tmp_path)
    assert pdf.returncode == 0, pdf.stderr
    reader = PdfReader(tmp_path / "manual.pdf")
    text = "".join(page.extract_text() for page in reader.pages[:4])
    assert len(reader.pages) > 5 and "プロスペクティング" in text  # the bundled fonts set it
    fonts = {str(f) for page in reader.pages[:3]
             for f in (page["/Resources"].get("/Font") or {}).values()}
    assert fonts  # fonts are embedded, not left to the reader's system

    html = run(bundle, "export", "html", "plan.salesdesign", "-o", "playbook.html",
               cwd=tmp_path)
    assert html.returncode == 0, html.stderr
    page = (tmp_path / "playbook.html").read_text(encoding="utf-8")
    assert "リード発生" in page and "<script" in page  # the bundled page template and app

    shot = run(bundle, "screenshot", "plan.salesdesign", "-o", "shot.png", "--lang", "ja",
               "--size", "1000x700", cwd=tmp_path)
    assert shot.returncode == 0, shot.stderr
    data = (tmp_path / "shot.png").read_bytes()
    assert png_size(data) == (1000, 700)
    assert len(zlib.compress(data)) > 20_000  # a drawn window, not an empty frame


def test_the_bundle_imports_actuals_and_analyses_them(bundle, tmp_path):
    """The analysis loads numpy lazily; the bundle must carry it all the same."""
    from tests.cli.test_cli_analyze import EXPORT
    assert run(bundle, "new", "doc.salesdesign", "--template", "eight-step", "--lang", "ja",
               cwd=tmp_path).returncode == 0
    (tmp_path / "export.csv").write_text(EXPORT, encoding="cp932")
    imported = run(bundle, "import", "actuals", "doc.salesdesign", "export.csv", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    analysed = run(bundle, "analyze", "doc.salesdesign", "--json", cwd=tmp_path)
    assert analysed.returncode == 0, analysed.stderr
    stages = {s["id"]: s for s in json.loads(analysed.stdout)["stages"]}
    assert stages["prospecting"]["reached"] == 4 and stages["won"]["reached"] == 1


def test_the_bundle_carries_the_dashboards_charts(bundle):
    """pyqtgraph (loaded when the dashboard first opens) imports QtOpenGL at load."""
    internal = bundle.folder / "_internal"
    assert (internal / "pyqtgraph").is_dir()
    assert list((internal / "PySide6").glob("QtOpenGL.*"))
    assert list((internal / "PySide6").glob("QtOpenGLWidgets.*"))


def test_a_bad_document_gets_one_error_line_from_the_bundle(bundle, tmp_path):
    (tmp_path / "bad.salesdesign").write_bytes(b"not a database")
    result = run(bundle, "check", "bad.salesdesign", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and len(result.stderr.splitlines()) == 1


def test_the_bundle_runs_the_manual_previews_typesetting_worker(bundle, tmp_path):
    from salesdesigner.storage.templates import load_template
    job = tmp_path / "job.pickle"
    job.write_bytes(pickle.dumps({"process": load_template("the-model", "en"),
                                  "paper": "letter", "lanes": None}))
    result = run(bundle, "-m", "salesdesigner.export.pdf.worker", str(job),
                 str(tmp_path / "out.pdf"), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[0].startswith("progress ")
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF-")


def test_the_bundle_is_no_general_python(bundle, tmp_path):
    result = run(bundle, "-m", "http.server", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.startswith("error: ")


def test_the_bundle_has_what_the_app_loads_and_not_what_it_never_loads(bundle):
    internal = bundle.folder / "_internal"
    names = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    for needed in ("PySide6/Qt/plugins/platforms/libqxcb.so",
                   "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                   "PySide6/Qt/plugins/imageformats/libqsvg.so",
                   "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
                   "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
                   "PySide6/Qt/translations/qtbase_ja.qm",
                   "salesdesigner/resources/i18n/salesdesigner_ja.qm",
                   "salesdesigner/resources/fonts/IPAexGothic.ttf",
                   "salesdesigner/resources/fonts/LICENSE-IPAexGothic.txt",
                   "salesdesigner/resources/templates/eight-step.ja.json",
                   "salesdesigner/export/html/playbook-app.js"):
        assert needed in names, needed
    unwanted = [n for n in names if any(part in n for part in (
        "Qt6Qml", "Qt6Quick", "qml/", "libqgtk3", "libqwayland", "libgtk-3", "qtbase_de.qm",
        "qtwebengine", "Qt6Multimedia", "Qt63D"))]
    assert unwanted == []
    translations = [n for n in names if n.startswith("PySide6/Qt/translations/")
                    and n.endswith(".qm")]
    assert translations == ["PySide6/Qt/translations/qtbase_ja.qm"]
    # Qt 75 MiB (ICU data 31), numpy with OpenBLAS 40, fonts 15, Pillow 11, Python 10,
    # the dashboard's pyqtgraph 12 (2 of its own, 10 for the QtOpenGL binding it imports),
    # the team repository's psycopg 11 (libpq with its TLS and Kerberos libraries), and
    # keyring's Secret Service backend 12 (SecretStorage needs cryptography, which carries
    # its own OpenSSL): 233 MiB
    assert bundle.report["unpacked_bytes"] < 245 * 1024 * 1024


def test_the_bundle_carries_the_metadata_the_about_dialog_reads(bundle):
    from salesdesigner.ui.dialogs.licences import python_components
    internal = bundle.folder / "_internal"
    def normal(name: str) -> str:  # PEP 503: jaraco.context's folder is jaraco_context-…
        return re.sub(r"[-_.]+", "-", name).lower()

    carried = {normal(p.name.split("-")[0]) for p in internal.glob("*.dist-info")}
    for component in python_components()[1:]:  # Python itself has no dist-info
        assert normal(component.name) in carried, component.name


def test_the_bundled_designer_starts_and_takes_a_second_launchs_document(bundle, tmp_path):
    """The GUI of the bundle (not only its sub-commands): the first launch opens a window
    on a document and keeps running; a second launch with another document hands it over
    through the bundled QtNetwork local socket and exits 0 at once."""
    made = run(bundle, "new", "one.salesdesign", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    (tmp_path / "two.salesdesign").write_bytes((tmp_path / "one.salesdesign").read_bytes())
    sockets = tmp_path / "tmp"  # Qt puts the instance's socket in TMPDIR: ours alone
    sockets.mkdir()
    env = bundle_environment(HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"),
                             XDG_CONFIG_HOME=str(tmp_path / "config"), TMPDIR=str(sockets))
    first = subprocess.Popen([str(bundle.executable), "one.salesdesign"], cwd=tmp_path,
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not list(sockets.glob("salesdesigner-*")):  # listening once its window is up
            assert first.poll() is None, first.stderr.read()  # the window stays up
            assert time.monotonic() < deadline, "the bundled designer never listened"
            time.sleep(0.2)
        second = subprocess.run([str(bundle.executable), "two.salesdesign"], cwd=tmp_path,
                                env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 0, second.stderr
        assert first.poll() is None
    finally:
        first.terminate()
        first.communicate(timeout=30)
