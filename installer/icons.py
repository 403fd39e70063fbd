"""Every icon of the installers, rendered from the one SVG source
``resources/icons/salesdesigner.svg``: the application icon and the document icon (a page
with the mark on it, composed here from the same source), as PNGs in the hicolor sizes,
a Windows ``.ico`` and a macOS ``.icns``.

    python installer/icons.py [OUT]      (default build/icons)

Rendering uses Qt's SVG renderer offscreen; Pillow (a dependency of reportlab) writes the
ICO and ICNS containers.  Outputs are generated at build time, not committed.
"""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "salesdesigner.svg"
#: the hicolor theme's sizes (16–512) a desktop looks for
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
APP, DOC = "salesdesigner", "application-x-salesdesign"


def _inner(svg: str) -> str:
    """The source's drawing without its XML prolog and comments (to nest it in another SVG)."""
    svg = re.sub(r"<\?xml.*?\?>", "", svg, flags=re.S)
    return re.sub(r"<!--.*?-->", "", svg, flags=re.S).strip()


def document_svg(source: str) -> str:
    """The document icon: a sheet with a folded corner and the application mark on it."""
    body = re.sub(r"^<svg[^>]*>|</svg>$", "", _inner(source)).strip()
    mark = f'<g transform="translate(120 196) scale({272 / 512})">{body}</g>'
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" '
            f"""viewBox="0 0 512 512">
  <path d="M88 24 H344 L448 128 V472 Q448 488 432 488 H88 Q72 488 72 472 V40 Q72 24 88 24 Z"
        fill="#ffffff" stroke="#8a94a6" stroke-width="12" stroke-linejoin="round"/>
  <path d="M344 24 V112 Q344 128 360 128 H448" fill="#dfe5ee" stroke="#8a94a6"
        stroke-width="12" stroke-linejoin="round"/>
  {mark}
</svg>""")


_app: object = None  # the QGuiApplication the renderer needs, kept alive


def _renderer_app() -> None:
    global _app
    from PySide6.QtGui import QGuiApplication
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication(["icons"])


def render_png(svg: str, size: int) -> bytes:
    """``svg`` drawn at ``size`` × ``size`` pixels, transparent around it, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _renderer_app()
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    if not renderer.isValid():
        raise ValueError("the icon SVG does not parse")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def make_icons(out: Path) -> dict[str, Path]:
    """Write every icon under ``out``; returns the main files by kind."""
    from PIL import Image

    source = SOURCE.read_text(encoding="utf-8")
    drawings = {APP: source, DOC: document_svg(source)}
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for name, svg in drawings.items():
        (out / f"{name}.svg").write_text(svg, encoding="utf-8")
        for size in PNG_SIZES:
            folder = out / "hicolor" / f"{size}x{size}" / ("apps" if name == APP else "mimetypes")
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{name}.png").write_bytes(render_png(svg, size))
        folder = out / "hicolor" / "scalable" / ("apps" if name == APP else "mimetypes")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.svg").write_text(svg, encoding="utf-8")
        big = Image.open(io.BytesIO(render_png(svg, 1024)))
        stem = "salesdesigner" if name == APP else "salesdesign-document"
        # each ICO size drawn by the renderer (crisper than Pillow scaling the big one)
        frames = [Image.open(io.BytesIO(render_png(svg, s))) for s in ICO_SIZES]
        frames[-1].save(out / f"{stem}.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                        append_images=frames[:-1])
        big.save(out / f"{stem}.icns", format="ICNS")
        written[f"{stem}.ico"] = out / f"{stem}.ico"
        written[f"{stem}.icns"] = out / f"{stem}.icns"
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "icons"
    for path in make_icons(target).values():
        print(f"wrote {path}")
