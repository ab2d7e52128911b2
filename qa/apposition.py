""" "What is Hezbollah?" answered with the phrase the article sets beside the name:
"Hezbollah, the Iran-backed Shi'ite militia that ..." -> "the Iran-backed Shi'ite militia".

News introduces what it tells of in apposition, a noun phrase after the name and a comma.
Retrieval ranks the sentences that only mention the name above it (BM25 favours short
ones), and the reader, reading those, found nothing ("What is Hezbollah?" was not
found). The phrase runs from its article to the next comma, stop or relative clause; a
list ("Israel, the US and France") is no apposition, so a phrase holding "and" before a
capital is left to the reader.

Where no phrase follows the name, news often puts its description before it, as a title:
"designed by the architecture firm MVRDV" -> "the architecture firm" (the reader had read
"a mirrored bowl-shaped building", the phrase set beside another name of that sentence).
Only after a preposition, a determiner and lower-case words that are neither function
words ("the disarmament of Hezbollah" describes no Hezbollah) nor verbs' "-ing" and "-ed"
forms count.
"""

from __future__ import annotations

import re

from qa.acronyms import initials_of
from qa.demonyms import is_people_word, people_of
from qa.english import common_words
from qa.person_nouns import may_be_someone, names_a_role
from qa.referring import (
    AUXILIARIES,
    DETERMINERS,
    LEADING_CONJUNCTIONS,
    PERSONAL,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    WH,
)
from qa.verbs import is_verb_form

# The phrase: a determiner or a name's possessive ("Scandinavia's"), then words up to a
# comma, stop, bracket or relative pronoun.
_PHRASE = (
    r"(?P<phrase>(?:the|a|an|(?-i:[A-Z])[\w-]*[’']s)\s+[^,.;:()]*?)"
    r"(?=\s+(?:that|which|who|whose|where)\b|[,.;:()]|$)"
)
_LISTED = re.compile(r"\band\s+(?-i:[A-Z])", re.IGNORECASE)
# Words a title is not made of ("the disarmament of Hezbollah" describes no Hezbollah).
_NOT_IN_TITLE = (
    AUXILIARIES
    | PREPOSITIONS
    | DETERMINERS
    | LEADING_CONJUNCTIONS
    | WH
    | frozenset("not no its his her their our that this these those".split())
)
# Not verbs: "-ing" and "-ed" words unless hyphenated ("Iran-backed" is an adjective).
_TITLE_WORD = (
    rf"(?!(?:{'|'.join(sorted(_NOT_IN_TITLE))})\b)(?!(?-i:[a-z])+(?:ing|ed)\b)(?-i:[a-z])[\w-]*"
)
# A title before the name: after a preposition (in subject position "the army struck
# Hezbollah" could not be told from one), a determiner, then one to four such words.
# Prepositions that also join clauses ("after the army struck ...") do not count.
_BEFORE_TITLE = sorted(PREPOSITIONS - frozenset("after before since until".split()))
_TITLE = (
    rf"\b(?:{'|'.join(_BEFORE_TITLE)})\s+"
    rf"(?P<phrase>(?-i:the|a|an)(?:\s+{_TITLE_WORD}){{1,4}})"
)


_TITLE_BEFORE = re.compile(rf"(?i:{_TITLE})\s+$")
# A description, then the name it goes by: "The drug, called lumenastat", "A group
# calling itself ShadowNet".
_CALLED = re.compile(
    rf"(?P<phrase>\b(?i:the|a|an)(?:\s+{_TITLE_WORD}){{1,4}})\s*,?\s+"
    r"(?:called|named|known\s+as|dubbed|calling\s+(?:itself|themselves))\s+"
)


def name_pattern(topic: str) -> str | None:
    """The topic as a pattern of its words, less a leading determiner; None if empty. An
    owner's noun matches as either form: "Hezbollah's chief of staff" as "chief of staff
    of Hezbollah" too."""
    words = topic.split()
    if words and words[0].lower() in DETERMINERS:
        words = words[1:]
    if not words:
        return None
    owned = _OWNED.match(" ".join(words)) or _OWNED_AFTER.match(" ".join(words))
    if owned is None:
        return _words_pattern(words)
    owner, noun = owned["owner"], _words_pattern(owned["noun"].split())
    # The owner also by its initials: "KEG's chief executive" for Karbonia Energy Group's;
    # and by its first word, as news shortens a firm's name after the first mention
    # ("Kestrel's managing director" for Kestrel Inland Freight's), where that word is no
    # common English one ("New" of "New Harbour Ferries").
    initials = initials_of(owner)
    first = owner.split()[0]
    shortened = re.escape(first) if " " in owner and first.lower() not in common_words() else None
    owner = r"\s+".join(re.escape(word) for word in owner.split())
    forms = [owner, *(f for f in (initials, shortened) if f is not None)]
    if len(forms) > 1:
        owner = f"(?:{'|'.join(forms)})"
    # "Aster's spokesperson", "spokesperson of Aster", and as news titles one: "Aster
    # spokeswoman Dana Whitfield".
    return rf"(?:{owner}[’']s\s+{noun}|{noun}\s+of\s+{owner}|(?-i:{owner})\s+{noun})"


