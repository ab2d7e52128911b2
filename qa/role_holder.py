"""Who holds a role the question asks about ("Who is Aster's spokesperson?"): whether the
reader's answer holds another role, and the name the article sets beside the one asked.

Works on the article's sentences only; the bot ranks and scores what is found here as
"Tell me about <role>" (qa.bot)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from index.sentences import Sentence
from qa.acronyms import initials_of
from qa.apposition import (
    HEADS,
    described_after,
    described_role,
    held_by_someone,
    held_elsewhere,
    holder_verbs,
    holds_other_role,
    name_beside,
    name_pattern,
    noun_of,
    of_the_role,
    role_asked,
    role_noun,
    written_role,
)
from qa.person_nouns import is_body, may_be_someone, names_a_role
from qa.reading import ReadSpan
from qa.referring import PREPOSITIONS


@dataclass(frozen=True)
class Holder:
    """Where to find a role's holder: the role as the article words it ("the spokeswoman
    of Aster" for "the spokesperson of Aster" asked) and the locator of the name beside it
    in a sentence's text."""

    role: str
    locate: Callable[[str], tuple[int, int] | None]


def naming(role: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences that write a role's noun ("referee" of "the referee of the final"):
    the only ones a name can stand beside it in."""
    noun = role_noun(role)
    return [s for s in sentences if noun.search(s.text)]


def names_beside(role: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences that set a name beside the role ("the referee, Paul Hendry")."""
    return [s for s in naming(role, sentences) if name_beside(role, s.text, loose=True)]


def holds_another(
    role: str, sentences: list[Sentence], sentence: Sentence, start: int, end: int
) -> bool:
    """Whether the answer at [start, end) of `sentence` (offsets in its text) holds a role
    other than the one asked: of another owner ("Who is the chief executive of Solvik?":
    "Priya Raman, Veridian's chief executive"), or another role where the article names
    the asked one's holder ("Aster's chief executive, Laura Brennan" for "Who is Aster's
    spokesperson?")."""
    if held_elsewhere(role, sentence.text, start, end) or of_the_role(
        role, sentence.text, start, end
    ):
        return True
    head, of, _ = role.partition(" of ")
    if head in HEADS:
        # A head asked: whatever title of TOPS the answer holds is one; another ("the
        # shipping merchant Carl Brandt", who founded the museum) is not, where the
        # article names a head ("The museum's director, Dr. Felix Aurach").
        # ... nor one described after the name ("Dr. Anton Fischer, a retired zoo
        # inspector", who leads a review of the zoo, where its director is named).
        # A title in capitals counts against a named owner's head only ("Mayor Carl Huang"
        # for Northline's): "the investigation" is an owner anyone's title may fit.
        named_owner = role.partition(" of ")[2][:1].isupper()
        answer = sentence.text[start:end]
        title = _title_before(answer, named_owner) or described_after(sentence.text, end)
        return (
            bool(of)  # whose head: "the head" alone could be anyone's
            and title is not None
            and not any(re.search(rf"\b{top}\b", title) for top in TOPS)
            and holder(role, sentences) is not None
        )
    other = holds_other_role(role, sentence.text, start, end)
    titled = described_role(sentence.text, start, end)
    if titled is not None and titled[1] and _otherwise_qualified(role, titled[0]):
        # "Finance Minister Adrian Kolvek" is no prime minister: the same noun, qualified
        # otherwise, whether or not the article names one (story h42).
        return True
    if not other:
        return False
    if _does_the_deed(role, sentence.text, end):
        return False
    if holder(role, sentences) is not None:
        return True
    # Where the article names no one in the role asked, a name set beside a role of
    # another kind ("the chief executive, Denise Okafor" for "Who is the utility's chief
    # information officer?") is not its holder; one of the same kind worded otherwise
    # ("The zoo's director" for "the zoo director") may be.
    described = described_role(sentence.text, start, end)
    head = noun_of(role).split()[-1]
    if described is None or described[1] or not names_a_role(head):
        # "the detective speaking": no role's noun to tell apart; nor a rank in capitals
        # ("Assistant Attorney General Rachel Lindqvist" is the prosecutor asked).
        return False
    # "The school's head, Jonathan Carrow" for "Who is the head teacher?": the noun
    # described is the word before the role's own noun (story h34; not "deputy" of the
    # deputy head).
    asked = [word.lower() for word in role.partition(" of ")[0].split() if word.lower() != "the"]
    # (Its noun, not its owner's: "director of environmental health" is no health one.)
    if described[0].partition(" of ")[0].split()[-1].lower() in asked[:-1]:
        return False
    # Nor where the role's noun stands near the name at all ("The chair of the judges, the
    # novelist Sir Edmund Tarrow": the nearest description is another).
    near = sentence.text[max(0, start - _ROLE_REACH) : end + _ROLE_REACH]
    # A head is a head by any of its titles ("head of hydrology" for "hydrology chief").
    return not holds_title(role, near)


def _does_the_deed(role: str, text: str, end: int) -> bool:
    """Whether the name ending at `end` of `text` is said to do what `role` is named for
    ("Lusetta's foreign secretary, Amara Delcourt, 49, who chaired the talks" for "Who
    chaired the talks?", read as "the chair"; "Commander Ilsa Varnow, 52, who is leading
    the coastguard response"): another title does not make them another's holder (story
    h48)."""
    verbs = holder_verbs(noun_of(role).split()[-1].lower())
    if not verbs:
        return False
    deed = re.compile(
        r"^\s*,\s+(?:\d{1,3}\s*,\s+)?who\s+(?:is\s+|was\s+|has\s+|had\s+)?"
        rf"(?:{'|'.join(verbs)})\b",
        re.IGNORECASE,
    )
    return deed.match(text[end:]) is not None


def _otherwise_qualified(role: str, title: str) -> bool:
    """Whether a title in capitals ("Finance Minister") has the noun of `role` ("the
    prime minister") with words before it, and lacks a word that qualifies the role."""
    asked = [w.lower() for w in role.partition(" of ")[0].split() if w.lower() != "the"]
    titled = [w.lower() for w in title.split()]
    if len(asked) < 2 or len(titled) < 2 or asked[-1] != titled[-1]:
        return False
    return any(word not in titled for word in asked[:-1])


# How far from a name its role's noun may stand and still be said of it.
_ROLE_REACH = 80


# "shipping merchant Carl Brandt": a title in small letters, then the name.
_TITLE_BEFORE = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?P<title>(?-i:[a-z])[\w-]*(?:\s+(?-i:[a-z])[\w-]*){0,3})\s+(?-i:[A-Z])"
)


