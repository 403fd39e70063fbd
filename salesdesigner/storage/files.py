"""Writing a whole file so that readers see the old content or the new, never half of it.

Every export (JSON, GraphML, the PDF manual, the HTML playbook, a saved preview) goes
through :func:`write_atomically`; the SQLite document has its own, stricter save path in
:mod:`salesdesigner.storage.document`.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it over ``path``.

    The file gets the permissions a plain ``open(path, "wb")`` would give (``mkstemp``
    alone would make every export private to its owner).  Raises ``OSError``; callers turn
    it into their own one-line error.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                               dir=target.parent if str(target.parent) else ".")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
