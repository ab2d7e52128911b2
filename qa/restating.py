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
from dataclasses import dataclass

from qa.dates import date_phrases
from qa.earlier_question import (
    DESCRIBED,
    HOW_MANY,
    Phrases,
    Said,
    counts_subject,
    described_thing,
    first_name,
    happened_to,
    leads_with_preposition,
    looks_plural,
    plain_question,
    subject_of,
    subject_words,
    things_there,
    topic_of,
    with_object,
)
from qa.limits import MAX_QUESTION_CHARS
from qa.referents import put_in
from qa.referring import (
    AUXILIARIES,
    BE,
    COMPARING,
    DEMONSTRATIVES,
    DETERMINERS,
    PERSONAL,
    POSSESSIVE,
    PREPOSITIONS,
    SOME,
    SUBJECT_PRONOUNS,
    WH,
    WORD,
    Ellipsis,
    ellipsis,
    pointers,
    words,
)
from qa.time_shift import retimed, shifted
from qa.verbs import PAST_TENSE, base_form, is_verb_form

__all__ = ["Phrases", "Resolved", "Said", "resolve", "restate"]


@dataclass(frozen=True)
class Resolved:
    """A follow-up spelled out. `same_topic`: it asks more about what the last answer
    cited ("Where was that?"), not the same thing about something else ("and on November
    19?", whose answer lies elsewhere)."""

    text: str
    same_topic: bool
    plain: bool = True  # False: no plain question to make, both questions joined
    other: bool = False  # asks for another answer than the last ("What else ...?")


# "Who said so?", "Which agency confirmed it?": asks who made the earlier claim, with a
# verb of saying ("Who backs it?" asks about a thing, not a claim).
_WHO_CLAIMED = re.compile(
    r"^(?P<ask>(?:who|which\s+\w+)\s+(?:said|says|claimed|claims|confirmed|confirms|"
    r"reported|reports|stated|states|announced|announces|denied|denies|told|wrote|"
    r"revealed|reveals|alleged|alleges|suggested|suggests|believes|believed|thinks|thought))"
    r"\s+(?:so|that|this|it)\s*\?*$",
    re.IGNORECASE,
)
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
# "In which city was the strike?", "Between which cities were the services suspended?": a
# question led by a preposition and "which"/"what" with its noun, then an auxiliary.
# "Between which cities were ...", "For what was Carlos Ibarra sentenced?" (the kind asked
# for may go unnamed).
_AUX = "|".join(sorted(AUXILIARIES))
_PREPOSITION_LED = re.compile(
    rf"^(?P<preposition>\w+)\s+(?:which|what)(?:\s+(?!(?:{_AUX})\b)\w+){{0,2}}\s+"
    rf"(?P<aux>{_AUX})\s+(?P<clause>\S.*)$",
    re.IGNORECASE,
)
# "the 19th", "on the 19th", "19th": a day of the month with no month.
_DAY_ALONE = re.compile(r"^(?:on\s+)?(?:the\s+)?(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)$", re.I)
_DAY_NUMBER = re.compile(r"\b(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b")
# "What happened on November 19?", "... in Beirut?": a setting that says when or where.
_EVENT_SETTING = frozenset("on in at during after before near since".split())


def restate(question: str, context: str, answer: str | None) -> str | None:
    """A follow-up pointing at the whole earlier claim, with the claim spelled out.

    "Who said so?" after "What was targeted on November 23?" / "a building ..." reads
    "Who said a building ... was targeted on November 23?": a plain question, the kind
    the reader was trained on (measured: the reader's margin goes from -7.9, no answer,
    to +9.3 against "Who said so: a building ...?"). After a question asking what
    something is ("What was the target?") the claim is the thing described: "Who said
    the target was a building ...?"; after a count, the count: "Who said 15 homes were
    destroyed?". None unless the follow-up asks who made the claim,
    the earlier turn is one such question, and there is an answer to put in.
    """
    points = _WHO_CLAIMED.match(question.strip())
    if not (points and answer) or context.count("?") > 1:
        return None
    answer = answer.rstrip(" .,’'\"”")
    claim = subject_of(context)
    counted = HOW_MANY.match(plain_question(context))
    if claim is None and counted is not None and not counts_subject(counted):
        # "How many people did malaria kill in 2025?" / "600,000": "Who said malaria
        # kill 600,000 people in 2025?" (the reader minds the object's place, not the
        # tense: it found "World Health Organization"; "Who said so?" gave a name from
        # another sentence).
        if counted["aux"].lower() not in ("do", "does", "did"):
            return None
        counted_object = f"{answer} {counted['things']}"
        return f"{points['ask']} {with_object(counted['clause'], counted_object)}?"
    if claim is None and counted is not None:
        # "How many homes were destroyed?" / "15": "Who said 15 homes were destroyed?".
        if counted["aux"]:
            told = f"{counted['aux']} {counted['clause']}"
        else:
            told = f"{counted['verb']}{counted['rest']}"
        return f"{points['ask']} {answer} {counted['things']} {told}?"
    if claim is None:
        described = DESCRIBED.match(plain_question(context))
        thing = described_thing(context)
        if described is None or thing is None:
            return None
        return f"{points['ask']} {thing} {described['be'].lower()} {answer}?"
    if claim["verb"].lower() == "happened":
        return None  # "What happened ...?" is answered with an event, not a claim's subject
    return f"{points['ask']} {answer} {claim['verb']}{claim['rest']}?"