def _title_before(answer: str, capitals: bool = True) -> str | None:
    """The title an answer sets before its name ("shipping merchant" of "shipping
    merchant Carl Brandt", and with `capitals` "mayor" of "Mayor Carl Huang"), where it
    names a role; else None."""
    found = _TITLE_BEFORE.match(answer)
    if found is not None and names_a_role(found["title"]):
        return found["title"]
    if not capitals:
        return None
    # In capitals, as news writes a title before a name: the longest run of its first
    # words that names a role, with a name after it.
    words = answer.split()
    for count in range(min(_CAPITAL_TITLE_WORDS, len(words) - 1), 0, -1):
        title = " ".join(words[:count]).lower()
        if all(w[:1].isupper() for w in words[: count + 1]) and names_a_role(title):
            return title
    return None


# "Council President Raymond Tully": at most this many words of a title in capitals.
_CAPITAL_TITLE_WORDS = 3


# The titles of whoever heads something, in the order tried: "Who runs Golden Acre
# Foods?" (the head of it) is answered by "The company's chief executive, Margaret
# Ashby", where the article calls no one its head.
TOPS = (
    "head",
    "chief executive",
    "leader",
    "director",
    "president",
    "chair",
    "manager",
    "boss",
    "chief",
)


def holds_title(role: str, described: str) -> bool:
    """Whether `described` (a name with what it is called) names the noun of `role`, or,
    for a head asked, any title of TOPS ("Kestrel's managing director, Gavin Oyelaran"
    for "the head of the barge company")."""
    head = noun_of(role).split()[-1]
    titles = TOPS if head in TOPS else (head,)
    return any(role_noun(f"the {title}").search(described) for title in titles)


