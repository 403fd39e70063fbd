"""What an attachment may be called and whether it is safe to open, for every view.

An attachment arrives inside a document from anyone, so its name may hold folders,
reserved device names or control characters, and its type may be one a browser runs
script in.  The JSON export, the HTML playbook, the inspector and the reader all write
attachments to disk; they name and classify them here, the same way.
"""

from __future__ import annotations

import re

# Types a browser runs script in when it opens them (from file:// they would run with the
# folder as their origin): written to disk they are stored as text (INERT_SUFFIX).
_ACTIVE_SUFFIXES = (".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg", ".svgz", ".xml",
                    ".xsl", ".xslt", ".mht", ".mhtml", ".hta", ".js", ".mjs")
_ACTIVE_MIMES = {"text/html", "application/xhtml+xml", "image/svg+xml", "text/xml",
                 "application/xml", "text/javascript", "application/javascript",
                 "application/xslt+xml", "multipart/related", "message/rfc822"}
_MIME = re.compile(r"[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}")
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                     *(f"lpt{i}" for i in range(1, 10))}
INERT_SUFFIX = ".txt"


def safe_mime(mime: str) -> str:
    """``mime`` lower-cased when it is a well-formed type, else ``application/octet-stream``."""
    return mime.lower() if _MIME.fullmatch(mime or "") else "application/octet-stream"


def is_active(filename: str, mime: str) -> bool:
    """Whether a browser would run script in this attachment when it opens it."""
    return (filename.lower().rstrip(". ").endswith(_ACTIVE_SUFFIXES)
            or safe_mime(mime) in _ACTIVE_MIMES)


def safe_filename(name: str, fallback: str = "attachment") -> str:
    """A file name that is safe on every OS: no folders, control or reserved characters.

    Never empty or hidden, at most 120 bytes in UTF-8 (temporary names add to it).
    """
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(c if c.isprintable() and c not in '<>:"|?*' else "_" for c in base)
    base = base.strip(" .") or fallback
    if base.split(".", 1)[0].lower() in _WINDOWS_RESERVED:
        base = "_" + base
    stem, dot, suffix = base.rpartition(".")
    if not dot or len(suffix) > 16:
        stem, suffix = base, ""
    while len((stem + "." + suffix).encode("utf-8")) > 120 and stem:
        stem = stem[:-1]
    return f"{stem or fallback}.{suffix}" if suffix else (stem or fallback)


def openable_name(filename: str, mime: str) -> str:
    """The name a copy for the desktop gets: the safe name, with ``.txt`` added to active types."""
    name = safe_filename(filename)
    return name + INERT_SUFFIX if is_active(filename, mime) else name
