""" "Which country backs Hezbollah?" answered from a compound that names who does it:
"Hezbollah, the Iran-backed Shi'ite militia" -> "Iran"; "the Saudi-led coalition" ->
"Saudi" for "Who leads the coalition?". And the other way round: "Which militia is
backed by Iran?" -> "Hezbollah", the name the compound describes.

News names an actor inside a hyphenated adjective ("Iran-backed", "US-brokered",
"state-run"), where no clause says "Iran backs Hezbollah". The reader, trained on
clauses, gave "Israel" from "with both Israel and Hezbollah showing no signs of backing
down". Only a capitalised first part counts (a name: "Iran", "UN", "Kremlin"), and only
where the compound describes the thing asked about: right before its name ("the
Iran-backed Hezbollah") or in the phrase set beside it ("Hezbollah, the Iran-backed
militia").
"""

from __future__ import annotations

import re

from qa.apposition import apposition, name_pattern
from qa.english import english_words
from qa.verbs import IRREGULAR_PARTICIPLES, IRREGULAR_PASTS, base_form

# "Who backs Hezbollah?", "Which (or what) country backs Hezbollah?", "Who led the coalition?":
# the verb, then what it is done to. "Who is Hezbollah backed by?" / "By whom is
# Hezbollah backed?": the same, passive.
_AUXILIARY = (
    r"(?:is|are|was|were|be|been|do|does|did|has|have|had|can|could|will|would|should|may|might)"
)
# The kind asked for in one word or two ("Which country", "Which Arab country"), or
# requested ("Name the country that backs Hezbollah": the reader gave "Israel").
_ACTIVE = tuple(
    re.compile(
        rf"^(?:who|(?:which|what)\s+(?!{_AUXILIARY}\b)[^\W\d_]+{more}"
        rf"|(?:name|identify)\s+the\s+[^\W\d_]+{more}\s+(?:that|which|who))"
        r"\s+(?P<verb>[a-z]+)\s+(?P<thing>[^?.!]+?)\s*[?.!]*$",
        re.IGNORECASE,
    )
    for more in ("", rf"\s+(?!{_AUXILIARY}\b|that\b|which\b|who\b)[^\W\d_]+")
)
# The same in the progressive: "Who is backing Hezbollah?", "Which country was funding
# the group?" (as typed, "who's backing hezbollah": the reader gave "Israel").
_PROGRESSIVE = re.compile(
    rf"^(?:who|(?:which|what)\s+(?!{_AUXILIARY}\b)[^\W\d_]+)\s+(?:is|are|was|were)\s+"
    r"(?P<verb>[a-z]+ing)\s+(?P<thing>[^?.!]+?)\s*[?.!]*$",
    re.IGNORECASE,
)
# The doer asked for where it would be named: "Who is Hezbollah backed by?", "By whom (or
# which country) is Hezbollah backed?", "Hezbollah is backed by which country?" (typed
# that way, the reader gave "Israel", confident).
_ASKED_DOER = r"(?:who|whom|(?:which|what)\s+[^\W\d_]+)"
_PASSIVE = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^(?:who|which\s+[^\W\d_]+)\s+(?:is|are|was|were)\s+(?P<thing>[^?]+?)\s+"
        r"(?P<verb>[a-z]+)\s+by\s*\??$",
        rf"^by\s+{_ASKED_DOER}\s+(?:is|are|was|were)\s+(?P<thing>[^?]+?)\s+(?P<verb>[a-z]+)\s*\??$",
        rf"^(?!(?:who|what|which|when|where|why|how)\b)(?P<thing>[^?]+?)\s+(?:is|are|was|were)\s+"
        rf"(?P<verb>[a-z]+)\s+by\s+{_ASKED_DOER}\s*\??$",
    )
)
# Auxiliaries, and verbs whose compounds name no actor ("well-known", "so-called").
_NOT_ACTIONS = frozenset(
    "is are was were be been has have had do does did can could will would shall should "
    "may might must call calls called know knows known".split()
)


def asked_action(question: str) -> tuple[str, str] | None:
    """(the verb's base form, the thing it is done to) of a question asking who does
    something to a thing ("Who backs Hezbollah?" -> ("back", "Hezbollah")), or None."""
    text = question.strip()
    for pattern in _PASSIVE:
        passive = pattern.match(text)
        if passive is not None:
            base = _base(passive["verb"].lower())
            return (base, passive["thing"].strip()) if base is not None else None
    progressive = _PROGRESSIVE.match(text)
    if progressive is not None:
        base = _base_of_ing(progressive["verb"].lower())
        return (base, progressive["thing"].strip()) if base is not None else None
    for pattern in _ACTIVE:
        active = pattern.match(text)
        if active is None or active["verb"].lower() in _NOT_ACTIONS:
            continue
        base = _base(active["verb"].lower())
        if base is not None:
            return base, active["thing"].strip()
    return None