# "How did the hackers break in?", "Why was the vote delayed?": the manner or cause of an
# event, which a follow-up's "that" then stands for.
_HOW_OR_WHY = re.compile(r"^\s*(?:how|why)\s+(?:did|does|do|was|were|is|are|has|have|had)\b", re.I)


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
    if asks is not None and asks["wh"] and _HOW_OR_WHY.match(said.question):
        # "When did that happen?" after "How did the hackers break in?": "that" is the
        # break-in, asked again with "when" (it had been "When did the hackers happen?").
        return _ask_with(asks["wh"], said)
    subject = subject_of(said.question)
    if subject is None or said.question.count("?") > 1:
        return None
    if subject["wh"].lower() != "what" or subject["verb"].lower() != "happened":
        return None
    event = _event_named(said.answer)
    if asks is None:
        return _event_as_it(question, subject["rest"], event)
    if asks["who"]:
        # "Who carried out the air strike on November 23?" ("... carried it out ..." was
        # withheld: the article says who confirmed it, and "it" led the reader nowhere).
        return (
            f"Who carried out {event}{subject['rest']}?"
            if event
            else f"Who carried it out{subject['rest']}?"
        )
    return f"{asks['wh'].capitalize()} did it happen{subject['rest']}?"


# "the IDF confirmed another air strike in Beirut": a verb of carrying out or telling of
# an event, then the event (a few lower-case words) up to a preposition or the clause's
# end. Other verbs' objects are what the event befell ("A fire destroyed the old mill").
_EVENT_NAMED = re.compile(
    r"\b(?:launched|conducted|staged|ordered|confirmed|reported|announced|claimed|denied"
    r"|carried\s+out)\s+(?:a|an|another|the)\s+"
    r"(?P<event>(?-i:[a-z][\w-]*)(?:\s+(?-i:[a-z][\w-]*)){0,2}?)"
    rf"(?=\s+(?:{'|'.join(sorted(PREPOSITIONS))})\b|\s*[,.;]|\s*$)",
    re.IGNORECASE,
)


# A phrasal verb's particle after "it" ("carried it out"), which goes before a noun phrase.
_PARTICLE = re.compile(r"\s+(?P<particle>out|off|up|down|over)\b", re.IGNORECASE)


def _event_named(answer: str) -> str | None:
    """The event an answer to "What happened ...?" names as a past verb's object ("the
    air strike" of "the IDF confirmed another air strike in Beirut"), or None."""
    named = _EVENT_NAMED.search(answer)
    if named is None:
        # "scuffles near the finance ministry": the event itself, no verb in it.
        bare = _EVENT_ALONE.match(answer.strip())
        if bare is None or any(is_verb_form(word) for word in words(bare["event"])):
            return None
        return f"the {bare['event']}"
    if any(base_form(word) is not None for word in words(named["event"])):
        return None  # a clause ("confirmed the talks went ahead"), no event's name
    return f"the {named['event']}"


# An answer that is an event's noun, in a few small words up to a preposition or its end.
_EVENT_ALONE = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?P<event>(?-i:[a-z][\w-]*)(?:\s+(?-i:[a-z][\w-]*)){0,2}?)"
    rf"(?=\s+(?:{'|'.join(sorted(PREPOSITIONS))})\b|\s*[,.;]|\s*$)"
)


def _event_as_it(question: str, setting: str, event: str | None = None) -> str | None:
    """Any other follow-up pointing at the event of "What happened <setting>?" with "it",
    "that" or "this" ("who carried it out?"): the word reads "it", and the event's date or
    place follows ("Who carried it out on November 19?"); "Who carried what happened on
    November 19 out?" sent the reader nowhere. A claim about the event reads so too: "Who
    confirmed it on November 23?" ("Who confirmed what happened on November 23?" was
    answered with the clause "the IDF confirmed another air strike"). None for "why" (as
    above), a setting that is not a time or place, or a pointer at anything but the
    event."""
    found = pointers(question)
    opening = words(setting)[:1]
    if not found or any(pointer.kind != "thing" for pointer in found):
        return None
    if not opening or opening[0].lower() not in _EVENT_SETTING or date_phrases(question):
        return None
    if words(question)[0].lower() == "why":
        return None
    spans = list(WORD.finditer(question))
    parts, copied = [], 0
    for pointer in found:
        span = spans[pointer.index]
        particle = _PARTICLE.match(question, span.end()) if event else None
        if particle is not None:  # "carried it out" -> "carried out the precision strike"
            parts += [question[copied : span.start()], f"{particle['particle']} {event}"]
            copied = particle.end()
            continue
        parts += [question[copied : span.start()], event or "it"]
        copied = span.end()
    text = plain_question("".join([*parts, question[copied:]]))
    return f"{text[:1].upper()}{text[1:]}{setting}?"


