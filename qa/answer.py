"""What `ask()` returns: an answer and the article sentences that support it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Evidence:
    """One cited sentence: where it is in its article and how well it matched.

    `start`/`end` are the sentence's character offsets in the article; on the sentence
    that holds the answer, `answer_start`/`answer_end` are the answer span's. From a
    collection (qa.collection), a citation also names its article's id, date and source,
    and the sentence's stable id.
    """

    article: str
    position: int
    text: str
    start: int
    end: int
    score: float
    answer_start: int | None = None
    answer_end: int | None = None
    # The dates the sentence is about, resolved against the article's date ("2025-11-23";
    # "November 23" when the year is unknown), stated in it or carried from just before.
    dates: list[str] = field(default_factory=list)
    article_id: str | None = None
    article_date: str | None = None
    source: str | None = None
    sentence_id: int | None = None


@dataclass(frozen=True)
class Answer:
    """A short answer (`text`, "" when not found) with its evidence, best first.

    `score` is the estimated probability, in 0..1, that the article answers the question.
    When not found, no evidence carries answer offsets (`answer_start`/`answer_end`).
    `reading` says how a follow-up question was understood, when it was rewritten.
    Three outcomes: `confident` (found, and answers scored this high were right at least
    90% of the time on the validation split), unsure (found, not confident: shown marked
    as unsure, with its sentence), and not found.
    """

    text: str
    found: bool
    score: float
    evidence: list[Evidence] = field(default_factory=list)
    reading: str | None = None
    confident: bool = False

    def __post_init__(self) -> None:
        # Not found, the evidence is only the closest sentences: a span offset there would
        # point a client (the pane's highlight, an API user) at an answer that was refused.
        if not self.found and any(e.answer_start is not None for e in self.evidence):
            unmarked = [replace(e, answer_start=None, answer_end=None) for e in self.evidence]
            object.__setattr__(self, "evidence", unmarked)
        if self.confident and not self.found:
            object.__setattr__(self, "confident", False)  # only a given answer can be sure

    def to_dict(self) -> dict[str, Any]:
        """The answer as plain JSON-ready data (one schema for the CLI, UI and HTTP)."""
        return asdict(self)
