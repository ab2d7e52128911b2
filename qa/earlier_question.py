"""The question a follow-up leans on, in parts: its subject, the thing it describes,
its object, the subject of a question with an auxiliary, its first name; and the turn
itself (`Said`: the question, spelled out if it was a follow-up, and its short answer).

qa.referents and qa.restating build a follow-up's plain question from these parts. No
word lists keyed to any article: English function words, and whether the article writes
some words together (`Phrases`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import takewhile

from qa.dates.patterns import MONTH_DAY
from qa.person_nouns import names_a_role
from qa.referring import (
    AUXILIARIES,
    BE,
    DEMONSTRATIVES,
    DETERMINERS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    WH,
    WORD,
    words,
)
from qa.verbs import IRREGULAR_PARTICIPLES, PAST_TENSE, is_verb_form

# Whether the article writes these words together ("Lebanese officials").
Phrases = Callable[[str], bool]


@dataclass(frozen=True)
class Said:
    """The turn a follow-up leans on: its question (itself spelled out, if it was a
    follow-up), the short answer given ("" when none) and the dates its evidence is about."""

    question: str
    answer: str = ""
    dates: tuple[str, ...] = ()


# "What was targeted on November 23?", "What happened on November 19?": the question
# word is the subject, so "what was targeted on November 23" names the thing asked about.
# An irregular past counts as the verb too ("What burst its banks?", "Who won?").
_SUBJECT = re.compile(
    r"^(?P<wh>what|who|which\s+[\w-]+)\s+(?P<verb>(?P<aux>was|were|is|are|has|have|had)\b"
    rf"|{PAST_TENSE})"
    r"(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_POSSESSIVE_END = re.compile(r"[’']s$")
# "What did Lebanese officials emphasize", "Which country did Israel strike": the question
# word (and its noun), an auxiliary, then the subject.
# "By how much did Ana Ferreira win?", "In which year did ...": a preposition may lead.
_AUXILIARY_QUESTION = re.compile(
    r"^(?:(?:by|in|for|from|to|with|at|on|of|since|until|after|before)\s+)?"
    r"(?:what|who|whom|where|when|why|how|which)(?:\s+\w+){0,2}?\s+"
    r"(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could)\s+(?=\S)",
    re.IGNORECASE,
)


# "How big is", "how old were": "how", one adjective, a form of "be".
_HOW_MUCH_BE = re.compile(r"^how\s+[a-z]+\s+(?:is|was|are|were)\s+$", re.IGNORECASE)


def plain_question(question: str) -> str:
    """The question without its question mark or outer spaces, to build another on."""
    return question.strip().rstrip("?").strip()


def subject_of(question: str) -> re.Match[str] | None:
    """The parts of a question whose question word is its subject, or None.

    "What is Hezbollah?" and "What was the target?" ask for a description, not about
    a subject: left out.
    """
    match = _SUBJECT.match(plain_question(question))
    if match is None:
        return None
    rest = words(match["rest"])
    if match["aux"] and rest and (rest[0].lower() in DETERMINERS or rest[0][:1].isupper()):
        return None
    described = match["wh"].lower() == "what" and match["aux"] and match["aux"].lower() in BE
    if described and rest and _described_by(rest[0]):
        return None  # "What is inflation now?" asks what inflation is, as "What is the target?"
    return match


def _described_by(word: str) -> bool:
    """Whether a word after "What is" is what is described (a noun, "inflation"), not
    what was done to the question word ("targeted", "happening") or where it is ("in")."""
    lower = word.lower()
    return not (is_verb_form(lower) or lower in PREPOSITIONS or lower.endswith("ly"))


# "What did Governor Lydia Marsh do?", "What has the bank done?": asks for a deed.
_WHAT_DONE = re.compile(r"^what\s+(?:did|does|do|has|have|had)\s+.+\s+(?:do|done)$", re.I)


def deed_answered(question: str, answer: str) -> str | None:
    """The deed an answer gave to "What did X do?" ("declared a state of emergency"), or
    None for another question: what "Anything else?" after it asks past."""
    if not answer or _WHAT_DONE.match(plain_question(question)) is None:
        return None
    return answer


def asked_deed(question: str) -> str | None:
    """What a who-question's question word did ("declared a major incident" of "Who
    declared a major incident?", also after "Which agency ..."), or None: for a
    what-question, or one with an auxiliary ("Who was the mayor?")."""
    subject = subject_of(question)
    if subject is None or subject["aux"] or subject["wh"].lower() == "what":
        return None
    return f"{subject['verb']}{subject['rest']}".strip() or None


# "What was the target?", "Who is the envoy?": asks what something is; the answer
# completes the claim "the target was ...".
DESCRIBED = re.compile(
    r"^(?:what|who)\s+(?P<be>is|are|was|were)\s+"
    r"(?P<thing>(?:(?:the|a|an)\s|(?-i:[A-Z]))\S*(?:\s+\S+)*)$",
    re.IGNORECASE,
)


# "What is inflation now?", "What was unemployment?": a noun alone, in lower case.
_NOUN_DESCRIBED = re.compile(
    r"^what\s+(?:is|are|was|were)\s+(?P<thing>[^\W\d_]+)(?:\s+(?:now|today|currently))?$",
    re.IGNORECASE,
)


_NOT_NOUNS = WH | SUBJECT_PRONOUNS | DEMONSTRATIVES | frozenset("that new next wrong up".split())


def described_thing(question: str) -> str | None:
    """X of "What is X?" / "Who was X?" (a name or a noun phrase), as it would stand
    inside another question ("the target", "Hezbollah"); None for any other question."""
    plain = plain_question(question)
    noun = _NOUN_DESCRIBED.match(plain)
    if (
        noun is not None
        and _described_by(noun["thing"])
        and noun["thing"].lower() not in _NOT_NOUNS
    ):
        return noun["thing"]  # "What is inflation now?": inflation
    described = DESCRIBED.match(plain)
    if described is None or words(described["thing"])[-1].lower() in PREPOSITIONS:
        return None  # "Who is the chief of staff responsible for?" describes no one
    thing = described["thing"]
    found = list(WORD.finditer(thing))
    if any(_DOING.match(m.group()) for m in found[1:]) or _ING_AFTER_NAME.search(thing):
        # "What was Marco Ferri doing when ...?", "What is Sabine Roth considering?" ask
        # what someone did.
        return None
    relative = next((m for m in found[1:] if m.group().lower() in _RELATIVE), None)
    if relative is not None:
        # "Who was the prime minister who lost?": the prime minister ("who" kept, a
        # follow-up asked of "the prime minister who’s party").
        thing = thing[: relative.start()].rstrip()
        found = list(WORD.finditer(thing))
    named = [m for m in found[:-1] if m.group().lower() not in DETERMINERS]
    if named and participle(found[-1].group()):
        # "What is the fire called?": the fire ("How big is it?" was "How big is the fire
        # called?").
        thing = thing[: found[-2].end()]
    return thing[0].lower() + thing[1:] if words(thing)[0].lower() in DETERMINERS else thing


_RELATIVE = frozenset("who whom which that whose".split())
# What someone was doing, asked in the progressive: "doing" of "What was he doing?" (not
# "the building" of "What is the building called?").
_DOING = re.compile(
    r"(?:doing|saying|trying|going|planning|hoping|asking|seeking|making|looking|working)$"
)


# "What is the deal about?", "What was the meeting like?": asks about a thing it names.
_ABOUT_THING = re.compile(
    r"^(?:what|who)\s+(?:is|are|was|were)\s+"
    r"(?P<thing>(?:(?:the|a|an)\s|(?-i:[A-Z]))\S*(?:\s+\S+)*?)\s+(?:about|like)$",
    re.IGNORECASE,
)


def thing_asked_about(question: str) -> str | None:
    """X of "What is X about?" / "What was X like?", as it would stand inside another
    question ("the deal"): what "it" stands for after it; None for any other question."""
    asked = _ABOUT_THING.match(plain_question(question))
    if asked is None:
        return None
    thing = asked["thing"]
    found = words(thing)
    while len(found) > 1 and found[-1].lower() in _ADVERBS:  # "What were the talks mostly about?"
        thing = thing[: thing.rindex(found.pop())].rstrip()
    return thing[0].lower() + thing[1:] if words(thing)[0].lower() in DETERMINERS else thing


# "What happened to the driver?": asks about the thing or person named after "to".
_HAPPENED_TO = re.compile(
    r"^what\s+(?:has\s+|had\s+|will\s+)?happen(?:ed|s)?\s+to\s+"
    r"(?P<thing>(?:(?:the|a|an)\s|(?-i:[A-Z]))\S*(?:\s+\S+){0,5})$",
    re.IGNORECASE,
)


def happened_to(question: str) -> str | None:
    """X of "What happened to X?" ("the driver"), as it would stand inside another
    question; None for any other question."""
    asked = _HAPPENED_TO.match(plain_question(question))
    if asked is None:
        return None
    thing = asked["thing"]
    return thing[0].lower() + thing[1:] if words(thing)[0].lower() in DETERMINERS else thing


# "in the 2018 accident at the mine", "during the storm": where or in what a question's
# event happened, a noun phrase after a preposition (with one phrase attached to it).
_SETTING = re.compile(
    r"\b(?P<preposition>in|at|during|after|before|since)\s+"
    r"(?P<thing>the\s+(?:[\w’'-]+\s+){0,3}?(?!(?:the|a|an)\b)[\w-]+"
    r"(?:\s+(?:at|in|on|of)\s+the\s+[\w-]+)?)(?=\s*[?.!]*$)",
    re.IGNORECASE,
)


def setting_of(question: str) -> tuple[str, str] | None:
    """(preposition, noun phrase) of the setting a question ends on: ("in", "the 2018
    accident at the mine") of "How many were killed in the 2018 accident at the mine?",
    what "it" and "then" stand for after it where nothing else does. None where the
    question ends otherwise."""
    found = _SETTING.search(plain_question(question))
    if found is None:
        return None
    return found["preposition"].lower(), found["thing"]


def leads_with_preposition(text: str) -> bool:
    found = words(text)
    return bool(found) and found[0].lower() in PREPOSITIONS


def topic_of(question: str, phrases: Phrases | None) -> str | None:
    """The subject of a question with an auxiliary ("the Russian envoy" of "What did the
    Russian envoy warn about?"): the article's own run of words (`subject_words`) where
    it has one beyond a determiner, else the words up to the verb (the last word before
    any preposition, less auxiliaries before it: "the talks" of "Where were the talks
    held?", "Hamas" of "How has Hamas been designated?"). None where no noun phrase
    (a name, or a determiner and its noun) is there."""
    plain = plain_question(question)
    opening = _AUXILIARY_QUESTION.match(plain)
    if opening is None:
        return None
    after = [m for m in WORD.finditer(plain) if m.start() >= opening.end()]
    found = subject_words(plain, phrases) if phrases is not None else None
    if found is not None and _POSSESSIVE_END.search(plain[found[0] : found[1]]):
        # "the country's" of "When did the country's deadliest earthquake happen?" (the
        # article writes "the country's modern history") owns the subject, is not it.
        found = None
    if found is not None and not set(words(plain[found[0] : found[1]].lower())) <= DETERMINERS:
        run = [m for m in after if m.end() <= found[1]]
        following = after[len(run)] if len(run) < len(after) - 1 else None
        if following is not None and names_a_role(following.group().lower()):
            # "the health minister" of "What did the health minister call the results?",
            # where the article writes "the health" but not the minister beside it.
            run.append(following)
    elif passive := _passive_subject(opening.group(), after):
        # "Where were the talks with Israel held?": everything before the participle
        # (cut at the preposition, "talks" was taken for the verb and no subject was left).
        run = after[:passive]
    else:
        cut = next(
            (i for i, m in enumerate(after) if m.group().lower() in PREPOSITIONS), len(after)
        )
        while cut > 1 and after[cut - 1].group().lower() in _PARTICLES:
            cut -= 1  # "When did the talks break down?": the verb is "break"
        # After a form of "be", a question's last word may be the subject's own noun, not
        # a verb: "the November 23 strike" of "Where was the November 23 strike?". (Before
        # a preposition it may be a predicate too: "Who is the chief responsible for?")
        be = words(opening.group())[-1].lower() in BE
        noun_last = be and 0 < cut == len(after) and not participle(after[-1].group())
        # "How big is the older telescope at the site?": after "how" and its adjective,
        # "be" has no verb to come; the subject runs to the preposition ("the older" had
        # been taken for it, "telescope" for a verb).
        how_much = be and 1 < cut and _HOW_MUCH_BE.match(opening.group()) is not None
        noun_last |= how_much
        if how_much and cut < len(after) and after[cut].group().lower() == "of":
            # "How old is the boss of Dalton's?": what it is of is the subject's too.
            cut = next(
                (i for i in range(cut + 1, len(after)) if after[i].group().lower() in PREPOSITIONS),
                len(after),
            )
        # "considering" of "What is Sabine Roth considering?" is the verb: a name is whole.
        noun_last &= not _ING_AFTER_NAME.search(plain)
        # Nor is there a verb to come where "be" has no participle after it and the
        # question ends on a noun: the subject is all of "the previous strike at Harlow
        # Bend" ("strike", before the preposition, had been taken for the verb).
        whole = (
            be
            and not how_much
            and cut < len(after)
            and after[-1].group().lower() not in PREPOSITIONS | _PARTICLES
            and not any(participle(m.group()) for m in after)
        )
        run = after if whole else after[:cut] if noun_last else after[: cut - 1]
        while run and run[-1].group().lower() in AUXILIARIES:
            run = run[:-1]
    while run and run[-1].group().lower() in _ADVERBS:
        run = run[:-1]  # "the talks" of "What were the talks mostly about?"
    first = run[0].group() if run else ""
    determiner = first.lower() in DETERMINERS
    if not (determiner or first[:1].isupper()) or (len(run) == 1 and determiner):
        return None
    text = plain[run[0].start() : run[-1].end()]
    return text[0].lower() + text[1:] if determiner else text


# A name, then a verb's "-ing" form ending the question.
_ING_AFTER_NAME = re.compile(r"(?-i:[A-Z])[\w’'-]*\s+(?-i:[a-z])\w+ing\W*$")


def _passive_subject(opening: str, after: list[re.Match[str]]) -> int:
    """How many words after the auxiliary of a passive question ("Where were the talks
    with Israel held?", "Why was the strike on Beirut carried out?") are its subject, a
    noun phrase with a preposition in it, before the participle that ends the question;
    0 where the question is not such."""
    if words(opening)[-1].lower() not in BE:
        return 0
    last = len(after)
    while last > 1 and after[last - 1].group().lower() in _PARTICLES:
        last -= 1
    subject = after[: last - 1]
    if last < 2 or not participle(after[last - 1].group()):
        return 0
    inner = [m.group().lower() for m in subject[1:]]
    with_preposition = any(word in PREPOSITIONS for word in inner[:-1])
    return len(subject) if with_preposition and inner[-1] not in PREPOSITIONS else 0


# Adverbs between a subject and its verb ("What were the talks mostly about?"): not the
# subject's words.
_ADVERBS = frozenset(
    "mostly mainly largely really actually exactly usually originally initially finally "
    "currently now still also just ever already first".split()
)
# Words that end a phrasal verb ("break down", "set up"), after the verb.
_PARTICLES = frozenset("down up out off away back".split())


def _attached(rest: list[re.Match[str]], phrases: Phrases) -> list[re.Match[str]]:
    """The phrase a preposition attaches to the subject, of the words between it and the
    question's verb (`rest`): "on the Hamas training camp" of "When did the strike on the
    Hamas training camp happen?", so that "Where was that?" asks about that strike, not
    any; as far as the words are the article's ("take" of "take place" is not)."""
    if not rest or rest[0].group().lower() not in PREPOSITIONS:
        return []
    kept = list(takewhile(lambda m: phrases(m.group()), rest))
    return kept if len(kept) > 1 else []


# "How many people died?", "How many soldiers will be sent?": a count of things, then
# what they did or what is done to them (the things' words lazily, so the first auxiliary
# or verb ends them). No things where an auxiliary follows "how much": "How much did the
# United Nations give?" counts no "did the" that "United" did.
HOW_MANY = re.compile(
    rf"^how\s+(?:many|much)\s+(?!(?:{'|'.join(sorted(AUXILIARIES))})\b)"
    r"(?P<things>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3}?)\s+"
    rf"(?:(?P<aux>{'|'.join(sorted(AUXILIARIES))})\s+(?P<clause>\S.*)"
    rf"|(?P<verb>{PAST_TENSE})(?P<rest>.*))$",
    re.IGNORECASE,
)


def counts_subject(counted: re.Match[str]) -> bool:
    """Whether a HOW_MANY match counts its clause's subject ("How many people died?",
    "How many soldiers will be sent?") rather than its object ("How many people did
    malaria kill?", "How many doses can the institute make?": the clause has a subject
    of its own)."""
    aux = (counted["aux"] or "").lower()
    if not aux or aux in BE or aux in ("has", "have", "had"):
        return True
    if aux in ("do", "does", "did"):
        return False
    first = words(counted["clause"])[0]
    return first.lower() in ("be", "have") or not (
        first.lower() in DETERMINERS or first[:1].isupper()
    )


def with_object(clause: str, things: str) -> str:
    """A counting question's clause with the things counted put back as its object:
    before the clause's first preposition, else at its end ("malaria kill in 2025" +
    "600,000 people" -> "malaria kill 600,000 people in 2025")."""
    found = list(WORD.finditer(clause))
    at = next((m.start() for m in found[1:] if m.group().lower() in PREPOSITIONS), None)
    if at is None:
        return f"{clause.rstrip()} {things}"
    return f"{clause[:at].rstrip()} {things} {clause[at:]}"


def counted_things(question: str) -> str | None:
    """The things a "How many ...?" question counts ("firefighters" of "How many
    firefighters are battling the blaze?"): what "they" stands for after it, whose
    answer is a number. None for any other question."""
    counted = HOW_MANY.match(plain_question(question))
    if counted is None:
        # "How many people work at the mine?": a verb in the present, before a preposition.
        present = _HOW_MANY_NOW.match(plain_question(question))
        return present["things"] if present and looks_plural(present["things"]) else None
    if words(counted.group())[1].lower() != "many":
        return None  # "How much water ...?" counts no things "they" could be
    things = counted["things"]
    return things[3:] if things.lower().startswith("of ") else things  # "many of the ..."


_HOW_MANY_NOW = re.compile(
    r"^how\s+many\s+(?P<things>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)\s+"
    rf"(?-i:[a-z])+\s+(?:{'|'.join(sorted(PREPOSITIONS))})\b",
    re.IGNORECASE,
)


# "Were there side effects?", "Are there any plans to rebuild?": the things asked of.
_THERE_WERE = re.compile(
    r"^(?:(?:were|are)\s+there|have\s+there\s+been|will\s+there\s+be)\s+(?:any\s+)?"
    r"(?P<things>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3})$",
    re.IGNORECASE,
)


def things_there(question: str) -> str | None:
    """The things a "Were there ...?" question asks of ("side effects"), up to any
    preposition: what "they" stands for after it. None for any other question."""
    asked = _THERE_WERE.match(plain_question(question))
    if asked is None:
        return None
    things = list(takewhile(lambda w: w.lower() not in PREPOSITIONS, words(asked["things"])))
    return " ".join(things) if things and looks_plural(" ".join(things)) else None


def participle(word: str) -> bool:
    """Whether `word` looks like a past participle ("held", "struck", "designated")."""
    lower = word.lower()
    return (len(lower) > 3 and lower.endswith("ed")) or lower in IRREGULAR_PARTICIPLES


def looks_plural(phrase: str) -> bool:
    """Whether a noun phrase ends on a plural-looking noun ("officials", "talks")."""
    last = words(phrase)[-1].lower()
    if last in _PLURALS:
        return True
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


# Plurals without an "-s": "How old is he?" is not about "the people".
_PLURALS = frozenset("people children men women police feet teeth mice geese".split())


def object_of(said: Said) -> str | None:
    """The object of a who-question ("the talks" of "Who hailed the talks?"), when it is a
    noun phrase: what "them" or "it" stands for beside a "they" that is the answer."""
    subject = subject_of(said.question)
    if subject is None or subject["wh"].lower() == "what" or subject["aux"]:
        return None
    rest = subject["rest"].strip()
    first = words(rest)[:1]
    if not first or not (first[0].lower() in DETERMINERS or first[0][:1].isupper()):
        return None
    return rest


def subject_words(question: str, phrases: Phrases) -> tuple[int, int] | None:
    """Where the subject of a question with an auxiliary is ("Lebanese officials" of "What
    did Lebanese officials emphasize"): the longest run of words after the auxiliary that
    the article writes together (`phrases`), short of the question's last word, its verb,
    with the phrase a preposition attaches to it (`_attached`).
    Capitals alone cannot tell it: swapping "Lebanese" for "the Israeli delegates" made
    "What did the Israeli delegates officials emphasize?". None where no run is the
    article's."""
    opening = _AUXILIARY_QUESTION.match(question)
    if opening is None:
        return None
    after = [m for m in WORD.finditer(question) if m.start() >= opening.end()]
    # After a form of "be" the last word may be the subject's own: "How old is Marco
    # Ferri?" has no verb after the name (it had been "Marco").
    be = words(opening.group())[-1].lower() in BE
    longest = len(after) if be and after and not participle(after[-1].group()) else len(after) - 1
    for count in range(longest, 0, -1):
        run = question[after[0].start() : after[count - 1].end()]
        # "the" alone is no subject: "the UN", which the article writes out in full
        # ("The United Nations"), was swapped as "the EU UN".
        if phrases(run) and not set(words(run.lower())) <= DETERMINERS:
            attached = _attached(after[count:-1], phrases)
            return after[0].start(), (attached or after[:count])[-1].end()
    return None


def first_name(question: str) -> tuple[int, int] | None:
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