# A role's word in any of its forms for a man, a woman or anyone: asked "Who is Aster's
# spokesperson?", the article wrote "Aster spokeswoman Dana Whitfield".
_SPOKES = ("spokesperson", "spokeswoman", "spokesman")
_CHAIRS = ("chairperson", "chairwoman", "chairman", "chair")
_GENDERED = {
    **dict.fromkeys(_SPOKES, r"spokes(?:person|woman|man)"),
    **dict.fromkeys(_CHAIRS, r"chair(?:person|woman|man)?"),
    # And a role's initials ("Who's the CEO?" where the article writes "chief executive").
    "ceo": r"(?:ceo|chief\s+executive(?:\s+officer)?)",
    "cfo": r"(?:cfo|chief\s+financial\s+officer)",
    "coo": r"(?:coo|chief\s+operating\s+officer)",
    "cto": r"(?:cto|chief\s+technology\s+officer)",
}
# A role's initials as typed ("Who is the CEO of Northvale?"): read in small letters, as
# the role's other words are.
_ROLE_INITIALS = re.compile(r"\b(?:CEO|CFO|COO|CTO)\b")


def held_by_someone(role: str) -> bool:
    """Whether a role asked is a person's ("the referee of the final", "the leader of
    the group"), not a thing's ("the capital of Peru")."""
    return may_be_someone(role.split(" of ", 1)[0])


def noun_of(role: str) -> str:
    """The noun of a role asked, as asked: "referee" of "the referee of the final"."""
    return role.split(" of ", 1)[0].split()[-1]


def role_noun(role: str) -> re.Pattern[str]:
    """The noun of a role asked (noun_of), in any of its forms (_GENDERED): what a
    sentence must write to name the role's holder."""
    return re.compile(rf"\b{_words_pattern([noun_of(role)])}\b", re.IGNORECASE)


def written_role(role: str, sentence: str) -> str:
    """The role with its noun in the form `sentence` writes it: "the spokeswoman of
    Aster" for "the spokesperson of Aster" where the sentence has "Aster spokeswoman"."""
    found = role_noun(role).search(sentence)
    noun = noun_of(role)
    if found is None or found.group().lower() == noun.lower():
        return role
    head, of, owner = role.partition(" of ")
    return f"{head.rsplit(' ', 1)[0]} {found.group()}{f' of {owner}' if of else ''}"


def _words_pattern(words: list[str]) -> str:
    """Words as a pattern, a role's word in each of its forms (_GENDERED)."""
    return r"\s+".join(_GENDERED.get(word.lower(), re.escape(word)) for word in words)


# "Hezbollah's chief of staff": an owner (a name) and what is theirs; or the other way
# round, "the chief executive of Solvik" (the determiner gone).
_OWNED = re.compile(r"^(?P<owner>(?-i:[A-Z])[^\s’']*(?:\s+(?-i:[A-Z])\S*)*)[’']s\s+(?P<noun>.+)$")
_OWNED_AFTER = re.compile(
    r"^(?P<noun>(?-i:[a-z])[\w-]*(?:\s+(?-i:[a-z])[\w-]*)*)\s+of\s+"
    r"(?P<owner>(?-i:[A-Z])[^\s’']*(?:\s+(?-i:[A-Z])[^\s’']*)*)$"
)


def apposition(topic: str, sentence: str) -> tuple[int, int] | None:
    """Where, in `sentence`, the noun phrase in apposition to `topic` is (start, end), or
    None where the sentence sets none beside it."""
    name = name_pattern(topic)
    if name is None:
        return None
    # A name quoted whole may have its closing mark either side of the comma ("the ‘chief
    # of staff of Hezbollah,’ a high-ranking official ..."); a name the quotation only
    # ends ("Hezbollah" there) is no name set apart.
    found = re.search(rf"\b{name}\s*,\s+{_PHRASE}", sentence, re.IGNORECASE) or re.search(
        rf"[‘“'\"]{name}[’”'\"]?\s*,[’”'\"]?\s+{_PHRASE}", sentence, re.IGNORECASE
    )
    if found is not None and not _LISTED.search(found["phrase"]):
        return found.span("phrase")
    if found is not None:
        return None
    return _title(name, sentence)


def called_before(topic: str, sentence: str) -> tuple[int, int] | None:
    """Where, in `sentence`, the description set before the name `topic` goes by is
    ("The drug" of "The drug, called lumenastat, ..."), or None. Weaker than a phrase
    after the name: "a mysterious creature named Midna" says less than "Midna, a small
    imp-like creature", so it is looked for only where no sentence has that."""
    name = name_pattern(topic)
    if name is None:
        return None
    called = _CALLED.search(sentence)
    while called is not None:
        if re.match(rf"(?i:{name})\b", sentence[called.end() :]):
            return called.span("phrase")
        called = _CALLED.search(sentence, called.end())
    return None


