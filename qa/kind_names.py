"""The one name of the kind a question asks for: "Which dam released the water?" where the
article names one dam, "the Kessel Ridge Dam".

The reader answered "Tamsin Valley Power" (the company that runs it), "Which court handed
down the ruling?" with an alliance of residents, "Which river was polluted?" with
"river". A name whose last or first word is the kind asked, capitalised as names are
("Kessel Ridge Dam", "Eastern District Environmental Court", "Lake Constance"), is of
that kind; where the article names one such, wherever it does (often only in its
opening, which the question need not match), it is the answer qa.bot gives instead of a
span of no such name, scored as the question's best sentence is.
"""

from __future__ import annotations

import re

from qa.person_nouns import names_a_role

# "Which dam ...?", "In which river ...?", "What court ...?": the noun after the question
# word.
_OPENING = re.compile(r"^(?:\w+\s+)?(?:which|what)\s+(?P<kind>[a-z]+)\b", re.IGNORECASE)
# Kinds of place and institution whose names end in the kind's word ("Kessel Ridge Dam",
# "Sallow River", "Harlow County Superior Court"). Not parties, companies or groups: the
# Green Alliance is a party, BlackTide a group, and no name says so; nor streets ("Juniper
# Lane") or ports ("the port of Rostad").
NAMED_KINDS = frozenset(
    "dam river lake reservoir canal bridge tunnel bay strait sea ocean island mountain "
    "volcano glacier valley park forest court museum gallery hospital clinic university "
    "college school academy library airport station stadium arena prison cathedral church "
    "mosque temple palace castle tower mine refinery hotel".split()
)


def kind_asked(question: str) -> str | None:
    """The kind of place or institution `question` asks which one of ("dam"), or None:
    for no such question, another kind, or a person's role after it ("Which court
    official ...?": qa.role_holder asks those)."""
    found = _OPENING.match(question.strip())
    if found is None:
        return None
    kind = found["kind"].lower()
    after = question.strip()[found.end() :].split()
    # "Which party leader ...?" asks for a person (qa.role_holder).
    if kind not in NAMED_KINDS or (after and names_a_role(after[0])):
        return None
    return kind


# Capitalised words that open a sentence, not a name: "At St. Aldric's General Hospital,
# ..." names "St. Aldric's General Hospital".
_NOT_IN_NAMES = "(?:The|A|An|At|In|On|From|To|By|For|With|Near|Inside|Outside|Into)"


def _name_pattern(kind: str) -> re.Pattern[str]:
    # One to four capitalised words, then the kind capitalised: "Kessel Ridge Dam"; or the
    # kind first: "Lake Constance", "River Thames". Either may go on with what it is of:
    # "the Calloway Regional Museum of Art", "the University of Leeds".
    kind = kind.capitalize()
    of = r"(?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})?"
    return re.compile(
        rf"(?<![\w’'-])(?:(?:(?!{_NOT_IN_NAMES}\b)[A-Z][\w’'&.-]*\s+){{1,4}}{kind}\b{of}"
        rf"|{kind}(?:\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,2}}|(?=\s+of\s){of}))"
    )


def names_of_kind(kind: str, texts: list[str]) -> list[str]:
    """The distinct names of that kind the texts write, in order of first mention."""
    pattern = _name_pattern(kind)
    names: list[str] = []
    for text in texts:
        for found in pattern.finditer(text):
            if found.group() not in names:
                names.append(found.group())
    return names


# Other words names use for a kind: "Fenby Royal Infirmary" is a hospital, "Grauspitz
# Peak" a mountain; a name of the kind by another word is the reader's to give.
_ALSO_CALLED = {
    "hospital": ("infirmary", "clinic"),
    "mountain": ("mount", "peak", "hill"),
    "prison": ("jail", "gaol", "penitentiary"),
    "church": ("chapel", "cathedral", "abbey", "basilica"),
    "court": ("tribunal",),
    "hotel": ("inn",),
    "airport": ("airfield", "aerodrome"),
    "lake": ("loch",),
    "museum": ("gallery",),
}


def of_kind(kind: str, answer: str) -> bool:
    """Whether `answer` says its kind: holds the kind's word ("the Kessel Ridge Dam",
    "the dam") or another word names use for it ("Fenby Royal Infirmary")."""
    words = "|".join(re.escape(word) for word in (kind, *_ALSO_CALLED.get(kind, ())))
    return re.search(rf"\b(?:{words})\b", answer, re.IGNORECASE) is not None


def locate(name: str, text: str) -> tuple[int, int] | None:
    """Where `text` writes `name`, or None."""
    found = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
    return found.span() if found is not None else None
