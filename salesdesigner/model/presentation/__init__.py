"""How a document reads to people: the one catalogue of words and number formats.

Every view of a process — the canvas, the inspector, the in-app reader, the PDF manual and
the HTML playbook — asks here for the names of stage kinds and parts, the fallback for an
empty name, a KPI target, a duration, a number or a date, so the same KPI never reads two
ways ("≤ 10日" on the canvas and "10 日 以下" on paper).  One table per language
(:mod:`.en`, :mod:`.ja`), with the same keys; anything other than Japanese reads English.

Layout (fonts, where a word goes, markup) stays in each view.  The menus and dialogs of the
designer are translated by Qt Linguist (``resources/i18n``), not here.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping
from functools import lru_cache

from salesdesigner.model.entities import Direction, Kpi, StageKind
from salesdesigner.model.presentation import en, ja
from salesdesigner.model.revision import RevisionState

LANGUAGES: tuple[str, ...] = ("en", "ja")
TABLES: Mapping[str, Mapping[str, str]] = {"en": en.WORDS, "ja": ja.WORDS}
SCOPES: tuple[str, ...] = ("playbook", "manual", "check", "import", "analysis", "diff",
                           "refuse", "plan", "follow", "repo")


def primary_language(tag: str | None) -> str:
    """The language of a tag or locale name, lower case: ``ja_JP`` → ``ja``, ``en-US`` → ``en``."""
    return (tag or "").replace("_", "-").split("-")[0].strip().lower()


def language_code(language: str | None) -> str:
    """``ja`` for a Japanese language tag (``ja``, ``ja-JP``, ``ja_JP``, ``JA``), else ``en``."""
    return "ja" if primary_language(language) == "ja" else "en"


def display_number(value: float) -> str:
    """12 → "12", 12.5 → "12.5", 1200000 → "1,200,000", 1/3 → "0.333333"."""
    if not math.isfinite(value):
        return f"{value:g}"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    if abs(value) >= 1e15 or abs(value) < 1e-6:
        return f"{value:.6g}"
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else f"{value:g}"


def editable_number(value: float | None) -> str:
    """A number as typed into a cell ("1200000", "2.5"; no grouping, which would read as a
    decimal comma when typed back); empty for no value."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _tight_unit(unit: str) -> bool:
    """"10%", "10日", "120万円" take no space; "10 days" does (in either language)."""
    return unit[0] in "%％" or ord(unit[0]) >= 0x2E80


def with_unit(value: float, unit: str) -> str:
    """A number and its unit as every view writes them: "10日", "10%", "2.5 days"."""
    number, unit = display_number(value), unit.strip()
    if not unit:
        return number
    return f"{number}{unit}" if _tight_unit(unit) else f"{number} {unit}"