def _title(name: str, sentence: str) -> tuple[int, int] | None:
    """Where the title set before the name is ("the architecture firm MVRDV"), or None;
    only a name written with a capital has one ("a wide glacial alpine valley" is no
    title of "glacial alpine valley")."""
    # The name found first, then the title looked for right before it with a pattern
    # compiled once: the whole pattern compiled per name cost ~2 ms for every new one.
    for found in re.finditer(rf"\b(?i:{name})\b", sentence):
        before = _TITLE_BEFORE.search(sentence, 0, found.start())
        if before is not None:
            return before.span("phrase") if found.group()[0].isupper() else None
    return None


# Words before a title's noun at the sentence's start ("Regional president", "Chief
# executive"): a capitalised word, then lower-case ones.
_OPENING_WORDS = re.compile(r"^[\s\"“‘']*(?-i:[A-Z][a-z-]+)(?:\s+(?-i:[a-z][\w-]*)){0,2}\s+$")


def whole_title(topic: str, sentence: str, start: int, end: int) -> int:
    """Where the title that sentence[start:end] ends should start: earlier, at the
    sentence's start, where the span is a title the reader cut short before the name
    `topic` ("president" of "Regional president Carlos Mazón declared ..." for "Who is
    Mazón?" -> "Regional president"); `start` otherwise. Only words that are neither
    function words nor verb forms ("Police said Smith ..." has no title), and only where
    the name follows the span."""
    name = name_pattern(topic)
    if name is None or start == 0:
        return start
    follows = re.match(rf"\s+(?:(?-i:[A-Z])[\w’'-]*\s+){{0,3}}(?i:{name})\b", sentence[end:])
    before = _OPENING_WORDS.match(sentence[:start])
    if follows is None or before is None:
        return start
    found = re.findall(r"[\w-]+", before.group() + sentence[start:end])
    if any(word.lower() in _NOT_IN_TITLE or is_verb_form(word) for word in found):
        return start
    return len(before.group()) - len(before.group().lstrip(" \t\"“‘'"))


# A name: capitalised words ("Levante Obras", "Hezbollah", "Ain al-Hilweh": small joining
# words between capitals allowed).
# A courtesy title may open it ("Dr. Halina Veskovar": not "Dr" alone).
_NAME = (
    r"(?:(?-i:Dr|Prof|Mr|Mrs|Ms|Gen|Col|Capt|Lt|Sgt|Rev|Sen|Rep|Gov)\.\s+)?"
    r"(?-i:[A-Z])[\w’'-]*(?:\s+(?:(?-i:[a-z]{1,3})\s+)?(?-i:[A-Z])[\w’'-]*){0,4}"
)


def name_beside(kind: str, sentence: str, loose: bool = False) -> tuple[int, int] | None:
    """Where, in `sentence`, the name set beside a description of the `kind` asked for is
    (start, end): "Levante Obras" of "the company, Levante Obras," for "the company";
    "Hezbollah" of "Hezbollah, the Iran-backed Shi’ite militia" for "the militia". What
    "What is the company called?" asks (the reader gave nothing it believed, and
    "Shi’ite" for the militia). None where no name is set beside such a description."""
    name = name_pattern(kind)
    if name is None:
        return None
    # The description's words before its noun: lower case ("the Iran-backed Shi’ite" holds
    # capitals inside words, never a name's run of them).
    # "The sculpture, ..." opening the sentence has its capital. No "of" before the noun:
    # "head of sculpture" describes a head, not a sculpture.
    described = (
        rf"(?:\b(?-i:the|a|an)|^(?-i:The|A|An))\s+(?:(?!of\s)[\w’'-]+\s+){{0,3}}?(?i:{name})"
    )
    if loose:
        # Who holds a role, asked where the reader found no one: the role also without
        # "the" or after an owner ("Veridian's chief executive").
        described = (
            rf"(?:\b(?-i:the|a|an)\s+(?:[\w’'-]+\s+){{0,3}}?|(?-i:[A-Z])[\w-]*[’']s\s+)?"
            # Not a role's after a hyphen: "The vice-chancellor" is no chancellor (h48).
            rf"(?<![\w-])(?i:{name})"
        )
    # Read loosely, the name may follow its own description in small letters: "Its chair,
    # retired schoolteacher Alan Whitcombe, said ..." (no article: a name's title).
    described_too = r"(?:(?-i:[a-z])[\w-]*\s+){0,3}" if loose else ""
    # And where the role is held: "Ostrevia's ambassador in Aldersund, Radu Velkan",
    # "Russia's envoy to Lebanon, Ivan Petrov".
    posted = (
        r"(?:\s+(?-i:in|at|to)\s+(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){0,2})?"
        if loose
        else ""
    )
    # A work's name is quoted: 'The sculpture, "The Heron Dancer," a 94-centimetre figure'.
    after = re.search(
        rf"{described}(?P<posted>{posted})\s*,\s+{described_too}[\"“‘]?(?P<name>{_NAME})"
        r"(?=\s*(?:[,.;:]|$)|,?[\"”’])",
        sentence,
    )
    # After a place, a name of one word is the place's state or country ("a mother of
    # twins in El Paso, Texas"), not the holder.
    one_word = after is not None and after["posted"] and len(after["name"].split()) < 2
    if after is not None and not one_word and not _LISTED.search(after["name"]):
        return after.span("name")
    # Not the kind's possessive: "Maria Lopez, the union's regional secretary" is no union.
    # Read loosely, an age may stand between them: "Marcus Oyelaran, 44, Northvale's chief
    # information security officer", the way news sets a person beside a role.
    aged = r"(?:\d{1,3}\s*,\s+)?" if loose else ""
    before = re.search(rf"(?P<name>{_NAME})\s*,\s+{aged}{described}\b(?![’']s\b)", sentence)
    opens = before is not None and (before.start("name") > 0 or (loose and _opens_name(before)))
    if before is not None and opens and not _LISTED.search(before["name"]):
        return before.span("name")
    if not loose:
        return None
    # The kind as a title before the name: "United manager Ingrid Halvorsen", "from
    # goalkeeper Tomás Ferreira", and capitalised as titles are: "Judge Mirela Ostrava",
    # "Provincial Fire Commissioner Renata Solberg".
    titled = re.search(
        rf"(?<![\w’'-])(?i:{name})\s+(?P<name>{_NAME})(?=\s*(?:[,.;:]|$)|\s+(?-i:[a-z]))",
        sentence,
    )
    if titled is not None and not _LISTED.search(titled["name"]):
        return titled.span("name")
    return None