def holder(role: str, sentences: list[Sentence]) -> Holder | None:
    """How to find the name the article sets beside `role`; None where no sentence sets
    one (nothing to rank for). A head asked for ("the head of Golden Acre Foods") is
    looked for under each title of TOPS in turn."""
    found = _holder(role, sentences)
    head, of, owner = role.partition(" of ")
    owned = _BODY_BEFORE.match(role) if not of else None
    if found is None and owned is not None and is_body(owned["body"]):
        # "the union president" where the article writes "president of Local 617": the
        # body before the role is whose it is, as "the president of the union" reads.
        found = _holder(f"the {owned['noun']}", sentences)
    for kind in _kinds(owner) if found is None and of else []:
        # "director-general of the aviation authority" for "... of the Veldrian Civil
        # Aviation Authority": a body called by what kind it is, as news goes on to.
        found = found or _holder(f"{head} of the {kind}", sentences)
    # The article's subject (named in its opening): "the company" is it.
    named = bool(of) and any(owner.lower() in s.text.lower() for s in sentences[:2])
    if found is None and named and head not in HEADS and _one_named(head, sentences):
        # "Who is the CEO of Northvale?" of an article opening on Northvale that names
        # one chief executive ("Dr. Helen Marsh, 58, the group's chief executive"); not
        # a person's ("Her coach, Luca Ferrante" is not Haddad's).
        persons = re.compile(rf"\b(?:his|her)\s+{role_noun(head).pattern}", re.IGNORECASE)
        if not any(persons.search(s.text) for s in names_beside(head, sentences)):
            found = _holder(head, sentences)
    if found is not None or head not in HEADS:
        return found
    for title in TOPS:
        found = _holder(f"the {title}{f' of {owner}' if of else ''}", sentences)
        for shorter in _shortened(owner) if of else []:
            # "Kestrel's chief executive, Marcus Delane" for "Who runs Kestrel Launch
            # Systems?": a company called by the first of its name's words.
            found = found or _holder(f"the {title} of {shorter}", sentences)
        if found is None and named and _one_named(f"the {title}", sentences):
            # "The company's chief executive, Margaret Ashby" in an article opening on
            # Golden Acre Foods: its one chief executive.
            found = _holder(f"the {title}", sentences)
        if found is not None and not _names_owner(found, owner, sentences):
            return found
    noun = _owner_noun(owner) if of else None
    if noun is None:
        return _by_deed(owner, sentences) if of else None
    for title in TOPS:
        # "Who leads the union local?": "Denise Okafor, 52, president of Local 617", a
        # title set beside a name in a sentence that calls the owner by its noun; not
        # the club's chairman for "Who leads the group?" (the trust that marched).
        found = _holder(f"the {title}", sentences)
        if found is not None and any(_beside(found, noun, s.text) for s in sentences):
            return found
    return _by_deed(owner, sentences)


# What a head does, as news says it of a name: "Marta Illesen, 44, a former bus driver
# who chairs the coalition".
_HEADS_DEEDS = "heads|leads|runs|chairs|directs|manages"
_PERSON_NAME = r"(?-i:[A-Z])[\w’'.-]*(?:\s+(?-i:[A-Z])[\w’'.-]*){1,3}"


