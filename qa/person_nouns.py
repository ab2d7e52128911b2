"""Whether a noun phrase can be someone "he" or "she" stands for.

After "How long did the work take?" / "nearly four years", "How many bacteria did her
team screen?" is about the scientist asked of two turns before, not "the work’s team";
after "What is his role on the team?", "When did he collect it?" is about the student,
not "Tomás Reyes’s role". A phrase in small letters is someone only by its noun: a role
or a kind of person ("the driver", "a seismologist", "the town's mayor"); a name may be
anyone (Hamas is "they", a ship "she"), so a capital always may be.
"""

from __future__ import annotations

import re
from itertools import takewhile

from qa.referring import PREPOSITIONS, words

# Roles and offices news names people by ("the chief of staff of Hezbollah"): what "he"
# may stand for inside an answer about a thing (qa.referents).
ROLES = (
    "chief commander leader head minister official president premier chancellor "
    "director spokesman "
    "spokeswoman spokesperson ambassador envoy general officer mayor governor chairman "
    "chairwoman founder owner captain coach judge prosecutor suspect victim king queen"
).split()
# Kinds of people and the roles news gives them, in the singular.
_PERSONS = frozenset(ROLES) | frozenset(
    """
    person man woman boy girl child baby teenager adult individual
    diplomat chair lawyer attorney
    prince princess emperor ruler pope bishop priest imam rabbi
    driver pilot conductor passenger worker employee staffer resident witness survivor
    neighbour neighbor teacher student pupil nurse doctor surgeon patient scientist
    researcher professor expert analyst economist engineer inspector investigator detective
    reporter journalist editor author writer poet artist singer actor actress player
    striker goalkeeper midfielder defender forward athlete champion winner manager
    executive ceo cfo coo cto boss secretary senator lawmaker legislator representative councillor
    councilor candidate voter member citizen soldier sergeant colonel lieutenant admiral
    marshal guard farmer fisherman customer client buyer seller shopper tourist visitor
    father mother son daughter wife husband brother sister uncle aunt grandmother
    grandfather friend partner fan hostage prisoner inmate refugee migrant activist
    protester negotiator mediator defendant plaintiff heir climber runner rider swimmer
    skier boxer fighter rapper dancer designer developer photographer lecturer trainer
    banker broker trader dealer merchant bomber attacker shooter killer robber thief hacker
    toddler
    speaker commissioner supporter opponent rival challenger incumbent nominee trustee
    retiree accused deceased superintendent constable corporal
    treasurer auditor accountant clerk instructor curator administrator adviser advisor
    aide deputy assistant consultant architect mechanic plumber labourer laborer courier
    firefighter rescuer paramedic ranger warden lifeguard sailor skipper miner chef cook
    waiter grower vintner winemaker donor landlord tenant hiker snowboarder surfer
    """.split()
)
# Endings of nouns for people: a seismologist, a politician, a volunteer, a chairman,
# "the 52-year-old".
_PERSON_ENDING = re.compile(r"(?:ist|ian|eer|man|woman|person|year-old)$")
_POSSESSIVE = re.compile(r"[’']s$")


def head_words(phrase: str) -> list[str]:
    """A noun phrase's words before any preposition ("the strike" of "the strike on
    November 19")."""
    return list(takewhile(lambda word: word.lower() not in PREPOSITIONS, words(phrase)))


def _head_noun(phrase: str) -> str:
    """The last word before any preposition ("role" of "Tomás Reyes’s role on the team")."""
    head = head_words(phrase)
    return head[-1] if head else ""