# "its area", "her title": a possessive and a few words, asked what they are.
_OWNED_WORDS = 4


# "her mother", "Ottilie Brannvik’s mother": a noun in small letters owned.
_OWNED_NOUN = re.compile(
    r"(?:\b(?:my|your|his|her|its|our|their)|[\w-]+[’']s)\s+(?P<noun>(?-i:[a-z])[\w-]*)",
    re.IGNORECASE,
)


def _owned_noun_swapped(nouns: list[str], question: str) -> str | None:
    """The last question with the one noun it owns swapped for the fragment's ("What did
    Ottilie Brannvik’s mother do?" and "And her father?": "What did Ottilie Brannvik’s
    father do?"), or None where it owns no noun or another ("her" and "their")."""
    found = list(_OWNED_NOUN.finditer(question))
    if len(found) != 1 or found[0]["noun"].lower() == nouns[-1].lower():
        return None
    start, end = found[0].span("noun")
    return f"{question[:start]}{' '.join(nouns)}{question[end:]}?"


def _ask_instead(fragment: str, said: Said, phrases: Phrases | None = None) -> str | None:
    """The last question asked about `fragment` instead ("and on November 19?"): its date,
    its phrase after the same preposition, its subject (`subject_words`) or its first
    name swapped for the fragment's."""
    question = plain_question(said.question)
    moved = shifted(fragment, question)  # "And the month before?" (qa.time_shift)
    if moved is not None:
        return moved
    new_dates, old_dates = date_phrases(fragment), date_phrases(question)
    if new_dates and old_dates:
        return f"{question.replace(old_dates[0], new_dates[0], 1)}?"
    retold = retimed(fragment, question)  # "And last year?", "What about in 2003?"
    if retold is not None:
        return retold
    day = _DAY_ALONE.match(fragment.strip())
    if day and old_dates and _DAY_NUMBER.search(old_dates[0]):
        # "What about the 19th?" after "... on November 23?": the same month, that day.
        new_date = _DAY_NUMBER.sub(day["day"], old_dates[0], count=1)
        return f"{question.replace(old_dates[0], new_date, 1)}?"
    tokens = words(fragment)
    if COMPARING.match(fragment.strip()):
        # "compared with last year?" after "How much did Nordvik earn?": asked with it.
        compared = fragment.strip()
        return f"{question} {compared[:1].lower()}{compared[1:]}?"
    if leads_with_preposition(fragment):
        same = list(re.finditer(rf"\b{re.escape(tokens[0])}\b", question, re.IGNORECASE))
        kept = question[: same[-1].start()].rstrip() if same else question
        return f"{kept} {fragment}?"
    owned = _owned(tokens, question, said.answer) or _owners_other(tokens, question)
    if owned is not None:
        return owned
    if tokens and tokens[0].lower() in POSSESSIVE and 1 < len(tokens) <= _OWNED_WORDS:
        swapped = _owned_noun_swapped(tokens[1:], question)
        if swapped is not None:
            return swapped
        # "And its area?" after "How long is the Halvard Glacier?": the glacier's area
        # ("How long is the Halvard Glacier? And its area?" was answered with its length).
        owned = put_in(f"What is {fragment.strip()}?", said, phrases)
        if owned is not None:
            return owned
    sayer = _SAID_BY.search(question)
    if (
        sayer is not None
        and tokens
        and (tokens[0].lower() in DETERMINERS or tokens[0][:1].isupper())
    ):
        # "And the organisers?" after "How many people did the police say took part?":
        # what the organisers said, not how many organisers ("How many organisers did
        # the police say took part?" found nothing).
        start, end = sayer.span("who")
        return f"{question[:start]}{fragment.strip()}{question[end:]}?"
    recounted = _recounted(tokens, question)
    if recounted is not None:
        return recounted
    things = things_there(question)
    if things is not None and tokens and tokens[0].islower() and tokens[0] not in DETERMINERS:
        # "What about injuries?" after "Were there any deaths?": any injuries instead.
        instead = re.sub(r"^any\s+", "", fragment.strip(), flags=re.IGNORECASE)
        at = question.rfind(things)
        return f"{question[:at]}{instead}{question[at + len(things) :]}?"
    named = [t for t in tokens if t.lower() not in DETERMINERS]
    if named and named[0][:1].isupper() and _POSSESSIVE_END.search(tokens[-1]):
        # "and Baltic Jet's?" after "How much did Nordwind shares fall?": the owner
        # changes, what is owned stays ("How much did Baltic Jet's shares fall?").
        name = first_name(question)
        if name is not None:
            start, end = name
            owner = _after_possessive(question, end)
            # "And Owen Pryce's?" after "Which book was written by Nadia Ferreira?":
            # his, where the name ends the question ("written by Owen Pryce", not
            # "Pryce's"); before a noun it owns it ("Baltic Jet's shares").
            ends = owner == end and not re.match(r"\s*\w", question[end:])
            instead = _POSSESSIVE_END.sub("", fragment.strip()) if ends else fragment.strip()
            return f"{question[:start]}{instead}{question[owner:]}?"
    if not named or not (named[0][:1].isupper() or tokens[0].lower() in DETERMINERS):
        return None  # not a name or a noun phrase: nothing to put in a name's place
    same_noun = _same_noun(fragment, tokens, question)
    if same_noun is not None:
        start, end = same_noun
        return f"{question[:start]}{fragment}{question[end:]}?"
    subject = subject_words(question, phrases) if phrases is not None else None
    thing_object = _OBJECT_AT_END.search(question)
    if (
        thing_object is not None
        and named[0].islower()
        and subject is not None
        and question[subject[0]].isupper()
    ):
        # "and the benefit?" after "What did Martin Kehler think of the price?": a thing
        # for the thing, not for the man ("What did the benefit think of the price?").
        return f"{question[: thing_object.start('thing')]}{fragment}?"
    if subject is not None:
        start, end = subject
        return f"{question[:start]}{fragment}{question[end:]}?"
    topic = topic_of(question, None)
    if topic is not None and topic in question and tokens[0].lower() in DETERMINERS:
        # "And the premium version?" after "How much do the glasses cost?", where the
        # article writes no "the glasses": the words up to the verb.
        start = question.index(topic)
        return f"{question[:start]}{fragment}{question[start + len(topic) :]}?"
    name = first_name(question)
    if named[0][:1].isupper() and name is not None:
        start, end = name
        before = re.search(r"\b(\w+)\s+$", question[:start])
        if tokens[0].lower() in DETERMINERS and before and before[1].lower() in DETERMINERS:
            start = before.start(1)  # "the EU" for "the UN", not "the the EU"
        elif before and before[1].lower() == "the" and _name_alone(question[end:]):
            # "Mexico" for "the United States", not "the Mexico"; "the Israeli army" keeps
            # its "the" for "Lebanese" ("Lebanese" names no thing alone).
            start = before.start(1)
        return f"{question[:start]}{fragment}{question[end:]}?"
    done_to = _WHO_DOES.match(question)
    if done_to is not None and len(tokens) <= _THING_WORDS:
        # "and the cameras?" after "Who provides tracking?": who does it to the other
        # thing ("Who provides the cameras?"; it had been "What happened to the cameras?").
        lead = done_to["preposition"] or ""
        return f"{done_to['ask']} {done_to['verb']} {lead}{fragment}?"
    if tokens[0].lower() in DETERMINERS and len(tokens) <= _THING_WORDS:
        # "and the trains?" after "What road was closed?": the question has no name or
        # subject to swap ("What road" is what it asks), so what befell the thing named.
        # Joined, the reader gave the road again.
        return f"What happened to {fragment}?"
    return None