def _base(verb: str) -> str | None:
    """A verb's base form from its past ("led", "funded": qa.verbs.base_form) or its
    "-s" form ("backs", "pushes")."""
    past = base_form(verb)
    if past is not None:
        return past
    if not verb.endswith("s"):
        return None
    known = english_words()
    for base in (verb[:-2] if verb.endswith("es") else "", verb[:-1]):
        if len(base) > 2 and base in known:
            return base
    return None


def _base_of_ing(verb: str) -> str | None:
    """A verb's base form from its "-ing" form: "backing", "running" (a doubled last
    consonant), "making" (a dropped "e"); None where no English verb fits."""
    stem = verb[:-3]
    known = english_words()
    doubled = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""
    for base in (stem, doubled, f"{stem}e"):
        if base in _NOT_ACTIONS:  # "being" (never "bee"), "doing", "having"
            return None
        if len(base) > 1 and base in known:
            return base
    return None


def _forms(base: str) -> set[str]:
    """The past participles a verb may have: regular ("backed", "funded", "controlled",
    "carried") or irregular ("led", "made", "run", "driven")."""
    forms = {f"{base}ed", f"{base}d", f"{base}{base[-1]}ed"}
    if base.endswith("y"):
        forms.add(f"{base[:-1]}ied")
    forms |= {past for past, of in IRREGULAR_PASTS.items() if of == base}
    forms |= {base, f"{base}n", f"{base}en", f"{base[:-1]}en"} & IRREGULAR_PARTICIPLES
    return forms


def _participles(base: str) -> str:
    """The past participles `base` may have (`_forms`), as one alternation."""
    return "|".join(sorted(re.escape(p) for p in _forms(base)))


def _compound_parts(asked: tuple[str, str] | None) -> tuple[str, str] | None:
    """(the pattern of the name asked about, the verb's participles) of what a question
    asks (asked_action's or asked_thing's pair); None where it asks neither or the name
    is empty."""
    if asked is None:
        return None
    base, named = asked
    name = name_pattern(named)
    return (name, _participles(base)) if name is not None else None


# The actor: one to three capitalised words ("Iran", "European Union", "U.S."), not a
# determiner opening the sentence ("The Saudi-led coalition": "Saudi").
_AGENT = (
    r"(?<![\w.-])(?!(?:The|A|An|This|That|These|Those)\s)"
    r"(?-i:[A-Z])(?:\w|\.(?=\w))*(?:\s(?-i:[A-Z])(?:\w|\.(?=\w))*){0,2}"
)


def agent(question: str, sentence: str) -> tuple[int, int] | None:
    """Where, in `sentence`, the actor the question asks about is (start, end): the
    capitalised first part of a compound of the question's verb that describes the
    thing asked about; None where the sentence has none."""
    asked = asked_action(question)
    parts = _compound_parts(asked)
    if asked is None or parts is None:
        return None
    thing = asked[1]
    name, participles = parts
    compound = rf"(?P<agent>{_AGENT})-(?:{participles})\b"
    # Right before the thing's name: "the Iran-backed Hezbollah".
    before = re.search(rf"{compound}(?:\s+[\w’'-]+){{0,3}}?\s+(?i:{name})\b", sentence)
    if before is not None:
        return before.span("agent")
    # In the phrase set beside its name: "Hezbollah, the Iran-backed Shi'ite militia".
    beside = apposition(thing, sentence)
    if beside is None:
        return None
    inside = re.search(compound, sentence[beside[0] : beside[1]])
    if inside is None:
        return None
    return beside[0] + inside.start("agent"), beside[0] + inside.end("agent")