def _opens_name(before: re.Match[str]) -> bool:
    """Whether a name found opening its sentence, before a description, is one: a
    sentence's first word is capitalised whatever it is ("Meanwhile, the company ...",
    "In Beirut, the ..."), so only two or more words not opening with a function word
    ("Helen Okafor, the town's mayor, ...")."""
    found = before["name"].split()
    return len(found) > 1 and found[0].lower() not in _NOT_IN_TITLE


# "What is the company called?", "What was the name of the militia?", "What is the
# rocket's name?": the name of a kind of thing, in lower case (a name asked about is
# described: `apposition`).
_NAME_ASKED = re.compile(
    r"^what\s+(?:is|was|are|were)\s+(?:"
    r"(?P<called>(?:the|a|an)\s+[^?]+?)\s+called"
    r"|the\s+names?\s+of\s+(?P<of>(?:the|a|an)\s+[^?]+?)"
    r"|(?P<owner>(?:the|a|an)\s+[^?]+?)[’']s\s+names?"
    r")\s*\??$",
    re.IGNORECASE,
)
# "Who was the referee?", "Who is the transport minister?": the name that holds a role,
# in small letters. An event the role is of is left out ("the referee of the final" is
# "the referee, Paul Hendry"); an owner is kept ("the chief executive of Solvik" is not
# Veridian's).
_ROLE_ASKED = re.compile(
    r"^who\s+(?:is|was)\s+(?P<role>the(?:\s+(?-i:[a-z])[\w-]*){1,4}?)"
    r"(?:\s+(?P<of>(?:of|in|at|for|on)\s+(?P<owner>\S.*?)))?\s*\??$",
    re.IGNORECASE,
)


# "What is lumenastat?": a word the article writes in lower case, asked about alone.
_WORD_DESCRIBED = re.compile(
    r"^what\s+(?:is|was|are|were)\s+(?P<word>[^\W\d_][\w-]*)\s*\??$", re.IGNORECASE
)


def word_described(question: str) -> str | None:
    """The one word "What is lumenastat?" asks about, written in lower case (a name with
    a capital or a noun phrase is `described_thing`'s), or None. Only its apposition
    answers it; where the article sets none beside the word, the reader reads the
    question as asked."""
    asked = _WORD_DESCRIBED.match(question.strip())
    if asked is None:
        return None
    word = asked["word"]
    if word.lower() in _NOT_IN_TITLE | SUBJECT_PRONOUNS or is_verb_form(word):
        return None  # "What is included?" asks what was done, not what a word names
    return word


# "How does the article describe Hezbollah?", "How is Hamas described?": what the
# article says the thing is, as "What is Hezbollah?" asks.
_HOW_DESCRIBED = re.compile(
    r"^how\s+(?:(?:does|do|did)\s+(?:the\s+(?:article|text|story|report|piece)|it|they)\s+"
    r"(?:describe|characteri[sz]e|call)\s+(?P<thing>.+?)"
    r"|(?:is|are|was|were)\s+(?P<passive>.+?)\s+(?:described|characteri[sz]ed))"
    r"(?:\s+(?:in|by)\s+the\s+(?:article|text|story|report|piece))?\s*\?*$",
    re.IGNORECASE,
)


