"""A follow-up spelled out as the plain question it stands for, from the turn it leans on.

"Where was that?" after "What was targeted on November 23?" becomes "Where was what was
targeted on November 23?"; "What did he call for?" after "Who issued a warning?" /
"Russia’s ambassador to Lebanon" becomes "What did Russia’s ambassador to Lebanon call
for?"; "and on November 19?" becomes "What was targeted on November 19?". The reader was
trained on single plain questions: the earlier answer pasted after the follow-up ("Where
was that: a building believed to ...?") sent it back to the answer's own sentence
("the target"), where "Where was what was targeted on November 23?" finds "Beirut".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from qa.dates import date_phrases
from qa.dates.patterns import MONTH_DAY
from qa.limits import MAX_QUESTION_CHARS
from qa.referring import (
    AUXILIARIES,
    DETERMINERS,
    PREPOSITIONS,
    SOME,
    SUBJECT_PRONOUNS,
    WH,
    WORD,
    Ellipsis,
    Pointer,
    ellipsis,
    pointers,
    words,
)
from qa.spelling import english_words

# Whether the article writes these words together ("Lebanese officials").
Phrases = Callable[[str], bool]


@dataclass(frozen=True)
class Said:
    """The turn a follow-up leans on: its question (itself spelled out, if it was a
    follow-up), the short answer given ("" when none) and the dates its evidence is about."""

    question: str
    answer: str = ""
    dates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Resolved:
    """A follow-up spelled out. `same_topic`: it asks more about what the last answer
    cited ("Where was that?"), not the same thing about something else ("and on November
    19?", whose answer lies elsewhere)."""

    text: str
    same_topic: bool
    plain: bool = True  # False: no plain question to make, both questions joined
    other: bool = False  # asks for another answer than the last ("What else ...?")


# "What was targeted on November 23?", "What happened on November 19?": the question
# word is the subject, so "what was targeted on November 23" names the thing asked about.
_SUBJECT = re.compile(
    r"^(?P<wh>what|who|which\s+\w+)\s+(?P<verb>(?P<aux>was|were|is|are|has|have|had)\b|\w+ed\b)"
    r"(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# "Who said so?", "Which agency confirmed it?": asks who made the earlier claim, with a
# verb of saying ("Who backs it?" asks about a thing, not a claim).
_WHO_CLAIMED = re.compile(
    r"^(?P<ask>(?:who|which\s+\w+)\s+(?:said|says|claimed|claims|confirmed|confirms|"
    r"reported|reports|stated|states|announced|announces|denied|denies|told|wrote|"
    r"revealed|reveals|alleged|alleges|suggested|suggests|believes|believed|thinks|thought))"
    r"\s+(?:so|that|this|it)\s*\?*$",
    re.IGNORECASE,
)
_POSSESSIVE_END = re.compile(r"[’']s$")
# "Where was that?", "When did it happen?", "Where?", "Who did that?", "Who was behind
# it?": asks where, when or who about what was just talked about, with nothing else in
# the question. ("Why did it happen ...?" is left out: the reader answered it with the
# event's first word, as it did the joined questions.)
_ABOUT_IT = re.compile(
    r"^(?:(?P<wh>where|when)(?:\s+(?:was|is|did|does)\s+(?:that|this|it)(?:\s+happen)?)?"
    r"|(?P<who>who)\s+(?:did|was\s+behind|was\s+responsible\s+for)\s+(?:that|this|it))"
    r"\s*\?*$",
    re.IGNORECASE,
)
# "the 19th", "on the 19th", "19th": a day of the month with no month.
_DAY_ALONE = re.compile(r"^(?:on\s+)?(?:the\s+)?(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)$", re.I)
_DAY_NUMBER = re.compile(r"\b(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b")
# Pointers that stand for a noun phrase: the thing or person, or whose it is.
_NOUN_POINTERS = frozenset({"thing", "person", "possessive"})
# Pronouns that never stand for a plural noun phrase ("he" is not "the talks").
_SINGULAR = frozenset("he him his she her hers".split())
# Pronouns as objects, which never stand for their own clause's subject.
_OBJECT_PRONOUNS = frozenset("him them it".split())
# "What happened on November 19?", "... in Beirut?": a setting that says when or where.
_EVENT_SETTING = frozenset("on in at during after before near since".split())
# A short answer reads as a noun phrase inside a question; a long one is a sentence's
# worth of the article, which sends the reader back to that sentence.
_SHORT_ANSWER_WORDS = 6


def _plain(question: str) -> str:
    return question.strip().rstrip("?").strip()


def _subject(question: str) -> re.Match[str] | None:
    """The parts of a question whose question word is its subject, or None.

    "What is Hezbollah?" and "What was the target?" ask for a description, not about
    a subject: left out.
    """
    match = _SUBJECT.match(_plain(question))
    if match is None:
        return None
    rest = words(match["rest"])
    if match["aux"] and rest and (rest[0].lower() in DETERMINERS or rest[0][:1].isupper()):
        return None
    return match


# "What was the target?", "Who is the envoy?": asks what something is; the answer
# completes the claim "the target was ...".
_DESCRIBED = re.compile(
    r"^(?:what|who)\s+(?P<be>is|are|was|were)\s+"
    r"(?P<thing>(?:(?:the|a|an)\s|(?-i:[A-Z]))\S*(?:\s+\S+)*)$",
    re.IGNORECASE,
)


def restate(question: str, context: str, answer: str | None) -> str | None:
    """A follow-up pointing at the whole earlier claim, with the claim spelled out.

    "Who said so?" after "What was targeted on November 23?" / "a building ..." reads
    "Who said a building ... was targeted on November 23?": a plain question, the kind
    the reader was trained on (measured: the reader's margin goes from -7.9, no answer,
    to +9.3 against "Who said so: a building ...?"). After a question asking what
    something is ("What was the target?") the claim is the thing described: "Who said
    the target was a building ...?". None unless the follow-up asks who made the claim,
    the earlier turn is one such question, and there is an answer to put in.
    """
    points = _WHO_CLAIMED.match(question.strip())
    if not (points and answer) or context.count("?") > 1:
        return None
    answer = answer.rstrip(" .,’'\"”")
    claim = _subject(context)
    if claim is None:
        described = _DESCRIBED.match(_plain(context))
        thing = _described(context)
        if described is None or thing is None:
            return None
        return f"{points['ask']} {thing} {described['be'].lower()} {answer}?"
    if claim["verb"].lower() == "happened":
        return None  # "What happened ...?" is answered with an event, not a claim's subject
    return f"{points['ask']} {answer} {claim['verb']}{claim['rest']}?"


def _about_event(question: str, said: Said) -> str | None:
    """A follow-up asking where, when or by whom an event was, spelled out as one about
    what happened: "Where was that?" after "What happened on November 19?" reads "Where
    did it happen on November 19?", "Who did that?" reads "Who carried it out on November
    19?". "That" is the event the last turn asked about, and an event happens and is
    carried out: "Where was what happened on November 19?" sent the reader to the
    sentence's first word ("Tensions"), "Who did what happened ...?" to its verb
    ("launched a precision strike"). Other questions about the event: `_event_as_it`.
    None unless the last turn was one "What happened ...?" question."""
    asks = _ABOUT_IT.match(question.strip())
    subject = _subject(said.question)
    if subject is None or said.question.count("?") > 1:
        return None
    if subject["wh"].lower() != "what" or subject["verb"].lower() != "happened":
        return None
    if asks is None:
        return _event_as_it(question, subject["rest"])
    if asks["who"]:
        return f"Who carried it out{subject['rest']}?"
    return f"{asks['wh'].capitalize()} did it happen{subject['rest']}?"


def _event_as_it(question: str, setting: str) -> str | None:
    """Any other follow-up pointing at the event of "What happened <setting>?" with "it",
    "that" or "this" ("who carried it out?"): the word reads "it", and the event's date or
    place follows ("Who carried it out on November 19?"); "Who carried what happened on
    November 19 out?" sent the reader nowhere. None for "why" (as above), a claim ("Who
    said that?": see restate), a setting that is not a time or place, or a pointer at
    anything but the event."""
    found = pointers(question)
    opening = words(setting)[:1]
    if not found or any(pointer.kind != "thing" for pointer in found):
        return None
    if not opening or opening[0].lower() not in _EVENT_SETTING or date_phrases(question):
        return None
    if words(question)[0].lower() == "why" or _WHO_CLAIMED.match(question.strip()):
        return None
    spans = list(WORD.finditer(question))
    parts, copied = [], 0
    for pointer in found:
        span = spans[pointer.index]
        parts += [question[copied : span.start()], "it"]
        copied = span.end()
    text = _plain("".join([*parts, question[copied:]]))
    return f"{text[:1].upper()}{text[1:]}{setting}?"


def _leads_with_preposition(text: str) -> bool:
    found = words(text)
    return bool(found) and found[0].lower() in PREPOSITIONS


def _referent(
    pointer: Pointer, said: Said, word: str = "", phrases: Phrases | None = None
) -> str | None:
    """What a pointing word (`word`, as written) stands for, in words that fit where it
    stood; None where the last turn does not say.

    After "What is Hezbollah?" a pronoun is what was described ("who backs it?": "Who
    backs Hezbollah?"), not the description given. Where neither that nor the answer
    names anything for it, the last question's subject (`_topic`: "who is he?" after
    "What did the Russian envoy warn about?" asks who the envoy is)."""
    if pointer.kind in _NOUN_POINTERS:
        named = _described(said.question) or _named(pointer, said)
        if named is None:
            topic = _topic(said.question, phrases)
            agrees = topic is not None and not (word in _SINGULAR and _looks_plural(topic))
            named = topic if agrees else None
        if named is None:
            return None
        return f"{named}’s" if pointer.kind == "possessive" else named
    asked = said.question.split(maxsplit=1)[0].lower() if said.question.strip() else ""
    answer = said.answer.strip().rstrip(" .,")
    if pointer.kind == "place" and asked == "where" and answer:
        return answer if _leads_with_preposition(answer) else f"in {answer}"
    if pointer.kind == "time":
        if asked == "when" and answer:
            return answer if _leads_with_preposition(answer) else f"on {answer}"
        return f"on {said.dates[0]}" if said.dates else None
    if pointer.kind == "determiner":
        return "the"  # "Who condemned that strike?": the strike, dated below
    return None


def _named(pointer: Pointer, said: Said) -> str | None:
    """What a thing or person pointer stands for in the last answer or question."""
    asked = said.question.split(maxsplit=1)[0].lower() if said.question.strip() else ""
    answer = said.answer.strip().rstrip(" .,")
    if pointer.kind == "thing":
        subject = _subject(said.question)
        if subject is not None and subject["wh"].lower() == "what":
            plain = _plain(said.question)
            return plain[:1].lower() + plain[1:]  # "what was targeted on November 23"
        # An answer to "how" or "why" is a manner or a reason, not a thing to point at.
        short = answer and len(words(answer)) <= _SHORT_ANSWER_WORDS
        return answer if short and asked not in ("how", "why") else None
    if asked in ("who", "whom", "which") and any(w[:1].isupper() for w in words(answer)):
        # Only an answer that names someone ("Lebanon’s foreign ministry", "the IDF"):
        # "he" after "Who is the chief of staff responsible for?" / "military
        # modernization" is the chief of staff, whom the reader finds as asked.
        return answer
    return None


def _described(question: str) -> str | None:
    """X of "What is X?" / "Who was X?" (a name or a noun phrase), as it would stand
    inside another question ("the target", "Hezbollah"); None for any other question."""
    described = _DESCRIBED.match(_plain(question))
    if described is None or words(described["thing"])[-1].lower() in PREPOSITIONS:
        return None  # "Who is the chief of staff responsible for?" describes no one
    thing = described["thing"]
    return thing[0].lower() + thing[1:] if words(thing)[0].lower() in DETERMINERS else thing


def _topic(question: str, phrases: Phrases | None) -> str | None:
    """The subject of a question with an auxiliary ("the Russian envoy" of "What did the
    Russian envoy warn about?"): the article's own run of words (`_subject_words`) where
    it has one beyond a determiner, else the words up to the verb (the last word before
    any preposition, less auxiliaries before it: "the talks" of "Where were the talks
    held?", "Hamas" of "How has Hamas been designated?"). None where no noun phrase
    (a name, or a determiner and its noun) is there."""
    plain = _plain(question)
    opening = _AUXILIARY_QUESTION.match(plain)
    if opening is None:
        return None
    found = _subject_words(plain, phrases) if phrases is not None else None
    if found is not None and not set(words(plain[found[0] : found[1]].lower())) <= DETERMINERS:
        run = words(plain[found[0] : found[1]])
    else:
        after = words(plain[opening.end() :])
        cut = next((i for i, w in enumerate(after) if w.lower() in PREPOSITIONS), len(after))
        run = after[: cut - 1]
        while run and run[-1].lower() in AUXILIARIES:
            run = run[:-1]
    if not run or not (run[0].lower() in DETERMINERS or run[0][:1].isupper()):
        return None
    if len(run) == 1 and run[0].lower() in DETERMINERS:
        return None
    start = plain.index(run[0], opening.end())
    end = plain.index(run[-1], start) + len(run[-1])
    text = plain[start:end]
    return text[0].lower() + text[1:] if run[0].lower() in DETERMINERS else text


def _looks_plural(phrase: str) -> bool:
    """Whether a noun phrase ends on a plural-looking noun ("officials", "talks")."""
    last = words(phrase)[-1].lower()
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _object(said: Said) -> str | None:
    """The object of a who-question ("the talks" of "Who hailed the talks?"), when it is a
    noun phrase: what "them" or "it" stands for beside a "they" that is the answer."""
    subject = _subject(said.question)
    if subject is None or subject["wh"].lower() == "what" or subject["aux"]:
        return None
    rest = subject["rest"].strip()
    first = words(rest)[:1]
    if not first or not (first[0].lower() in DETERMINERS or first[0][:1].isupper()):
        return None
    return rest


def _put_in(question: str, said: Said, phrases: Phrases | None = None) -> str | None:
    """`question` with each pointing word replaced by what it stands for; where one is
    left, the date of the last answer's evidence pins it. None if nothing was put in.

    After "Who hailed the talks?", "What did they call them?" has two referents: "they"
    is the answer and "them", which cannot be the same ones (English would say
    "themselves"), the question's object: "What did Lebanon’s foreign ministry call the
    talks?"."""
    found = pointers(question)
    spans = list(WORD.finditer(question))
    parts, copied, left, length = [], 0, False, len(question)
    answered_subject = False
    for pointer in found:
        word = spans[pointer.index].group().lower()
        referent = _referent(pointer, said, word, phrases)
        if answered_subject and word in _OBJECT_PRONOUNS:
            referent = _object(said) or referent
        answered_subject |= word in SUBJECT_PRONOUNS and referent is not None
        if referent is None:
            left = True
            continue
        span = spans[pointer.index]
        parts += [question[copied : span.start()], referent]
        copied = span.end()
        length += span.start() - span.end() + len(referent)
        if length > MAX_QUESTION_CHARS:
            return None  # no longer a question: many pointers, each a long referent
    text = "".join([*parts, question[copied:]])
    pinned = (left or any(p.kind == "determiner" for p in found)) and said.dates
    if pinned and not date_phrases(text):
        text = f"{_plain(text)} on {said.dates[0]}?"
    return text if text != question else None


def _ask_instead(fragment: str, said: Said, phrases: Phrases | None = None) -> str | None:
    """The last question asked about `fragment` instead ("and on November 19?"): its date,
    its phrase after the same preposition, its subject (`_subject_words`) or its first
    name swapped for the fragment's."""
    question = _plain(said.question)
    new_dates, old_dates = date_phrases(fragment), date_phrases(question)
    if new_dates and old_dates:
        return f"{question.replace(old_dates[0], new_dates[0], 1)}?"
    day = _DAY_ALONE.match(fragment.strip())
    if day and old_dates and _DAY_NUMBER.search(old_dates[0]):
        # "What about the 19th?" after "... on November 23?": the same month, that day.
        new_date = _DAY_NUMBER.sub(day["day"], old_dates[0], count=1)
        return f"{question.replace(old_dates[0], new_date, 1)}?"
    tokens = words(fragment)
    if _leads_with_preposition(fragment):
        same = list(re.finditer(rf"\b{re.escape(tokens[0])}\b", question, re.IGNORECASE))
        kept = question[: same[-1].start()].rstrip() if same else question
        return f"{kept} {fragment}?"
    named = [t for t in tokens if t.lower() not in DETERMINERS]
    if not named or not (named[0][:1].isupper() or tokens[0].lower() in DETERMINERS):
        return None  # not a name or a noun phrase: nothing to put in a name's place
    subject = _subject_words(question, phrases) if phrases is not None else None
    if subject is not None:
        start, end = subject
        return f"{question[:start]}{fragment}{question[end:]}?"
    name = _first_name(question)
    if named[0][:1].isupper() and name is not None:
        start, end = name
        return f"{question[:start]}{fragment}{question[end:]}?"
    return None


# "What did Lebanese officials emphasize", "Which country did Israel strike": the question
# word (and its noun), an auxiliary, then the subject.
_AUXILIARY_QUESTION = re.compile(
    r"^(?:what|who|whom|where|when|why|how|which)(?:\s+\w+)?\s+"
    r"(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could)\s+(?=\S)",
    re.IGNORECASE,
)


def _subject_words(question: str, phrases: Phrases) -> tuple[int, int] | None:
    """Where the subject of a question with an auxiliary is ("Lebanese officials" of "What
    did Lebanese officials emphasize"): the longest run of words after the auxiliary that
    the article writes together (`phrases`), short of the question's last word, its verb.
    Capitals alone cannot tell it: swapping "Lebanese" for "the Israeli delegates" made
    "What did the Israeli delegates officials emphasize?". None where no run is the
    article's."""
    opening = _AUXILIARY_QUESTION.match(question)
    if opening is None:
        return None
    after = [m for m in WORD.finditer(question) if m.start() >= opening.end()]
    for count in range(len(after) - 1, 0, -1):
        run = question[after[0].start() : after[count - 1].end()]
        if phrases(run):
            return after[0].start(), after[count - 1].end()
    return None


def _first_name(question: str) -> tuple[int, int] | None:
    """Where the question's first name is ("Lebanon" of "What did Lebanon’s foreign
    ministry say?"): a run of capitalised words after the first, outside its dates and
    short of a possessive "’s"."""
    dated = [(m.start(), m.end()) for m in MONTH_DAY.finditer(question)]  # in text order
    start = end = None
    next_date = 0  # the first date not yet passed
    for word in WORD.finditer(question):
        while next_date < len(dated) and dated[next_date][1] <= word.start():
            next_date += 1
        inside = next_date < len(dated) and dated[next_date][0] <= word.start()
        capital = word.start() > 0 and word.group()[:1].isupper() and not inside
        if capital and (end is None or not question[end : word.start()].strip()):
            start = word.start() if start is None else start
            end = word.end()
            if _POSSESSIVE_END.search(word.group()):
                break
        elif start is not None:
            break
    if start is None or end is None:
        return None
    possessive = _POSSESSIVE_END.search(question, start, end)
    return start, possessive.start() if possessive else end


def _base_form(verb: str) -> str | None:
    """The base form of a regular past-tense verb, as the English word list spells it
    ("condemned" -> "condemn", "urged" -> "urge", "stopped" -> "stop"); None for any
    other word."""
    lower = verb.lower()
    if not lower.endswith("ed"):
        return None
    known = english_words()
    if lower.endswith("ied") and f"{lower[:-3]}y" in known:
        return f"{lower[:-3]}y"  # carried -> carry (not "car")
    for base in (lower[:-1], lower[:-2], lower[:-3]):  # urge(d), condemn(ed), stop(ped)
        if len(base) > 2 and base in known:
            return base
    return None


def _did_answer(asked: str, subject: re.Match[str], answer: str) -> str | None:
    """A who-question's answer made the subject of a question with "did": None unless
    the question asked who (or which ...) did something in the past tense and there is an
    answer (the question word was the subject, so the answer is)."""
    base = _base_form(subject["verb"])
    answer = answer.strip().rstrip(" .,")
    if subject["wh"].lower() == "what" or base is None or not answer:
        return None
    text = f"{asked} did {answer} {base}{subject['rest']}?"
    return text if len(text) <= MAX_QUESTION_CHARS else None


# "Why did they do that?", "How did he do it?": asks about the deed the answer did.
_DID_THAT = re.compile(
    r"^(?P<wh>why|how|when|where)\s+did\s+(?:he|she|they|it)\s+do\s+(?:that|this|it|so)\s*\?*$",
    re.IGNORECASE,
)


def _did_that(question: str, said: Said) -> str | None:
    """ "Why did they do that?" after "Who launched the strike on November 19?" / "the
    Israeli military": "Why did the Israeli military launch the strike on November 19?"
    (the deed is the last question's predicate, its doer the answer); None otherwise."""
    asks = _DID_THAT.match(question.strip())
    subject = _subject(said.question)
    if asks is None or subject is None or subject["aux"] or said.question.count("?") > 1:
        return None
    return _did_answer(asks["wh"].capitalize(), subject, said.answer)


def _ask_with(question_word: str, said: Said) -> str | None:
    """The last question asked again with another question word ("Why?", "Where?")."""
    asked = question_word.capitalize()
    subject = _subject(said.question)
    if subject is not None and subject["aux"]:
        # "What was targeted on November 23?" + "Where?": "Where was it targeted on ...?"
        return f"{asked} {subject['aux']} it{subject['rest']}?"
    if subject is not None:
        # "Who condemned the strike?" / "Lebanese authorities" + "Why?": "Why did Lebanese
        # authorities condemn the strike?"; joined, the reader gave the answer again. "By
        # whom?" there asks nothing: only a question with an auxiliary takes a preposition
        # ("How has Hamas been designated?" + "By whom?").
        return None if " " in question_word else _did_answer(asked, subject, said.answer)
    # "When did Israel strike Beirut?" + "Why?": the same question with the other word.
    parts = _plain(said.question).split(maxsplit=2)
    asks = len(parts) == 3 and parts[0].lower() in ("what", "who", "where", "when", "why", "how")
    if not asks or parts[1].lower() not in AUXILIARIES:
        return None
    rest, answer = parts[2], said.answer.strip().rstrip(" .,")
    if parts[0].lower() == "what" and answer:
        # "What" was the object, and the answer fills its place: "What did they urge
        # Israel to do?" / "address its capabilities" + "Why?" reads "Why did they urge
        # Israel to address its capabilities?"; left out, "... urge Israel to do?" sent
        # the reader back to the answer itself.
        rest = f"{rest[:-3] if rest.lower().endswith(' do') else rest} {answer}"
    text = f"{asked} {parts[1]} {rest}?"
    return text if len(text) <= MAX_QUESTION_CHARS else None


_ELSE = re.compile(r"\s*\belse\b", re.IGNORECASE)


def _other_than(question: str, said: Said, phrases: Phrases | None) -> str | None:
    """The question a "what else" follow-up asks, for an answer other than the last one:
    "anything else?" or "who else?" the last question again, "What else was discussed?"
    the question without "else" ("What was discussed?", its own pointers put in)."""
    rest = _ELSE.sub("", question).strip()
    left = [word.lower() for word in words(rest)]
    if len(left) <= 1 and (not left or left[0] in WH or left[0] in SOME):
        return f"{_plain(said.question)}?" if said.question.strip() else None
    rest = rest[:1].upper() + rest[1:]
    if not pointers(rest):
        return rest
    inner = resolve(rest, said, phrases)
    return inner.text if inner.plain else None


def resolve(question: str, said: Said, phrases: Phrases | None = None) -> Resolved:
    """`question` spelled out against the turn it leans on. Where its form gives no
    plain question to make, the text is both questions together, which retrieval can
    still search with. `phrases`: whether the article writes some words together (to find
    a question's subject, `_subject_words`)."""
    if any(pointer.kind == "else" for pointer in pointers(question)):
        other = _other_than(question, said, phrases)
        return Resolved(other or f"{said.question} {question}", True, other is not None, True)
    fragment: Ellipsis | None = ellipsis(question)
    event = _about_event(question, said)
    text: str | None
    if event is not None:
        text, same_topic = event, True
    elif fragment is not None and fragment.question_word is not None:
        text, same_topic = _ask_with(fragment.question_word, said), True
    elif fragment is not None and fragment.instead is not None:
        text, same_topic = _ask_instead(fragment.instead, said, phrases), False
    else:
        text = (
            _did_that(question, said)
            or restate(question, said.question, said.answer)
            or _put_in(question, said, phrases)
        )
        same_topic = True
    return Resolved(text or f"{said.question} {question}", same_topic, text is not None)