# "Who provides tracking?", "Which agency paid for the rover?": the question word does
# something to a thing (after a preposition, kept).
_WHO_DOES = re.compile(
    rf"^(?P<ask>who|which\s+[^\W\d_]+)\s+(?P<verb>(?!(?:is|was|has|does)\b)[^\W\d_]+s\b|{PAST_TENSE})"
    rf"\s+(?P<preposition>(?:{'|'.join(sorted(PREPOSITIONS))})\s+)?(?P<thing>\S.*)$",
    re.IGNORECASE,
)
# A noun phrase this long or shorter is a thing asked about ("the trains", "the A-7
# motorway"); a longer fragment is more likely a clause.
_THING_WORDS = 5


# "the atomic number of" in "What is the atomic number of tin?": what "its" belongs to
# follows the "of".
_THE_OF = re.compile(r"\bthe\s+(?:[^\W\d_][\w’'-]*\s+){1,3}?of\b", re.IGNORECASE)


def _owned(tokens: list[str], question: str, answer: str) -> str | None:
    """ "What about its symbol?" after "What is the atomic number of tin?" / "50": "What
    is the symbol of tin?" (the thing after "of" owns it); None unless the fragment is a
    possessive and a noun and the question has "the ... of", and where the answer is a
    name, which "its" may as well stand for ("the capital of France" / "Paris" + "its
    population?")."""
    if len(tokens) < 2 or tokens[0].lower() not in POSSESSIVE:
        return None
    if any(word[:1].isupper() for word in words(answer)):
        return None
    phrase = _THE_OF.search(question)
    if phrase is None:
        return None
    return f"{question[: phrase.start()]}the {' '.join(tokens[1:])} of{question[phrase.end() :]}?"


_POSSESSIVE_END = re.compile(r"[’']s$", re.IGNORECASE)
# An answer this short names someone; a longer one is a clause.
_NAME_WORDS = 6
# "Nordwind's profit": a name's possessive and the noun it owns.
_NAMES_NOUN = re.compile(r"(?-i:[A-Z])[\w’'-]*[’']s\s+(?P<noun>[a-z][\w-]*)\b")


def _after_possessive(question: str, end: int) -> int:
    """`end` past a possessive "'s" that follows it in `question`."""
    following = re.match(r"[’']s\b", question[end:])
    return end + following.end() if following else end