def thing_described(question: str) -> str | None:
    """X of "How does the article describe X?" or "How is X described?", or None."""
    asked = _HOW_DESCRIBED.match(question.strip())
    if asked is None:
        return None
    thing = asked["thing"] or asked["passive"]
    return None if thing.lower() in SUBJECT_PRONOUNS | PERSONAL else thing


def kind_named(question: str) -> str | None:
    """The kind of thing whose name `question` asks for ("the company" of "What is the
    company called?"), or None: for another question, or where the thing is a name
    already ("What is Hezbollah called?")."""
    asked = _NAME_ASKED.match(question.strip())
    if asked is None:
        return None
    kind = asked["called"] or asked["of"] or asked["owner"]
    words = kind.split()
    if any(word[:1].isupper() for word in words[1:]) or len(words) > 5:
        return None
    return kind[:1].lower() + kind[1:]


def kind_head(kind: str) -> str | None:
    """The kind's noun alone where words in small letters describe it ("the sculpture" of
    "the stolen sculpture"); None for a kind of one word, or of a name's ("Aster's
    spokesperson"), or with "of" in it ("the head of sculpture")."""
    words = kind.split()
    if words and words[0].lower() in DETERMINERS:
        words = words[1:]
    if len(words) < 2 or any(not word.isalpha() or not word.islower() for word in words):
        return None
    if "of" in words:
        return None
    # What follows the noun: "the sculpture stolen from calloway" is a sculpture.
    cut = next((i for i, word in enumerate(words) if word in PREPOSITIONS), len(words))
    described = words[:cut]
    while len(described) > 1 and is_verb_form(described[-1]):
        described = described[:-1]
    return f"the {described[-1]}" if described else None


# "Who is Solvik's chief executive?": a name's role.
_OWNERS_ROLE_ASKED = re.compile(
    r"^who\s+(?:is|was)\s+(?P<owner>(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){0,2})[’']s\s+"
    r"(?P<role>(?-i:[a-z])[\w-]*(?:\s+(?-i:[a-z])[\w-]*){0,3})\s*\??$",
    re.IGNORECASE,
)


# "Who is the town's fire chief?", "Who was the club's manager?": a role whose owner is
# named by its kind, which the article names otherwise (or not at all): the role alone,
# as "the referee of the final" is the referee.
_KINDS_ROLE_ASKED = re.compile(
    r"^who\s+(?:is|was)\s+the\s+(?-i:[a-z])[\w-]*(?:\s+(?-i:[a-z])[\w-]*)?[’']s\s+"
    r"(?P<role>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,3})\s*\??$",
    re.IGNORECASE,
)


# "Who is the Aster spokesperson?" (as "aster spokesperson" is read): the owner as a
# title before the role.
_TITLED_ROLE_ASKED = re.compile(
    r"^who\s+(?:is|was)\s+the\s+(?P<owner>(?-i:[A-Z])\w*(?:\s+(?-i:[A-Z])\w*){0,2})\s+"
    r"(?P<role>(?-i:[a-z])[\w-]*(?:\s+(?-i:[a-z])[\w-]*){0,3})\s*\??$",
    re.IGNORECASE,
)


_TITLED_ROLE_ASKED_BARE = re.compile(
    r"^who\s+(?:is|was)\s+(?P<owner>(?-i:[A-Z])\w*(?:\s+(?-i:[A-Z])\w*){0,2})\s+"
    r"(?P<role>(?-i:[a-z])[\w-]*(?:\s+(?-i:[a-z])[\w-]*){0,3})\s*\??$",
    re.IGNORECASE,
)


# "Who leads the group?", "Who heads the agency?", "Who refereed the final?": the holder of
# the office the verb names.
_HOLDER = {
    **dict.fromkeys(("leads", "led"), "leader"),
    **dict.fromkeys(("heads", "headed"), "head"),
    **dict.fromkeys(("chairs", "chaired"), "chair"),
    **dict.fromkeys(("commands", "commanded"), "commander"),
    **dict.fromkeys(("directs", "directed"), "director"),
    **dict.fromkeys(("coaches", "coached"), "coach"),
    **dict.fromkeys(("manages", "managed"), "manager"),
    **dict.fromkeys(("governs", "governed"), "governor"),
    **dict.fromkeys(("captains", "captained"), "captain"),
    **dict.fromkeys(("referees", "refereed"), "referee"),
    **dict.fromkeys(("umpires", "umpired"), "umpire"),
    # "Who runs the company?", "Who is in charge of IT?": its head, by whatever title
    # (qa.role_holder.TOPS).
    **dict.fromkeys(("runs", "ran", "run"), "head"),
}
# "Who is leading the excavation?", "who's running the dig": the same, as it goes on.
_HOLDER_ING = {
    "leading": "leader",
    "heading": "head",
    "chairing": "chair",
    "commanding": "commander",
    "directing": "director",
    "coaching": "coach",
    "managing": "manager",
    "running": "head",
}


