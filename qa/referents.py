"""What a pointing word in a follow-up stands for, from the turn it leans on: the last
answer ("he" after "Who issued a warning?"), the thing the last question described
("it" after "What is Hezbollah?"), its subject or object, a date or a place; and the
follow-up with each such word replaced (`put_in`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import takewhile

from qa.answer_length import question_kind
from qa.answerability import DATE, answer_type
from qa.apposition import kind_named, role_asked
from qa.dates import date_phrases
from qa.earlier_question import (
    Phrases,
    Said,
    counted_things,
    described_thing,
    first_name,
    happened_to,
    leads_with_preposition,
    looks_plural,
    object_of,
    participle,
    plain_question,
    setting_of,
    subject_of,
    thing_asked_about,
    things_there,
    topic_of,
)
from qa.english import english_words
from qa.limits import MAX_QUESTION_CHARS
from qa.person_nouns import (
    NAME_PARTICLE,
    ROLES,
    head_words,
    is_body,
    is_plural,
    may_be_someone,
    names_a_role,
    owner_of,
)
from qa.referring import (
    AUXILIARIES,
    BE,
    DETERMINERS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    WH,
    WORD,
    Pointer,
    pointers,
    words,
)
from qa.time_of_day import tells_time_of_day
from qa.topic_request import requested_topic
from qa.verbs import base_form, is_verb_form

# Pointers that stand for a noun phrase: the thing or person, or whose it is.
NOUN_POINTERS = frozenset({"thing", "person", "possessive"})
# Pronouns that never stand for a plural noun phrase ("he" is not "the talks").
_SINGULAR = frozenset("he him his she her hers".split())
# Pronouns that never stand for one thing ("they" is not "the strike"; it may be a body
# named: "Hezbollah").
_PLURAL = frozenset("they them their theirs".split())
_PAST_BE = frozenset("was were".split())
# "it" never stands for many things ("frozen meals and dairy products").
_IT = frozenset("it its".split())
# A number, a year or a sum with nothing named: no thing for a pronoun to stand for.
_NO_THING = re.compile(r"(?:about |around |some |in )?[\d.,–-]+(?:\s*(?:%|per\s*cent|percent))?")
_BEING = frozenset({"being", "been"})
# Forms of one pronoun: two different ones in a question stand for different things.
_PRONOUN_GROUP = {
    form: forms.split()[0]
    for forms in ("it its", "he him his", "she her hers", "they them their theirs")
    for form in forms.split()
}
# Pronouns as objects, which never stand for their own clause's subject.
_OBJECT_PRONOUNS = frozenset("him them it".split())
# A short answer reads as a noun phrase inside a question; a long one is a sentence's
# worth of the article, which sends the reader back to that sentence.
_SHORT_ANSWER_WORDS = 6
# Up to this many words, an answer that opens with an article and runs on without a
# comma is one noun phrase ("a new pill for early Alzheimer's disease"), not a clause.
_NOUN_PHRASE_WORDS = 12


# "the incident commander on the fire": a role, then what it is of or on.
_ROLE_ON = re.compile(
    r"^(?P<role>.+?)\s+(?:on|of|at|in|for)\s+(?P<thing>(?:the|this|that)\s+\S.*)$",
    re.IGNORECASE,
)


def _thing_beside_role(phrase: str) -> str:
    """`phrase` where it is a thing, or a role of nothing ("the market leader" may be a
    company); the thing a role phrase is on ("the fire" of "the incident commander on
    the fire"): "it" is no person."""
    found = _ROLE_ON.match(phrase)
    if found is None or not found["role"][:1].islower() or not names_a_role(found["role"]):
        return phrase
    return found["thing"]


# "... did Hallidane find hallidanite?": the object after a named subject and its verb.
_DID_OBJECT = re.compile(
    r"\b(?:did|does|do|will|would|has|have|had)\s+"
    r"(?:(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*)*|(?:the|its|his|her|their)\s+\w+)"
    r"\s+(?P<verb>[a-z]+)\s+(?P<object>[^?]+?)\s*\??$",
)


def _object_found(question: str) -> str | None:
    """The thing a question's deed is done to ("hallidanite" of "In what year did
    Hallidane find hallidanite?"), where it is one noun phrase; else None."""
    found = _DID_OBJECT.search(question)
    if found is None:
        return None
    thing = found["object"]
    first = words(thing)[:1]
    if not first or first[0].lower() in PREPOSITIONS | SUBJECT_PRONOUNS or len(words(thing)) > 5:
        return None
    return thing


def _referent(
    pointer: Pointer, said: Said, word: str = "", phrases: Phrases | None = None
) -> str | None:
    """What a pointing word (`word`, as written) stands for, in words that fit where it
    stood; None where the last turn does not say.

    After "What is Hezbollah?" a pronoun is what was described ("who backs it?": "Who
    backs Hezbollah?"), not the description given. Where neither that nor the answer
    names anything for it, the topic the last turn asked about (`requested_topic`) or
    the last question's subject (`topic_of`: "who is he?" after "What did the Russian
    envoy warn about?" asks who the envoy is)."""
    # "From where did the probe launch?" asks where, as "Where did the probe launch?" does:
    # "it" after it is the probe, not the launch site.
    led = _LED_QUESTION.match(said.question)
    if led is not None:
        rest = said.question[led.end() :]
        said = replace(said, question=rest[:1].upper() + rest[1:])
    asked = _question_word(said)
    answer = _answer(said)
    if pointer.kind in NOUN_POINTERS:
        named = (
            _person_named(said, word, asked, answer)
            or _name_described(said.question, word, answer)
            or described_thing(said.question)
            or thing_asked_about(said.question)
            or _named(pointer, said, asked, answer)
        )
        if named == answer and word in _IT and _many_things(answer):
            # "Where is it based?" after "What does Nordic Foods make?" / "frozen meals
            # and dairy products": not the products; the question's subject, below.
            named = None
        if named is None and word in _SINGULAR:
            # "Who is he?" after "What was targeted?" / "a building believed to house the
            # ‘chief of staff of Hezbollah,’": the one person the answer names by role;
            # "What was his job?" after "Was anyone killed?" / "A Marenian security guard,
            # 34-year-old Petar Danek, was killed": the one person it names.
            # An answer to "where" or "when" is a place or a time, though its name may
            # look like a person's ("Porto Salina").
            placed = asked in ("where", "when")
            subject = topic_of(said.question, phrases)
            if asked in ("how", "why") and _someone_named(subject, word):
                # "Who coaches her?" after "How did Marchetti qualify for the match?" /
                # "by winning the Candidates Tournament in Madrid": Marchetti, not a name
                # in how she did it.
                return subject
            named = _person_in(answer) or (None if placed else _name_in(answer))
            if subject is not None and names_a_role(subject) and not _other_sex(word, subject):
                # "What's his name?" after "What did the mayor of Marnoz do?" / "ordered
                # the entire Kestrel Ridge ski area closed": the mayor, whom the question
                # was about, not a name in what he did.
                named = subject
        if named is None and word in _PLURAL:
            # "they" after "How many firefighters are battling the blaze?" / "600" are
            # the firefighters ("What equipment do they have?"); left, it was read with
            # the date of the answer's sentence.
            # So are "side effects" after "Were there side effects?".
            things = counted_things(said.question) or things_there(said.question)
            if not things and word == "them" and asked == "where":
                # "Who called them a breakthrough?" after "Where did Lebanon and Israel
                # hold their latest talks?": what was put there, not who put it.
                things = _placed_thing(said.question)
            if things:
                named = things if words(things)[0].lower() in DETERMINERS else f"the {things}"
        if named is None:
            # After "Tell me about the Russian ambassador", "he" is the ambassador: the
            # answer was a sentence about him, the request's topic is who he is.
            topic = (
                requested_topic(said.question)
                or topic_of(said.question, phrases)
                or happened_to(said.question)  # "How old is he?" after "What happened to ...?"
            )
            agrees = topic is not None and not (
                (word in _SINGULAR and looks_plural(topic))
                or (word in _IT and _many_things(topic))  # not "the gusts"; "Hamas" is one
                or (word in _PLURAL and _one_thing(topic))
            )
            named = topic if agrees else None
        setting = setting_of(said.question)
        if named is None and word in _IT and setting and not looks_plural(setting[1]):
            # "What kind of accident was it?" after "How many were killed in the 2018
            # accident at the mine?": the event the question was set in.
            named = setting[1]
        name = first_name(said.question) if named is None and word in _IT else None
        if name is not None and re.match(r"[’']s\b", said.question[name[1] :]):
            # "When does it end?" after "Why are the nurses at St Aldric's striking?":
            # a name that owns something is not what the question was about.
            name = None
        if name is not None:
            # "Who is it dedicated to?" after "When did work on Tessary Cathedral begin?":
            # the thing the question names.
            named = said.question[name[0] : name[1]]
        if named is not None and word in _HE | _SHE and not _someone(named, said, asked):
            # "When did he collect it?" after "What is Tomás Reyes’s role on the team?":
            # the man, not his role; "her team" after "How long did the work take?" is
            # no one's there (an earlier turn's, qa.followup). After "What was the target
            # there?" (no one) the one person the answer names by role, as when the
            # question named nothing.
            named = owner_of(named) or _person_in(answer)
        if named is not None and word in _IT and named != answer:
            # "What did the commander say about it?" after "Who is the incident commander
            # on the fire?": "it" is no person, but the thing the role is on.
            named = _thing_beside_role(named)
        if named is not None and pointer.kind != "possessive" and re.search(r"[’']s$", named):
            # "How many poems are in it?" is not "... in Brannvik's?": an owner cut from
            # what it owns ("Brannvik's most popular work") is no thing.
            named = None
        if named is not None and (leads_with_preposition(named) or _NO_THING.fullmatch(named)):
            # Nor is a phrase of when or where ("of last year") or a bare number or year:
            # "Who named it after her?" after "In what year did Hallidane find
            # hallidanite?" / "1907" names what she found.
            named = _object_found(said.question) if word in _IT else None
        role = role_asked(said.question) if named == answer and word in _PLURAL else None
        if role is not None and _one_person(role):
            named = role  # the one who holds it ("Tomas Reiner"): whose it is, below
        if named is not None and word in _PLURAL and _one_person(named):
            # "they" is no one person: after "Who is the leader of the Liberal
            # Democrats?" it is the Liberal Democrats, not their leader (nor "Tomas
            # Reiner", who was named as him).
            named = _whose(named)
        if named is None or _other_sex(word, named):
            return None  # "she" is not "Sir David Park"
        return f"{named}’s" if pointer.kind == "possessive" else named
    if pointer.kind == "place" and asked == "where" and answer:
        return answer if leads_with_preposition(answer) else f"in {answer}"
    if pointer.kind == "time":
        if asked == "when" and answer:
            return answer if leads_with_preposition(answer) else f"on {answer}"
        if said.dates:
            return f"on {said.dates[0]}"
        # "How many were injured then?" after "... killed in the 2018 accident?": in it.
        setting = setting_of(said.question)
        return " ".join(setting) if setting else None
    if pointer.kind == "determiner":
        return "the"  # "Who condemned that strike?": the strike, dated below
    if pointer.kind == "counted":
        # "the second one" after "How many subspecies ...?": the second subspecies.
        things = counted_things(said.question)
        head = head_words(things)[-1:] if things else []
        if head and word not in ("one", "ones"):
            # "Which was the largest?": the largest mass stranding.
            return f"{word} {_singular(head[0])}"
        return _singular(head[0]) if head and word == "one" else (head[0] if head else None)
    return None


# A preposition before a question word: "From where ...?", "To whom ...?".
_LED_QUESTION = re.compile(
    r"^\s*(?:from|to|in|at|by|with|for|until|since)\s+(?=(?:where|when|whom|which|what)\b)",
    re.IGNORECASE,
)


def _singular(noun: str) -> str:
    """A plural noun's singular as English spells it ("soldiers" -> "soldier",
    "companies" -> "company"), or the noun where none is a word ("subspecies")."""
    lower = noun.lower()
    known = english_words()
    for form in (f"{lower[:-3]}y" if lower.endswith("ies") else "", lower[:-1], lower[:-2]):
        if form and lower.endswith("s") and form in known:
            return noun[: len(form)] if not form.endswith("y") else form
    return noun


def _someone(named: str, said: Said, asked: str) -> bool:
    """Whether "he" or "she" may stand for `named`: a name or a noun for a person, or
    what a who-question asked about ("Who was the target?": the target is someone), not
    its subject ("the country" of "Who did the country send?")."""
    if may_be_someone(named):
        return True
    return asked in ("who", "whom") and named == described_thing(said.question)


# "What is the name of Ingrid Halvorsen's father?", "What was the captain's name?": a
# name asked for.
_NAME_OF = re.compile(
    r"^\s*what(?:\s+is|\s+was|['’]s)\s+(?:the\s+name\s+of\s+\S|.+['’]s\s+(?:full\s+)?name\s*\??$)",
    re.IGNORECASE,
)


def _person_named(said: Said, word: str, asked: str, answer: str) -> str | None:
    """The name "Who is the CEO?" was answered with ("Mei Lin Cho"), for "he" or "she"
    after it: the article calls her by name ("Chief executive Mei Lin Cho said ..."),
    where "the CEO" may be the asker's word. A name described ("Who is Hezbollah?")
    stays what it was."""
    named = kind_named(said.question) is not None or _NAME_OF.match(said.question) is not None
    if word in _SINGULAR and named and _looks_like_name(answer):
        # "he" after "What is the governor's name?" or "What is the name of Ingrid
        # Halvorsen's father?" / "Erik"
        return answer
    thing = described_thing(said.question)
    if word not in _SINGULAR or asked != "who" or thing is None:
        return None
    if not _looks_like_name(answer) or _other_sex(word, thing):
        return None  # "her" after "Who was her husband?" is not the husband
    if words(thing)[0].lower() not in DETERMINERS and not names_a_role(thing):
        # A name described ("Who is Hezbollah?") stays what it was; a role owned by a
        # name ("Who is BlueLine Rescue's operations manager?") is the one named.
        return None
    return answer


# Nouns for a person by role or office: what "he" or "she" may stand for inside an answer
# that is about a thing ("a building believed to house the chief of staff of Hezbollah").
_ROLES = "|".join(ROLES)
_PERSON_BY_ROLE = re.compile(
    rf"\b(?P<person>(?:the|a|an)\s+[‘“'\"]?(?:[\w-]+\s+){{0,2}}?(?:{_ROLES})\b"
    r"(?:\s+of\s+(?:staff\s+of\s+)?(?:the\s+)?(?-i:[A-Z])[\w’'-]*"
    r"(?:\s+(?:(?-i:[A-Z])[\w’'-]*|\d+))*)?)",
    re.IGNORECASE,
)


def _person_in(answer: str) -> str | None:
    """The one person an answer about something else names by role ("the chief of staff
    of Hezbollah" of "a building believed to house the ‘chief of staff of Hezbollah,’"),
    without quotation marks; None where it names none, or more than one."""
    found = [m["person"] for m in _PERSON_BY_ROLE.finditer(answer)]
    if len(found) != 1 or found[0] == answer:
        return None
    return re.sub(r"[‘“'\"]", "", found[0])


# A person's name: two or more capitalised words, small joining words between
# ("Pieter de Vries", "Idris al-Manouri").
_FULL_NAME = re.compile(
    rf"(?<![\w’'-])[A-Z][\w-]+(?:\s+(?:(?:de|van|von|bin|al|da)\s+|{NAME_PARTICLE})?[A-Z][\w-]+)+"
)


def _name_in(answer: str) -> str | None:
    """The one name of someone (two capitalised words or more, no body's) in an answer,
    or None where it names none or several."""
    found = {
        m.group()
        for m in _FULL_NAME.finditer(answer)
        if may_be_someone(m.group()) and not _TITLE_BEFORE.search(answer, 0, m.start())
    }
    return found.pop() if len(found) == 1 else None


# A capitalised word and "of" before a name: the name ends a longer one ("Principles of
# Mineral Analysis", "the University of Lenhof"), a title's or a body's, no one's.
_TITLE_BEFORE = re.compile(r"(?-i:[A-Z])[\w’'-]*\s+of\s+$")


# Titles that say whether one is a man or a woman: "she" is never "Sir David Park".
_HIS_TITLES = frozenset(
    "sir mr mr. lord king prince duke baron father brother count earl emperor marquess "
    "viscount".split()
)
_HER_TITLES = frozenset(
    "mrs mrs. ms ms. miss lady dame queen princess duchess baroness mother sister countess "
    "empress marchioness viscountess".split()
)
_HE = frozenset("he him his".split())
_SHE = frozenset("she her hers".split())


# Nouns for a man or a woman that a phrase may end on: "Mathilde’s husband" is no "her".
_HIS_NOUNS = frozenset("husband son brother father king prince man boy widower nephew".split())
_HER_NOUNS = frozenset("wife daughter sister mother queen princess woman girl widow niece".split())


def _other_sex(word: str, named: str) -> bool:
    """Whether `named` opens with a title, or ends on a noun, of the sex the pronoun
    `word` is not ("Sir David Park", "Mathilde’s husband" for "she")."""
    found = named.split()
    first = found[0].lower() if found else ""
    last = found[-1].lower() if found and not found[-1][:1].isupper() else ""
    return (word in _SHE and (first in _HIS_TITLES or last in _HIS_NOUNS)) or (
        word in _HE and (first in _HER_TITLES or last in _HER_NOUNS)
    )


def _looks_like_name(text: str) -> bool:
    """Whether every word of `text` but small joining ones has a capital ("Mei Lin Cho",
    "Benjamin Netanyahu", "Pieter de Vries"), as a person's name has."""
    found = words(text)
    capitals = [word for word in found if word[:1].isupper()]
    return 0 < len(found) <= _SHORT_ANSWER_WORDS and len(capitals) >= max(1, len(found) - 1)


# The most words a name given as an answer has ("Mount Orvel", "Stellan Telecom").
_NAME_WORDS = 5


def _name_described(question: str, word: str, answer: str) -> str | None:
    """The name a what-question describing a thing got ("Mount Orvel" for "What is the
    highest mountain on Great Kessar?"), which "it" then stands for: "How tall is it?"
    asks of the mountain named, as the article words it. None for another question or
    answer ("What is Hezbollah?" describes a name already)."""
    described = described_thing(question)
    if word not in _IT or described is None or not answer[:1].isupper():
        return None
    if names_a_role(described) or _thing_beside_role(described) != described:
        return None  # "Who is the incident commander on the fire?": "it" is no person
    first = words(described)[:2]
    if len(first) < 2 or first[0].lower() not in DETERMINERS or not first[1][:1].islower():
        return None  # "What is Hezbollah?": a name described
    named = words(answer)
    if not named or len(named) > _NAME_WORDS or any(mark in answer for mark in ",;:"):
        return None
    return answer if all(w[:1].isupper() or w.lower() in _NAME_LINKS for w in named) else None


_NAME_LINKS = frozenset("of the and de van von".split())


def _answer(said: Said) -> str:
    """The last answer as a pronoun's referent: without outer spaces or a final full stop."""
    return said.answer.strip().rstrip(" .,")


def _noun_phrase(answer: str) -> bool:
    """Whether a longer answer is one thing named at length: "a new pill for early
    Alzheimer's disease" (what "it" is in "Who makes it?" after "What did the FDA
    approve?"), not a clause or a list ("rose 14%, its best day")."""
    found = words(answer)
    return (
        0 < len(found) <= _NOUN_PHRASE_WORDS
        and found[0].lower() in DETERMINERS
        and not any(mark in answer for mark in ",;:")
    )


def _deed(answer: str) -> bool:
    """Whether a short answer tells what was done ("declined to comment"): no thing for
    "it" to stand for ("What happens if regulators block it?")."""
    found = words(answer)
    if not found or not found[0].islower():
        return False
    if len(found) == 1:
        # "sank" (after "What happened to the yacht?"): "When did it call for help?" is
        # not "When did sank call for help?".
        return is_verb_form(found[0]) and not found[0].endswith(("ing", "s"))
    # A past tense, not "-ing" ("building damage" names a thing).
    return found[0].endswith("ed") and is_verb_form(found[0])


def _many_things(phrase: str) -> bool:
    """Whether a noun phrase is more than one thing by its form: things joined by "and",
    or a plural noun before any preposition ("the talks in Beirut"; a name is one thing:
    "Hamas", "Nordic Foods")."""
    head = head_words(phrase)
    if not head or head[-1][:1].isupper():
        return False
    return "and" in (w.lower() for w in head) or looks_plural(" ".join(head))


def _someone_named(subject: str | None, word: str) -> bool:
    """Whether a question's subject is someone by name ("Marchetti", "Dr. Lena Okafor")
    whom `word` ("he", "her") may stand for."""
    if subject is None or not subject[:1].isupper() or not may_be_someone(subject):
        return False
    return not is_body(subject) and not _other_sex(word, subject)


def _question_word(said: Said) -> str:
    """The last question's first word, in small letters ("why"); "" for none."""
    return said.question.split(maxsplit=1)[0].lower() if said.question.strip() else ""


def _reason_things(said: Said, phrases: Phrases | None) -> str | None:
    """The things a manner or reason answered names, which "they" done to stands for: a
    plural noun phrase in small letters ("cracks in its concrete lining" of "Why was the
    tunnel closed?"), after a question about one thing; else None."""
    answer = _answer(said)
    asked = _question_word(said)
    if asked not in ("how", "why") or not answer[:1].islower() or _deed(answer):
        return None
    topic = topic_of(said.question, phrases)
    if not _many_things(answer) or topic is None or not _one_thing(topic):
        return None
    return answer if words(answer)[0].lower() in DETERMINERS else f"the {answer}"


def _one_thing(phrase: str) -> bool:
    """Whether a noun phrase is one thing by its form: a determiner and a singular noun
    before any preposition ("the strike on November 19", not "the talks in Beirut")."""
    head = head_words(phrase)
    return bool(head) and head[0].lower() in DETERMINERS and not looks_plural(" ".join(head))


def _named(pointer: Pointer, said: Said, asked: str, answer: str) -> str | None:
    """What a thing or person pointer stands for in the last answer or question (`asked`:
    its question word; `answer`: the answer, trimmed)."""
    if pointer.kind == "thing":
        subject = subject_of(said.question)
        if subject is not None and subject["wh"].lower() == "what":
            thing = _thing_answered(said.question, answer)
            if thing is not None:
                # "Who was flying it?" after "What crashed at the air festival?" /
                # "vintage fighter plane": the plane ("Who was flying what crashed at
                # ...?" was answered with the plane).
                return thing
            plain = plain_question(said.question)
            return plain[:1].lower() + plain[1:]  # "what was targeted on November 23"
        thing = _thing_done_to(said) if asked in ("who", "whom") else None
        if asked == "where":  # "it" is what was put there, not the place
            thing = _placed_thing(said.question)
        if thing is not None:
            return thing
        # An answer to "how", "why" or "when" is a manner, a reason or a time, not a
        # thing to point at: "it" after "When was the Hamas camp struck?" is the camp.
        short = answer and len(words(answer)) <= _SHORT_ANSWER_WORDS
        # Nor is someone the answer names by role ("senior inspector, Tomas Reyland" for
        # "Which body is investigating the fire?"): "it" is no one; the kind asked is.
        if _described_person(answer):
            return _kind_asked(said)
        if (short and not _deed(answer)) or _noun_phrase(answer):
            # Nor is what someone said ("changes nothing") a thing to point at.
            # A thing announced is one: "an emergency grant of 12 million euros" for "it"
            # in "How much of it has been paid out?" after "What did she announce?".
            said_so = question_kind(said.question) == "statement" and not _noun_phrase(answer)
            # Nor a time of day ("afternoon" for "What time was that?").
            timed = tells_time_of_day(answer)
            return (
                answer if asked not in ("how", "why", "when") and not (said_so or timed) else None
            )
        # Answered with a sentence, or not at all: the kind asked for ("Who heads it?"
        # after "Which regulator is involved?" went unanswered: the regulator).
        return _kind_asked(said)
    if asked == "which" and len(words(answer)) > _SHORT_ANSWER_WORDS:
        return _kind_asked(said)  # "its target" after "Which strike happened first?"
    if asked in ("who", "whom", "which") and any(w[:1].isupper() for w in words(answer)):
        # Only an answer that names someone ("Lebanon’s foreign ministry", "the IDF"):
        # "he" after "Who is the chief of staff responsible for?" / "military
        # modernization" is the chief of staff, whom the reader finds as asked.
        # Someone described, then named, is the name: "How old is he?" after "Veldmark's
        # justice minister, Carl-Erik Strand" asks Carl-Erik Strand's age.
        described = _DESCRIBED_THEN_NAMED.match(answer.strip())
        if described is not None and names_a_role(described["description"]):
            return described["name"]
        return answer
    return None


# "What happened ...?" is answered by an event, no thing that did it.
_HAPPENED = re.compile(
    r"\b(?:happen\w*|occur\w*|took\s+place|go(?:es|ing)?\s+on|went\s+on)\b", re.I
)
# "What was targeted?", "What is open?": what was done to it, or what it is, is what
# the question asked about ("Who owned it?" asks of what was targeted); "What crashed?"
# asks what did it, the thing answered.
_NOT_ACTIVE = re.compile(r"^\W*what\s+(?:was|were|is|are|has|have|had|will|would)\b", re.I)
# The most words of a thing named as a what-question's subject ("vintage fighter plane").
_THING_WORDS = 4


def _thing_answered(question: str, answer: str) -> str | None:
    """The thing a what-question about its subject was answered with, in words a
    question can take ("the vintage fighter plane"): a few words in small letters, no
    number, clause or deed; None for another answer or "What happened ...?"."""
    found = words(answer)
    if found and found[0].lower() in ("a", "an", "the"):
        # "A sinkhole" of "A sinkhole roughly 40 feet wide opened ...": the sinkhole.
        answer = answer.strip()[len(found[0]) :].strip()
        found = found[1:]
    if (
        not 0 < len(found) <= _THING_WORDS
        or not found[0].islower()
        or _deed(answer)
        or re.search(r"[\d,;:]", answer)
        or _HAPPENED.search(question)
        or _NOT_ACTIVE.match(question)
    ):
        return None
    return answer if found[0] in DETERMINERS else f"the {answer}"


# A role in small letters, then the name of who holds it: "senior inspector, Tomas Reyland".
_ROLE_THEN_NAME = re.compile(
    r"^(?:(?:the|a|an|its|his|her|their)\s+)?(?P<role>(?-i:[a-z])[\w-]*(?:\s+(?-i:[a-z])[\w-]*){0,3})"
    r"\s*,?\s+(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)+$"
)


# A description, then a name set off by a comma: "Veldmark's justice minister, Carl-Erik
# Strand".
_DESCRIBED_THEN_NAMED = re.compile(
    r"^(?P<description>.+?),\s+(?P<name>(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)+)$"
)


def _described_person(answer: str) -> bool:
    """Whether `answer` is someone named after their role ("senior inspector, Tomas
    Reyland")."""
    found = _ROLE_THEN_NAME.match(answer.strip())
    return found is not None and names_a_role(found["role"])


# "Which strike happened first?": the kind of thing a which-question asks for.
_WHICH_KIND = re.compile(r"^which\s+(?P<kind>[^\W\d_]+)\s+\S", re.IGNORECASE)
_NOT_KINDS = AUXILIARIES | PREPOSITIONS | DETERMINERS | SUBJECT_PRONOUNS  # "Which of ...?"


def _kind_asked(said: Said) -> str | None:
    """ "the strike on November 19" of "Which strike happened first?": what "it" stands
    for after a which-question answered with a sentence (too long to put in a question:
    "Where was it?" had kept its "it", and went unanswered), with the answer's date where
    it has one. None for any other question."""
    asked = _WHICH_KIND.match(said.question.strip())
    if asked is None or asked["kind"].lower() in _NOT_KINDS:
        return None
    kind = [asked["kind"]]
    rest = words(said.question.strip()[asked.end("kind") :])
    for word, following in zip(rest[: _KIND_WORDS - 1], rest[1:], strict=False):
        # "Which shipping lines diverted ships?": the noun runs to the verb ("the
        # shipping" had been asked how far it was from the port); a word before a
        # verb, not one before its object ("Which city hosts the games?").
        verb_next = is_verb_form(following) or following.lower() in AUXILIARIES
        if not verb_next or is_verb_form(word) or word.lower() in _NOT_KINDS or not word.islower():
            break
        kind.append(word)
    dated = f" on {said.dates[0]}" if said.dates else ""
    return f"the {' '.join(kind)}{dated}"


# A which-question's kind is at most this many words ("shipping lines").
_KIND_WORDS = 3


_POSSESSIVE_DETERMINERS = frozenset("its their his her".split())
# A noun phrase this long or shorter names the thing a where-question places.
_PLACED_WORDS = 4


def _placed_thing(question: str) -> str | None:
    """The thing a where-question asks the place of ("the plant" of "Where will Volta
    build the plant?", "the camp" of "Where is the camp?"): its last noun phrase led by a
    determiner and not by a preposition, up to the next preposition. What "it" stands
    for after it ("How much will it cost?" had read "How much will Tampere, Finland
    cost?"). None where there is none."""
    # "their latest talks": a possessive determines the thing as "the" does.
    found = [
        "the" if word.lower() in _POSSESSIVE_DETERMINERS else word
        for word in words(plain_question(question))
    ]
    for at in range(len(found) - 1, 0, -1):
        if found[at].lower() in DETERMINERS and found[at - 1].lower() not in PREPOSITIONS:
            # After "is"/"were" no verb follows: "Where is the camp on November 19?".
            if at == 2 and found[1].lower() not in BE:
                return topic_of(question, None)  # the subject after "did": its verb after it
            # Up to a preposition, or a participle after "is"/"were" ("Where were the
            # talks held?": the talks).
            phrase = list(
                takewhile(
                    # nor "being" of "Where is the boat being conserved?"
                    lambda word: word.lower() not in PREPOSITIONS | _BEING and not participle(word),
                    found[at:],
                )
            )
            if 1 < len(phrase) <= _PLACED_WORDS:
                return " ".join([phrase[0].lower(), *phrase[1:]])
            return None
    return None


def _thing_done_to(said: Said) -> str | None:
    """The one thing a who-question asked about ("the strike on November 19" of "Who
    launched the strike on November 19?"): what "it" stands for after it ("Who was it
    aimed at?", "Where was it?"), rather than the answer, a person or a body that a
    follow-up calls "he", "she" or "they". None for a name or a plural ("the talks")."""
    thing = object_of(said)
    if thing is None:
        # "Who runs the Old Mill café?": a verb in the present, then its object.
        found = _WHO_DOES.match(said.question.strip())
        if found is not None and found["verb"].lower() not in AUXILIARIES:
            thing = found["thing"]
    return thing if thing is not None and _one_thing(thing) else None


_WHO_DOES = re.compile(
    r"^who\s+(?P<verb>(?-i:[a-z])+s)\s+(?P<thing>(?:the|a|an|this|that)\s+[^?]+?)\s*\?*$",
    re.IGNORECASE,
)


# Verbs of saying: "that" after one is what was said.
_SAYING = frozenset("say says said tell tells told write writes wrote claim claims claimed".split())


_HAPPEN = re.compile(r"\bhappen", re.IGNORECASE)


def _one_person(phrase: str) -> bool:
    """Whether a noun phrase is one person by its noun: "the leader of the Liberal
    Democrats", "the Liberal Democrats’s leader" (a role in the singular)."""
    head = head_words(phrase)
    noun = head[-1] if head else ""
    return names_a_role(noun) and not is_plural(noun)


# "the Liberal Democrats’s leader", "the leader of the Liberal Democrats": whose.
_WHOSE = re.compile(r"^(?P<owner>.+?)[’']s\s+[\w-]+$|^(?:the\s+)?[\w-]+\s+of\s+(?P<of>.+)$")


def _whose(phrase: str) -> str | None:
    """Whose role a phrase names, where they are many ("the Liberal Democrats"); else
    None."""
    found = _WHOSE.match(phrase.strip())
    owner = (found["owner"] or found["of"]) if found is not None else None
    return owner if owner is not None and looks_plural(owner) else None


def _named_with(noun: str, question: str) -> str | None:
    """How `question` named `noun` with the words before it ("Lumora's 2022 funding
    round"), as "that <noun>" of a follow-up means it, or None when nothing came before it
    there but a determiner or a verb. Walking back from the noun: names, figures and other
    words that describe it, up to a name's possessive (which opens the phrase) or to a
    word no noun phrase is made of (a verb's past, a preposition, a question word)."""
    found = list(WORD.finditer(question))
    at = next(
        (i for i, w in reversed(list(enumerate(found))) if w.group().lower() == noun.lower()), None
    )
    if at is None:
        return None
    first, possessed = at, False
    for word in reversed(found[:at]):
        lower = word.group().lower()
        if (
            lower in DETERMINERS
            or lower in PREPOSITIONS
            or lower in AUXILIARIES
            or lower in WH
            or lower in SUBJECT_PRONOUNS
            or base_form(lower) is not None  # a verb's past, "-ed" or irregular ("led")
        ):
            break
        first -= 1
        possessed = lower.endswith(("’s", "'s"))
        if possessed:
            break  # "Lumora's": the possessor opens the phrase
    if first == at:
        return None
    phrase = question[found[first].start() : found[at].end()]
    return phrase if possessed else f"the {phrase}"


def _answered_as(noun: re.Match[str], said: Said) -> bool:
    """Whether "that <noun>" stands for the last answer: a name a who- or which-question
    was answered with, and the noun one for someone of its kind (a body for a body's
    name, a person's role for a person's) that the question did not use ("that strike"
    after "Who condemned the strike?" is the strike)."""
    answer, asked = _answer(said), said.question.split(maxsplit=1)[:1]
    if not asked or asked[0].lower() not in ("who", "whom", "which"):
        return False
    word = noun.group().lower()
    if not _looks_like_name(answer) or word in {w.lower() for w in words(said.question)}:
        return False
    return is_body(word) or (names_a_role(word) and may_be_someone(answer))


def _said_last(spans: list[re.Match[str]], index: int) -> bool:
    """Whether word `index` ends the question right after a verb of saying ("When did
    she say that?"; not "Did it say it would pay?", where "it" is a clause's subject)."""
    if spans[0].group().lower() in ("who", "whom"):
        return False  # "Who said that?" asks who said what was answered
    return 0 < index == len(spans) - 1 and spans[index - 1].group().lower() in _SAYING


# Which of the things an answer lists an ordinal picks: "the first one", "the latter".
_PICKED = {"first": 0, "former": 0, "second": 1, "latter": -1, "third": 2, "last": -1}
# A list of two to four things: "A and B", "A, B and C".
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _listed(spans: list[re.Match[str]], pointer: Pointer, said: Said) -> str | None:
    """The thing of the last answer's list that "the first one" (the pointer's "one",
    after "the" and an ordinal) picks; None where the answer lists nothing, or not
    as many."""
    index = pointer.index
    if index < 2 or spans[index - 2].group().lower() != "the":
        return None
    picked = _PICKED.get(spans[index - 1].group().lower())
    items = [item for item in _LIST_SPLIT.split(_answer(said)) if item]
    if picked is None or not 2 <= len(items) <= 4 or picked >= len(items):
        return None
    if any(len(words(item)) > _NAME_WORDS for item in items):
        return None  # a clause with "and" in it, not a list of things
    return items[picked]


def _passive_subject(spans: list[re.Match[str]]) -> int | None:
    """The index of the pronoun a question makes the subject of a past passive ("they"
    of "Where were they held?": "was" or "were", the pronoun, a past participle), or
    None. (In the present it is as often a state of the one who acts: "Where are they
    based?")"""
    for index in range(1, len(spans) - 1):
        pronoun = spans[index].group().lower()
        if pronoun not in ("they", "it") or spans[index - 1].group().lower() not in _PAST_BE:
            continue
        if participle(spans[index + 1].group()):
            return index
    return None


# A verb of something that starts, runs and ends: "When does it start?", "How long will
# it last?".
_STARTS = re.compile(
    r"\b(?:start|starts|started|begin|begins|began|end|ends|ended|finish|finishes|finished|"
    r"last|lasts|lasted|expire|expires|expired|resume|resumes|resumed|take\s+effect|"
    r"takes\s+effect|took\s+effect|come\s+into\s+force|comes\s+into\s+force)\b",
    re.IGNORECASE,
)
# An activity named after a preposition: "on water rationing", "into the collapse", "of
# the evacuation" (a noun of doing, by its ending).
_ACTIVITY = re.compile(
    r"\b(?:on|of|for|in|into|under|about|during)\s+(?P<act>(?:the\s+)?(?:[a-z-]+\s+)?"
    r"[a-z-]+(?:ing|tion|sion|ment|ure))\b"
)
# Words ending so that name no activity.
_NOT_ACTIVITIES = frozenset(
    "morning evening building thing nothing something anything everything during spring "
    "ceiling king ring string wing government parliament department apartment moment "
    "nature future picture structure temperature culture".split()
)


def _activity(question: str) -> str | None:
    """The activity a question names after a preposition ("water rationing" of "Why is
    the valley being put on water rationing?"), with "the" before it; None if none."""
    for found in _ACTIVITY.finditer(question):
        act = found["act"]
        if act.split()[-1].lower() in _NOT_ACTIVITIES:
            continue
        return act if act.lower().startswith("the ") else f"the {act}"
    return None


# Words of time a pointer may follow: "after that", "since then".
_TIME_LINKS = frozenset("after before since until till by".split())
# A question ending on a word of time that wants a date after it ("... done since").
_DANGLING_TIME = re.compile(r"\b(?:since|until|till|before|after)$", re.IGNORECASE)


def put_in(
    question: str, said: Said, phrases: Phrases | None = None, named: str = ""
) -> str | None:
    """`question` with each pointing word replaced by what it stands for; where one is
    left, the date of the last answer's evidence pins it. None if nothing was put in.

    After "Who hailed the talks?", "What did they call them?" has two referents: "they"
    is the answer and "them", which cannot be the same ones (English would say
    "themselves"), the question's object: "What did Lebanon’s foreign ministry call the
    talks?". `named`: a question some of whose pointers were put in already, whose
    referents the ones left cannot stand for."""
    found = pointers(question)
    spans = list(WORD.finditer(question))
    passive_subject = _passive_subject(spans)
    parts, copied, left, length = [], 0, False, len(question)
    answered_subject = answered = False
    taken: dict[str, str] = {}  # referent -> the pronoun it was put in for
    subjects: set[str] = set()  # referents put in for a subject pronoun
    for pointer in found:
        span = spans[pointer.index]
        word = span.group().lower()
        end = span.end()
        after = spans[pointer.index + 1] if pointer.index + 1 < len(spans) else None
        start = span.start()
        referent: str | None
        item = _listed(spans, pointer, said) if pointer.kind == "counted" else None
        if item is not None:
            # "What did the first one warn about?" after "Who dissented?" / "Justice
            # Rodrigo Salcedo and Justice Ines Barrow": the first of those named.
            referent, start = item, spans[pointer.index - 2].start()
        elif pointer.kind == "determiner" and after is not None and after.group().lower() == "one":
            # "How many hectares did that one burn?": "that one" is what "it" would be
            # (the fire just named), not "the one".
            referent = _referent(Pointer(pointer.index, "thing"), said, "it", phrases)
            word, end = "it", after.end()
        elif (
            pointer.kind == "determiner"
            and after is not None
            and (as_named := _named_with(after.group(), said.question)) is not None
        ):
            # "How big was that round?" after "Which firm led Lumora's 2022 funding
            # round?": the round as the question named it ("the round" was read as any
            # round, and the answer withheld at 0.09).
            referent, end = as_named, after.end()
        elif pointer.kind == "determiner" and after is not None and _answered_as(after, said):
            # "Who leads that group?" after "Who organised it?" / "Albion Supporters'
            # Trust": the group named, not "the group" (the club's chairman was found
            # as its leader).
            referent, end = _answer(said), after.end()
        elif (
            word in _IT
            and (thing := happened_to(said.question)) is not None
            and not _HAPPEN.search(question)
        ):
            # "How many people were on it?" after "What happened to the Marisol Queen?":
            # the ship, not what happened to it ("When did it happen?" asks the event).
            referent = f"{thing}’s" if word == "its" else thing
        elif (
            word in ("that", "this", "then")
            and pointer.index > 0
            and spans[pointer.index - 1].group().lower() in _TIME_LINKS
            and _question_word(said) == "when"
            and _answer(said)
        ):
            # "What happened after that?" after "When did the cod stock collapse?" /
            # "1989": after then, the time answered ("after the cod stock" was read).
            referent = _answer(said)
        elif word == "it" and _STARTS.search(question) and (act := _activity(said.question)):
            # "When does it start?" after "Why is the valley being put on water
            # rationing?": what starts is the rationing, not the valley (the subject).
            referent = act
        elif pointer.kind == "thing" and _said_last(spans, pointer.index):
            # "When did she say that?": what was said, which no thing named stands for
            # ("When did Lea Hartung say the plagiarism commission?").
            referent = None
        else:
            referent = _referent(pointer, said, word, phrases)
        if answered_subject and word in _OBJECT_PRONOUNS:
            referent = object_of(said) or referent
        elif pointer.index == passive_subject:
            # "Where were they held?" after "Who hailed the talks?": what is done to
            # "they" was done to the thing asked about, not by the one who did it.
            # "When were they discovered?" after "Why was the tunnel closed?" / "cracks in
            # its concrete lining": the cracks, not the tunnel.
            things = _reason_things(said, phrases) if word in _PLURAL else None
            referent = object_of(said) or things or referent
        if referent is not None and named and referent.removesuffix("’s") in named:
            # `named`: who the question's other pointers were found to be ("Where will
            # Dorian Halvek serve it?"): "it" is not him.
            referent = None
        if referent is not None and any(referent.startswith(f"{one}’s ") for one in taken):
            # "When did he collect it?" after "What is Tomás Reyes’s role on the team?":
            # "he" is the man, and "it" no thing of his the question described.
            referent = None
        group = _PRONOUN_GROUP.get(word, word)  # "that" is no "they" either
        # "his" is the one "she" is not: "When did she take over his chair?" ("Henrike",
        # "Henrike’s") is keyed by whom it stands for, possessive or not.
        whom = referent.removesuffix("’s") if referent is not None else None
        # ("it" may be a later clause's subject: "Did it say it would pay?")
        if word in ("him", "them") and whom is not None and whom in subjects:
            # "What did he teach him?": not the one "he" is (English says "himself"); in
            # "What post did he give him?" after "Who was Vaelbroek's patron?", the one
            # "he" belongs to.
            owner = owner_of(f"{whom} ")
            whom = referent = owner if owner is not None and owner not in subjects else None
        if group and whom is not None and taken.setdefault(whom, group) != group:
            # "Did he admit it?": "it" is not the man "he" is; "Where did they claim it?"
            # not what "they" are (English would say "itself", "themselves").
            referent = None
        if pointer.kind == "possessive" and whom is not None and whom in subjects:
            # "When did she quit her teaching job?": named once, as "she"; "her" stays
            # hers ("... quit Leila Marchetti’s teaching job?" read oddly).
            referent = None
        answered_subject |= word in SUBJECT_PRONOUNS and referent is not None
        if word in SUBJECT_PRONOUNS and whom is not None and referent is not None:
            subjects.add(whom)
        if referent is None:
            # Something left is pinned to the last answer's day ("that strike"); no one
            # is: "What does she do?" asks no day's deed.
            left |= word not in _SINGULAR
            continue
        answered |= referent.removesuffix("’s") == _answer(said)
        parts += [question[copied:start], referent]
        copied = end
        length += start - end + len(referent)
        if length > MAX_QUESTION_CHARS:
            return None  # no longer a question: many pointers, each a long referent
    text = "".join([*parts, question[copied:]])
    # An answer to a question about a day is asked about on that day: "What was its
    # target?" after "Who carried it out on November 23?" is the IDF's target then, not
    # on November 19. An answer to an undated question ("Which organization ran the
    # camp?": Hamas) is no more about its sentence's day than about any other.
    answered = answered and bool(date_phrases(said.question))
    pinned = (left or answered or any(p.kind == "determiner" for p in found)) and said.dates
    # A question that asks for a time is not pinned to one: "When will it be restored?"
    # after "How many homes lost power?" asks when, whatever day its sentence tells of.
    if pinned and not date_phrases(text) and answer_type(text) != DATE:
        # "What has the firm done since?" is since that day, not "since on October 12".
        plain = plain_question(text)
        on = "" if _DANGLING_TIME.search(plain) else " on"
        text = f"{plain}{on} {said.dates[0]}?"
    return text if text != question else None
