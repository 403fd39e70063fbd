"""The per-owner comparison in words: one sentence per finding, the plain-text report
(``salesdesigner analyze --discover``), JSON, anonymous names and the tip drafts the
manager turns a finding into — every word from the presentation catalogue's
``analysis.owners_*`` keys, in the document's language.

Owner names are confidential: every function here takes ``anonymise`` and then writes
"Rep A", "Rep B" / "担当A", "担当B" (letters in the order of :attr:`OwnerComparison.owners`,
most deals first); tip drafts never name anyone (they go into the document, which is
printed and shared).
"""

from __future__ import annotations

from typing import Any

from salesdesigner.model.discovery.owners import Comparison, OwnerComparison
from salesdesigner.model.presentation import Words, display_number, words_for


def letters(index: int) -> str:
    """0 → "A", 25 → "Z", 26 → "AA" (spreadsheet columns): a name for every rep."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def owner_labels(comparison: OwnerComparison, language: str | None = None, *,
                 anonymise: bool = False) -> dict[str, str]:
    """Owner → how a sentence names them: "田中さん" / "Tanaka", or "担当A" / "Rep A"."""
    words = words_for(language or comparison.language, "analysis")
    if anonymise:
        return {o.owner: words("owners_anonymous", label=letters(i))
                for i, o in enumerate(comparison.owners)}
    return {o.owner: words("owners_named", name=o.owner) for o in comparison.owners}


def rate(fraction: float | None) -> str:
    """80% / 46.7% (one decimal at most), "—" without deals."""
    return "—" if fraction is None else f"{display_number(round(fraction * 100, 1))}%"


def _names(comparison: OwnerComparison, words: Words) -> dict[str, str]:
    return {sid: words.name(name) for sid, name in comparison.stage_names.items()}


def finding_sentence(comparison: OwnerComparison, finding: Comparison,
                     language: str | None = None, *, anonymise: bool = False) -> str:
    """「田中さんは提案→交渉の移行率が80%（チーム平均46%、偶然では説明しにくい差）」."""
    words = words_for(language or comparison.language, "analysis")
    names = _names(comparison, words)
    who = owner_labels(comparison, words.code, anonymise=anonymise)[finding.owner]
    return words("owners_finding", owner=who, source=names[finding.stage_id],
                 target=names[finding.target], rate=rate(finding.rate),
                 team=rate(finding.team_rate))


def sentences(comparison: OwnerComparison, language: str | None = None, *,
              anonymise: bool = False) -> list[str]:
    """One sentence per finding, strongest evidence first."""
    return [finding_sentence(comparison, f, language, anonymise=anonymise)
            for f in comparison.findings]


def tip_draft(comparison: OwnerComparison, finding: Comparison,
              language: str | None = None) -> tuple[str, str]:
    """(title, text) of a tip, note or script draft for everyone at the finding's stage:
    what the difference is, never who (the document is shared and printed)."""
    words = words_for(language or comparison.language, "analysis")
    names = _names(comparison, words)
    values = {"source": names[finding.stage_id], "target": names[finding.target],
              "rate": rate(finding.rate), "team": rate(finding.team_rate)}
    kind = "higher" if finding.higher else "lower"
    return words(f"owners_tip_title_{kind}", **values), words(f"owners_tip_{kind}", **values)


def render_owners(comparison: OwnerComparison, language: str | None = None, *,
                  anonymise: bool = False) -> str:
    """The findings, then each owner's figures per stage against the team's."""
    words = words_for(language or comparison.language, "analysis")
    names = _names(comparison, words)
    who = owner_labels(comparison, words.code, anonymise=anonymise)
    lines = [words("owners_title", process=words.name(comparison.process_name)),
             words("owners_method", alpha=display_number(comparison.alpha),
                   gap=display_number(round(comparison.min_gap * 100, 1)))]
    if not comparison.owners:
        return "\n".join([*lines, words("owners_no_owners")]) + "\n"
    if comparison.unowned_deals:
        lines.append(words("owners_unowned", n=comparison.unowned_deals))
    lines += ["", words("owners_findings")]
    found = sentences(comparison, words.code, anonymise=anonymise)
    lines += ["  " + s for s in found] or ["  " + words("owners_none")]
    tested = {(c.owner, c.stage_id, c.target): c for c in comparison.comparisons}
    for owner in comparison.owners:
        lines += ["", words("owners_line", owner=who[owner.owner], deals=owner.deals)]
        for s in owner.stages:
            if not s.reached or not comparison.open_stage(s.stage_id):
                continue
            lines.append("  " + words("owners_stage", stage=names[s.stage_id],
                                      reached=s.reached, team=s.team_reached))
            for target, hits in s.moved_on.items():
                c = tested.get((owner.owner, s.stage_id, target))
                team = s.team_moved_on.get(target, 0)
                line = words("owners_next", target=names[target], rate=rate(hits / s.reached),
                             team=rate(team / s.team_reached) if s.team_reached else "—")
                if c is not None:
                    line += words("owners_p", p=p_text(c.p_value)) + (
                        " " + words("owners_flag") if c.flagged else "")
                lines.append("    " + line)
            if s.days_median is not None:
                team_days = "—" if s.team_days_median is None else \
                    words.days(round(s.team_days_median, 1))
                lines.append("    " + words("owners_days",
                                            days=words.days(round(s.days_median, 1)),
                                            team=team_days))
    return "\n".join(lines) + "\n"


def p_text(value: float) -> str:
    return "< 0.001" if value < 0.001 else display_number(round(value, 3))


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    rounded = round(float(value), 6)
    return int(rounded) if rounded.is_integer() else rounded


def owners_to_json(comparison: OwnerComparison, language: str | None = None, *,
                   anonymise: bool = False) -> dict[str, Any]:
    """Plain data for ``json.dumps``; owners by name, or "Rep A" … with ``anonymise``."""
    words = words_for(language or comparison.language, "analysis")
    who = owner_labels(comparison, words.code, anonymise=True) if anonymise else \
        {o.owner: o.owner for o in comparison.owners}
    return {
        "version": 1,
        "team": "the rest: every deal the owner does not hold",
        "test": "fisher_exact_two_sided",
        "guard": {"method": "benjamini_hochberg", "family": "move",
                  "alpha": comparison.alpha, "min_gap": comparison.min_gap},
        "deals": comparison.deals,
        "unowned_deals": comparison.unowned_deals,
        "anonymised": anonymise,
        "owners": [{
            "owner": who[o.owner], "deals": o.deals,
            "stages": [{"stage": s.stage_id, "reached": s.reached,
                        "team_reached": s.team_reached, "moved_on": s.moved_on,
                        "team_moved_on": s.team_moved_on, "won": s.won,
                        "team_won": s.team_won, "days_median": _num(s.days_median),
                        "team_days_median": _num(s.team_days_median)}
                       for s in o.stages if s.reached],
        } for o in comparison.owners],
        "comparisons": [_comparison(c, who) for c in comparison.comparisons],
        "findings": [dict(_comparison(f, who),
                          sentence=finding_sentence(comparison, f, words.code,
                                                    anonymise=anonymise))
                     for f in comparison.findings],
    }


def _comparison(c: Comparison, who: dict[str, str]) -> dict[str, Any]:
    return {"owner": who[c.owner], "stage": c.stage_id, "to": c.target, "hits": c.hits,
            "reached": c.reached, "team_hits": c.team_hits, "team_reached": c.team_reached,
            "rate": _num(c.rate), "team_rate": _num(c.team_rate), "p": c.p_value,
            "q": c.q_value, "flagged": c.flagged}


__all__ = ["finding_sentence", "letters", "owner_labels", "owners_to_json", "p_text", "rate",
           "render_owners", "sentences", "tip_draft"]
