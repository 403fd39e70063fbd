"""Help ▸ About: version, what the application is for, the bundled fonts' licences."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from salesdesigner import __version__


def about_text() -> str:
    purpose = QCoreApplication.translate("About", "Design your sales process as a flowchart, give every stage its KPIs, actions, talk scripts and materials, print it as an onboarding manual and hand it to your reps as an offline playbook.")
    qt = QCoreApplication.translate("About", "Qt version: {version}").format(version=qVersion())
    fonts = QCoreApplication.translate("About", "Bundled fonts: IPAexGothic (IPA Font License), DejaVu Sans and Symbola.")
    return (f"<h3>SalesDesigner {escape(__version__)}</h3><p>{escape(purpose)}</p>"
            f"<p>{escape(qt)}</p><p><small>{escape(fonts)}</small></p>")


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("About", "About SalesDesigner"),
                      about_text())
