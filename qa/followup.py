"""Follow-up questions ("Where was that?") read against the earlier turns, without an LLM.

Whether a question is a follow-up is decided from its form (qa.referring): one that
stands on its own is asked as it is, whatever came before. A follow-up is spelled out
as the plain question it stands for (qa.restating) from the structured answer the last
turn gave (its short answer, and the sentences and dates it cited, which retrieval then
searches first), never from the Markdown the chat showed. Requests about the last
answer ("Tell me more", "Where does it say that?") are passed over: a follow-up after them
leans on the question before them.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from qa.answer import Answer, Evidence
from qa.continuation import asks_more
from qa.date_request import asks_date
from qa.dates import date_phrases
from qa.earlier_question import asked_deed, deed_answered
from qa.errors import InvalidQuestion
from qa.keyword_query import as_question
from qa.limits import MAX_QUESTION_CHARS, check_history
from qa.messages import NOT_FOUND, reading_as
from qa.overview import asks_overview
from qa.polar import NO, YES
from qa.referents import NOUN_POINTERS, put_in
from qa.referring import ellipsis, pointers, refers_back
from qa.restating import Phrases, Resolved, Said, asks_name, resolve
from qa.small_talk import small_talk
from qa.source_request import asks_source
from qa.timeline_request import asks_timeline
from qa.unicode import check_unicode

# Citations of an earlier answer read for its focus: the ones an answer carries.
_CITED = 3


@dataclass(frozen=True)
class Reading:
    """How a question is understood: the text to search with, the question the reader
    reads, and the earlier turn it leans on.

    `focus`: the sentences the last answer cited (its answer's sentence first), in the
    article titled `focus_article`, which retrieval searches first.
    """

    question: str
    query: str
    context: str | None = None
    previous_answer: str | None = None
    resolved: str | None = None
    focus: tuple[int, ...] = ()
    focus_article: str | None = None
    # "What else ...?", "Which charity also ...?": the answers so far, last first, which
    # this one must not repeat, and the deed a who-question named ("What else did she
    # do?" after "Who declared an incident?").
    other_than: tuple[str, ...] = ()
    deed: str | None = None
    # The chain's questions, spelled out, and answers: what the talk has named ("1998"
    # after "When was the region last hit by a storm this deadly?"), which the follow-up
    # may ask about without naming it again (qa.recalled_events).
    talk: str = ""
    # The earlier answer a pointing word was put in from, where it reached past the last
    # turn ("Who beat him?" after "Who was the first prime minister?" / "Tobias Renwa"
    # and a turn that named no one): not the answer to the question it is in.
    referent: str | None = None
    # "And the stock market?" after "How did the currency react?": the same question of
    # something else, whose answer is not the last one again.
    varies: bool = False

    @property
    def reader_question(self) -> str:
        """The question the reader reads: the follow-up spelled out, or the question a
        keyword query stands for (qa.keyword_query), else as asked."""
        return self.resolved or self.question

    @property
    def joined(self) -> bool:
        """Whether the reader reads this question joined to the ones before it (a
        fragment: "On which glacier?", "Why?"), before or after it (qa.restating.resolve
        puts a question word alone first: "When? What burst its banks?")."""
        if not (self.context and self.resolved):
            return False
        return self.resolved.startswith(self.context) or self.resolved.endswith(self.context)

    @property
    def note(self) -> str | None:
        """A line for the user saying how a follow-up was read, or None if it stands alone."""
        if self.context is None:
            return None
        return reading_as(self.question, self.context)

    def focus_in(self, article: str) -> tuple[int, ...]:
        """The sentences to search first in the article titled `article`: none where the
        last answer cited another article (the chat's picker changed meanwhile)."""
        return self.focus if self.focus_article == article else ()


@dataclass(frozen=True)
class Exchange:
    """One user question and the assistant message that answered it, if any."""

    question: str
    reply: dict[str, Any] | None
    number: int  # the reply's place in the history, for errors


def exchanges(history: list[dict[str, Any]] | None) -> list[Exchange]:
    """The user questions of a chat history with their replies, oldest first, validated."""
    if not history:
        return []
    if not isinstance(history, list):
        raise InvalidQuestion(f"history must be a list of messages, got {type(history).__name__}")
    found: list[Exchange] = []
    for number, message in enumerate(history, 1):
        if not isinstance(message, dict) or "role" not in message or "content" not in message:
            raise InvalidQuestion("each history message needs a 'role' and a 'content'")
        content = message["content"]
        if isinstance(content, str):
            check_unicode(content, f"history message {number}", InvalidQuestion)
        if message["role"] == "user" and isinstance(content, str) and content.strip():
            found.append(Exchange(content.strip(), None, number))
        elif message["role"] == "assistant" and found and found[-1].reply is None:
            found[-1] = Exchange(found[-1].question, message, number)
    return found


_MAX_ANSWER_CHARS = 200


def answer_text(message: dict[str, Any]) -> str:
    """The answer an assistant message gave, as plain text; "" when it gave none.

    The message may carry its structured answer under "answer" (an Answer or its
    to_dict()), as the chat keeps each turn; otherwise its "content" is the answer's
    plain text, as callers of ask() and POST /api/ask replay it.
    """
    answer = message.get("answer")
    # "Where was that?" after "No": the clause that says no, as its sentence marks it.
    if isinstance(answer, Answer):
        text = answer.text if answer.found else ""
        return (text in (YES, NO) and _marked(answer.evidence)) or text
    if isinstance(answer, dict):
        text = str(answer.get("text") or "") if answer.get("found") else ""
        text = (text in (YES, NO) and _marked(answer.get("evidence"))) or text
        return check_unicode(text, "the previous answer", InvalidQuestion)
    content = message.get("content")
    text = content.strip() if isinstance(content, str) else ""
    return "" if text == NOT_FOUND else text


def _marked(evidence: object) -> str | None:
    """The answer span the first cited sentence marks (Evidence.answer_start/_end; an
    Evidence or its dict), or None where it marks none."""
    first = evidence[0] if isinstance(evidence, list) and evidence else None
    cited = asdict(first) if isinstance(first, Evidence) else first
    if not isinstance(cited, dict):
        return None
    text, start = cited.get("text"), cited.get("start")
    begin, end = cited.get("answer_start"), cited.get("answer_end")
    if not isinstance(text, str):
        return None
    if not (isinstance(start, int) and isinstance(begin, int) and isinstance(end, int)):
        return None
    return text[begin - start : end - start] or None


def _citation(item: object, number: int) -> tuple[int, str, list[str], str | None]:
    """(position, article, dates, article id) of one citation: an Evidence or its dict."""
    if isinstance(item, Evidence):
        return item.position, item.article, item.dates, item.article_id
    cited = item if isinstance(item, dict) else {}
    position, article, dates = cited.get("position"), cited.get("article"), cited.get("dates")
    if not isinstance(position, int) or isinstance(position, bool) or position < 0:
        raise InvalidQuestion(
            f"history message {number}: each cited sentence needs a 'position' (0 or more)"
        )
    if not isinstance(article, str):
        raise InvalidQuestion(f"history message {number}: each cited sentence needs an 'article'")
    labels = [d for d in dates if isinstance(d, str)] if isinstance(dates, list) else []
    article_id = cited.get("article_id")
    return position, article, labels, article_id if isinstance(article_id, str) else None


def _readable(label: str) -> str | None:
    """A citation's date as a question says it: "2025-11-23" -> "November 23, 2025"."""
    if date_phrases(label):
        return label
    try:
        day = date.fromisoformat(label)
    except ValueError:
        return None  # a range or a month: no one day to name
    return f"{day:%B} {day.day}, {day.year}"


@dataclass(frozen=True)
class Cited:
    """What a structured answer cited: its sentences (best first, the answer's own
    first), the article they are in (and its id, from a collection), and the dates of the
    first, as a question says them."""

    positions: tuple[int, ...] = ()
    article: str | None = None
    dates: tuple[str, ...] = ()
    article_id: str | None = None


def cited(reply: dict[str, Any] | None, number: int) -> Cited:
    """What the answer a reply carries cited; nothing for a plain-text reply."""
    answer = reply.get("answer") if reply else None
    if isinstance(answer, Answer):
        evidence: object = answer.evidence
    elif isinstance(answer, dict):
        evidence = answer.get("evidence") or []
    else:
        return Cited()
    if not isinstance(evidence, list):
        raise InvalidQuestion(f"history message {number}: the answer's evidence must be a list")
    citations = [_citation(item, number) for item in evidence[:_CITED]]
    if not citations:
        return Cited()
    article = citations[0][1]
    positions = tuple(p for p, a, _, _ in citations if a == article)
    dates = tuple(d for d in map(_readable, citations[0][2]) if d)
    return Cited(positions, article, dates, citations[0][3])


def about_last_answer(question: str) -> bool:
    """Whether `question` asks about the last answer itself ("Tell me more", "Where does it
    say that?", "When was that?"), which its evidence answers, rather than about the
    article."""
    return asks_more(question) or asks_source(question) or asks_date(question)


def asks_something(turn: Exchange) -> bool:
    """Whether a turn asked something of the story that a follow-up could vary: not
    "thanks", "summarize it" or "Give me a timeline"."""
    question = turn.question
    return not (small_talk(question) or asks_overview(question) or asks_timeline(question))


def last_cited(history: list[dict[str, Any]] | None) -> Cited:
    """What the last answer in `history` cited (nothing when it cited nothing or there is
    none; "thanks" and the like are passed over), the history validated as for any
    follow-up."""
    check_history(history)
    turns = [turn for turn in exchanges(history) if small_talk(turn.question) is None]
    return cited(turns[-1].reply, turns[-1].number) if turns else Cited()


def _said(exchange: Exchange, question: str) -> Said:
    """What an exchange said, with its question as spelled out."""
    reply = exchange.reply
    answer = answer_text(reply).strip()[:_MAX_ANSWER_CHARS] if reply else ""
    dates = cited(reply, exchange.number).dates
    return Said(question, answer, dates or tuple(date_phrases(question)))


def _chain(turns: list[Exchange], phrases: Phrases | None) -> tuple[int, list[Said]]:
    """Where the last chain of follow-ups starts (the last question that stood on its
    own), and what each of its turns said, each follow-up in it spelled out."""
    start = len(turns) - 1
    while start > 0 and refers_back(turns[start].question):
        start -= 1
    # As it was read: "Any deaths?" as "Were there any deaths?" (qa.keyword_query).
    first = turns[start].question
    said = [_said(turns[start], as_question(first) or first)]
    for turn in turns[start + 1 :]:
        said.append(_said(turn, _spelled_out(turn, said[-1], phrases)))
    return start, said


# How many turns before the last a pointing word may reach back to.
_REACH_BACK = 2


def _from_earlier_turn(
    question: str,
    resolved: Resolved,
    turns: list[Exchange],
    chain: tuple[int, list[Said]],
    phrases: Phrases | None,
) -> tuple[str, str] | None:
    """The follow-up with its pointing words put in from a turn before the last, where
    the last names nothing for them: "When did it start?" after "How big is it?" (the
    fire) and "How much is contained?", which names no "it". Only words put in: "it" or
    "they" reach further back than a fragment ("When?") does. With it, that turn's
    answer."""
    if len(turns) < 2 or ellipsis(question) is not None:
        return None
    if resolved.plain and not any(p.kind in NOUN_POINTERS for p in pointers(resolved.text)):
        return None  # spelled out; not "her team" only pinned to a date
    start, said = chain  # the last chain's turns, spelled out (`_chain`)
    if _someone_not_found(said[-1], turns[-1].question, question):
        # "What did he do before he retired?" after "Who leads it?" went unanswered: "he"
        # is the one the last turn asked for, whom nobody found, not someone before.
        return None
    earlier = said[:-1]
    if len(earlier) < _REACH_BACK and start > 0:
        earlier = _chain(turns[:start], phrases)[1] + earlier
    # What the last turn put in stays: "How much did they get for him?" after "Which club
    # did he come from?" / "Castellan Rovers" has "they" from it, "him" from before.
    # Only words put in: a date the last turn pinned where it put none in is no guide.
    kept = resolved.plain and len(pointers(resolved.text)) < len(pointers(question))
    asked = resolved.text if kept else question
    for turn in reversed(earlier[-_REACH_BACK:]):
        text = put_in(asked, turn, phrases, named=asked if kept else "")
        if text is not None and len(pointers(text)) < len(pointers(asked)):
            return text, turn.answer  # a pointing word was put in, not only a date pinned
    return None


# Pronouns for a man, and for a woman.
_HIS = re.compile(r"\b(?:he|him|his)\b", re.IGNORECASE)
_HERS = re.compile(r"\b(?:she|her|hers)\b", re.IGNORECASE)
# A name after a question's first word ("Who did Ottilie marry?").
_NAMED = re.compile(r"(?<=\s)(?-i:[A-Z])")


def _someone_not_found(said: Said, asked: str, question: str) -> bool:
    """Whether the one `question` calls "he" or "she" is whom the last turn (`said`,
    `asked` as typed) asked for and did not find: "Who leads it?" or "Who helped her
    start it?" before "What was his job there?". Not where the last question names
    someone, or uses the same pronoun ("Who did she marry?" before "When did she die?"),
    who may be the one meant, nor where the question also points back at whom the last
    question did ("What did he say about her?" after "Who taught her piano there?")."""
    first = said.question.split(maxsplit=1)[:1]
    if said.answer or not first or first[0].lower() not in ("who", "whom"):
        return False
    if _NAMED.search(asked):
        return False
    used = [sex for sex in (_HIS, _HERS) if sex.search(question)]
    # "What did he say about her?" after "Who taught her piano there?": "her" is still
    # the one before, and "he" cannot be her.
    return bool(used) and not any(sex.search(asked) for sex in used)


def _spelled_out(exchange: Exchange, said: Said, phrases: Phrases | None) -> str:
    """An earlier follow-up as the plain question it stood for (as asked, where it gave
    none or one too long to be a question)."""
    resolved = resolve(exchange.question, said, phrases)
    if not resolved.plain or len(resolved.text) > MAX_QUESTION_CHARS:
        return exchange.question
    return resolved.text


# "also": past every answer of the chain, not only the last (as a name asked for is).
_ALSO = re.compile(r"\balso\b", re.IGNORECASE)


def read_question(
    question: str, history: list[dict[str, Any]] | None, phrases: Phrases | None = None
) -> Reading:
    """How `question` is understood after `history` (qa.bot.ArticleQA.ask's history);
    `phrases` says whether the article writes some words together (qa.restating).

    A question that stands on its own is read as asked. A follow-up leans on the turn
    before it; a chain of follow-ups ("What happened on November 19?" / "Where was
    that?" / "Who said so?") is spelled out turn by turn from the last question that
    stood on its own, so each step costs the same whatever the history's length.
    """
    check_history(history)
    every_turn = exchanges(history)
    # "Tell me more" and "Where does it say that?" ask about the last answer, not about
    # the article: a follow-up after them leans on the question before them.
    # Nor do "thanks" (qa.small_talk) and requests about the whole article ("Give me a
    # timeline", "summarize it"): "nov 19?" after a timeline is no "Give me a timeline"
    # on November 19.
    turns = [t for t in every_turn if not about_last_answer(t.question) and asks_something(t)]
    if not turns or not refers_back(question):
        # A keyword query is searched and read as the question it stands for: "Nov 23
        # target?" as typed ranked the sentence before the answer's first, and the reader
        # read that passage as no answer.
        asked = as_question(question)
        return Reading(question, asked or question, resolved=asked)
    start, chain = _chain(turns, phrases)
    said = chain[-1]
    context = " ".join(turn.question for turn in turns[start:])
    talk = " ".join(f"{turn.question} {turn.answer}" for turn in chain)
    last = cited(every_turn[-1].reply, every_turn[-1].number)  # what was shown last
    resolved = resolve(question, said, phrases)
    # "What else ...?": not the last answer. "Which charity also ...?", "What is his
    # name?": none given in the chain either (after "Who funded the project?" / "Wellcome
    # Trust" and "How much did it give?", another charity than the Wellcome Trust). For
    # "What else did she say?" an earlier answer is no guide: the reader's span that
    # repeats it may open the statement answered ("chief executive" of "..., chief
    # executive Lena Virtanen said").
    every = _ALSO.search(question) or asks_name(question)
    given = [turn.answer for turn in reversed(chain) if turn.answer] if every else [said.answer]
    other_than = tuple(dict.fromkeys(a for a in given if a)) if resolved.other else ()
    earlier = _from_earlier_turn(question, resolved, turns, (start, chain), phrases)
    if earlier is not None:
        text, referent = earlier
        return Reading(
            question,
            text,
            context,
            resolved=text,
            other_than=other_than,
            talk=talk,
            referent=referent or None,
        )
    # "and on November 19?" asks about something else: the last evidence is no guide.
    focus, article = (last.positions, last.article) if resolved.same_topic else ((), None)
    text = resolved.text
    # With no plain question to make, retrieval searches with both questions, but the
    # reader, trained on one question at a time, reads a whole follow-up as asked ("What
    # did they focus on?" over the passage the last answer came from); only a fragment
    # ("Why?", "What about Hezbollah?"), which says nothing alone, is read joined.
    fragment = ellipsis(question)
    reader = text if resolved.plain or fragment is not None else None
    deed = (
        asked_deed(said.question) or deed_answered(said.question, said.answer)
        if resolved.other
        else None
    )
    return Reading(
        question,
        text,
        context,
        said.answer or None,
        reader,
        focus,
        article,
        other_than,
        deed,
        talk,
        varies=fragment is not None and fragment.instead is not None and resolved.plain,
    )
