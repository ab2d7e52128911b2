"""What the app says to its users, written once: around answers, in the status line, busy.

Answers' own words (qa.messages.NOT_FOUND and UNSURE, the "Reading as" line) come from qa;
this module adds the page's and the API's. Widget labels stay with the widgets (ui.page).
"""

from __future__ import annotations

from qa.messages import NOT_FOUND, UNSURE

__all__ = [
    "BUSY_MESSAGE",
    "DONE",
    "MAYBE",
    "NOT_FOUND",
    "SOURCES",
    "THINKING",
    "UNSURE",
    "WARNING",
    "loaded",
    "removed",
    "source_note",
    "warning",
]

# Under a "not found" answer, before the closest sentences.
MAYBE = "You may be looking for:"
# Before an answer's citations.
SOURCES = "Sources"
# The assistant's message until the answer's first words arrive.
THINKING = "…"
# POST /api/ask's 503 reply when every worker is answering and the wait queue is full.
BUSY_MESSAGE = "busy, try again in a moment"
# The marks that open a status line or a chat message: it worked / a problem.
DONE = "✓"
WARNING = "⚠️"


def warning(problem: str) -> str:
    """A problem the user can fix, in one line: "⚠️ the question is empty"."""
    return f"{WARNING} {problem}"


def loaded(title: str, again: bool) -> str:
    """The status line once an added article is shown."""
    return f"{DONE} {title} is loaded" + (" (it already was)" if again else "")


def removed(title: str) -> str:
    """The status line once an article is removed."""
    return f"{DONE} Removed {title}"


def source_note(bundled: bool, collection: bool, source: str | None) -> str:
    """The line under an article's title: where it came from."""
    if bundled:
        return "bundled article"
    if collection:
        return "collection: answers come from any of its articles"
    return f"from {source}" if source else "pasted text"