def _owners_other(tokens: list[str], question: str) -> str | None:
    """ "and revenue?" after "What was Nordwind's profit last year?": "What was
    Nordwind's revenue last year?" (a noun in place of the one a name owns, or the one
    of "the ... of": "and area?" after "What is the population of Paris?"); None for a
    fragment that is not one or two lowercase words, or a question with no such noun."""
    if not 1 <= len(tokens) <= 2 or any(not t.islower() for t in tokens):
        return None
    if tokens[0] in DETERMINERS or tokens[0] in POSSESSIVE or tokens[0] in WH:
        return None
    noun = " ".join(tokens)
    owned = _NAMES_NOUN.search(question)
    if owned is not None:
        start, end = owned.span("noun")
        return f"{question[:start]}{noun}{question[end:]}?"
    phrase = _THE_OF.search(question)
    if phrase is None:
        return None
    return f"{question[: phrase.start()]}the {noun} of{question[phrase.end() :]}?"


# A thing named at the question's end, after a preposition: "... think of the price".
_OBJECT_AT_END = re.compile(
    rf"\b(?:{'|'.join(sorted(PREPOSITIONS))})\s+"
    r"(?P<thing>(?-i:the|a|an)\s+(?-i:[a-z])[\w’'-]*(?:\s+(?-i:[a-z])[\w’'-]*){0,2})$"
)


def _same_noun(fragment: str, tokens: list[str], question: str) -> tuple[int, int] | None:
    """Where the question names what the fragment names more closely: "the strike" of
    "Who condemned the strike?" for "the November 19 strike" (a determiner, then words,
    then the same last noun); None for a fragment of one noun or no such phrase."""
    if len(tokens) < 3 or tokens[0].lower() not in DETERMINERS:
        return None
    noun = re.escape(tokens[-1])
    phrase = re.search(rf"\b(?:the|a|an)\s+(?:[^\W\d_][\w’'-]*\s+){{0,2}}{noun}\b", question, re.I)
    if phrase is None or phrase.group().lower() == fragment.lower():
        return None
    return phrase.start(), phrase.end()


def _did_answer(asked: str, subject: re.Match[str], answer: str) -> str | None:
    """A who-question's answer made the subject of a question with "did": None unless
    the question asked who (or which ...) did something in the past tense and there is an
    answer (the question word was the subject, so the answer is)."""
    base = base_form(subject["verb"])
    answer = answer.strip().rstrip(" .,")
    if answer.startswith("The "):  # it began its sentence; now it is inside one
        answer = f"the {answer[4:]}"
    # A what-question's answer is a thing that did it only when short ("the Poyo
    # ravine"); a longer one is a clause ("When did heavy rain flooded ... burst ...?").
    thing = subject["wh"].lower() != "what" or len(words(answer)) <= _NAME_WORDS
    if not thing or subject["verb"].lower() == "happened" or base is None or not answer:
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
    subject = subject_of(said.question)
    if asks is None or subject is None or subject["aux"] or said.question.count("?") > 1:
        return None
    return _did_answer(asks["wh"].capitalize(), subject, said.answer)


def _dated_end(text: str) -> re.Match[str] | None:
    """The date `text` ends with, with its preposition (" on November 19"), or None."""
    phrases = date_phrases(text)
    if not phrases:
        return None
    return re.search(
        rf"\s+(?:(?:on|in|by|during|since|until|before|after)\s+)?{re.escape(phrases[-1])}\s*$",
        text,
        re.IGNORECASE,
    )


def _unless_when(asked: str, rest: str) -> str:
    """`rest` of a question asked again with `asked`, less the date it ends with where
    `asked` is "When": the day named is what "When?" asks again."""
    dated = _dated_end(rest) if asked == "When" else None
    return rest[: dated.start()] if dated is not None else rest


# After these and a subject, "what" is the verb's object, which the answer fills ("What
# will the government spend?" + "When?": "When will the government spend 3 billion
# euros?"); after "do" always.
_DO = frozenset("do does did".split())
_MODAL = frozenset("will would can could should shall may might".split())
_POSSESSIVES = frozenset("its their his her our my your".split())


def _object_asked(auxiliary: str, rest: str) -> bool:
    """Whether "what" is the object in "What <auxiliary> <rest>?": after "do", or after a
    modal that a subject follows ("What will the government spend?", not "What will
    happen to jobs?", whose "what" is the subject)."""
    if auxiliary.lower() in _DO:
        return True
    first = (words(rest)[:1] or [""])[0]
    subject = first.lower() in DETERMINERS | SUBJECT_PRONOUNS | _POSSESSIVES or first[:1].isupper()
    return auxiliary.lower() in _MODAL and subject


# "... do", "... do next": the deed asked for, which the answer names.
_DO_AT_END = re.compile(
    r"\s+do(?:\s+(?:next|now|then|afterwards|first|instead|today))?$", re.IGNORECASE
)