def holder_verbs(noun: str) -> list[str]:
    """The verbs whose doer holds the office `noun` is ("chair": "chairs", "chaired",
    "chairing"), as questions ask for its holder by them."""
    return [
        verb for table in (_HOLDER, _HOLDER_ING) for verb, held in table.items() if held == noun
    ]


_LED_BY = re.compile(
    rf"^who(?:\s+(?P<verb>{'|'.join(_HOLDER)})"
    rf"|(?:\s+is|\s+was|[’']s)\s+(?P<going>{'|'.join(_HOLDER_ING)})"
    r"|(?:\s+is|\s+was|[’']s)\s+in\s+charge\s+of)\s+"
    r"(?P<owner>(?:the\s+|(?-i:[A-Z]))\S.*?)\s*\??$",
    re.IGNORECASE,
)


# Roles of whoever heads something, by whatever title (qa.role_holder.TOPS): nobody's
# alone, so the head of whatever the question names, even in small letters ("the leader
# of the group"); a referee of "the final" is the referee.
HEADS = ("the head", "the boss", "the leader")


def role_asked(question: str) -> str | None:
    """The role whose holder "Who was the referee of the final?" asks for ("the
    referee"); with its owner where a name owns it ("the chief executive of Solvik"), or
    None."""
    question = _ROLE_INITIALS.sub(lambda found: found.group().lower(), question.strip())
    owned = _OWNERS_ROLE_ASKED.match(question) or _TITLED_ROLE_ASKED.match(question)
    if owned is None:
        # "Who is Meridian ceo?", as typed: the owner as a title without "the", where
        # what follows is a person's role ("Who is Anton smith?" is no one's smith).
        owned = _TITLED_ROLE_ASKED_BARE.match(question)
        owned = owned if owned is not None and names_a_role(owned["role"]) else None
    if owned is not None and not is_verb_form(owned["role"].split()[-1]):
        # "Solvik's chief executive", "the Aster spokesperson"
        return f"the {owned['role']} of {owned['owner']}"
    kinds = _KINDS_ROLE_ASKED.match(question)
    if kinds is not None:
        # In small letters: typed words mended to the article's may take its title's
        # capital ("the town's Fire chief" of "Fire Chief Daniel Vokes").
        role = kinds["role"].lower()
        if names_a_role(role) and not is_verb_form(role.split()[-1]):
            return f"the {role}"
    led = _LED_BY.match(question.strip())
    if led is not None:
        # "Who leads the group that took over the embassy?": the group's leader.
        owner = led["owner"]
        verb = led["verb"] or led["going"] or ""
        # "in charge of": the head
        noun = _HOLDER.get(verb.lower()) or _HOLDER_ING.get(verb.lower(), "head")
        if f"the {noun}" in HEADS:
            # "Who leads the group?": the group's head, not whoever the article calls a
            # chairman (the club's, where the trust that marched is led by another).
            return f"the {noun} of {owner}"
        return _role_of(f"the {noun}", owner, f"of {owner}")
    asked = _ROLE_ASKED.match(question.strip())
    bare = _BARE_ROLE_ASKED.match(question.strip()) if asked is None else None
    if bare is not None and names_a_role(bare["role"]):
        # "Who was captain of the Hallen Trader?", as "Who was the captain ...?" asks.
        return role_asked(f"{bare['who']} the {bare['role']} {bare['rest']}")
    if asked is None:
        return None
    *before, last = asked.group().rstrip(" ?").split()
    # "the sentencing", "the hearing": a noun, not a verb ending the question.
    gerund = last.lower().endswith("ing") and before[-1:] == ["the"]
    if is_verb_form(last) and not gerund:
        return None  # "Who is the chief of the militia called?" asks no holder
    attached = asked["of"]
    if attached is not None and _AT_OWNER.match(attached):
        # "the chief engineer at Meridian" is Meridian's chief engineer.
        attached = f"of {asked['owner']}"
    return _role_of(asked["role"], asked["owner"], attached)


# A role asked without "the": "Who was captain of the Hallen Trader?", "who is head of
# the coalition".
_BARE_ROLE_ASKED = re.compile(
    r"^(?P<who>who\s+(?:is|was))\s+(?!the\b|an?\b)(?P<role>(?-i:[a-z])[\w-]*(?:\s+(?-i:[a-z])"
    r"[\w-]*){0,2}?)\s+(?P<rest>(?:of|at|for)\s+\S.*)$",
    re.IGNORECASE,
)
# A named owner a role is at, in or for: "at Meridian", "for Halvern Telecom".
_AT_OWNER = re.compile(r"(?:at|in|for)\s+(?-i:[A-Z])")


