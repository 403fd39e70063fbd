"""Damaged bytes anywhere in a document never crash the reader or touch the file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesdesigner.model import Process
from salesdesigner.storage.document import DocumentError, open_document, save_document
from tests.storage.conftest import fingerprint, sample_process

_SAMPLE: dict[str, bytes] = {}


def sample_bytes() -> bytes:
    if "bytes" not in _SAMPLE:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "s.salesdesign"
            save_document(sample_process(), path)
            _SAMPLE["bytes"] = path.read_bytes()
    return _SAMPLE["bytes"]


# Most of a small document is zero padding; aim most edits at bytes that carry content
# (the header, the schema, the rows) so the damage reaches the parser.
damage = st.lists(st.tuples(st.booleans(), st.integers(0, 10**6), st.integers(0, 255)),
                  min_size=1, max_size=6)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damage, st.booleans())
def test_damaged_bytes_give_a_process_or_a_document_error_and_leave_the_file(edits, cut):
    original = sample_bytes()
    content = [i for i, byte in enumerate(original) if byte]
    data = bytearray(original)
    for in_content, n, value in edits:
        data[content[n % len(content)] if in_content else n % len(data)] = value
    if cut:
        data = data[: edits[0][1] % len(data)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "d.salesdesign"
        path.write_bytes(bytes(data))
        before = fingerprint(path)
        try:
            result = open_document(path)
        except DocumentError as exc:
            assert "\n" not in str(exc)
        else:
            assert isinstance(result, Process)
        assert fingerprint(path) == before
        assert [p.name for p in Path(tmp).iterdir()] == ["d.salesdesign"]