def _what_befell(asked: str, said: Said) -> str | None:
    """ "What happened to the 2022 truce?" / "collapsed after only 19 days" + "Why?":
    "Why did the 2022 truce collapse after only 19 days?" (joined, the reader gave
    "collapsed" again); "was destroyed by fire" + "Why?": "Why was the church destroyed
    by fire?". None unless the last question asked what befell a thing and
    the answer opens with what it did or what was done to it."""
    thing = happened_to(said.question)
    answer = said.answer.strip().rstrip(" .,")
    if thing is None or not answer:
        return None
    first, _, after = answer.partition(" ")
    if first.lower() in BE and after:
        text = f"{asked} {first.lower()} {thing} {after}?"
    elif base_form(first) is not None:
        text = f"{asked} did {thing} {f'{base_form(first)} {after}'.strip()}?"
    else:
        return None
    return text if len(text) <= MAX_QUESTION_CHARS else None


def _ask_with(question_word: str, said: Said) -> str | None:
    """The last question asked again with another question word ("Why?", "Where?")."""
    asked = question_word.capitalize()
    befell = _what_befell(asked, said)
    if befell is not None:
        return befell
    # "Between which cities", "In what way": a question word with the kind asked for.
    # "How much": a measure asked for.
    kind = len(question_word.split()) > 2 or question_word.startswith("how ")
    subject = subject_of(said.question)
    if subject is not None and subject["aux"]:
        # "What was targeted on November 23?" + "Where?": "Where was it targeted on ...?";
        # + "When?": "When was it targeted?" (the day named is what it asks again).
        # "Which services were suspended?" + "Between which cities?": "Between which
        # cities were the services suspended?" (the things asked about, not "it"); "Who
        # is buying Baltic Jet?" / "Nordwind Air" + "For how much?": "For how much is
        # Nordwind Air buying Baltic Jet?".
        which = subject["wh"].split()
        thing = f"the {which[1]}" if kind and len(which) == 2 else "it"
        named = said.answer.strip().rstrip(" .,")
        # "Who is buying Crunchy Co?" / "Nordic Foods" + "Why?": "Why is Nordic Foods
        # buying Crunchy Co?" (was "Why is it buying ...?": "for $2.1 billion in cash").
        # So "Which company was fined?" / "Levante Obras" + "Why?": "Why was Levante
        # Obras fined?" (joined, the reader gave the company again).
        named_asked = which[0].lower() == "who" or (which[0].lower() == "which" and not kind)
        if named_asked and 0 < len(words(named)) <= _NAME_WORDS:
            thing = f"the {named[4:]}" if named.startswith("The ") else named
        return f"{asked} {subject['aux']} {thing}{_unless_when(asked, subject['rest'])}?"
    if subject is not None:
        # "Who condemned the strike?" / "Lebanese authorities" + "Why?": "Why did Lebanese
        # authorities condemn the strike?"; joined, the reader gave the answer again. "By
        # whom?" there asks nothing: only a question with an auxiliary takes a preposition
        # ("How has Hamas been designated?" + "By whom?").
        if " " not in question_word or kind:
            # "Who condemned the strike?" + "In which city?": "In which city did Lebanese
            # authorities condemn the strike?"
            return _did_answer(asked, subject, said.answer)
        preposition, word = question_word.split()
        if preposition == "by" or word not in ("whom", "what"):
            return None
        # "Who issued a warning?" / "Russia's ambassador" + "About what?": "What did
        # Russia's ambassador issue a warning about?"; joined, the reader gave the answer.
        stranded = _did_answer("Who" if word == "whom" else "What", subject, said.answer)
        return f"{stranded[:-1]} {preposition}?" if stranded else None
    led = _PREPOSITION_LED.match(plain_question(said.question))
    answer = said.answer.strip().rstrip(" .,")
    if led is not None and led["preposition"].lower() in PREPOSITIONS and answer:
        # "Between which cities were the services suspended?" / "Santiago and Chillán" +
        # "Why?": "Why were the services suspended between Santiago and Chillán?"; joined,
        # the reader gave the cities again.
        preposition = led["preposition"].lower()
        placed = answer if leads_with_preposition(answer) else f"{preposition} {answer}"
        text = f"{asked} {led['aux']} {_unless_when(asked, led['clause'])} {placed}?"
        return text if len(text) <= MAX_QUESTION_CHARS else None
    counted = _counted(asked, plain_question(said.question)) or _measured(
        asked, plain_question(said.question)
    )
    if counted is not None:
        return counted
    # "When did Israel strike Beirut?" + "Why?": the same question with the other word.
    parts = plain_question(said.question).split(maxsplit=2)
    polar = len(parts) > 1 and parts[0].lower() in AUXILIARIES
    if polar and parts[1].lower() != "there":
        # A yes/no question + "When?": "When did Israel strike Beirut?"; "By whom?" after
        # "Were civilians warned?": "By whom were civilians warned?" (not after "Was
        # there a warning?", which has no one to ask about).
        question = " ".join(parts)
        text = f"{asked} {question[:1].lower()}{question[1:]}?"
        return text if len(text) <= MAX_QUESTION_CHARS else None
    asks = len(parts) == 3 and parts[0].lower() in ("what", "who", "where", "when", "why", "how")
    if not asks or parts[1].lower() not in AUXILIARIES:
        return None
    rest, answer = _unless_when(asked, parts[2]), said.answer.strip().rstrip(" .,")
    # After "What was the meeting?" the answer says what it was: "Why was the meeting <it>?"
    # asks about that, "Between whom was the meeting?" about the meeting.
    # "What will the team do next?", "What did the IDF do on November 23?": asks a deed.
    dated_at = _dated_end(rest)
    deed = _DO_AT_END.search(rest, 0, dated_at.start() if dated_at is not None else len(rest))
    # "On what?" after "What will the government spend?" / "3 billion euros": on what
    # it will spend them ("On what will the government spend 3 billion euros?").
    fills = _object_asked(parts[1], parts[2]) or asked in ("Why", "How") or bool(deed)
    # "Who did he swear fealty to?" / "King Charles III" + "When?": the answer is the
    # stranded preposition's object ("When did he swear fealty to King Charles III?").
    last_word = (words(rest)[-1:] or [""])[0].lower()
    dangling = parts[0].lower() in ("who", "whom") and last_word in PREPOSITIONS
    if (dangling or (parts[0].lower() == "what" and fills)) and answer:
        # "What" was the object, and the answer fills its place: "What did they urge
        # Israel to do?" / "address its capabilities" + "Why?" reads "Why did they urge
        # Israel to address its capabilities?"; left out, "... urge Israel to do?" sent
        # the reader back to the answer itself.
        # Before a date it ends with: "Why did they target Hamas training camp on November
        # 19?", not "... target on November 19 Hamas training camp?".
        if deed is not None:
            rest = rest[: deed.start()] + rest[deed.end() :]
        first, _, after = answer.partition(" ")
        if deed is not None and parts[1].lower() == "did" and base_form(first):
            # After "did", the deed's verb in its base form: "Why did the bank raise its
            # rate?", not "... raised its rate?".
            answer = f"{base_form(first)} {after}".strip()
        dated = _dated_end(rest)
        at = dated.start() if dated is not None else len(rest)
        rest = f"{rest[:at]} {answer}{rest[at:]}"
    elif _whom_asked(parts[0], parts[1], answer):
        # "Who will Harbor City face in the final?" / "Northport" + "Where?": "Where will
        # Harbor City face Northport in the final?"; left out, the reader gave the
        # answer again.
        led = _LEADS_A_PHRASE.search(rest)
        dated = _dated_end(rest)
        at = led.start() if led is not None else dated.start() if dated else len(rest)
        rest = f"{rest[:at]} {answer}{rest[at:]}"
    text = f"{asked} {parts[1]} {rest}?"
    return text if len(text) <= MAX_QUESTION_CHARS else None