def _by_deed(owner: str, sentences: list[Sentence]) -> Holder | None:
    """How to find the one name the article says heads `owner` by a verb ("... who chairs
    the coalition" for "the head of the Fair Fuel Coalition"), by its name, its kind
    ("coalition") or its noun; None where no sentence, or more than one name, does."""
    bare = re.sub(r"^(?:the|this|that)\s+", "", owner, flags=re.IGNORECASE)
    words = bare.split()
    called = [bare, *_kinds(owner), *_shortened(owner)]
    if words and (all(word.islower() for word in words) or is_body(words[-1])):
        # "the group that marched": the group; "the Fair fuel coalition" (as typed
        # words were mended): the coalition.
        called.append(words[-1])
    forms = "|".join(re.escape(name) for name in called if name)
    if not forms:
        return None
    deed = re.compile(
        rf"(?P<name>{_PERSON_NAME})\s*,\s+(?:\d{{1,3}}\s*,\s+)?(?:[^,;:“”\"]{{0,80}}?\s)?"
        rf"who\s+(?P<verb>{_HEADS_DEEDS})\s+(?:the\s+|its\s+|their\s+)?(?:{forms})(?![\w-])",
        re.IGNORECASE,
    )
    found = [(s, at) for s in sentences if (at := _deed_name(deed, s.text)) is not None]
    if len({s.text[at[0] : at[1]] for s, at in found}) != 1:
        return None
    sentence, _ = found[0]
    verb = deed.search(sentence.text)
    written = f"{verb['verb'].lower()} {bare}" if verb is not None else bare

    def locate(text: str) -> tuple[int, int] | None:
        return _deed_name(deed, text)

    return Holder(written, locate)


def _deed_name(deed: re.Pattern[str], text: str) -> tuple[int, int] | None:
    """Where the name `deed` finds in `text` is, or None."""
    found = deed.search(text)
    return found.span("name") if found is not None else None


# How near a name its title's owner stands: "Club chairman Geoffrey Pellow", "Denise
# Okafor, 52, president of Local 617"; a noun further on is another clause's ("the
# team's form", for "Who is running the team?").
_OWNER_REACH = 40


def _beside(found: Holder, noun: re.Pattern[str], text: str) -> bool:
    """Whether the name `found` locates in `text` has the owner's noun right by it."""
    at = found.locate(text)
    if at is None:
        return False
    return noun.search(text[max(0, at[0] - _OWNER_REACH) : at[1] + _OWNER_REACH]) is not None


# Words that end an owner's noun: "the group that took over the embassy" is a group.
_OWNER_ENDS = frozenset("that which who whose where when".split()) | PREPOSITIONS


def _owner_noun(owner: str) -> re.Pattern[str] | None:
    """The noun of an owner in small letters ("local" of "the union local", "group" of
    "the group that took over the embassy") as a pattern of any case; None for a name."""
    found = owner.split()
    if not found or found[0].lower() not in ("the", "this", "that") or len(found) < 2:
        return None
    head = []
    for word in found[1:]:
        if word.lower() in _OWNER_ENDS:
            break
        head.append(word)
    if not head or not all(word.islower() for word in head):
        return None
    return re.compile(rf"(?<![\w-]){re.escape(head[-1])}(?![\w-])", re.IGNORECASE)


# "the union president", "the club chairman": a body's noun before a role's.
_BODY_BEFORE = re.compile(r"^the\s+(?P<body>[a-z]+)\s+(?P<noun>[a-z]+)$")


def is_the_owner(answer: str, role: str) -> bool:
    """Whether `answer` is what owns `role` ("Halvik Container Terminals" or "HCT" for
    "the head of HCT"), by name or initials; not another name that shares its initials
    ("Jessica Sanchez" for "the recipient of the Judges' Save")."""
    owner = role.partition(" of ")[2]
    said = re.sub(r"^\W+|\W+$", "", answer)
    if not owner or not said:
        return False
    return said in (owner, initials_of(owner)) or owner == initials_of(said)


