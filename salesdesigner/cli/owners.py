"""``salesdesigner analyze FILE --discover``: the per-owner part (top performers).

Owners are "Rep A", "Rep B" (in Japanese too) unless ``--owner-names`` asks for their
names (confidential, like ``--deal-ids``); ``--anonymise`` / ``--anonymize`` says the
default explicitly.  Deal ids, names and amounts never appear.
"""

from __future__ import annotations

from typing import Any

from salesdesigner.model.process import Process


def owners_section(process: Process, language: str | None, *, as_json: bool,
                   anonymise: bool) -> str | dict[str, Any]:
    """The per-owner findings and figures as text (the document's language unless
    ``language``) or as JSON-able data."""
    from salesdesigner.model.discovery.owners import compare_owners
    from salesdesigner.model.discovery.owners_report import owners_to_json, render_owners

    comparison = compare_owners(process, process.actuals.events)
    if as_json:
        return owners_to_json(comparison, language, anonymise=anonymise)
    return render_owners(comparison, language, anonymise=anonymise)


__all__ = ["owners_section"]