# "What is the name of the Russian ambassador?", "What was the name of the bishop who
# crowned Aldric I?", "What's that official's name?": a role's holder asked by name, as
# "Who is the Russian ambassador?" asks it. The reader, where the article names no one,
# gave what the role is of ("Lebanon" of "Russia's ambassador to Lebanon", "Kelmora" of
# "the bishop of Kelmora", confident) or a phrase in small letters ("the target").
_ROLE_NAME_ASKED = re.compile(
    r"^what(?:\s+(?:is|was)|[’']s)\s+(?:the\s+name\s+of\s+(?P<of>.+?)"
    r"|(?P<owner>(?:the|that|this)\s+.+?|(?-i:[A-Z])\S*(?:\s+(?-i:[A-Z])\S*){0,2}[’']s\s+.+?)"
    r"[’']s\s+name)\s*\??$",
    re.IGNORECASE,
)


def role_name_asked(question: str) -> str | None:
    """The role whose holder's name the question asks for ("the ambassador of Russian"
    of "What is the name of the Russian ambassador?", as role_asked reads "Who is the
    Russian ambassador?"), where that is a person; None for another question."""
    asked = _ROLE_NAME_ASKED.match(question.strip())
    if asked is None:
        return None
    phrase = asked["of"] or asked["owner"]
    phrase = re.split(r"\s+(?:who|whom|that|which)\s", phrase, maxsplit=1)[0]
    phrase = re.sub(r"^(?:that|this)\b", "the", phrase, flags=re.IGNORECASE)
    # "the Helena Mara's captain": the name owns the role, as in "Who is Aster's ...?"
    phrase = re.sub(r"^the\s+(?=(?-i:[A-Z])[^’']*[’']s\s)", "", phrase, flags=re.IGNORECASE)
    role = role_asked(f"Who is {phrase}?")
    return role if role is not None and held_by_someone(role) else None


# Between an owner and the role's noun: its "’s" and up to two words in small letters.
_OWNER_GAP = re.compile(r"(?:[’']s)?\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}")


def of_the_role(role: str, sentence: str, start: int, end: int) -> bool:
    """Whether [start, end) of `sentence` is what a mention of the role's noun is of:
    its owner ("Russia’s" of "Russia’s ambassador to Lebanon") or what follows it ("Lebanon"
    of "ambassador to Lebanon", "Kelmora" of "the bishop of Kelmora"): not its holder."""
    for found in role_noun(role).finditer(sentence):
        gap = sentence[end : found.start()]
        owned = end <= found.start() and _OWNER_GAP.fullmatch(gap) is not None
        if owned and (sentence[:end].endswith(("’s", "'s")) or gap.startswith(("’s", "'s"))):
            return True
        after = re.match(r"\s+(?:of|to|in|at|for|from)\s+(?:the\s+)?", sentence[found.end() :])
        if after is not None and start == found.end() + after.end():
            return True
    return False


def _role_of(role: str, owner: str | None, attached: str) -> str:
    """The role with its owner (`attached`: "of Solvik") where a name owns it ("the chief
    executive of Solvik"), or alone ("the referee" of "the referee of the final")."""
    if owner is None:
        return role
    if owner.split()[0].lower() in DETERMINERS and not any(
        word[:1].isupper() for word in owner.split()
    ):
        return role  # "the referee of the final": the referee
    return f"{role} {attached}"


# The description set beside a name: before it ("Aster's chief executive, Laura Brennan";
# "Its chief operating officer, Karen Liddell", the owner named the sentence before) or
# after it ("Priya Raman, Veridian's chief executive,").
_DESCRIBED_BEFORE = re.compile(
    r"(?P<phrase>(?:(?-i:[A-Z])[\w-]*[’']s\s+|\b(?:the|a|an|its|his|her|their)\s+)"
    r"(?:[\w’'-]+\s+){0,3}?[\w-]+)"
    r"\s*,\s*(?:the\s+)?$",  # "Harbourside's owners, the Calloway Maritime Group"
    re.IGNORECASE,
)
# An age may come first, and the role may end with its owner: "Dorian Kestrel, 47, the
# founder and chief executive of Meridian Ascent."
_DESCRIBED_AFTER = re.compile(
    r"^\s*,\s+(?:\d{1,3}\s*,\s+)?"
    r"(?P<phrase>(?:(?:(?-i:[A-Z])[\w-]*[’']s|the|a|an)\s+(?:[\w’'-]+\s+){0,4}?[\w-]+"
    r"(?:\s+of\s+(?:the\s+)?(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){0,3})?)"
    # ... or a role in small letters of an owner named: "Gwen Albright, president of the
    # Halvern Valley Education Association, said" (story h45).
    r"|(?-i:[a-z])[\w-]*(?:\s+(?-i:[a-z])[\w-]*){0,2}\s+of\s+(?:the\s+)?"
    r"(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){0,4})"
    r"(?=\s*(?:[,.;:]|$))",
    re.IGNORECASE,
)


def described_after(sentence: str, end: int) -> str | None:
    """The role a name ending at `end` of `sentence` is described by right after it ("a
    retired zoo inspector" of "Dr. Anton Fischer, a retired zoo inspector, ..."), or None."""
    found = _DESCRIBED_AFTER.match(sentence[end:])
    return found["phrase"] if found is not None and names_a_role(found["phrase"]) else None