def owns_the_role(answer: str, role: str, sentences: list[Sentence]) -> bool:
    """Whether the article writes `answer` as the owner of the role asked: "The Silver
    Petrel's skipper, Graham Tully" makes "Silver Petrel" whose skipper he is, not who
    skippers (the reader gave the yacht for "Who was the skipper of the sinking boat?")."""
    said = re.sub(r"^\W+|\W+$", "", answer)
    if not said:
        return False
    owned = re.compile(
        rf"(?<![\w-]){re.escape(said)}[’']s\s+(?:[a-z][\w-]*\s+){{0,2}}{role_noun(role).pattern}",
        re.IGNORECASE,
    )
    return any(owned.search(s.text) for s in sentences)


# An answer that is the role's own noun in small letters, after at most "the", an owner's
# "’s" and two more words in small letters, and before at most what it is of or to:
# "ambassador to Lebanon" and "Russia’s ambassador" describe the role again. A title
# before a name is written with a capital ("Ambassador Ivanov"), and a name set beside
# the noun is no preposition's ("the spokeswoman Jo Lee").
_RESTATED = (
    r"^(?:the\s+|\S+[’']s\s+)?(?:[a-z][\w-]*\s+){{0,2}}{noun}"
    r"(?:\s+(?:to|of|for|at|in|from|with)\s.*)?$"
)


def restates_role(answer: str, role: str) -> bool:
    """Whether `answer` is `role` described again rather than who holds it: "ambassador to
    Lebanon" for "the ambassador of Russian" (the reader's span where the article names
    no ambassador; qa.bot withholds it as it withholds a span that is no name)."""
    if not noun_of(role).islower():
        return False
    # Matched case-sensitively: the noun and the words before it in small letters.
    return re.match(_RESTATED.format(noun=role_noun(role).pattern), answer.strip()) is not None


def _kinds(owner: str) -> list[str]:
    """What kind of body a name of three or more capitalised words says it is, in small
    letters, longest first: "aviation authority", "authority" of "the Veldrian Civil
    Aviation Authority"; none for a shorter name or a person's."""
    found = re.sub(r"^the\s+", "", owner, flags=re.IGNORECASE).split()
    if len(found) < 3 or not all(word[:1].isupper() for word in found):
        return []
    return [" ".join(found[-count:]).lower() for count in (2, 1)]


def _shortened(owner: str) -> list[str]:
    """A name of two or more capitalised words cut to its leading words, longest first
    ("Kestrel Launch", "Kestrel" of "Kestrel Launch Systems"); none for another owner."""
    found = owner.split()
    if len(found) < 2 or not all(word[:1].isupper() for word in found):
        return []
    return [" ".join(found[:count]) for count in range(len(found) - 1, 0, -1)]


def _names_owner(found: Holder, owner: str, sentences: list[Sentence]) -> bool:
    """Whether the holder found is the owner itself: "the market leader, Stellan Telecom"
    asked who runs Stellan Telecom."""
    for sentence in sentences:
        at = found.locate(sentence.text)
        if at is not None and sentence.text[at[0] : at[1]].lower() == owner.lower():
            return True
    return False


def _one_named(role: str, sentences: list[Sentence]) -> bool:
    """Whether the article sets one name, and one only, beside `role`."""
    return len({_name(role, s.text) for s in names_beside(role, sentences)}) == 1


