"""Help ▸ About: version, what the application is for, and what it is made of: the
libraries and fonts it ships with and their licences, read from the installed (or
bundled) distributions' metadata and the font files (:mod:`.licences`)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from salesdesigner import __version__
from salesdesigner.ui.dialogs.licences import Component, font_components, python_components


def _tr(text: str) -> str:
    return QCoreApplication.translate("About", text)


def about_text() -> str:
    purpose = _tr("Design your sales process as a flowchart, give every stage its KPIs, actions, talk scripts and materials, print it as an onboarding manual and hand it to your reps as an offline playbook.")  # noqa: E501 - one literal for lupdate
    qt = _tr("Qt version: {version}").format(version=qVersion())
    return (f"<h3>SalesDesigner {escape(__version__)}</h3><p>{escape(purpose)}</p>"
            f"<p>{escape(qt)}</p>")


def _rows(components: list[Component]) -> str:
    return "".join(
        f"<tr><td>{escape(c.name)}</td><td>{escape(c.version)}</td>"
        f"<td>{escape(c.licence)}"
        f"{'' if not c.licence_file else ' (' + escape(c.licence_file) + ')'}"
        f"</td></tr>" for c in components)


def licences_html() -> str:
    """The libraries and fonts, each with its version and licence, as an HTML table."""
    head = (f"<tr><th align='left'>{escape(_tr('Name'))}</th>"
            f"<th align='left'>{escape(_tr('Version'))}</th>"
            f"<th align='left'>{escape(_tr('Licence'))}</th></tr>")
    return (f"<h4>{escape(_tr('Libraries'))}</h4><table cellspacing='0' cellpadding='3'>"
            f"{head}{_rows(python_components())}</table>"
            f"<h4>{escape(_tr('Bundled fonts'))}</h4><table cellspacing='0' cellpadding='3'>"
            f"{head}{_rows(font_components())}</table>"
            f"<p><small>{escape(_tr('Qt is used under the LGPL 3.0 through PySide6; the font licence texts are in the application folder, resources/fonts.'))}</small></p>")  # noqa: E501 - one literal for lupdate


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AboutDialog")
        self.setWindowTitle(_tr("About SalesDesigner"))
        layout = QVBoxLayout(self)
        self.summary = QLabel(about_text())
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.licences = QTextBrowser()
        self.licences.setOpenLinks(False)
        self.licences.setHtml(licences_html())
        layout.addWidget(self.licences, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 560)


def show_about(parent: QWidget | None) -> None:
    dialog = AboutDialog(parent)
    dialog.exec()
    dialog.deleteLater()