# Where the object of "Who will Harbor City face in the final?" goes: before the first
# phrase a preposition leads (not "of", which binds a noun: "the leader of the group").
_LEADS_A_PHRASE = re.compile(rf"\s(?:{'|'.join(sorted(PREPOSITIONS - {'of'}))})\s", re.IGNORECASE)


def _whom_asked(wh: str, auxiliary: str, answer: str) -> bool:
    """Whether a "who" question asked for its verb's object ("Who will Harbor City
    face?", "Who did Israel strike?"), answered with a name or short phrase to put there;
    not "Who is the captain?" (what someone is) or a long answer (a clause)."""
    if wh.lower() not in ("who", "whom") or auxiliary.lower() in BE:
        return False
    return bool(answer) and len(words(answer)) <= _NAME_WORDS


# A fragment this long or shorter may be things to count instead ("and barns?").
_COUNTED_WORDS = 3
_NOT_THINGS = WH | AUXILIARIES | PREPOSITIONS | POSSESSIVE | SOME | PERSONAL | DEMONSTRATIVES


def _name_alone(rest: str) -> bool:
    """Whether a name ends its noun phrase, the question's `rest` after it going on with
    no noun of its own: the end, a verb, an auxiliary or a preposition ("the United States?",
    "the IDF say"), not "army" of "the Israeli army"."""
    following = words(rest)[:1]
    if not following:
        return True
    word = following[0].lower()
    return word in AUXILIARIES | PREPOSITIONS or base_form(word) is not None


# Determiners of one thing.
_ONE = frozenset("the a an this that its his her their".split())


# "... did the police say ...", "... does the union estimate ...": who gave the figure.
_SAID_BY = re.compile(
    r"\b(?:did|does|do)\s+(?P<who>(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}?)\s+"
    r"(?:say|estimate|report|claim|count|put|give)\b",
    re.IGNORECASE,
)