# Nouns that end a body's name, which "he" or "she" never stands for.
_BODIES = frozenset(
    "bank ministry department agency authority institute institution council committee "
    "commission company corporation group association union party front army police court "
    "government office organization organisation board fund university school hospital "
    "league club federation alliance coalition movement network service administration "
    "bureau foundation trust society airline airlines motors industries guild syndicate "
    "cooperative collective orchestra symphony philharmonic ensemble choir chamber assembly "
    "parliament senate congress tribunal panel "
    # and the last words of firms' names: "Northvale Health Partners" is no "she"
    "partners holdings systems capital corp inc ltd plc llc lines technologies solutions "
    "media energy foods labs laboratories pharmaceuticals therapeutics ventures "
    "enterprises logistics networks communications telecom freight securities mutual "
    "insurance biotherapeutics biotech analytics consulting consultants associates advisers "
    "advisors semiconductor semiconductors supplies line carriers shipping marine airways "
    "steelworks mills coastguard navy brigade guard infirmary clinic hospice security "
    "festival events "
    # and the last words of clubs' and places' names: "Castellan Rovers", "Dunmore City"
    "united rovers rangers wanderers athletic fc city town county state states republic "
    "kingdom team "
    # and of buildings and places no one is named after the way people are ("University
    # Library", "Eastgate Arena", "Hallow Strait"; not "Hall", "Church" or "Park")
    "library museum gallery cathedral abbey station airport arena stadium centre center "
    "conservatory academy college laboratory theatre theater prison cemetery strait island "
    "islands river valley district region province village hamlet harbour".split()
)


def is_body(noun: str) -> bool:
    """Whether a noun is one for a body of people or an institution ("group", "trust",
    "ministry"), as ends such a name."""
    return noun.lower() in _BODIES


# A small joining word a surname may open on, with its hyphen: "al-" of "al-Manouri".
NAME_PARTICLE = r"(?:al|el|ad|ibn|bin)-"
_PARTICLE_NAME = re.compile(rf"{NAME_PARTICLE}(?-i:[A-Z])")


_AGE_AFTER = re.compile(r",\s*\d{1,3}\s*$")


def may_be_someone(phrase: str) -> bool:
    """Whether "he" or "she" may stand for `phrase`: a name, or a noun for a person."""
    # "Commander Ilsa Varnow, 52": a name with the age after it (story h48).
    phrase = _AGE_AFTER.sub("", phrase)
    described, comma, name = phrase.partition(",")
    determined = re.match(r"(?:a|an|the)\s+[a-z]", described, re.IGNORECASE)
    if comma and determined and len(head_words(name)) < len(words(name)):
        # A thing and a title beside it: "a textbook, Principles of Mineral Analysis" is
        # a textbook, whatever capitals its title has ("she" is not it); a title runs on
        # past a preposition where a person's name ("the harbour master, Ilse Varga")
        # does not.
        phrase = described
    head = _head_noun(phrase)
    if not head:
        return False
    if (head[:1].isupper() or _PARTICLE_NAME.match(head)) and not _POSSESSIVE.search(head):
        # A name: "Dr. Amara Whitfield" ("Lebanon’s foreign ministry" is not), but not a
        # body's: "Central Bank of Vestria", "Karbonia Energy Group".
        return head.lower() not in _BODIES
    noun = head.lower()
    return noun in _PERSONS or _PERSON_ENDING.search(noun) is not None


def is_plural(noun: str) -> bool:
    """Whether a noun for people reads as plural: "judges", "owners"; not "boss"."""
    return noun.endswith("s") and not noun.endswith("ss")


def is_person_noun(word: str) -> bool:
    """Whether `word` (in small letters) is one of the listed nouns for a person ("chief",
    "commissioner", "lawyer"), by the lists alone: not "meridian" for its ending."""
    return word in _PERSONS


def names_a_role(phrase: str) -> bool:
    """Whether a phrase ends on a noun for a person in small letters ("lead researcher",
    "Ravenport manager"), not on a name."""
    noun = _head_noun(phrase)
    # Plural too: "Harbourside's owners, the Calloway Maritime Group".
    singular = noun[:-1] if is_plural(noun) else noun
    return noun.islower() and any(
        form in _PERSONS or _PERSON_ENDING.search(form) is not None for form in (noun, singular)
    )


def owner_of(phrase: str) -> str | None:
    """The name that owns a phrase's noun ("Tomás Reyes" of "Tomás Reyes’s role on the
    team"), or None: who "he" is where the phrase itself is no one."""
    found = re.match(r"^(?P<owner>(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)[’']s\s", phrase)
    return found["owner"] if found else None