# "Which militia is backed by Iran?", "What group is Iran-backed?" (or "Iran backed", as
# typed): the kind asked for (one word or two), the actor and the verb. "What militia
# does Iran back?", "Who does Iran back?": the same, active. "What is the Iran-backed
# militia?": the actor's compound with the kind asked for. "Name the militia backed by
# Iran", "name the militia Iran backs": the same, requested. Each with the form its verb
# is in: a participle ("backed"), the base form ("does Iran back") or the present ("backs").
_KIND_WORD = rf"(?!{_AUXILIARY}\b)[^\W\d_]+"
_KIND = rf"(?:who|whom|(?:which|what)\s+{_KIND_WORD}(?:\s+{_KIND_WORD})?)"
_ACTOR = r"(?P<actor>[^\W\d_][\w.'’]*(?:\s+[^\W\d_][\w.'’]*){0,2})"
_DONE_TO = tuple(
    (re.compile(pattern, re.IGNORECASE), form)
    for pattern, form in (
        (
            rf"^{_KIND}\s+(?:is|are|was|were)\s+(?P<verb>[a-z]+)\s+by\s+{_ACTOR}\s*\??$",
            "participle",
        ),
        # A request: "Name the militia backed by Iran" (the reader gave "Shi'ite", confident).
        (
            rf"^(?:name|identify)\s+the\s+{_KIND_WORD}(?:\s+(?!that\b|which\b){_KIND_WORD})?"
            r"\s+(?:(?:that|which)\s+(?:is|are|was|were)\s+)?"
            rf"(?P<verb>[a-z]+)\s+by\s+{_ACTOR}\s*[?.!]*$",
            "participle",
        ),
        # "name the militia (that) Iran backs"
        (
            rf"^(?:name|identify)\s+the\s+{_KIND_WORD}\s+(?:(?:that|which)\s+)?{_ACTOR}"
            r"\s+(?P<verb>[a-z]+s)\s*[?.!]*$",
            "present",
        ),
        (rf"^{_KIND}\s+(?:do|does|did)\s+{_ACTOR}\s+(?P<verb>[a-z]+)\s*\??$", "base"),
        (rf"^{_KIND}\s+(?:is|are|was|were)\s+{_ACTOR}[-\s](?P<verb>[a-z]+)\s*\??$", "participle"),
        (
            rf"^(?:who|what|which)\s+(?:is|are|was|were)\s+the\s+{_ACTOR}-(?P<verb>[a-z]+)"
            r"(?:\s+[^\W\d_]+){1,2}\s*\??$",
            "participle",
        ),
    )
)


# A request's full stop ("Name the militia backed by Iran."), not an initial's ("the U.S.").
_REQUEST_STOP = re.compile(r"(?<=[a-z])\.\s*$")


def asked_thing(question: str) -> tuple[str, str] | None:
    """(the verb's base form, the actor) of a question asking what an actor does
    something to ("Which militia is backed by Iran?" -> ("back", "Iran")), or None."""
    text = _REQUEST_STOP.sub("", question.strip())
    for pattern, form in _DONE_TO:
        found = pattern.match(text)
        if found is None or found["verb"].lower() in _NOT_ACTIONS:
            continue
        verb = found["verb"].lower()
        if form == "participle":
            base = base_form(verb)
        elif form == "present":  # "backs"
            base = _base(verb)
        else:
            base = verb
        if base is not None and base in english_words():
            return base, found["actor"]
    return None


# The name a compound describes: one to four capitalised words, just before the phrase
# set beside it ("Hezbollah, the Iran-backed militia") or just after the compound and at
# the end of its noun phrase ("the Iran-backed Hezbollah,").
_NAME = r"(?-i:[A-Z])[\w’'.-]*(?:\s+(?-i:[A-Z])[\w’'.-]*){0,3}"
_PHRASE_END = r"(?=\s*(?:[,.;:)]|$)|\s+(?:that|which|who|has|have|had|is|was|were|are|and)\b)"


def described(question: str, sentence: str) -> tuple[int, int] | None:
    """Where, in `sentence`, the name the question asks for is (start, end): the name a
    compound of the question's actor and verb describes; None where there is none."""
    parts = _compound_parts(asked_thing(question))
    if parts is None:
        return None
    name, participles = parts
    compound = rf"(?<![\w-])(?i:{name})-(?:{participles})\b"
    beside = re.search(
        rf"(?P<name>{_NAME}),\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,3}}?{compound}", sentence
    )
    if beside is not None:
        return beside.span("name")
    after = re.search(rf"{compound}\s+(?P<name>{_NAME}){_PHRASE_END}", sentence)
    if after is not None:
        return after.span("name")
    return None


_NAMED_COMPOUND = re.compile(r"(?<![\w-])(?-i:[A-Z])[\w.]*-(?-i:[a-z])+\b")


def has_named_compound(text: str) -> bool:
    """Whether `text` has a compound whose first part has a capital ("Iran-backed"):
    where it has none, no question is answered from one (and nothing is looked up)."""
    return _NAMED_COMPOUND.search(text) is not None
