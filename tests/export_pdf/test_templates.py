"""The bundled templates print as complete manuals."""

from __future__ import annotations

import pytest

from salesdesigner.export.pdf import render_pdf
from salesdesigner.model.ordering import process_order
from salesdesigner.storage import templates
from tests.export_pdf.conftest import outline_entries, page_texts


@pytest.mark.parametrize("language", ["ja", "en"])
def test_eight_step_template_prints_every_stage_kpi_and_script_in_order(language: str) -> None:
    process = templates.load_template("eight-step", language)  # a broken template fails here
    result = render_pdf(process)
    assert result.stage_ids == process_order(process)
    texts = page_texts(result.data)
    body = "\n".join(texts)
    titles = [t for t, _ in outline_entries(result.data)]
    position = 0
    for n, sid in enumerate(result.stage_ids, 1):
        stage = process.stage(sid)
        assert any(t.startswith(f"{n}. ") for t in titles)
        found = body.find(stage.name, position) if stage.name else position
        assert found >= 0, stage.name
        for kpi in stage.kpis:
            assert kpi.name.split("\n")[0][:20] in body
        for script in stage.scripts:
            assert script.title in body