def _holder(role: str, sentences: list[Sentence]) -> Holder | None:
    """holder() for one title."""
    beside = names_beside(role, sentences)
    bare = _AT.sub("", role)
    if not beside and bare != role and _written(role[len(bare) :], sentences):
        # "the lead scientist on Seraphine-2": where the article names none so, the lead
        # scientist it names ("lead scientist Dr. Halina Veskovar"); only "of" owns.
        role, beside = bare, names_beside(bare, sentences)
    if not beside and " of " in role:
        # "Who manages Harbourside?" where the article writes "Harbourside manager" with no
        # name beside it, and "manager Ines Haldvik" without the club: hers, where she is
        # the one manager it names.
        bare = role.split(" of ", 1)[0]
        owned = name_pattern(role)
        owner_named = owned is not None and any(re.search(owned, s.text) for s in sentences)
        if owner_named and len({_name(bare, s.text) for s in names_beside(bare, sentences)}) == 1:
            role, beside = bare, names_beside(bare, sentences)
    if not beside and " of " in role:
        # "The National Cyber Security Centre said ... Its director, Anders Bloom, said":
        # the owner's role, called "its" right after the owner is named.
        role, beside = role.split(" of ", 1)[0], _its(role, sentences)
    if not beside:
        return None
    # The role as the article words it: a word it never writes would make the topic look
    # absent from it.
    written = written_role(role, beside[0].text)
    names = {_name(written, s.text) for s in beside}

    def locate(text: str) -> tuple[int, int] | None:
        # "Judge Ostrava said ..." ranked first, "Judge Mirela Ostrava of the court ..."
        # names her in full: a name another sentence writes longer is passed over.
        found = name_beside(written, text, loose=True)
        if found is None:
            return None
        name = text[found[0] : found[1]]
        return None if any(other.endswith(f" {name}") for other in names) else found

    return Holder(written, locate)


def _its(role: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences that name the holder of `role` ("the director of the National Cyber
    Security Centre") as the owner's, by "its" or "their" ("Its director, Anders Bloom"),
    where the owner is named just before: earlier in that sentence, or in the one before
    that "Its" opens."""
    bare, _, owner = role.partition(" of ")
    owner = re.escape(re.sub(r"^the\s+", "", owner, flags=re.IGNORECASE))
    named = re.compile(rf"(?<![\w-]){owner}(?![\w-])", re.IGNORECASE)
    its = re.compile(
        rf"\b(?:its|their)\s+(?:[\w-]+\s+){{0,2}}?{role_noun(bare).pattern}", re.IGNORECASE
    )
    found = []
    for before, sentence in zip([None, *sentences], sentences, strict=False):
        at = its.search(sentence.text)
        if at is None or not name_beside(bare, sentence.text[at.start() :], loose=True):
            continue
        opens = at.start() == 0 and before is not None and named.search(before.text)
        if opens or named.search(sentence.text[: at.start()]):
            found.append(sentence)
    return found


# A role's place or work, which does not own it as "of" does ("on Seraphine-2").
_AT = re.compile(r"\s+(?:in|at|for|on)\s+\S.*$")


def _written(attached: str, sentences: list[Sentence]) -> bool:
    """Whether the article writes every name and number of a role's place or work ("on
    Seraphine-2"): a role "in 273" or "at Greek Acropolis" it never names is no role it
    tells of."""
    text = " ".join(s.text for s in sentences)
    marked = [w for w in re.findall(r"[\w’'-]+", attached) if w[:1].isupper() or w[:1].isdigit()]
    return all(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text) for w in marked)


def _name(role: str, text: str) -> str:
    found = name_beside(role, text, loose=True)
    return text[found[0] : found[1]] if found is not None else ""


def someone_for_the_role(spans: list[ReadSpan], question: str) -> list[ReadSpan]:
    """`spans` for a question asking who holds a person's role ("Who led the project?"),
    each that names no one ("University of Leiden" of "Dr. Liesbeth Vermaat, 52, a
    maritime historian at the University of Leiden who led the project") taken over by
    the reader's runner-up in its sentence where that may be someone and the reader
    believed the span (margin over 0). A body or place named for the role is withheld
    (ArticleQA.decide); the name beside it is what the sentence says holds it. Where the
    runner-up is no one either, the span stays, and is withheld as before."""
    role = role_asked(question)
    if role is None or not held_by_someone(role):
        return spans
    kept = []
    for span in spans:
        beside = span.beside() if span.margin > 0 and not may_be_someone(span.text) else None
        kept.append(beside if beside is not None and may_be_someone(beside.text) else span)
    return kept