class Words:
    """The catalogue in one language, seen from one medium.

    ``words("goal")`` looks the key up in ``scope`` first ("playbook.goal") and then among
    the shared words ("goal"), formatted with keyword arguments; ``words.goal`` does the
    same without arguments (the reader reads its headings that way).
    """

    def __init__(self, language: str | None, scope: str = "") -> None:
        self.code = language_code(language)
        self.japanese = self.code == "ja"
        self.scope = scope
        self._table = TABLES[self.code]

    def __repr__(self) -> str:
        return f"Words({self.code!r}, scope={self.scope!r})"

    # ------------------------------------------------------------------ look-up
    def text(self, key: str) -> str:
        """The raw entry (a template when it has ``{…}``); KeyError for an unknown key."""
        if self.scope:
            scoped = self._table.get(f"{self.scope}.{key}")
            if scoped is not None:
                return scoped
        return self._table[key]

    def __call__(self, key: str, **values: object) -> str:
        text = self.text(key)
        return text.format(**values) if values else text

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self.text(name)
        except KeyError:
            raise AttributeError(f"no word {name!r} in the catalogue") from None

    def flat(self) -> dict[str, str]:
        """The shared words plus this scope's, without the scope prefix (the HTML
        playbook's script gets this as data)."""
        out = {k: v for k, v in self._table.items() if "." not in k}
        prefix = f"{self.scope}."
        out.update({k[len(prefix):]: v for k, v in self._table.items() if k.startswith(prefix)})
        return out

    # ------------------------------------------------------------------ names
    def kind(self, kind: StageKind | str) -> str:
        """"Decision" / "分岐"."""
        return self._table[f"kind_{StageKind(kind).value}"]

    @property
    def kinds(self) -> dict[str, str]:
        """Kind value → name, for every kind."""
        return {kind.value: self.kind(kind) for kind in StageKind}

    @property
    def fields(self) -> dict[str, str]:
        """Search field → name ("script" → "Talk script"), for saying where a search matched."""
        return {k[len("field_"):]: v for k, v in self._table.items() if k.startswith("field_")}

    def name(self, text: str) -> str:
        """A user's name as shown: itself, or "(untitled)" when it is empty or blank."""
        return text if text.strip() else self._table["untitled"]

    # ------------------------------------------------------------------ numbers
    @staticmethod
    def number(value: float) -> str:
        return display_number(value)

    def kpi_target(self, kpi: Kpi) -> str:
        """"≤ 10日", "≥ 25%", "≤ 2.5 days"; empty when the KPI has no target."""
        if kpi.target is None:
            return ""
        key = "target_lower" if Direction(kpi.direction) is Direction.LOWER else "target_higher"
        return self._table[key].format(value=with_unit(kpi.target, kpi.unit))

    def direction(self, kpi: Kpi | Direction) -> str:
        """"lower is better" / "higher is better"."""
        direction = kpi.direction if isinstance(kpi, Kpi) else kpi
        lower = Direction(direction) is Direction.LOWER
        return self._table["lower_is_better" if lower else "higher_is_better"]

    def days(self, days: float) -> str:
        """"1 day", "10 days", "0.5 days"; "10日"."""
        return self._table["day" if days == 1 else "days"].format(n=display_number(days))

    def days_suffix(self) -> str:
        """What follows the number of days in an entry field (" days", "日")."""
        return self._table["days"].format(n="")

    def duration(self, days: float) -> str:
        """A stage's typical duration: "Typically 10 days" / "目安 10日"."""
        return self._table["duration"].format(days=self.days(days))

    def date(self, day: datetime.date) -> str:
        """"3 December 2026" / "2026年12月3日"."""
        month = self._table["months"].split(",")[day.month - 1]
        return self._table["date"].format(day=day.day, month=month, year=day.year)

    def revision_line(self, state: RevisionState, limit: int = 120) -> str:
        """Which revision a manual or playbook shows: "Revision 3 “…”, published 1 December
        2026 by …", "Draft after revision 3 (published …)" or "Draft, never published".
        Title and author are cut to ``limit`` characters, so the date always shows."""
        if state.shown is not None:
            info = state.shown
            return self("revision_shown_by" if info.author.strip() else "revision_shown",
                        number=info.number, title=_cut(info.title, limit),
                        author=_cut(info.author, limit),
                        date=self.date(info.published_at.date()))
        if state.latest is not None:
            return self("revision_draft_after", number=state.latest.number,
                        date=self.date(state.latest.published_at.date()))
        return self("revision_never")

    def join(self, items: list[str]) -> str:
        """Names listed in a sentence: "a, b" / "a、b"."""
        return self._table["list_sep"].join(items)


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


@lru_cache(maxsize=16)
def words_for(language: str | None, scope: str = "") -> Words:
    """The (shared, immutable) catalogue for a document language and medium."""
    return Words(language, scope)


def kind_name(kind: StageKind | str, language: str | None) -> str:
    """A stage kind's name in ``language``."""
    return words_for(language).kind(kind)


def missing_keys() -> dict[str, set[str]]:
    """Per language, the keys another language has and it lacks (empty when complete)."""
    every = set().union(*(table.keys() for table in TABLES.values()))
    return {code: every - table.keys() for code, table in TABLES.items()}
