"""Which words of a text changed: English by word, Japanese (no spaces) by character.

A text is cut into tokens — a run of letters or digits of a spaced script is one token,
a space run is one, and every CJK character (kanji, kana, full-width forms) and every
punctuation mark is one of its own — and :class:`difflib.SequenceMatcher` aligns the two
token lists.  So "Ask 3 questions" → "Ask 5 questions" changes the token "3", and
「初回訪問で課題を3つ聞く」→「初回訪問で課題を5つ聞く」 changes exactly the character 3.

The same tokens give the similarity measures the stage matcher uses (:func:`ratio`,
:func:`token_set`), so "similar" means the same thing in both places.
"""

from __future__ import annotations

import difflib
import enum
import re
from dataclasses import dataclass
from functools import lru_cache

#: Characters written without spaces between words: kana, CJK ideographs, Hangul syllables
#: and the full-width/half-width forms block (full-width digits and letters included, so
#: "３つ" → "５つ" changes one character).
_CJK = ("\u3000-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
        "\uac00-\ud7af\uf900-\ufaff\uff00-\uffef")
_TOKEN = re.compile(rf"[^\W{_CJK}]+|\s+|.", re.DOTALL)
_WORD = re.compile(rf"[^\W{_CJK}]+")
_CJK_RUN = re.compile(rf"[{_CJK}]+")


class Op(str, enum.Enum):
    """What a run of text is in the new text compared with the old."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True)
class Run:
    """A stretch of text that is the same in both, only in the new, or only in the old."""

    op: Op
    text: str


def tokens(text: str) -> list[str]:
    """The text cut into words, spaces, single CJK characters and single marks."""
    return _TOKEN.findall(text)


def text_runs(old: str, new: str) -> tuple[Run, ...]:
    """The runs that turn ``old`` into ``new``: equal text once, a replacement as its
    deletion followed by its insertion; adjacent runs of one kind are merged.

    Joining the equal and deleted runs gives ``old`` back, the equal and inserted ones
    ``new``.
    """
    if old == new:
        return (Run(Op.EQUAL, old),) if old else ()
    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    runs: list[Run] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(runs, Op.EQUAL, "".join(a[i1:i2]))
            continue
        if i2 > i1:
            _append(runs, Op.DELETE, "".join(a[i1:i2]))
        if j2 > j1:
            _append(runs, Op.INSERT, "".join(b[j1:j2]))
    return tuple(runs)


def _append(runs: list[Run], op: Op, text: str) -> None:
    if not text:
        return
    if runs and runs[-1].op is op:  # difflib's opcodes alternate, but be safe
        runs[-1] = Run(op, runs[-1].text + text)
    else:
        runs.append(Run(op, text))


def marked(runs: tuple[Run, ...]) -> str:
    """The runs as one line of text, changes marked the way ``git diff --word-diff``
    marks them: ``[-deleted-]{+inserted+}``."""
    out = []
    for run in runs:
        if run.op is Op.EQUAL:
            out.append(run.text)
        elif run.op is Op.DELETE:
            out.append(f"[-{run.text}-]")
        else:
            out.append(f"{{+{run.text}+}}")
    return "".join(out)


# ---------------------------------------------------------------- similarity
def normalised(text: str) -> str:
    """Case and spacing folded away: "Proposal  & Demo" and "proposal & demo" are one name."""
    return " ".join(text.casefold().split())


@lru_cache(maxsize=65536)
def ratio(a: str, b: str) -> float:
    """How alike two short texts (names) are, 0 … 1, by character; symmetric (the pair is
    put in a fixed order first, as the matcher's alignment depends on it)."""
    a, b = normalised(a), normalised(b)
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    if a > b:
        a, b = b, a
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < 0.3:
        return matcher.real_quick_ratio()
    return matcher.ratio()


def token_set(text: str) -> frozenset[str]:
    """The words of a text, for comparing content: spaced-script words folded to lower
    case, and CJK text as overlapping character pairs (a single kanji says too little)."""
    text = text.casefold()
    found = set(_WORD.findall(text))
    for run in _CJK_RUN.findall(text):
        if len(run) == 1:
            found.add(run)
        else:
            found.update(run[i:i + 2] for i in range(len(run) - 1))
    return frozenset(found)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared words over all words, 0 … 1 (1 for two empty sets)."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)
