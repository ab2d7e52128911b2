"""Questions to suggest for a newly loaded article, made from its own sentences (no LLM).

Two deterministic templates: the dates the article states ("What happened on November
19?") and sentences that open with someone reporting something ("The Russian envoy
called for ..." -> "What did the Russian envoy call for?"). Names mentioned more than
once fill in when those give too few.

The article's own questions come first; "What is this article about?" fills in after them.
Only questions that are answered confidently are suggested (`confident_suggestions`):
a suggestion that led to "Not certain" or "That is not in the article" would be a poor
first question. Each candidate is asked once per article, at most SUGGESTION_TRIES of them,
when the article is first shown.
"""

from __future__ import annotations

import calendar
import re
import threading
import weakref
from collections import Counter
from collections.abc import Sequence
from typing import Any, Protocol

from index.sentences import Sentence
from qa.answer import Answer
from qa.dates import timeline
from qa.errors import ArticleQAError

SUGGESTION_COUNT = 4
# Asked last, so shown only where fewer of the article's own questions are answered
# confidently: the gist (qa.overview), which every article answers. An article with no
# stated day and few reporting verbs otherwise got no suggestion at all.
OVERVIEW_QUESTION = "What is this article about?"
# Candidates asked at most per article: bounds what its first display costs (one ask each).
SUGGESTION_TRIES = 8
_DATE_QUESTIONS = 2
_SUBJECT_WORDS = 5

# Past tense as written -> the base form a "What did X ...?" question needs.
_REPORTING_VERBS = {
    "said": "say",
    "stated": "state",
    "called for": "call for",
    "urged": "urge",
    "warned": "warn",
    "confirmed": "confirm",
    "announced": "announce",
    "emphasized": "emphasize",
    "emphasised": "emphasise",
    "reiterated": "reiterate",
    "cautioned": "caution",
    "reported": "report",
    "hailed": "hail",
    "expressed": "express",
    "denied": "deny",
    "claimed": "claim",
    "argued": "argue",
    "insisted": "insist",
    "promised": "promise",
    "pledged": "pledge",
    "vowed": "vow",
    "demanded": "demand",
    "proposed": "propose",
    "criticized": "criticize",
    "criticised": "criticise",
    "condemned": "condemn",
}
_VERB = "|".join(sorted((re.escape(v) for v in _REPORTING_VERBS), key=len, reverse=True))
# Sentence-initial subject (an opening "Meanwhile," or "However," is skipped), an optional
# has/have, then a reporting verb.
_REPORTING = re.compile(
    r"^(?:(?:However|Meanwhile|Moreover|Later|Separately|Earlier|Also),\s+)?"
    rf"(?P<subject>[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){{0,{_SUBJECT_WORDS - 1}}}?)\s+"
    rf"(?:(?P<aux>has|have)\s+)?(?P<verb>{_VERB})\b"
)
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+(?:[- ][A-Z][a-z]+)*")
# "Israeli", "Lebanese", "Russian" are adjectives: "What does it say about Israeli?" reads badly.
_DEMONYM = re.compile(r"(?:ese|ian|ish|i)$")
_MONTHS = set(calendar.month_name[1:])
_ARTICLES = {"The": "the", "A": "a", "An": "an"}
# A subject that is only a pronoun points at a sentence we do not show.
_PRONOUNS = {"He", "She", "It", "They", "We", "I", "You", "This", "That"}


def _date_questions(sentences: list[Sentence]) -> list[str]:
    questions: list[str] = []
    for event in timeline(sentences):
        question = f"What happened on {event.label}?"
        if question not in questions:
            questions.append(question)
    return questions[:_DATE_QUESTIONS]


def _proper_words(sentences: list[Sentence]) -> set[str]:
    """Capitalised words seen mid-sentence: evidence that they are names, not just initial."""
    return {word for s in sentences for word in re.findall(r"(?<=[\w,;] )[A-Z][\w-]*", s.text)}


def _subject_questions(sentences: list[Sentence]) -> list[str]:
    questions: list[str] = []
    seen: set[str] = set()
    proper = _proper_words(sentences)
    for sentence in sentences:
        match = _REPORTING.match(sentence.text.strip())
        if not match:
            continue
        words = match.group("subject").split()
        if words[0] in _PRONOUNS:
            continue
        # Only "The IDF", not "The", is a subject worth asking about.
        if words[0] in _ARTICLES:
            if len(words) == 1:
                continue
            words[0] = _ARTICLES[words[0]]
        elif re.sub(r"[’']s$", "", words[0]) not in proper:
            words[0] = words[0].lower()  # capitalised only because it opens the sentence
        subject = " ".join(words)
        if subject.lower() in seen:
            continue
        seen.add(subject.lower())
        verb = _REPORTING_VERBS[match.group("verb")]
        if match.group("aux"):
            questions.append(f"What {match.group('aux')} {subject} {match.group('verb')}?")
        else:
            questions.append(f"What did {subject} {verb}?")
    return questions


def _name_questions(sentences: list[Sentence]) -> list[str]:
    names = Counter(name for s in sentences for name in _NAME.findall(s.text))
    frequent = [
        name
        for name, count in names.most_common()
        if count > 1 and name not in _MONTHS and not (" " not in name and _DEMONYM.search(name))
    ]
    return [f"What does the article say about {name}?" for name in frequent]


def suggest_questions(sentences: list[Sentence], count: int = SUGGESTION_COUNT) -> list[str]:
    """Up to `count` questions the article can answer, dates first, always the same ones."""
    suggestions: list[str] = []
    for question in (
        _date_questions(sentences) + _subject_questions(sentences) + _name_questions(sentences)
    ):
        if question not in suggestions:
            suggestions.append(question)
    return suggestions[:count]


class Asked(Protocol):
    """What suggestions are checked against: whatever answers the article's questions."""

    def ask(self, question: str, history: list[dict[str, Any]] | None = None) -> Answer: ...


def confident_questions(
    asked: Asked,
    candidates: Sequence[str],
    count: int = SUGGESTION_COUNT,
    tries: int = SUGGESTION_TRIES,
) -> list[str]:
    """Up to `count` of the first `tries` candidates, in order, that `asked` answers
    confidently (Answer.confident). A candidate that cannot be asked (over its time
    budget, say) is left out."""
    kept: list[str] = []
    for question in candidates[:tries]:
        if len(kept) == count:
            break
        try:
            if asked.ask(question, []).confident:
                kept.append(question)
        except ArticleQAError:
            continue
    return kept


# Per answering object (an article's pipeline, a whole collection), the kept questions by
# their candidates. Weak: an article removed from the chat takes its entry with it.
_kept: weakref.WeakKeyDictionary[Asked, dict[tuple[int, tuple[str, ...]], list[str]]]
_kept = weakref.WeakKeyDictionary()
_kept_lock = threading.Lock()


def confident_suggestions(
    asked: Asked, candidates: Sequence[str], count: int = SUGGESTION_COUNT
) -> list[str]:
    """confident_questions(asked, candidates), worked out once per `asked` and candidates
    (an article is shown again on every switch back to it)."""
    key = (count, tuple(candidates))
    with _kept_lock:
        known = _kept.get(asked, {}).get(key)
    if known is not None:
        return list(known)
    # Asked outside the lock: two pages showing two new articles need not wait in turn.
    kept = confident_questions(asked, candidates, count)
    with _kept_lock:
        _kept.setdefault(asked, {})[key] = kept
    return list(kept)