def holds_other_role(role: str, sentence: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) of `sentence` is set beside a role other than the
    one asked (`role`, as role_asked gives it): "Aster's chief executive, Laura Brennan"
    asked "Who is Aster's spokesperson?" (the reader read the owner beside her name)."""
    asked = name_pattern(role)
    if asked is None:
        return False
    found = described_role(sentence, start, end)
    if found is None:
        return False
    phrase, capitals = found
    if capitals:
        # A title in capitals names no owner ("Mayor Denise Okafor"): its noun is the role's.
        return role_noun(role).search(phrase) is None
    return re.search(asked, phrase, re.IGNORECASE) is None


def described_role(sentence: str, start: int, end: int) -> tuple[str, bool] | None:
    """The role the name at [start, end) of `sentence` is set beside ("Aster's chief
    executive" of "Aster's chief executive, Laura Brennan"), and whether it is a title
    in capitals before the name ("Council President"); None where it is set beside none."""
    for found in (
        _DESCRIBED_BEFORE.search(sentence[:start]),
        _DESCRIBED_AFTER.match(sentence[end:]),
        _ROLE_BEFORE.search(sentence[:start]),
        _OWNED_ROLE_BEFORE.search(sentence[:start]),
    ):
        if found is not None and names_a_role(found["phrase"]):
            return found["phrase"], False
    title = _CAPITAL_TITLE.search(sentence[:start])
    if title is not None and names_a_role(title["phrase"].lower()):
        return title["phrase"], True
    return None


# ... or after its owner's name: "Valley Crest spokeswoman" of "Valley Crest spokeswoman
# Angela Moreno said ...".
_OWNED_ROLE_BEFORE = re.compile(
    r"(?<![\w’'-])(?P<phrase>(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){0,2}"
    r"(?:\s+(?-i:[a-z])[\w-]*){1,3})\s+$"
)
# A title in capitals right before a name, as news writes one: "Council President" of
# "Council President Raymond Tully, 67, cast the deciding vote" (not the mayor asked).
_CAPITAL_TITLE = re.compile(
    r"(?:^|[,;:(]\s*|\b(?-i:[a-z]+)\s+)(?P<phrase>(?:(?-i:[A-Z])[a-z-]+\s+){1,3})$"
)
# A title in small letters right before a name: "former prime minister" of "since former
# prime minister Gustav Rennel was convicted" (no preposition or article among its words).
_ROLE_BEFORE = re.compile(
    rf"(?:^|\b(?:{'|'.join(sorted(PREPOSITIONS | DETERMINERS))})\s+|[,;:]\s*)"
    r"(?P<phrase>(?-i:[a-z])[\w-]*(?:\s+(?-i:[a-z])[\w-]*){0,3})\s+$",
    re.IGNORECASE,
)


def same_owner(one: str, other: str) -> bool:
    """Whether two names of owners are one owner's, the shorter a leading or trailing run
    of the longer's words: "Brennan's assistant" is Tomas Brennan's, as the article calls
    him after; "Solvane's chief executive" is Solvane Biotherapeutics', as news shortens
    a company's name after its first mention."""
    short, long = sorted((one.split(), other.split()), key=len)
    return bool(short) and (long[: len(short)] == short or long[len(long) - len(short) :] == short)


def held_elsewhere(role: str, sentence: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) of `sentence` holds the role asked of one owner
    ("the chief executive of Solvik") for another: "Priya Raman, Veridian's chief
    executive". The reader, reading the role's words beside her name, gave her as
    Solvik's (confident). False for a role asked of no one, or a sentence that names
    the asked owner's too."""
    owned = _OWNED_AFTER.match(" ".join(role.split()[1:]))
    if owned is None:
        return False
    noun, owner = owned["noun"], owned["owner"]
    held = name_beside(f"the {noun}", sentence, loose=True)
    if held is None or not (held[0] < end and start < held[1]):
        return False
    written = r"\s+".join(re.escape(word) for word in noun.split())
    owners = [
        found["owner"] or found["after"]
        for found in re.finditer(
            rf"(?P<owner>{_NAME})[’']s\s+{written}\b|\b{written}\s+of\s+(?:the\s+)?"
            rf"(?P<after>{_NAME})",
            sentence,
        )
    ]
    if owners:
        return not any(same_owner(found, owner) for found in owners) and (
            initials_of(owner) not in owners
        )
    # The owner's people as the role's title: "Velmoran Foreign Minister Anton Ruzic" is
    # not Astrania's foreign minister.
    titled = re.search(rf"(?<![\w’'-])(?P<people>(?-i:[A-Z])[\w-]+)\s+(?i:{written})\b", sentence)
    if titled is None or not is_people_word(titled["people"]):
        return False
    return not people_of(titled["people"], owner)