def _recounted(tokens: list[str], question: str) -> str | None:
    """ "And barns?" after "How many homes were destroyed?": the same count of the other
    things ("How many barns were destroyed?"; joined, the reader gave the homes' "15"
    again). None unless the question counts things and the fragment is a few words that
    name some (no pronoun, question word or auxiliary)."""
    counted = HOW_MANY.match(question)
    named = [t for t in tokens if t.lower() not in DETERMINERS]
    if counted is None or not named or len(named) > _COUNTED_WORDS:
        return None
    if any(t.lower() in _NOT_THINGS for t in named):
        return None
    if named[0][:1].isupper() and not counts_subject(counted):
        # "And the Social Democrats?" after "How many seats did the Civic Alliance get?":
        # another party's seats, not a count of Social Democrats (the subject, below).
        return None
    if tokens[0].lower() in _ONE and not looks_plural(named[-1]) and not counts_subject(counted):
        # "And the lifeboat?" after "How many sailors did her crew winch up?": one thing
        # is no count of sailors, but who else did it (the subject, below); it had been
        # "How many lifeboat did her crew winch up?".
        return None
    if named[0][:1].isupper() and first_name(question) is not None:
        # "And German?" after "How many of the hostages were Norwegian?": a name for the
        # name ("How many German were Norwegian?" had counted Germans).
        return None
    start, end = counted.span("things")
    return f"{question[:start]}{' '.join(named)}{question[end:]}?"


# "How much did shares fall?", "How far did the fire spread?": a measure of what a
# clause tells, asked with an auxiliary.
_HOW_MUCH = re.compile(
    rf"^how\s+(?:much|far|long|often|fast)\s+(?P<aux>{'|'.join(sorted(AUXILIARIES))})\s+"
    r"(?P<clause>\S.*)$",
    re.IGNORECASE,
)


def _measured(asked: str, question: str) -> str | None:
    """A measure's question asked again with another question word: "How much did
    shares fall?" + "Where?" reads "Where did shares fall?" (joined, the reader gave
    the measure again, withheld). None for any other question."""
    measured = _HOW_MUCH.match(question)
    if measured is None:
        return None
    text = f"{asked} {measured['aux']} {_unless_when(asked, measured['clause'])}?"
    return text if len(text) <= MAX_QUESTION_CHARS else None


def _counted(asked: str, question: str) -> str | None:
    """A count's question asked again with another question word: "How many people
    died?" + "Where?" reads "Where did people die?", "How many soldiers will be sent?" +
    "When?" reads "When will soldiers be sent?". Joined ("How many people died?
    Where?"), the reader gave the number again or nothing. None for any other question,
    or a verb whose base form is not known."""
    counted = HOW_MANY.match(question)
    if counted is None:
        return None
    things = counted["things"]
    if not counts_subject(counted):
        # "How many doses can the institute make?" + "By when?": "By when can the
        # institute make doses?".
        clause = with_object(_unless_when(asked, counted["clause"]), things)
        text = f"{asked} {counted['aux']} {clause}?"
        return text if len(text) <= MAX_QUESTION_CHARS else None
    if counted["aux"]:
        text = f"{asked} {counted['aux']} {things} {_unless_when(asked, counted['clause'])}?"
    else:
        base = base_form(counted["verb"])
        if base is None:
            return None
        text = f"{asked} did {things} {base}{_unless_when(asked, counted['rest'])}?"
    return text if len(text) <= MAX_QUESTION_CHARS else None


_ELSE = re.compile(r"\s*\b(?:else|also)\b", re.IGNORECASE)


def _other_than(question: str, said: Said, phrases: Phrases | None) -> str | None:
    """The question a "what else" follow-up asks, for an answer other than the last one:
    "anything else?" or "who else?" the last question again, "What else was discussed?"
    the question without "else" ("What was discussed?", its own pointers put in)."""
    rest = _ELSE.sub("", question).strip()
    left = [word.lower() for word in words(rest)]
    if len(left) <= 1 and (not left or left[0] in WH or left[0] in SOME):
        return f"{plain_question(said.question)}?" if said.question.strip() else None
    rest = rest[:1].upper() + rest[1:]
    if not pointers(rest):
        return rest
    inner = resolve(rest, said, phrases)
    return inner.text if inner.plain else None


def resolve(question: str, said: Said, phrases: Phrases | None = None) -> Resolved:
    """`question` spelled out against the turn it leans on. Where its form gives no
    plain question to make, the text is both questions together, which retrieval can
    still search with. `phrases`: whether the article writes some words together (to find
    a question's subject, `subject_words`)."""
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
            or put_in(question, said, phrases)
        )
        same_topic = True
    # "What is his name?" after "Who was the target?" / "the chief of staff of Hezbollah":
    # a name other than the description given.
    named = asks_name(question)
    if text is None and fragment is not None and fragment.question_word is not None:
        # "When exactly?" after "What happened in Harlow Ferry last week?": joined with
        # the question word first, so the answer is of the kind it asks (a time), not
        # of the last question's ("a freight train derailed" was given for when).
        return Resolved(f"{question} {said.question}", same_topic, False, named)
    return Resolved(text or f"{said.question} {question}", same_topic, text is not None, named)


# "What is his name?", "what's her name", "What is it called?": a name, asked of what a
# pointing word stands for.
_NAME_OF_POINTED = re.compile(
    r"^what\s+(?:is|was|are|were)\s+(?:(?:his|her|its|their)\s+names?"
    r"|(?:he|she|it|they)\s+called)\b",
    re.IGNORECASE,
)


def asks_name(question: str) -> bool:
    """Whether a follow-up asks the name of what a pointing word stands for ("What is
    his name?", "What is it called?")."""
    return _NAME_OF_POINTED.search(question) is not None
